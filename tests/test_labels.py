"""Link labels say where they lead: on the Start-here page, in both languages, every link's text
equals the title of the page it opens (or the heading of the section, for a link to #id). A
reader who taps "Menjaga jejaring tetap hidup" lands on a page with that name, not on a guide
that calls itself something else. (The home page is generated elsewhere and tested there.)"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from support import parse_html

PAGES = ("start-here/", "en/start-here/")


def visible_text(element: Tag) -> str:
    """An element's text as a reader sees it: permalink marks and buttons left out, spaces
    collapsed."""
    element = copy.copy(element)
    for extra in element.select("a.headerlink, button"):
        extra.decompose()
    return " ".join(element.get_text(" ").split())


def label_mismatches(html: Callable[[str], BeautifulSoup], page: str) -> list[str]:
    """For each content link of ``page`` (a URL path relative to the site root), a message
    when its label differs from the target's title or heading, or the target is missing."""
    article = html(page).select_one("article")
    assert article is not None, f"{page}: no <article>"
    problems = []
    links = [a for a in article.select("a[href]") if "headerlink" not in a.get("class", [])]
    if not links:
        problems.append(f"{page}: no links in the content")
    for link in links:
        href = str(link["href"])
        parts = urlsplit(href)
        label = visible_text(link)
        if parts.scheme or parts.netloc:
            problems.append(f"{page}: {label!r} leaves the site ({href})")
            continue
        target = page
        if parts.path:
            target = posixpath.normpath(posixpath.join(page, parts.path)) + "/"
        soup = html(target)
        element = soup.find(id=parts.fragment) if parts.fragment else soup.select_one("article h1")
        if element is None:
            problems.append(f"{page}: {label!r} -> {href}: target title or #id not found")
            continue
        title = visible_text(element)
        if label != title:
            problems.append(f"{page}: label {label!r} -> {href}, which is titled {title!r}")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_start_here_labels_equal_their_targets_titles(site, page):
    """Every link on Start here, Indonesian and English, is labelled with its target's exact
    title or section heading."""
    links = site.html(page).select("article a[href]:not(.headerlink)")
    assert len(links) >= 15, page  # every guide, the reference pages and the reporting section
    assert label_mismatches(site.html, page) == []


def test_a_label_that_differs_from_its_target_is_reported(tmp_path):
    """The check catches a paraphrased label, a label for a section and a missing target."""
    pages = {
        "start-here/index.html": (
            '<article><h1>Mulai</h1><a href="../guide/">Panduan jejaring</a>'
            '<a href="../guide/#faq">Pertanyaan umum</a>'
            '<a href="../guide/#nowhere">Tidak ada</a>'
            '<a href="../guide/">Jejaring di kantor</a></article>'
        ),
        "guide/index.html": (
            '<article><h1>Jejaring di kantor<a class="headerlink" href="#x">¶</a></h1>'
            '<h2 id="faq">Pertanyaan umum<a class="headerlink" href="#faq">¶</a></h2></article>'
        ),
    }
    for rel, body in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True)
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")

    def html(rel: str) -> BeautifulSoup:
        return parse_html(Path(tmp_path, rel, "index.html"))

    assert label_mismatches(html, "start-here/") == [
        "start-here/: label 'Panduan jejaring' -> ../guide/, which is titled 'Jejaring di kantor'",
        "start-here/: 'Tidak ada' -> ../guide/#nowhere: target title or #id not found",
    ]
