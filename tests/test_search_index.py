"""Search: the per-language index files of the real build, and the pure functions behind them."""

from __future__ import annotations

import json

import pytest
from knowledgebase.data import load_yaml
from knowledgebase.errors import ContentError
from knowledgebase.glossary import Glossary, Term
from knowledgebase.search import (
    LUNR_CODE,
    SearchIndexError,
    is_split,
    load_colloquial,
    lunr_language_script,
    scoped_base,
    split_index,
    synonyms,
)
from support import ROOT

MERGED = {
    "config": {"lang": ["en"], "separator": "x", "pipeline": [" "], "fields": {}},
    "docs": [
        {"location": "guides/a/", "title": "A", "text": "satu", "tags": ["trust"]},
        {"location": "guides/a/#faq-x", "title": "Q?", "text": "jawab"},
        {"location": "en/guides/a/", "title": "A", "text": "one", "tags": ["trust"]},
        {"location": "en/", "title": "Home", "text": "hi"},
    ],
}

GLOSSARY = Glossary(
    (
        Term(
            id="networking",
            term={"id": "jejaring", "en": "networking"},
            also={"id": ("berjejaring", "networking", "jaringan profesional"), "en": ("network",)},
            definition={"id": "D", "en": "D"},
        ),
        Term(
            id="work-relationship",
            term={"id": "hubungan kerja", "en": "work relationship"},
            also={"id": (), "en": ()},
            definition={"id": "D", "en": "D"},
        ),
    )
)


def _index(site, lang: str) -> dict:
    prefix = "" if lang == "id" else f"{lang}/"
    return json.loads((site.dir / prefix / "search/search_index.json").read_text("utf-8"))


def test_split_index_gives_each_language_only_its_own_pages_relative_to_its_root():
    """On English pages the reader's search loads an index of English pages only (and the
    other way round), with links that resolve against that language's root."""
    result = split_index(MERGED, {"trust": {"id": "Kepercayaan", "en": "Trust"}})
    assert [d["location"] for d in result["id"]["docs"]] == ["guides/a/", "guides/a/#faq-x"]
    assert [d["location"] for d in result["en"]["docs"]] == ["guides/a/", ""]
    assert result["id"]["docs"][0]["tags"] == ["Kepercayaan"]
    assert result["en"]["docs"][0]["tags"] == ["Trust"]
    assert result["id"]["config"]["lang"] == [LUNR_CODE["id"]]
    assert result["en"]["config"]["lang"] == [LUNR_CODE["en"]]
    assert is_split(result["id"]) and not is_split(MERGED)


def test_split_index_refuses_an_index_of_another_shape():
    """A Material upgrade that changes the index format fails the build instead of shipping
    a search that finds nothing."""
    with pytest.raises(SearchIndexError, match="'config' and 'docs'"):
        split_index({"docs": []})
    with pytest.raises(SearchIndexError, match="without a location"):
        split_index({"config": {}, "docs": [{"title": "x"}]})


@pytest.mark.parametrize(
    ("base", "url", "expected"),
    [
        ("../..", "guides/a/", "../.."),
        ("../../..", "en/guides/a/", "../../../en/"),
        ("..", "en/", "../en/"),
        (".", "", "."),
    ],
)
def test_scoped_base_points_english_pages_at_the_english_root(base, url, expected):
    """English pages fetch en/search/search_index.json; the trailing slash matters because the
    browser resolves the index path against it."""
    assert scoped_base(base, url) == expected


def test_synonyms_map_single_words_of_either_language_to_this_languages_forms():
    """ "networking" typed on an Indonesian page also searches "jejaring"; "jejaring" typed on
    an English page also searches "networking"; multi-word forms are never keys."""
    ind = synonyms(GLOSSARY, "id")
    assert ind["networking"] == ["jaringan profesional", "berjejaring", "jejaring"]
    assert "jejaring" in ind["network"]
    eng = synonyms(GLOSSARY, "en")
    assert eng["jejaring"] == ["networking", "network"]
    assert "work" not in eng and "hubungan" not in ind
    script = lunr_language_script("/* lib */", "id", GLOSSARY)
    assert script.startswith('/* lib */\nkbSearch.register(lunr, "kb_id", {')


def test_each_language_has_its_own_index_with_every_faq_question_as_an_entry(site):
    """Every FAQ question is a search result of its own (page/#question-id), in its language's
    index only."""
    from knowledgebase.corpus import load_corpus

    corpus, _ = load_corpus(ROOT / "docs", ROOT / "data")
    for lang in ("id", "en"):
        index = _index(site, lang)
        assert index["config"]["lang"] == [LUNR_CODE[lang]]
        locations = {d["location"] for d in index["docs"]}
        assert not any(loc.startswith("en/") for loc in locations)
        for guide in corpus.in_language(lang):
            for faq in guide.faqs:
                assert f"guides/{guide.slug}/#{faq.id}" in locations
    assert len(_index(site, "id")["docs"]) > 100 and len(_index(site, "en")["docs"]) > 100


