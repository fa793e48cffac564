"""The model and its Dutch labels stay in step."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from kb.labels import KIND_LABELS, VALUE_LABELS
from kb.model import ALL_KINDS, KINDS, Entry

# Which label group names each closed list, per field name.
_GROUPS = {
    ("Practice", "status"): "practice_status",
    ("Funding", "status"): "funding_status",
    ("Tool", "status"): "tool_status",
    ("Solution", "status"): "solution_status",
}


def _literal_fields(model: type[BaseModel]) -> typing.Iterator[tuple[str, str, tuple[str, ...]]]:
    for name, info in model.model_fields.items():
        for annotation in _walk(info.annotation):
            if typing.get_origin(annotation) is typing.Literal:
                yield model.__name__, name, typing.get_args(annotation)
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                yield from _literal_fields(annotation)


def _walk(annotation: object) -> typing.Iterator[object]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _walk(arg)


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_every_closed_value_has_a_dutch_label(kind: object) -> None:
    schema = kind.schema  # type: ignore[attr-defined]
    for owner, name, values in _literal_fields(schema):
        group = _GROUPS.get((owner, name), name)
        assert group in VALUE_LABELS, f"{owner}.{name} has no label group"
        assert set(values) <= set(VALUE_LABELS[group]), f"{owner}.{name}"


def test_every_kind_has_labels_and_a_unique_section() -> None:
    assert tuple(KINDS) == ALL_KINDS
    assert set(KIND_LABELS) == set(KINDS)
    assert len({kind.section for kind in KINDS.values()}) == len(KINDS)
    assert all(issubclass(kind.schema, Entry) for kind in KINDS.values())
