"""Cross-links: what ties a guide to the rest of the site.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides, glossary usage and templates, and ranks every
  guide's "Related guides" (tags, shared glossary terms and the optional ``related`` list) once
  for the pass (per-pass state is replaced, so static-i18n's second pass and ``mkdocs serve``
  rebuilds start clean).
- ``on_page_markdown``: on a guide, adds the title and summary, its reviewed date and tags
  (``knowledgebase.hub.guide_meta``), an explicit link to the guide's translation, links each
  glossary term's first use in the body to its glossary entry, and ends the page with its
  sources and a "Related guides" section whose list is left as a placeholder comment. On the
  page with ``generated: glossary`` in front matter, appends the glossary entries (the guides
  index is ``hooks/hub.py``'s).
- ``on_page_content``: replaces the placeholder with the list rendered from
  ``overrides/partials/kb-related.html``. Each link is the related guide's file URL relative to
  the page, taken from ``files``; rendering it after Markdown spares MkDocs resolving three
  links and parsing three summaries on every guide page.

Other links between pages are emitted as language-neutral Markdown links (``guides/x.md``),
which static-i18n resolves to the same language and MkDocs validates.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.checklists import join_blocks
from knowledgebase.data import LANGUAGES
from knowledgebase.escaping import markdown_text as md
from knowledgebase.glossary import link_terms, terms_used
from knowledgebase.hub import TAG_FOLDER, guide_meta
from knowledgebase.placeholders import Placeholders
from knowledgebase.related import rank_all
from knowledgebase.site import build_pass, guide_file, guide_slug
from knowledgebase.urls import doc_link, page_url_in, relative_url
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}
_RELATED = Placeholders("related")


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    glossary = build.corpus.glossary
    terms = {s: terms_used(glossary, build.lang, g.body) for s, g in build.guides.items()}
    _pass.clear()
    _pass.update(
        lang=build.lang,
        corpus=build.corpus,
        guides=build.guides,
        terms=terms,
        related=rank_all(build.guides.values(), terms),
        texts=build.texts,
        env=config.theme.get_env(),
    )


def _translation_links(page: Page) -> list[str]:
    lang, texts = _pass["lang"], _pass["texts"]
    template = _pass["env"].get_template("partials/kb-translation-link.html")
    links = []
    for other in LANGUAGES:
        if other == lang:
            continue
        href = relative_url(page_url_in(page.url, lang, other), page.url)
        links.append(template.render(href=href, lang=other, text=texts[other]["translation_link"]))
    return links


def _sources(page: Page, guide: Any) -> str:
    ui, lang = _pass["texts"][_pass["lang"]], _pass["lang"]
    items = []
    for key in guide.sources:
        source = _pass["corpus"].sources[key]
        # Every value from data/ and ui.yml is text, escaped for the generated Markdown.
        line = f"- *{md(source[lang]['title'])}*"
        if source.get("authors"):
            line += f", {md(ui['source_by'])} {md(' & '.join(source['authors']))}"
        if source.get("publisher"):
            line += f", {md(ui['source_published_by'])} {md(source['publisher'])}"
        items.append(line + f". {md(source[lang]['description'])}")
    about = doc_link(page.file.src_uri, "about.md")
    # Left out of search: the same credits end every guide, so a search for an author or the
    # publisher would list every guide; the About page holds them once (#sources).
    return join_blocks(
        f"## {ui['sources_heading']} {{ #sources data-search-exclude }}",
        f"{ui['sources_intro']} [{ui['sources_about']}]({about}#sources).",
        "\n".join(items),
    )


def _related(guide: Any) -> str:
    ui = _pass["texts"][_pass["lang"]]
    # Left out of search: it repeats other guides' summaries, which would turn up as results
    # pointing at the wrong page (and it is text the search index would carry twice).
    heading = f"## {ui['related_heading']} {{ #related-guides data-search-exclude }}"
    return join_blocks(heading, _RELATED.mark())


def _related_list(page: Page, files: Files) -> str:
    lang = _pass["lang"]
    items = []
    for other in _pass["related"][guide_slug(page.file.src_uri)]:
        target = guide_file(files, other.slug, lang, page.file.src_uri)
        url = target.url_relative_to(page.file)
        items.append({"url": url, "title": other.title, "summary": other.summary})
    template = _pass["env"].get_template("partials/kb-related.html")
    return template.render(related=items)


def _meta(page: Page, guide: Any, files: Files) -> str:
    """The reviewed date and the tags, each tag linked to its page where it has one."""
    lang, src = _pass["lang"], page.file.src_uri
    links = {
        tag: doc_link(src, f"{TAG_FOLDER}/{tag}.md")
        for tag in guide.tags
        if f"{TAG_FOLDER}/{tag}.{lang}.md" in files.src_uris
    }
    return guide_meta(guide, _pass["texts"][lang], _pass["corpus"].tags, links)


def _glossary_page(page: Page) -> str:
    lang = _pass["lang"]
    ui = _pass["texts"][lang]
    blocks = []
    for term in sorted(_pass["corpus"].glossary, key=lambda t: t.term[lang].lower()):
        others = [
            f"{md(ui['glossary_other_language'])}: *{md(term.term[o])}*{{ lang={o} }}"
            for o in LANGUAGES
            if o != lang
        ]
        also = [a for a in term.also[lang] if a.lower() != term.term[lang].lower()]
        lines = [md(term.definition[lang]), "", " · ".join(others)]
        if also:
            lines[-1] += f" · {md(ui['glossary_also'])}: " + md(", ".join(also))
        heading = f"### {md(term.term[lang])} {{ #{term.id} }}"
        blocks.append(join_blocks(heading, "\n".join(lines)))
    return join_blocks(*blocks)


# Before checklists.py inserts rendered HTML: glossary linking must see the author's text only.
@event_priority(10)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    slug = guide_slug(page.file.src_uri)
    guide = _pass["guides"].get(slug) if slug else None
    if guide is not None:
        glossary_md = doc_link(page.file.src_uri, "glossary.md")
        body = link_terms(
            _pass["corpus"].glossary, _pass["lang"], markdown, glossary_md, _pass["terms"][slug]
        )
        return join_blocks(
            f"# {md(guide.title)}",
            f"{md(guide.summary)}\n{{ .kb-summary }}",
            _meta(page, guide, files),
            *_translation_links(page),
            body,
            _sources(page, guide),
            _related(guide),
        )
    generated = page.meta.get("generated")
    if generated == "glossary":
        return join_blocks(markdown, _glossary_page(page))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _RELATED.replace(html, lambda _: _related_list(page, files))
