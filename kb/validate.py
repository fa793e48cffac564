"""Check one document against its kind's schema and turn every failure into a located diagnostic.

The shape comes from the pydantic classes in `kb.model`; this module only translates pydantic's
errors into messages that say what was expected, what was found and how to fix it.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import process

from kb.diagnostics import Diagnostic
from kb.loader import KEY, DataPath, Document, path_name
from kb.model import ID_PATTERN, Entry, Kind

_UNSAFE = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|frame|frameset|base|meta|link|style|form)\b"
    r"|<[^>]*\son[a-z]+\s*="
    r"|\bjavascript\s*:"
    r"|\bvbscript\s*:",
    re.IGNORECASE,
)
_BOOLEAN_WORDS = {"yes", "no", "on", "off", "true", "false", "y", "n"}
_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "yes/no",
    "tuple_type": "a list",
    "list_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping",
    "none_required": "nothing",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Valid:
    """A document that passed its kind's schema."""

    id: str
    kind: Kind
    doc: Document
    fields: Entry


def check_document(doc: Document, kind: Kind) -> Valid | list[Diagnostic]:
    """Validate `doc` as an entry of `kind`: id, text safety and shape, all problems at once."""
    problems = [*_check_id(doc)]
    # Searching the whole file once is much cheaper than every field; only escapes in
    # double-quoted YAML (`"\x3c"`) can make a value differ from the text as written.
    if "\\" in doc.text or (_maybe_unsafe(doc.text) and _UNSAFE.search(doc.text)):
        problems += _check_text(doc)
    try:
        fields = kind.schema.model_validate(doc.data)
    except ValidationError as error:
        problems += [_translate(doc, kind, detail) for detail in error.errors()]
        return problems
    return problems or Valid(id=doc.stem, kind=kind, doc=doc, fields=fields)


def _maybe_unsafe(text: str) -> bool:
    # Every pattern of _UNSAFE holds a "<" or the word "script"; most files have neither.
    return "<" in text or "script" in text.casefold()


def _check_id(doc: Document) -> Iterator[Diagnostic]:
    if not re.fullmatch(ID_PATTERN, doc.stem):
        yield Diagnostic(
            loc=doc.loc(()),
            code="kb.invalid-id",
            message=f"file name `{doc.stem}` is not a valid id",
            hint="use lowercase letters, digits and single hyphens, e.g. `welzijn-op-recept.yml`",
        )
    given = doc.data.get("id")
    if isinstance(given, str) and given != doc.stem:
        yield Diagnostic(
            loc=doc.loc(("id",)),
            code="kb.id-mismatch",
            message=f"`id: {given}` differs from the file name `{doc.stem}`",
            hint=f"remove the `id` field, or rename the file to `{given}.yml`",
        )


def _check_text(doc: Document) -> Iterator[Diagnostic]:
    for at, value in _strings(doc.data, ()):
        found = list(dict.fromkeys(m.group(0).strip() for m in _UNSAFE.finditer(value)))
        if found:
            markup = ", ".join(f"`{_shorten(item, 30)}`" for item in found)
            yield Diagnostic(
                loc=doc.loc(at),
                code="kb.unsafe-html",
                message=f"{_field_name(at)}: markup not allowed in entry text: {markup}",
                hint="remove the HTML; use Markdown for emphasis, lists and links",
            )


def _strings(value: Any, at: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*at, index))


def _translate(doc: Document, kind: Kind, detail: ErrorDetails) -> Diagnostic:
    at: DataPath = tuple(p for p in detail["loc"] if not _is_union_tag(p))
    kind_of_error = detail["type"]
    if kind_of_error == "extra_forbidden":
        return _unknown_field(doc, kind, at)
    if kind_of_error == "missing":
        return _missing_field(doc, kind, at)
    if kind_of_error == "kb_url":
        return Diagnostic(
            loc=doc.loc(at),
            code="kb.invalid-url",
            message=f"{_field_name(at)}: {detail['msg']}, found `{detail['input']}`",
            hint="write the full address including `https://`",
        )
    if kind_of_error in _TYPE_NAMES:
        return _wrong_type(doc, at, _TYPE_NAMES[kind_of_error], detail["input"])
    if isinstance(detail["input"], bool):
        return _wrong_type(doc, at, _expected_values(detail), detail["input"])
    return Diagnostic(
        loc=doc.loc(at),
        code="kb.invalid-value",
        message=f"{_field_name(at)}: {_invalid_value(detail, _value_at(doc.data, at))}",
        hint=_value_hint(detail),
    )


def _is_union_tag(part: str | int) -> bool:
    # pydantic adds the tried member type ("str", "none") to locations inside unions.
    return isinstance(part, str) and (part in {"str", "int", "none"} or "[" in part)


