"""The reader's ways in: the help-centre home, the FAQ hub with its answers and filter, the
guides index by topic, a page per tag, and each guide's reviewed date (page and sitemap)."""

from __future__ import annotations

import copy
import posixpath
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urlsplit

import pytest
from knowledgebase.data import LANGUAGES, load_yaml, ui_text
from knowledgebase.errors import ContentError
from knowledgebase.faq import AnswerRenderer
from knowledgebase.hub import (
    Topic,
    first_sentence,
    format_date,
    guide_meta,
    guides_by_tag,
    parse_home,
    parse_topics,
    tag_of,
    tag_page_problems,
    topic_problems,
)
from support import ROOT, build_site, guide_pair, make_project, parse_html
from test_accessibility import RUN_AXE, describe
from test_knowledgebase import parse
from test_parity import BASE

UI = ui_text(ROOT / "data")
TOPICS = parse_topics("data/topics.yml", load_yaml(ROOT / "data" / "topics.yml"))
QUESTIONS = parse_home("data/home.yml", load_yaml(ROOT / "data" / "home.yml"))
PHONE = {"width": 375, "height": 812}


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def text_of(element) -> str:
    """What a reader reads in an element: its text without the ¶ permalink."""
    element = copy.copy(element)  # the parsed page is shared by every test (conftest.Site)
    for link in element.select(".headerlink"):
        link.decompose()
    return " ".join(element.get_text(" ", strip=True).split())


# --- The pure functions ---------------------------------------------------------------------


def test_first_sentence_stops_at_the_first_full_stop_before_a_capital():
    """The home shows one sentence per answer and card; an abbreviation does not cut it."""
    assert first_sentence("Mulai dari tim, mis. rekan satu meja. Lalu lanjutkan.") == (
        "Mulai dari tim, mis. rekan satu meja."
    )
    assert first_sentence("Is it? Yes. No.") == "Is it?"
    assert first_sentence("  One   sentence only  ") == "One sentence only"


def test_reviewed_date_is_written_out_in_each_language():
    day = date(2026, 12, 2)
    assert format_date(day, UI["id"]["months"]) == "2 Desember 2026"
    assert format_date(day, UI["en"]["months"]) == "2 December 2026"
    assert format_date(date(2027, 1, 9), UI["id"]["months"]) == "9 Januari 2027"
    with pytest.raises(ValueError, match="12 month names"):
        format_date(day, "Jan Feb")


def test_guide_meta_line_shows_the_date_and_links_tags_that_have_a_page():
    guide = parse()  # tags [trust], reviewed 2026-12-02 (test_knowledgebase.GUIDE)
    tags = {"trust": {"id": "Kepercayaan", "en": "Trust"}}
    line = guide_meta(guide, UI["id"], tags, {"trust": "../tags/trust.md"})
    assert line.startswith('Ditinjau <time datetime="2026-12-02">2 Desember 2026</time> · ')
    assert "Tag: [Kepercayaan](../tags/trust.md)" in line
    assert "Tag: Kepercayaan\n" in guide_meta(guide, UI["id"], tags, {})


def test_topics_file_errors_name_the_file_and_the_topic():
    with pytest.raises(ContentError, match=r"topics.yml: 'a.en': must be non-empty text"):
        parse_topics("topics.yml", {"a": {"id": "A", "en": " ", "guides": ["x"]}})
    with pytest.raises(ContentError, match=r"'a.guides': lists a guide twice"):
        parse_topics("topics.yml", {"a": {"id": "A", "en": "A", "guides": ["x", "x"]}})
    with pytest.raises(ContentError, match=r"'a': needs exactly the keys"):
        parse_topics("topics.yml", {"a": {"id": "A", "guides": ["x"]}})


def test_topic_problems_name_unknown_guides_and_guides_in_no_topic():
    topics = (Topic("start", {"id": "Mulai", "en": "Start"}, ("alpha", "typo")),)
    problems = topic_problems("data/topics.yml", topics, ["alpha", "beta"])
    assert problems == [
        "data/topics.yml: topic 'start' lists unknown guides ['typo']; "
        "known guides: ['alpha', 'beta']",
        "data/topics.yml: guide 'beta' is in no topic; add it to the 'guides' of at least one "
        "of ['start']",
    ]


