"""The toolbox page in Chromium, checked against a Python reading of the same data file.

The reference below applies the page's documented rules (OR within a facet, AND across facets,
phases matched through the reference axis) to `assets/toolbox.json`; the page must agree on the
count, the order of the results, the option counts and the exported selection.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

Selection = dict[str, list[str]]


@pytest.fixture(scope="module")
def data(real_site: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (real_site / "assets" / "toolbox.json").read_text(encoding="utf-8")
    )
    return loaded


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _values(data: dict[str, Any], entry: dict[str, Any], facet: str) -> set[str]:
    if facet == "fase":
        own, axis = set(entry["phases"]), set(entry["axis"])
        return {
            phase["id"]
            for model in data["phase_models"]
            for phase in model["phases"]
            if phase["id"] in own or axis & set(phase["axis"])
        }
    field = {
        "soort": "kind",
        "knop": "knobs",
        "niveau": "levels",
        "voor": "audiences",
        "doelgroep": "target_groups",
        "bewijs": "evidence",
        "status": "status",
        "regio": "region",
    }[facet]
    value = entry[field]
    return set(value) if isinstance(value, list) else ({value} if value else set())


def _reference(data: dict[str, Any], selected: Selection, query: str = "") -> list[dict[str, Any]]:
    words = _fold(query).split()

    def score(entry: dict[str, Any]) -> int:
        total = 0
        for word in words:
            points = (
                4 * (word in _fold(entry["title"]))
                + 2 * (word in _fold(" \u2022 ".join(entry["aliases"])))
                + (word in _fold(entry["summary"]))
            )
            if not points:
                return 0
            total += points
        return total

    hits = [
        (score(entry) if words else 1, position, entry)
        for position, entry in enumerate(data["entries"])
        if all(
            not wanted or _values(data, entry, facet) & set(wanted)
            for facet, wanted in selected.items()
        )
    ]
    hits = [hit for hit in hits if hit[0]]
    if words:  # best match first; ties are ordered by title, which only the page compares
        hits.sort(key=lambda hit: (-hit[0], hit[1]))
    return [entry for _, _, entry in hits]


def _open(page: Page, site_url: str, selection: Selection, query: str = "") -> None:
    params = [(facet, value) for facet, values in selection.items() for value in values]
    if query:
        params.append(("q", query))
    page.goto(f"{site_url}/toolbox/?{urlencode(params)}")
    expect(page.locator(".kb-toolbox__status")).to_be_visible()


def _shown_urls(page: Page) -> list[str]:
    hrefs = page.locator(".kb-toolbox__result a").evaluate_all("links => links.map(a => a.href)")
    return [re.sub(r"^.*?/((?:[^/]+)/[^/]+/)$", r"\1", href) for href in hrefs]


def _expected_status(found: int, total: int) -> str:
    return f"{total} onderdelen" if found == total else f"{found} van {total} onderdelen"


def _combinations(data: dict[str, Any]) -> list[Selection]:
    omk = data["phase_models"][0]["phases"]
    other = next(m for m in data["phase_models"][1:] if any(p["axis"] for p in m["phases"]))
    return [
        {"knop": ["knop-coordinatie"]},
        {"fase": [omk[0]["id"]]},
        {"soort": ["practice", "tool"], "knop": ["knop-systeem"]},
        {"soort": ["practice"], "fase": [omk[1]["id"], omk[2]["id"]], "niveau": ["meso"]},
        {"fase": [next(p["id"] for p in other["phases"] if p["axis"])]},
        {"voor": ["municipality"], "knop": ["knop-faciliteren", "knop-routine"]},
        {"soort": ["funding"], "status": ["voorstel"]},
        {"regio": ["Zuid-Limburg"], "soort": ["practice"]},
    ]


def test_filter_combinations_match_the_reference(
    page: Page, site_url: str, data: dict[str, Any]
) -> None:
    total = len(data["entries"])
    for selection in _combinations(data):
        expected = _reference(data, selection)
        _open(page, site_url, selection)
        expect(page.locator(".kb-toolbox__status")).to_have_text(
            _expected_status(len(expected), total)
        )
        assert _shown_urls(page) == [e["url"] for e in expected[:50]], selection


def test_option_counts_are_what_ticking_the_option_would_give(
    page: Page, site_url: str, data: dict[str, Any]
) -> None:
    selection: Selection = {"soort": ["practice"], "knop": ["knop-coordinatie"]}
    _open(page, site_url, selection)
    for facet, option in (("knop", "knop-systeem"), ("niveau", "micro"), ("soort", "tool")):
        alone = {**selection, facet: [option]}
        count = len(_reference(data, alone))
        label = page.locator(f'.kb-facet input[name="{facet}"][value="{option}"]').locator("..")
        expect(label.locator(".kb-facet__count")).to_have_text(f"({count})")


def test_text_search_ranks_title_matches_first(
    page: Page, site_url: str, data: dict[str, Any]
) -> None:
    expected = _reference(data, {}, "dementie")
    titled = {e["url"] for e in expected if "dementie" in _fold(e["title"])}
    assert titled
    _open(page, site_url, {}, "dementie")
    shown = _shown_urls(page)
    assert set(shown[: len(titled)]) == titled if len(titled) <= 50 else set(shown) <= titled
    expect(page.locator(".kb-toolbox__status")).to_have_text(
        _expected_status(len(expected), len(data["entries"]))
    )


def test_state_round_trips_through_the_address_and_the_back_button(
    page: Page, site_url: str, data: dict[str, Any]
) -> None:
    page.goto(f"{site_url}/toolbox/")
    page.get_by_role("checkbox", name=re.compile(r"^Praktijkvoorbeelden")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Knop 2: Coördinatie")).check()
    expect(page).to_have_url(re.compile(r"soort=practice&knop=knop-coordinatie"))
    expected = _reference(data, {"soort": ["practice"], "knop": ["knop-coordinatie"]})
    status = _expected_status(len(expected), len(data["entries"]))
    expect(page.locator(".kb-toolbox__status")).to_have_text(status)
    page.reload()
    expect(page.get_by_role("checkbox", name=re.compile(r"^Knop 2: Coördinatie"))).to_be_checked()
    expect(page.locator(".kb-toolbox__status")).to_have_text(status)
    page.go_back()
    expect(
        page.get_by_role("checkbox", name=re.compile(r"^Knop 2: Coördinatie"))
    ).not_to_be_checked()
    page.get_by_role("button", name="Filter Soort: Praktijkvoorbeelden verwijderen").click()
    expect(page.locator(".kb-toolbox__status")).to_have_text(f"{len(data['entries'])} onderdelen")


def test_csv_export_holds_the_selection(page: Page, site_url: str, data: dict[str, Any]) -> None:
    selection: Selection = {"soort": ["tool"], "knop": ["knop-routine"]}
    _open(page, site_url, selection)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = _reference(data, selection)
    assert [row["id"] for row in rows] == [e["id"] for e in expected]
    first = rows[0]
    assert first["titel"] == expected[0]["title"]
    assert first["knoppen"] == "; ".join(expected[0]["knobs"])
    assert first["url"].endswith(f"/{expected[0]['url']}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [item["id"] for item in exported] == [e["id"] for e in expected]


def test_toolbox_has_no_accessibility_violations(page: Page, site_url: str, axe: Path) -> None:
    page.goto(f"{site_url}/toolbox/?knop=knop-coordinatie")
    expect(page.locator(".kb-toolbox__status")).to_be_visible()
    violations = axe_violations(page, axe)
    assert violations == [], json.dumps(violations, indent=2)


def test_a_matrix_cell_opens_the_toolbox_filtered_to_that_cell(
    page: Page, site_url: str, data: dict[str, Any]
) -> None:
    page.goto(f"{site_url}/matrix/")
    cell = page.locator("table a[href*='soort=practice']").first
    count = int(cell.inner_text().split()[0])
    cell.click()
    expect(page).to_have_url(re.compile(r"/toolbox/\?soort=practice&knop=[^&]+&fase="))
    expect(page.locator(".kb-toolbox__status")).to_have_text(
        f"{count} van {len(data['entries'])} onderdelen"
    )


def test_matrix_has_no_accessibility_violations(page: Page, site_url: str, axe: Path) -> None:
    page.goto(f"{site_url}/matrix/")
    violations = axe_violations(page, axe)
    assert violations == [], json.dumps(violations, indent=2)
