"""Sharing links: copy-link controls on guides, the link directory for onboarding material,
previews in chat apps (Open Graph) and clean printouts."""

from __future__ import annotations

import pytest
from audit import run_lighthouse
from knowledgebase.corpus import load_corpus
from knowledgebase.data import LANGUAGES
from PIL import Image
from playwright.sync_api import expect
from support import ROOT
from test_accessibility import RUN_AXE, describe

GUIDE = "finding-a-mentor"
DIRECTORY = "onboarding-links/"
PREFIXES = {"id": "", "en": "en/"}
OTHER = {"id": "en", "en": "id"}
COPY = {"id": "Salin tautan", "en": "Copy link"}
COPY_OTHER = {"id": "Salin tautan (English)", "en": "Copy link (Bahasa Indonesia)"}
DONE = {"id": "Tautan disalin: ", "en": "Link copied: "}
ALT = {
    "id": "Kartu pratinjau bertuliskan {title}, dari {site}",
    "en": "Preview card reading {title}, from {site}",
}


def built_guides(site) -> dict[str, dict[str, object]]:
    """Guide page URL -> its FAQ ids and whether it has a checklist, read from the built HTML."""
    found = {}
    for lang, prefix in PREFIXES.items():
        for folder in sorted((site.dir / prefix / "guides").iterdir()):
            if not (folder / "index.html").is_file():
                continue
            url = f"{prefix}guides/{folder.name}/"
            soup = site.html(url)
            faq = soup.find("h2", id="faq")
            questions = []
            for heading in faq.find_all_next(["h2", "h3"]):
                if heading.name == "h2":
                    break
                questions.append(heading["id"])
            found[url] = {
                "lang": lang,
                "faqs": questions,
                "checklist": bool(soup.find(id="checklist")),
            }
    return found


def directory_urls(site, lang: str) -> list[str]:
    soup = site.html(PREFIXES[lang] + DIRECTORY)
    return [a["href"] for a in soup.select("article a.kb-directory__url")]


@pytest.fixture(scope="module")
def slugs() -> list[str]:
    return list(load_corpus(ROOT / "docs", ROOT / "data")[0].guides)


def test_link_directory_lists_every_guide_question_and_checklist_in_both_languages(site, slugs):
    """Each language's directory lists exactly the guides, FAQ questions and checklists the
    build published, with absolute URLs (site_url) in both languages."""
    guides = built_guides(site)
    assert len(guides) == len(LANGUAGES) * len(slugs)
    expected = set()
    for url, parts in guides.items():
        assert parts["checklist"], url
        expected |= {site.url + url, site.url + url + "#checklist"}
        expected |= {f"{site.url}{url}#{faq}" for faq in parts["faqs"]}
    for lang in LANGUAGES:
        listed = directory_urls(site, lang)
        assert len(listed) == len(set(listed))
        assert set(listed) == expected, lang


def test_every_url_in_the_directory_resolves_to_a_page_and_id(site):
    """No listed URL can be dead: each names a built page and, with an anchor, an existing id."""
    for lang in LANGUAGES:
        for url in directory_urls(site, lang):
            assert url.startswith(site.url), url
            page, _, anchor = url.removeprefix(site.url).partition("#")
            assert (site.dir / page / "index.html").is_file(), url
            if anchor:
                assert site.html(page).find(id=anchor) is not None, url


def test_directory_is_grouped_by_guide_and_linked_from_about_and_start_here(site, slugs):
    """One group per guide (its id is the slug, as on the FAQ and Checklists pages), and
    readers find the directory from the About and Start here pages in both languages."""
    for lang in LANGUAGES:
        soup = site.html(PREFIXES[lang] + DIRECTORY)
        assert [h2["id"] for h2 in soup.select("article h2[id]")] == slugs
        for page in ("about/", "start-here/"):
            links = site.html(PREFIXES[lang] + page).select("article a[href]")
            assert any(a["href"].endswith(f"{DIRECTORY}") for a in links), (lang, page)


