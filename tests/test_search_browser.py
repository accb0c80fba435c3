"""Search in a real browser, through the header search box, the way readers use it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from search_driver import QUERIES, Query, SearchBox, load_queries, start_page
from support import ROOT

TABLE = load_queries()
STEMMER = ROOT / "overrides" / "assets" / "javascripts" / "kb-search.js"


@pytest.fixture(scope="module")
def boxes(browser, site) -> Iterator[dict[str, SearchBox]]:  # type: ignore[no-untyped-def]
    """One open page per language with its search box focused (index loaded once each)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    result = {}
    for lang in ("id", "en"):
        box = SearchBox(context.new_page(), site.url)
        box.open(lang)
        result[lang] = box
    yield result
    context.close()


def test_query_table_is_large_and_covers_both_languages():
    """The table below is the search's contract; it must stay big enough to mean something."""
    assert len(TABLE) >= 40, QUERIES
    kinds = {(q.lang, q.kind) for q in TABLE}
    for needed in [("id", "morphology"), ("id", "loanword"), ("en", "loanword"), ("id", "faq")]:
        assert needed in kinds


# Rows with a "miss" are known misses (issue 12's re-ranking); strict, so a fix shows up.
CASES = [
    pytest.param(q, marks=pytest.mark.xfail(reason=q.miss, strict=True)) if q.miss else q
    for q in TABLE
]


@pytest.mark.parametrize("query", CASES, ids=[f"{q.lang}:{q.query}" for q in TABLE])
def test_query_finds_its_target_in_the_top_three(boxes, query: Query):
    """A reader's query (affixed Indonesian forms, loanwords, FAQ phrasing, one-letter typos)
    lands on the right guide or exact FAQ answer among the first three results."""
    results = boxes[query.lang].search(query.query)
    assert query.hit(results, 3), f"{query.query!r}: expected {query.expect}, got {results[:5]}"


@pytest.mark.parametrize(
    ("lang", "query"),
    [("en", "hubungan"), ("en", "mentor"), ("id", "relationships"), ("id", "mentor")],
)
def test_results_come_only_from_the_readers_language(boxes, lang: str, query: str):
    """On English pages only English pages are results, on Indonesian pages only Indonesian
    ones, even for a word of the other language."""
    results = boxes[lang].search(query)
    assert results, f"no results for {query!r}"
    english = [r.startswith("en/") for r in results]
    assert all(english) if lang == "en" else not any(english), results


def test_following_an_faq_result_lands_on_the_question_with_terms_highlighted(tab, site):
    """Clicking an FAQ result opens the guide at that question, with the query highlighted."""
    page = tab.page
    page.goto(start_page(site.url, "en"))
    box = SearchBox(page, site.url)
    page.click(".md-search__input")
    box.search("handle gossip")
    target = "faq-politics-handle-gossip"
    page.click(f".md-search-result__link[href*='#{target}']")
    page.wait_for_url(f"**/en/guides/workplace-politics/**#{target}")
    assert page.evaluate("location.hash") == f"#{target}"
    question = page.locator(f"#{target}")
    assert question.is_visible()
    box_top = question.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= box_top < page.viewport_size["height"] / 2
    marks = page.locator("article mark")
    assert marks.count() > 0
    assert "gossip" in marks.first.inner_text().lower()


def test_a_result_found_by_root_or_synonym_shows_no_missing_term_line(boxes):
    """Material would label "bangun" as missing on a result that says "membangun"; the site
    hides that line because its search matches roots and synonyms on purpose."""
    boxes["id"].search("bangun")
    terms = boxes["id"].page.locator(".md-search-result__terms")
    for i in range(terms.count()):
        assert not terms.nth(i).is_visible()


def test_worker_loads_this_sites_language_script_and_index(browser, site):
    """The mechanism itself: each language's page loads its own index and its own lunr
    language script; if Material stops doing that, this fails loudly."""
    for lang, code in (("id", "kb_id"), ("en", "kb_en")):
        context = browser.new_context()
        requests: list[str] = []
        context.on("request", lambda r, seen=requests: seen.append(r.url))
        page = context.new_page()
        box = SearchBox(page, site.url)
        box.open(lang)
        assert box.search("mentor")
        root = site.url if lang == "id" else f"{site.url}{lang}/"
        assert f"{root}search/search_index.json" in requests
        assert any(u.endswith(f"lunr/min/lunr.{code}.min.js") for u in requests), requests
        context.close()


# Affixed forms and the root they must yield (kept beside the word itself).
STEMS = {
    "membangun": "bangun",
    "dibangun": "bangun",
    "pembangunan": "bangun",
    "berjejaring": "jejaring",
    "pendaftaran": "daftar",
    "menulis": "tulis",
    "memimpin": "pimpin",
    "menyapa": "sapa",
    "mengenal": "kenal",
    "menggunakan": "guna",
    "kepercayaan": "percaya",
    "pertemuan": "temu",
    "memperbaiki": "baik",
    "bekerja": "kerja",
    "pekerjaan": "kerja",
    "belajar": "ajar",
    "kesibukan": "sibuk",
    "menghubungi": "hubung",
    "diumumkan": "umum",
    "keterampilan": "terampil",
    "rekannya": "rekan",
    "bukankah": "bukan",
    "tindaklanjuti": "tindaklanjut",
    "dipercaya": "percaya",
}
# Words that must stay whole: two vowels or fewer, or a final -si that belongs to the word.
UNCHANGED = ["kerja", "rekan", "tim", "relasi", "komunikasi", "kolaborasi", "mentor"]


@pytest.fixture(scope="module")
def stemmer_page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    page.add_script_tag(content=STEMMER.read_text(encoding="utf-8"))
    yield page
    context.close()


def test_indonesian_affixes_reduce_to_their_root(stemmer_page):
    """me-/mem-/men-/meng-/meny-, ber-, di-, ke-…-an, pe-…-an, per-, -kan, -i, -nya, -kah:
    the root is among the forms the search matches, and the word itself stays first."""
    for word, root in STEMS.items():
        forms = stemmer_page.evaluate("w => kbSearch.stemIndonesian(w)", word)
        assert forms[0] == word
        assert root in forms, f"{word}: {forms}"


def test_short_roots_and_loan_endings_are_not_cut(stemmer_page):
    """Roots of two syllables and words ending in -si are left alone, so "kerja" does not
    turn into noise and "relasi" is not read as "relas" + -i."""
    for word in UNCHANGED:
        assert stemmer_page.evaluate("w => kbSearch.stemIndonesian(w)", word) == [word]
