"""Integrity of the real content: rules the schema alone cannot express, checked on every entry.

These tests never restate the content; they check properties that must hold for whatever entries
maintainers add: practices and tools are classified and sourced, URLs are clean, titles unique.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from kb.graph import Graph
from kb.pipeline import check
from kb.validate import Valid

ROOT = Path(__file__).resolve().parent.parent
TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi")


@pytest.fixture(scope="module")
def graph() -> Graph:
    result = check(ROOT / "content", "content")
    assert not result.diagnostics, "\n".join(d.format() for d in result.diagnostics)
    return result.graph


def _missing(entry: Valid, fields: tuple[str, ...]) -> list[str]:
    return [name for name in fields if not getattr(entry.fields, name)]


def test_every_practice_names_organisations_sources_knobs_phases_evidence(graph: Graph) -> None:
    required = ("organisations", "sources", "knobs", "phases", "evidence_level")
    gaps = {e.id: _missing(e, required) for e in graph.of_kind("practice")}
    assert graph.of_kind("practice")
    assert {k: v for k, v in gaps.items() if v} == {}


def test_every_tool_says_what_it_is_for_and_where_it_comes_from(graph: Graph) -> None:
    required = ("sources", "knobs", "phases", "usage")
    gaps = {e.id: _missing(e, required) for e in graph.of_kind("tool")}
    assert graph.of_kind("tool")
    assert {k: v for k, v in gaps.items() if v} == {}


def _urls(graph: Graph) -> Iterator[tuple[str, str]]:
    for entry in graph.entries.values():
        for link in entry.fields.links:
            yield entry.id, link.url
        for name in ("url", "website"):
            url = getattr(entry.fields, name, None)
            if url:
                yield entry.id, url


def test_every_url_is_https_without_tracking_parameters(graph: Graph) -> None:
    bad = []
    for entry_id, url in _urls(graph):
        parts = urlsplit(url)
        tracking = [k for k, _ in parse_qsl(parts.query) if k.lower().startswith(TRACKING)]
        if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname or tracking:
            bad.append(f"{entry_id}: {url}")
    assert bad == []


def test_every_tool_with_a_link_points_somewhere_distinct(graph: Graph) -> None:
    for tool in graph.of_kind("tool"):
        urls = [link.url for link in tool.fields.links]
        assert len(urls) == len(set(urls)), tool.id


def test_no_two_entries_share_a_title(graph: Graph) -> None:
    by_title: dict[str, list[str]] = defaultdict(list)
    for entry in graph.entries.values():
        by_title[" ".join(entry.fields.title.casefold().split())].append(entry.id)
    assert {t: ids for t, ids in by_title.items() if len(ids) > 1} == {}


def test_no_name_points_at_two_practices_or_tools(graph: Graph) -> None:
    """A merged practice or tool keeps its other names as aliases; two owners make it ambiguous.

    Other kinds may share a name on purpose: a knob carries the King's Fund term of its element.
    """
    names: dict[str, set[str]] = defaultdict(set)
    for entry in (*graph.of_kind("practice"), *graph.of_kind("tool")):
        for name in (entry.fields.title, *entry.fields.aliases):
            names[" ".join(name.casefold().split())].add(entry.id)
    assert {n: sorted(ids) for n, ids in names.items() if len(ids) > 1} == {}
