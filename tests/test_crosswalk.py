"""The crosswalk between models is complete, and the comparison pages show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.crosswalk import axis_model
from kb.model import Element, Phase
from kb.pipeline import Result, check
from kb.render import MODELS_PAGE, PHASES_PAGE, render_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def result() -> Result:
    return check(ROOT / "content", "content")


@pytest.fixture(scope="module")
def pages(result: Result) -> dict[str, str]:
    return render_site(result.graph)


def test_the_real_content_is_clean(result: Result) -> None:
    assert [d.format() for d in result.diagnostics] == []


def test_every_element_maps_onto_the_knobs_or_says_why_not(result: Result) -> None:
    elements = result.graph.of_kind("element")
    assert elements
    for element in elements:
        assert isinstance(element.fields, Element)
        assert element.fields.knobs or element.fields.no_equivalent, element.id
        for link in element.fields.knobs:
            assert link.basis == "stated" or link.note, element.id


def test_every_phase_has_an_equivalent_on_the_omk_axis_or_says_why_not(result: Result) -> None:
    axis = axis_model(result.graph)
    assert axis is not None
    assert axis.id == "omk"
    for phase in result.graph.of_kind("phase"):
        assert isinstance(phase.fields, Phase)
        if phase.fields.model == axis.id:
            continue
        on_axis = [m for m in phase.fields.equivalents if m.phase.startswith("omk-fase-")]
        assert on_axis or phase.fields.no_equivalent, phase.id


def _rows(page: str, first_cell: str) -> str:
    """Every table row (one per table of a few models) that starts with `first_cell`."""
    rows = [line for line in page.splitlines() if line.startswith(f"| {first_cell} |")]
    assert rows, first_cell
    return "\n".join(rows)


def test_model_comparison_shows_stated_mappings_as_stated(pages: dict[str, str]) -> None:
    row = _rows(pages[MODELS_PAGE], "[Knop 1: Gedeelde basis](knoppen/knop-gedeelde-basis.md)")
    assert (
        "[Normatieve integratie (King's Fund)](elementen/kings-fund-normatieve-integratie.md)"
        "{ .kb-map .kb-map--stated" in row
    )


def test_model_comparison_links_every_model_with_elements(
    result: Result, pages: dict[str, str]
) -> None:
    page = pages[MODELS_PAGE]
    for element in result.graph.of_kind("element"):
        assert f"](elementen/{element.id}.md)" in page, element.id


def test_phase_comparison_aligns_phases_on_the_omk_axis(pages: dict[str, str]) -> None:
    page = pages[PHASES_PAGE]
    row = _rows(
        page, "[OMK-fase 1: Initiatief en ontwerp](fasen/omk-fase-1-initiatief-en-ontwerp.md)"
    )
    assert "[PlusWIJk-stap 1: Wijkbeeld](fasen/pluswijk-stap-1-wijkbeeld.md)" in row
    per_model = page.split("## Per fasemodel", 1)[1]
    assert "### PlusWIJk-cyclus: Wijkbeeld, Wijkopgave & Wijkplan" in per_model
    assert "*Op de as:* overlapt met [OMK-fase 1: Initiatief en ontwerp]" in per_model


def test_knob_pages_show_the_elements_of_every_model(pages: dict[str, str]) -> None:
    page = pages["knoppen/knop-gedeelde-basis.md"]
    section = page.split("## Deze knop in andere modellen", 1)[1]
    assert (
        "[Normatieve integratie (King's Fund)](../elementen/kings-fund-normatieve-integratie.md)"
        in section
    )
