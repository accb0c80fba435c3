"""Transferred bytes per page type against the budgets: ``make budgets``.

Builds the site into a temporary folder (or measures ``--site DIR``) and, for each page type
(home, guide, FAQ, checklists, glossary, 404) in each language, adds up what a first visit
downloads, gzip-compressed as GitHub Pages serves it: the page's HTML, the stylesheets it
links, the scripts it loads (including Material's search worker, named in the page's
``__config``) and the search index of its language. For guides the largest guide counts.
The index may be one file for the whole site (``search/search_index.json``) or one per
language (``<lang>/search/search_index.json``): every ``**/search/search_index.json`` is found
and a page uses its own language's file if there is one, else the root one.

Link-preview cards (``og:image``, ``assets/images/social/*.png``) are fetched by chat apps, not by
readers' browsers, so they are reported apart: bytes per card (PNG, not gzipped), the largest
against its budget.

Budgets live in ``benchmarks/budgets.toml`` (read here and by ``tests/test_budgets.py``);
the report goes to ``benchmarks/size-report.md``. Exit status 1 if a budget is exceeded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup
from site_tools import build

ROOT = Path(__file__).resolve().parent.parent
BUDGETS = ROOT / "benchmarks" / "budgets.toml"
REPORT = ROOT / "benchmarks" / "size-report.md"
LANGUAGES = ("id", "en")  # default first, as in hooks/knowledgebase/data.py
INDEX = "search/search_index.json"
# Page type -> glob of its pages under a language's root. The 404 page is bilingual and only
# published once, at the site root.
PAGE_TYPES = {
    "home": "index.html",
    "guide": "guides/*/index.html",
    "faq": "faq/index.html",
    "checklists": "checklists/index.html",
    "glossary": "glossary/index.html",
    "404": "404.html",
}
KINDS = ("html", "css", "js")
CARDS = "assets/images/social/*.png"


def gzip_size(data: bytes) -> int:
    """Bytes on the wire with gzip at zlib's default level (what static hosts use)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def lang_root(site: Path, lang: str) -> Path:
    return site if lang == LANGUAGES[0] else site / lang


def resolve(site: Path, page: Path, ref: str) -> Path | None:
    """The file in ``site`` that ``ref`` (as written in ``page``) points at, or None if it
    leaves the site. Absolute paths may carry the site's sub-path (``/REPO/assets/…``)."""
    ref = ref.split("?", 1)[0].split("#", 1)[0]
    if "://" in ref or ref.startswith("//") or ref.startswith("data:"):
        return None
    if ref.startswith("/"):
        parts = PurePosixPath(ref).parts[1:]
        for start in range(len(parts)):
            candidate = site.joinpath(*parts[start:])
            if candidate.is_file():
                return candidate
        return None
    candidate = (page.parent / ref).resolve()
    return candidate if candidate.is_file() else None


