"""Validation of all guides and site data, before anything is rendered.

MkDocs events handled:

- ``on_pre_build`` (priority 100, before the other content hooks): parses every guide in both
  languages and the data files into the typed content model (``knowledgebase``). Input that
  cannot be processed (malformed YAML, a missing or unknown front matter field, a value of the
  wrong type, a heading without an id) raises ``PluginError`` naming the file and field.
  Cross-file problems (a missing translation, ids that differ between languages, a FAQ id used
  twice) are logged as errors, so the strict build fails and lists all of them at once.
  The other pages (``knowledgebase.pages``) are checked too: malformed front matter raises
  ``PluginError`` (MkDocs alone would publish it as text), a missing translation is logged.

- ``on_pre_build`` also checks that no symbolic link in ``docs/`` leads outside the repository
  or nowhere (MkDocs would publish its target).
- ``on_files``: no docs/ file may replace a theme file, write into another language's root,
  the 404 page or the sitemap, or publish the same URL as another docs/ file.
- ``on_page_content``: no id may be used twice in a page.

The parse is cached by file modification time (``cached_corpus``), so the second language pass
of static-i18n and unchanged ``mkdocs serve`` rebuilds reuse it. Problems are logged in the
default-language pass only, so each appears once.
"""

from __future__ import annotations

from pathlib import Path

from knowledgebase.corpus import cached_corpus
from knowledgebase.errors import ContentError
from knowledgebase.pages import page_problems
from knowledgebase.publishing import duplicate_ids, language_roots, link_problems, url_problems
from knowledgebase.site import data_dir, docs_dir, is_default_language, project_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("validation")


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    default = is_default_language(config)
    try:
        _, problems = cached_corpus(docs_dir(config), data_dir(config))
        if default:
            problems = [*problems, *page_problems(docs_dir(config))]
            problems += link_problems(docs_dir(config), project_dir(config))
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from exc
    if default:
        for problem in problems:
            log.error(problem)


# What the build writes itself, which no docs/ file may take the place of.
RESERVED = {
    "404.html": "the site's 404 page",
    "sitemap.xml": "the sitemap",
    "sitemap.xml.gz": "the sitemap",
}


def _theme_files(config: MkDocsConfig) -> set[str]:
    files = set()
    for folder in config.theme.dirs:
        root = Path(folder)
        files |= {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    return files


# After static-i18n (its on_files gives each file its per-language URL).
@event_priority(-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # A link out of the repository or to nothing (reported in on_pre_build) is never copied.
    project, docs = project_dir(config).resolve(), Path(config.docs_dir)
    for file in list(files):
        src = Path(file.abs_src_path) if file.abs_src_path else None
        if src is None or not src.is_relative_to(docs):
            continue  # the theme's files, generated files
        if not src.exists() or not src.resolve().is_relative_to(project):
            files.remove(file)
    if not is_default_language(config):
        return files  # the default pass sees every docs/ file of its language and the roots
    sources = {
        f"docs/{f.src_uri}": f.dest_uri
        for f in files
        if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)
    }
    reserved = {**RESERVED, **language_roots()}
    for problem in url_problems(sources, _theme_files(config), reserved):
        log.error(problem)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for problem in duplicate_ids(f"docs/{page.file.src_uri}", html):
        log.error(problem)
    return html
