"""The built site: a page per entry and per kind, and no broken internal link or anchor."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from kb.model import KINDS
from kb.pipeline import check
from tests.conftest import FIXTURES, build_site

ROOT = Path(__file__).resolve().parent.parent


def _broken_links(site: Path) -> list[str]:
    pages = {
        p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in site.rglob("*.html")
    }
    ids = {p: {tag["id"] for tag in soup.find_all(id=True)} for p, soup in pages.items()}
    broken = []
    for page, soup in pages.items():
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attr: True}):
                problem = _check(site, page, str(element[attr]), ids)
                if problem:
                    broken.append(f"{page.relative_to(site)}: {problem}")
    return broken


def _check(site: Path, page: Path, url: str, ids: dict[Path, set[str]]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None
    here = page.relative_to(site).as_posix()
    path = unquote(parts.path)
    # The 404 page is served at any depth, so MkDocs gives it root-relative links.
    joined = (
        path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(here), path)
    )
    target = site / posixpath.normpath(joined) if path else page
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"link to missing {url}"
    if parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(target, set()):
        return f"link to missing anchor {url}"
    return None


def test_real_site_has_a_page_per_entry_and_section(real_site: Path) -> None:
    result = check(ROOT / "content")
    for entry in result.graph.entries.values():
        assert (real_site / entry.kind.section / entry.id / "index.html").is_file(), entry.id
    for kind in KINDS.values():
        assert (real_site / kind.section / "index.html").is_file()
    assert (real_site / "onderhoud" / "meldingen" / "index.html").is_file()


def test_real_site_has_no_broken_internal_links(real_site: Path) -> None:
    assert _broken_links(real_site) == []


def test_mini_site_has_no_broken_internal_links(mini_site: Path) -> None:
    assert _broken_links(mini_site) == []


def test_knob_pages_list_what_links_to_them(real_site: Path) -> None:
    html = (real_site / "knoppen" / "knop-coordinatie" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    heading = soup.find(id="verwijzingen-hierheen")
    assert heading is not None
    links = [
        a["href"] for a in heading.find_all_next("a") if "praktijk-pluspraktijken" in a["href"]
    ]
    assert links


def test_the_nav_has_sections_not_entries(real_site: Path) -> None:
    soup = BeautifulSoup((real_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = {a["href"] for a in nav}
    assert "knoppen/" in hrefs
    assert not any("knop-coordinatie" in href for href in hrefs)


def test_failed_validation_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(FIXTURES / "mini" / "mkdocs.yml", site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = build_site(FIXTURES / "broken" / "mkdocs.yml", site)
    assert result.returncode == 1
    assert "praktijk-a.yml:4:11: error: field `knobs[0].knob` refers to unknown id" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
