"""The overview pages in Chromium: the funding table filters and sorts like the content says."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest
from playwright.sync_api import Page, expect

from kb.labels import value_label
from kb.model import Funding, Rating
from kb.pipeline import check
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
DASH = "\N{EN DASH}"
RANKS = [value_label("rating", r) for r in get_args(Rating)] + [DASH]


@pytest.fixture(scope="module")
def fundings() -> list[Funding]:
    graph = check(ROOT / "content").graph
    return [e.fields for e in graph.of_kind("funding") if isinstance(e.fields, Funding)]


def _status(page: Page) -> str:
    return page.locator(".kb-table__status").inner_text()


def _visible_titles(page: Page) -> list[str]:
    return page.locator(".kb-table tbody tr:not([hidden]) td:first-child").all_inner_texts()


def _column(page: Page, header: str) -> list[str]:
    headers = page.locator(".kb-table thead th").all_inner_texts()
    index = [h.strip(" ▲▼") for h in headers].index(header) + 1
    cells = page.locator(f".kb-table tbody tr:not([hidden]) td:nth-child({index})")
    return cells.all_inner_texts()


def test_funding_filters_count_what_the_content_holds(
    page: Page, site_url: str, fundings: list[Funding]
) -> None:
    total = len(fundings)
    page.goto(f"{site_url}/financiering-kiezen/")
    expect(page.locator(".kb-table__status")).to_have_text(
        f"{total} van {total} bekostigingsvormen"
    )
    by_status: dict[str, set[str]] = {}
    for funding in fundings:
        by_status.setdefault(value_label("funding_status", funding.status), set()).add(
            funding.title
        )
    for label, titles in by_status.items():
        page.get_by_label("Status").select_option(label)
        assert _status(page) == f"{len(titles)} van {total} bekostigingsvormen"
        assert set(_visible_titles(page)) == titles
    page.get_by_label("Status").select_option("")
    frames = Counter(frame for funding in fundings for frame in funding.legal_frames)
    for frame, count in frames.items():
        page.get_by_label("Wettelijk kader").select_option(value_label("legal_frames", frame))
        assert _status(page) == f"{count} van {total} bekostigingsvormen"
    page.get_by_role("button", name="Filters wissen").click()
    assert len(_visible_titles(page)) == total


def test_funding_text_search_finds_one_model_by_its_title(
    page: Page, site_url: str, fundings: list[Funding]
) -> None:
    target = fundings[0].title
    page.goto(f"{site_url}/financiering-kiezen/")
    page.get_by_label("Zoek in de tabel").fill(target)
    assert target in _visible_titles(page)
    page.get_by_label("Zoek in de tabel").fill("geen-enkele-bekostigingsvorm-heet-zo")
    assert _visible_titles(page) == []
    expect(page.locator(".kb-table__status")).to_have_text(re.compile("^0 van "))


def test_funding_sorts_by_rating_and_keeps_the_view_in_the_address(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}/financiering-kiezen/")
    header = page.locator(".kb-table thead th").filter(has_text="Preventie")
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    ascending = [RANKS.index(v) for v in _column(page, "Preventie")]
    assert ascending == sorted(ascending)
    assert "sorteer=preventie-op" in page.url

    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    descending = [RANKS.index(v) for v in _column(page, "Preventie")]
    rated = [v for v in descending if RANKS[v] != DASH]
    assert rated == sorted(rated, reverse=True)
    assert descending[len(rated) :] == [RANKS.index(DASH)] * (len(descending) - len(rated))

    page.reload()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert [RANKS.index(v) for v in _column(page, "Preventie")] == descending
    page.go_back()
    expect(header).to_have_attribute("aria-sort", "ascending")


def test_funding_table_has_no_accessibility_violations(
    page: Page, site_url: str, axe: Path
) -> None:
    page.goto(f"{site_url}/financiering-kiezen/")
    violations = axe_violations(page, axe)
    assert violations == [], json.dumps(violations, indent=2)