def test_home_questions_must_be_six_different_ids():
    with pytest.raises(ContentError, match="must list 6 different FAQ ids"):
        parse_home("home.yml", {"questions": ["faq-a"] * 6})
    assert len(QUESTIONS) == 6


def test_tag_pages_are_checked_against_the_vocabulary_and_the_tags_in_use():
    assert tag_of("tags/career.en.md") == "career"
    assert tag_of("tags/index.md") is None and tag_of("guides/career.en.md") is None
    vocabulary = {"career": {}, "trust": {}}
    assert tag_page_problems([], ["career"], vocabulary) == []  # a site without tag pages
    assert tag_page_problems(["career", "carrer"], ["career", "trust"], vocabulary) == [
        "docs/tags/carrer.<lang>.md: 'carrer' is not a tag in data/tags.yml; rename the page "
        "or add the tag there",
        "tag 'trust' is used by a guide but has no page: create docs/tags/trust.id.md, "
        "docs/tags/trust.en.md, each with front matter 'generated: tag' (the build writes the "
        "title and the list)",
    ]


def test_answers_rendered_for_the_hub_rebase_links_written_for_the_guide():
    """An answer's links are written relative to its guide; on the hub they must still lead
    to the same places, and outside links stay as they are."""
    renderer = AnswerRenderer(["attr_list"], {})
    seen = []

    def resolve(url: str) -> str:
        seen.append(url)
        return "../guides/" + url

    html = renderer.render("See [this](other.md#faq) and [that](https://example.org/).", resolve)
    assert seen == ["other.md#faq", "https://example.org/"]
    assert 'href="../guides/other.md#faq"' in html


def test_a_tiny_site_without_topic_pages_builds_and_a_home_names_a_missing_question(tmp_path):
    """Sites without a generated home or guides index (the tiny test sites) need no topics; a
    home page whose configured question no guide has fails the build, naming the id."""
    home = "---\ntitle: Beranda\ngenerated: home\n---\n\nHalo.\n\n## Lain { #more }\n\nx\n"
    pages = {**BASE, **guide_pair("delta"), "index.id.md": home}
    pages["index.en.md"] = home.replace("Beranda", "Home")
    pages |= {
        f"{name}.{lang}.md": f"---\ntitle: {name}\ndescription: {name} here.\n---\n\nx\n"
        for name in ("start-here", "faq", "guides/index")
        for lang in LANGUAGES
    }
    result = build_site(make_project(tmp_path, pages), tmp_path / "site")
    assert result.returncode != 0
    assert (
        "data/home.yml: 'questions' names 'faq-why-relationships-matter', which is no guide's "
        "FAQ id" in result.log
    )
    assert "guide 'alpha' is in no topic" in result.log


def test_reviewed_date_is_shown_and_is_the_sitemap_lastmod_not_the_build_date(tmp_path):
    """A guide reviewed long before the build shows that date on its page, in both languages,
    and the sitemap gives it as lastmod (the real guides were all reviewed on the day this was
    written, so only a tiny site can tell the two dates apart)."""
    pages = dict(BASE)
    for lang in LANGUAGES:
        key = f"guides/alpha.{lang}.md"
        pages[key] = pages[key].replace("reviewed: 2026-12-02", "reviewed: 2025-03-04")
    result = build_site(make_project(tmp_path, pages), tmp_path / "site")
    assert result.returncode == 0, result.log
    site = tmp_path / "site"
    root = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {urlsplit(u.find("s:loc", ns).text).path: u.find("s:lastmod", ns).text for u in root}
    assert lastmod["/guides/alpha/"] == lastmod["/en/guides/alpha/"] == "2025-03-04"
    assert lastmod["/guides/beta/"] != "2025-03-04"
    shown = {
        lang: text_of(
            parse_html(site / prefix(lang) / "guides/alpha/index.html").select_one(".kb-meta time")
        )
        for lang in LANGUAGES
    }
    assert shown == {"id": "4 Maret 2025", "en": "4 March 2025"}


