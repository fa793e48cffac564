// "Welke knop? Welke fase?": the wizard page. Reads assets/kb.json, keeps its state in the URL
// and ranks with ranking.js. Entry text is only ever inserted as text, never as HTML.

import { LEVELS, needsFromScan, recommend } from "./ranking.js";

const KIND_TITLES = {
  practice: "Praktijkvoorbeelden",
  tool: "Instrumenten",
  funding: "Bekostiging",
  guide: "Stappenplannen",
};
const ROLES = {
  "project-leader": "Projectleider",
  executive: "Bestuurder",
  professional: "Zorgverlener",
  municipality: "Gemeente",
  insurer: "Zorgverzekeraar",
  community: "Inwoner of wijkteam",
};
const RATINGS = ["nog niet", "deels", "staat"];
const SHOWN_PER_KIND = 5;

const root = document.getElementById("kb-wizard");
if (root) start(root);

async function start(container) {
  const response = await fetch(new URL("../kb.json", import.meta.url));
  const data = await response.json();
  const site = new URL("../../", import.meta.url);
  const ui = build(container, data, site);
  const update = () => render(ui, data, site, readState(data));
  container.addEventListener("change", () => {
    writeState(ui, data);
    update();
  });
  window.addEventListener("popstate", () => {
    applyState(ui, readState(data));
    update();
  });
  ui.reset.addEventListener("click", () => {
    history.pushState(null, "", location.pathname);
    applyState(ui, readState(data));
    update();
  });
  ui.print.addEventListener("click", () => window.print());
  // A printed advice shows the answers too: the scan and the phase check are opened for it.
  window.addEventListener("beforeprint", () => {
    for (const details of container.querySelectorAll("details")) details.open = true;
  });
  applyState(ui, readState(data));
  update();
}

// ---- state in the URL ----------------------------------------------------------------------

function readState(data) {
  const params = new URLSearchParams(location.search);
  const knobIds = new Set(data.knobs.map((k) => k.id));
  const scan = {};
  for (const item of params.getAll("scan")) {
    const [knob, digits] = item.split(":");
    if (knobIds.has(knob) && /^[012]+$/.test(digits || "")) scan[knob] = [...digits].map(Number);
  }
  // A shared or edited address may name things that no longer exist: those are dropped.
  const known = (value, ok) => (value && ok(value) ? value : "");
  return {
    phase: known(params.get("fase"), (id) => phaseById(data, id)),
    knobs: params.getAll("knop").filter((k) => knobIds.has(k)),
    scan,
    markers: params.getAll("signaal"),
    role: known(params.get("rol"), (role) => role in ROLES),
    level: known(params.get("niveau"), (level) => level in LEVELS),
    targetGroup: params.get("doelgroep") || "",
    challenge: known(params.get("knelpunt"), (id) => data.challenges.some((c) => c.id === id)),
  };
}

function writeState(ui, data) {
  const params = new URLSearchParams();
  if (ui.phase.value) params.set("fase", ui.phase.value);
  for (const box of ui.knobBoxes) if (box.checked) params.append("knop", box.value);
  for (const knob of data.knobs) {
    const ratings = ui.scanRadios[knob.id].map((group) => {
      const picked = group.find((radio) => radio.checked);
      return picked ? picked.value : "";
    });
    if (ratings.every((r) => r !== "")) params.append("scan", `${knob.id}:${ratings.join("")}`);
  }
  for (const box of ui.markerBoxes) if (box.checked) params.append("signaal", box.value);
  if (ui.role.value) params.set("rol", ui.role.value);
  if (ui.level.value) params.set("niveau", ui.level.value);
  if (ui.targetGroup.value.trim()) params.set("doelgroep", ui.targetGroup.value.trim());
  if (ui.challenge.value) params.set("knelpunt", ui.challenge.value);
  const query = params.toString();
  history.pushState(null, "", query ? `?${query}` : location.pathname);
}

