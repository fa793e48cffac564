"""Resolve references: one pass turns ids into typed links and backlinks, and checks them.

Input is every document that passed its schema; output is the `Graph` that rendering reads, and
the cross-file diagnostics: duplicate ids, unknown references (with a did-you-mean restricted to
the kinds the field accepts), references to the wrong kind, inconsistent crosswalks, likely
duplicate titles and orphans.
"""

from __future__ import annotations

import functools
import re
import typing
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from kb.crosswalk import check_crosswalks
from kb.diagnostics import Diagnostic
from kb.loader import DataPath, path_name
from kb.model import ALL_KINDS, Ref
from kb.validate import Valid

DUPLICATE_TITLE_SCORE = 95


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A resolved reference from one entry to another, with the field it was made in."""

    source: str
    target: str
    field: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Graph:
    entries: dict[str, Valid]
    links: tuple[Link, ...]
    outgoing: dict[str, tuple[Link, ...]]
    backlinks: dict[str, tuple[Link, ...]]

    by_kind: dict[str, tuple[Valid, ...]]

    def of_kind(self, kind: str) -> list[Valid]:
        """Entries of `kind` in reading order."""
        return list(self.by_kind.get(kind, ()))


def _by_kind(entries: Iterable[Valid]) -> dict[str, tuple[Valid, ...]]:
    grouped: dict[str, list[Valid]] = defaultdict(list)
    for entry in entries:
        grouped[entry.kind.name].append(entry)
    return {kind: tuple(sorted(same, key=reading_order)) for kind, same in grouped.items()}


def reading_order(entry: Valid) -> tuple[int, str, str]:
    """How readers expect entries listed: by number or order, then title."""
    fields = entry.fields
    position = getattr(fields, "number", None) or getattr(fields, "order", None) or 0
    return (position, fields.title.casefold(), entry.id)


def resolve(valid: Iterable[Valid]) -> tuple[Graph, list[Diagnostic]]:
    """Build the graph of all valid entries and report every cross-file problem."""
    entries, problems = _unique(valid)
    links: list[Link] = []
    for entry in entries.values():
        for ref in iter_refs(entry.fields):
            problem = _check_ref(entries, entry, ref)
            if problem:
                problems.append(problem)
            else:
                links.append(Link(source=entry.id, target=ref.target, field=ref.field))
    ordered = tuple(sorted(links, key=lambda link: (link.source, link.target, link.field)))
    graph = Graph(
        entries=dict(sorted(entries.items())),
        links=ordered,
        outgoing=_group(ordered, lambda link: link.source),
        backlinks=_group(ordered, lambda link: link.target),
        by_kind=_by_kind(entries.values()),
    )
    problems += check_crosswalks(graph)
    problems += _likely_duplicates(entries.values())
    problems += _orphans(graph)
    return graph, problems


class Reference(NamedTuple):
    """An id named in an entry: where, in which field (`steps.uses`), accepting which kinds."""

    at: DataPath
    field: str
    target: str
    marker: Ref


def iter_refs(record: BaseModel, at: DataPath = (), field: str = "") -> Iterator[Reference]:
    """Every reference in `record`, in field order."""
    for name, marker in _reference_fields(type(record)):
        value = getattr(record, name)
        here_field = f"{field}.{name}" if field else name
        items = enumerate(value) if isinstance(value, tuple) else [(None, value)]
        for index, item in items:
            here = (*at, name) if index is None else (*at, name, index)
            if marker and isinstance(item, str):
                yield Reference(here, here_field, item, marker)
            elif isinstance(item, BaseModel):
                yield from iter_refs(item, here, here_field)


@functools.cache
def _reference_fields(model: type[BaseModel]) -> tuple[tuple[str, Ref | None], ...]:
    """The fields of `model` that are references or may hold records with references."""
    fields = []
    for name, info in model.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, Ref)), None)
        if marker or _holds_records(info.annotation):
            fields.append((name, marker))
    return tuple(fields)


def _holds_records(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_records(arg) for arg in typing.get_args(annotation))


def _unique(valid: Iterable[Valid]) -> tuple[dict[str, Valid], list[Diagnostic]]:
    by_id: dict[str, list[Valid]] = defaultdict(list)
    for entry in valid:
        by_id[entry.id].append(entry)
    problems = []
    for entry_id, same in by_id.items():
        same.sort(key=lambda e: e.doc.path)
        for entry in same[1:]:
            problems.append(
                Diagnostic(
                    loc=entry.doc.loc(()),
                    code="kb.duplicate-id",
                    message=f"id `{entry_id}` is also used by {same[0].doc.path}",
                    hint="ids are unique across all kinds; rename one of the files",
                )
            )
    return {entry_id: same[0] for entry_id, same in by_id.items()}, problems


def _check_ref(entries: dict[str, Valid], entry: Valid, ref: Reference) -> Diagnostic | None:
    at, target, marker = ref.at, ref.target, ref.marker
    found = entries.get(target)
    self_reference = target == entry.id and ref.field != "sources.source"  # may cite itself
    if found is not None and found.kind.name in marker.kinds and not self_reference:
        return None
    loc, field_name = entry.doc.loc(at), path_name(at)
    if self_reference:
        return Diagnostic(
            loc=loc,
            code="kb.self-reference",
            message=f"field `{field_name}` refers to the entry itself",
        )
    expected = " or ".join(marker.kinds)
    if found is None:
        restricted = marker.kinds != ALL_KINDS
        accepted, kinds = (f" ({expected})", f"{expected} ") if restricted else ("", "")
        candidates = sorted(e.id for e in entries.values() if e.kind.name in marker.kinds)
        match = process.extractOne(target, candidates, scorer=fuzz.ratio, score_cutoff=60)
        suggestion = f"; did you mean `{match[0]}`?" if match else ""
        return Diagnostic(
            loc=loc,
            code="kb.unknown-reference",
            message=f"field `{field_name}` refers to unknown id `{target}`{accepted}{suggestion}",
            hint=f"use the id (file name without .yml) of an existing {kinds}entry",
        )
    return Diagnostic(
        loc=loc,
        code="kb.wrong-kind",
        message=(
            f"field `{field_name}` expects {expected}, but `{target}` is a {found.kind.name} "
            f"({found.doc.path})"
        ),
    )


def _likely_duplicates(entries: Iterable[Valid]) -> Iterator[Diagnostic]:
    # Comparing every pair of titles is quadratic. Near-identical titles share at least one of
    # their two rarest words, so only titles in the same (kind, rare word) block are compared.
    per_kind: dict[str, list[Valid]] = defaultdict(list)
    for entry in entries:
        per_kind[entry.kind.name].append(entry)
    pairs: dict[tuple[str, str], tuple[Valid, Valid]] = {}
    for same_kind in per_kind.values():
        for block in _blocks(same_kind):
            block.sort(key=lambda e: e.id)
            titles = [e.fields.title.casefold() for e in block]
            for i, title in enumerate(titles[:-1]):
                matches = process.extract(
                    title,
                    titles[i + 1 :],
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=DUPLICATE_TITLE_SCORE,
                    limit=None,
                )
                for _, _, j in matches:
                    pairs[(block[i].id, block[i + 1 + j].id)] = (block[i], block[i + 1 + j])
    for key in sorted(pairs):
        yield _duplicate(*pairs[key])


def _blocks(entries: list[Valid]) -> Iterable[list[Valid]]:
    words = {e.id: set(re.findall(r"\w+", e.fields.title.casefold())) for e in entries}
    frequency = Counter(word for title_words in words.values() for word in title_words)
    blocks: dict[str, list[Valid]] = defaultdict(list)
    for entry in entries:
        for word in sorted(words[entry.id], key=lambda w: (frequency[w], w))[:2]:
            blocks[word].append(entry)
    return (block for block in blocks.values() if len(block) > 1)


def _duplicate(first: Valid, second: Valid) -> Diagnostic:
    return Diagnostic(
        loc=second.doc.loc(("title",)),
        code="kb.likely-duplicate",
        message=(
            f"title `{second.fields.title}` is nearly the same as "
            f"`{first.fields.title}` ({first.doc.path})"
        ),
        hint="merge the entries and keep the other title in `aliases`, or make the titles distinct",
    )


def _orphans(graph: Graph) -> Iterator[Diagnostic]:
    for entry_id, entry in graph.entries.items():
        if not graph.outgoing.get(entry_id) and not graph.backlinks.get(entry_id):
            yield Diagnostic(
                loc=entry.doc.loc(()),
                code="kb.orphan",
                message=f"{entry.kind.name} `{entry_id}` has no links to or from other entries",
                hint="link it through `related`, `knobs`, `phases`, `sources` or another "
                "reference field, or link to it from another entry",
            )


def _group(links: Iterable[Link], key: Callable[[Link], str]) -> dict[str, tuple[Link, ...]]:
    grouped: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        grouped[key(link)].append(link)
    return {k: tuple(v) for k, v in grouped.items()}
