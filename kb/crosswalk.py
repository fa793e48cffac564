"""Crosswalks between models: elements onto the six knobs, phases onto the reference axis.

The reference axis is the phase model marked `reference_axis: true` (the OMK). Checks here keep
the crosswalk consistent and complete; the helpers give the comparison pages their rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kb.diagnostics import Diagnostic
from kb.model import Element, KnobLink, Model, Phase

if TYPE_CHECKING:
    from kb.graph import Graph
    from kb.validate import Valid


def check_crosswalks(graph: Graph) -> Iterator[Diagnostic]:
    """Every crosswalk problem: mappings within one phase model, several axes, gaps, orders."""
    axes = [e for e in graph.of_kind("model") if _is_axis(e)]
    for extra in axes[1:]:
        yield Diagnostic(
            loc=extra.doc.loc(("reference_axis",)),
            code="kb.invalid-crosswalk",
            message=f"`{axes[0].id}` is already the reference axis; only one model can be",
            hint="remove `reference_axis: true` from all but one model",
        )
    axis = axes[0].id if axes else None
    yield from _same_model_equivalents(graph)
    yield from _unexplained_inferences(graph)
    yield from _duplicate_orders(graph)
    yield from _elements_without_knobs(graph)
    if axis:
        yield from _phases_off_axis(graph, axis)


def axis_model(graph: Graph) -> Valid | None:
    """The model whose phases are the reference axis, if any."""
    return next((e for e in graph.of_kind("model") if _is_axis(e)), None)


def phase_models(graph: Graph) -> list[tuple[Valid, list[Valid]]]:
    """Every entry that has phases (a model, practice or guide) with its phases in order.

    The reference axis comes first, the rest in reading order.
    """
    grouped: dict[str, list[Valid]] = defaultdict(list)
    for entry, phase in _phases(graph):
        grouped[phase.model].append(entry)
    parents = [graph.entries[parent_id] for parent_id in grouped]
    parents.sort(key=lambda parent: (not _is_axis(parent), parent.fields.title.casefold()))
    return [(parent, grouped[parent.id]) for parent in parents]


def knob_elements(graph: Graph) -> dict[str, dict[str, list[tuple[Valid, KnobLink]]]]:
    """`{model id: {knob id: [(element, its link to the knob)]}}` for models with elements."""
    table: dict[str, dict[str, list[tuple[Valid, KnobLink]]]] = defaultdict(dict)
    for element in graph.of_kind("element"):
        assert isinstance(element.fields, Element)
        for link in element.fields.knobs:
            table[element.fields.model].setdefault(link.knob, []).append((element, link))
    return dict(table)


def _is_axis(entry: Valid) -> bool:
    return isinstance(entry.fields, Model) and entry.fields.reference_axis


def _phases(graph: Graph) -> Iterator[tuple[Valid, Phase]]:
    for entry in graph.of_kind("phase"):
        assert isinstance(entry.fields, Phase)
        yield entry, entry.fields


def _same_model_equivalents(graph: Graph) -> Iterator[Diagnostic]:
    for entry, phase in _phases(graph):
        for index, mapping in enumerate(phase.equivalents):
            other = graph.entries.get(mapping.phase)
            if other and isinstance(other.fields, Phase) and other.fields.model == phase.model:
                yield Diagnostic(
                    loc=entry.doc.loc(("equivalents", index, "phase")),
                    code="kb.invalid-crosswalk",
                    message=(
                        f"`{mapping.phase}` belongs to the same phase model `{phase.model}`; "
                        "equivalents map onto other phase models"
                    ),
                    hint="use `phases` or `related` for links within one phase model",
                )


def _unexplained_inferences(graph: Graph) -> Iterator[Diagnostic]:
    for entry in graph.of_kind("element") + graph.of_kind("phase"):
        fields = entry.fields
        field = "knobs" if isinstance(fields, Element) else "equivalents"
        for index, mapping in enumerate(getattr(fields, field)):
            if mapping.basis == "inferred" and not mapping.note:
                yield Diagnostic(
                    loc=entry.doc.loc((field, index)),
                    code="kb.invalid-crosswalk",
                    message=f"an inferred mapping in `{field}[{index}]` needs a `note` saying why",
                    hint="add `note:` with one line on what the mapping rests on",
                )


def _duplicate_orders(graph: Graph) -> Iterator[Diagnostic]:
    taken: dict[tuple[str, int], Valid] = {}
    for entry, phase in sorted(_phases(graph), key=lambda pair: pair[0].doc.path):
        first = taken.setdefault((phase.model, phase.order), entry)
        if first is not entry:
            yield Diagnostic(
                loc=entry.doc.loc(("order",)),
                code="kb.duplicate-order",
                message=(
                    f"`order: {phase.order}` is also used by `{first.id}` in phase model "
                    f"`{phase.model}`"
                ),
                hint="give every phase of a phase model its own number: 1, 2, 3, ...",
            )


def _elements_without_knobs(graph: Graph) -> Iterator[Diagnostic]:
    for entry in graph.of_kind("element"):
        assert isinstance(entry.fields, Element)
        if not entry.fields.knobs and not entry.fields.no_equivalent:
            yield Diagnostic(
                loc=entry.doc.loc(()),
                code="kb.missing-crosswalk",
                message=f"element `{entry.id}` is mapped onto none of the six knobs",
                hint="add `knobs` with strength and basis, or say why in `no_equivalent`",
            )


def _phases_off_axis(graph: Graph, axis: str) -> Iterator[Diagnostic]:
    for entry, phase in _phases(graph):
        if phase.model == axis or phase.no_equivalent:
            continue
        on_axis = any(
            isinstance(other.fields, Phase) and other.fields.model == axis
            for other in (graph.entries.get(m.phase) for m in phase.equivalents)
            if other is not None
        )
        if not on_axis:
            yield Diagnostic(
                loc=entry.doc.loc(()),
                code="kb.missing-crosswalk",
                message=f"phase `{entry.id}` has no equivalent on the reference axis `{axis}`",
                hint="add an `equivalents` entry for a phase of that model, or say why in "
                "`no_equivalent`",
            )
