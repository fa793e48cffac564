"""Every diagnostic code is used, documented, and shown on the maintainers' page."""

from __future__ import annotations

import re
from pathlib import Path

from kb.diagnostics import CODES
from kb.graph import resolve
from kb.render import CODES_PAGE, render_site

PACKAGE = Path(__file__).resolve().parent.parent / "kb"
CASES = Path(__file__).resolve().parent / "cases" / "invalid"


def _codes_in(paths: list[Path]) -> set[str]:
    text = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in paths)
    return set(re.findall(r"\"(kb\.[a-z]+(?:-[a-z]+)*)\"", text))


def test_every_code_the_code_emits_is_documented() -> None:
    used = _codes_in([p for p in PACKAGE.glob("*.py") if p.name != "diagnostics.py"])
    assert used <= set(CODES)


def test_every_documented_code_is_emitted_somewhere() -> None:
    used = _codes_in([p for p in PACKAGE.glob("*.py") if p.name != "diagnostics.py"])
    assert set(CODES) <= used


def test_every_code_has_a_case_except_a_missing_content_folder() -> None:
    text = "\n".join(p.read_text() for p in CASES.glob("*/expected.txt"))
    exercised = set(re.findall(r"\[(kb\.[a-z-]+)\]", text))
    assert set(CODES) - exercised == {"kb.no-content"}


def test_the_maintainers_page_lists_every_code() -> None:
    graph, _ = resolve([])
    page = render_site(graph)[CODES_PAGE]
    for code in CODES.values():
        assert f"| `{code.name}` |" in page
