"""The reader's ways in: the help-centre home, the guides index by topic, a page per tag, and
each guide's reviewed date in the sitemap.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides and UI text, ``data/topics.yml`` (groups of guides)
  and ``data/home.yml`` (the home page's questions); per-pass state is replaced, so
  static-i18n's second pass and ``mkdocs serve`` rebuilds start clean.
- ``on_files``: checks the tag pages (``docs/tags/<tag>.<lang>.md``): each names a tag of
  ``data/tags.yml`` and every tag a guide uses has one; problems are logged as errors.
- ``on_page_markdown``: on the page with ``generated: home``, inserts before its first ``##``
  heading a search entry (placeholder), the topics, the Start-here path, the guides as grid
  cards per topic and the configured questions with the first sentence of each answer; on
  ``generated: guides-index``, appends links to the topics, the guides per topic (a guide in
  each topic that lists it) and the tags; on a tag page, sets the title and description and
  appends the guides with that tag; on a guide, sets ``page.update_date`` (the sitemap's
  ``lastmod``) to its ``reviewed`` date (on a tag page, to the latest of its guides').
- ``on_page_content``: replaces the search-entry placeholder with
  ``overrides/partials/kb-home-search.html``.
- ``on_page_context``: ``kb_hub_script`` tells ``overrides/main.html`` to load ``kb-hub.js``
  (search entry, FAQ filter) on the pages that need it.

Links between pages are language-neutral Markdown links, which static-i18n resolves to the same
language and MkDocs validates; the link texts are the titles and headings they lead to.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from knowledgebase.checklists import join_blocks
from knowledgebase.data import load_yaml
from knowledgebase.errors import ContentError
from knowledgebase.escaping import html_text, markdown_text
from knowledgebase.hub import (
    HOME_FILE,
    TAG_FOLDER,
    TOPICS_FILE,
    find_faqs,
    first_sentence,
    guides_by_tag,
    parse_home,
    parse_topics,
    tag_of,
    tag_page_problems,
    topic_problems,
)
from knowledgebase.markdown_text import split_front_matter
from knowledgebase.placeholders import Placeholders
from knowledgebase.site import build_pass, data_dir, guide_slug, is_default_language
from knowledgebase.source_text import read_source
from knowledgebase.urls import doc_link
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = get_plugin_logger("hub")
_pass: dict[str, Any] = {}
_SEARCH = Placeholders("home-search")
HUB_SCRIPT = "assets/javascripts/kb-hub.js"


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    folder = data_dir(config)
    try:
        topics = parse_topics(str(folder / TOPICS_FILE), load_yaml(folder / TOPICS_FILE))
        # A draft may already sit in its topic; the published pages leave it out until then.
        topics = tuple(
            replace(t, guides=tuple(g for g in t.guides if g not in build.drafts)) for t in topics
        )
        questions = parse_home(str(folder / HOME_FILE), load_yaml(folder / HOME_FILE))
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from exc
    _pass.clear()
    _pass.update(
        build=build,
        topics=topics,
        questions=questions,
        env=config.theme.get_env(),
        docs_dir=Path(config.docs_dir),
        default=is_default_language(config),
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _pass["build"]
    pages = {tag for f in files.documentation_pages() if (tag := tag_of(f.src_uri))}
    used = {tag for guide in build.guides.values() for tag in guide.tags}
    if _pass["default"]:
        for problem in tag_page_problems(pages, used, build.corpus.tags):
            log.error(problem)
    _pass["tag_pages"] = pages
    return files


def _ui(key: str, **values: Any) -> str:
    text = _pass["build"].ui[key]
    return text.format(**values) if values else text


def _front_matter(page: Page, neutral: str) -> dict[str, Any]:
    """Front matter of another page of this language (``start-here.md`` -> its title...)."""
    lang = _pass["build"].lang
    rel = f"{neutral.removesuffix('.md')}.{lang}.md"
    path = _pass["docs_dir"] / rel
    if not path.is_file():
        raise PluginError(
            f"docs/{page.file.src_uri} links to docs/{rel}, which does not exist; "
            "the generated home and tag pages need it"
        )
    meta = split_front_matter(str(path), read_source(path, f"docs/{rel}"))[0]
    for name in ("title", "description"):
        if not isinstance(meta.get(name), str):
            raise PluginError(f"docs/{rel}: '{name}' is needed (the home page shows it)")
    return meta


def _cards(items: list[tuple[str, str, str]]) -> str:
    """Material grid cards (attr_list + md_in_html): a linked title and one sentence each."""
    # Titles and sentences are text from front matter and data/: escaped, never markup.
    cards = [
        f"-   **[{markdown_text(title)}]({link})**\n\n    {markdown_text(text)}"
        for title, link, text in items
    ]
    return join_blocks('<div class="grid cards" markdown>', *cards, "</div>")


def _topic_nav() -> str:
    """The topics as a row of links to their sections on the page (home, guides index)."""
    lang = _pass["build"].lang
    topics = [
        f"- [{markdown_text(t.label[lang])}](#{t.anchor})" for t in _pass["topics"] if t.guides
    ]
    return join_blocks(
        f'<nav class="kb-topics" aria-label="{html_text(_ui("home_topics"))}" markdown>',
        "\n".join(topics),
        "</nav>",
    )


def _topic_problems(page: Page) -> None:
    source = f"data/{TOPICS_FILE} (used by docs/{page.file.src_uri})"
    for problem in topic_problems(source, _pass["topics"], _pass["build"].guides):
        log.error(problem)


def _home(markdown: str, page: Page) -> str:
    build, src = _pass["build"], page.file.src_uri
    lang = build.lang
    _topic_problems(page)
    nav = _topic_nav()
    start = []
    for neutral in ("start-here.md", "guides/index.md"):
        meta = _front_matter(page, neutral)
        start.append((meta["title"], doc_link(src, neutral), first_sentence(meta["description"])))
    blocks = [
        _SEARCH.mark(),
        nav,
        f"## {markdown_text(_ui('home_start_heading'))} {{ #where-to-start data-search-exclude }}",
        _cards(start),
        f"## {markdown_text(_ui('home_guides_heading'))} {{ #guides data-search-exclude }}",
    ]
    for topic in _pass["topics"]:
        cards = [
            (g.title, doc_link(src, f"guides/{g.slug}.md"), first_sentence(g.summary))
            for g in (build.guides[s] for s in topic.guides if s in build.guides)
        ]
        if cards:
            label = markdown_text(topic.label[lang])
            heading = f"### {label} {{ #{topic.anchor} data-search-exclude }}"
            blocks += [heading, _cards(cards)]
    found, problems = find_faqs(f"data/{HOME_FILE}", _pass["questions"], build.guides)
    for problem in problems:
        log.error(problem)
    questions = [
        (
            faq.question_text,
            doc_link(src, f"guides/{guide.slug}.md") + f"#{faq.id}",
            first_sentence(faq.answer_text),
        )
        for guide, faq in found
    ]
    faq_title = _front_matter(page, "faq.md")["title"]
    blocks += [
        f"## {markdown_text(_ui('home_questions_heading'))} "
        "{ #popular-questions data-search-exclude }",
        _cards(questions),
        f"{markdown_text(_ui('home_questions_more'))} "
        f"[{markdown_text(faq_title)}]({doc_link(src, 'faq.md')}).",
    ]
    # The reader's ways in come first; the page's own text (what the site is, how to search,
    # other pages) follows from its first "##" heading on.
    head, sep, rest = markdown.partition("\n## ")
    return join_blocks(head, *blocks, f"## {rest}" if sep else "")


def _guides_index(page: Page) -> str:
    """The guides in each topic that lists them, then every tag with a page."""
    build, src = _pass["build"], page.file.src_uri
    lang, ui = build.lang, build.ui
    _topic_problems(page)
    blocks = [_topic_nav()]
    for topic in _pass["topics"]:
        items = []
        for g in (build.guides[s] for s in topic.guides if s in build.guides):
            counts = f"{len(g.faqs)} {ui['guides_index_questions']}, {len(g.checklist)} "
            title, summary = markdown_text(g.title), markdown_text(g.summary)
            items.append(
                f"- **[{title}]({doc_link(src, f'guides/{g.slug}.md')})**: {summary} "
                f"({markdown_text(counts + ui['guides_index_checklist'])})"
            )
        if items:
            label = markdown_text(topic.label[lang])
            heading = f"## {label} {{ #{topic.anchor} data-search-exclude }}"
            blocks.append(join_blocks(heading, "\n".join(items)))
    tagged = guides_by_tag(build.guides.values())
    tags = [
        f"[{markdown_text(labels[lang])}]({doc_link(src, f'{TAG_FOLDER}/{tag}.md')})"
        f" ({len(tagged[tag])})"
        for tag, labels in build.corpus.tags.items()
        if tag in tagged and tag in _pass["tag_pages"]
    ]
    if tags:
        heading = f"## {markdown_text(ui['tags_heading'])} {{ #tags data-search-exclude }}"
        blocks.append(join_blocks(heading, " · ".join(tags)))
    return join_blocks(*blocks)


def _tag_page(markdown: str, page: Page, tag: str) -> str:
    build, src = _pass["build"], page.file.src_uri
    label = build.corpus.tags.get(tag, {}).get(build.lang, tag)
    guides = guides_by_tag(build.guides.values()).get(tag, [])
    page.meta["title"] = _ui("tag_page_title", tag=label)
    description = f"{_ui('tag_page_intro', tag=label)} " + "; ".join(g.title for g in guides)
    if len(guides) == 1:
        # One title alone is too short a preview for a pasted link: say what the guide is about.
        description += f". {first_sentence(guides[0].summary)}"
    page.meta.setdefault("description", description)
    # The list repeats the guides' summaries: a search for them must land on the guides.
    page.meta["search"] = {"exclude": True}
    if guides:
        # All of the page comes from its guides: it changed when the latest of them did.
        page.update_date = max(g.reviewed for g in guides).isoformat()
    items = [
        f"- **[{markdown_text(g.title)}]({doc_link(src, f'guides/{g.slug}.md')})**: "
        f"{markdown_text(first_sentence(g.summary))}"
        for g in guides
    ]
    index = markdown_text(_front_matter(page, "guides/index.md")["title"])
    return join_blocks(
        markdown,
        markdown_text(_ui("tag_page_intro", tag=label)),
        "\n".join(items),
        f"[{index}]({doc_link(src, 'guides/index.md')})",
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    slug = guide_slug(page.file.src_uri)
    guide = _pass["build"].guides.get(slug) if slug else None
    if guide is not None:
        # The sitemap's lastmod: when the advice was last checked, not when the site was built.
        page.update_date = guide.reviewed.isoformat()
        return markdown
    generated = page.meta.get("generated")
    if generated == "home":
        return _home(markdown, page)
    if generated == "guides-index":
        return join_blocks(markdown, _guides_index(page))
    tag = tag_of(page.file.src_uri)
    if generated == "tag" and tag is not None:
        return _tag_page(markdown, page, tag)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    template = _pass["env"].get_template("partials/kb-home-search.html")
    return _SEARCH.replace(html, lambda _: template.render(ui=_pass["build"].ui))


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    needs_script = page.meta.get("generated") in ("home", "faq")
    context["kb_hub_script"] = HUB_SCRIPT if needs_script else None
    return context