def test_every_page_has_a_meaningful_title_description_and_open_graph(site):
    """Pasted into chat, every page previews with its own title and description, its
    absolute URL, the site's name, the page's locale and its own card image: an absolute URL on
    the site, a 1200 x 630 PNG that exists, described in the page's language with its title,
    shown large (twitter:card summary_large_image); no two pages share a card."""
    locales = {"id": ("id_ID", "en_US"), "en": ("en_US", "id_ID")}
    names = {"id": "Panduan Relasi Kerja", "en": "Workplace Relationships Guide"}
    descriptions, images, described = set(), set(), 0
    for path in site.pages():
        rel = path.relative_to(site.dir).as_posix()
        if rel == "404.html":
            continue
        lang = "en" if rel.startswith("en/") else "id"
        soup = site.html(rel.removesuffix("index.html"))
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect page (short link, moved page): chat apps preview its target
        described += 1
        og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
        og |= {m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")}
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert og["og:description"] == description and len(description) > 60, rel
        descriptions.add(description)
        assert (
            og["og:url"]
            == soup.find("link", rel="canonical")["href"]
            == site.url + rel.removesuffix("index.html")
        )
        assert og["og:site_name"] == names[lang]
        assert (og["og:locale"], og["og:locale:alternate"]) == locales[lang]
        parts = rel.removeprefix("en/").split("/")
        is_guide = len(parts) == 3 and parts[0] == "guides"
        assert og["og:type"] == ("article" if is_guide else "website"), rel
        title = soup.title.string
        assert title.endswith(names[lang]) and og["og:title"] in title, rel
        image = og["og:image"]
        assert image.startswith(site.url + "assets/images/social/"), rel
        with Image.open(site.dir / image.removeprefix(site.url)) as png:
            assert (png.format, png.size) == ("PNG", (1200, 630)), rel
        assert (og["og:image:width"], og["og:image:height"], og["og:image:type"]) == (
            "1200",
            "630",
            "image/png",
        )
        alt = ALT[lang].format(title=og["og:title"], site=names[lang])
        assert og["og:image:alt"] == alt and og["twitter:card"] == "summary_large_image", rel
        images.add(image)
    assert len(descriptions) == described, "each page describes itself"
    assert len(images) == described, "each page has its own card"
    assert described > 60  # every page of both languages, not a handful


@pytest.fixture
def clip(browser, site):
    """A page whose clipboard can be read back."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def heading_text(locator) -> str:
    return locator.evaluate(
        "h => { const c = h.cloneNode(true); c.querySelectorAll('.headerlink, .kb-share')"
        ".forEach(e => e.remove()); return c.textContent.trim(); }"
    )


SHARE = {"id": "Bagikan tautan", "en": "Share link"}
NO_CONTROL = ("sources", "related-guides")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_guide_heading_has_one_small_control_in_the_built_html(site, lang):
    """In the HTML as built (no script needed, so nothing shifts when kb.js runs), the title,
    every section heading, the checklist, the FAQ and each question carry exactly one button,
    inside the heading, in place of the permalink sign; Sources and Related guides carry none,
    and the summary follows the title directly."""
    for url, parts in built_guides(site).items():
        if parts["lang"] != lang:
            continue
        article = site.html(url).select_one("article")
        headings = article.select(":scope > :is(h1, h2, h3)")
        ids = {h.get("id") for h in headings}
        assert {"checklist", "faq", *parts["faqs"], *NO_CONTROL} <= ids, url
        for heading in headings:
            buttons = heading.select("button.kb-share")
            if heading.get("id") in NO_CONTROL:
                assert buttons == [], (url, heading["id"])
                continue
            assert len(buttons) == 1, (url, heading.get("id"))
            assert buttons[0]["aria-label"] == SHARE[lang]
            assert buttons[0]["aria-haspopup"] == "menu" and buttons[0].get_text() == ""
            fragment = "" if heading.name == "h1" else "#" + heading["id"]
            assert buttons[0]["data-kb-share"] == fragment
            assert heading.select(".headerlink") == []
        title = article.select_one(":scope > h1")
        assert "kb-summary" in title.find_next_sibling()["class"], url
        assert article.select(".kb-copy, .kb-copy__button") == [], url


def open_menu(page, heading):
    heading.locator("button.kb-share").click()
    menu = page.get_by_role("menu")
    expect(menu).to_be_visible()
    return menu


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("anchor", ["what-to-look-for", "faq-identify-mentors", "checklist", ""])
def test_copy_link_puts_the_absolute_url_on_the_clipboard_in_both_languages(
    clip, site, lang, anchor
):
    """The heading's menu offers this language and the other one, named after the heading;
    each copies site_url + the page + #id and says so in a live region that screen readers
    announce."""
    clip.goto(f"{site.url}{PREFIXES[lang]}guides/{GUIDE}/")
    heading = clip.locator(f"h2#{anchor}, h3#{anchor}" if anchor else "article > h1").first
    fragment = f"#{anchor}" if anchor else ""
    text = heading_text(heading)
    for item, target_lang in ((0, lang), (1, OTHER[lang])):
        menu = open_menu(clip, heading)
        items = menu.get_by_role("menuitem")
        labels = [items.nth(i).get_attribute("aria-label") for i in range(items.count())]
        assert labels == [f"{COPY[lang]}: {text}", f"{COPY_OTHER[lang]}: {text}"]
        items.nth(item).click()
        expect(menu).to_be_hidden()
        expect(clip.get_by_role("status").last).to_have_text(DONE[lang] + text)
        copied = clip.evaluate("navigator.clipboard.readText()")
        assert copied == f"{site.url}{PREFIXES[target_lang]}guides/{GUIDE}/{fragment}"


def test_copy_link_works_from_the_keyboard_with_visible_focus(clip, site):
    """Tab reaches the heading's button and shows it with a focus ring; Enter opens the menu on
    its first item (aria-expanded says so), the arrows move, Enter copies, and focus returns to
    the button; Escape closes the menu without copying."""
    clip.goto(f"{site.url}guides/{GUIDE}/")
    button = clip.locator("#faq-identify-mentors .kb-share")
    button.focus()
    clip.keyboard.press("Shift+Tab")
    clip.keyboard.press("Tab")
    assert button.evaluate("b => b === document.activeElement && b.matches(':focus-visible')")
    assert button.evaluate("b => getComputedStyle(b).outlineStyle") == "solid"
    # Revealed with a short fade: wait for its end rather than read it mid-way.
    expect(button).to_have_css("opacity", "1")
    clip.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    first = clip.get_by_role("menuitem").first
    expect(first).to_be_focused()
    clip.keyboard.press("ArrowDown")
    expect(clip.get_by_role("menuitem").nth(1)).to_be_focused()
    clip.keyboard.press("Enter")
    expect(clip.get_by_role("status").last).to_contain_text("Tautan disalin")
    assert clip.evaluate("navigator.clipboard.readText()") == (
        f"{site.url}en/guides/{GUIDE}/#faq-identify-mentors"
    )
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    clip.keyboard.press("ArrowDown")
    expect(clip.get_by_role("menu")).to_be_visible()
    clip.keyboard.press("Escape")
    expect(clip.get_by_role("menu")).to_be_hidden()
    expect(button).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_faq_hub_answers_copy_their_own_link_in_both_languages(clip, site, lang):
    """On the FAQ hub an open answer offers its copy-link control (its menu: this language or
    the other); the copied address is the hub's own answer anchor, and opening it shows that
    answer open in the other language's hub."""
    clip.goto(f"{site.url}{PREFIXES[lang]}faq/")
    answer = clip.locator("details.kb-faq").nth(2)
    faq_id = answer.get_attribute("id")
    question = answer.locator("summary").inner_text().strip()
    answer.locator("summary").click()
    button = answer.locator(".kb-share")
    expect(button).to_be_visible()
    assert button.get_attribute("aria-label") == f"{SHARE[lang]}: {question}"
    button.click()
    menu = clip.get_by_role("menu")
    expect(menu).to_be_visible()
    menu.get_by_role("menuitem").nth(1).click()
    expect(clip.get_by_role("status").last).to_have_text(DONE[lang] + question)
    copied = clip.evaluate("navigator.clipboard.readText()")
    assert copied == f"{site.url}{PREFIXES[OTHER[lang]]}faq/#{faq_id}"
    clip.goto(copied)
    expect(clip.locator(f"details#{faq_id}")).to_have_attribute("open", "")


# The last visible character before a heading's button, and the button: on one line or not.
ICON_ON_LAST_LINE = """b => {
  const heading = b.closest("h1, h2, h3");
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  let last = null;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (b.contains(node) || !(node.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING))
      continue;
    if (node.textContent.trim()) last = node;
  }
  const range = document.createRange();
  const end = last.textContent.trimEnd().length;
  range.setStart(last, end - 1);
  range.setEnd(last, end);
  const word = range.getBoundingClientRect(), icon = b.getBoundingClientRect();
  const middle = icon.top + icon.height / 2;
  return middle > word.top && middle < word.bottom;
}"""


@pytest.mark.parametrize("width", [320, 375])
def test_heading_link_icons_stay_beside_the_last_word_on_a_phone(browser, site, width):
    """On a phone a long title or heading wraps with its link icon beside its last word, never
    with the icon alone on a line of its own under the heading (both languages, every guide)."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    alone = []
    try:
        for url in built_guides(site):
            page.goto(site.url + url)
            for button in page.locator("article :is(h1, h2, h3) .kb-share").all():
                if not button.evaluate(ICON_ON_LAST_LINE):
                    alone.append((url, button.evaluate("b => b.closest('h1, h2, h3').id")))
    finally:
        context.close()
    assert alone == []


def test_refused_copy_says_so_and_shows_the_address(browser, site):
    """If the browser refuses the clipboard, the reader is told, with the address to copy."""
    context = browser.new_context()
    context.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error());")
    page = context.new_page()
    try:
        page.goto(f"{site.url}guides/{GUIDE}/")
        open_menu(page, page.locator("#checklist")).get_by_role("menuitem").first.click()
        expect(page.get_by_role("status").last).to_have_text(
            f"Gagal menyalin. Salin alamat ini secara manual: {site.url}guides/{GUIDE}/#checklist"
        )
    finally:
        context.close()


def test_directory_copy_buttons_copy_the_listed_url(clip, site):
    """On the link directory, the button after each URL copies exactly that URL."""
    clip.goto(f"{site.url}en/{DIRECTORY}")
    links = clip.locator("a.kb-directory__url")
    assert links.count() == len(directory_urls(site, "en"))
    for n in (0, 3, links.count() - 1):
        link = links.nth(n)
        button = link.locator("xpath=following-sibling::button[1]")
        label = link.get_attribute("data-kb-copy-label")
        assert button.get_attribute("aria-label") == f"Copy link: {label}"
        button.click()
        expect(clip.get_by_role("status").last).to_have_text(f"Link copied: {label}")
        assert clip.evaluate("navigator.clipboard.readText()") == link.get_attribute("href")


CONTRAST = """b => {
  const rgba = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null;
  for (let e = b; e && !bg; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0) bg = c;
  }
  const fg = rgba(getComputedStyle(b).color);
  const a = fg.length > 3 ? fg[3] : 1;
  const mixed = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
  const [l1, l2] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_copy_controls_are_large_enough_and_readable_in_both_schemes(browser, site, scheme):
    """On a touch screen the heading's control is always shown, with a 24 x 24 px target; the
    menu's items and the directory's buttons are as large, with 4.5:1 text, light and dark."""
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True, color_scheme=scheme
    )
    page = context.new_page()
    try:
        page.goto(f"{site.url}guides/{GUIDE}/")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        control = page.locator("#what-to-look-for .kb-share")
        assert control.evaluate("b => getComputedStyle(b).opacity") == "1"
        assert control.is_visible()
        box = control.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24
        control.tap()
        for item in page.get_by_role("menuitem").all():
            box = item.bounding_box()
            assert box["height"] >= 24 and box["width"] >= 24
            assert item.evaluate(CONTRAST) >= 4.5
        page.goto(f"{site.url}{DIRECTORY}")
        button = page.locator(".kb-copy__button").nth(2)
        box = button.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24
        assert button.evaluate(CONTRAST) >= 4.5
    finally:
        context.close()


