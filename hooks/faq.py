"""FAQ: the FAQ hub page and schema.org FAQPage data on every guide.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides (per-pass state is replaced, so static-i18n's
  second pass and ``mkdocs serve`` rebuilds start clean).
- ``on_page_markdown``: on the page with ``generated: faq`` in front matter, appends every FAQ
  question of every guide, grouped by guide, each linking to the question's anchor on its guide
  page (the canonical answer).
- ``on_page_context``: on a guide, puts FAQPage JSON-LD built from the same parsed questions and
  answers into the context; ``overrides/main.html`` writes it into <head>.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.checklists import join_blocks
from knowledgebase.faq import faq_jsonld
from knowledgebase.site import build_pass, guide_slug
from knowledgebase.urls import guide_link
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    _pass.clear()
    _pass.update(guides=build.guides, ui=build.ui)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("generated") != "faq":
        return markdown
    groups = []
    for guide in _pass["guides"].values():
        link = guide_link(page.file.src_uri, guide.slug)
        questions = "\n".join(f"- [{faq.question}]({link}#{faq.id})" for faq in guide.faqs)
        groups.append(
            join_blocks(
                f"## {guide.title} {{ #{guide.slug} }}",
                questions,
                f"[{_pass['ui']['faq_hub_guide_link']}: {guide.title}]({link})",
            )
        )
    return join_blocks(markdown, *groups)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    slug = guide_slug(page.file.src_uri)
    guide = _pass["guides"].get(slug) if slug else None
    context["kb_faq_jsonld"] = faq_jsonld(guide, page.canonical_url) if guide else None
    return context
