"""Relation maps: every neighbour is reachable, crowded maps collapse, text cannot inject markup."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from kb.pipeline import check
from kb.relmap import MAX_NODES, neighbours, relation_map

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini" / "content"


def _map(content: Path, entry_id: str) -> str:
    graph = check(content).graph
    return relation_map(graph, entry_id, lambda i: f"/{i}/", lambda kind: f"#{kind}")


def test_every_neighbour_is_a_link_in_both_directions() -> None:
    svg = _map(MINI, "knop-een")
    # knop-een links to its model and source, and is linked from the element and the practice.
    assert re.findall(r'<a href="([^"]+)"', svg) == [
        "/model-a/",
        "/element-a/",
        "/praktijk-a/",
        "/bron-a/",
    ]
    assert ">Praktijk A</tspan>" in svg


def test_a_crowded_map_collapses_each_kind_into_more() -> None:
    graph = check(ROOT / "content").graph
    crowded = max(graph.entries, key=lambda i: sum(map(len, neighbours(graph, i).values())))
    grouped = neighbours(graph, crowded)
    svg = relation_map(graph, crowded, lambda i: f"/{i}/", lambda kind: f"#{kind}")
    links = re.findall(r'<a href="([^"]+)"', svg)
    assert len(links) <= MAX_NODES + len(grouped)
    hidden = sum(int(n) for n in re.findall(r">\+(\d+) [a-z]+</tspan>", svg))
    shown = sum(1 for link in links if not link.startswith("#"))
    assert shown + hidden == sum(len(ids) for ids in grouped.values())


def test_titles_are_escaped(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    practice = content / "practices" / "praktijk-a.yml"
    practice.write_text(
        practice.read_text(encoding="utf-8").replace(
            "title: Praktijk A", "title: 'Praktijk <A> & \"B\"'"
        ),
        encoding="utf-8",
    )
    svg = _map(content, "knop-een")
    assert "Praktijk &lt;A&gt; &amp; &quot;B&quot;" in svg
    assert "<A>" not in svg


def test_an_entry_without_links_gets_no_map(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "sources" / "bron-los.yml").write_text(
        "title: Los\nsummary: Alleen.\nsource_type: report\n", encoding="utf-8"
    )
    assert _map(content, "bron-los") == ""
