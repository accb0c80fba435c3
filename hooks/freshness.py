"""Translation freshness (``knowledgebase.freshness``) on English guide pages.

MkDocs event handled:

- ``on_page_markdown`` (English pass): compares the ``translated:`` hashes in the English
  guide's front matter with its Indonesian file's sections. Each stale section gets a notice
  under its heading, linking to the Indonesian section, and is listed in the build log (info,
  so a stale translation never fails a build) and, when ``KB_FRESHNESS_REPORT`` names a file
  (CI), in that report.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from knowledgebase.data import LANGUAGES
from knowledgebase.errors import ContentError
from knowledgebase.freshness import FIELD, section_hashes, stale_sections
from knowledgebase.site import current_language, guide_slug
from knowledgebase.source_text import read_source
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("freshness")
REPORT = "KB_FRESHNESS_REPORT"
NOTICE = (
    '\n!!! warning "Translation may be out of date"\n\n'
    "    The Indonesian original of this section changed on {day}; this translation may be out "
    'of date. <a href="{href}" hreflang="id" lang="id">Bagian aslinya dalam bahasa Indonesia</a>\n'
)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    slug = guide_slug(page.file.src_uri)
    if slug is None or current_language(config) == LANGUAGES[0] or not page.file.abs_src_path:
        return markdown
    source = Path(page.file.abs_src_path).with_name(f"{slug}.{LANGUAGES[0]}.md")
    if not source.is_file():
        return markdown
    try:
        text = read_source(source, f"docs/{Path(page.file.src_uri).with_name(source.name)}")
    except ContentError:
        return markdown  # the Indonesian page's own build reports it, with file and line
    current = section_hashes(source.name, text)
    stale = stale_sections(page.meta.get(FIELD), current)
    if not stale:
        return markdown
    day = date.fromtimestamp(source.stat().st_mtime).isoformat()
    for section in stale:
        notice = NOTICE.format(day=day, href=f"../../../guides/{slug}/#{section}")
        heading = re.compile(rf"^#{{2,6}} .*\{{[^}}]*#{re.escape(section)}\b[^}}]*\}}[ \t]*$", re.M)
        markdown = heading.sub(lambda m, notice=notice: f"{m[0]}\n{notice}", markdown)
        message = (
            f"docs/{page.file.src_uri}: section '{section}' may be stale: docs/guides/{source.name}"
            f" changed it; update the translation, then run `make translated SLUG={slug}`"
        )
        log.info(message)
        if os.environ.get(REPORT):
            with open(os.environ[REPORT], "a", encoding="utf-8") as report:
                report.write(message + "\n")
    return markdown