function applyState(ui, state) {
  ui.phase.value = state.phase;
  for (const box of ui.knobBoxes) box.checked = state.knobs.includes(box.value);
  for (const [knob, groups] of Object.entries(ui.scanRadios)) {
    groups.forEach((group, i) => {
      for (const radio of group) radio.checked = state.scan[knob]?.[i] === Number(radio.value);
    });
  }
  for (const box of ui.markerBoxes) box.checked = state.markers.includes(box.value);
  ui.role.value = state.role;
  ui.level.value = state.level;
  ui.targetGroup.value = state.targetGroup;
  ui.challenge.value = state.challenge;
}

// ---- building the form ---------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function build(container, data, site) {
  container.textContent = "";
  const ui = { knobBoxes: [], markerBoxes: [], scanRadios: {} };
  container.append(
    phaseStep(ui, data),
    knobStep(ui, data),
    contextStep(ui, data),
    adviceStep(ui),
  );
  return ui;
}

function phaseStep(ui, data) {
  const select = el("select", { id: "kb-fase" }, el("option", { value: "" }, "Weet ik niet"));
  for (const model of data.phase_models) {
    const group = el("optgroup", { label: model.title });
    for (const phase of model.phases) group.append(el("option", { value: phase.id }, phase.title));
    select.append(group);
  }
  ui.phase = select;
  const check = el("details", { class: "kb-wizard__check" }, el("summary", {}, "Fasecheck: kruis aan wat bij jullie al zo is"));
  for (const model of data.phase_models) {
    const fieldset = el("fieldset", {}, el("legend", {}, model.title));
    for (const phase of model.phases) {
      phase.markers.forEach((marker, i) => {
        const id = `kb-signaal-${phase.id}-${i}`;
        const box = el("input", { type: "checkbox", id, value: `${phase.id}~${i}` });
        ui.markerBoxes.push(box);
        fieldset.append(el("div", {}, box, el("label", { for: id }, marker)));
      });
    }
    check.append(fieldset);
  }
  ui.phaseResult = el("div", { class: "kb-wizard__result", "aria-live": "polite" });
  check.append(ui.phaseResult);
  return el(
    "section",
    { class: "kb-wizard__step", "aria-labelledby": "kb-stap-1" },
    el("h2", { id: "kb-stap-1" }, "1. Waar staan jullie?"),
    el("label", { for: "kb-fase" }, "Fase"),
    select,
    check,
  );
}

function knobStep(ui, data) {
  const choices = el("fieldset", {}, el("legend", {}, "Kies de knoppen waaraan jullie willen draaien"));
  for (const knob of data.knobs) {
    const id = `kb-knop-${knob.id}`;
    const box = el("input", { type: "checkbox", id, value: knob.id });
    ui.knobBoxes.push(box);
    choices.append(el("div", {}, box, el("label", { for: id }, knob.title)));
  }
  const scan = el("details", { class: "kb-wizard__scan" }, el("summary", {}, "Knoppenscan: beoordeel elke uitspraak"));
  for (const knob of data.knobs) {
    const fieldset = el("fieldset", {}, el("legend", {}, knob.title));
    ui.scanRadios[knob.id] = knob.checks.map((statement, i) => {
      const name = `kb-scan-${knob.id}-${i}`;
      const group = el("fieldset", { class: "kb-wizard__rating" }, el("legend", {}, statement));
      const radios = RATINGS.map((label, value) => {
        const id = `${name}-${value}`;
        const radio = el("input", { type: "radio", id, name, value: String(value) });
        group.append(radio, el("label", { for: id }, label));
        return radio;
      });
      fieldset.append(group);
      return radios;
    });
    scan.append(fieldset);
  }
  ui.radar = el("div", { class: "kb-wizard__radar" });
  scan.append(ui.radar);
  return el(
    "section",
    { class: "kb-wizard__step", "aria-labelledby": "kb-stap-2" },
    el("h2", { id: "kb-stap-2" }, "2. Aan welke knop draaien?"),
    choices,
    scan,
  );
}

