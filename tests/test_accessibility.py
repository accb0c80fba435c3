"""Accessibility gates: axe-core finds nothing on any page (both languages, light and dark, phone
and desktop widths); search, the language switcher and the checklists work by keyboard alone
with a visible focus; text in the other language is marked with its lang attribute."""

from __future__ import annotations

import pytest
from knowledgebase.data import LANGUAGES, ui_text
from support import ROOT

# WCAG 2.0, 2.1 and 2.2 A/AA (axe has no wcag22a tag: 2.2's new A criteria are in wcag22aa).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = (
    f"() => axe.run(document, {{runOnly: {{type: 'tag', values: {AXE_TAGS}}}, "
    "resultTypes: ['violations']})"
)
SCHEMES = {"light": "default", "dark": "slate"}  # emulated prefers-color-scheme -> Material's
WIDTHS = {"phone": 375, "desktop": 1280}
UI = ui_text(ROOT / "data")


def describe(violations: list[dict], where: str) -> list[str]:
    return [
        f"{where}: {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(browser, site, axe_source, scheme, width):
    """Every built page (both languages and the 404 page) passes axe's WCAG 2.2 AA rules,
    colour contrast included, in the scheme a reader's system asks for, at phone and desktop
    width. Material's palette follows prefers-color-scheme until the reader picks one."""
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 800},
        is_mobile=width == "phone",
        color_scheme=scheme,
    )
    # Init scripts are injected by the browser, so the page's CSP does not block axe.
    context.add_init_script(script=axe_source)
    page = context.new_page()
    found: list[str] = []
    try:
        for url in site.page_urls():
            page.goto(site.url + url)
            body_scheme = page.locator("body").get_attribute("data-md-color-scheme")
            assert body_scheme == SCHEMES[scheme], f"/{url} did not switch to {scheme}"
            result = page.evaluate(RUN_AXE)
            found += describe(result["violations"], f"/{url} [{scheme}, {width}]")
    finally:
        context.close()
    assert found == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_in_open_search_with_results(browser, site, axe_source, scheme):
    """The search dialog, open with results and suggestions, passes the same rules."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    context.add_init_script(script=axe_source)
    page = context.new_page()
    try:
        found = []
        for home in ("", "en/"):
            page.goto(site.url + home)
            page.keyboard.press("/")
            page.keyboard.type("mentor")
            page.wait_for_selector(".md-search-result__item")
            # Material fades the results panel in (opacity, 0.4 s): mid-fade, axe measures text
            # that is still partly transparent and reports low contrast (seen as a flake).
            page.wait_for_timeout(600)
            found += describe(page.evaluate(RUN_AXE)["violations"], f"/{home} search")
    finally:
        context.close()
    assert found == []


# --- Keyboard alone ---------------------------------------------------------------------------

ACTIVE = """() => { const e = document.activeElement;
  return {tag: e.tagName, cls: e.className, label: e.getAttribute("aria-label"),
          text: e.textContent.trim(), href: e.getAttribute("href")}; }"""
FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"""


