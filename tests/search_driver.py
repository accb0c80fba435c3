"""Driving the site's search box in Chromium the way a reader does, and the query table.

Shared by tests/test_search_browser.py and benchmarks/search_bench.py, so the test and the
benchmark measure the same thing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "data" / "search_queries.yml"
REALISTIC = Path(__file__).resolve().parent / "data" / "search_realistic.yml"
INPUT = ".md-search__input"
LINKS = ".md-search-result__link"


@dataclass(frozen=True)
class Query:
    lang: str
    query: str
    expect: str
    kind: str
    miss: str = ""

    def hit(self, results: list[str], k: int) -> bool:
        """Whether the target is among the first ``k`` results. A target with ``#id`` must be
        that exact section; a page target is met by the page or any of its sections."""
        top = results[:k]
        if "#" in self.expect:
            return self.expect in top
        return any(r.split("#")[0] == self.expect for r in top)

    def rank(self, results: list[str]) -> int | None:
        """1-based position of the first result that meets the target, None if absent."""
        for i in range(len(results)):
            if self.hit(results[i:], 1):
                return i + 1
        return None


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(**row) for row in yaml.safe_load(path.read_text(encoding="utf-8"))]


def start_page(base_url: str, lang: str) -> str:
    return base_url if lang == "id" else f"{base_url}{lang}/"


def normalise(href: str, base_url: str) -> str:
    """A result link as a location relative to the site root, highlight parameter dropped."""
    parts = urlsplit(href)
    base_path = urlsplit(base_url).path
    path = parts.path[len(base_path) :] if parts.path.startswith(base_path) else parts.path
    return path + (f"#{parts.fragment}" if parts.fragment else "")


class SearchBox:
    """The header search of one open page."""

    def __init__(self, page, base_url: str, visible: bool = False) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.base_url = base_url
        self.visible = visible

    def open(self, lang: str) -> None:
        self.page.goto(start_page(self.base_url, lang))
        self.page.click(INPUT)

    def _links(self) -> list[str]:
        # A page heads its group of results even when only its sections matched; Material then
        # gives it a score of 0. Results are the entries that matched, in the order shown;
        # with ``visible`` only, what is folded under "N more on this page" does not count.
        fold = "&& !e.closest('details')" if self.visible else ""
        return self.page.eval_on_selector_all(
            LINKS,
            "els => els.filter(e => parseFloat("
            f"e.querySelector('article').dataset.mdScore) > 0 {fold}).map(e => e.href)",
        )

    def search(self, query: str, timeout: float = 15.0) -> list[str]:
        """Type ``query`` (key by key, as Material listens to key events) and return the result
        locations once the list has stopped changing."""
        self.page.fill(INPUT, "")
        self.page.keyboard.type(query, delay=5)
        deadline = time.monotonic() + timeout
        last: list[str] | None = None
        stable_since = time.monotonic()
        while time.monotonic() < deadline:
            links = self._links()
            if links != last:
                last, stable_since = links, time.monotonic()
            elif links and time.monotonic() - stable_since > 0.4:
                break
            self.page.wait_for_timeout(50)
        return [normalise(h, self.base_url) for h in (last or [])]
