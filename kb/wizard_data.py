"""The data file the browser's wizard reads: `assets/kb.json`, generated from the graph.

It holds what the ranking formula of `kb.recommend` needs (knob and phase assignments, the place
of every phase on the reference axis, context fields, bottleneck links) and what the wizard asks
(knob self-checks, phase markers per phase model). Keys are sorted, so the same content gives the
same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from kb.crosswalk import phase_models
from kb.graph import Graph
from kb.labels import VALUE_LABELS
from kb.model import Element, Guide, Knob, Phase
from kb.recommend import EVIDENCE_SCALE, RANKED_KINDS, AxisPositions, linked_to
from kb.validate import Valid

DATA_PATH = "assets/kb.json"
VERSION = 1


def wizard_json(graph: Graph) -> str:
    """`assets/kb.json` as text."""
    return json.dumps(wizard_data(graph), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def wizard_data(graph: Graph) -> dict[str, Any]:
    axis = AxisPositions(graph)
    return {
        "version": VERSION,
        "labels": {group: VALUE_LABELS[group] for group in ("strength", "basis", "audiences")},
        "knobs": [_knob(knob) for knob in graph.of_kind("knob")],
        "phase_models": [
            {
                "id": parent.id,
                "title": parent.fields.title,
                "phases": [_phase(phase, axis) for phase in phases],
            }
            for parent, phases in phase_models(graph)
        ],
        "challenges": [
            {"id": c.id, "title": c.fields.title, "linked": linked_to(graph, c.id)}
            for c in graph.of_kind("challenge")
        ],
        "entries": [_entry(entry, axis) for kind in RANKED_KINDS for entry in graph.of_kind(kind)],
        "gaps": [_gap(gap, axis) for gap in graph.of_kind("gap")],
        "models": _models(graph),
        "guide_steps": _guide_steps(graph, axis),
    }


def _gap(entry: Valid, axis: AxisPositions) -> dict[str, Any]:
    phases = [link.phase for link in entry.fields.phases]
    return {
        "id": entry.id,
        "title": entry.fields.title,
        "url": _url(entry),
        "knobs": [link.knob for link in entry.fields.knobs],
        "phases": phases,
        "axis": sorted(set().union(*(axis.of(p) for p in phases))),
    }


def _models(graph: Graph) -> list[dict[str, Any]]:
    """Models whose elements map primarily onto a knob: they explain what that knob is about."""
    knobs: dict[str, set[str]] = {}
    for element in graph.of_kind("element"):
        assert isinstance(element.fields, Element)
        for link in element.fields.knobs:
            if link.strength == "primary":
                knobs.setdefault(element.fields.model, set()).add(link.knob)
    return [
        {"id": m.id, "title": m.fields.title, "url": _url(m), "knobs": sorted(knobs[m.id])}
        for m in graph.of_kind("model")
        if m.id in knobs
    ]


def _guide_steps(graph: Graph, axis: AxisPositions) -> list[dict[str, Any]]:
    """Every step of a step guide that belongs to a phase, with that phase's place on the axis."""
    steps = []
    for guide in graph.of_kind("guide"):
        assert isinstance(guide.fields, Guide)
        for number, step in enumerate(guide.fields.steps, start=1):
            if step.phase:
                steps.append(
                    {
                        "guide": guide.id,
                        "guide_title": guide.fields.title,
                        "url": _url(guide),
                        "number": number,
                        "title": step.title,
                        "phase": step.phase,
                        "axis": sorted(axis.of(step.phase)),
                    }
                )
    return steps


def _url(entry: Valid) -> str:
    return f"{entry.kind.section}/{entry.id}/"


def _knob(entry: Valid) -> dict[str, Any]:
    assert isinstance(entry.fields, Knob)
    return {
        "id": entry.id,
        "number": entry.fields.number,
        "title": entry.fields.title,
        "url": _url(entry),
        "checks": [check.statement for check in entry.fields.self_checks],
    }


def _phase(entry: Valid, axis: AxisPositions) -> dict[str, Any]:
    assert isinstance(entry.fields, Phase)
    return {
        "id": entry.id,
        "title": entry.fields.title,
        "order": entry.fields.order,
        "markers": list(entry.fields.markers),
        "axis": sorted(axis.of(entry.id)),
    }


def _entry(entry: Valid, axis: AxisPositions) -> dict[str, Any]:
    fields = entry.fields
    phases = [link.phase for link in fields.phases]
    return {
        "id": entry.id,
        "kind": entry.kind.name,
        "title": fields.title,
        "summary": fields.summary,
        "url": _url(entry),
        "knobs": [[link.knob, link.strength, link.basis] for link in fields.knobs],
        "phases": phases,
        "axis": sorted(set().union(*(axis.of(p) for p in phases))),
        "levels": list(fields.levels),
        "audiences": list(fields.audiences),
        "target_groups": list(fields.target_groups),
        "evidence": EVIDENCE_SCALE.get(getattr(fields, "evidence_level", None) or "", 0),
    }
