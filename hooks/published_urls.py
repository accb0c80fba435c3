"""Published URLs: every page URL and explicit anchor the site has published keeps working.

Onboarding documents, slides and chat messages link to pages and sections of this site, and
nobody updates them when the site changes. ``data/published-urls.txt`` lists every URL ever
published; each must still resolve, directly, through a redirect (page moved) or through an
anchor alias (id renamed).

MkDocs events handled:

- ``on_config``: mkdocs-redirects resolves ``redirect_maps`` against the files as they are
  before static-i18n renames them, so ``'old.md': 'new.md'`` is "not found" and ``new.id.md``
  redirects to ``new.id/`` (mkdocs-redirects issue #33). Authors write language-neutral
  entries; this turns each into one entry per language whose target is the new page's absolute
  URL, which the plugin writes as it is. Entries with an absolute target are left alone, so the
  second language pass and ``mkdocs serve`` rebuilds change nothing. The short links in
  ``data/short-links.yml`` (``go/<alias>/``) join the map first, as ordinary redirects.
- ``on_pre_build``: replaces this pass's state and loads ``data/anchor-aliases.yml``; the
  default language's pass reports problems in ``data/short-links.yml``.
- ``on_page_markdown`` (last, after every hook that adds headings): records the page's URL and
  the explicit ``{ #id }`` of each heading, and checks that both are clean.
- ``on_page_context``: gives the template this page's anchor aliases (``kb_anchor_aliases``);
  ``kb.js`` sends a reader who arrives at ``#old-id`` on to ``#new-id``.
- ``on_post_build``: gives each redirect page the ``<html lang>`` of its URL (mkdocs-redirects
  writes ``en`` in every one, in every pass). Every manifest entry in this pass's language
  must resolve; each one that does not is logged as an error naming the URL and the fix, so
  the strict build fails. With ``extra.record_published_urls`` (set by ``make urls``), this
  language's new URLs are first appended to the manifest (never removed).

static-i18n runs the whole build once per language, so each pass checks its own language's
entries against its own pages and nothing is carried from one pass to the next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledgebase.corpus import cached_corpus
from knowledgebase.data import load_yaml
from knowledgebase.drafts import draft_slugs
from knowledgebase.errors import ContentError
from knowledgebase.published import (
    ALIASES,
    MANIFEST,
    Published,
    PublishedPage,
    alias_problems,
    clean_problems,
    entry_language,
    explicit_ids,
    format_manifest,
    language_redirects,
    order_problems,
    page_sources,
    parse_aliases,
    parse_manifest,
    redirect_in_language,
    redirected_pages,
    unresolved,
)
from knowledgebase.short_links import SHORT_LINKS, parse_short_links, short_redirects
from knowledgebase.site import (
    build_pass,
    current_language,
    data_dir,
    docs_dir,
    is_default_language,
    project_dir,
    records_published_urls,
    shows_drafts,
)
from knowledgebase.urls import neutral_src, src_url
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = get_plugin_logger("published-urls")
REDIRECTS_PLUGIN = "redirects"

_pass: dict[str, Any] = {}


def _redirect_maps(config: MkDocsConfig) -> dict[str, str]:
    plugin = config.plugins.get(REDIRECTS_PLUGIN)
    return plugin.config["redirect_maps"] if plugin is not None else {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get(REDIRECTS_PLUGIN)
    if plugin is not None:
        sources = page_sources(docs_dir(config))
        # Short links' problems are reported once, by the default language's on_pre_build.
        short, _ = _short_links(config, sources)
        maps, problems = language_redirects(
            {**short, **plugin.config["redirect_maps"]}, config.site_url or "", sources
        )
        plugin.config["redirect_maps"] = maps
        for problem in problems:
            log.error(problem)
    return config


def _short_links(config: MkDocsConfig, sources: set[str]) -> tuple[dict[str, str], list[str]]:
    path = data_dir(config) / SHORT_LINKS
    if not path.exists():
        return {}, []
    guides = sorted(
        s.removeprefix("guides/").removesuffix(".md")
        for s in sources
        if s.startswith("guides/") and s != "guides/index.md"
    )
    aliases, problems = parse_short_links(_display(config, SHORT_LINKS), load_yaml(path), guides)
    # A draft is not published, so neither is its short link (nor need it have one yet).
    drafts = _drafts(config)
    problems = [p for p in problems if not any(f"guide '{d}' has no short" in p for d in drafts)]
    aliases = {alias: slug for alias, slug in aliases.items() if slug not in drafts}
    return short_redirects(aliases), problems


def _drafts(config: MkDocsConfig) -> frozenset[str]:
    if shows_drafts(config):
        return frozenset()
    try:
        return draft_slugs(cached_corpus(docs_dir(config), data_dir(config))[0])
    except ContentError:
        return frozenset()  # hooks/validation.py reports it, with file and field


def _display(config: MkDocsConfig, name: str) -> str:
    return (data_dir(config) / name).relative_to(project_dir(config)).as_posix()


def on_pre_build(config: MkDocsConfig) -> None:
    path = data_dir(config) / ALIASES
    try:
        aliases = parse_aliases(_display(config, ALIASES), load_yaml(path)) if path.exists() else {}
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from exc
    if is_default_language(config):
        for problem in _short_links(config, page_sources(docs_dir(config)))[1]:
            log.error(problem)
    _pass.clear()
    _pass.update(pages={}, aliases=aliases, docs=docs_dir(config).relative_to(project_dir(config)))


# Last: every hook that adds headings (checklist, sources, generated pages) has run.
@event_priority(-50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ids = explicit_ids(markdown)
    if page.meta.get("generated") == "faq":
        # The hub's answer blocks (hooks/faq.py, after Markdown) carry each question's id too:
        # `faq/#faq-…` opens that answer there, and the hub's copy-link buttons offer it.
        ids += [faq.id for guide in build_pass(config).guides.values() for faq in guide.faqs]
    source = (_pass["docs"] / page.file.src_uri).as_posix()
    neutral = neutral_src(page.file.src_uri)
    _pass["pages"][page.url] = PublishedPage(source, neutral, frozenset(ids))
    for problem in clean_problems(source, page.url, ids):
        log.error(problem)
    return markdown


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    context["kb_anchor_aliases"] = _pass["aliases"].get(neutral_src(page.file.src_uri))
    return context


def _redirect_languages(config: MkDocsConfig) -> None:
    for old in _redirect_maps(config):
        path = Path(config.site_dir) / src_url(str(old)) / "index.html"
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            try:
                fixed = redirect_in_language(html, entry_language(src_url(str(old))))
            except ValueError as exc:
                raise PluginError(f"{path}: {exc}") from exc
            path.write_text(fixed, encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    _redirect_languages(config)
    lang = current_language(config)
    published = Published(
        pages=_pass["pages"],
        redirects=redirected_pages(_redirect_maps(config), config.site_url or ""),
        aliases=_pass["aliases"],
    )
    path, display = data_dir(config) / MANIFEST, _display(config, MANIFEST)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        entries = parse_manifest(display, text)
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from exc
    current = {e for e in published.current() if entry_language(e) == lang}
    new = current - set(entries)
    if records_published_urls(config):
        path.write_text(format_manifest([*entries, *new]), encoding="utf-8")
        log.info(f"{display}: recorded {len(new)} new '{lang}' URLs")
    else:
        if is_default_language(config):
            for problem in order_problems(display, entries):
                log.error(problem)
        if new:
            log.info(f"{display}: {len(new)} new '{lang}' URLs are not recorded: run `make urls`")
    mine = [e for e in entries if entry_language(e) == lang]
    problems = alias_problems(_display(config, ALIASES), published, is_default_language(config))
    for problem in problems + unresolved(display, mine, published):
        log.error(problem)
