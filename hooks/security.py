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
  published page has one.

Apart from that flag no state is kept: each page's policy is computed from the page itself.
"""

from __future__ import annotations

from pathlib import Path

from knowledgebase.security import CSP_META_START, add_csp_meta, lint_docs
from knowledgebase.site import docs_dir, is_default_language, project_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger("security")
_process = {"serving": False}


def on_startup(command: str, dirty: bool) -> None:
    _process["serving"] = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_default_language(config):
        return
    for problem in lint_docs(docs_dir(config), project_dir(config)):
        log.error(problem)


def _with_policy(html: str, where: str) -> str:
    try:
        return add_csp_meta(html, allow_inline_scripts=_process["serving"])
    except ValueError as exc:
        raise PluginError(f"Content-Security-Policy for {where}: {exc}") from exc


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
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
        html = path.read_text(encoding="utf-8")
        if CSP_META_START not in html:
            where = path.relative_to(site).as_posix()
            path.write_text(_with_policy(html, f"site file {where}"), encoding="utf-8")