def tab_until(page, predicate, limit: int = 60) -> dict:
    """Press Tab until ``predicate(active element)`` holds; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if predicate(active):
            return active
    raise AssertionError(f"Tab never reached the element (last: {active})")


def assert_focus_visible(page, what: str) -> None:
    """The focused element draws a focus indicator: a solid outline of 2 px or more, or a
    box shadow (not just a colour change)."""
    ring = page.evaluate(FOCUS_RING)
    visible = (ring["style"] not in ("none", "hidden") and ring["width"] >= 2) or (
        ring["shadow"] != "none"
    )
    assert visible, f"{what} has no visible focus indicator: {ring}"


@pytest.mark.parametrize("width", WIDTHS)
def test_search_by_keyboard_alone(browser, site, width):
    """Tab reaches the search field (with visible focus), typing shows results, the arrow keys
    move into them and Enter opens the page."""
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800})
    page = context.new_page()
    try:
        page.goto(site.url + "en/")
        tab_until(page, lambda a: "md-search__input" in a["cls"])
        # On a phone the field sits behind the header's search icon; focusing it opens it.
        assert page.locator(".md-search__input").is_visible()
        assert_focus_visible(page, "the search field")
        page.keyboard.type("mentor")
        page.wait_for_selector(".md-search-result__item")
        page.keyboard.press("ArrowDown")
        active = page.evaluate(ACTIVE)
        assert "md-search-result__link" in active["cls"], active
        assert_focus_visible(page, "a search result")
        page.keyboard.press("Enter")
        page.wait_for_url(active["href"])
    finally:
        context.close()


def test_language_switcher_by_keyboard_alone(tab, site):
    """Tab reaches the language button (visible focus) and then the other language's link,
    which is visible while focused; Enter opens the same page in that language."""
    page = tab.page
    page.goto(site.url + "guides/finding-a-mentor/")
    tab_until(page, lambda a: a["label"] == "Pilih bahasa")
    assert_focus_visible(page, "the language button")
    active = tab_until(page, lambda a: "md-select__link" in a["cls"] and a["text"] == "English")
    assert page.locator(".md-select__link[hreflang=en]").is_visible()
    assert_focus_visible(page, "the English link")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "en/guides/finding-a-mentor/")
    assert active["href"].endswith("en/guides/finding-a-mentor/")


def test_checklist_by_keyboard_alone(tab, site):
    """Tab reaches a checklist checkbox with visible focus, Space ticks it, and Tab goes on to
    the checklist's buttons, which Enter activates."""
    page = tab.page
    page.goto(site.url + "en/checklists/")
    tab_until(page, lambda a: "kb-checklist__box" in a["cls"], limit=120)
    assert_focus_visible(page, "a checklist checkbox")
    box = page.locator("#" + page.evaluate("document.activeElement.id"))
    page.keyboard.press("Space")
    assert box.is_checked()
    active = tab_until(page, lambda a: a["text"] == UI["en"]["checklist_reset"], limit=10)
    assert active["tag"] == "BUTTON"
    assert_focus_visible(page, "the Clear ticks button")
    page.keyboard.press("Enter")
    assert not box.is_checked()


# --- Language of parts --------------------------------------------------------------------------


def test_translation_link_is_marked_in_the_other_language(site):
    """On an Indonesian guide "Read in English" is English text (lang="en"), and vice versa."""
    for lang, other in (("id", "en"), ("en", "id")):
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        link = site.html(f"{prefix}guides/finding-a-mentor/").select_one("a[data-kb-translation]")
        assert link.get_text(strip=True) == UI[other]["translation_link"]
        assert link["lang"] == other and link["hreflang"] == other


def test_language_switcher_names_each_language_in_that_language(site):
    """The switcher's "English" on an Indonesian page carries lang="en", and vice versa."""
    for home in ("", "en/"):
        links = site.html(home).select(".md-select__link")
        assert {a["hreflang"]: a.get("lang") for a in links} == {lang: lang for lang in LANGUAGES}


def test_glossary_terms_in_the_other_language_are_marked(site):
    """Each glossary entry's term in the other language is marked with that language."""
    for lang, other in (("id", "en"), ("en", "id")):
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        soup = site.html(f"{prefix}glossary/")
        entries = soup.select("article h3[id]")
        marked = soup.select(f"article em[lang={other}]")
        assert entries and len(marked) == len(entries), (lang, len(entries), len(marked))


def test_404_page_marks_each_language_section(site):
    """The root 404 page speaks both languages; each part says which one it is."""
    soup = site.html("404.html")
    for lang in LANGUAGES:
        section = soup.select_one(f"#not-found-{lang}")
        assert section["lang"] == lang
        assert UI[lang]["not_found_title"] in section.get_text()


def test_palette_toggle_is_named_in_the_page_language(site):
    """The dark/light switch's name comes from data/ui.yml in the page's language."""
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        names = [i["aria-label"] for i in site.html(prefix).select("input.md-option")]
        assert names == [UI[lang]["palette_toggle_default"], UI[lang]["palette_toggle_slate"]]


def test_search_dialog_has_an_accessible_name(site):
    """The search dialog is named (Lighthouse's aria-dialog-name) in the page's language."""
    assert site.html("").select_one(".md-search[role=dialog]")["aria-label"] == "Cari"
    assert site.html("en/").select_one(".md-search[role=dialog]")["aria-label"] == "Search"
