"""The data file of the faceted toolbox page: `assets/toolbox.json`, generated from the graph.

Every entry with the values the page filters on: kind, knobs, phases (with their places on the
reference axis, so a filter on any phase model finds entries classified on another), level,
audience, target group, evidence, status, region and reference date. Facet options carry their
Dutch labels. Keys are sorted and lists ordered, so the same content gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from kb.crosswalk import phase_models
from kb.graph import Graph
from kb.labels import KIND_LABELS, VALUE_LABELS, value_label
from kb.model import KINDS, Knob
from kb.recommend import AxisPositions
from kb.validate import Valid

TOOLBOX_DATA_PATH = "assets/toolbox.json"
VERSION = 1
# Each kind states its status in its own closed list; the toolbox filters on the Dutch word.
STATUS_GROUPS = {"practice": "practice_status", "tool": "tool_status", "funding": "funding_status"}
UNKNOWN_STATUS = {"unknown"}


def toolbox_json(graph: Graph) -> str:
    """`assets/toolbox.json` as text."""
    return json.dumps(
        toolbox_data(graph), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def toolbox_data(graph: Graph) -> dict[str, Any]:
    axis = AxisPositions(graph)
    entries = [_entry(entry, axis) for kind in KINDS for entry in graph.of_kind(kind)]
    return {
        "version": VERSION,
        "kinds": [
            {
                "value": kind,
                "label": KIND_LABELS[kind].plural,
                "singular": KIND_LABELS[kind].singular,
            }
            for kind in KINDS
            if graph.of_kind(kind)
        ],
        "knobs": [_knob(knob) for knob in graph.of_kind("knob")],
        "phase_models": [
            {
                "id": parent.id,
                "title": parent.fields.title,
                "phases": [
                    {"id": p.id, "title": p.fields.title, "axis": sorted(axis.of(p.id))}
                    for p in phases
                ],
            }
            for parent, phases in phase_models(graph)
        ],
        "levels": _options("levels"),
        "audiences": _options("audiences"),
        "evidence": _options("evidence_level"),
        "statuses": sorted({e["status"] for e in entries if e["status"]}),
        "entries": entries,
    }


def _options(group: str) -> list[dict[str, str]]:
    return [{"value": value, "label": label} for value, label in VALUE_LABELS[group].items()]


def _knob(entry: Valid) -> dict[str, Any]:
    assert isinstance(entry.fields, Knob)
    return {"value": entry.id, "label": entry.fields.title}


def _entry(entry: Valid, axis: AxisPositions) -> dict[str, Any]:
    fields = entry.fields
    phases = [link.phase for link in fields.phases]
    if entry.kind.name == "phase":  # a phase is found under itself and its equivalents
        phases = [entry.id]
    return {
        "id": entry.id,
        "kind": entry.kind.name,
        "title": fields.title,
        "aliases": list(fields.aliases),
        "summary": fields.summary,
        "url": f"{entry.kind.section}/{entry.id}/",
        "knobs": _knobs(entry),
        "phases": phases,
        "axis": sorted(set().union(*(axis.of(p) for p in phases))),
        "levels": list(fields.levels),
        "audiences": list(fields.audiences),
        "target_groups": list(fields.target_groups),
        "evidence": getattr(fields, "evidence_level", None),
        "status": _status(entry),
        "region": fields.region,
        "date": fields.reference_date,
    }


def _status(entry: Valid) -> str | None:
    group = STATUS_GROUPS.get(entry.kind.name)
    status = getattr(entry.fields, "status", None)
    if group is None or status is None or status in UNKNOWN_STATUS:
        return None
    return value_label(group, status)


def _knobs(entry: Valid) -> list[str]:
    if entry.kind.name == "knob":
        return [entry.id]
    return [link.knob for link in entry.fields.knobs]
