"""The onboarding pack builder on the link directory page, in Chromium: tick items across
guides, copy them (HTML and plain text), share the selection by its address, print a pack with
QR codes to PDF, and pass axe; the formatting logic has its own node --test suite."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from knowledgebase.link_directory import first_sentence
from PIL import Image
from test_accessibility import RUN_AXE, describe
from test_share_links import DIRECTORY, PREFIXES

# Three items across two guides: a guide, its checklist, and another guide's FAQ answer.
PICKS = [
    "finding-a-mentor",
    "finding-a-mentor--checklist",
    "networking-online--faq-online-first-message",
]


def open_builder(browser, site, lang="en", query="", **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{site.url}{PREFIXES[lang]}{DIRECTORY}{query}")
    page.locator("[data-kb-pack]").wait_for(state="visible")
    return context, page, errors


def pick(page, ids):
    for item in ids:
        page.locator(f'.kb-pack__tick[value="{item}"]').check()


def expected_titles(site, lang="en"):
    soup = site.html(PREFIXES[lang] + DIRECTORY)
    titles = {}
    for item in PICKS:
        link = soup.select_one(f'[data-kb-item="{item}"] [data-kb-lang="{lang}"]')
        titles[item] = (link["data-kb-title"], link.select_one("a.kb-directory__url")["href"])
    return titles


@pytest.fixture(scope="module", autouse=True)
def picks_exist(site):
    soup = site.html(PREFIXES["en"] + DIRECTORY)
    for item in PICKS:
        assert soup.select_one(f'[data-kb-item="{item}"]'), f"{item} is not on the page"


def test_copy_list_puts_titled_links_as_html_and_plain_text(browser, site):
    """Three items ticked across two guides are copied as grouped, titled links (text/html, for
    a word processor or e-mail) and as 'title — URL' lines (text/plain, for chat)."""
    context, page, errors = open_builder(browser, site)
    try:
        pick(page, PICKS)
        page.get_by_role("button", name="Copy list").click()
        page.get_by_role("status").filter(has_text="List copied.").wait_for()
        clip = page.evaluate(
            """async () => { const [item] = await navigator.clipboard.read();
            return { html: await (await item.getType("text/html")).text(),
                     plain: await (await item.getType("text/plain")).text() }; }"""
        )
    finally:
        context.close()
    titles = expected_titles(site)
    for title, url in titles.values():
        assert f"{title} — {url}" in clip["plain"].splitlines()
        assert f'<a href="{url}">' in clip["html"]
    assert clip["html"].count("<h3>") == 2 and clip["html"].count("<li>") == 3
    assert errors == []


def test_a_shared_selection_address_opens_the_same_selection(browser, site):
    """The page address carries the selection (stable ids only): opened in a fresh browser
    profile it shows the same items ticked; a reload keeps them (localStorage too)."""
    context, page, _ = open_builder(browser, site)
    try:
        pick(page, PICKS)
        page.locator(".kb-pack__both").check()
        shared = page.url
        page.reload()
        page.locator("[data-kb-pack]").wait_for(state="visible")
        assert page.locator(".kb-pack__tick:checked").count() == 3
        page.goto(f"{site.url}en/{DIRECTORY}")  # no selection in the address: storage has it
        assert page.locator(".kb-pack__tick:checked").count() == 3
    finally:
        context.close()
    assert "?pack=" in shared and "both=1" in shared
    fresh, page, _ = open_builder(browser, site, query=shared.split(DIRECTORY, 1)[1])
    try:
        ticked = page.eval_on_selector_all(".kb-pack__tick:checked", "els => els.map(e => e.value)")
        assert sorted(ticked) == sorted(PICKS)
        assert page.locator(".kb-pack__both").is_checked()
        assert page.locator(".kb-pack__count").inner_text() == "3 selected"
    finally:
        fresh.close()


def test_print_pack_pdf_has_the_three_titles_and_their_qr_codes(browser, site, tmp_path):
    """Printed (Chromium's PDF), the pack holds only the three items, each with its title and
    absolute URL, on at most two A4 pages, and each QR code in it scans to that item's URL."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    context, page, _ = open_builder(browser, site)
    try:
        pick(page, PICKS)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.kb-pack__sheet img')]"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        pdf = tmp_path / "pack.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 900, "height": 1200})
        shots = [
            Image.open(io.BytesIO(img.screenshot())).convert("L")
            for img in page.locator(".kb-pack__sheet img").all()
        ]
    finally:
        context.close()
    text = subprocess.run(
        [pdftotext, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = subprocess.run(
        [shutil.which("pdfinfo") or "pdfinfo", str(pdf)], capture_output=True, text=True
    ).stdout
    titles = expected_titles(site)
    flat = " ".join(text.split())
    # -raw: in the order Chromium wrote it (card by card); line-end hyphens go: compare letters.
    letters = "".join(c for c in text if c.isalnum())
    for title, url in titles.values():
        assert "".join(c for c in title if c.isalnum()) in letters, f"{title} is not printed"
        assert "".join(c for c in url if c.isalnum()) in letters, f"{url} is not printed"
    assert "Workplace Relationships Guide" in flat
    assert "Reviewed" in flat
    # Nothing else of the page: the intro and other guides are not printed.
    assert "Keeping your network alive" not in flat
    count = int(re.search(r"^Pages:\s+(\d+)", pages, re.M).group(1))
    assert count <= 2, f"the pack prints on {count} pages"
    decoded = sorted(
        r.text
        for shot in shots
        for r in zxingcpp.read_barcodes(shot, formats=zxingcpp.BarcodeFormat.QRCode)
    )
    assert decoded == sorted(url for _, url in titles.values())


def test_filter_and_whole_guide_pick_from_the_keyboard(browser, site):
    """Typing in the filter narrows the list to matching items (their guide headings too);
    'Select the whole guide' ticks every item of that guide, all from the keyboard."""
    context, page, _ = open_builder(browser, site)
    try:
        page.get_by_label("Filter").fill("mentor")
        visible = page.locator("[data-kb-item]:visible")
        assert 0 < visible.count() < page.locator("[data-kb-item]").count()
        assert page.locator("h2#workplace-politics").is_hidden()
        whole = page.locator('[data-kb-whole="finding-a-mentor"]')
        whole.focus()
        page.keyboard.press("Space")
        own = page.locator('[data-kb-guide="finding-a-mentor"] .kb-pack__tick')
        assert own.count() > 2
        assert own.evaluate_all("els => els.every(e => e.checked)")
        page.get_by_label("Filter").fill("")
        assert page.locator("h2#workplace-politics").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", PREFIXES)
def test_axe_finds_nothing_on_the_builder(browser, site, axe_source, lang, scheme):
    """The builder, with items ticked and a QR code open, passes axe's WCAG 2.2 AA rules on a
    phone in both schemes and languages."""
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, is_mobile=True, color_scheme=scheme
    )
    context.add_init_script(script=axe_source)
    page = context.new_page()
    try:
        page.goto(f"{site.url}{PREFIXES[lang]}{DIRECTORY}?pack={','.join(PICKS)}")
        page.locator("[data-kb-pack]").wait_for(state="visible")
        page.locator(".kb-directory__qr summary").first.click()
        page.wait_for_timeout(300)
        found = describe(page.evaluate(RUN_AXE)["violations"], f"{lang} {scheme} builder")
    finally:
        context.close()
    assert found == []


def test_markdown_and_csv_take_the_selection_in_both_languages(browser, site):
    """'Copy as Markdown' gives a heading per guide and a link per item; 'Download as CSV'
    gives one row per item and language (with the other language ticked), short link
    included, and nothing is fetched from another site."""
    context, page, errors = open_builder(browser, site)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        pick(page, PICKS)
        page.locator(".kb-pack__both").check()
        page.get_by_role("button", name="Copy as Markdown").click()
        page.get_by_role("status").filter(has_text="List copied.").wait_for()
        markdown = page.evaluate("navigator.clipboard.readText()")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download as CSV").click()
        csv_text = Path(info.value.path()).read_text(encoding="utf-8")
    finally:
        context.close()
    titles = expected_titles(site)
    assert markdown.count("## ") == 2
    for title, url in titles.values():
        assert f"- [{title}](<{url}>)" in markdown, url
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0] == ["guide", "kind", "language", "title", "url", "short_url"]
    assert len(rows) == 1 + 2 * len(PICKS)
    assert {r[2] for r in rows[1:]} == {"id", "en"}
    guide_rows = [r for r in rows[1:] if r[1] == "guide"]
    assert sorted(r[5] for r in guide_rows) == [
        f"{site.url}en/go/mentor/",
        f"{site.url}go/mentor/",
    ]
    assert errors == []
    assert all(r.startswith(site.url) for r in requests), requests


def test_without_script_the_page_is_the_full_list_with_links_and_qr_codes(browser, site):
    """With JavaScript off nothing that needs it shows (no dead checkboxes or buttons); every
    item's links, short links and QR codes (behind a native disclosure) are there."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site.url}en/{DIRECTORY}")
        assert page.locator("[data-kb-pack]").is_hidden()
        assert page.locator(".kb-pack__tick:visible").count() == 0
        assert (
            page.locator("a.kb-directory__url:visible").count()
            == 2 * page.locator("[data-kb-item]").count()
        )
        assert page.locator(".kb-directory__short a:visible").count() >= 2 * 11
        summary = page.locator(".kb-directory__qr summary").first
        summary.click()
        img = page.locator(".kb-directory__qr img").first
        img.wait_for(state="visible")
        page.wait_for_function("() => document.querySelector('.kb-directory__qr img').complete")
        assert img.evaluate("i => i.naturalWidth") > 0
    finally:
        context.close()


def test_a_printed_item_is_summed_up_in_one_short_line() -> None:
    """Under each printed title: the first sentence, more if it says too little alone ("No."),
    cut at a word with an ellipsis when it would not fit one line."""
    assert first_sentence("No. A coffee a month is enough for most. More.") == (
        "No. A coffee a month is enough for most."
    )
    assert first_sentence("Ask early. Then ask again later when you know them.") == (
        "Ask early. Then ask again later when you know them."
    )
    long = first_sentence("word " * 60)
    assert long.endswith("word…") and len(long) <= 121
