"""Copy-link controls written into guide headings while Markdown renders them.

A Python-Markdown tree processor that runs after ``toc`` (which gives each heading its id and
permalink): on a page that asks for it, every top-level ``h1`` and every ``h2``/``h3`` with an id
(sections, the checklist, the FAQ and each question) gets one small button at the end of the
heading, in place of the ``¶`` permalink. The button is in the HTML from the start, so nothing
moves when the page's script runs (Lighthouse's layout-shift score stays 0); ``kb.js`` makes it
open a menu that copies the absolute URL with the ``#id`` in this or the other language.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

# Runs after toc (5), which adds the ids and the permalinks this replaces.
PRIORITY = 4
HEADINGS = ("h1", "h2", "h3")
# Reader views (Firefox's reader mode is Mozilla Readability) drop an h1 or h2 whose id looks
# like page furniture ("related-guides", "track-shared-projects": "related", "share"), leaving
# its section without a title. Published ids cannot change; a class that reads as content
# ("content" is on Readability's positive list) outweighs the id, so the heading stays.
READER_KEPT = ("h1", "h2")
READER_CLASS = "kb-content"


@dataclass
class ShareHeadings:
    """What one page's headings get: the button's accessible name (``{target}`` is replaced by
    the heading's text) and the ids of headings left alone (sources, related guides)."""

    label: str
    skip: frozenset[str] = field(default_factory=frozenset)


def heading_text(heading: etree.Element, md: Markdown) -> str:
    """The heading as plain text, as a reader hears it (markup and the permalink removed)."""
    copy = etree.Element(heading.tag)
    copy.text = heading.text
    copy.extend(child for child in heading if "headerlink" not in child.get("class", ""))
    return html.unescape(strip_tags(render_inner_html(copy, md)))


def _glue(heading: etree.Element) -> etree.Element:
    """A ``kb-nowrap`` span at the end of ``heading`` holding its last word, for the button to
    go in: a phone would otherwise wrap the icon alone onto a line under a long title."""
    glue = etree.Element("span", {"class": "kb-nowrap"})
    children = list(heading)
    text = (children[-1].tail if children else heading.text) or ""
    head, space, word = text.rstrip().rpartition(" ")
    if word:
        if children:
            children[-1].tail = head + space
        else:
            heading.text = head + space
        glue.text = word
    elif children:  # ends in markup (``code``, emphasis): keep that element with the button
        heading.remove(children[-1])
        children[-1].tail = None
        glue.append(children[-1])
    heading.append(glue)
    return glue


def add_controls(root: etree.Element, md: Markdown, share: ShareHeadings) -> int:
    """Give each heading of ``root`` its copy-link button (and the class that keeps it in reader
    views); returns how many buttons were added."""
    added = 0
    for heading in root:
        if heading.tag in READER_KEPT:
            classes = heading.get("class", "").split()
            heading.set("class", " ".join([*classes, READER_CLASS]))
        if heading.tag not in HEADINGS or heading.get("id") in share.skip:
            continue
        if heading.tag != "h1" and not heading.get("id"):
            continue
        for child in list(heading):
            if "headerlink" in child.get("class", ""):
                heading.remove(child)
        target = heading_text(heading, md)
        button = etree.SubElement(_glue(heading), "button")
        button.set("type", "button")
        button.set("class", "kb-share")
        button.set("data-kb-share", "" if heading.tag == "h1" else "#" + heading.get("id", ""))
        button.set("aria-label", share.label.replace("{target}", target))
        button.set("aria-haspopup", "menu")
        button.set("aria-expanded", "false")
        added += 1
    return added


class _Processor(Treeprocessor):
    def __init__(self, md: Markdown, extension: ShareExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.current is not None:
            add_controls(root, self.md, self.extension.current)


class ShareExtension(Extension):
    """Set ``current`` before a page renders (None: leave its headings alone)."""

    def __init__(self) -> None:
        super().__init__()
        self.current: ShareHeadings | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Processor(md, self), "kb_share", PRIORITY)
