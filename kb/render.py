"""Render the graph into Markdown pages: `{site path: markdown}`, independent of MkDocs.

Every page is a pure function of the graph, so the same content always gives the same bytes.
Links between pages are relative `.md` paths, which MkDocs checks in strict mode and any other
Markdown site generator understands.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar, get_args

import jinja2

from kb.crosswalk import axis_model, knob_elements, phase_models
from kb.diagnostics import CODES, Severity
from kb.graph import Graph, reading_order
from kb.labels import KIND_LABELS, value_label
from kb.model import KINDS, Criterion, Kind, Phase, PhaseMapping, Rating
from kb.recommend import AxisPositions
from kb.relmap import neighbours, relation_map
from kb.toolbox_data import TOOLBOX_DATA_PATH, toolbox_json
from kb.validate import Valid
from kb.wizard_data import DATA_PATH, wizard_json

CODES_PAGE = "onderhoud/meldingen.md"
MODELS_PAGE = "modellen-naast-elkaar.md"
PHASES_PAGE = "fasen-naast-elkaar.md"
FUNDING_PAGE = "financiering-kiezen.md"
CHALLENGES_PAGE = "knelpunten-en-oplossingen.md"
GAPS_PAGE = "wat-weten-we-nog-niet.md"
MATRIX_PAGE = "matrix.md"
GLOSSARY_PAGE = "begrippen.md"
GLOSSARY_KINDS = ("model", "knob", "funding")
# An abbreviation: one word of at most ten characters with at least two capitals (OMK, WoR, NZa).
_ABBREVIATION = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})(?!.*-[a-z]{2})[A-Za-z0-9&-]{2,10}")
_IN_PARENTHESES = re.compile(r"\(([^()]+)\)")
TOOLBOX_PAGE = "toolbox.md"
MATRIX_KINDS = ("practice", "tool", "funding", "guide", "challenge")
_COLUMNS = 4  # models per comparison table: wider tables do not fit a screen
T = TypeVar("T")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("kb", "templates"),
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def page_path(entry: Valid) -> str:
    """The site path of an entry's page, e.g. `knoppen/knop-coordinatie.md`."""
    return f"{entry.kind.section}/{entry.id}.md"


def render_site(graph: Graph, *, directory_urls: bool = True) -> dict[str, str]:
    """Every generated file of the site, keyed by its path below the docs folder.

    Markdown pages, and the data files of the wizard (`assets/kb.json`) and the toolbox page
    (`assets/toolbox.json`).
    """
    pages = {f"{kind.section}/index.md": _render_section(graph, kind) for kind in KINDS.values()}
    for entry in graph.entries.values():
        pages[page_path(entry)] = _render_entry(graph, entry, directory_urls)
    pages[CODES_PAGE] = _ENV.get_template("codes.md.j2").render(
        codes=sorted(CODES.values(), key=lambda c: (c.severity is Severity.WARNING, c.name))
    )
    pages[DATA_PATH] = wizard_json(graph)
    pages[TOOLBOX_DATA_PATH] = toolbox_json(graph)
    pages[MODELS_PAGE] = _render_model_comparison(graph)
    pages[PHASES_PAGE] = _render_phase_comparison(graph)
    pages[FUNDING_PAGE] = _render_funding_choice(graph)
    pages[CHALLENGES_PAGE] = _render_challenges(graph)
    pages[GAPS_PAGE] = _render_open_questions(graph)
    pages[MATRIX_PAGE] = _render_matrix(graph)
    pages[GLOSSARY_PAGE] = _render_glossary(graph)
    return dict(sorted(pages.items()))


def _render_funding_choice(graph: Graph) -> str:
    fundings = [
        (entry, {item.criterion: item.rating for item in getattr(entry.fields, "suitability", ())})
        for entry in graph.of_kind("funding")
    ]
    return _ENV.get_template("choose-funding.md.j2").render(
        page=Page(graph, FUNDING_PAGE),
        fundings=fundings,
        criteria=get_args(Criterion),
        ranks=[value_label("rating", r) for r in get_args(Rating)] + ["\N{EN DASH}"],
    )


