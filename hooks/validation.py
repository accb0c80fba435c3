"""Validation of all guides and site data, before anything is rendered.

MkDocs events handled:

- ``on_pre_build`` (priority 100, before the other content hooks): parses every guide in both
  languages and the data files into the typed content model (``knowledgebase``). Input that
  cannot be processed (malformed YAML, a missing or unknown front matter field, a value of the
  wrong type, a heading without an id) raises ``PluginError`` naming the file and field.
  Cross-file problems (a missing translation, ids that differ between languages, a FAQ id used
  twice) are logged as errors, so the strict build fails and lists all of them at once.
  The other pages (``knowledgebase.pages``) are checked too: malformed front matter raises
  ``PluginError`` (MkDocs alone would publish it as text), a missing translation is logged.

The parse is cached by file modification time (``cached_corpus``), so the second language pass
of static-i18n and unchanged ``mkdocs serve`` rebuilds reuse it. Problems are logged in the
default-language pass only, so each appears once.
"""

from __future__ import annotations

from knowledgebase.corpus import cached_corpus
from knowledgebase.errors import ContentError
from knowledgebase.pages import page_problems
from knowledgebase.site import data_dir, docs_dir, is_default_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("validation")


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    default = is_default_language(config)
    try:
        _, problems = cached_corpus(docs_dir(config), data_dir(config))
        if default:
            problems = [*problems, *page_problems(docs_dir(config))]
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from exc
    if default:
        for problem in problems:
            log.error(problem)
