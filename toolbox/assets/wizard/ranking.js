// The wizard's ranking formula, read from the generated assets/kb.json.
// It mirrors kb/recommend.py (the reference implementation, documented there); a browser test
// keeps both rankings equal for the same answers.

export const PRIMARY = 1.0;
export const SECONDARY = 0.5;
const INFERRED = 0.9;
const PHASE_SAME = 1.0;
const PHASE_ADJACENT = 0.6;
const PHASE_ANY = 0.3;
const CONTEXT_BONUS = 0.1;
const CHALLENGE_BONUS = 1.0;
const EVIDENCE_STEP = 0.01;
export const LEVELS = { wijk: ["micro", "meso"], gemeente: ["meso"], regio: ["macro"] };

/** Needs per knob from the knob scan: each statement rated 0 (nog niet) to `maximum` (staat). */
export function needsFromScan(scores, maximum = 2) {
  const needs = {};
  for (const [knob, ratings] of Object.entries(scores)) {
    if (ratings.length) {
      const sum = ratings.reduce((a, b) => a + b, 0);
      needs[knob] = round(1 - sum / (maximum * ratings.length));
    }
  }
  return needs;
}

/** Ranked advice: [{id, kind, title, score, reasons}], best first. */
export function recommend(data, answers) {
  const index = indexData(data);
  const chosen = answers.phase ? index.phases.get(answers.phase) : null;
  const wanted = new Set(chosen ? chosen.axis : []);
  const challenge = answers.challenge ? index.challenges.get(answers.challenge) : null;
  const linked = challenge ? challenge.linked : {};
  const advice = [];
  for (const entry of data.entries) {
    const scored = score(data, index, entry, answers, chosen, wanted, linked[entry.id] || 0);
    if (scored) advice.push(scored);
  }
  return advice.sort(
    (a, b) =>
      b.score - a.score ||
      compare(a.title.toLowerCase(), b.title.toLowerCase()) ||
      compare(a.id, b.id),
  );
}

function indexData(data) {
  const phases = new Map();
  for (const model of data.phase_models) for (const phase of model.phases) phases.set(phase.id, phase);
  return {
    knobs: new Map(data.knobs.map((knob) => [knob.id, knob])),
    phases,
    challenges: new Map(data.challenges.map((c) => [c.id, c])),
  };
}

function score(data, index, entry, answers, chosen, wanted, onChallenge) {
  const [knobFit, reasons] = knobFitOf(data, index, entry, answers.needs);
  if (knobFit === 0 && !onChallenge) return null;
  const [phaseFit, phaseReason] = phaseFitOf(entry, chosen, wanted);
  if (phaseReason && knobFit) reasons.push(phaseReason);
  const [context, contextReasons] = contextOf(data, entry, answers, onChallenge);
  const total = knobFit * (0.5 + 0.5 * phaseFit) + context + entry.evidence * EVIDENCE_STEP;
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    score: round(total),
    reasons: reasons.concat(contextReasons),
  };
}

function knobFitOf(data, index, entry, needs) {
  const total = Object.values(needs).reduce((a, b) => a + b, 0);
  if (total <= 0) return [0, []];
  let fit = 0;
  const reasons = [];
  for (const [knob, strength, basis] of entry.knobs) {
    const need = needs[knob] || 0;
    if (need > 0) {
      const weight = strength === "primary" ? PRIMARY : SECONDARY;
      fit += need * weight * (basis === "stated" ? 1.0 : INFERRED);
      const label = `${data.labels.strength[strength]}, ${data.labels.basis[basis]}`;
      reasons.push(`past bij ${index.knobs.get(knob).title} (${label})`);
    }
  }
  return [fit / total, reasons];
}

function phaseFitOf(entry, chosen, wanted) {
  if (!chosen) return [1.0, ""];
  if (!entry.phases.length) return [PHASE_ANY, "geldt voor elke fase"];
  if (entry.phases.includes(chosen.id)) return [PHASE_SAME, `past bij fase ${chosen.title}`];
  if (entry.axis.some((p) => wanted.has(p))) {
    return [PHASE_SAME, `past bij een fase die overeenkomt met ${chosen.title}`];
  }
  if (entry.axis.some((p) => [...wanted].some((w) => Math.abs(p - w) === 1))) {
    return [PHASE_ADJACENT, `past bij een fase naast ${chosen.title}`];
  }
  return [0, ""];
}

function contextOf(data, entry, answers, onChallenge) {
  let bonus = 0;
  const reasons = [];
  for (const role of answers.roles || []) {
    if (entry.audiences.includes(role)) {
      bonus += CONTEXT_BONUS;
      reasons.push(`voor ${data.labels.audiences[role]}`);
    }
  }
  const levels = LEVELS[answers.level] || [];
  if (levels.some((level) => entry.levels.includes(level))) {
    bonus += CONTEXT_BONUS;
    reasons.push(`op het niveau van de ${answers.level}`);
  }
  const group = (answers.targetGroup || "").toLowerCase();
  if (group && entry.target_groups.some((g) => g.toLowerCase().includes(group))) {
    bonus += CONTEXT_BONUS;
    reasons.push(`voor de doelgroep ${answers.targetGroup}`);
  }
  if (onChallenge) {
    bonus += onChallenge;
    const found = onChallenge === CHALLENGE_BONUS;
    reasons.push(found ? "helpt bij het gekozen knelpunt" : "genoemd bij het gekozen knelpunt");
  }
  return [bonus, reasons];
}

function round(value) {
  return Math.round(value * 1e6) / 1e6;
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
