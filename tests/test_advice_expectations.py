"""Sensible advice on the real content: a table of expectations drawn from the sources.

Each row: the answers, the kind of list, the entry that must appear, how high at most, and why
the sources say it belongs there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.graph import Graph
from kb.pipeline import check
from kb.recommend import Answers, recommend

ROOT = Path(__file__).resolve().parent.parent
KNOBS = [
    "gedeelde-basis",
    "coordinatie",
    "mensgericht-teamwork",
    "routine",
    "faciliteren",
    "systeem",
]

EXPECTATIONS = [
    *[
        (
            {"knobs": [f"knop-{knob}"]},
            "practice",
            "praktijk-pluspraktijken",
            3,
            "the brochure presents the PlusPraktijken as the good practice of every knob",
        )
        for knob in KNOBS
    ],
    (
        {"knobs": ["knop-routine"]},
        "tool",
        "tool-formats-huisartsenozl",
        1,
        "the HuisartsenOZL formats are the brochure's example for knob 4, Routine",
    ),
    (
        {"knobs": ["knop-faciliteren"]},
        "tool",
        "tool-praktijkspiegels",
        1,
        "mirror information on referrals is a facilitating precondition (knob 5)",
    ),
    (
        {"knobs": ["knop-faciliteren"]},
        "funding",
        "regionaal-budget",
        2,
        "funding is the first precondition the brochure names under knob 5",
    ),
    (
        {"knobs": ["knop-faciliteren"], "challenge": "knelpunt-tijdelijke-financiering"},
        "funding",
        "subsidie-projectfinanciering",
        2,
        "Nivel: temporary subsidies are how collaborations start",
    ),
    (
        {"knobs": ["knop-coordinatie"], "phase": "pluswijk-stap-2-wijkopgave-en-wijkplan"},
        "guide",
        "stappenplan-nieuwe-pluswijk",
        1,
        "the PlusWIJk cycle guide has a step for the wijkplan",
    ),
    (
        {"knobs": ["knop-gedeelde-basis"]},
        "tool",
        "tool-stilstaan-bij-de-samenwerking",
        3,
        "its aspects ambition, interests and relations are the shared basis",
    ),
    (
        {"knobs": ["knop-mensgericht-teamwork"], "phase": "omk-fase-2-experiment-en-uitvoering"},
        "guide",
        "stappenplan-doorbraakmethode-huishouden",
        2,
        "the household procedure is interprofessional work with one household, done in practice",
    ),
    (
        {"knobs": ["knop-faciliteren"], "phase": "omk-fase-1-initiatief-en-ontwerp"},
        "funding",
        "subsidie-projectfinanciering",
        1,
        "Nivel: collaborations usually start on temporary subsidies",
    ),
    (
        {"knobs": ["knop-faciliteren"], "phase": "omk-fase-4-verduurzaming-en-transformatie"},
        "funding",
        "regionaal-budget",
        1,
        "Nivel: a structural regional budget is proposed to make collaborations last",
    ),
    (
        {"knobs": ["knop-coordinatie"], "phase": "omk-fase-3-uitbouw-en-monitoring"},
        "tool",
        "tool-stilstaan-bij-de-samenwerking",
        2,
        "evaluating the collaboration on its aspects belongs to expanding and monitoring it",
    ),
    (
        {"knobs": ["knop-systeem"], "challenge": "knelpunt-multiprobleemhuishoudens"},
        "practice",
        "praktijk-doorbraakmethode",
        1,
        "PlusWIJken plan: the Doorbraakmethode breaks through rules for multi-problem households",
    ),
    (
        {
            "knobs": ["knop-mensgericht-teamwork"],
            "challenge": "knelpunt-niet-medische-hulpvragen-huisarts",
        },
        "practice",
        "praktijk-welzijn-op-recept",
        2,
        "PlusWIJken plan: Welzijn op Recept refers non-medical questions at the GP to welfare "
        "(found in practice, like the PlusPraktijken' collaborative care before it)",
    ),
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return check(ROOT / "content").graph


@pytest.mark.parametrize(
    ("given", "kind", "expected", "within", "why"),
    EXPECTATIONS,
    ids=[f"{row[2]}<-{'+'.join(row[0].get('knobs', []))}" for row in EXPECTATIONS],
)
def test_the_advice_puts_what_the_sources_say_near_the_top(
    graph: Graph, given: dict[str, object], kind: str, expected: str, within: int, why: str
) -> None:
    answers = Answers(
        needs=dict.fromkeys(given.get("knobs", []), 1.0),  # type: ignore[arg-type]
        phase=given.get("phase"),  # type: ignore[arg-type]
        challenge=given.get("challenge"),  # type: ignore[arg-type]
    )
    ranked = [a.id for a in recommend(graph, answers) if a.kind == kind]
    assert expected in ranked[:within], f"{why}; got {ranked[:within]}"
