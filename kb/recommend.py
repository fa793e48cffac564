"""The wizard's advice: one ranking formula, and this is its reference implementation.

The browser's wizard implements the same formula over the generated data; a test proves that both
rank alike. The formula, for an entry `e` and the answers of a team:

- need per knob `n_k` in [0, 1]: a chosen knob is 1; from the knob scan, `1 - score_k / max_k`.
- knob fit `K = sum_k n_k * w(e, k) / sum_k n_k`, with `w` = 1 for a primary and 0.5 for a
  secondary knob of `e`, and 0 otherwise; an assignment the editors inferred, rather than one the
  source states, counts for 0.9 of that.
- phase fit `P`: 1 when `e` lists the chosen phase, or a phase on the same place of the reference
  axis (the OMK phases); 0.6 when one axis phase apart; 0.3 when `e` names no phase at all (it
  applies to every phase); else 0. Without a chosen phase `P` is 1.
- context `C`: 0.1 per matching role, level and target group; for the bottleneck the team chose,
  1 when `e` says it solves it or is a solution found in practice, 0.5 when `e` is only a
  suggested solution or otherwise linked to it.
- evidence `V`: 0.01 per step on the evidence scale, to break near-ties.
- score `= K * (0.5 + 0.5 * P) + C + V`. Entries with no knob fit and no link to the chosen
  bottleneck are left out; ties are ordered by title, then id.

Every term that contributes becomes a reason, in Dutch, that the user reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kb.crosswalk import axis_model
from kb.graph import Graph
from kb.labels import value_label
from kb.model import Phase
from kb.validate import Valid

RANKED_KINDS = ("practice", "tool", "funding", "guide")
PRIMARY, SECONDARY, INFERRED = 1.0, 0.5, 0.9
PHASE_SAME, PHASE_ADJACENT, PHASE_ANY = 1.0, 0.6, 0.3
CONTEXT_BONUS, CHALLENGE_BONUS, CHALLENGE_HINT, EVIDENCE_STEP = 0.1, 1.0, 0.5, 0.01
EVIDENCE_SCALE = {
    "practice-experience": 1,
    "evaluated": 2,
    "controlled-study": 3,
    "systematic-review": 4,
}
# The wizard asks for the level in words a team uses; entries are classified micro/meso/macro.
LEVELS = {"wijk": ("micro", "meso"), "gemeente": ("meso",), "regio": ("macro",)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Answers:
    """What a team told the wizard. `needs` maps knob ids to a need in [0, 1]."""

    needs: Mapping[str, float]
    phase: str | None = None
    roles: tuple[str, ...] = ()
    level: str | None = None
    target_group: str | None = None
    challenge: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Advice:
    id: str
    kind: str
    title: str
    score: float
    reasons: tuple[str, ...] = field(default=())


def needs_from_scan(scores: Mapping[str, Iterable[int]], maximum: int = 2) -> dict[str, float]:
    """Needs from the knob scan: each statement rated 0 (nog niet) to `maximum` (staat)."""
    needs = {}
    for knob, ratings in scores.items():
        rated = list(ratings)
        if rated:
            needs[knob] = round(1 - sum(rated) / (maximum * len(rated)), 6)
    return needs


def recommend(graph: Graph, answers: Answers) -> list[Advice]:
    """Entries of the ranked kinds for these answers, best first."""
    axis = AxisPositions(graph)
    wanted = axis.of(answers.phase) if answers.phase else set()
    linked = linked_to(graph, answers.challenge) if answers.challenge else {}
    advice = []
    for kind in RANKED_KINDS:
        for entry in graph.of_kind(kind):
            scored = _score(graph, entry, answers, axis, wanted, linked.get(entry.id, 0.0))
            if scored:
                advice.append(scored)
    return sorted(advice, key=lambda a: (-a.score, a.title.casefold(), a.id))


def _score(
    graph: Graph,
    entry: Valid,
    answers: Answers,
    axis: AxisPositions,
    wanted: set[int],
    on_challenge: float,
) -> Advice | None:
    knob_fit, reasons = _knob_fit(graph, entry, answers.needs)
    if knob_fit == 0 and not on_challenge:
        return None
    phase_fit, phase_reason = _phase_fit(graph, entry, answers.phase, axis, wanted)
    reasons += [phase_reason] if phase_reason and knob_fit else []  # only what contributes
    context, context_reasons = _context(entry, answers, on_challenge)
    evidence = EVIDENCE_SCALE.get(getattr(entry.fields, "evidence_level", None) or "", 0)
    score = knob_fit * (0.5 + 0.5 * phase_fit) + context + evidence * EVIDENCE_STEP
    return Advice(
        id=entry.id,
        kind=entry.kind.name,
        title=entry.fields.title,
        score=round(score, 6),
        reasons=tuple(reasons + context_reasons),
    )


def _knob_fit(graph: Graph, entry: Valid, needs: Mapping[str, float]) -> tuple[float, list[str]]:
    total = sum(needs.values())
    if total <= 0:
        return 0.0, []
    fit, reasons = 0.0, []
    for link in entry.fields.knobs:
        need = needs.get(link.knob, 0.0)
        if need > 0:
            weight = PRIMARY if link.strength == "primary" else SECONDARY
            fit += need * weight * (1.0 if link.basis == "stated" else INFERRED)
            knob = graph.entries[link.knob].fields.title
            how = f"{value_label('strength', link.strength)}, {value_label('basis', link.basis)}"
            reasons.append(f"past bij {knob} ({how})")
    return fit / total, reasons


def _phase_fit(
    graph: Graph, entry: Valid, chosen: str | None, axis: AxisPositions, wanted: set[int]
) -> tuple[float, str]:
    if chosen is None:
        return 1.0, ""
    listed = [link.phase for link in entry.fields.phases]
    if not listed:
        return PHASE_ANY, "geldt voor elke fase"
    title = graph.entries[chosen].fields.title
    if chosen in listed:
        return PHASE_SAME, f"past bij fase {title}"
    positions = set().union(*(axis.of(phase) for phase in listed))
    if positions & wanted:
        return PHASE_SAME, f"past bij een fase die overeenkomt met {title}"
    if any(abs(p - w) == 1 for p in positions for w in wanted):
        return PHASE_ADJACENT, f"past bij een fase naast {title}"
    return 0.0, ""


def _context(entry: Valid, answers: Answers, on_challenge: float) -> tuple[float, list[str]]:
    fields, bonus, reasons = entry.fields, 0.0, []
    for role in answers.roles:
        if role in fields.audiences:
            bonus += CONTEXT_BONUS
            reasons.append(f"voor {value_label('audiences', role)}")
    if answers.level and set(LEVELS.get(answers.level, ())) & set(fields.levels):
        bonus += CONTEXT_BONUS
        reasons.append(f"op het niveau van de {answers.level}")
    group = (answers.target_group or "").casefold()
    if group and any(group in g.casefold() for g in fields.target_groups):
        bonus += CONTEXT_BONUS
        reasons.append(f"voor de doelgroep {answers.target_group}")
    if on_challenge:
        bonus += on_challenge
        found = on_challenge == CHALLENGE_BONUS
        reasons.append(
            "helpt bij het gekozen knelpunt" if found else "genoemd bij het gekozen knelpunt"
        )
    return bonus, reasons


def linked_to(graph: Graph, challenge: str) -> dict[str, float]:
    """The bottleneck bonus per entry linked to `challenge`, in either direction.

    Entries that point at the bottleneck (a funding model that `solves` it) and solutions found
    in practice get the full bonus; suggested solutions and other links get the smaller one.
    """
    bonus: dict[str, float] = {}
    for link in graph.backlinks.get(challenge, ()):
        weight = CHALLENGE_BONUS if link.field == "solves" else CHALLENGE_HINT
        bonus[link.source] = max(bonus.get(link.source, 0.0), weight)
    entry = graph.entries[challenge]
    for solution in getattr(entry.fields, "solutions", ()):
        weight = CHALLENGE_BONUS if solution.status == "found" else CHALLENGE_HINT
        for target in solution.uses:
            bonus[target] = max(bonus.get(target, 0.0), weight)
    for link in graph.outgoing.get(challenge, ()):
        bonus.setdefault(link.target, CHALLENGE_HINT)
    return bonus


class AxisPositions:
    """Where each phase sits on the reference axis: the orders of the axis phases it maps onto."""

    def __init__(self, graph: Graph) -> None:
        axis = axis_model(graph)
        self.positions: dict[str, set[int]] = {}
        phases = {e.id: e.fields for e in graph.of_kind("phase") if isinstance(e.fields, Phase)}
        on_axis = {i: f.order for i, f in phases.items() if axis and f.model == axis.id}
        for phase_id, phase in phases.items():
            if phase_id in on_axis:
                self.positions[phase_id] = {on_axis[phase_id]}
            else:
                mapped = {on_axis[m.phase] for m in phase.equivalents if m.phase in on_axis}
                self.positions[phase_id] = mapped
        # Mappings may also be declared on the axis side.
        for axis_id, order in on_axis.items():
            for mapping in phases[axis_id].equivalents:
                self.positions.setdefault(mapping.phase, set()).add(order)

    def of(self, phase: str) -> set[int]:
        return self.positions.get(phase, set())

    def covers(self, phases: Iterable[str], phase: str) -> bool:
        """Whether an entry classified on `phases` belongs to `phase`: the toolbox's phase filter.

        It does when it names the phase, or a phase on the same place of the reference axis.
        """
        named = set(phases)
        places = self.of(phase)
        return phase in named or any(places & self.of(p) for p in named)
