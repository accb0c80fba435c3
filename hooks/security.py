"""Security: a Content-Security-Policy on every page that admits only the theme's own inline
scripts, a safety check of every built HTML file, and a lint of the Markdown sources.

MkDocs events handled:

- ``on_startup``: notes whether this process is ``mkdocs serve``. Its live-reload script is
  inline and changes with every response, so pages served by ``make serve`` get
  ``script-src 'self' 'unsafe-inline'`` instead of hashes; built pages (``make build``, the
  deploy) never do. The flag is set once per process, from the command, never accumulated.
- ``on_pre_build``: lints every Markdown file under ``docs/`` (see
  ``knowledgebase.security.lint_markdown``) and logs each problem as an error naming the file
  and line, so the strict build fails. Logged in the default-language pass only.
- ``on_files``: notes which HTML files are copied from ``docs/``, to name them in problems.
- ``on_page_markdown`` (last): a page's title, description and summary become escaped text.
- ``on_page_context`` / ``on_template_context`` (last): renders Material's script partials
  (``knowledgebase.security.TEMPLATE_SCRIPT_PARTIALS``) with the page's own context: those
  scripts, and no others, may run on that page.
- ``on_post_page`` / ``on_post_template`` (last): inserts the policy right after
  ``<meta charset>``, with the hashes of the page's inline scripts that its templates wrote.
- ``on_post_build`` (last): reads every HTML file of the pass's site folder, whatever wrote it
  (pages, ``404.html``, raw ``.html`` copied from ``docs/``, plugins), gives the policy to those
  without one and logs an error for each inline script the templates did not write, each
  ``<meta http-equiv=refresh>``, ``<base>``, ``on*=`` handler and ``javascript:`` URL, naming
  the source. The one exception: the redirect pages mkdocs-redirects writes for the entries of
  ``redirect_maps`` (their path and their exact text), which need a meta refresh and a script.

State: the serving flag (per process) and ``_build`` (per build, reset by the default-language
``on_pre_build`` that starts every build; static-i18n's other passes add to it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from knowledgebase.data import LANGUAGES
from knowledgebase.errors import ContentError
from knowledgebase.escaping import html_text
from knowledgebase.published import REDIRECT_LANG
from knowledgebase.security import (
    CSP_META_START,
    add_csp_meta,
    inline_scripts,
    lint_docs,
    template_scripts,
    unsafe_markup,
)
from knowledgebase.site import docs_dir, project_dir
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = get_plugin_logger("security")
_process: dict[str, Any] = {"serving": False, "depth": 0}
REDIRECTS_PLUGIN = "redirects"


def _new_build() -> dict[str, Any]:
    return {
        # Output file -> the inline scripts its templates wrote (rendered pages and templates).
        "allowed": {},
        # Output file -> the page or template that rendered it.
        "sources": {},
        # Output file -> the docs/ file it was copied from.
        "copied": {},
        # Files already checked by an earlier pass of this build.
        "checked": set(),
        # base_url -> template scripts, for the current pass (the partials depend on nothing else).
        "scripts": {},
    }


_build: dict[str, Any] = _new_build()


def on_startup(command: str, dirty: bool) -> None:
    _process["serving"] = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    # static-i18n runs the other languages' passes inside the first pass's post-build, and the
    # first pass is whatever language the config was left in (a rebuild reusing the config
    # starts in English): state is reset by the outermost pass, not by a language.
    _process["depth"] += 1
    if _process["depth"] == 1:
        _build.clear()
        _build.update(_new_build(), site=Path(config.site_dir))
        try:
            problems = lint_docs(docs_dir(config), project_dir(config))
        except ContentError as exc:
            raise PluginError(f"Content error: {exc}") from exc
        for problem in problems:
            log.error(problem)
    _build["scripts"] = {}


@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        suffix = Path(file.src_uri).suffix.lower()
        if suffix in DOCUMENT_SUFFIXES and not file.is_documentation_page():
            _build["copied"][Path(file.abs_dest_path)] = f"docs/{file.src_uri}"
    return files


# Front-matter fields that Material's templates print without escaping (<title>, the header, the
# nav, breadcrumbs) and overrides/main.html prints in attributes.
TEXT_META = ("title", "description", "summary")


@event_priority(-100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Titles and summaries are text: each becomes ``Markup`` holding the escaped text, so a
    template that prints it raw shows it as written and ``|e`` does not escape it twice.
    Last, after the hooks that set a generated page's title (hooks/hub.py)."""
    for name in TEXT_META:
        value = page.meta.get(name)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[name] = html_text(value)
    return markdown


