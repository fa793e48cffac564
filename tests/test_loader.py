"""The loader reads scalars exactly as YAML's safe loader does, except that dates stay text."""

from __future__ import annotations

import pytest
import yaml

from kb.loader import Document, parse

SCALARS = [
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "False",
    "~",
    "null",
    "",
    "1",
    "-7",
    "0x1F",
    "0o17",
    "1_000",
    "1.5",
    "-.5e3",
    ".inf",
    "-.Inf",
    ".nan",
    "tekst",
    "Ja",
    "12:30",
    "'quoted'",
    '"yes"',
    "2024",
    "v1.2",
    "+1",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_resolve_like_the_safe_loader(scalar: str) -> None:
    text = f"value: {scalar}\n"
    doc = parse(text, "x.yml")
    assert isinstance(doc, Document)
    assert doc.data == yaml.safe_load(text)


@pytest.mark.parametrize(
    "date", ["2024-06-01", "2024-06-01 12:00:00", "2001-12-14t21:59:43.10-05:00"]
)
def test_dates_stay_text(date: str) -> None:
    doc = parse(f"value: {date}\n", "x.yml")
    assert isinstance(doc, Document)
    assert doc.data == {"value": date}


def test_positions_are_found_again_for_diagnostics() -> None:
    doc = parse("title: A\nsteps:\n  - een\n  - twee\n", "x.yml")
    assert isinstance(doc, Document)
    assert str(doc.loc(("steps", 1))) == "x.yml:4:5"
    assert str(doc.loc(("steps", "<key>"))) == "x.yml:2:1"
    assert str(doc.loc(("nergens",))) == "x.yml:1:1"
    assert doc.raw(("title",)) == "A"