def _render_challenges(graph: Graph) -> str:
    page = Page(graph, CHALLENGES_PAGE)
    rows = []
    counts = Counter[str]()
    for entry in graph.of_kind("challenge"):
        solutions = getattr(entry.fields, "solutions", ())
        counts.update(solution.status for solution in solutions)
        if not any(solution.status == "found" for solution in solutions):
            counts["unsolved"] += 1
        named = {entry_id for solution in solutions for entry_id in solution.uses}
        backlinks = graph.backlinks.get(entry.id, ())
        linked = page.group_by_kind(ln.source for ln in backlinks if ln.source not in named)
        rows.append((entry, linked))
    return _ENV.get_template("challenges-and-solutions.md.j2").render(
        page=page, rows=rows, counts=counts
    )


def _render_matrix(graph: Graph) -> str:
    """Knobs by phases: the OMK columns, then every phase model marked `matrix_columns`."""
    axis = AxisPositions(graph)
    knobs = graph.of_kind("knob")
    shown = [
        (parent, phases)
        for parent, phases in phase_models(graph)
        if getattr(parent.fields, "reference_axis", False)
        or getattr(parent.fields, "matrix_columns", False)
    ]
    columns = [phase.id for _, phases in shown for phase in phases]

    def cells_of(entries: Iterable[Valid]) -> dict[tuple[str, str], list[Valid]]:
        """`(knob id, phase id)` -> the entries classified on both (phases through the axis)."""
        found: dict[tuple[str, str], list[Valid]] = {}
        for entry in entries:
            named = [link.phase for link in entry.fields.phases]
            covered = [column for column in columns if axis.covers(named, column)]
            for knob in {link.knob for link in entry.fields.knobs}:
                for column in covered:
                    found.setdefault((knob, column), []).append(entry)
        return found

    counted = cells_of(e for kind in MATRIX_KINDS for e in graph.of_kind(kind))
    gaps = cells_of(graph.of_kind("gap"))
    tables = []
    for parent, phases in shown if knobs else []:
        rows = []
        for knob in knobs:
            cells = []
            for phase in phases:
                tally = Counter(e.kind.name for e in counted.get((knob.id, phase.id), ()))
                in_order = [(kind, tally[kind]) for kind in MATRIX_KINDS if tally[kind]]
                open_questions = [] if in_order else gaps.get((knob.id, phase.id), [])
                cells.append((phase, in_order, open_questions))
            rows.append((knob, cells))
        tables.append((parent, phases, rows))
    return _ENV.get_template("matrix.md.j2").render(
        page=Page(graph, MATRIX_PAGE),
        tables=tables,
        toolbox=relative_url(TOOLBOX_PAGE, MATRIX_PAGE),
        phases_page=relative_url(PHASES_PAGE, MATRIX_PAGE),
    )


def glossary(graph: Graph) -> dict[str, list[Valid]]:
    """Term -> the entries that explain it: abbreviations of every entry, and the titles of the
    models, knobs and funding models. Sources and organisations only lend their abbreviations."""
    terms: dict[str, dict[str, Valid]] = {}
    for entry in graph.entries.values():
        names = [entry.fields.title, *entry.fields.aliases]
        found = {n for n in names if _ABBREVIATION.fullmatch(n)}
        found |= {
            inner.strip()
            for n in names
            for inner in _IN_PARENTHESES.findall(n)
            if _ABBREVIATION.fullmatch(inner.strip())
        }
        if entry.kind.name in GLOSSARY_KINDS:
            found.add(entry.fields.title)
        for term in found:
            terms.setdefault(term, {})[entry.id] = entry
    return {
        term: sorted(targets.values(), key=reading_order)
        for term, targets in sorted(terms.items(), key=lambda t: (t[0].casefold(), t[0]))
    }