def assets_of(site: Path, page: Path) -> dict[str, list[Path]]:
    """The stylesheets and scripts a page loads (the search worker included)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    css = [resolve(site, page, link["href"]) for link in soup.select('link[rel~="stylesheet"]')]
    js = [resolve(site, page, script["src"]) for script in soup.select("script[src]")]
    config = soup.select_one("script#__config")
    if config is not None and config.string:
        worker = json.loads(config.string).get("search")
        if worker:
            js.append(resolve(site, page, worker))
    return {"css": [p for p in css if p], "js": [p for p in js if p]}


def search_indexes(site: Path) -> dict[str, Path]:
    """Language -> the search index its pages load (its own file, else the root one)."""
    found = {p.relative_to(site).as_posix(): p for p in site.glob(f"**/{INDEX}")}
    result = {}
    for lang in LANGUAGES:
        own = INDEX if lang == LANGUAGES[0] else f"{lang}/{INDEX}"
        if own in found:
            result[lang] = found[own]
        elif INDEX in found:
            result[lang] = found[INDEX]
    return result


@dataclass(frozen=True)
class Row:
    page_type: str
    lang: str
    page: str  # site-relative path of the measured page
    html: int
    css: int
    js: int
    index: int

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.index


def measure(site: Path) -> list[Row]:
    """One row per page type and language, for the largest page of that type."""
    indexes = search_indexes(site)
    rows = []
    for lang in LANGUAGES:
        for page_type, pattern in PAGE_TYPES.items():
            if page_type == "404" and lang != LANGUAGES[0]:
                continue
            pages = sorted(lang_root(site, lang).glob(pattern))
            if not pages:
                raise FileNotFoundError(f"no {page_type} page for '{lang}' in {site}")
            page = max(pages, key=lambda p: gzip_size(p.read_bytes()))
            assets = assets_of(site, page)
            sizes = {k: sum(gzip_size(p.read_bytes()) for p in assets[k]) for k in ("css", "js")}
            index = indexes.get(lang)
            rows.append(
                Row(
                    page_type,
                    "id+en" if page_type == "404" else lang,
                    page.relative_to(site).as_posix(),
                    gzip_size(page.read_bytes()),
                    sizes["css"],
                    sizes["js"],
                    gzip_size(index.read_bytes()) if index else 0,
                )
            )
    return rows


def card_sizes(site: Path) -> dict[str, int]:
    """Site-relative path of each link-preview card -> its bytes (PNG is compressed already)."""
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in sorted(site.glob(CARDS))}


def cards_over_budget(sizes: dict[str, int], budget: int) -> list[str]:
    """Each card above the per-card budget, as a readable line."""
    return [
        f"link-preview card {path}: {size} B, budget {budget} B"
        for path, size in sizes.items()
        if size > budget
    ]


def load_budgets(path: Path = BUDGETS) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)["size"]


def over_budget(rows: list[Row], budgets: dict) -> list[str]:
    """Each measurement above its budget, as a readable line."""
    problems = []
    for row in rows:
        checks = {
            "html": (row.html, budgets["html"][row.page_type]),
            "css": (row.css, budgets["css"]),
            "js": (row.js, budgets["js"]),
            "search index": (row.index, budgets["search_index"]),
            "total": (row.total, budgets["total"]),
        }
        for what, (size, budget) in checks.items():
            if size > budget:
                problems.append(
                    f"{row.page_type} ({row.lang}, {row.page}): {what} is {size} B gzip, "
                    f"budget {budget} B"
                )
    return problems


def report(
    rows: list[Row], budgets: dict, problems: list[str], cards: dict[str, int] | None = None
) -> str:
    kib = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    lines = [
        "# Size report: bytes transferred per page type (gzip)",
        "",
        f"Generated by `benchmarks/size_report.py` (`make budgets`) on {date.today()}, "
        f"Python {platform.python_version()}. Each file gzip-compressed at level 6, as a "
        "static host serves it. CSS and JS are what the page loads (Material's bundle, the "
        "search worker, the site's own files); the search index is the one the page's "
        "language loads. Guides: the largest guide page. Budgets (in `benchmarks/budgets.toml`, "
        "enforced by `tests/test_budgets.py`) are shown in brackets.",
        "",
        "| page type | language | page | HTML KiB | CSS KiB | JS KiB | search index KiB "
        "| total KiB |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r.page_type} | {r.lang} | `{r.page}` "
            f"| {kib(r.html)} ({kib(budgets['html'][r.page_type])}) "
            f"| {kib(r.css)} ({kib(budgets['css'])}) | {kib(r.js)} ({kib(budgets['js'])}) "
            f"| {kib(r.index)} ({kib(budgets['search_index'])}) "
            f"| {kib(r.total)} ({kib(budgets['total'])}) |"
        )
    if cards:
        largest = max(cards, key=cards.__getitem__)
        lines += [
            "",
            f"Link-preview cards (`og:image`, 1200 x 630 PNG, one per page and language, fetched "
            f"by chat apps when a link is pasted): {len(cards)} cards, "
            f"{kib(sum(cards.values()) / len(cards))} KiB on average, the largest "
            f"{kib(cards[largest])} KiB (`{largest}`), budget {kib(budgets['card_image'])} KiB "
            "per card.",
        ]
    lines += ["", "Within every budget." if not problems else "Over budget:", ""]
    lines += [f"- {p}" for p in problems]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building")
    args = parser.parse_args()
    budgets = load_budgets()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        rows = measure(site)
        cards = card_sizes(site)
    problems = over_budget(rows, budgets) + cards_over_budget(cards, budgets["card_image"])
    REPORT.write_text(report(rows, budgets, problems, cards), encoding="utf-8")
    print(REPORT.read_text(encoding="utf-8"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