function contextStep(ui, data) {
  const select = (id, label, options) => {
    const node = el("select", { id }, el("option", { value: "" }, "Geen voorkeur"));
    for (const [value, text] of options) node.append(el("option", { value }, text));
    return [el("label", { for: id }, label), node];
  };
  const [roleLabel, role] = select("kb-rol", "Jouw rol", Object.entries(ROLES));
  const [levelLabel, level] = select("kb-niveau", "Niveau", Object.keys(LEVELS).map((l) => [l, l]));
  const [challengeLabel, challenge] = select(
    "kb-knelpunt",
    "Knelpunt waar jullie op vastlopen",
    data.challenges.map((c) => [c.id, c.title]),
  );
  const targetGroup = el("input", { id: "kb-doelgroep", type: "text" });
  Object.assign(ui, { role, level, challenge, targetGroup });
  return el(
    "section",
    { class: "kb-wizard__step", "aria-labelledby": "kb-stap-3" },
    el("h2", { id: "kb-stap-3" }, "3. Meer over jullie situatie (niet verplicht)"),
    roleLabel, role, levelLabel, level,
    el("label", { for: "kb-doelgroep" }, "Doelgroep, bijvoorbeeld ouderen"), targetGroup,
    challengeLabel, challenge,
  );
}

function adviceStep(ui) {
  ui.print = el("button", { type: "button", class: "md-button" }, "Print / bewaar als PDF");
  ui.reset = el("button", { type: "button", class: "md-button" }, "Begin opnieuw");
  ui.advice = el("div", { class: "kb-wizard__advice", "aria-live": "polite" });
  return el(
    "section",
    { class: "kb-wizard__step", "aria-labelledby": "kb-stap-4" },
    el("h2", { id: "kb-stap-4" }, "4. Advies"),
    ui.advice,
    el("p", { class: "kb-wizard__actions" }, ui.print, " ", ui.reset),
  );
}

// ---- rendering the result ------------------------------------------------------------------

function render(ui, data, site, state) {
  ui.phaseResult.textContent = "";
  ui.phaseResult.append(...phaseCheck(data, state.markers));
  const needs = { ...needsFromScan(state.scan) };
  for (const knob of state.knobs) needs[knob] = 1;
  ui.radar.textContent = "";
  if (Object.keys(state.scan).length) ui.radar.append(radar(data, state.scan));
  const advice = recommend(data, {
    needs,
    phase: state.phase || null,
    roles: state.role ? [state.role] : [],
    level: state.level || null,
    targetGroup: state.targetGroup || null,
    challenge: state.challenge || null,
  });
  ui.advice.textContent = "";
  if (!Object.values(needs).some((n) => n > 0) && !state.challenge) {
    ui.advice.append(el("p", {}, "Kies een of meer knoppen, doe de knoppenscan of kies een knelpunt: dan verschijnt hier het advies."));
    return;
  }
  if (!advice.length) {
    ui.advice.append(el("p", {}, "Geen advies voor deze keuzes. Kies meer knoppen of laat de fase weg."));
    return;
  }
  for (const [kind, title] of Object.entries(KIND_TITLES)) {
    const items = advice.filter((a) => a.kind === kind).slice(0, SHOWN_PER_KIND);
    const list = el("ol", {});
    for (const item of items) {
      const entry = data.entries.find((e) => e.id === item.id);
      const link = el("a", { href: new URL(entry.url, site).href }, item.title);
      list.append(el("li", {}, link, el("br"), el("small", {}, item.reasons.join("; "))));
    }
    ui.advice.append(el("h3", {}, title));
    ui.advice.append(items.length ? list : el("p", {}, `Geen ${title.toLowerCase()} die hierbij passen.`));
  }
  ui.advice.append(...extras(data, site, needs, state.phase));
}

