"""The content model: one declarative pydantic schema per kind of entry.

This module is the single source of truth for what an entry may hold. Validation, the generated
editor schemas and the field reference on the site all come from these classes. Reference fields
carry a `Ref` marker naming the kinds they may point at; the resolver finds them by that marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"


@dataclass(frozen=True, slots=True)
class Ref:
    """Marks a field (or each item of a list field) as a reference to entries of `kinds`."""

    kinds: tuple[str, ...]


def ref(*kinds: str) -> Ref:
    return Ref(kinds or ALL_KINDS)


def _check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", value):
        raise PydanticCustomError(
            "kb_url", "expected an absolute http(s) URL such as `https://www.rivm.nl/...`"
        )
    return value


Text = Annotated[StrictStr, Field(min_length=1)]
Markdown = Annotated[StrictStr, Field(description="Markdown text")]
Id = Annotated[StrictStr, Field(pattern=ID_PATTERN)]
Date = Annotated[StrictStr, Field(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Url = Annotated[StrictStr, AfterValidator(_check_url)]
Year = Annotated[StrictInt, Field(ge=1900, le=2100)]

Strength = Literal["primary", "secondary"]
Basis = Literal["stated", "inferred"]
Level = Literal["micro", "meso", "macro"]
Audience = Literal[
    "project-leader", "executive", "professional", "municipality", "insurer", "community"
]

ALL_KINDS = (
    "model",
    "knob",
    "element",
    "phase",
    "practice",
    "tool",
    "funding",
    "challenge",
    "gap",
    "guide",
    "source",
    "organisation",
)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Record):
    """Where a statement comes from: a source entry and the place in it."""

    source: Annotated[Id, ref("source")]
    location: Text = Field(description="section, table or page, e.g. 'Deel 4, knop 2'")


class Link(Record):
    title: Text
    url: Url


class KnobLink(Record):
    knob: Annotated[Id, ref("knob")]
    strength: Strength
    basis: Basis
    note: Text | None = None


class PhaseLink(Record):
    phase: Annotated[Id, ref("phase")]
    strength: Strength
    basis: Basis
    note: Text | None = None


class Entry(Record):
    """Fields every kind shares."""

    id: Id | None = Field(default=None, description="optional; must equal the file name")
    title: Text
    summary: Text = Field(description="one or two sentences")
    body: Markdown = ""
    aliases: tuple[Text, ...] = ()
    knobs: tuple[KnobLink, ...] = ()
    phases: tuple[PhaseLink, ...] = ()
    levels: tuple[Level, ...] = ()
    audiences: tuple[Audience, ...] = ()
    target_groups: tuple[Text, ...] = ()
    themes: tuple[Text, ...] = ()
    region: Text | None = None
    related: Annotated[tuple[Id, ...], ref()] = ()
    sources: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = ()
    reference_date: Date | None = Field(default=None, description="when the content was true")


class ModelMapping(Record):
    model: Annotated[Id, ref("model")]
    relation: Literal["equivalent", "overlaps", "part-of", "builds-on"]
    basis: Basis
    note: Text | None = None


class Model(Entry):
    authors: tuple[Text, ...] = ()
    organisations: Annotated[tuple[Id, ...], ref("organisation")] = ()
    year: Year | None = None
    mappings: tuple[ModelMapping, ...] = ()
    reference_axis: StrictBool = Field(
        default=False,
        description="the phases of every other phase model are aligned on this model's phases",
    )
    matrix_columns: StrictBool = Field(
        default=False,
        description="the knob x phase matrix also shows this model's phases as columns",
    )


class SelfCheck(Record):
    statement: Text = Field(description="a statement a team rates, e.g. 'Wij hebben ...'")
    sources: tuple[Citation, ...] = Field(min_length=1)


class Knob(Entry):
    number: Annotated[StrictInt, Field(ge=1, le=6)]
    kings_fund_term: Text
    one_sentence: Text
    essence: Markdown
    good_practice: Markdown
    self_checks: tuple[SelfCheck, ...] = Field(min_length=4, max_length=6)


class Element(Entry):
    model: Annotated[Id, ref("model")]
    parent: Annotated[Id | None, ref("element")] = None
    order: Annotated[StrictInt, Field(ge=1)] | None = None
    no_equivalent: Text | None = Field(
        default=None, description="why this element maps onto none of the six knobs"
    )


class PhaseMapping(Record):
    phase: Annotated[Id, ref("phase")]
    relation: Literal["equivalent", "overlaps"]
    basis: Basis
    note: Text | None = None


class Phase(Entry):
    model: Annotated[Id, ref("model", "practice", "guide")]
    order: Annotated[StrictInt, Field(ge=1)]
    goal: Text
    activities: tuple[Text, ...] = ()
    markers: tuple[Text, ...] = Field(default=(), description="observable signs a team is here")
    transition: Markdown = Field(default="", description="what moves a team to the next phase")
    duration: Text | None = None
    targets: tuple[Text, ...] = ()
    sequencing: Markdown = Field(default="", description="overlap, loop back or parallel phases")
    equivalents: tuple[PhaseMapping, ...] = ()
    no_equivalent: Text | None = Field(
        default=None, description="why this phase has no equivalent on the reference axis (OMK)"
    )


class Result(Record):
    statement: Text
    basis: Text = Field(description="year, population, method or assumption behind the figure")


class Practice(Entry):
    organisations: Annotated[tuple[Id, ...], ref("organisation")] = ()
    steps: tuple[Text, ...] = ()
    results: tuple[Result, ...] = ()
    success_factors: tuple[Text, ...] = ()
    pitfalls: tuple[Text, ...] = ()
    evidence_level: (
        Literal["practice-experience", "evaluated", "controlled-study", "systematic-review"] | None
    ) = None
    evidence_note: Text | None = None
    status: Literal["running", "ended", "planned", "unknown"] = "unknown"
    tools: Annotated[tuple[Id, ...], ref("tool")] = ()
    funding: Annotated[tuple[Id, ...], ref("funding")] = ()


class Tool(Entry):
    tool_type: Literal[
        "format",
        "checklist",
        "dashboard",
        "analysis-tool",
        "method",
        "guide",
        "helpdesk",
        "website",
        "knowledge-base",
        "training",
        "video",
    ]
    status: Literal["exists", "in-development", "planned", "unknown"] = "unknown"
    usage: Markdown = ""
    publishers: Annotated[tuple[Id, ...], ref("organisation")] = ()
    availability: Text | None = None


LegalFrame = Literal["zvw", "wmo", "wlz", "jeugdwet", "participatiewet", "wpg", "other"]
Criterion = Literal[
    "multimorbidity",
    "prevention",
    "consultation",
    "multiple-providers",
    "cost-control",
    "legal-fit",
    "transitions",
]


Rating = Literal["positive", "mixed", "negative", "unclear"]


class Suitability(Record):
    criterion: Criterion
    rating: Rating
    note: Text | None = None


class Funding(Entry):
    mechanism: Markdown
    legal_frames: tuple[LegalFrame, ...] = ()
    payer: Text | None = None
    risk_bearer: Text | None = None
    status: Literal["in-use", "in-development", "proposal", "literature"]
    status_note: Text | None = None
    pros: tuple[Text, ...] = ()
    cons: tuple[Text, ...] = ()
    preconditions: tuple[Text, ...] = ()
    suitability: tuple[Suitability, ...] = ()
    solves: Annotated[tuple[Id, ...], ref("challenge")] = ()
    examples: Annotated[tuple[Id, ...], ref("practice")] = ()


class Solution(Record):
    text: Text
    status: Literal["found", "suggested", "none"]
    by: Text | None = None
    uses: Annotated[tuple[Id, ...], ref("funding", "practice", "tool", "guide")] = ()


class Challenge(Entry):
    affected: Text | None = Field(default=None, description="who runs into it")
    solutions: tuple[Solution, ...] = ()


class Gap(Entry):
    question: Text
    why_it_matters: Markdown = ""
    known: Markdown = Field(default="", description="what is known so far")
    recommendations: tuple[Text, ...] = ()


class Step(Record):
    title: Text
    goal: Text
    checklist: tuple[Text, ...] = ()
    who: tuple[Text, ...] = ()
    uses: Annotated[tuple[Id, ...], ref("tool", "practice", "guide", "funding", "model")] = ()
    pitfalls: tuple[Text, ...] = ()
    success_factors: tuple[Text, ...] = ()
    done_when: tuple[Text, ...] = ()
    duration: Text | None = None
    phase: Annotated[Id | None, ref("phase")] = None


class Guide(Entry):
    steps: tuple[Step, ...] = Field(min_length=1)


class Source(Entry):
    source_type: Literal[
        "knowledge-synthesis",
        "report",
        "brochure",
        "article",
        "plan",
        "website",
        "agreement",
        "book",
        "factsheet",
        "guideline",
        "policy",
        "video",
    ]
    authors: tuple[Text, ...] = ()
    publishers: Annotated[tuple[Id, ...], ref("organisation")] = ()
    year: Year | None = None
    url: Url | None = None
    url_status: Literal["ok", "unknown", "broken", "not-online"] = "unknown"
    part_of: Annotated[Id | None, ref("source")] = None


class Organisation(Entry):
    organisation_type: Literal[
        "insurer",
        "care-group",
        "care-provider",
        "municipality",
        "knowledge-institute",
        "university",
        "government",
        "collaboration",
        "other",
    ]
    website: Url | None = None


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of entry: its schema, its folder in `content/` and its section on the site."""

    name: str
    folder: str
    schema: type[Entry]
    section: str


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("model", "models", Model, "modellen"),
        Kind("knob", "knobs", Knob, "knoppen"),
        Kind("element", "elements", Element, "elementen"),
        Kind("phase", "phases", Phase, "fasen"),
        Kind("practice", "practices", Practice, "praktijken"),
        Kind("tool", "tools", Tool, "instrumenten"),
        Kind("funding", "funding", Funding, "financiering"),
        Kind("challenge", "challenges", Challenge, "knelpunten"),
        Kind("gap", "gaps", Gap, "kennishiaten"),
        Kind("guide", "guides", Guide, "stappenplannen"),
        Kind("source", "sources", Source, "bronnen"),
        Kind("organisation", "organisations", Organisation, "organisaties"),
    )
}
KIND_BY_FOLDER = {kind.folder: kind for kind in KINDS.values()}
