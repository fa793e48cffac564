"""`kb recommend`: the ranking formula, its reasons, ties, filters and empty results."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from kb.cli import main
from kb.graph import Graph
from kb.pipeline import check
from kb.recommend import Answers, needs_from_scan, recommend

MINI = Path(__file__).resolve().parent / "fixtures" / "mini" / "content"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def graph() -> Graph:
    return check(MINI).graph


def _scores(graph: Graph, answers: Answers) -> dict[str, float]:
    return {advice.id: advice.score for advice in recommend(graph, answers)}


def test_primary_knob_and_listed_phase_give_the_full_score(graph: Graph) -> None:
    # praktijk-a: knop-een primary, knop-twee secondary, phase fase-b1, practice experience.
    advice = recommend(graph, Answers(needs={"knop-een": 1.0}, phase="fase-b1"))
    top = advice[0]
    assert (top.id, top.score) == ("praktijk-a", 1.01)
    assert top.reasons == (
        "past bij Eerste knop (primair, volgens de bron)",
        "past bij fase Fase B1",
    )


def test_secondary_knob_counts_half_and_an_inferred_one_for_ninety_percent(graph: Graph) -> None:
    scores = _scores(graph, Answers(needs={"knop-twee": 1.0}, phase="fase-b1"))
    assert scores["praktijk-a"] == pytest.approx(0.5 * 0.9 + 0.01)


def test_knob_fit_is_weighted_by_need(graph: Graph) -> None:
    scores = _scores(graph, Answers(needs={"knop-een": 1.0, "knop-twee": 1.0}))
    assert scores["praktijk-a"] == pytest.approx((1 + 0.5 * 0.9) / 2 + 0.01)


def test_adjacent_and_unrelated_phases(graph: Graph) -> None:
    # fase-b2 is next to fase-b1 on the axis: 0.5 + 0.5 * 0.6 = 0.8 of the knob fit.
    scores = _scores(graph, Answers(needs={"knop-een": 1.0}, phase="fase-b2"))
    assert scores["praktijk-a"] == pytest.approx(0.8 + 0.01)


def test_entries_without_phases_apply_to_every_phase(graph: Graph) -> None:
    advice = recommend(graph, Answers(needs={"knop-een": 1.0}, phase="fase-b2"))
    assert all("fase" in " ".join(a.reasons) for a in advice)


def test_context_and_bottleneck_add_reasons(graph: Graph) -> None:
    answers = Answers(
        needs={"knop-een": 1.0},
        phase="fase-b1",
        roles=("project-leader",),
        level="gemeente",
        challenge="knelpunt-a",
    )
    advice = {a.id: a for a in recommend(graph, answers)}
    assert advice["praktijk-a"].score == pytest.approx(1.0 + 0.1 + 0.1 + 0.01)
    assert "voor projectleider" in advice["praktijk-a"].reasons
    assert "op het niveau van de gemeente" in advice["praktijk-a"].reasons
    # bekostiging-a has no knob but solves the chosen bottleneck.
    assert advice["bekostiging-a"].score == 1.0
    assert advice["bekostiging-a"].reasons == ("helpt bij het gekozen knelpunt",)


def test_entries_without_knob_fit_or_bottleneck_are_left_out(graph: Graph) -> None:
    assert "instrument-a" not in _scores(graph, Answers(needs={"knop-een": 1.0}))
    assert recommend(graph, Answers(needs={})) == []


def test_ties_are_ordered_by_title(graph: Graph) -> None:
    advice = recommend(graph, Answers(needs={}, challenge="knelpunt-a"))
    assert [a.id for a in advice] == ["bekostiging-a"]
    real = check(ROOT / "content").graph
    ranked = recommend(real, Answers(needs={"knop-routine": 1.0}))
    for first, second in itertools.pairwise(ranked):
        if first.score == second.score:
            assert first.title.casefold() <= second.title.casefold()


def test_needs_from_the_knob_scan() -> None:
    assert needs_from_scan({"a": [2, 2, 2, 2], "b": [0, 1, 0, 1], "c": []}) == {"a": 0.0, "b": 0.75}


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["recommend", str(MINI), "--knob", "knop-een", "--phase", "fase-b1", "--format", "json"]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "id": "praktijk-a",
        "kind": "practice",
        "title": "Praktijk A",
        "score": 1.01,
        "reasons": ["past bij Eerste knop (primair, volgens de bron)", "past bij fase Fase B1"],
    }


def test_cli_text_and_empty_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", str(MINI), "--knob", "knop-twee", "--phase", "stap-1"]) == 0
    assert "Praktijk A (praktijk-a)" in capsys.readouterr().out


def test_cli_rejects_ids_of_the_wrong_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", str(MINI), "--knob", "praktijk-a"]) == 2
    assert "`praktijk-a` is not a knob; known knobs include: knop-een, knop-twee" in (
        capsys.readouterr().err
    )


def test_cli_knob_scan_sets_the_needs(capsys: pytest.CaptureFixture[str]) -> None:
    # knop-een fully in place (no need), knop-twee half: only the secondary link scores.
    args = ["recommend", str(MINI), "--scan", "knop-een=2,2,2,2", "--scan", "knop-twee=1,1,1,1"]
    assert main([*args, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["reasons"] == ["past bij Tweede knop (secundair, afgeleid door de redactie)"]
    assert rows[0]["score"] == 0.46


def test_cli_needs_a_knob_or_a_scan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", str(MINI)]) == 2
    assert "give at least one --knob or --scan" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["recommend", str(MINI), "--scan", "knop-een=3"])
