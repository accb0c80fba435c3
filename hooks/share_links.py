"""Sharing links: copy-link controls on guides and the link directory page.

HR staff paste links to guides, sections, FAQ answers and checklists into onboarding material.

MkDocs events handled:

- ``on_pre_build``: takes this pass's guides, UI text and a Jinja environment over the theme
  (per-pass state is replaced, so static-i18n's second pass and ``mkdocs serve`` rebuilds start
  clean).
- ``on_page_markdown``: on the page whose front matter says ``generated: links``, appends for
  every guide a heading (``{ #<slug> }``, as on the FAQ and Checklists pages) and the absolute
  URL of the guide, its checklist and each FAQ question in every language, rendered from
  ``overrides/partials/kb-link-directory.html``.
- ``on_config``: adds the Markdown extension (``knowledgebase.share``) that writes one
  copy-link button into each guide heading while the page renders, so the control is in the
  HTML from the start and nothing shifts when the script runs. It is added once: static-i18n
  runs ``on_config`` again for its second language.
- ``on_page_markdown`` (also): tells that extension whether this page's headings get buttons
  (guides: every heading except Sources and Related guides).
- ``on_page_context``: puts ``kb_share`` into the context: the page's absolute URL, the same
  page's URL in each other language where that page exists (ids are identical in both), and
  whether its headings have copy-link controls (guides do). ``overrides/partials/kb-links.html``
  hands this to ``kb.js`` as data attributes, with the menu the buttons open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledgebase.checklists import join_blocks
from knowledgebase.data import LANGUAGES, load_yaml
from knowledgebase.link_directory import guide_entries, qr_codes
from knowledgebase.qr import qr_svg
from knowledgebase.share import ShareExtension, ShareHeadings
from knowledgebase.short_links import SHORT_LINKS, parse_short_links, short_paths
from knowledgebase.site import build_pass, data_dir, guide_slug
from knowledgebase.urls import neutral_src, page_url_in, relative_url
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_pass: dict[str, Any] = {}
# Headings that get no copy-link control: lists of links to elsewhere, not places to link to.
NO_CONTROL = frozenset({"sources", "related-guides"})


def _extension(config: MkDocsConfig) -> ShareExtension:
    for ext in config.markdown_extensions:
        if isinstance(ext, ShareExtension):
            return ext
    raise PluginError("hooks/share_links.py: its Markdown extension is not registered")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, ShareExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(ShareExtension())
    return config


def _short_paths(config: MkDocsConfig, guides: list[str]) -> dict[str, str]:
    """Guide slug -> its short link; hooks/published_urls.py reports problems in the file."""
    path = data_dir(config) / SHORT_LINKS
    data = load_yaml(path) if path.exists() else None
    return short_paths(parse_short_links(SHORT_LINKS, data, guides)[0])


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    _pass.clear()
    _pass.update(
        build=build,
        short=_short_paths(config, list(build.corpus.guides)),
        site_name=config.site_name,
        env=config.theme.get_env(),
        site_url=config.site_url or "/",
        docs_dir=Path(config.docs_dir),
    )


def _directory_group(slug: str, page_url: str) -> str:
    build = _pass["build"]
    by_lang = build.corpus.guides[slug]
    template = _pass["env"].get_template("partials/kb-link-directory.html")
    html = template.render(
        slug=slug,
        reviewed=by_lang[build.lang].reviewed.isoformat(),
        entries=guide_entries(by_lang, build.lang, _pass["short"].get(slug)),
        ui=build.ui,
        ui_all=build.texts,
        site_url=_pass["site_url"],
        base=relative_url("", page_url),
    )
    return join_blocks(f"## {by_lang[build.lang].title} {{ #{slug} }}", _block(html))


def _block(html: str) -> str:
    # A blank line would end the raw HTML block in Markdown.
    return "\n".join(line for line in html.splitlines() if line.strip())


def _pack_tools() -> str:
    build = _pass["build"]
    template = _pass["env"].get_template("partials/kb-pack-tools.html")
    return _block(template.render(ui=build.ui, lang=build.lang, site_name=_pass["site_name"]))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ui = _pass["build"].ui
    _extension(config).current = (
        ShareHeadings(label=ui["share_menu_label"], skip=NO_CONTROL)
        if guide_slug(page.file.src_uri) is not None
        else None
    )
    if page.meta.get("generated") != "links":
        return markdown
    groups = (_directory_group(slug, page.url) for slug in _pass["build"].corpus.guides)
    return join_blocks(markdown, _pack_tools(), *groups)


def _other_versions(page: Page) -> list[dict[str, str]]:
    lang, texts = _pass["build"].lang, _pass["build"].texts
    stem = neutral_src(page.file.src_uri).removesuffix(".md")
    versions = []
    for other in LANGUAGES:
        if other != lang and (_pass["docs_dir"] / f"{stem}.{other}.md").is_file():
            url = _pass["site_url"] + page_url_in(page.url, lang, other)
            versions.append({"lang": other, "name": texts[other]["lang_name"], "url": url})
    return versions


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    context["kb_share"] = {
        "url": page.canonical_url,
        "others": _other_versions(page),
        "headings": guide_slug(page.file.src_uri) is not None,
        # Guides' headings and the FAQ hub's answers carry copy-link buttons that open the menu.
        "menu": guide_slug(page.file.src_uri) is not None or page.meta.get("generated") == "faq",
    }
    # The pack builder's script loads on the link directory only, after kb-hub.js, whose
    # matching its filter shares.
    context["kb_pack_scripts"] = (
        ["assets/javascripts/kb-hub.js", "assets/javascripts/kb-pack.js"]
        if page.meta.get("generated") == "links"
        else []
    )
    return context


def on_post_build(config: MkDocsConfig) -> None:
    build = _pass["build"]
    # static-i18n keeps site_dir at the site root in every pass; the paths carry the language.
    for qr, url in qr_codes(build.corpus.guides, build.lang).items():
        path = Path(config.site_dir) / qr
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(qr_svg(_pass["site_url"] + url), encoding="utf-8")
