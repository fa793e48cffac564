"""Playwright driving Debian's Chromium, headless, against the built site on localhost."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail("Debian's chromium is missing on CI; .ci/run should have installed it")
    pytest.skip("browser tests need Debian's chromium: apt-get install chromium")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(real_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = _chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def axe() -> Path:
    """axe-core, installed by scripts/test from tests/browser/package.json."""
    if not AXE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is missing on CI; scripts/test should have installed it")
        pytest.skip("the accessibility tests need axe-core: cd tests/browser && npm install")
    return AXE


def axe_violations(page: Page, axe: Path, selector: str = ".md-content") -> list[str]:
    """axe-core's violations inside `selector` of the loaded page, one line each."""
    page.add_script_tag(path=str(axe))
    violations: list[str] = page.evaluate(
        """async (selector) => {
          const result = await axe.run(document.querySelector(selector));
          return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(" ")}`);
        }""",
        selector,
    )
    return violations