def test_related_guides_sections_are_not_search_results(site):
    """The "Related guides" section repeats other guides' summaries; as a result it would send
    readers to the wrong page, so it is left out of the index (the heading keeps its anchor)."""
    for lang in ("id", "en"):
        locations = [d["location"] for d in _index(site, lang)["docs"]]
        assert not [loc for loc in locations if loc.endswith("#related-guides")]
    assert site.html("guides/finding-a-mentor/").find(id="related-guides") is not None


def test_checklist_buttons_are_not_indexed_but_items_are(site, corpus):
    """The checklist's "copy" and "clear" buttons are on every guide: indexed, a search for
    "salin" or "copy" would list every guide. The items themselves stay searchable."""
    texts = load_yaml(ROOT / "data" / "ui.yml")
    for lang in ("id", "en"):
        docs = _index(site, lang)["docs"]
        for guide in corpus.in_language(lang):
            entry = next(d for d in docs if d["location"].endswith(f"{guide.slug}/#checklist"))
            assert guide.checklist[0].text in entry["text"]
            for key in ("checklist_copy", "checklist_reset"):
                assert texts[lang][key] not in entry["text"], (guide.path, key)


def test_credits_and_translation_link_are_found_on_the_about_page_not_every_guide(site, corpus):
    """Every guide ends with the same credits and links to its translation with the same
    words; indexed, a search for the publisher or for "English" would list every guide. The
    About page, which holds the credits, stays the place a search for them finds."""
    texts = load_yaml(ROOT / "data" / "ui.yml")
    publisher = load_yaml(ROOT / "data" / "sources.yml")["networking"]["publisher"]
    for lang, other in (("id", "en"), ("en", "id")):
        docs = _index(site, lang)["docs"]
        guides = [d for d in docs if "guides/" in d["location"]]
        assert not [d for d in guides if d["location"].endswith("/#sources")]
        for doc in guides:
            assert publisher not in doc["text"], doc["location"]
            assert texts[other]["translation_link"] not in doc["text"], doc["location"]
        assert [d["location"] for d in docs if publisher in d["text"]] != []
        assert all("about/" in d["location"] for d in docs if publisher in d["text"])


def test_faq_and_checklists_pages_are_found_by_name_but_not_their_copies(site, corpus):
    """The FAQ and Checklists pages list what each guide already holds; a search finds the
    pages themselves (title and intro) and each question or item on its guide, not a second
    time in these lists. Their per-guide anchors still exist for links."""
    for lang, prefix in (("id", ""), ("en", "en/")):
        locations = [d["location"] for d in _index(site, lang)["docs"]]
        for page in ("faq/", "checklists/"):  # locations are relative to the language root
            assert page in locations
            assert [loc for loc in locations if loc.startswith(f"{page}#")] == []
            soup = site.html(f"{prefix}{page}")
            assert all(soup.find(id=slug) for slug in corpus.guides)


def test_worker_language_scripts_are_published(site):
    """Material's worker imports lunr.<code>.min.js for the index's language; without the file
    search breaks, so the build must publish one per language, synonyms included."""
    for code in LUNR_CODE.values():
        script = site.dir / f"assets/javascripts/lunr/min/lunr.{code}.min.js"
        text = script.read_text(encoding="utf-8")
        assert f'kbSearch.register(lunr, "{code}"' in text
    indonesian = site.dir / "assets/javascripts/lunr/min/lunr.kb_id.min.js"
    assert '"networking": [' in indonesian.read_text(encoding="utf-8")


def test_english_pages_point_material_at_the_english_index(site):
    """The __config element Material reads must send English pages to en/search/ and leave
    Indonesian pages on the site root."""
    pages = {"en/guides/finding-a-mentor/": "../../../en/", "guides/finding-a-mentor/": "../.."}
    for rel, expected in pages.items():
        config = json.loads(site.html(rel).find("script", id="__config").string)
        assert config["base"] == expected


def test_colloquial_lexicon_is_big_enough_and_maps_chat_spellings_to_standard_words():
    """Readers type chat Indonesian; the lexicon the search reads has at least 60 entries
    and maps the common spellings to the words the guides use."""
    lexicon = load_colloquial(ROOT / "data" / "colloquial.yml")
    assert len(lexicon) >= 60
    for chat, standard in {
        "gmn": "bagaimana",
        "yg": "yang",
        "nggak": "tidak",
        "temen": "teman",
    }.items():
        assert lexicon[chat] == standard


def test_colloquial_lexicon_errors_name_the_file_and_every_bad_key(tmp_path):
    """A malformed lexicon fails the build with every bad entry and its fix, at once."""
    path = tmp_path / "colloquial.yml"
    path.write_text("Gmn: bagaimana\nyg: Yang\ntemen: temen\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_colloquial(path)
    message = str(info.value)
    assert str(path) in message
    assert "key 'Gmn': use one lower-case word" in message
    assert "yg: the standard form must be lower-case text, got 'Yang'" in message
    assert "temen: maps to itself; remove the entry" in message
