"""The wizard page in Chromium: choosing, scanning, the phase check, the URL and the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kb.pipeline import check
from kb.recommend import Answers, recommend
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent.parent


def _advice(page: Page) -> list[str]:
    return page.locator(".kb-wizard__advice li > a").all_inner_texts()


def test_choosing_a_knob_and_phase_gives_explained_advice(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/")
    expect(page.locator(".kb-wizard__advice")).to_contain_text("Kies een of meer knoppen")
    page.get_by_label("Knop 2: Coördinatie").check()
    page.get_by_label("Fase", exact=True).select_option("pluswijk-stap-2-wijkopgave-en-wijkplan")
    page.get_by_label("Jouw rol").select_option("municipality")
    expect(page.locator(".kb-wizard__advice")).to_contain_text("past bij Knop 2: Coördinatie")
    expect(page).to_have_url(re.compile(r"knop=knop-coordinatie"))
    graph = check(ROOT / "content").graph
    expected = recommend(
        graph,
        Answers(
            needs={"knop-coordinatie": 1.0},
            phase="pluswijk-stap-2-wijkopgave-en-wijkplan",
            roles=("municipality",),
        ),
    )
    practices = [a.title for a in expected if a.kind == "practice"][:5]
    assert _advice(page)[: len(practices)] == practices


def test_the_url_restores_the_same_advice_and_back_works(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/")
    page.get_by_label("Knop 4: Routine").check()
    first = _advice(page)
    assert first
    shared = page.url
    page.get_by_label("Knop 6: Systeem").check()
    assert _advice(page) != first
    page.go_back()
    expect(page.get_by_label("Knop 6: Systeem")).not_to_be_checked()
    assert _advice(page) == first
    page.goto(shared)
    expect(page.get_by_label("Knop 4: Routine")).to_be_checked()
    assert _advice(page) == first
    page.get_by_role("button", name="Begin opnieuw").click()
    expect(page.get_by_label("Knop 4: Routine")).not_to_be_checked()
    expect(page.locator(".kb-wizard__advice")).to_contain_text("Kies een of meer knoppen")


def test_knob_scan_draws_the_radar_and_sets_the_needs(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/")
    page.get_by_text("Knoppenscan: beoordeel elke uitspraak").click()
    for group in page.locator(".kb-wizard__scan .kb-wizard__rating").all():
        group.get_by_label("staat").check()
    radar = page.locator(".kb-wizard__radar svg")
    expect(radar).to_have_attribute("aria-label", re.compile("Knop 1: Gedeelde basis 100%"))
    expect(page.locator(".kb-wizard__advice")).to_contain_text("Kies een of meer knoppen")
    page.locator(".kb-wizard__scan .kb-wizard__rating").first.get_by_label("nog niet").check()
    expect(page.locator(".kb-wizard__advice")).to_contain_text("past bij Knop 1: Gedeelde basis")
    expect(page.locator(".kb-radar__label--weak")).to_have_text("Knop 1")


def test_phase_check_names_the_likely_phase(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/")
    page.get_by_text("Fasecheck: kruis aan wat bij jullie al zo is").click()
    markers = page.locator("input[id^='kb-signaal-omk-fase-2-']")
    for i in range(markers.count()):
        markers.nth(i).check()
    expect(page.locator(".kb-wizard__result")).to_contain_text(
        "waarschijnlijk OMK-fase 2: Experiment en uitvoering"
    )


def test_the_wizard_works_with_the_keyboard_only(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/")
    page.get_by_label("Fase", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first phase of the first phase model
    expect(page.get_by_label("Fase", exact=True)).not_to_have_value("")
    page.keyboard.press("Tab")  # the phase check's summary
    page.keyboard.press("Enter")  # opens it
    expect(page.locator(".kb-wizard__check")).to_have_attribute("open", "")
    page.keyboard.press("Tab")  # its first marker
    page.keyboard.press("Space")
    expect(page.locator(".kb-wizard__result")).to_contain_text("waarschijnlijk")
    page.get_by_label("Knop 1: Gedeelde basis").focus()
    page.keyboard.press("Space")
    expect(page.locator(".kb-wizard__advice")).to_contain_text("past bij Knop 1: Gedeelde basis")
    page.get_by_role("button", name="Begin opnieuw").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Knop 1: Gedeelde basis")).not_to_be_checked()


def test_print_view_keeps_the_advice_the_answers_and_the_radar(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/?knop=knop-faciliteren&scan=knop-routine:0120")
    expect(page.locator(".kb-wizard__advice")).to_contain_text("past bij Knop 5: Faciliteren")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    expect(page.locator(".kb-wizard__radar svg")).to_be_visible()
    expect(page.get_by_role("button", name="Begin opnieuw")).to_be_hidden()
    assert page.pdf()[:4] == b"%PDF"


def test_the_wizard_fits_a_small_phone(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site_url}/wizard/?knop=knop-systeem")
    expect(page.locator(".kb-wizard__advice li").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_the_wizard_page_has_no_accessibility_violations(
    page: Page, site_url: str, axe: Path
) -> None:
    page.goto(f"{site_url}/wizard/?knop=knop-routine&fase=omk-fase-2-experiment-en-uitvoering")
    expect(page.locator(".kb-wizard__advice li").first).to_be_visible()
    page.get_by_text("Knoppenscan: beoordeel elke uitspraak").click()
    page.get_by_text("Fasecheck: kruis aan wat bij jullie al zo is").click()
    assert axe_violations(page, axe, "#kb-wizard") == []


def test_advice_names_the_guide_step_the_gaps_and_the_models(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/?knop=knop-coordinatie&fase=omk-fase-2-experiment-en-uitvoering")
    advice = page.locator(".kb-wizard__advice")
    expect(advice).to_contain_text("Stappenplan voor deze fase")
    expect(advice).to_contain_text("Hier is het bewijs nog dun")
    expect(
        advice.get_by_role("link", name=re.compile("Impactmeting", re.IGNORECASE))
    ).to_be_visible()
    expect(advice).to_contain_text("Modellen die deze knoppen uitleggen")
    step = advice.get_by_role(
        "link", name=re.compile(r"Stappenplan voor een nieuwe PlusWIJk, stap")
    )
    step.first.click()
    expect(page).to_have_url(re.compile(r"/stappenplannen/stappenplan-nieuwe-pluswijk/#stap-\d"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_be_visible()


def test_an_empty_result_explains_what_to_do(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/wizard/?knelpunt=onbekend&fase=nergens&rol=koning")
    expect(page.locator(".kb-wizard__advice")).to_contain_text("Kies een of meer knoppen")
    expect(page.get_by_label("Fase", exact=True)).to_have_value("")
