// The toolbox page: every entry, with facets, text search, sorting and export. Reads
// assets/toolbox.json, keeps its state in the URL (shareable, back button works) and filters
// with filter.js. Entry text is only ever inserted as text, never as HTML.

import { FACETS, filter, prepare } from "./filter.js";

const PAGE_SIZE = 50;
const SORTS = [
  ["relevantie", "Relevantie"],
  ["titel", "Titel (A-Z)"],
  ["recent", "Meest recente peildatum"],
];

const root = document.getElementById("kb-toolbox");
if (root) start(root);

async function start(container) {
  const response = await fetch(new URL("../toolbox.json", import.meta.url));
  const prepared = prepare(await response.json());
  const site = new URL("../../", import.meta.url);
  const ui = build(container, prepared);
  let shown = PAGE_SIZE;
  let typing = null;
  const update = (record) => {
    const state = readForm(ui);
    if (record) writeState(state, prepared);
    render(ui, prepared, state, site, shown);
  };
  ui.form.addEventListener("change", (event) => {
    if (event.target === ui.model) for (const box of ui.boxes.fase.values()) box.checked = false;
    shown = PAGE_SIZE;
    update(true);
  });
  ui.sort.addEventListener("change", () => update(true));
  ui.search.addEventListener("input", () => {
    shown = PAGE_SIZE;
    update(false);
    clearTimeout(typing);
    typing = setTimeout(() => writeState(readForm(ui), prepared), 400);
  });
  ui.form.addEventListener("submit", (event) => event.preventDefault());
  ui.chips.addEventListener("click", (event) => {
    const chip = event.target.closest("button[data-facet]");
    if (!chip) return;
    if (chip.dataset.facet === "q") ui.search.value = "";
    else if (chip.dataset.facet === "*") clearForm(ui);
    else ui.boxes[chip.dataset.facet].get(chip.dataset.value).checked = false;
    update(true);
    ui.search.focus();
  });
  ui.more.addEventListener("click", () => {
    shown += PAGE_SIZE;
    update(false);
  });
  ui.csv.addEventListener("click", () => download(ui, prepared, site, "csv"));
  ui.json.addEventListener("click", () => download(ui, prepared, site, "json"));
  window.addEventListener("popstate", () => {
    applyState(ui, readState(prepared));
    shown = PAGE_SIZE;
    update(false);
  });
  applyState(ui, readState(prepared));
  update(false);
}

// ---- state in the URL ----------------------------------------------------------------------

function readState(prepared) {
  const params = new URLSearchParams(location.search);
  const models = prepared.phaseModels.map((model) => model.id);
  const state = {
    q: params.get("q") || "",
    sort: SORTS.some(([value]) => value === params.get("sorteer")) ? params.get("sorteer") : "relevantie",
    model: models.includes(params.get("fasemodel")) ? params.get("fasemodel") : models[0],
    selected: {},
  };
  for (const { key } of FACETS) {
    const known = new Set(prepared.options[key].map((option) => option.value));
    state.selected[key] = new Set(params.getAll(key).filter((value) => known.has(value)));
  }
  const phaseIds = phasesOf(prepared, state.model).map((phase) => phase.id);
  // A phase in the address selects its own phase model, so shared links open on the right one.
  const chosen = [...state.selected.fase];
  if (chosen.length && !chosen.every((id) => phaseIds.includes(id))) {
    const owner = prepared.phaseModels.find((model) =>
      model.phases.some((phase) => phase.id === chosen[0]),
    );
    state.model = owner.id;
    const own = new Set(owner.phases.map((phase) => phase.id));
    state.selected.fase = new Set(chosen.filter((id) => own.has(id)));
  }
  return state;
}

function writeState(state, prepared) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const { key } of FACETS) for (const value of state.selected[key]) params.append(key, value);
  if (state.model !== prepared.phaseModels[0]?.id) params.set("fasemodel", state.model);
  if (state.sort !== "relevantie") params.set("sorteer", state.sort);
  const query = params.toString();
  const address = location.pathname + (query ? `?${query}` : "");
  if (address !== location.pathname + location.search) history.pushState(null, "", address);
}

