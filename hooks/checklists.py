"""Checklists: each guide's front matter items as a ticking list, and the Checklists page.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides and a Jinja environment over the theme
  (``overrides/`` first); per-pass state is replaced here, so static-i18n's second pass and
  ``mkdocs serve`` rebuilds start clean.
- ``on_page_markdown``: on a guide, inserts a "Checklist" section (``{ #checklist }``) before the
  FAQ; on the page whose front matter says ``generated: checklists``, appends every guide's
  checklist grouped by guide, each group linking back to its guide. The list itself is rendered
  from ``overrides/partials/kb-checklist.html``; ``kb.js`` stores ticks in localStorage by item id.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.checklists import insert_before_faq, join_blocks
from knowledgebase.data import LANGUAGES
from knowledgebase.site import build_pass, guide_slug
from knowledgebase.urls import guide_link, page_url_in
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}


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


def _render(guide: Any, id_prefix: str = "") -> str:
    template = _pass["env"].get_template("partials/kb-checklist.html")
    path = page_url_in(f"guides/{guide.slug}/", LANGUAGES[0], _pass["lang"])
    html = template.render(
        guide=guide, ui=_pass["ui"], id_prefix=id_prefix, guide_url=_pass["site_url"] + path
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ui = _pass["ui"]
    slug = guide_slug(page.file.src_uri)
    if slug in _pass["guides"]:
        section = join_blocks(
            f"## {ui['checklist_heading']} {{ #checklist }}",
            ui["checklist_intro"],
            _render(_pass["guides"][slug]),
        )
        return insert_before_faq(markdown, section)
    if page.meta.get("generated") == "checklists":
        groups = [
            join_blocks(
                f"## {guide.title} {{ #{guide.slug} }}",
                f"[{ui['checklists_group_link']}: {guide.title}]"
                f"({guide_link(page.file.src_uri, guide.slug)})",
                _render(guide),
            )
            for guide in _pass["guides"].values()
        ]
        return join_blocks(markdown, *groups)
    return markdown
