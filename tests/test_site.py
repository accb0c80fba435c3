"""The foundation: both languages build cleanly, each page says its language, and the site
works under a GitHub Pages sub-path."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from knowledgebase.data import LANGUAGES
from mkdocs.utils.yaml import yaml_load
from support import ROOT


def page_urls(lang: str) -> list[str]:
    """Site-relative URL of every Markdown page, for one language."""
    urls = []
    for source in sorted((ROOT / "docs").rglob("*.id.md")):
        rel = source.relative_to(ROOT / "docs").as_posix().removesuffix(".id.md")
        rel = "" if rel == "index" else rel.removesuffix("/index") + "/"
        urls.append(rel if lang == LANGUAGES[0] else f"{lang}/{rel}")
    return urls


def test_build_is_strict_and_silent(site):
    """`mkdocs build --strict` passes with zero warnings (the bar for every change)."""
    assert site.build.warnings == []


def test_every_page_exists_in_both_languages(site):
    """Each source page is published at / (Indonesian) and at /en/ (English)."""
    for lang in LANGUAGES:
        for url in page_urls(lang):
            assert (site.dir / url / "index.html").is_file(), f"missing {lang} page /{url}"


def test_html_lang_matches_the_page_language(site):
    """Screen readers and search engines rely on <html lang>: id at the root, en under /en/."""
    for path in site.pages():
        rel = path.relative_to(site.dir)
        expected = "en" if rel.parts[0] == "en" else "id"
        lang = site.html(rel.as_posix()).html["lang"]
        assert lang == expected, f"{rel} has lang={lang}"


def test_site_name_and_description_are_per_language(site):
    """Titles and meta descriptions are in the reader's language."""
    home_id, home_en = site.html(""), site.html("en/")
    assert "Panduan Relasi Kerja" in home_id.title.string
    assert "Workplace Relationships Guide" in home_en.title.string
    desc_id = home_id.find("meta", attrs={"name": "description"})["content"]
    desc_en = home_en.find("meta", attrs={"name": "description"})["content"]
    assert desc_id != desc_en and desc_id and desc_en


def test_languages_constant_matches_mkdocs_yml():
    """The hooks' language list (default first) is the one static-i18n builds."""
    config = yaml_load((ROOT / "mkdocs.yml").open(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    configured = [lang["locale"] for lang in i18n["languages"]]
    default = [lang["locale"] for lang in i18n["languages"] if lang.get("default")]
    assert tuple(configured) == LANGUAGES and default == [LANGUAGES[0]]


def test_root_404_is_indonesian_first_and_links_home_in_both_languages(site):
    """GitHub Pages serves the root 404.html for every missing URL in either language, so it is
    the Indonesian page (not the last language built) and also offers English."""
    soup = site.html("404.html")
    assert soup.html["lang"] == "id"
    sections = {s["lang"]: s for s in soup.select("section.kb-not-found")}
    assert set(sections) == set(LANGUAGES)
    prefix = urlsplit(site.url).path
    assert sections["id"].a["href"] == prefix
    assert sections["en"].a["href"] == f"{prefix}en/"


def test_404_page_is_styled_and_usable_at_any_depth(tab, site):
    """A missing deep URL shows the styled 404 page whose home link works (absolute URLs)."""
    response = tab.page.goto(site.url + "en/no/such/page/")
    assert response.status == 404
    assert tab.page.locator("h1").first.inner_text() == "Halaman tidak ditemukan"
    # The stylesheet loaded (Material's header is laid out, not raw HTML).
    assert tab.page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in (
        "sticky",
        "fixed",
    )
    tab.page.locator("#not-found-en a").click()
    tab.page.wait_for_load_state()
    assert tab.page.url == site.url + "en/"


def test_language_switcher_keeps_page_and_anchor(tab, site):
    """Switching language lands on the same page and section in the other language."""
    page = tab.page
    anchor = "#" + site.html("").select("h2[id]")[-1]["id"]
    page.goto(site.url + anchor)
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(site.url + "en/" + anchor)
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=id]").click()
    page.wait_for_url(site.url + anchor)
    assert page.locator("html").get_attribute("lang") == "id"


# No request leaving the site, console errors and CSP violations are checked on the axe visits
# of every page (tests/test_accessibility.py), which load each page anyway.


def test_palette_toggle_switches_between_light_and_dark(tab, site):
    """Readers can switch to a dark scheme and back."""
    page = tab.page
    page.emulate_media(color_scheme="light")
    page.goto(site.url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for^=__palette]:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("label.md-header__button[for^=__palette]:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "default"


def test_readable_on_a_phone(browser, site):
    """At 375 px wide the page does not scroll sideways."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        for url in ("", "en/"):
            page.goto(site.url + url)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"/{url} overflows by {overflow}px"
    finally:
        context.close()


def test_no_stray_files_are_published(site):
    """Hook sources and data files are not copied into the site."""
    published = {p.suffix for p in site.dir.rglob("*") if p.is_file()}
    assert not published & {".py", ".yml", ".yaml", ".md"}


def test_every_link_between_pages_lands_on_a_page_and_anchor(site):
    """A reader who follows any link in a page's content (glossary terms, related guides, FAQ
    hub, checklists, sources, the translation link) lands on a built page in the same language
    (unless the link says it leads to the other one) and, if the link names an anchor, on that
    element. Some lists are rendered after Markdown, where MkDocs no longer checks links, so
    this checks the built HTML itself."""
    ids: dict[Path, set[str]] = {}
    langs: dict[Path, str] = {}
    checked = 0
    for page in site.pages():
        soup = site.parsed_file(page)
        lang = soup.html["lang"]
        for a in soup.select("article a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("#", "mailto:")):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site's base path
                root = urlsplit(site.url).path
                assert parts.path.startswith(root), f"{page}: {href} leaves the site"
                target = site.dir / parts.path.removeprefix(root)
            else:
                target = (page.parent / parts.path).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site.dir)}: link to {href} is broken"
            if target not in ids:
                target_soup = site.parsed_file(target)
                ids[target] = {e["id"] for e in target_soup.select("[id]")}
                langs[target] = target_soup.html["lang"]
            if not a.has_attr("hreflang") and page.name != "404.html":
                assert langs[target] == lang, (
                    f"{page.relative_to(site.dir)} ({lang}): {href} leads to a "
                    f"'{langs[target]}' page"
                )
            if parts.fragment:
                assert parts.fragment in ids[target], (
                    f"{page.relative_to(site.dir)}: {href} names a missing anchor"
                )
            checked += 1
    assert checked > 400  # the real site has about 500: the check did run over them
