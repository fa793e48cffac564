"""Located diagnostics and the registry of their codes.

Every problem `kb` reports is a `Diagnostic`: where it is, how bad it is, what is wrong and, where
one helps, how to fix it. The codes are a closed set documented in `CODES`; the maintainers' page
of the site is generated from that table, and a test fails when a code is used but not documented.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """A position in a content file: a path relative to the project, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Code:
    """A diagnostic code: its severity and what it means, as documented for maintainers."""

    name: str
    severity: Severity
    summary: str
    fix: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    loc: Loc
    code: str
    message: str
    hint: str = ""

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.loc.path, self.loc.line, self.loc.column, self.code, self.message)

    def format(self) -> str:
        """`path:line:col: severity: message [code]`, with the hint on the next line."""
        head = f"{self.loc}: {self.severity.value}: {self.message} [{self.code}]"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


class KbError(Exception):
    """Raised by low-level checks without a location; the caller turns it into a `Diagnostic`."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


def _codes(*codes: Code) -> dict[str, Code]:
    return {code.name: code for code in codes}


_E, _W = Severity.ERROR, Severity.WARNING

# The summaries and fixes are shown to maintainers on the Dutch site page, hence in Dutch;
# the messages `kb` prints are English.
CODES: dict[str, Code] = _codes(
    Code(
        name="kb.encoding",
        severity=_E,
        summary="Het bestand is geen geldige UTF-8-tekst.",
        fix="Sla het bestand in je editor op als UTF-8 (zonder BOM).",
    ),
    Code(
        name="kb.yaml-syntax",
        severity=_E,
        summary="Het bestand is geen geldige YAML: een schrijffout of inspringen met tabs.",
        fix="Herstel de YAML op de genoemde plek; spring in met spaties, nooit met tabs.",
    ),
    Code(
        name="kb.yaml-duplicate-key",
        severity=_E,
        summary=(
            "Een veld staat twee keer in dezelfde mapping; YAML zou stilletjes de laatste houden."
        ),
        fix="Verwijder of hernoem een van de twee velden.",
    ),
    Code(
        name="kb.yaml-tag",
        severity=_E,
        summary="Er staat een YAML-tag zoals `!!python/object`; tags worden nooit uitgevoerd.",
        fix="Haal de tag weg en schrijf de waarde als gewone tekst, lijst of mapping.",
    ),
    Code(
        name="kb.yaml-alias",
        severity=_E,
        summary=(
            "Er staat een YAML-anker (`&naam`) of -alias (`*naam`); die worden niet ondersteund."
        ),
        fix="Schrijf de waarde voluit op elke plek waar je hem nodig hebt.",
    ),
    Code(
        name="kb.empty-file",
        severity=_E,
        summary="Het bestand is leeg of bevat alleen commentaar.",
        fix="Vul de velden van het item in, of verwijder het bestand.",
    ),
    Code(
        name="kb.not-a-mapping",
        severity=_E,
        summary="Het bestand is een lijst of een losse waarde in plaats van een reeks velden.",
        fix=(
            "Begin het bestand met `title: ...` en zet elk veld op een eigen regel als `veld:"
            " waarde`."
        ),
    ),
    Code(
        name="kb.unknown-field",
        severity=_E,
        summary="Een veld dat deze soort item niet kent.",
        fix=(
            "Controleer de spelling (veldnamen zijn Engels) of haal het veld weg; de melding "
            "noemt de toegestane velden."
        ),
    ),
    Code(
        name="kb.missing-field",
        severity=_E,
        summary="Een verplicht veld ontbreekt.",
        fix="Voeg het veld toe; de hint geeft een voorbeeld.",
    ),
    Code(
        name="kb.wrong-type",
        severity=_E,
        summary="Een waarde heeft de verkeerde vorm: tekst, getal, lijst, mapping of ja/nee.",
        fix=(
            "Schrijf de waarde in de verwachte vorm. Zet tekst tussen aanhalingstekens als "
            "YAML haar anders leest, zoals `no` of `2024`."
        ),
    ),
    Code(
        name="kb.invalid-value",
        severity=_E,
        summary=(
            "Een waarde heeft de goede vorm maar is niet toegestaan: niet in de lijst of niet"
            " volgens het patroon."
        ),
        fix="Kies een van de waarden die de melding noemt.",
    ),
    Code(
        name="kb.invalid-url",
        severity=_E,
        summary="Een URL is geen volledig http(s)-adres.",
        fix="Schrijf het hele adres, beginnend met `https://`.",
    ),
    Code(
        name="kb.unsafe-html",
        severity=_E,
        summary=(
            "Tekst bevat `<script>`, `<iframe>`, een event-handler zoals `onclick=` of een "
            "`javascript:`-link."
        ),
        fix="Haal de HTML weg en gebruik Markdown.",
    ),
    Code(
        name="kb.id-mismatch",
        severity=_E,
        summary="Het veld `id` wijkt af van de bestandsnaam; de bestandsnaam is de id.",
        fix="Haal het veld `id` weg, of hernoem het bestand naar `<id>.yml`.",
    ),
    Code(
        name="kb.invalid-id",
        severity=_E,
        summary="De bestandsnaam is geen geldige id.",
        fix=(
            "Gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld `welzijn-op-recept.yml`."
        ),
    ),
    Code(
        name="kb.duplicate-id",
        severity=_E,
        summary="Twee items hebben dezelfde id; een id is uniek over alle soorten heen.",
        fix="Hernoem een van de twee bestanden.",
    ),
    Code(
        name="kb.unknown-reference",
        severity=_E,
        summary="Een verwijzing noemt een id die geen enkel item heeft.",
        fix=(
            "Gebruik een bestaande id (de melding stelt soms een id voor die erop lijkt) of "
            "voeg het ontbrekende item toe."
        ),
    ),
    Code(
        name="kb.wrong-kind",
        severity=_E,
        summary="Een verwijzing wijst naar een item van een soort die het veld niet accepteert.",
        fix="Laat het veld verwijzen naar een item van de soort die het verwacht.",
    ),
    Code(
        name="kb.self-reference",
        severity=_E,
        summary="Een item verwijst naar zichzelf.",
        fix="Haal de verwijzing weg.",
    ),
    Code(
        name="kb.invalid-crosswalk",
        severity=_E,
        summary=(
            "Een koppeling tussen modellen klopt niet, bijvoorbeeld een fase die gelijk wordt"
            " gesteld aan een fase uit hetzelfde fasemodel."
        ),
        fix="Koppel een fase alleen aan fasen van een ander fasemodel.",
    ),
    Code(
        name="kb.duplicate-order",
        severity=_E,
        summary="Twee fasen van hetzelfde fasemodel hebben hetzelfde volgnummer.",
        fix="Geef elke fase van een fasemodel een eigen nummer: 1, 2, 3, ...",
    ),
    Code(
        name="kb.no-content",
        severity=_E,
        summary="De map met content bestaat niet.",
        fix=(
            "Start het commando in de hoofdmap van het project, of geef de contentmap als "
            "argument mee."
        ),
    ),
    Code(
        name="kb.unknown-file",
        severity=_W,
        summary=(
            "Een bestand in `content/` dat geen `.yml`- of `.yaml`-item is, of dat niet in de"
            " map van een soort staat."
        ),
        fix=(
            "Haal het bestand uit `content/`, of geef het de extensie `.yml` en zet het in de"
            " juiste map."
        ),
    ),
    Code(
        name="kb.likely-duplicate",
        severity=_W,
        summary="Twee items hebben bijna dezelfde titel en gaan misschien over hetzelfde.",
        fix=(
            "Voeg ze samen en zet de andere titel bij `aliases`, of maak de titels duidelijk "
            "verschillend."
        ),
    ),
    Code(
        name="kb.missing-crosswalk",
        severity=_W,
        summary=(
            "Een element is op geen van de zes knoppen gelegd, of een fase heeft geen "
            "tegenhanger op de referentie-as (de fasen van het OMK)."
        ),
        fix=(
            "Vul `knobs` (element) of `equivalents` (fase) in met sterkte en basis, of leg in "
            "`no_equivalent` uit waarom er geen koppeling is."
        ),
    ),
    Code(
        name="kb.orphan",
        severity=_W,
        summary="Een item heeft geen verwijzingen naar of van andere items.",
        fix=(
            "Verwijs ernaar vanuit een ander item, of vul `related`, `knobs`, `phases`, "
            "`sources` of een ander verwijsveld in."
        ),
    ),
)


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Sorted by location, then code; exact duplicates removed."""
    unique = {d.format(): d for d in diagnostics}
    return sorted(unique.values(), key=Diagnostic.sort_key)
