"""Draft guides: ``draft: true`` in a guide's front matter (``knowledgebase.drafts``).

MkDocs events handled:

- ``on_startup``: notes whether this process serves (``mkdocs serve``) or builds.
- ``on_config``: records that in ``extra`` (``knowledgebase.site.shows_drafts``, read by every
  content hook through ``build_pass``) and, for a build, drops the drafts' nav entries.
- ``on_files``: a build leaves the drafts' pages out, so they reach no page, sitemap, search
  index, manifest or link directory; the other hooks see a corpus without them.
- ``on_page_markdown``: under ``serve``, a draft guide starts with a visible draft banner.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.corpus import cached_corpus
from knowledgebase.drafts import draft_slugs, nav_without
from knowledgebase.errors import ContentError
from knowledgebase.site import SHOW_DRAFTS, data_dir, docs_dir, guide_slug, shows_drafts
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# The command is known once per process, before any config exists.
_process: dict[str, Any] = {"serving": False}

BANNER = {
    "id": '!!! warning "Draft"\n\n    Panduan ini masih draf: tampil di `make serve`, tidak ikut '
    "`make build`. Hapus `draft: true` dari kedua berkas untuk menerbitkannya.\n\n",
    "en": '!!! warning "Draft"\n\n    This guide is a draft: shown by `make serve`, left out of '
    "`make build`. Delete `draft: true` from both files to publish it.\n\n",
}


def on_startup(command: str, dirty: bool) -> None:
    _process["serving"] = command == "serve"


def _drafts(config: MkDocsConfig) -> frozenset[str]:
    try:
        corpus, _ = cached_corpus(docs_dir(config), data_dir(config))
    except ContentError:
        return frozenset()  # hooks/validation.py reports it, with file and field
    return draft_slugs(corpus)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra[SHOW_DRAFTS] = _process["serving"]
    if not _process["serving"] and config.nav:
        config.nav = nav_without(config.nav, _drafts(config))
    return config


@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if shows_drafts(config):
        return files
    drafts = _drafts(config)
    for file in list(files):
        if guide_slug(file.src_uri) in drafts:
            files.remove(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if shows_drafts(config) and guide_slug(page.file.src_uri) in _drafts(config):
        return BANNER.get(config.theme["language"], BANNER["en"]) + markdown
    return markdown
