"""FAQ: the FAQ hub page and schema.org FAQPage data on every guide.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides (per-pass state is replaced, so static-i18n's
  second pass and ``mkdocs serve`` rebuilds start clean).
- ``on_page_markdown``: on the page with ``generated: faq`` in front matter, appends a heading
  per guide (``{ #<slug> }``) and, where its questions go, a placeholder comment.
- ``on_page_content``: replaces each placeholder with the guide's questions, each linking to
  its anchor on the guide page (the canonical answer), rendered from
  ``overrides/partials/kb-faq-group.html``. The links come from the site's files, relative to
  the page: rendered after Markdown, the thousands of links of a large site's FAQ page need no
  resolving by MkDocs.
- ``on_page_context``: on a guide, puts FAQPage JSON-LD built from the same parsed questions and
  answers into the context; ``overrides/main.html`` writes it into <head>.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.checklists import join_blocks
from knowledgebase.faq import faq_jsonld
from knowledgebase.placeholders import Placeholders
from knowledgebase.site import build_pass, guide_file, guide_slug
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}
_GROUPS = Placeholders("faq")


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    _pass.clear()
    _pass.update(guides=build.guides, ui=build.ui, lang=build.lang, env=config.theme.get_env())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("generated") != "faq":
        return markdown
    # The groups stay out of search: each question's result is its answer on the guide (the
    # canonical place), not this list; the page's title and intro are still found.
    groups = [
        join_blocks(
            f"## {guide.title} {{ #{guide.slug} data-search-exclude }}", _GROUPS.mark(guide.slug)
        )
        for guide in _pass["guides"].values()
    ]
    return join_blocks(markdown, *groups)


def _group(slug: str, page: Page, files: Files) -> str:
    guide = _pass["guides"][slug]
    target = guide_file(files, slug, _pass["lang"], page.file.src_uri)
    template = _pass["env"].get_template("partials/kb-faq-group.html")
    return template.render(guide=guide, guide_url=target.url_relative_to(page.file), ui=_pass["ui"])


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _GROUPS.replace(html, lambda slug: _group(slug, page, files))


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    slug = guide_slug(page.file.src_uri)
    guide = _pass["guides"].get(slug) if slug else None
    context["kb_faq_jsonld"] = faq_jsonld(guide, page.canonical_url) if guide else None
    return context
