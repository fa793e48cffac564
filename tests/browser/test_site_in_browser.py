"""What a reader sees in Chromium: the home page, Dutch search, and backlinks."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_home_page_loads_in_dutch(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    expect(page).to_have_title(re.compile("Toolbox Integrale Zorg"))
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Toolbox Integrale Zorg"))
    page.get_by_role("link", name="Knoppen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Knoppen"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("knoppen", "Coördinatie"),
        ("knop", "Coördinatie"),
        ("fasen", "Initiatief"),
        ("DMIC", "Ontwikkelingsmodel"),
        ("King's Fund", "Zesknoppenmodel"),
        ("wijkteam", "PlusWIJkteam"),
        ("financiering", "Financiering"),
        ("kennishiaten", "Kennishiaten"),
        ("ouderen", "Kernteam ouderen"),
        ("OMK", "Ontwikkelingsmodel"),
        ("JZOJP", "Juiste Zorg"),
        ("IZA", "Integraal Zorgakkoord"),
        ("WoR", "Welzijn op Recept"),
        ("PP", "PlusPraktijken"),
        ("HOZL", "HuisartsenOZL"),
    ],
)
def test_search_understands_dutch_inflections(
    page: Page, site_url: str, query: str, expected: str
) -> None:
    page.goto(f"{site_url}/")
    page.get_by_role("textbox", name="Zoeken").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text(expected)


def test_entry_page_shows_its_backlinks(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/knoppen/knop-coordinatie/")
    heading = page.get_by_role("heading", name="Verwijzingen hierheen")
    expect(heading).to_be_visible()
    backlink = page.locator("#verwijzingen-hierheen ~ ul").get_by_role(
        "link", name="PlusPraktijken", exact=True
    )
    expect(backlink).to_be_visible()
    backlink.click()
    expect(page).to_have_url(re.compile("/praktijken/praktijk-pluspraktijken/"))
