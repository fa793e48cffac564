"""Benchmark the pipeline on synthetic content of 100, 1,000 and 10,000 entries.

For each size: load+validate+resolve time, render time, the full `mkdocs build` with the `kb`
plugin, a plain Material build of the same pages without `kb` (the exported Markdown), their
ratio, and the site size per entry. Targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from kb.pipeline import check
from kb.render import render_site
from kb.writer import write_tree

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "zorg",
    "wijk",
    "samenwerking",
    "huisarts",
    "gemeente",
    "inwoner",
    "preventie",
    "ouderen",
    "dementie",
    "netwerk",
    "bekostiging",
    "welzijn",
    "jeugd",
    "casemanager",
    "overleg",
    "regio",
    "zorgverzekeraar",
    "wijkteam",
    "leefstijl",
    "mantelzorg",
    "armoede",
    "schulden",
    "eenzaamheid",
    "ketenzorg",
    "transmuraal",
    "digitaal",
]
NAMES = [
    a + b
    for a in ("Samen", "Wijk", "Zorg", "Buurt", "Netwerk", "Regio", "Thuis", "Gezond")
    for b in ("kracht", "punt", "plan", "team", "pad", "wijzer", "spiegel", "tafel", "lab")
]
# Share of each kind in the synthetic content, roughly as in the real sources.
MIX = {
    "practice": 0.30,
    "tool": 0.20,
    "funding": 0.08,
    "challenge": 0.08,
    "gap": 0.05,
    "element": 0.10,
    "phase": 0.05,
    "guide": 0.03,
    "model": 0.03,
    "source": 0.05,
    "organisation": 0.03,
}
FOLDERS = {
    "practice": "practices",
    "tool": "tools",
    "funding": "funding",
    "challenge": "challenges",
    "gap": "gaps",
    "element": "elements",
    "phase": "phases",
    "guide": "guides",
    "model": "models",
    "source": "sources",
    "organisation": "organisations",
}


def generate(root: Path, size: int, seed: int = 7) -> None:
    """Write `size` entries with realistic links: knobs, phases, sources, related, kind fields."""
    rng = random.Random(seed)
    counts = {kind: max(2, int(size * share)) for kind, share in MIX.items()}
    counts["practice"] += size - 6 - sum(counts.values())
    ids = {kind: [f"{kind}-{i}" for i in range(n)] for kind, n in counts.items()}
    ids["knob"] = [f"knob-{i}" for i in range(1, 7)]
    for kind, kind_ids in ids.items():
        folder = root / (FOLDERS.get(kind) or "knobs")
        folder.mkdir(parents=True, exist_ok=True)
        for index, entry_id in enumerate(kind_ids):
            data = _entry(rng, kind, index, ids)
            (folder / f"{entry_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True))


def _entry(rng: random.Random, kind: str, index: int, ids: dict[str, list[str]]) -> dict:
    def text(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    data: dict = {
        "title": f"{rng.choice(NAMES)} {' '.join(rng.sample(WORDS, 3))} {index}",
        "summary": text(20),
        "body": "\n\n".join(text(60) for _ in range(3)),
        "knobs": [
            {
                "knob": k,
                "strength": rng.choice(["primary", "secondary"]),
                "basis": "inferred",
                "note": text(8),
            }
            for k in rng.sample(ids["knob"], 2)
        ],
        "phases": [{"phase": rng.choice(ids["phase"]), "strength": "primary", "basis": "stated"}],
        "related": rng.sample(ids["practice"] + ids["tool"], 3),
        "sources": [{"source": rng.choice(ids["source"]), "location": f"Hoofdstuk {index % 9}"}],
        "levels": [rng.choice(["micro", "meso", "macro"])],
    }
    data["related"] = [r for r in data["related"] if r != f"{kind}-{index}"]
    data.update(_kind_fields(rng, kind, index, ids, text))
    if kind == "model" and index == 0:
        data["reference_axis"] = True
    if kind in ("phase", "knob"):
        data.pop("phases" if kind == "phase" else "knobs")
    return data


def _kind_fields(rng, kind, index, ids, text) -> dict:  # type: ignore[no-untyped-def]
    if kind == "knob":
        return {
            "number": index + 1,
            "kings_fund_term": text(2),
            "one_sentence": text(12),
            "essence": text(80),
            "good_practice": text(60),
            "self_checks": [
                {
                    "statement": "Wij " + text(8),
                    "sources": [{"source": ids["source"][0], "location": "p. 1"}],
                }
                for _ in range(4)
            ],
        }
    if kind == "element":
        return {"model": rng.choice(ids["model"]), "order": index + 1}
    if kind == "phase":
        # Every model's phases are numbered apart; model-0 is the reference axis, whose first
        # phase (phase-0) the phases of all other models map onto.
        models = ids["model"]
        fields = {"model": models[index % len(models)], "order": index + 1, "goal": text(10)}
        if index % len(models):
            fields["equivalents"] = [
                {"phase": "phase-0", "relation": "overlaps", "basis": "inferred", "note": text(8)}
            ]
        return fields
    if kind == "practice":
        return {"tools": rng.sample(ids["tool"], 2), "funding": rng.sample(ids["funding"], 1)}
    if kind == "tool":
        return {"tool_type": "method", "usage": text(40)}
    if kind == "funding":
        return {"mechanism": text(40), "status": "proposal", "solves": ids["challenge"][:1]}
    if kind == "challenge":
        return {"solutions": [{"text": text(15), "status": "found"}]}
    if kind == "gap":
        return {"question": text(12) + "?"}
    if kind == "guide":
        return {"steps": [{"title": text(3), "goal": text(10)} for _ in range(4)]}
    if kind == "source":
        return {"source_type": "report", "year": 2020}
    if kind == "organisation":
        return {"organisation_type": "other"}
    return {}


def _timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _mkdocs(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env)
    return time.perf_counter() - start


def _browser_ms(site: Path) -> tuple[float, float]:
    """Median times in Chromium: the wizard ranking all entries, the toolbox filtering them."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            wizard = page.evaluate(_TIMING)
            toolbox = page.evaluate(_FILTER_TIMING)
            browser.close()
    finally:
        server.shutdown()
    return float(wizard), float(toolbox)


