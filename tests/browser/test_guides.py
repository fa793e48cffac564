"""Step guides in Chromium: ticks are kept per guide, counted per step, reset, and printed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kb.model import Guide
from kb.pipeline import check
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def guide() -> tuple[str, Guide]:
    """The real guide with the most checklist items in its first step."""
    graph = check(ROOT / "content").graph
    guides = [(e.id, e.fields) for e in graph.of_kind("guide") if isinstance(e.fields, Guide)]
    return max(guides, key=lambda g: (len(g[1].steps[0].checklist), g[0]))


def test_ticks_survive_a_reload_and_reset_clears_them(
    page: Page, site_url: str, guide: tuple[str, Guide]
) -> None:
    guide_id, fields = guide
    items = len(fields.steps[0].checklist)
    total = sum(len(step.checklist) for step in fields.steps)
    page.goto(f"{site_url}/stappenplannen/{guide_id}/")
    first = page.locator("#stap-1 ~ .kb-guide__progress").first
    expect(first).to_have_text(f"0 van {items} gedaan")
    boxes = page.locator(".kb-guide__step").first.locator("input[type=checkbox]")
    # The theme draws its own box over the checkbox; a click there reaches the checkbox.
    boxes.nth(0).check(force=True)
    expect(first).to_have_text(f"1 van {items} gedaan")
    expect(page.locator(".kb-guide__overall")).to_have_text(
        f"Voortgang: 1 van {total} punten afgevinkt"
    )
    page.reload()
    expect(boxes.nth(0)).to_be_checked()
    expect(first).to_have_text(f"1 van {items} gedaan")
    # Ticks are kept under this guide's own key (the theme keeps its colour scheme beside it).
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert [key for key in stored if key.startswith("kb-guide:")] == [f"kb-guide:{guide_id}"]
    page.get_by_role("button", name="Vinkjes wissen").click()
    expect(boxes.nth(0)).not_to_be_checked()
    page.reload()
    expect(first).to_have_text(f"0 van {items} gedaan")


def test_every_step_but_the_last_links_to_the_next(
    page: Page, site_url: str, guide: tuple[str, Guide]
) -> None:
    guide_id, fields = guide
    page.goto(f"{site_url}/stappenplannen/{guide_id}/")
    links = page.locator("a.kb-guide__next")
    expect(links).to_have_count(len(fields.steps) - 1)
    links.first.click()
    expect(page).to_have_url(re.compile("#stap-2$"))


def test_print_shows_only_the_guide_with_empty_boxes(
    page: Page, site_url: str, guide: tuple[str, Guide]
) -> None:
    guide_id, _ = guide
    page.goto(f"{site_url}/stappenplannen/{guide_id}/")
    page.locator(".kb-guide__step").first.locator("input[type=checkbox]").first.check(force=True)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".kb-guide__bar", ".kb-guide__next"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    indicator = page.locator(".kb-guide .task-list-indicator").first
    mask = indicator.evaluate("el => getComputedStyle(el, '::before').maskImage")
    assert mask == "none"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_guide_has_no_accessibility_violations(
    page: Page, site_url: str, guide: tuple[str, Guide], axe: Path
) -> None:
    page.goto(f"{site_url}/stappenplannen/{guide[0]}/")
    violations = axe_violations(page, axe)
    assert violations == [], json.dumps(violations, indent=2)
