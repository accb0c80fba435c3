"""Per-language search: splitting the merged index, glossary synonyms, the worker's language
script. Pure functions; ``hooks/search.py`` applies them to the build output.

The mechanism (why it looks like this) is described in README.md under "Search".
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .data import LANGUAGES, load_yaml
from .errors import ContentError
from .glossary import Glossary
from .urls import page_url_in, url_language

LUNR_CODE = {lang: f"kb_{lang}" for lang in LANGUAGES}
"""The lunr language code written into each index; Material's worker then imports
``assets/javascripts/lunr/min/lunr.<code>.min.js``, which the build generates."""

INDEX_PATH = "search/search_index.json"
LUNR_SCRIPT = "assets/javascripts/lunr/min/lunr.{code}.min.js"
# Words are indexed as written; roots, synonyms and typos are handled at query time by
# overrides/assets/javascripts/kb-search.js, so lunr's stemmer and stop words stay out.
PIPELINE = ["trimmer"]
TITLE_BOOST = 20.0
# Material boosts "tags" a million-fold, made for its tags plugin; here a tag is a mild hint.
# Title weight chosen on tests/data/search_realistic.yml (see benchmarks/search-report.md): a
# question title that matches is the best evidence there is, but at Material's 1000x a guide
# whose title shares one word with the query outranked the FAQ answer to it.
FIELDS = {"title": {"boost": TITLE_BOOST}, "text": {"boost": 1.0}, "tags": {"boost": 10.0}}
SEPARATOR = r"[\s\-]+"

_WORD = re.compile(r"[\w']+")


def language_root(lang: str) -> str:
    """The URL prefix of a language's pages: "" for the default language, "en/" for English."""
    return page_url_in("", LANGUAGES[0], lang)


class SearchIndexError(ValueError):
    """The search index written by Material does not have the shape this module relies on."""


def split_index(
    data: dict[str, Any], tag_labels: Mapping[str, Mapping[str, str]] | None = None
) -> dict[str, dict[str, Any]]:
    """Split Material's merged index ({"config", "docs"}) into one index per language.

    Locations become relative to the language root, because each language's pages fetch their
    own index with ``__config.base`` pointing at that root (see ``scoped_base``). Tag ids in
    entries become the tag's label in the entry's language (``tag_labels``: id -> lang ->
    label), so results show, and match, "Kepercayaan" on Indonesian pages and "Trust" on
    English ones.
    """
    if not isinstance(data, dict) or "docs" not in data or "config" not in data:
        raise SearchIndexError("expected an object with 'config' and 'docs'")
    result: dict[str, dict[str, Any]] = {}
    for lang in LANGUAGES:
        config = {
            **data["config"],
            "lang": [LUNR_CODE[lang]],
            "pipeline": list(PIPELINE),
            "separator": SEPARATOR,
            "fields": FIELDS,
        }
        result[lang] = {"config": config, "docs": []}
    for entry in data["docs"]:
        location = entry.get("location")
        if not isinstance(location, str):
            raise SearchIndexError(f"entry without a location: {entry!r:.80}")
        lang = url_language(location)
        scoped = {**entry, "location": location[len(language_root(lang)) :]}
        if tag_labels and "tags" in entry:
            scoped["tags"] = [tag_labels.get(t, {}).get(lang, t) for t in entry["tags"]]
        result[lang]["docs"].append(scoped)
    return result


def is_split(data: dict[str, Any]) -> bool:
    """Whether an index file was already written by ``split_index`` (the hook runs per pass)."""
    return data.get("config", {}).get("lang") == [LUNR_CODE[LANGUAGES[0]]]


def scoped_base(base: str, page_url: str) -> str:
    """``__config.base`` for a page: the relative path to its language's root, so that
    Material fetches ``<root>/search/search_index.json`` of the page's own language and
    resolves result locations against that root."""
    root = language_root(url_language(page_url))
    if not root:
        return base
    # The trailing slash matters: Material resolves "search/search_index.json" against it.
    return posixpath.join(base, root)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def synonyms(glossary: Glossary, lang: str) -> dict[str, list[str]]:
    """Query expansions for ``lang`` from the glossary: a single-word form of a term, in either
    language, maps to every form of that term in ``lang`` (phrases kept whole).

    So on Indonesian pages ``networking`` also searches ``jejaring``/``berjejaring``, and on
    English pages ``jejaring`` also searches ``networking``. Multi-word forms are not keys:
    "work" from "work relationship" would expand every query for "work". The search script
    weighs a phrase's words so that the phrase as a whole counts like one word.
    """
    result: dict[str, list[str]] = {}
    for term in glossary:
        targets = [form.lower() for form in term.forms(lang)]
        keys = {
            form.lower()
            for other in LANGUAGES
            for form in term.forms(other)
            if len(_words(form)) == 1
        }
        for key in sorted(keys):
            merged = result.setdefault(key, [])
            merged.extend(t for t in targets if t != key and t not in merged)
    return {key: value for key, value in sorted(result.items()) if value}


_CHAT_WORD = re.compile(r"[a-z0-9]+")


def load_colloquial(path: Path) -> dict[str, str]:
    """The chat-Indonesian lexicon (``data/colloquial.yml``): one typed word -> its standard
    form. Every malformed entry is reported at once, naming the file and the key."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise ContentError(str(path), None, "expected a mapping of chat word: standard form")
    problems = []
    result: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not _CHAT_WORD.fullmatch(key):
            problems.append(f"key {key!r}: use one lower-case word (letters and digits)")
        elif not isinstance(value, str) or not value.strip() or value != value.lower():
            problems.append(f"{key}: the standard form must be lower-case text, got {value!r}")
        elif value.strip() == key:
            problems.append(f"{key}: maps to itself; remove the entry")
        else:
            result[key] = value.strip()
    if problems:
        raise ContentError(str(path), None, "; ".join(problems))
    return dict(sorted(result.items()))


def lunr_language_script(
    library: str, lang: str, glossary: Glossary, colloquial: Mapping[str, str] | None = None
) -> str:
    """The worker script for ``lang``: the shared library plus its registration call.
    ``colloquial`` (chat spellings) applies to the default language only: it is Indonesian."""
    options: dict[str, Any] = {"stemmer": lang, "synonyms": synonyms(glossary, lang)}
    options["colloquial"] = dict(colloquial or {}) if lang == LANGUAGES[0] else {}
    options["vocabulary"] = sorted(
        {w for term in glossary for form in term.forms(lang) for w in _words(form)}
    )
    call = (
        f"kbSearch.register(lunr, {json.dumps(LUNR_CODE[lang])}, "
        f"{json.dumps(options, ensure_ascii=False, sort_keys=True)});"
    )
    return f"{library.rstrip()}\n{call}\n"