def _median_ms(setup: str, call: str) -> str:
    """A page script: run `setup`, then time `call` 21 times and return the median in ms."""
    return f"""async () => {{
{setup}
  const times = [];
  for (let i = 0; i < 21; i++) {{
    const start = performance.now();
    {call};
    times.push(performance.now() - start);
  }}
  return times.sort((a, b) => a - b)[10];
}}"""


_TIMING = _median_ms(
    """  const ranking = await import("/assets/wizard/ranking.js");
  const data = await (await fetch("/assets/kb.json")).json();
  const answers = {needs: {"knob-1": 1, "knob-3": 0.5}, phase: "phase-1", roles: ["municipality"],
                   level: "wijk", targetGroup: "", challenge: null};""",
    "ranking.recommend(data, answers)",
)

# One filter update as the page does it: three facets, a word, and the live option counts.
_FILTER_TIMING = _median_ms(
    """  const toolbox = await import("/assets/toolbox/filter.js");
  const prepared = toolbox.prepare(await (await fetch("/assets/toolbox.json")).json());
  const state = {q: "samen", sort: "relevantie", model: "model-1", selected: {
    soort: new Set(["practice", "tool"]), knop: new Set(["knob-1", "knob-3"]),
    fase: new Set(["phase-1"]), niveau: new Set(), voor: new Set(["municipality"]),
    doelgroep: new Set(), bewijs: new Set(), status: new Set(), regio: new Set()}};""",
    "toolbox.filter(prepared, state)",
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def run(size: int, work: Path) -> dict[str, float]:
    content = work / "content"
    generate(content, size)
    entries = sum(1 for _ in content.rglob("*.yml"))
    holder: dict = {}
    load = _timed(lambda: holder.setdefault("result", check(content)))
    result = holder["result"]
    assert not result.errors, result.errors[:3]
    render = _timed(lambda: holder.setdefault("pages", render_site(result.graph)))
    # The site with the kb plugin, from the project's own configuration.
    (work / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'toolbox'}\n"
        "plugins:\n  - search:\n      lang: nl\n  - kb:\n      content: content\n"
    )
    with_kb = _mkdocs(work / "mkdocs.yml", work / "site-kb")
    # The same pages as plain Markdown files, built by Material without kb.
    docs = work / "docs"
    shutil.copytree(ROOT / "toolbox", docs)
    pages = work / "pages"
    write_tree(pages, holder["pages"])
    shutil.copytree(pages, docs, dirs_exist_ok=True)
    (work / "plain.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nplugins:\n  - search:\n      lang: nl\n"
    )
    plain = _mkdocs(work / "plain.yml", work / "site-plain")
    recompute, filtering = _browser_ms(work / "site-kb")
    assets = work / "site-kb" / "assets"
    return {
        "recompute_ms": recompute,
        "filter_ms": filtering,
        "kb_json_gz_kb": len(gzip.compress((assets / "kb.json").read_bytes())) / 1024,
        "toolbox_json_gz_kb": len(gzip.compress((assets / "toolbox.json").read_bytes())) / 1024,
        "entries": entries,
        "load": load,
        "render": render,
        "build": with_kb,
        "plain": plain,
        "kb_per_entry": _size(work / "site-kb") / entries / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated entry counts")
    args = parser.parse_args()
    print(
        f"{'entries':>8} {'load+validate+resolve':>22} {'render':>8} {'mkdocs+kb':>10} "
        f"{'plain':>8} {'ratio':>6} {'KB/entry':>9} {'wizard ms':>10} {'filter ms':>10} "
        f"{'kb.json gz':>11} {'toolbox.json gz':>16}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="kb-bench-") as work:
            row = run(size, Path(work))
        print(
            f"{row['entries']:>8} {row['load']:>21.2f}s {row['render']:>7.2f}s "
            f"{row['build']:>9.2f}s {row['plain']:>7.2f}s {row['build'] / row['plain']:>6.2f} "
            f"{row['kb_per_entry']:>9.1f} {row['recompute_ms']:>10.2f} {row['filter_ms']:>10.2f} "
            f"{row['kb_json_gz_kb']:>9.1f}KB {row['toolbox_json_gz_kb']:>14.1f}KB",
            flush=True,
        )
    print("targets: load+validate+resolve of 10,000 <= 3 s; build of 1,000 <= 1.2x plain;")
    print("         <= 60 KB of site output per entry; wizard recompute and toolbox filter")
    print("         < 16 ms (one frame)")


if __name__ == "__main__":
    main()
