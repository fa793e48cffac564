"""Rendering: snapshots of the pages generated from the small fixture, and determinism.

Set KB_UPDATE_SNAPSHOTS=1 to rewrite the snapshots after a deliberate change.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import get_args

from kb.model import Criterion
from kb.pipeline import check
from kb.render import (
    CHALLENGES_PAGE,
    FUNDING_PAGE,
    GAPS_PAGE,
    glossary,
    md,
    relative_url,
    render_site,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini" / "content"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "mini"


def _pages() -> dict[str, str]:
    result = check(FIXTURE)
    assert result.diagnostics == []
    return render_site(result.graph)


def test_pages_match_the_snapshots() -> None:
    pages = _pages()
    if os.environ.get("KB_UPDATE_SNAPSHOTS"):
        shutil.rmtree(SNAPSHOTS, ignore_errors=True)
        for path, text in pages.items():
            (SNAPSHOTS / path).parent.mkdir(parents=True, exist_ok=True)
            (SNAPSHOTS / path).write_text(text, encoding="utf-8")
    stored = {
        p.relative_to(SNAPSHOTS).as_posix(): p.read_text(encoding="utf-8")
        for p in SNAPSHOTS.rglob("*")
        if p.is_file()
    }
    assert sorted(pages) == sorted(stored)
    for path, text in pages.items():
        assert text == stored[path], f"{path} differs from its snapshot"


def test_rendering_is_deterministic() -> None:
    assert _pages() == _pages()


def test_every_entry_and_every_kind_gets_a_page() -> None:
    pages = _pages()
    result = check(FIXTURE)
    for entry in result.graph.entries.values():
        assert f"{entry.kind.section}/{entry.id}.md" in pages
    sections = {path.split("/")[0] for path in pages if path.endswith("/index.md")}
    assert {"modellen", "knoppen", "fasen", "elementen", "praktijken", "instrumenten"} <= sections
    assert {"financiering", "knelpunten", "kennishiaten", "stappenplannen", "bronnen"} <= sections
    assert "organisaties" in sections


def test_assignments_show_strength_and_basis() -> None:
    page = _pages()["praktijken/praktijk-a.md"]
    assert "[Eerste knop · primair](../knoppen/knop-een.md)" in page
    assert 'title="primair, volgens de bron"' in page
    assert 'title="secundair, afgeleid door de redactie: de bron noemt coördinatie niet"' in page


def test_backlinks_are_grouped_by_kind_on_knob_pages() -> None:
    page = _pages()["knoppen/knop-een.md"]
    backlinks = page.split("## Verwijzingen hierheen", 1)[1]
    assert "**Elementen**\n\n- [Element A](../elementen/element-a.md)" in backlinks
    assert "**Praktijkvoorbeelden**\n\n- [Praktijk A](../praktijken/praktijk-a.md)" in backlinks


def test_crosswalks_show_on_both_phases() -> None:
    pages = _pages()
    assert "Komt overeen met [Stap 1](stap-1.md)" in pages["fasen/fase-b1.md"]
    assert "Komt overeen met [Fase B1](fase-b1.md)" in pages["fasen/stap-1.md"]


def test_markdown_in_titles_is_shown_literally() -> None:
    assert md("*A* [b] <c> `d` #e |f") == r"\*A\* \[b\] &lt;c&gt; \`d\` \#e \|f"


def test_relative_urls_between_pages() -> None:
    assert relative_url("knoppen/a.md", "knoppen/b.md") == "a.md"
    assert relative_url("knoppen/a.md", "fasen/b.md") == "../knoppen/a.md"
    assert relative_url("knoppen/a.md", "index.md") == "knoppen/a.md"
    assert relative_url("index.md", "onderhoud/x/meldingen.md") == "../../index.md"


def test_tooltips_survive_quotes_and_pipes() -> None:
    from kb.render import _ENV

    assert _ENV.filters["attr"]('a "b" | c\nd') == "a &quot;b&quot; / c d"


def test_overview_pages_list_every_entry_of_their_kind() -> None:
    """The funding table, bottleneck overview, open questions and library leave nothing out."""
    graph = check(Path(__file__).resolve().parent.parent / "content").graph
    pages = render_site(graph)
    for page_path, kind in (
        (FUNDING_PAGE, "funding"),
        (CHALLENGES_PAGE, "challenge"),
        (GAPS_PAGE, "gap"),
        ("bronnen/index.md", "source"),
    ):
        for entry in graph.of_kind(kind):
            assert md(entry.fields.title) in pages[page_path], (page_path, entry.id)
    counts = re.findall(r"^## .+ \((\d+)\)$", pages["bronnen/index.md"], flags=re.MULTILINE)
    assert sum(int(n) for n in counts) == len(graph.of_kind("source"))


def test_funding_table_has_a_row_per_model_and_a_column_per_criterion() -> None:
    table = [line for line in _pages()[FUNDING_PAGE].splitlines() if line.startswith("|")]
    assert len(table) == 2 + 1  # header, separator, Bekostiging A
    assert table[0].count("|") == table[2].count("|") == 5 + len(get_args(Criterion)) + 1
    assert (
        "| voorstel | Zorgverzekeringswet (Zvw); Wet maatschappelijke ondersteuning (Wmo) |"
        in (table[2])
    )


def test_the_glossary_explains_the_abbreviations_of_the_sources() -> None:
    graph = check(Path(__file__).resolve().parent.parent / "content").graph
    terms = glossary(graph)
    for abbreviation, entry_id in (
        ("OMK", "omk"),
        ("DMIC", "omk"),
        ("IZA", "iza"),
        ("WoR", "praktijk-welzijn-op-recept"),
        ("HOZL", "org-huisartsen-ozl"),
    ):
        assert entry_id in [e.id for e in terms[abbreviation]], abbreviation
    assert not [t for t in terms if t.endswith(("-aanpak", "-fasen"))]
    page = render_site(graph)["begrippen.md"]
    assert "- **OMK**: [" in page
