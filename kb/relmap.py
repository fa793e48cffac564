"""Relation maps: a small inline SVG of an entry and the entries it links to or is linked from.

The entry sits in the middle; its neighbours (depth 1, both directions) sit on two rings around it,
grouped by kind in the order of the content model. A kind with more neighbours than its share of
the room shows the first ones and a "+N meer" node that leads to the full lists on the page. Every
node is a link whose visible text is its name. All text is escaped, so no entry can inject markup.
Colours per kind live in the style sheet (`.kb-relmap--<kind>`). Pure: the same graph gives the
same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from kb.graph import Graph
from kb.labels import KIND_LABELS
from kb.model import KINDS

MAX_NODES = 30
WIDTH, HEIGHT = 760, 520
RINGS = (175, 235)
LABEL_CHARS = 26


def neighbours(graph: Graph, entry_id: str) -> dict[str, list[str]]:
    """Ids linked to or from `entry_id`, by kind in model order, each sorted by title."""
    ids = {link.target for link in graph.outgoing.get(entry_id, ())}
    ids |= {link.source for link in graph.backlinks.get(entry_id, ())}
    ids.discard(entry_id)
    grouped: dict[str, list[str]] = {}
    for other in ids:
        grouped.setdefault(graph.entries[other].kind.name, []).append(other)

    def by_title(other: str) -> tuple[str, str]:
        return graph.entries[other].fields.title.casefold(), other

    return {kind: sorted(grouped[kind], key=by_title) for kind in KINDS if kind in grouped}


def _shown(grouped: dict[str, list[str]]) -> list[tuple[str, str | None, int]]:
    """`(kind, id or None for "+N meer", hidden count)` for the nodes that fit in the map."""
    share = max(2, MAX_NODES // max(1, len(grouped)))
    nodes: list[tuple[str, str | None, int]] = []
    for kind, ids in grouped.items():
        if len(ids) <= share:
            nodes += [(kind, i, 0) for i in ids]
        else:
            nodes += [(kind, i, 0) for i in ids[: share - 1]]
            nodes.append((kind, None, len(ids) - share + 1))
    return nodes


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"


def _wrap(title: str) -> list[str]:
    """A title on at most two lines; only a very long one is cut, and then visibly."""
    words = title.split()
    lines = [""]
    for position, word in enumerate(words):
        if lines[-1] and len(lines[-1]) + 1 + len(word) > LABEL_CHARS:
            if len(lines) == 2:
                return [lines[0], _short(" ".join([lines[1], *words[position:]]))]
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return [_short(line) for line in lines]


def relation_map(
    graph: Graph,
    entry_id: str,
    url: Callable[[str], str],
    more: Callable[[str], str],
    grouped: dict[str, list[str]] | None = None,
) -> str:
    """The SVG of `entry_id`'s neighbourhood.

    `url(id)` gives a node's link; `more(kind)` the link of a kind's "+N meer" node; `grouped`
    the entry's `neighbours` when the caller already has them. Empty when there are none.
    """
    grouped = neighbours(graph, entry_id) if grouped is None else grouped
    if not grouped:
        return ""
    nodes = _shown(grouped)
    cx, cy = WIDTH / 2, HEIGHT / 2
    centre = graph.entries[entry_id]
    edges, boxes = [], []
    for index, (kind, node_id, hidden) in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / len(nodes)
        radius = RINGS[index % 2] if len(nodes) > 12 else RINGS[0]
        x = cx + radius * math.cos(angle) * 1.35
        y = cy + radius * math.sin(angle) * 0.85
        edges.append(
            f'<line class="kb-relmap--{kind}" x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" '
            f'y2="{y:.1f}"/>'
        )
        if node_id is None:
            plural = KIND_LABELS[kind].plural.lower()
            lines, href = [f"+{hidden} {plural}"], more(kind)
        else:
            lines, href = _wrap(graph.entries[node_id].fields.title), url(node_id)
        boxes.append(_node(x, y, lines, href, kind))
    title = centre.fields.title
    centre_box = (
        f'<g class="kb-relmap__centre kb-relmap--{centre.kind.name}">'
        f'<rect x="{cx - 95:.1f}" y="{cy - 17:.1f}" width="190" height="34" rx="17"/>'
        f'<text x="{cx:.1f}" y="{cy + 5:.1f}" text-anchor="middle">'
        f"{escape(_short(title))}</text></g>"
    )
    label = escape(f"Samenhang van {title}: {len(nodes)} verbonden onderdelen", quote=True)
    return (
        f'<svg class="kb-relmap" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(edges)
        + "".join(boxes)
        + centre_box
        + "</svg>"
    )


def _node(x: float, y: float, lines: list[str], href: str, kind: str) -> str:
    """A linked box; its visible text is its accessible name, so what a reader sees is read."""
    width = 14 + 6.6 * max(len(line) for line in lines)
    height = 12 + 14 * len(lines)
    top = y - height / 2
    text = "".join(
        f'<tspan x="{x:.1f}" y="{top + 18 + 14 * i:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<a href="{escape(href, quote=True)}">'
        f'<rect x="{x - width / 2:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'rx="6" class="kb-relmap__node kb-relmap--{kind}"/>'
        f'<text text-anchor="middle">{text}</text></a>'
    )
