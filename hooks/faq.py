"""FAQ: the FAQ hub page and schema.org FAQPage data on every guide.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides (per-pass state is replaced, so static-i18n's
  second pass and ``mkdocs serve`` rebuilds start clean).
- ``on_page_markdown``: on the page with ``generated: faq`` in front matter, appends a filter
  field and a heading per guide (``{ #<slug> }``) and, where they go, placeholder comments.
- ``on_page_content``: replaces the placeholders with the filter field
  (``overrides/partials/kb-faq-filter.html``; ``kb-hub.js`` narrows the list as the reader
  types, from the text already on the page) and each guide's questions
  (``overrides/partials/kb-faq-group.html``): a collapsible block per question with its whole
  answer, rendered from the guide's Markdown with the site's extensions, and a link to the
  answer's canonical place on the guide. Links in an answer are written relative to the guide
  and are rebased onto the hub through the site's files, as are the hub's own links: rendered
  after Markdown, the thousands of links of a large site's FAQ page need no resolving by MkDocs.
- ``on_page_context``: on a guide, puts FAQPage JSON-LD built from the same parsed questions and
  answers into the context; ``overrides/main.html`` writes it into <head>.
"""

from __future__ import annotations

import posixpath
from typing import Any

from knowledgebase.checklists import join_blocks
from knowledgebase.escaping import markdown_text
from knowledgebase.faq import AnswerRenderer, faq_jsonld, is_relative_link
from knowledgebase.placeholders import Placeholders
from knowledgebase.site import build_pass, guide_file, guide_slug
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}
_GROUPS = Placeholders("faq")
_FILTER = Placeholders("faq-filter")


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    _pass.clear()
    _pass.update(
        guides=build.guides,
        ui=build.ui,
        lang=build.lang,
        env=config.theme.get_env(),
        answers=AnswerRenderer(config.markdown_extensions, config.mdx_configs),
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("generated") != "faq":
        return markdown
    # The groups stay out of search: each question's result is its answer on the guide (the
    # canonical place), not this list; the page's title and intro are still found.
    groups = [
        join_blocks(
            f"## {markdown_text(guide.title)} {{ #{guide.slug} data-search-exclude }}",
            _GROUPS.mark(guide.slug),
        )
        # In the reader's language order: sorted by slug, the Indonesian titles looked random.
        for guide in sorted(_pass["guides"].values(), key=lambda g: g.title.casefold())
    ]
    return join_blocks(markdown, _FILTER.mark(), *groups)


def _rebase(url: str, guide: File, page: Page, files: Files) -> str:
    """A link written in a guide's answer, as a link from ``page`` (the hub)."""
    if not is_relative_link(url):
        return url
    path, hash_, anchor = url.partition("#")
    target = guide
    if path:
        neutral = posixpath.normpath(posixpath.join(posixpath.dirname(guide.src_uri), path))
        stem = neutral.removesuffix(".md")
        target = files.src_uris.get(f"{stem}.{_pass['lang']}.md") or files.src_uris.get(neutral)
        if target is None:
            # Not a page or file of the site: MkDocs reports it on the guide already.
            return url
    return target.url_relative_to(page.file) + hash_ + anchor


def _group(slug: str, page: Page, files: Files) -> str:
    guide = _pass["guides"][slug]
    target = guide_file(files, slug, _pass["lang"], page.file.src_uri)
    answers = _pass["answers"]

    def resolve(url: str) -> str:
        return _rebase(url, target, page, files)

    # The answer is the author's Markdown, rendered as on the guide (which publishes it as is).
    items = [
        {"faq": faq, "answer": Markup(answers.render(faq.answer, resolve))} for faq in guide.faqs
    ]
    template = _pass["env"].get_template("partials/kb-faq-group.html")
    return template.render(
        guide=guide, items=items, guide_url=target.url_relative_to(page.file), ui=_pass["ui"]
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    template = _pass["env"].get_template("partials/kb-faq-filter.html")
    html = _FILTER.replace(html, lambda _: template.render(ui=_pass["ui"]))
    return _GROUPS.replace(html, lambda slug: _group(slug, page, files))


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    slug = guide_slug(page.file.src_uri)
    guide = _pass["guides"].get(slug) if slug else None
    context["kb_faq_jsonld"] = faq_jsonld(guide, page.canonical_url) if guide else None
    return context