function phasesOf(prepared, modelId) {
  return prepared.phaseModels.find((model) => model.id === modelId)?.phases ?? [];
}

// ---- the form ------------------------------------------------------------------------------

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key in node && typeof value !== "string") node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function build(container, prepared) {
  container.textContent = "";
  const search = el("input", {
    type: "search",
    id: "kb-toolbox-q",
    class: "kb-toolbox__search",
    autocomplete: "off",
    placeholder: "Bijvoorbeeld: wijkteam, bekostiging, dementie",
  });
  const sort = el(
    "select",
    { id: "kb-toolbox-sort" },
    SORTS.map(([value, label]) => el("option", { value, text: label })),
  );
  const model = el(
    "select",
    { id: "kb-toolbox-model" },
    prepared.phaseModels.map((m) => el("option", { value: m.id, text: m.title })),
  );
  const boxes = {};
  const counts = {};
  const facets = FACETS.map(({ key, label }) => {
    boxes[key] = new Map();
    counts[key] = new Map();
    const list = el("ul", { class: "kb-facet__options" });
    const fieldset = el("fieldset", { class: "kb-facet" }, [el("legend", { text: label })]);
    if (key === "fase") {
      fieldset.append(
        el("div", { class: "kb-facet__model" }, [
          el("label", { for: model.id, text: "Fasemodel" }),
          model,
        ]),
      );
    }
    for (const option of prepared.options[key]) {
      const box = el("input", { type: "checkbox", name: key, value: option.value });
      const count = el("span", { class: "kb-facet__count" });
      boxes[key].set(option.value, box);
      counts[key].set(option.value, count);
      list.append(el("li", { "data-value": option.value }, [el("label", {}, [box, ` ${option.label} `, count])]));
    }
    fieldset.append(list);
    return fieldset;
  });
  const form = el("form", { class: "kb-toolbox__filters", role: "search", "aria-label": "Filters" }, [
    el("div", { class: "kb-toolbox__field" }, [
      el("label", { for: search.id, text: "Zoek in de toolbox" }),
      search,
    ]),
    ...facets,
  ]);
  const status = el("p", { class: "kb-toolbox__status", role: "status" });
  const chips = el("div", { class: "kb-toolbox__chips", role: "group", "aria-label": "Actieve filters" });
  const csv = el("button", { type: "button", class: "md-button", text: "Download CSV" });
  const json = el("button", { type: "button", class: "md-button", text: "Download JSON" });
  const list = el("ol", { class: "kb-toolbox__results" });
  const more = el("button", { type: "button", class: "md-button kb-toolbox__more", text: "Toon meer" });
  const results = el("section", { class: "kb-toolbox__main", "aria-label": "Resultaten" }, [
    el("div", { class: "kb-toolbox__bar" }, [
      status,
      el("div", { class: "kb-toolbox__field kb-toolbox__sort" }, [
        el("label", { for: sort.id, text: "Sorteer op" }),
        sort,
      ]),
    ]),
    chips,
    el("div", { class: "kb-toolbox__export" }, [csv, json]),
    list,
    more,
  ]);
  container.append(form, results);
  return { form, search, sort, model, boxes, counts, status, chips, csv, json, list, more };
}

function applyState(ui, state) {
  ui.search.value = state.q;
  ui.sort.value = state.sort;
  ui.model.value = state.model;
  for (const { key } of FACETS) {
    for (const [value, box] of ui.boxes[key]) box.checked = state.selected[key].has(value);
  }
}

function clearForm(ui) {
  ui.search.value = "";
  for (const boxes of Object.values(ui.boxes)) for (const box of boxes.values()) box.checked = false;
}

function readForm(ui) {
  const selected = {};
  for (const { key } of FACETS) {
    selected[key] = new Set([...ui.boxes[key]].filter(([, box]) => box.checked).map(([value]) => value));
  }
  return { q: ui.search.value.trim(), sort: ui.sort.value, model: ui.model.value, selected };
}

// ---- results -------------------------------------------------------------------------------

