"""Checklists in the browser: ticks persist, are shared between pages, can be reset and
copied, and work by keyboard; printing shows the boxes without navigation."""

from __future__ import annotations

import pytest
from knowledgebase.corpus import load_corpus
from playwright.sync_api import expect
from support import ROOT

GUIDE = "finding-a-mentor"


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


def test_copy_as_text_puts_markdown_checklist_with_link_on_clipboard(browser, site, guide):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site.url + f"en/guides/{GUIDE}/")
        en = guide["en"]
        page.get_by_label(en.checklist[0].text).check()
        container = page.locator(f".kb-checklist[data-kb-checklist='{GUIDE}']")
        container.get_by_role("button", name="Copy as text").click()
        expect(container.get_by_role("status")).to_have_text("Checklist copied to the clipboard.")
        copied = page.evaluate("navigator.clipboard.readText()")
        lines = [f"## {en.title}", ""]
        lines.append(f"- [x] {en.checklist[0].text}")
        lines += [f"- [ ] {item.text}" for item in en.checklist[1:]]
        lines += ["", f"{site.url}en/guides/{GUIDE}/"]
        assert copied == "\n".join(lines) + "\n"
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
