"""Checklists in the browser: ticks persist, are shared between pages, can be reset and
copied, and work by keyboard; printing shows the boxes without navigation."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from knowledgebase.corpus import load_corpus
from knowledgebase.data import ui_text
from playwright.sync_api import expect
from support import ROOT

GUIDE = "finding-a-mentor"
UI = ui_text(ROOT / "data")


@pytest.fixture(scope="module")
def guide():
    return load_corpus(ROOT / "docs", ROOT / "data")[0].guides[GUIDE]


def boxes(page):
    return page.locator(f".kb-checklist[data-kb-checklist='{GUIDE}'] .kb-checklist__box")


def test_ticks_persist_across_reloads_and_pages_and_reset_clears_them(tab, site, guide):
    page = tab.page
    page.goto(site.url + f"guides/{GUIDE}/")
    first_id = guide["id"].checklist_ids[0]
    page.get_by_label(guide["id"].checklist[0].text).check()
    page.reload()
    assert boxes(page).nth(0).is_checked()
    assert not boxes(page).nth(1).is_checked()
    # The Checklists page shows the same item ticked (same id, same storage key).
    page.goto(site.url + "checklists/")
    item = page.locator(f"[data-kb-item='{GUIDE}/{first_id}']")
    assert item.is_checked()
    # Ticks are per item, not per language page: the English page shares them.
    page.goto(site.url + f"en/guides/{GUIDE}/")
    assert boxes(page).nth(0).is_checked()
    # Reset clears this checklist and says so to screen readers.
    container = page.locator(f".kb-checklist[data-kb-checklist='{GUIDE}']")
    container.get_by_role("button", name="Clear ticks").click()
    assert not boxes(page).nth(0).is_checked()
    expect(container.get_by_role("status")).to_have_text("All ticks cleared.")
    page.reload()
    assert not boxes(page).nth(0).is_checked()


def test_checkbox_is_keyboard_operable_with_visible_focus(tab, site):
    page = tab.page
    page.goto(site.url + f"guides/{GUIDE}/")
    box = boxes(page).nth(1)
    box.focus()
    outline = box.evaluate("e => getComputedStyle(e).outlineStyle")
    page.keyboard.press("Space")
    assert box.is_checked()
    assert outline != "none"
    page.keyboard.press("Space")
    assert not box.is_checked()


READ_CLIPBOARD = """async () => {
  const [item] = await navigator.clipboard.read();
  const read = async type => item.types.includes(type) ? (await item.getType(type)).text() : null;
  return {html: await read("text/html"), text: await read("text/plain")};
}"""


def copy_checklist(page, site, lang: str, include_ticks: bool) -> tuple[object, str]:
    """Tick the first item, copy the checklist as text, and return the clipboard's HTML (parsed)
    and plain text."""
    prefix = "en/" if lang == "en" else ""
    page.goto(site.url + f"{prefix}guides/{GUIDE}/")
    container = page.locator(f".kb-checklist[data-kb-checklist='{GUIDE}']")
    boxes(page).nth(0).check()
    if include_ticks:
        container.get_by_label(UI[lang]["checklist_include_ticks"]).check()
    container.get_by_role("button", name=UI[lang]["checklist_copy"]).click()
    expect(container.get_by_role("status")).to_have_text(UI[lang]["checklist_copied"])
    copied = page.evaluate(READ_CLIPBOARD)
    assert copied["html"] and copied["text"], copied
    return BeautifulSoup(copied["html"], "html.parser"), copied["text"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_copy_as_text_pastes_as_a_heading_a_list_and_a_link_without_my_ticks(
    browser, site, guide, lang
):
    """ "Copy as text" puts both clipboard formats: HTML with the guide's title as a heading, the
    items as a real list and a link to the guide's #checklist (what a word processor pastes),
    and plain text with no Markdown signs (what chat pastes). The copier's tick is not in it."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        html, text = copy_checklist(page, site, lang, include_ticks=False)
        items = guide[lang].checklist
        url = site.url + ("en/" if lang == "en" else "") + f"guides/{GUIDE}/#checklist"
        assert html.find("h2").get_text() == guide[lang].title
        assert [li.get_text() for li in html.select("ul > li")] == [i.text for i in items]
        assert [(a["href"], a.get_text()) for a in html.find_all("a")] == [(url, url)]
        lines = [guide[lang].title, "", *(f"\u2022 {i.text}" for i in items), "", url]
        assert text == "\n".join(lines) + "\n"
        assert not any(sign in text for sign in ("##", "[x]", "[ ]", "- "))
    finally:
        context.close()


def test_copy_as_text_includes_my_ticks_when_asked(browser, site, guide):
    """With "Include my ticks" ticked, each item says whether it is done, in both formats."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        html, text = copy_checklist(page, site, "en", include_ticks=True)
        items = [i.text for i in guide["en"].checklist]
        marked = [f"\u2611 {items[0]}", *(f"\u2610 {i}" for i in items[1:])]
        assert [li.get_text() for li in html.select("ul > li")] == marked
        assert text.splitlines()[2 : 2 + len(items)] == marked
    finally:
        context.close()


def test_item_text_is_copied_as_text_not_markup(browser, site):
    """An item's text goes into the clipboard's HTML escaped: a label that reads like markup
    stays text (escaped by construction), so a paste cannot carry markup from the page."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site.url + f"guides/{GUIDE}/")
        label = page.locator(".kb-checklist label").first
        label.evaluate("l => { l.textContent = '<b>bold</b> & <img src=x>'; }")
        page.locator(".kb-checklist__copy").first.click()
        html = BeautifulSoup(page.evaluate(READ_CLIPBOARD)["html"], "html.parser")
        assert html.select("b, img") == []
        assert html.select("li")[0].get_text() == "<b>bold</b> & <img src=x>"
    finally:
        context.close()


def test_printed_guide_shows_boxes_and_no_navigation(tab, site):
    page = tab.page
    page.goto(site.url + f"guides/{GUIDE}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".kb-checklist__actions"):
        assert not page.locator(selector).first.is_visible(), selector
    assert boxes(page).nth(0).is_visible()
    border = boxes(page).nth(0).evaluate("e => getComputedStyle(e).borderTopStyle")
    assert border == "solid"
