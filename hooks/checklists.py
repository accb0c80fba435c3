"""Checklists: each guide's front matter items as a ticking list, and the Checklists page.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides and a Jinja environment over the theme
  (``overrides/`` first); per-pass state is replaced here, so static-i18n's second pass and
  ``mkdocs serve`` rebuilds start clean.
- ``on_page_markdown``: on a guide, inserts a "Checklist" section (``{ #checklist }``) before the
  FAQ; on the page whose front matter says ``generated: checklists``, appends a heading per
  guide (``{ #<slug> }``). Where a list goes, it leaves a placeholder comment.
- ``on_page_content``: replaces each placeholder with the list rendered from
  ``overrides/partials/kb-checklist.html``; on the Checklists page each list also links back
  to its guide. Inserting the HTML after Markdown spares Python-Markdown parsing it as raw
  HTML, and MkDocs resolving a link per guide, which on a large site's Checklists page was a
  noticeable share of the build. Links come from the site's files. ``kb.js`` stores ticks in
  localStorage by item id.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.checklists import insert_before_faq, join_blocks
from knowledgebase.escaping import markdown_text
from knowledgebase.placeholders import Placeholders
from knowledgebase.site import build_pass, guide_file, guide_slug
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}
_LISTS = Placeholders("checklist")


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    _pass.clear()
    _pass.update(
        lang=build.lang,
        guides=build.guides,
        ui=build.ui,
        env=config.theme.get_env(),
        site_url=config.site_url or "/",
    )


def _render(slug: str, page: Page, files: Files) -> str:
    guide = _pass["guides"][slug]
    target = guide_file(files, slug, _pass["lang"], page.file.src_uri)
    template = _pass["env"].get_template("partials/kb-checklist.html")
    return template.render(
        guide=guide,
        ui=_pass["ui"],
        guide_url=_pass["site_url"] + target.url,
        # Elsewhere than on the guide itself (the Checklists page), the list links back to it.
        back_url=None if target is page.file else target.url_relative_to(page.file),
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ui = _pass["ui"]
    slug = guide_slug(page.file.src_uri)
    if slug in _pass["guides"]:
        section = join_blocks(
            f"## {ui['checklist_heading']} {{ #checklist }}",
            ui["checklist_intro"],
            _LISTS.mark(slug),
        )
        return insert_before_faq(markdown, section)
    if page.meta.get("generated") == "checklists":
        # The groups stay out of search: each item is found in its guide's own checklist
        # section (the same ticks); the page's title and intro are still found.
        groups = [
            join_blocks(
                f"## {markdown_text(guide.title)} {{ #{guide.slug} data-search-exclude }}",
                _LISTS.mark(guide.slug),
            )
            for guide in _pass["guides"].values()
        ]
        return join_blocks(markdown, *groups)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _LISTS.replace(html, lambda slug: _render(slug, page, files))
