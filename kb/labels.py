"""Dutch words for everything the site shows: kinds, fields and the values of closed lists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KindLabel:
    singular: str
    plural: str
    intro: str


KIND_LABELS: dict[str, KindLabel] = {
    "model": KindLabel(
        "Model",
        "Modellen",
        "Modellen en raamwerken die beschrijven wat integrale zorg is en hoe je het organiseert. "
        "Elk model laat zien uit welke elementen het bestaat en hoe die op de zes knoppen passen.",
    ),
    "knob": KindLabel(
        "Knop",
        "Knoppen",
        "De zes knoppen van het Limburgse Zesknoppenmodel: de onderwerpen waaraan je samen "
        "draait om integrale zorg van de grond te krijgen. Op elke knoppagina staat alles uit de "
        "toolbox dat bij die knop hoort.",
    ),
    "element": KindLabel(
        "Element",
        "Elementen",
        "Onderdelen van modellen, zoals de lagen van het Regenboogmodel of de clusters van het "
        "OMK, met de knop waarop elk element past.",
    ),
    "phase": KindLabel(
        "Fase",
        "Fasen",
        "Fasen en stappen waarin samenwerkingen zich ontwikkelen, per fasemodel, met de signalen "
        "waaraan je herkent dat je in een fase zit en de fasen van andere modellen die ermee "
        "overeenkomen.",
    ),
    "practice": KindLabel(
        "Praktijkvoorbeeld",
        "Praktijkvoorbeelden",
        "Aanpakken, programma's en projecten uit de praktijk: wat ze doen, voor wie, met welke "
        "resultaten en wat hielp of tegenviel.",
    ),
    "tool": KindLabel(
        "Instrument",
        "Instrumenten",
        "Formats, dashboards, analyse-instrumenten, methoden, handreikingen en loketten die je "
        "morgen kunt gebruiken.",
    ),
    "funding": KindLabel(
        "Bekostigingsvorm",
        "Bekostigingsvormen",
        "Manieren om integrale zorg te betalen: mechanisme, wettelijk kader, wie betaalt en wie "
        "het risico draagt, voor- en nadelen en randvoorwaarden.",
    ),
    "challenge": KindLabel(
        "Knelpunt",
        "Knelpunten",
        "Knelpunten waar samenwerkingen tegenaan lopen, met de oplossingen die in de praktijk "
        "gevonden of voorgesteld zijn.",
    ),
    "gap": KindLabel(
        "Kennishiaat",
        "Kennishiaten",
        "Open vragen waarop het onderzoek nog geen goed antwoord heeft, met wat al bekend is en "
        "wat de bronnen aanbevelen.",
    ),
    "guide": KindLabel(
        "Stappenplan",
        "Stappenplannen",
        "Stappenplannen voor wie aan de slag gaat, met per stap het doel, een checklist, "
        "instrumenten, valkuilen en wanneer de stap klaar is.",
    ),
    "source": KindLabel(
        "Bron",
        "Bronnen",
        "De bibliotheek van de toolbox: de publicaties, websites en video's waarop de toolbox "
        "rust, per soort. Elke bewering in de toolbox verwijst naar een bron en de plek daarin; "
        "op de pagina van een bron zie je welke onderdelen van de toolbox haar aanhalen.",
    ),
    "organisation": KindLabel(
        "Organisatie",
        "Organisaties",
        "Partijen die in de bronnen een rol spelen: zorgverzekeraars, zorggroepen, gemeenten, "
        "kennisinstituten en samenwerkingsverbanden.",
    ),
}

VALUE_LABELS: dict[str, dict[str, str]] = {
    "strength": {"primary": "primair", "secondary": "secundair"},
    "basis": {"stated": "volgens de bron", "inferred": "afgeleid door de redactie"},
    "levels": {"micro": "micro", "meso": "meso", "macro": "macro"},
    "audiences": {
        "project-leader": "projectleider",
        "executive": "bestuurder",
        "professional": "zorgverlener",
        "municipality": "gemeente",
        "insurer": "zorgverzekeraar",
        "community": "inwoner of wijkteam",
    },
    "relation": {
        "equivalent": "komt overeen met",
        "overlaps": "overlapt met",
        "part-of": "is onderdeel van",
        "builds-on": "bouwt voort op",
    },
    "evidence_level": {
        "practice-experience": "praktijkervaring",
        "evaluated": "geëvalueerd in de praktijk",
        "controlled-study": "effectonderzoek met vergelijkingsgroep",
        "systematic-review": "systematische review",
    },
    "practice_status": {
        "running": "loopt",
        "ended": "afgelopen",
        "planned": "gepland",
        "unknown": "onbekend",
    },
    "tool_type": {
        "format": "format of sjabloon",
        "checklist": "checklist",
        "dashboard": "dashboard of spiegelinformatie",
        "analysis-tool": "analyse-instrument",
        "method": "methode",
        "guide": "handreiking",
        "helpdesk": "loket of helpdesk",
        "website": "website",
        "knowledge-base": "kennisbank",
        "training": "training of scholing",
        "video": "video",
    },
    "tool_status": {
        "exists": "bestaat",
        "in-development": "in ontwikkeling",
        "planned": "gepland",
        "unknown": "onbekend",
    },
    "legal_frames": {
        "zvw": "Zorgverzekeringswet (Zvw)",
        "wmo": "Wet maatschappelijke ondersteuning (Wmo)",
        "wlz": "Wet langdurige zorg (Wlz)",
        "jeugdwet": "Jeugdwet",
        "participatiewet": "Participatiewet",
        "wpg": "Wet publieke gezondheid (Wpg)",
        "other": "ander kader of buiten de zorgwetten",
    },
    "funding_status": {
        "in-use": "in gebruik",
        "in-development": "in ontwikkeling",
        "proposal": "voorstel",
        "literature": "alleen in de literatuur",
    },
    "criterion": {
        "multimorbidity": "multimorbiditeit",
        "prevention": "preventie",
        "consultation": "consultatie en overleg",
        "multiple-providers": "meerdere zorgaanbieders",
        "cost-control": "kostenbeheersing",
        "legal-fit": "past in de wet",
        "transitions": "overgangen tussen wetten",
    },
    "rating": {
        "positive": "geschikt",
        "mixed": "deels geschikt",
        "negative": "ongeschikt",
        "unclear": "onduidelijk",
    },
    "solution_status": {
        "found": "gevonden in de praktijk",
        "suggested": "voorgesteld",
        "none": "nog geen oplossing",
    },
    "source_type": {
        "knowledge-synthesis": "kennissynthese",
        "report": "rapport",
        "brochure": "brochure",
        "article": "artikel",
        "plan": "plan",
        "website": "website",
        "agreement": "akkoord of convenant",
        "book": "boek",
        "factsheet": "factsheet",
        "guideline": "richtlijn of beleidsregel",
        "policy": "beleidsdocument",
        "video": "video",
    },
    "url_status": {
        "ok": "werkt",
        "unknown": "niet gecontroleerd",
        "broken": "werkt niet meer",
        "not-online": "niet online beschikbaar",
    },
    "organisation_type": {
        "insurer": "zorgverzekeraar",
        "care-group": "zorggroep of huisartsenorganisatie",
        "care-provider": "zorgaanbieder",
        "municipality": "gemeente",
        "knowledge-institute": "kennisinstituut",
        "university": "universiteit of hogeschool",
        "government": "overheid",
        "collaboration": "samenwerkingsverband",
        "other": "anders",
    },
}


def value_label(group: str, value: str) -> str:
    """The Dutch word for `value` in a closed list; the value itself when it has none."""
    return VALUE_LABELS.get(group, {}).get(value, value)
