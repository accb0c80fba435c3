"""The content: guides derived from the two source articles, complete in both languages."""

from __future__ import annotations

import re

import pytest
import source_fingerprints
import yaml
from knowledgebase.corpus import load_corpus
from knowledgebase.data import LANGUAGES
from source_fingerprints import fingerprint as fp
from support import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
SOURCE_FAQ_IDS = [
    "faq-why-relationships-matter",
    "faq-build-authentic-relationships",
    "faq-communication-strategies",
    "faq-identify-mentors",
    "faq-collaborate-with-team",
    "faq-network-inside-organisation",
]


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = load_corpus(ROOT / "docs", ROOT / "data")
    assert problems == []
    return corpus


def test_at_least_eight_guides_in_both_languages(corpus):
    assert len(corpus.guides) >= 8
    for slug, by_lang in corpus.guides.items():
        assert set(by_lang) == set(LANGUAGES), slug


def test_translations_share_section_faq_and_checklist_ids(corpus):
    """Links keep working across languages: every id exists in both versions."""
    for by_lang in corpus.guides.values():
        ref = by_lang[LANGUAGES[0]]
        for guide in by_lang.values():
            assert guide.section_ids == ref.section_ids, guide.path
            assert guide.faq_ids == ref.faq_ids, guide.path
            assert guide.checklist_ids == ref.checklist_ids, guide.path


def test_faq_ids_are_unique_site_wide_and_plentiful(corpus):
    for lang in LANGUAGES:
        ids = [i for g in corpus.in_language(lang) for i in g.faq_ids]
        assert len(ids) == len(set(ids))
        assert len(ids) >= 30


def test_every_question_of_the_source_faq_is_answered(corpus):
    ids = {i for g in corpus.in_language("id") for i in g.faq_ids}
    assert set(SOURCE_FAQ_IDS) <= ids


def test_networking_article_has_its_own_faq(corpus):
    """Guides drawn only from the networking article still answer questions."""
    networking_only = [g for g in corpus.in_language("id") if g.sources == ("networking",)]
    assert networking_only and all(len(g.faqs) >= 3 for g in networking_only)


def test_faq_answers_are_short(corpus):
    """Answers are meant to be read on their own from search: at most ~100 words."""
    for guide in (g for lang in LANGUAGES for g in corpus.in_language(lang)):
        for faq in guide.faqs:
            assert len(faq.answer_text.split()) <= 100, f"{guide.path}#{faq.id}"


def test_indonesian_uses_anda_register_only():
    """One polite register: no 'kamu' (or '-mu' forms of it) on any Indonesian page."""
    for path in sorted((ROOT / "docs").rglob("*.id.md")):
        words = re.findall(r"\b(kamu|kalian|dirimu)\b", path.read_text(encoding="utf-8"), re.I)
        assert words == [], path


AMERICAN = r"\b(organiz\w*|behavior\w*|prioritiz\w*|recogniz\w*|color\w*|center\w*|favorite)\b"


def test_english_uses_british_spelling():
    for path in sorted((ROOT / "docs").rglob("*.en.md")):
        text = path.read_text(encoding="utf-8")
        assert re.findall(AMERICAN, text) == [], path


def test_no_sentence_is_copied_from_the_sources():
    """Own words: no run of 8 consecutive words from a source article appears on any page. The
    sources are known by fingerprints kept in the repository, so the check runs in every clone
    (and in CI), not only where ../shared/seeds exists."""
    prints = source_fingerprints.load()
    assert len(prints) > 1000, "tests/data/source-fingerprints.txt is missing or truncated"
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        copied = [" ".join(r) for r in source_fingerprints.runs(text) if fp(r) in prints]
        assert copied == [], f"{path.name}: {copied[:3]}"


def test_source_fingerprints_are_those_of_the_sources():
    """Where the source articles are at hand, the stored fingerprints are theirs, so the check
    above still guards against the current sources (`python scripts/source_fingerprints.py`
    refreshes them)."""
    if not SEEDS.is_dir():
        pytest.skip(f"source articles not found at {SEEDS}; the fingerprints are used as stored")
    assert source_fingerprints.load() == set(source_fingerprints.fingerprints_of(SEEDS))


def test_a_copied_run_of_eight_words_is_caught(tmp_path):
    """The fingerprint check flags a page that repeats 8 words of a source, not 7."""
    source = "satu dua tiga empat lima enam tujuh delapan sembilan"
    (tmp_path / "a.txt").write_text(source, encoding="utf-8")
    prints = set(source_fingerprints.fingerprints_of(tmp_path))
    page = "Kata: Dua tiga, empat lima enam tujuh delapan sembilan! lain"
    assert [r for r in source_fingerprints.runs(page) if fp(r) in prints] == [
        ("dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
    ]
    seven = "satu dua tiga empat lima enam tujuh kata"
    assert [r for r in source_fingerprints.runs(seven) if fp(r) in prints] == []


def test_glossary_has_at_least_15_bilingual_terms(corpus):
    assert len(corpus.glossary.terms) >= 15
    for term in corpus.glossary:
        for lang in LANGUAGES:
            assert term.term[lang] and len(term.definition[lang]) > 20, term.id


def test_coverage_map_points_at_real_guide_sections(corpus):
    """Every source section is mapped to guide sections that exist, so a reviewer can check
    that each piece of advice carried over."""
    coverage = yaml.safe_load((ROOT / "data" / "coverage.yml").read_text(encoding="utf-8"))
    expected = {f"A{i}" for i in range(11)} | {f"A-FAQ{i}" for i in range(1, 7)}
    expected |= {f"B{i}" for i in range(12)}
    assert expected <= set(coverage["sections"])
    for label, targets in coverage["sections"].items():
        assert targets, label
        for target in targets:
            guide = corpus.guides[target["guide"]]["id"]
            ids = set(guide.section_ids) | set(guide.faq_ids)
            assert set(target["sections"]) <= ids, f"{label} -> {target}"


def test_about_page_credits_both_sources(site):
    for rel in ("about/", "en/about/"):
        text = site.html(rel).select_one("article").get_text(" ")
        assert "Kampung Inggris" in text and "Rizqi" in text and "Thoha" in text


def test_every_guide_page_has_its_parts(site, corpus):
    """Title, summary, sections, key takeaways, checklist, FAQ, sources, related guides."""
    for slug in corpus.guides:
        for lang in LANGUAGES:
            soup = site.html(f"guides/{slug}/" if lang == "id" else f"{lang}/guides/{slug}/")
            article = soup.select_one("article")
            assert article.h1 and article.select_one(".kb-summary"), (slug, lang)
            assert article.select("#key-takeaways ~ ul li"), (slug, lang)
            for anchor in ("checklist", "faq", "sources", "related-guides"):
                assert article.select_one(f"#{anchor}"), (slug, lang, anchor)
