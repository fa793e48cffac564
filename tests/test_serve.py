"""`mkdocs serve` regenerates the pages when a YAML entry changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini" / "content"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url):
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    shutil.copytree(MINI, tmp_path / "content")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'toolbox'}\n")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield f"http://127.0.0.1:{port}", tmp_path / "content"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_editing_an_entry_reloads_its_page(served: tuple[str, Path]) -> None:
    url, content = served
    page = f"{url}/praktijken/praktijk-a/"
    assert _wait_for(page, "Praktijk A", 60)
    entry = content / "practices" / "praktijk-a.yml"
    entry.write_text(entry.read_text().replace("title: Praktijk A", "title: Praktijk Anders"))
    assert _wait_for(page, "Praktijk Anders", 60)