// The step of a guide for the chosen phase, the knowledge gaps on the chosen knobs and phase,
// and the models that explain the knobs that need work.
function extras(data, site, needs, phaseId) {
  const out = [];
  const phase = phaseId ? phaseById(data, phaseId) : null;
  const wanted = new Set(phase ? phase.axis : []);
  const onPhase = (item) => !phase || item.phase === phase.id || item.axis.some((p) => wanted.has(p));
  const steps = phase ? data.guide_steps.filter(onPhase) : [];
  if (steps.length) {
    out.push(el("h3", {}, "Stappenplan voor deze fase"));
    out.push(linkList(site, steps, (s) => `${s.guide_title}, stap ${s.number}: ${s.title}`, (s) => `${s.url}#stap-${s.number}`));
  }
  const weak = Object.entries(needs).filter(([, need]) => need > 0).map(([knob]) => knob);
  const gaps = data.gaps.filter(
    (g) => g.knobs.some((k) => weak.includes(k)) && (!phase || !g.phases.length || g.phases.includes(phase.id) || g.axis.some((p) => wanted.has(p))),
  );
  out.push(el("h3", {}, "Hier is het bewijs nog dun"));
  out.push(
    gaps.length
      ? linkList(site, gaps, (g) => g.title, (g) => g.url)
      : el("p", {}, "Voor deze knoppen en fase noemen de bronnen geen open kennisvragen."),
  );
  const models = data.models.filter((m) => m.knobs.some((k) => weak.includes(k)));
  if (models.length) {
    out.push(el("h3", {}, "Modellen die deze knoppen uitleggen"));
    out.push(linkList(site, models, (m) => m.title, (m) => m.url));
  }
  return out;
}

function phaseById(data, id) {
  for (const model of data.phase_models) for (const phase of model.phases) if (phase.id === id) return phase;
  return null;
}

function linkList(site, items, text, href) {
  const list = el("ul", {});
  for (const item of items) list.append(el("li", {}, el("a", { href: new URL(href(item), site).href }, text(item))));
  return list;
}

function phaseCheck(data, markers) {
  if (!markers.length) return [];
  const ticked = new Set(markers);
  const out = [];
  for (const model of data.phase_models) {
    const scored = model.phases
      .map((phase) => {
        const hits = phase.markers.filter((_, i) => ticked.has(`${phase.id}~${i}`));
        return { phase, hits, share: phase.markers.length ? hits.length / phase.markers.length : 0 };
      })
      .filter((s) => s.hits.length);
    if (!scored.length) continue;
    scored.sort((a, b) => b.share - a.share || b.phase.order - a.phase.order);
    const best = scored[0];
    const sure = Math.round(best.share * 100);
    out.push(
      el("p", {}, `${model.title}: waarschijnlijk ${best.phase.title} (${best.hits.length} van ${best.phase.markers.length} signalen, ${sure}%), want:`),
      el("ul", {}, ...best.hits.map((marker) => el("li", {}, marker))),
    );
  }
  if (out.length) out.push(el("p", {}, "Samenwerkingen zitten vaak tussen twee fasen in of vallen terug; kies zelf de fase die het best past."));
  return out;
}

function radar(data, scan) {
  const size = 260;
  const centre = size / 2;
  const radius = 90;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  const scores = data.knobs.map((knob) => {
    const ratings = scan[knob.id] || [];
    return ratings.length ? ratings.reduce((a, b) => a + b, 0) / (2 * ratings.length) : 0;
  });
  const weakest = Math.min(...scores);
  svg.setAttribute("aria-label", "Knoppenscan: " + data.knobs.map((k, i) => `${k.title} ${Math.round(scores[i] * 100)}%`).join(", "));
  const point = (i, r) => {
    const angle = (Math.PI * 2 * i) / data.knobs.length - Math.PI / 2;
    return [centre + r * Math.cos(angle), centre + r * Math.sin(angle)];
  };
  const shape = (values, cls) => {
    const polygon = document.createElementNS(ns, "polygon");
    polygon.setAttribute("points", values.map((v, i) => point(i, v * radius).join(",")).join(" "));
    polygon.setAttribute("class", cls);
    svg.append(polygon);
  };
  shape(data.knobs.map(() => 1), "kb-radar__grid");
  shape(scores, "kb-radar__score");
  data.knobs.forEach((knob, i) => {
    const [x, y] = point(i, radius + 22);
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", x);
    text.setAttribute("y", y);
    text.setAttribute("text-anchor", "middle");
    text.setAttribute("class", scores[i] === weakest ? "kb-radar__label kb-radar__label--weak" : "kb-radar__label");
    text.textContent = `Knop ${knob.number}`;
    svg.append(text);
  });
  return svg;
}
