"""Search scoped to the reader's language, Indonesian-aware, with glossary synonyms.

static-i18n merges both languages into one ``search/search_index.json`` and Material has no
Indonesian stemmer. This hook turns that into one index per language and teaches Material's own
search worker Indonesian (the mechanism and the measurements are in README.md, "Search").

MkDocs events handled:

- ``on_post_page``: on pages of a non-default language, points ``__config.base`` (Material's
  root for fetching the search index and resolving result links) at the language's root, so
  English pages load ``en/search/search_index.json``. The page's other URLs do not use it.
  Default-language pages are returned untouched.
- ``on_post_build`` (after static-i18n, which writes the merged index at the end of the
  default-language pass): splits the index per language, sets each one's lunr language to
  ``kb_id``/``kb_en``, and writes the worker scripts ``lunr.kb_<lang>.min.js`` that Material's
  worker imports for those codes: ``overrides/assets/javascripts/kb-search.js`` plus that
  language's glossary synonyms.

It runs in every pass and keeps no state: an index that is already split is left alone, and the
final (default-language) pass always sees static-i18n's freshly merged file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from knowledgebase.data import LANGUAGES
from knowledgebase.errors import ContentError
from knowledgebase.search import (
    INDEX_PATH,
    LUNR_CODE,
    LUNR_SCRIPT,
    SearchIndexError,
    is_split,
    language_root,
    load_colloquial,
    lunr_language_script,
    scoped_base,
    split_index,
)
from knowledgebase.site import build_pass, project_dir
from knowledgebase.urls import url_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

LIBRARY = "overrides/assets/javascripts/kb-search.js"
COLLOQUIAL = "data/colloquial.yml"
# Material writes its client configuration as this exact element (base.html, block "config").
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if url_language(page.url) == LANGUAGES[0]:
        return output  # the default language's index is at the site root, where base points
    match = _CONFIG.search(output)
    if match is None:
        raise PluginError(
            f'search: {page.file.src_uri}: no <script id="__config"> in the rendered page; '
            "Material's template changed, so search can no longer be scoped per language "
            "(see hooks/search.py)"
        )
    data = json.loads(match.group(2))
    base = scoped_base(data["base"], page.url)
    if base == data["base"]:
        return output
    data["base"] = base
    # Same JSON as Jinja's tojson: "<", ">", "&" and "'" escaped for a <script> element.
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escape)
    return output[: match.start(2)] + text + output[match.end(2) :]


# After static-i18n's on_post_build (priority -100), which builds the other languages and then
# rewrites the merged index.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    merged_path = site / INDEX_PATH
    if not merged_path.exists():
        raise PluginError(f"search: {merged_path} was not written; is the search plugin on?")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    if is_split(merged):
        return
    corpus = build_pass(config).corpus
    try:
        indexes = split_index(merged, corpus.tags)
    except SearchIndexError as exc:
        raise PluginError(f"search: {merged_path}: {exc}") from exc
    library = (project_dir(config) / LIBRARY).read_text(encoding="utf-8")
    glossary = corpus.glossary
    try:
        colloquial = load_colloquial(project_dir(config) / COLLOQUIAL)
    except ContentError as exc:
        raise PluginError(f"search: {exc}") from exc
    for lang in LANGUAGES:
        path = site / language_root(lang) / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(indexes[lang], ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
        script = site / LUNR_SCRIPT.format(code=LUNR_CODE[lang])
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(
            lunr_language_script(library, lang, glossary, colloquial), encoding="utf-8"
        )