function labelOf(prepared, key, value) {
  return prepared.options[key].find((option) => option.value === value)?.label ?? value;
}

function render(ui, prepared, state, site, shown) {
  const { results, counts } = filter(prepared, state);
  const modelPhases = new Set(phasesOf(prepared, state.model).map((phase) => phase.id));
  for (const { key } of FACETS) {
    for (const [value, count] of ui.counts[key]) {
      const n = counts[key].get(value) || 0;
      count.textContent = `(${n})`;
      const item = count.closest("li");
      item.hidden = key === "fase" && !modelPhases.has(value);
      item.classList.toggle("kb-facet__option--empty", n === 0);
    }
  }
  const total = prepared.entries.length;
  ui.status.textContent =
    results.length === total ? `${total} onderdelen` : `${results.length} van ${total} onderdelen`;
  ui.chips.textContent = "";
  const chip = (facet, value, text) =>
    el("button", {
      type: "button",
      class: "kb-toolbox__chip",
      "data-facet": facet,
      "data-value": value,
      "aria-label": `Filter ${text} verwijderen`,
      text: `${text} \u00d7`,
    });
  if (state.q) ui.chips.append(chip("q", "", `Zoekterm: ${state.q}`));
  for (const { key, label } of FACETS) {
    for (const value of state.selected[key]) {
      ui.chips.append(chip(key, value, `${label}: ${labelOf(prepared, key, value)}`));
    }
  }
  if (ui.chips.childElementCount > 1) ui.chips.append(chip("*", "", "Alle filters"));
  ui.list.textContent = "";
  for (const entry of results.slice(0, shown)) ui.list.append(resultItem(prepared, entry, site));
  ui.more.hidden = results.length <= shown;
  ui.more.textContent = `Toon meer (nog ${Math.max(results.length - shown, 0)})`;
  ui.current = results;
}

function resultItem(prepared, entry, site) {
  const meta = [prepared.data.kinds.find((kind) => kind.value === entry.kind)?.singular ?? ""];
  if (entry.status) meta.push(entry.status);
  if (entry.date) meta.push(`peildatum ${entry.date}`);
  return el("li", { class: "kb-toolbox__result" }, [
    el("p", { class: "kb-toolbox__meta", text: meta.join(" \u00b7 ") }),
    el("a", { href: new URL(entry.url, site).href, class: "kb-toolbox__title", text: entry.title }),
    el("p", { class: "kb-toolbox__summary", text: entry.summary }),
  ]);
}

// ---- export --------------------------------------------------------------------------------

export const COLUMNS = [
  ["id", (e) => e.id],
  ["soort", (e) => e.kind],
  ["titel", (e) => e.title],
  ["samenvatting", (e) => e.summary],
  ["url", (e, site) => new URL(e.url, site).href],
  ["knoppen", (e) => e.knobs.join("; ")],
  ["fasen", (e) => e.phases.join("; ")],
  ["niveau", (e) => e.levels.join("; ")],
  ["voor", (e) => e.audiences.join("; ")],
  ["doelgroep", (e) => e.target_groups.join("; ")],
  ["bewijs", (e) => e.evidence || ""],
  ["status", (e) => e.status || ""],
  ["regio", (e) => e.region || ""],
  ["peildatum", (e) => e.date || ""],
];

function csvCell(value) {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function download(ui, prepared, site, format) {
  const rows = ui.current || [];
  const text =
    format === "csv"
      ? [COLUMNS.map(([name]) => name), ...rows.map((e) => COLUMNS.map(([, get]) => get(e, site)))]
          .map((row) => row.map(csvCell).join(","))
          .join("\r\n") + "\r\n"
      : JSON.stringify(
          rows.map((e) => Object.fromEntries(COLUMNS.map(([name, get]) => [name, get(e, site)]))),
          null,
          2,
        );
  const type = format === "csv" ? "text/csv;charset=utf-8" : "application/json";
  const link = el("a", {
    href: URL.createObjectURL(new Blob([text], { type })),
    download: `toolbox-selectie.${format}`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
