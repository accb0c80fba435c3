"""Accessibility gates: axe-core finds nothing on any page (both languages, light and dark;
desktop width on every page, phone width on every page type); search, the language switcher
and the checklists work by keyboard alone with a visible focus;
text in the other language is marked with its lang attribute."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import watch_csp
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


def page_type(url: str) -> str:
    """What template and layout a page shares with others: every guide is one type, every tag
    page another; the rest (home, hubs, glossary, 404...) are each their own."""
    parts = url.split("/")
    if parts[0] in LANGUAGES[1:]:
        parts = parts[1:]
    if len(parts) == 3 and parts[0] in ("guides", "tags"):
        parts[1] = "*"
    return "/".join(parts)


def one_page_per_type(urls: list[str]) -> list[str]:
    """The first page of each type in each language (404.html serves both)."""
    chosen: dict[tuple[str, str], str] = {}
    for url in urls:
        lang = url.split("/")[0] if url.split("/")[0] in LANGUAGES[1:] else LANGUAGES[0]
        chosen.setdefault((lang, page_type(url)), url)
    return list(chosen.values())


def test_page_types_cover_guides_tags_and_the_hubs(site):
    """The phone-width pass below sees every kind of page in both languages, yet visits a
    fraction of them (all guides share one template)."""
    chosen = one_page_per_type(site.page_urls())
    assert {page_type(u) for u in chosen} >= {"", "guides/", "guides/*/", "tags/*/", "404.html"}
    assert len([u for u in chosen if u.startswith("en/")]) == len(chosen) // 2
    assert len(chosen) < len(site.page_urls()) / 2


def axe_pass(browser, site, axe_source, scheme: str, width: str, urls: list[str], settle: bool):
    """Open each page of ``urls`` in one browser context and run axe; returns the violations
    plus every request to another host, console error and Content-Security-Policy violation
    seen on the way (the network checks ride on visits that happen anyway). ``settle`` waits
    for the network to go idle on each page, catching requests a script makes late."""
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 800},
        is_mobile=width == "phone",
        color_scheme=scheme,
    )
    # Init scripts are injected by the browser, so the page's CSP does not block axe.
    context.add_init_script(script=axe_source)
    csp: list[str] = []
    watch_csp(context, csp)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else 0)
    found: list[str] = []
    try:
        for url in urls:
            page.goto(site.url + url)
            if settle:
                page.wait_for_load_state("networkidle")
            body_scheme = page.locator("body").get_attribute("data-md-color-scheme")
            assert body_scheme == SCHEMES[scheme], f"/{url} did not switch to {scheme}"
            result = page.evaluate(RUN_AXE)
            found += describe(result["violations"], f"/{url} [{scheme}, {width}]")
    finally:
        context.close()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    foreign = [r for r in requests if not r.startswith((origin, "data:"))]
    return {"axe": found, "foreign requests": foreign, "console errors": errors, "csp": csp}


NOTHING = {"axe": [], "foreign requests": [], "console errors": [], "csp": []}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(browser, site, axe_source, scheme):
    """Every built page (both languages and the 404 page) passes axe's WCAG 2.2 AA rules,
    colour contrast included, at desktop width in the scheme a reader's system asks for
    (Material's palette follows prefers-color-scheme until the reader picks one). Loading it
    requests nothing from any host but the site itself (no fonts, no CDN, no GitHub API), logs
    no console error (such as a 404 for a missing asset) and breaks no rule of its
    Content-Security-Policy."""
    assert axe_pass(browser, site, axe_source, scheme, "desktop", site.page_urls(), False) == (
        NOTHING
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_at_phone_width_on_each_page_type(
    browser, site, axe_source, scheme
):
    """At phone width (375 px), where layout differs (drawer, target sizes), one page of each
    type in each language passes the same rules, and once the network is idle it still has
    requested nothing from another host and broken no policy rule."""
    urls = one_page_per_type(site.page_urls())
    assert axe_pass(browser, site, axe_source, scheme, "phone", urls, True) == NOTHING


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


FINAL_RESULTS = """(word) => [...document.querySelectorAll('.md-search-result__item mark')]
  .some((m) => m.textContent.toLowerCase() === word)"""


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
        # Results re-render after every key; ArrowDown during a re-render loses the focus.
        # Wait for the last query's results (its whole word highlighted), then for the list to
        # hold still.
        page.wait_for_function(FINAL_RESULTS, arg="mentor")
        page.wait_for_timeout(300)
        page.wait_for_function(FINAL_RESULTS, arg="mentor")
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
