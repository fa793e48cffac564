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
SHOWN = 5  # the wizard shows five pieces of advice per kind
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
        {"knobs": ["knop-faciliteren"], "challenge": "knelpunt-zvw-te-strak"},
        "funding",
        "regionaal-budget",
        SHOWN,
        "Nivel, Tabel 3.1: a regional budget is the interviewees' answer to the strict Zvw",
    ),
    (
        {"knobs": ["knop-faciliteren"], "challenge": "knelpunt-tijdelijke-financiering"},
        "funding",
        "experimenteerruimte",
        SHOWN,
        "Nivel: room to experiment without an up-front business case, against temporary money",
    ),
    (
        {"knobs": ["knop-coordinatie"], "phase": "pluswijk-stap-2-wijkopgave-en-wijkplan"},
        "guide",
        "stappenplan-nieuwe-pluswijk",
        SHOWN,
        "the PlusWIJk cycle guide has a step for the wijkplan",
    ),
    (
        {"knobs": ["knop-gedeelde-basis"], "challenge": "knelpunt-belangen-en-vertrouwen"},
        "tool",
        "tool-serious-game-belangen",
        SHOWN,
        "Vilans: playing out each partner's interests is a found way to build trust",
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
        SHOWN,
        "Nivel: collaborations usually start on temporary subsidies",
    ),
    (
        {
            "knobs": ["knop-faciliteren"],
            "phase": "omk-fase-4-verduurzaming-en-transformatie",
            "challenge": "knelpunt-preventie-structureel",
        },
        "funding",
        "regionaal-budget",
        SHOWN,
        "Nivel: a structural regional budget is proposed to make collaborations last",
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
