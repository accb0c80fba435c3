"""Security: a Content-Security-Policy on every page, and a lint of the Markdown sources.

MkDocs events handled:

- ``on_startup``: notes whether this process is ``mkdocs serve``. Its live-reload script is
  inline and changes with every response, so pages served by ``make serve`` get
  ``script-src 'self' 'unsafe-inline'`` instead of hashes; built pages (``make build``, the
  deploy) never do. The flag is set once per process, from the command, never accumulated.
- ``on_pre_build``: lints every Markdown file under ``docs/`` (raw ``<script>`` or ``<iframe>``,
  inline event handlers, ``javascript:`` URLs; see ``knowledgebase.security.lint_markdown``)
  and logs each problem as an error naming the file and line, so the strict build fails.
  Logged in the default-language pass only, so each problem appears once.
- ``on_post_page`` / ``on_post_template``: inserts the Content-Security-Policy ``<meta>`` right
  after ``<meta charset>`` in every rendered page and in the static ``404.html``, with the
  SHA-256 hashes of that page's inline scripts. Runs last (priority -100), after every other
  hook or plugin has changed the HTML, so the hashes match what is published.
- ``on_post_build`` (last, priority -100): gives the policy to any HTML file in the site that
  was written without going through those events (a plugin's redirect pages, say), so every
  published page has one. Pages rendered by this build are skipped without being read.

Apart from that flag, the only state is the set of pages this build rendered, cleared in the
default-language ``on_pre_build`` that starts every build; each page's policy is computed from
the page itself.
"""

from __future__ import annotations

from pathlib import Path

from knowledgebase.escaping import html_text
from knowledgebase.security import CSP_META_START, add_csp_meta, lint_docs
from knowledgebase.site import docs_dir, is_default_language, project_dir
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("security")
_process = {"serving": False}
# Output files of the pages this build rendered (they got the policy in on_post_page), so
# on_post_build reads only the HTML that other plugins wrote. Reset when a build starts.
_rendered: set[Path] = set()


def on_startup(command: str, dirty: bool) -> None:
    _process["serving"] = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_default_language(config):
        return
    # A build starts with the default-language pass; static-i18n's other passes add to it.
    _rendered.clear()
    for problem in lint_docs(docs_dir(config), project_dir(config)):
        log.error(problem)


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


def _with_policy(html: str, where: str) -> str:
    try:
        return add_csp_meta(html, allow_inline_scripts=_process["serving"])
    except ValueError as exc:
        raise PluginError(f"Content-Security-Policy for {where}: {exc}") from exc


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _rendered.add(Path(page.file.abs_dest_path))
    return _with_policy(output, f"docs/{page.file.src_uri}")


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    return _with_policy(output_content, f"template {template_name}")


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for path in sorted(site.rglob("*.html")):
        if path in _rendered:
            continue  # written by on_post_page, policy included; no need to read it again
        html = path.read_text(encoding="utf-8")
        if CSP_META_START not in html:
            where = path.relative_to(site).as_posix()
            path.write_text(_with_policy(html, f"site file {where}"), encoding="utf-8")