def _template_scripts(context: dict[str, Any], config: MkDocsConfig) -> frozenset[str]:
    key = str(context.get("base_url"))
    if key not in _build["scripts"]:
        env = config.theme.get_env()
        # base.html sets "features" before it includes the partials; so does this.
        values = {**context, "features": config.theme.get("features") or []}
        try:
            scripts = template_scripts(lambda name: env.get_template(name).render(values))
        except ValueError as exc:
            raise PluginError(f"Content-Security-Policy: {exc}") from exc
        _build["scripts"][key] = scripts
    return _build["scripts"][key]


@event_priority(-100)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    _build["allowed"][Path(page.file.abs_dest_path)] = _template_scripts(context, config)
    return context


@event_priority(-100)
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    if template_name.endswith(".html"):
        path = Path(config.site_dir) / template_name
        _build["allowed"][path] = _template_scripts(context, config)
    return context


def _with_policy(html: str, where: str, allowed: frozenset[str] | None) -> str:
    try:
        return add_csp_meta(html, allow_inline_scripts=_process["serving"], allowed=allowed)
    except ValueError as exc:
        raise PluginError(f"Content-Security-Policy for {where}: {exc}") from exc


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    path = Path(page.file.abs_dest_path)
    _build["sources"][path] = f"docs/{page.file.src_uri}"
    return _with_policy(
        output, f"docs/{page.file.src_uri}", _build["allowed"].get(path, frozenset())
    )


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    path = Path(config.site_dir) / template_name
    _build["sources"][path] = f"template {template_name}"
    return _with_policy(
        output_content, f"template {template_name}", _build["allowed"].get(path, frozenset())
    )


# Files a browser opens as a document that can run script: all are checked; the HTML ones
# also get the policy (an SVG or XHTML file cannot carry a <meta> policy, so it must be clean).
DOCUMENT_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".svg", ".shtml"})
POLICY_SUFFIXES = frozenset({".html", ".htm"})


def _redirect_pattern() -> re.Pattern[str] | None:
    """mkdocs-redirects' page, exactly, with one URL free of quotes, brackets and spaces.
    None without the plugin. tests/test_security.py builds a redirect to catch a change."""
    try:
        from mkdocs_redirects.plugin import HTML_TEMPLATE
    except ImportError:
        return None
    first, second, *rest = (re.escape(part) for part in HTML_TEMPLATE.split("{url}"))
    # hooks/published_urls.py gives each page its URL's language (the plugin writes "en").
    lang = re.escape(REDIRECT_LANG)
    if lang not in first:
        raise PluginError(f"hooks/security.py: mkdocs-redirects' page lacks {REDIRECT_LANG}")
    first = first.replace(lang, r'<html\ lang="(?:' + "|".join(LANGUAGES) + r')">', 1)
    url = r"(?P<url>[^\"'<>\s\\]+)"
    return re.compile(first + url + second + "".join(r"(?P=url)" + part for part in rest))


def _redirect_pages(config: MkDocsConfig) -> set[Path]:
    """The files mkdocs-redirects writes in this pass: one per ``redirect_maps`` entry."""
    plugin = config.plugins.get(REDIRECTS_PLUGIN)
    if plugin is None:
        return set()
    from mkdocs_redirects.plugin import get_html_path

    site = Path(config.site_dir)
    return {
        site / get_html_path(old, config.use_directory_urls)
        for old in plugin.config["redirect_maps"]
    }


def _source(path: Path, site: Path) -> str:
    """What to name in a problem with the built file ``path``: its source where known."""
    known = _build["sources"].get(path) or _build["copied"].get(path)
    return known or "a plugin (no source in docs/)"


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        _check_site(config)
    finally:
        _process["depth"] -= 1


def on_build_error(error: Exception) -> None:
    _process["depth"] = 0  # a failed build ends every pass it was in


def _check_site(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    redirects, pattern = _redirect_pages(config), _redirect_pattern()
    for path in sorted(p for p in site.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES):
        if path in _build["checked"]:
            continue
        _build["checked"].add(path)
        html = path.read_text(encoding="utf-8")
        where = _source(path, site)
        match = pattern.fullmatch(html) if pattern and path in redirects else None
        if match is not None and not match.group("url").lower().startswith("javascript:"):
            # The build's own redirect page: its script and meta refresh are the redirect.
            if CSP_META_START not in html:
                html = _with_policy(html, where, frozenset(inline_scripts(html)))
                path.write_text(html, encoding="utf-8")
            continue
        allowed = _build["allowed"].get(path, frozenset())
        if path.suffix.lower() in POLICY_SUFFIXES and CSP_META_START not in html:
            html = _with_policy(html, where, allowed)
            path.write_text(html, encoding="utf-8")
        built = path.relative_to(_build["site"]).as_posix()
        for problem in unsafe_markup(where, f"site/{built}", html, allowed):
            log.error(problem)
