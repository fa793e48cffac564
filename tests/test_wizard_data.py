"""assets/kb.json: what the wizard reads, generated from the entries."""

from __future__ import annotations

import json
from pathlib import Path

from kb.pipeline import check
from kb.recommend import RANKED_KINDS
from kb.render import render_site
from kb.wizard_data import DATA_PATH, VERSION, wizard_json

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini" / "content"


def test_the_data_file_is_generated_with_the_pages() -> None:
    graph = check(MINI).graph
    files = render_site(graph)
    assert files[DATA_PATH] == wizard_json(graph) == wizard_json(check(MINI).graph)


def test_the_data_file_holds_what_the_wizard_asks_and_ranks() -> None:
    data = json.loads(wizard_json(check(MINI).graph))
    assert data["version"] == VERSION
    assert [k["id"] for k in data["knobs"]] == ["knop-een", "knop-twee"]
    assert data["knobs"][0]["checks"][0] == "Wij hebben een gedeelde ambitie."
    axis = data["phase_models"][0]
    assert axis["id"] == "model-b"
    assert axis["phases"][0] == {
        "id": "fase-b1",
        "title": "Fase B1",
        "order": 1,
        "markers": ["Er is een intentieverklaring."],
        "axis": [1],
    }
    entry = next(e for e in data["entries"] if e["id"] == "praktijk-a")
    assert entry["knobs"] == [
        ["knop-een", "primary", "stated"],
        ["knop-twee", "secondary", "inferred"],
    ]
    assert (entry["axis"], entry["evidence"], entry["url"]) == ([1], 1, "praktijken/praktijk-a/")
    assert data["challenges"] == [
        {"id": "knelpunt-a", "title": "Knelpunt A", "linked": {"bekostiging-a": 1.0}}
    ]


def test_every_ranked_entry_of_the_real_content_is_in_the_data_file() -> None:
    graph = check(ROOT / "content").graph
    data = json.loads(wizard_json(graph))
    ranked = {e.id for kind in RANKED_KINDS for e in graph.of_kind(kind)}
    assert {e["id"] for e in data["entries"]} == ranked
    assert len(data["knobs"]) == 6
    assert all(len(k["checks"]) >= 4 for k in data["knobs"])


def test_the_data_file_holds_gaps_models_and_guide_steps() -> None:
    data = json.loads(wizard_json(check(ROOT / "content").graph))
    gap = next(g for g in data["gaps"] if g["id"] == "kennishiaat-impactmeting")
    assert "knop-coordinatie" in gap["knobs"]
    kings_fund = next(m for m in data["models"] if m["id"] == "model-kings-fund-integratie")
    assert len(kings_fund["knobs"]) == 6
    first_step = next(s for s in data["guide_steps"] if s["guide"] == "stappenplan-nieuwe-pluswijk")
    assert (first_step["number"], first_step["phase"]) == (1, "pluswijk-stap-1-wijkbeeld")
    assert first_step["axis"]
