// The toolbox's filtering, read from the generated assets/toolbox.json. Pure functions, no DOM:
// the page (toolbox.js), the tests and the benchmark all call these.
//
// OR within a facet, AND across facets. A phase filter matches an entry that names the phase
// itself, or any phase on the same place of the reference axis (the OMK), so an entry classified
// on one phase model is found from every other. The count of an option is the number of entries
// that have it and pass the text query and every other facet: ticking only that option in its
// facet would show that many.

export const FACETS = [
  { key: "soort", label: "Soort" },
  { key: "knop", label: "Knop" },
  { key: "fase", label: "Fase" },
  { key: "niveau", label: "Niveau" },
  { key: "voor", label: "Voor wie" },
  { key: "doelgroep", label: "Doelgroep" },
  { key: "bewijs", label: "Bewijs" },
  { key: "status", label: "Status" },
  { key: "regio", label: "Regio" },
];

const KEYS = FACETS.map((facet) => facet.key);

export function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

// Options per facet (value and label), and per entry the set of values it has for each facet.
export function prepare(data) {
  const phases = data.phase_models.flatMap((model) => model.phases);
  const byValue = (items) => items.map((item) => ({ value: item.value, label: item.label }));
  const distinct = (field) =>
    [...new Set(data.entries.flatMap((entry) => [].concat(entry[field] ?? [])))]
      .sort((a, b) => a.localeCompare(b, "nl"))
      .map((value) => ({ value, label: value }));
  const options = {
    soort: byValue(data.kinds),
    knop: byValue(data.knobs),
    fase: phases.map((phase) => ({ value: phase.id, label: phase.title })),
    niveau: byValue(data.levels),
    voor: byValue(data.audiences),
    doelgroep: distinct("target_groups"),
    bewijs: byValue(data.evidence),
    status: data.statuses.map((value) => ({ value, label: value })),
    regio: distinct("region"),
  };
  // Facet values become small integers (the option's index), so filtering and counting work on
  // plain arrays: one frame for 10,000 entries.
  const index = Object.fromEntries(
    KEYS.map((key) => [key, new Map(options[key].map((option, i) => [option.value, i]))]),
  );
  const ints = (key, values) =>
    [...new Set(values)].map((value) => index[key].get(value)).filter((i) => i !== undefined);
  const entries = data.entries.map((entry, position) => {
    const own = new Set(entry.phases);
    const axis = new Set(entry.axis);
    const byModel = {};
    for (const model of data.phase_models) {
      byModel[model.id] = ints(
        "fase",
        model.phases
          .filter((phase) => own.has(phase.id) || phase.axis.some((place) => axis.has(place)))
          .map((phase) => phase.id),
      );
    }
    return {
      entry,
      position,
      phasesByModel: byModel,
      text: {
        title: fold(entry.title),
        aliases: fold(entry.aliases.join(" \u2022 ")),
        summary: fold(entry.summary),
      },
      values: {
        soort: ints("soort", [entry.kind]),
        knop: ints("knop", entry.knobs),
        fase: Object.values(byModel).flat(),
        niveau: ints("niveau", entry.levels),
        voor: ints("voor", entry.audiences),
        doelgroep: ints("doelgroep", entry.target_groups),
        bewijs: ints("bewijs", entry.evidence ? [entry.evidence] : []),
        status: ints("status", entry.status ? [entry.status] : []),
        regio: ints("regio", entry.region ? [entry.region] : []),
      },
    };
  });
  return { data, options, index, entries, phaseModels: data.phase_models };
}

// How well an entry matches the words of the query: 0 when a word is missing. A word in the title
// outweighs one in both the aliases and the summary.
function relevance(item, words) {
  let score = 0;
  for (const word of words) {
    const points =
      (item.text.title.includes(word) ? 4 : 0) +
      (item.text.aliases.includes(word) ? 2 : 0) +
      (item.text.summary.includes(word) ? 1 : 0);
    if (!points) return 0;
    score += points;
  }
  return score;
}

// state: { q, sort: "relevantie" | "titel" | "recent", model: phase model id, selected: { facet: Set } }
// Phase options are counted for the phase model on screen only (all of them without `model`).
export function filter(prepared, state) {
  const words = fold(state.q || "").split(/\s+/).filter(Boolean);
  const active = [];
  for (const key of KEYS) {
    const chosen = state.selected[key];
    if (!chosen?.size) continue;
    const wanted = new Uint8Array(prepared.options[key].length);
    for (const value of chosen) {
      const i = prepared.index[key].get(value);
      if (i !== undefined) wanted[i] = 1;
    }
    active.push([key, wanted]);
  }
  const tallies = Object.fromEntries(
    KEYS.map((key) => [key, new Int32Array(prepared.options[key].length)]),
  );
  const results = [];
  for (const item of prepared.entries) {
    const score = words.length ? relevance(item, words) : 1;
    if (!score) continue;
    let failing = null;
    let failures = 0;
    for (const [key, wanted] of active) {
      const values = item.values[key];
      let hit = false;
      for (let i = 0; i < values.length; i++) {
        if (wanted[values[i]]) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        failing = key;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (const key of failing ? [failing] : KEYS) {
      const tally = tallies[key];
      const values =
        key === "fase" && state.model ? item.phasesByModel[state.model] || [] : item.values[key];
      for (let i = 0; i < values.length; i++) tally[values[i]] += 1;
    }
    if (!failing) results.push({ item, score });
  }
  // Results are found in data order, which is already the order of relevance without words.
  if (words.length || state.sort === "titel" || state.sort === "recent") {
    results.sort(comparator(state.sort));
  }
  const counts = {};
  for (const key of KEYS) {
    const options = prepared.options[key];
    const tally = tallies[key];
    counts[key] = new Map(options.map((option, i) => [option.value, tally[i]]));
  }
  return { results: results.map((result) => result.item.entry), counts };
}

function comparator(sort) {
  const byTitle = (a, b) =>
    a.item.entry.title.localeCompare(b.item.entry.title, "nl") || a.item.position - b.item.position;
  if (sort === "titel") return byTitle;
  if (sort === "recent") {
    return (a, b) => {
      const x = a.item.entry.date || "";
      const y = b.item.entry.date || "";
      return x === y ? byTitle(a, b) : x < y ? 1 : -1;
    };
  }
  // Relevance with words: the best text match first.
  return (a, b) => b.score - a.score || byTitle(a, b);
}