# --- The real site ----------------------------------------------------------------------------


def _target_text(site, page_rel: str, href: str) -> str | None:
    """The title or heading a link on ``page_rel`` leads to, or None for an outside link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = posixpath.normpath(posixpath.join("/" + page_rel, parts.path or "."))
    rel = path.lstrip("/")
    rel = rel + "/" if rel and not rel.endswith("/") else rel
    soup = site.html(rel)
    if parts.fragment:
        target = soup.find(id=parts.fragment)
        assert target is not None, f"{href} from /{page_rel}: no #{parts.fragment}"
        if target.name == "details":
            target = target.summary
        return text_of(target)
    return text_of(soup.select_one("article h1"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_on_the_home_page_says_where_it_leads(site, lang):
    """The home is generated: each link's label is the title or heading of what it opens."""
    page = prefix(lang)
    article = site.html(page).select_one("article")
    links = [a for a in article.select("a[href]") if "headerlink" not in a.get("class", [])]
    assert len(links) > 20
    for link in links:
        expected = _target_text(site, page, link["href"])
        if expected is not None:
            assert text_of(link) == expected, link["href"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_shows_topics_guide_cards_and_six_answered_questions(site, corpus, lang):
    soup = site.html(prefix(lang))
    assert [text_of(a) for a in soup.select("nav.kb-topics a")] == [t.label[lang] for t in TOPICS]
    for topic in TOPICS:
        cards = soup.select_one(f"h3#{topic.anchor}").find_next_sibling("div")
        assert "cards" in cards["class"]
        titles = [text_of(li.a) for li in cards.select("li")]
        assert titles == [corpus.guides[s][lang].title for s in topic.guides]
        for li, slug in zip(cards.select("li"), topic.guides, strict=True):
            summary = corpus.guides[slug][lang].summary
            assert text_of(li.select("p")[1]) == first_sentence(summary)
    questions = soup.select_one("h2#popular-questions").find_next_sibling("div").select("li")
    owners = {f.id: f for g in corpus.guides.values() for f in g[lang].faqs}
    assert [li.a["href"].split("#")[1] for li in questions] == list(QUESTIONS)
    for li, faq_id in zip(questions, QUESTIONS, strict=True):
        assert text_of(li.select("p")[1]) == first_sentence(owners[faq_id].answer_text)
        assert text_of(li.select("p")[1]).endswith((".", "?", "!"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guides_index_lists_each_guide_in_every_topic_that_has_it(site, corpus, lang):
    soup = site.html(f"{prefix(lang)}guides/")
    jumps = soup.select("nav.kb-topics a")
    assert [(text_of(a), a["href"]) for a in jumps] == [
        (t.label[lang], f"#{t.anchor}") for t in TOPICS
    ]
    listed = set()
    for topic in TOPICS:
        heading = soup.select_one(f"h2#{topic.anchor}")
        assert text_of(heading) == topic.label[lang]
        items = heading.find_next_sibling("ul").select(":scope > li")
        slugs = [li.a["href"].strip("/").split("/")[-1] for li in items]
        assert slugs == list(topic.guides)
        listed |= set(slugs)
    assert listed == set(corpus.guides)
    assert 3 <= len(TOPICS) <= 4


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_guide_shows_its_reviewed_date_and_tags_linking_to_tag_pages(site, corpus, lang):
    months = UI[lang]["months"]
    by_tag = guides_by_tag(g[lang] for g in corpus.guides.values())
    for slug, by_lang in corpus.guides.items():
        guide = by_lang[lang]
        page = f"{prefix(lang)}guides/{slug}/"
        meta = site.html(page).select_one("article .kb-meta")
        assert meta.find_previous_sibling("p")["class"] == ["kb-summary"]
        time = meta.time
        assert time["datetime"] == guide.reviewed.isoformat()
        assert text_of(meta).startswith(
            UI[lang]["reviewed"].format(date=format_date(guide.reviewed, months))
        )
        links = meta.select("a")
        assert [text_of(a) for a in links] == [corpus.tags[t][lang] for t in guide.tags]
        for tag, link in zip(guide.tags, links, strict=True):
            tag_rel = posixpath.normpath(posixpath.join("/" + page, link["href"])).lstrip("/")
            assert tag_rel == f"{prefix(lang)}tags/{tag}"
            tag_page = site.html(tag_rel + "/")
            assert text_of(tag_page.select_one("article h1")) == UI[lang]["tag_page_title"].format(
                tag=corpus.tags[tag][lang]
            )
            listed = [text_of(li.a) for li in tag_page.select("article li")]
            assert listed == [g.title for g in by_tag[tag]]


def test_sitemap_lastmod_of_each_guide_is_its_reviewed_date(site, corpus):
    """Search engines learn when the advice was last checked, not when the site was built; a
    tag page changed when the latest of its guides did."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.dir / "sitemap.xml").getroot()
    lastmod = {u.find("s:loc", ns).text: u.find("s:lastmod", ns).text for u in root}
    for slug, by_lang in corpus.guides.items():
        for lang, guide in by_lang.items():
            assert lastmod[f"{site.url}{prefix(lang)}guides/{slug}/"] == guide.reviewed.isoformat()
    for lang in LANGUAGES:
        for tag, guides in guides_by_tag(g[lang] for g in corpus.guides.values()).items():
            latest = max(g.reviewed for g in guides).isoformat()
            assert lastmod[f"{site.url}{prefix(lang)}tags/{tag}/"] == latest


@pytest.mark.parametrize("lang", LANGUAGES)
def test_faq_hub_holds_every_answer_grouped_by_guide_in_title_order(site, corpus, lang):
    """Every question of every guide, with its whole answer, closed by default; groups in the
    order of the titles readers see. FAQPage data stays on the guides (one home per answer)."""
    soup = site.html(f"{prefix(lang)}faq/")
    guides = sorted((g[lang] for g in corpus.guides.values()), key=lambda g: g.title.casefold())
    headings = [h for h in soup.select("article h2[id]") if h["id"] in corpus.guides]
    assert [h["id"] for h in headings] == [g.slug for g in guides]
    for guide in guides:
        group = soup.select_one(f"h2#{guide.slug}").find_next_sibling("div")
        blocks = group.select("details.kb-faq")
        assert [d["id"] for d in blocks] == list(guide.faq_ids)
        for block, faq in zip(blocks, guide.faqs, strict=True):
            assert not block.has_attr("open")
            assert text_of(block.summary) == faq.question_text
            answer = copy.copy(block.select_one(".kb-faq__answer"))
            answer.select_one(".kb-faq__source").decompose()
            assert text_of(answer).replace(" ", "") == faq.answer_text.replace(" ", "")
    assert soup.select('script[type="application/ld+json"]') == []


def test_faq_hub_answer_links_lead_where_they_lead_on_the_guide(site):
    """Answers that link elsewhere (another guide's FAQ) are rebased onto the hub's URL."""
    soup = site.html("faq/")
    hrefs = [a["href"] for a in soup.select(".kb-faq__answer > p:not(.kb-faq__source) a")]
    # Some answer links to another guide: the check below must have something to check.
    assert any(href.startswith("../guides/") for href in hrefs)
    for href in hrefs:
        if not urlsplit(href).scheme:
            assert _target_text(site, "faq/", href)


# --- In the browser ---------------------------------------------------------------------------


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_first_screen_has_search_topics_and_start_here(phone, site, lang):
    """On a 375x812 phone the first screen shows a search entry, three or more topics and the
    Start-here path, and tapping the entry opens the site search ready to type."""
    phone.goto(site.url + prefix(lang))
    first_screen = phone.evaluate(
        """() => [...document.querySelectorAll(
              '[data-kb-search-open], nav.kb-topics a, #where-to-start ~ .cards a')]
            .filter(el => { const r = el.getBoundingClientRect();
                            return r.height > 0 && r.bottom <= innerHeight; })
            .map(el => el.matches('[data-kb-search-open]') ? 'search'
                       : el.closest('nav') ? 'topic' : el.getAttribute('href'))"""
    )
    assert "search" in first_screen
    assert first_screen.count("topic") >= 3
    assert "start-here/" in first_screen
    phone.tap("[data-kb-search-open]")
    phone.wait_for_function("() => document.getElementById('__search').checked")
    assert phone.evaluate("document.activeElement.matches('[data-md-component=search-query]')")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_faq_filter_narrows_the_questions_as_you_type(tab, site, corpus, lang):
    page = tab.page
    page.goto(site.url + f"{prefix(lang)}faq/")
    total = sum(len(g[lang].faqs) for g in corpus.guides.values())
    count = "n => document.querySelectorAll('details.kb-faq:not([hidden])').length === n"
    assert page.evaluate(count, total)
    page.fill("#kb-faq-filter", "mentor")
    expected = [
        f.id
        for g in sorted((g[lang] for g in corpus.guides.values()), key=lambda g: g.title.casefold())
        for f in g.faqs
        # The question, its answer and the guide it belongs to (named under each answer).
        if re.search(r"\bmentor", f"{f.question_text} {f.answer_text} {g.title}", re.I)
    ]
    page.wait_for_function(count, arg=len(expected))
    shown = page.eval_on_selector_all("details.kb-faq:not([hidden])", "els => els.map(e => e.id)")
    assert shown == expected and 0 < len(expected) < total
    status = page.text_content("[data-kb-faq-status]")
    assert status == UI[lang]["faq_filter_count"].format(shown=len(expected), total=total)
    # Groups with nothing left disappear with their heading.
    hidden_headings = page.eval_on_selector_all("article h2[hidden]", "els => els.length")
    assert hidden_headings == len(
        [g for g in corpus.guides.values() if not any(f.id in expected for f in g[lang].faqs)]
    )
    page.fill("#kb-faq-filter", "zzqx")
    page.wait_for_function(count, arg=0)
    assert page.text_content("[data-kb-faq-status]") == UI[lang]["faq_filter_none"]
    page.fill("#kb-faq-filter", "")
    page.wait_for_function(count, arg=total)
    assert tab.console_errors == [] and tab.csp_violations == []


def test_faq_hub_opens_the_answer_the_address_targets_and_prints_every_answer(tab, site):
    page = tab.page
    page.goto(site.url + "en/faq/#faq-identify-mentors")
    page.wait_for_function("() => document.getElementById('faq-identify-mentors').open")
    assert page.evaluate("document.querySelectorAll('details.kb-faq[open]').length") == 1
    page.goto(site.url + "en/faq/")
    page.emulate_media(media="print")
    closed_answers_seen = page.evaluate(
        """() => [...document.querySelectorAll('details.kb-faq:not([open]) .kb-faq__answer')]
                 .filter(el => el.getBoundingClientRect().height > 0).length"""
    )
    assert closed_answers_seen == page.evaluate(
        "document.querySelectorAll('details.kb-faq').length"
    )


def test_hub_pages_pass_axe_in_their_interactive_states(browser, site, axe_source):
    """The open search from the home's entry, a filtered FAQ hub with an open answer, and a
    tag page pass axe's WCAG 2.2 AA rules on a phone, light and dark."""
    found = []
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme
        )
        context.add_init_script(script=axe_source)
        page = context.new_page()
        try:
            for lang in LANGUAGES:
                page.goto(site.url + f"{prefix(lang)}faq/#faq-identify-mentors")
                page.fill("#kb-faq-filter", "mentor")
                page.wait_for_timeout(200)
                found += describe(page.evaluate(RUN_AXE)["violations"], f"{lang} faq {scheme}")
                page.goto(site.url + f"{prefix(lang)}tags/career/")
                found += describe(page.evaluate(RUN_AXE)["violations"], f"{lang} tag {scheme}")
        finally:
            context.close()
    assert found == []


def test_site_scripts_unit_tests_pass_under_node():
    """Every node --test suite in tests/js passes: kb-hub.js's matching (accents, word starts,
    every word), kb-search.js's roots, spoken affixes, stop words and answer re-ranking, and
    kb-pack.js's formats (HTML, plain text, Markdown, CSV, selection in the address)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