def _render_glossary(graph: Graph) -> str:
    letters: dict[str, list[tuple[str, list[Valid]]]] = {}
    for term, targets in glossary(graph).items():
        first = term[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append((term, targets))
    return _ENV.get_template("glossary.md.j2").render(
        page=Page(graph, GLOSSARY_PAGE), letters=sorted(letters.items())
    )


def _render_open_questions(graph: Graph) -> str:
    gaps = graph.of_kind("gap")
    groups: list[tuple[str, Valid | None, list[tuple[Valid, str]]]] = []
    for knob in graph.of_kind("knob"):
        items: list[tuple[Valid, str]] = [
            (gap, link.strength)
            for gap in gaps
            for link in gap.fields.knobs
            if link.knob == knob.id
        ]
        if items:
            items.sort(key=lambda item: (item[1] != "primary", reading_order(item[0])))
            groups.append((knob.fields.title, knob, items))
    loose = [(gap, "primary") for gap in gaps if not gap.fields.knobs]
    if loose:
        groups.append(("Nog niet aan een knop gekoppeld", None, loose))
    return _ENV.get_template("open-questions.md.j2").render(
        page=Page(graph, GAPS_PAGE), groups=groups
    )


def _render_model_comparison(graph: Graph) -> str:
    elements = graph.of_kind("element")
    with_elements = {getattr(e.fields, "model", "") for e in elements}
    models = [m for m in graph.of_kind("model") if m.id in with_elements]
    unmapped: dict[str, list[Valid]] = {}
    for element in elements:
        if not element.fields.knobs:
            unmapped.setdefault(getattr(element.fields, "model", ""), []).append(element)
    return _ENV.get_template("compare-models.md.j2").render(
        page=Page(graph, MODELS_PAGE),
        knobs=graph.of_kind("knob"),
        chunks=_chunks(models),
        table=knob_elements(graph),
        unmapped=unmapped,
    )


def _render_phase_comparison(graph: Graph) -> str:
    axis = axis_model(graph)
    models = phase_models(graph)
    others = [(parent, phases) for parent, phases in models if parent is not axis]
    return _ENV.get_template("compare-phases.md.j2").render(
        page=Page(graph, PHASES_PAGE),
        axis=axis,
        axis_phases=models[0][1] if axis and models else [],
        chunks=_chunks(others),
        models=models,
    )


def _chunks(items: list[T]) -> list[list[T]]:
    return [items[i : i + _COLUMNS] for i in range(0, len(items), _COLUMNS)]


def _render_entry(graph: Graph, entry: Valid, directory_urls: bool) -> str:
    page = Page(graph, page_path(entry), directory_urls)
    template = _ENV.get_template(f"kinds/{entry.kind.name}.md.j2")
    return template.render(
        page=page,
        entry=entry,
        f=entry.fields,
        kind=KIND_LABELS[entry.kind.name],
        boost=2 if entry.kind.name in {"knob", "model"} else None,
    )


def _render_section(graph: Graph, kind: Kind) -> str:
    page = Page(graph, f"{kind.section}/index.md")
    entries = graph.of_kind(kind.name)
    groups: dict[str, list[Valid]] = {}
    for entry in entries:
        groups.setdefault(_section_group(page, entry), []).append(entry)
    if kind.name == "source":  # the library: how many sources of each type
        groups = {f"{name} ({len(items)})": items for name, items in groups.items()}
    return _ENV.get_template("section.md.j2").render(
        page=page,
        name=kind.name,
        kind=KIND_LABELS[kind.name],
        groups=sorted(groups.items()),
        count=len(entries),
    )


def _section_group(page: Page, entry: Valid) -> str:
    """The heading an entry is listed under on its section page: its model, or its type."""
    parent = getattr(entry.fields, "model", None)
    if parent:
        return page.title(parent)
    source_type = getattr(entry.fields, "source_type", None)
    if source_type:
        return value_label("source_type", source_type).capitalize()
    return ""


class RelationMap(NamedTuple):
    svg: str
    kinds: list[str]


@dataclass(frozen=True, slots=True)
class Page:
    """What templates may ask about the graph, with links relative to the page at `path`.

    `directory_urls` says how the site generator names pages (`a/b/` or `a/b.html`); only raw
    HTML such as the relation map needs it, Markdown links are rewritten by the generator.
    """

    graph: Graph
    path: str
    directory_urls: bool = True

    def link(self, entry_id: str) -> str:
        return f"[{md(self.title(entry_id))}]({self.url(entry_id)})"

    def url(self, entry_id: str) -> str:
        return relative_url(page_path(self.graph.entries[entry_id]), self.path)

    def site_url(self, entry_id: str) -> str:
        """The link to an entry's page as the built site names it, for raw HTML."""
        target = page_path(self.graph.entries[entry_id])
        if not self.directory_urls:
            return relative_url(target[:-3] + ".html", self.path[:-3] + ".html")
        link = relative_url(target[:-3] + "/index.html", self.path[:-3] + "/index.html")
        return link.removesuffix("index.html")

    def relation_map(self, entry_id: str) -> RelationMap:
        """The entry's relation map and, for its legend, the kinds in it."""
        grouped = neighbours(self.graph, entry_id)
        incoming = {kind for kind, _ in self.incoming(entry_id)}

        def more(kind: str) -> str:
            if kind in incoming:
                return "#verwijzingen-hierheen"
            return "#bronnen" if kind == "source" else "#gerelateerd"

        svg = relation_map(self.graph, entry_id, self.site_url, more, grouped)
        return RelationMap(svg, list(grouped))

    def title(self, entry_id: str) -> str:
        return self.graph.entries[entry_id].fields.title

    def entry(self, entry_id: str) -> Valid:
        return self.graph.entries[entry_id]

    def kind_plural(self, kind: str) -> str:
        return KIND_LABELS[kind].plural

    def outgoing(self, entry_id: str) -> list[tuple[str, list[str]]]:
        """Targets of an entry's links (citations excluded), grouped by kind in model order."""
        links = [ln for ln in self.graph.outgoing.get(entry_id, ()) if ln.field != "sources.source"]
        return self.group_by_kind(link.target for link in links)

    def incoming(self, entry_id: str) -> list[tuple[str, list[str]]]:
        """Entries linking to `entry_id`, grouped by kind in model order."""
        return self.group_by_kind(link.source for link in self.graph.backlinks.get(entry_id, ()))

    def linking(self, entry_id: str, kind: str, field: str) -> list[Valid]:
        """Entries of `kind` whose `field` refers to `entry_id`, in reading order."""
        links = self.graph.backlinks.get(entry_id, ())
        sources = [self.graph.entries[i] for i in {ln.source for ln in links if ln.field == field}]
        return sorted((e for e in sources if e.kind.name == kind), key=reading_order)

    def neighbours(self, phase: Valid) -> tuple[Valid | None, Valid | None]:
        """The phases before and after `phase` in its own phase model."""
        assert isinstance(phase.fields, Phase)
        siblings = self.linking(phase.fields.model, "phase", "model")
        index = siblings.index(phase)
        before = siblings[index - 1] if index > 0 else None
        after = siblings[index + 1] if index + 1 < len(siblings) else None
        return before, after

    def aligned(self, phases: list[Valid], axis_phase: str) -> list[tuple[Valid, PhaseMapping]]:
        """The phases among `phases` that map onto `axis_phase`, with their mapping."""
        return [
            (phase, mapping)
            for phase in phases
            for mapping in getattr(phase.fields, "equivalents", ())
            if mapping.phase == axis_phase
        ]

    def unaligned(self, chunk: list[tuple[Valid, list[Valid]]]) -> bool:
        """Whether any phase in these phase models has no equivalent on the axis."""
        return any(getattr(p.fields, "no_equivalent", None) for _, phases in chunk for p in phases)

    def group_by_kind(self, ids: Iterable[str]) -> list[tuple[str, list[str]]]:
        """`ids` without repeats, grouped by kind in model order and sorted by title."""
        grouped: dict[str, set[str]] = {}
        for entry_id in ids:
            grouped.setdefault(self.graph.entries[entry_id].kind.name, set()).add(entry_id)
        return [
            (kind, sorted(grouped[kind], key=lambda i: self.title(i).casefold()))
            for kind in KINDS
            if kind in grouped
        ]


def relative_url(target: str, page: str) -> str:
    """The link from the page at `page` to `target`, both paths below the docs folder.

    `posixpath.relpath` would do, but it consults the working directory on every call, which
    is most of the render time on large content.
    """
    here, there = page.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def md(text: str) -> str:
    """Escape text so Markdown shows it literally (titles, names, short values)."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _attr(text: str) -> str:
    """Text for a quoted attribute in an attribute list (tooltips of chips and table cells).

    A `|` would split a table cell and has no escape that works both inside and outside tables.
    """
    return text.replace('"', "&quot;").replace("|", "/").replace("\n", " ")


def _label(value: Any, group: str) -> str:
    return value_label(group, str(value))


_ENV.filters.update(md=md, yaml_str=_yaml_str, label=_label, attr=_attr)
_ENV.globals.update(
    KIND_LABELS=KIND_LABELS,
    CODES_PAGE=CODES_PAGE,
    MODELS_PAGE=MODELS_PAGE,
    PHASES_PAGE=PHASES_PAGE,
    FUNDING_PAGE=FUNDING_PAGE,
    CHALLENGES_PAGE=CHALLENGES_PAGE,
    GAPS_PAGE=GAPS_PAGE,
)
