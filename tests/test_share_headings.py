"""Copy-link buttons written into headings while Markdown renders (hooks/knowledgebase/share.py),
without a build: what a guide's headings get and what they keep."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from knowledgebase.share import ShareExtension, ShareHeadings

SOURCE = """# Title *with* markup

Summary.

## Part one { #part-one }

### A question? { #faq-a }

## Sources { #sources }
"""


def render(share: ShareHeadings | None) -> BeautifulSoup:
    extension = ShareExtension()
    extension.current = share
    html = markdown.markdown(
        SOURCE,
        extensions=["attr_list", "toc", extension],
        extension_configs={"toc": {"permalink": True}},
    )
    return BeautifulSoup(html, "html.parser")


def test_each_heading_but_the_skipped_gets_one_labelled_button_instead_of_the_permalink():
    """Title, section and question get one button each (the title's copies the page URL, the
    others add #id), named by the label; the skipped heading keeps Material's permalink."""
    soup = render(ShareHeadings(label="Share: {target}", skip=frozenset({"sources"})))
    buttons = {h.get("id"): h.select("button.kb-share") for h in soup.select("h1, h2, h3")}
    assert [len(b) for b in buttons.values()] == [1, 1, 1, 0]
    title = soup.h1.button
    assert title["data-kb-share"] == "" and title["aria-label"] == "Share: Title with markup"
    assert buttons["faq-a"][0]["data-kb-share"] == "#faq-a"
    assert buttons["faq-a"][0]["aria-expanded"] == "false"
    assert soup.select("h1 .headerlink, #part-one .headerlink, #faq-a .headerlink") == []
    assert soup.select_one("#sources .headerlink") is not None
    assert soup.h1.get_text() == "Title with markup"


def test_a_page_that_asks_for_nothing_is_left_alone():
    """Pages other than guides (current is None) keep their headings exactly as toc made them."""
    soup = render(None)
    assert soup.select("button") == []
    assert len(soup.select(".headerlink")) == 4


def test_titles_and_sections_carry_the_class_that_keeps_them_in_reader_views():
    """Every h1 and h2 (Sources and Related guides too, whose ids look like page furniture to
    Mozilla Readability) carries the class that keeps it in Firefox's reader view."""
    soup = render(ShareHeadings(label="Share", skip=frozenset({"sources"})))
    assert all("kb-content" in h["class"] for h in soup.select("h1, h2"))
    assert "class" not in soup.h3.attrs