def _unknown_field(doc: Document, kind: Kind, at: DataPath) -> Diagnostic:
    name = str(at[-1])
    allowed = sorted(_fields_of(kind.schema, at[:-1]))
    match = process.extractOne(name, allowed, score_cutoff=70)
    suggestion = f"did you mean `{match[0]}`? " if match else ""
    where = f" in {_field_name(at[:-1])}" if at[:-1] else f" for a {kind.name}"
    return Diagnostic(
        loc=doc.loc((*at, KEY)),
        code="kb.unknown-field",
        message=f"unknown field `{name}`{where}; {suggestion}allowed: {', '.join(allowed)}",
        hint="field names are English and lowercase; check the spelling or remove the field",
    )


def _missing_field(doc: Document, kind: Kind, at: DataPath) -> Diagnostic:
    name = str(at[-1])
    where = f" in {_field_name(at[:-1])}" if at[:-1] else f" for a {kind.name}"
    return Diagnostic(
        loc=doc.loc(at[:-1]),
        code="kb.missing-field",
        message=f"missing required field `{name}`{where}",
        hint=f"add a line such as `{name}: {_example(kind.schema, at)}`",
    )


def _wrong_type(doc: Document, at: DataPath, expected: str, found: Any) -> Diagnostic:
    raw = doc.raw(at)
    hint = ""
    if isinstance(found, bool) and raw.lower() in _BOOLEAN_WORDS:
        hint = (
            f"YAML reads an unquoted `{raw}` as yes/no; "
            f'put it in quotes if you mean the text: "{raw}"'
        )
    elif expected == "text" and isinstance(found, int | float):
        hint = f'put the value in quotes to make it text: "{raw or found}"'
    return Diagnostic(
        loc=doc.loc(at),
        code="kb.wrong-type",
        message=f"{_field_name(at)}: expected {expected}, found {_describe(found, raw)}",
        hint=hint,
    )


def _expected_values(detail: ErrorDetails) -> str:
    expected = detail.get("ctx", {}).get("expected")
    return f"one of {expected}" if expected else "text"


def _describe(value: Any, raw: str) -> str:
    if isinstance(value, bool):
        return f"yes/no value `{raw or str(value).lower()}`"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number `{raw or value}`"
    return f"text `{_shorten(str(value))}`"


def _value_at(data: Any, at: DataPath) -> Any:
    for part in at:
        data = data[part]
    return data


def _invalid_value(detail: ErrorDetails, written: Any) -> str:
    ctx = detail.get("ctx", {})
    found = _shorten(str(detail["input"]))
    if detail["type"] == "literal_error":
        return f"`{found}` is not allowed; expected one of {ctx['expected']}"
    if detail["type"] == "string_pattern_mismatch":
        return f"`{found}` does not have the expected form ({_pattern_name(ctx['pattern'])})"
    if detail["type"] in ("too_short", "too_long"):
        least, most = ctx.get("min_length"), ctx.get("max_length")
        if detail["type"] == "too_short" and least == 1:
            return "must not be empty"
        bound = f"at least {least}" if detail["type"] == "too_short" else f"at most {most}"
        return f"needs {bound} items, found {len(written)}"
    return f"{detail['msg'][0].lower()}{detail['msg'][1:]}, found `{found}`"


def _value_hint(detail: ErrorDetails) -> str:
    if detail["type"] == "string_pattern_mismatch" and detail.get("ctx", {}).get("pattern") == (
        ID_PATTERN
    ):
        return "ids are the file names of entries: lowercase letters, digits and hyphens"
    return ""


def _pattern_name(pattern: str) -> str:
    if pattern == ID_PATTERN:
        return "an id such as `knop-coordinatie`"
    return "a date such as `2024`, `2024-06` or `2024-06-30`"


def _shorten(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field_name(at: DataPath) -> str:
    return f"field `{path_name(at)}`" if at else "entry"


def _record_at(schema: type[BaseModel], at: DataPath) -> type[BaseModel] | None:
    """The record type found by following `at` (list indexes skipped) through the schema."""
    record: type[BaseModel] | None = schema
    for part in at:
        if isinstance(part, str) and record is not None:
            field = record.model_fields.get(part)
            record = _record(field.annotation) if field else None
    return record


def _fields_of(schema: type[BaseModel], at: DataPath) -> set[str]:
    record = _record_at(schema, at)
    return set(record.model_fields) if record else set()


def _record(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `tuple[Step, ...]` or `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (tuple, list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _record(arg)
            if found:
                return found
    return None


def _example(schema: type[BaseModel], at: DataPath) -> str:
    record = _record_at(schema, at[:-1])
    field = record.model_fields.get(str(at[-1])) if record else None
    if field is None:
        return "..."
    args = typing.get_args(field.annotation)
    if typing.get_origin(field.annotation) is typing.Literal:
        return str(args[0])
    if typing.get_origin(field.annotation) is tuple:
        return "[...]"
    return "..."
