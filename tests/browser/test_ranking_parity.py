"""The browser's ranking (assets/wizard/ranking.js over assets/kb.json) equals `kb recommend`."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from kb.pipeline import check
from kb.recommend import Answers, recommend

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent.parent

_RUN = """async (combos) => {
  const ranking = await import("/assets/wizard/ranking.js");
  const data = await (await fetch("/assets/kb.json")).json();
  return combos.map((answers) => ranking.recommend(data, answers));
}"""


def _combinations(knobs: list[str], phases: list[str], challenges: list[str]) -> list[Answers]:
    combos = [Answers(needs={k: 1.0}, phase=p) for k in knobs for p in [None, *phases]]
    combos += [Answers(needs={a: 1.0, b: 0.5}) for a, b in itertools.combinations(knobs, 2)]
    combos += [
        Answers(
            needs={knobs[i % len(knobs)]: 1.0},
            phase=phases[i % len(phases)],
            roles=(role,),
            level=level,
            target_group="ouderen",
            challenge=challenges[i % len(challenges)],
        )
        for i, (role, level) in enumerate(
            itertools.product(
                ["project-leader", "municipality", "insurer"], ["wijk", "gemeente", "regio"]
            )
        )
    ]
    return combos


def _as_js(answers: Answers) -> dict[str, Any]:
    return {
        "needs": dict(answers.needs),
        "phase": answers.phase,
        "roles": list(answers.roles),
        "level": answers.level,
        "targetGroup": answers.target_group,
        "challenge": answers.challenge,
    }


def test_browser_ranking_equals_kb_recommend(page: Page, site_url: str) -> None:
    graph = check(ROOT / "content").graph
    combos = _combinations(
        [k.id for k in graph.of_kind("knob")],
        [p.id for p in graph.of_kind("phase")],
        [c.id for c in graph.of_kind("challenge")],
    )
    page.goto(f"{site_url}/")
    in_browser = page.evaluate(_RUN, [_as_js(a) for a in combos])
    assert len(in_browser) == len(combos) > 250
    assert sum(1 for ranked in in_browser if ranked) > 200
    for answers, ranked in zip(combos, in_browser, strict=True):
        expected = [
            {
                "id": a.id,
                "kind": a.kind,
                "title": a.title,
                "score": a.score,
                "reasons": list(a.reasons),
            }
            for a in recommend(graph, answers)
        ]
        assert ranked == expected, answers


def test_browser_knob_scan_equals_python(page: Page, site_url: str) -> None:
    from kb.recommend import needs_from_scan

    scans = [{"a": [0, 1, 2, 2]}, {"a": [2, 2], "b": [0, 0, 1]}, {"a": [1, 1, 1, 1, 1, 1], "c": []}]
    page.goto(f"{site_url}/")
    in_browser = page.evaluate(
        """async (scans) => {
          const ranking = await import("/assets/wizard/ranking.js");
          return scans.map((scan) => ranking.needsFromScan(scan));
        }""",
        scans,
    )
    assert in_browser == [needs_from_scan(scan) for scan in scans]