def test_on_a_desktop_the_control_shows_on_hover_only(clip, site):
    """With a mouse the headings stay calm: the control is transparent until the pointer is
    over its heading (or it has keyboard focus, tested above), like Material's permalink."""
    clip.goto(f"{site.url}guides/{GUIDE}/")
    control = clip.locator("#what-to-look-for .kb-share")
    clip.mouse.move(0, 0)
    expect(control).to_have_css("opacity", "0")
    clip.locator("#what-to-look-for").hover()
    expect(control).to_have_css("opacity", "1")


@pytest.mark.parametrize("path", [f"guides/{GUIDE}/", "faq/", "checklists/", f"en/{DIRECTORY}"])
def test_pages_print_without_navigation_or_controls(clip, site, path):
    """Printed guides, FAQ, checklists and the directory show the content only: no header,
    sidebars, footer, copy buttons or permalink signs; FAQ answers are printed in full."""
    clip.goto(site.url + path)
    clip.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]
    hidden += [".kb-share", ".kb-copy__button", ".headerlink", ".kb-checklist__actions"]
    for selector in hidden:
        for n in range(min(clip.locator(selector).count(), 5)):
            assert not clip.locator(selector).nth(n).is_visible(), (path, selector)
    assert clip.locator("article h1").is_visible()
    if path.startswith("guides/"):
        answer = clip.locator("#faq-identify-mentors + p")
        assert answer.is_visible() and answer.inner_text().strip()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_nothing_with_the_heading_menu_open(browser, site, axe_source, lang, scheme):
    """The open copy-link menu (a menu button with its items) passes axe's WCAG 2.2 AA rules,
    colour contrast included, on a phone in both schemes and languages."""
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True, color_scheme=scheme
    )
    context.add_init_script(script=axe_source)
    page = context.new_page()
    try:
        page.goto(f"{site.url}{PREFIXES[lang]}guides/{GUIDE}/")
        open_menu(page, page.locator("#faq-identify-mentors"))
        # Scrolling to the question fades Material's header title in (0.25 s transitions): axe
        # must measure the colours it ends with, not a frame of the fade.
        page.wait_for_timeout(600)
        found = describe(page.evaluate(RUN_AXE)["violations"], f"{lang} {scheme} menu open")
    finally:
        context.close()
    assert found == []


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_guides_do_not_shift_while_loading(browser, site, width):
    """The copy-link controls are in the HTML from the start, so no guide moves under the
    reader while its scripts run: Chromium reports no layout shift at all (CLS 0), on a phone
    and a desktop, in both languages. A shift must show on a second load too: on a loaded
    machine Chromium can paint a frame before the header's stylesheet applies (the language
    button then slides by the search box's width once), which no reader on a phone sees twice."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=width < 600, has_touch=width < 600
    )
    page = context.new_page()
    shifted = {}
    try:
        for url in built_guides(site):
            page.goto(site.url + url, wait_until="load")
            shift = page.evaluate(LAYOUT_SHIFT)
            if shift:
                page.goto(site.url + url, wait_until="load")
                shift = page.evaluate(LAYOUT_SHIFT)
            if shift:
                shifted[url] = shift
    finally:
        context.close()
    assert shifted == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lighthouse_measures_no_layout_shift_on_a_guide(lighthouse, site, lang):
    """Lighthouse (mobile) reports Cumulative Layout Shift 0 on a guide (it was 0.04-0.07
    while kb.js inserted the buttons after load)."""
    audit = run_lighthouse(f"{site.url}{PREFIXES[lang]}guides/{GUIDE}/", "mobile", ("performance",))
    assert audit.metrics["cumulative-layout-shift"] == "0"
