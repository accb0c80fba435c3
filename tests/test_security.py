"""Security gates: every page carries a Content-Security-Policy that allows only the site's own
origin (inline scripts by hash), the browser reports no violation of it, and the Markdown
sources may not smuggle in scripts, frames, event handlers or javascript: URLs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from knowledgebase.security import (
    add_csp_meta,
    content_security_policy,
    inline_script_hashes,
    lint_docs,
    lint_markdown,
    script_hash,
)
from support import ROOT, build_site, make_project
from test_build_failures import HOME

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>t</title>
<script>var a = 1;</script>
<script type="application/ld+json">{"@type": "FAQPage"}</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="x.js"></script>
</head><body><script>var b = "</p>";</script><script>var a = 1;</script></body></html>
"""


def csp_of(soup):
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return meta["content"] if meta else None


def directives(policy):
    return {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }  # {"script-src": ["'self'", "'sha256-…'"], ...}


# --- The policy, unit-tested on a small page -------------------------------------------------


def test_script_hash_is_the_csp_sha256_of_the_exact_text():
    """The hash the browser compares: base64 SHA-256 of the script text as written."""
    assert script_hash("var a = 1;") == "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"


def test_only_inline_executable_scripts_are_hashed_once_each():
    """JSON data blocks and external scripts need no hash; a repeated script is listed once."""
    assert inline_script_hashes(PAGE) == sorted(
        {script_hash("var a = 1;"), script_hash('var b = "</p>";')}
    )


def test_policy_allows_only_the_sites_own_origin_and_no_unsafe_inline():
    """Everything is limited to 'self' (images also data:, for Material's SVG icons); plugins
    and foreign base URLs are off; nothing is 'unsafe-inline' or 'unsafe-eval'."""
    policy = directives(content_security_policy(["'sha256-abc='"]))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'sha256-abc='"]
    assert policy["style-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert not any("unsafe" in source for sources in policy.values() for source in sources)


def test_meta_goes_right_after_charset_and_twice_is_an_error():
    """The policy covers everything after it, so it comes first after <meta charset>; a page
    that already has one (a template bug) is refused rather than given two."""
    html = add_csp_meta(PAGE)
    charset_end = html.index('<meta charset="utf-8">') + len('<meta charset="utf-8">')
    assert html[charset_end:].lstrip().startswith('<meta http-equiv="Content-Security-Policy"')
    with pytest.raises(ValueError, match="already has a Content-Security-Policy"):
        add_csp_meta(html)
    with pytest.raises(ValueError, match="no <meta charset"):
        add_csp_meta("<html><head><title>t</title></head></html>")


# --- The built site --------------------------------------------------------------------------


def test_every_page_has_the_policy_first_in_head_with_hashes_of_its_inline_scripts(site):
    """Each built page (both languages, 404 included) starts its <head> with <meta charset>
    followed by the policy, whose hashes allow exactly the page's inline scripts."""
    for path in site.pages():
        soup = site.html(path.relative_to(site.dir).as_posix())
        first, second = soup.head.find_all(True, limit=2)
        assert first.name == "meta" and first.get("charset") == "utf-8", path
        assert second.get("http-equiv") == "Content-Security-Policy", path
        inline = {
            script_hash(s.string or "")
            for s in soup.find_all("script")
            if not s.get("src") and s.get("type") in (None, "", "text/javascript", "module")
        }
        assert inline, f"{path}: Material's inline scripts are expected"
        allowed = set(directives(csp_of(soup))["script-src"]) - {"'self'"}
        assert allowed == inline, path


def test_no_violations_after_opening_search_and_typing_a_query(tab, site):
    """The search worker, the index download and the rendered results all stay within the
    policy, in both languages."""
    for home in ("", "en/"):
        tab.page.goto(site.url + home)
        tab.page.keyboard.press("/")
        tab.page.keyboard.type("mentor")
        tab.page.wait_for_selector(".md-search-result__item")
        tab.page.keyboard.press("Escape")
    assert tab.csp_violations == []
    assert tab.console_errors == []


def test_the_policy_blocks_an_injected_inline_script(tab, site):
    """The policy is enforced, not just present: a script injected into a page (as an XSS
    would) does not run, and the browser reports it."""
    tab.page.goto(site.url)
    ran = tab.page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__injected = true;";
                   document.body.append(s);
                   return window.__injected === true; }"""
    )
    assert ran is False
    tab.page.wait_for_timeout(100)
    assert any("script-src" in v for v in tab.csp_violations), tab.csp_violations


# --- The lint of docs/ -----------------------------------------------------------------------


def test_the_real_docs_pass_the_lint():
    """No page of the site has a raw script, frame, event handler or javascript: URL."""
    assert lint_docs(ROOT / "docs", ROOT) == []


SCRIPT_RULE = (
    "raw <script> element; pages may not run their own scripts (site behaviour belongs "
    "in overrides/assets/javascripts/)"
)
HANDLER_RULE = (
    "inline event handler attribute '{}='; pages may not run their own scripts "
    "(site behaviour belongs in overrides/assets/javascripts/)"
)
IFRAME_RULE = "raw <iframe> element; embed nothing from other sites, link to them instead"
JS_URL_RULE = "'javascript:' URL; links must point at pages or sections"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("<script>alert(1)</script>", SCRIPT_RULE),
        ("Text <SCRIPT src='https://evil.example/x.js'></SCRIPT>", SCRIPT_RULE),
        ('<iframe src="https://example.org"></iframe>', IFRAME_RULE),
        ('<img src="x.png" onerror="alert(1)">', HANDLER_RULE.format("onerror")),
        ("<div class=x onClick=go()>", HANDLER_RULE.format("onClick")),
        ('[link](page.md){ onclick="alert(1)" }', HANDLER_RULE.format("onclick")),
        ("[click](javascript:alert(1))", JS_URL_RULE),
        ("[click]( JavaScript:alert(1))", JS_URL_RULE),
        ('<a href="java&#115;cript:alert(1)">x</a>', JS_URL_RULE),
        ("[ref]: javascript:alert(1)", JS_URL_RULE),
        ("<javascript:alert(1)>", JS_URL_RULE),
    ],
)
def test_lint_names_file_line_and_rule(line, message):
    """Each forbidden construct is reported with the file, the line and what to do."""
    text = f"---\ntitle: T\n---\n\nIntro.\n\n{line}\n"
    assert lint_markdown("docs/page.en.md", text) == [f"docs/page.en.md:7: {message}"]


@pytest.mark.parametrize(
    "line",
    [
        "Use `<script>` only in code.",
        "Escaped text &lt;script&gt; is shown, not run.",
        "JavaScript: the language, mentioned in prose.",
        "Turn it on = off, once=never.",
        "A [normal link](guide.md) with { .class } attributes.",
    ],
)
def test_lint_allows_code_escaped_text_and_prose(line):
    """Code spans, escaped text and ordinary prose are not flagged."""
    assert lint_markdown("docs/page.en.md", line + "\n") == []


def test_lint_skips_fenced_code_blocks():
    """A fenced code block may show HTML; it is displayed, not run."""
    text = "Intro.\n\n```html\n<script>alert(1)</script>\n<a onclick=x>\n```\n\n<iframe>\n"
    assert lint_markdown("docs/p.id.md", text) == [f"docs/p.id.md:8: {IFRAME_RULE}"]


def test_build_fails_on_a_raw_script_naming_file_and_line(tmp_path):
    """The lint also runs in the build: `make build` / `make serve` refuse the page."""
    pages = {**HOME, "about.id.md": "# Tentang\n\nHalo.\n\n<script>alert(1)</script>\n"}
    pages["about.en.md"] = "# About\n\nHello.\n"
    build = build_site(make_project(tmp_path, pages), tmp_path / "site")
    assert build.returncode != 0
    assert f"ERROR   -  security: docs/about.id.md:5: {SCRIPT_RULE}" in build.warnings


def test_mkdocs_serve_pages_allow_the_live_reload_script_and_built_pages_do_not():
    """`make serve` injects an inline live-reload script that differs on every response, so
    served pages allow inline scripts; a build (what is deployed) only allows hashed ones."""
    import security  # hooks/security.py

    try:
        security.on_startup(command="serve", dirty=False)
        served = directives(csp_of(BeautifulSoup(security._with_policy(PAGE, "p"), "lxml")))
        security.on_startup(command="build", dirty=False)
        built = directives(csp_of(BeautifulSoup(security._with_policy(PAGE, "p"), "lxml")))
    finally:
        security.on_startup(command="build", dirty=False)
    assert served["script-src"] == ["'self'", "'unsafe-inline'"]
    assert built["script-src"] == ["'self'", *inline_script_hashes(PAGE)]


def test_html_written_outside_page_rendering_gets_the_policy_too(tmp_path):
    """HTML that reaches site/ without being rendered as a page (a redirect page written by a
    plugin, an HTML file copied from docs/) gets the policy, with its inline script hashed."""
    redirect = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Redirecting</title>'
        '<script>location.href="../";</script></head><body></body></html>'
    )
    pages = {**HOME, "legacy/old.html": redirect}
    build = build_site(make_project(tmp_path, pages), tmp_path / "site")
    assert build.returncode == 0, build.log
    soup = BeautifulSoup((tmp_path / "site" / "legacy" / "old.html").read_text(), "lxml")
    assert directives(csp_of(soup))["script-src"] == ["'self'", script_hash('location.href="../";')]


# --- Text is text: titles, summaries, labels and answers are escaped wherever they appear ------

# YAML escapes: the title holds "</title><script>..." only once YAML has decoded it.
HOSTILE_TITLE = r'"Guide \x3c/title\x3e\x3cscript\x3ealert(1)\x3c/script\x3e \" & co"'
HOSTILE_SUMMARY = (
    '\'Read this " http-equiv="refresh" content="0;url=//evil.example" <b>bold</b> and '
    "enough more words to pass the minimum length of the summary field.'"
)
HOSTILE_LABEL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A tiny site whose English guide title, summary, FAQ answer and tag label are hostile."""
    from test_parity import BASE

    tmp = tmp_path_factory.mktemp("hostile")
    pages = dict(BASE)
    guide = pages["guides/alpha.en.md"]
    guide = guide.replace("title: Guide alpha", f"title: {HOSTILE_TITLE}")
    guide = guide.replace(
        "summary: A summary that is long enough to pass the minimum length of eighty "
        "characters in all.",
        f"summary: {HOSTILE_SUMMARY}",
    )
    guide = guide.replace(
        "### Ask 1? { #faq-alpha-one }\n\nNetworking matters.",
        "### Ask 1? { #faq-alpha-one }\n\nNever type `<!--<script>` or `</script>` here.",
    )
    pages["guides/alpha.en.md"] = guide
    project = make_project(tmp, pages)
    tags = project / "data" / "tags.yml"
    text = tags.read_text(encoding="utf-8")
    tags.write_text(
        text.replace(
            "trust: {id: Kepercayaan, en: Trust}",
            f'trust: {{id: Kepercayaan, en: "{HOSTILE_LABEL}"}}',
        ),
        encoding="utf-8",
    )
    build = build_site(project, tmp / "site")
    assert build.returncode == 0, build.log
    return tmp / "site"


def test_hostile_title_and_summary_stay_text_in_title_meta_and_nav(hostile_site):
    """A title or summary with quotes, tags or YAML-escaped markup is shown as written in
    <title>, the description and og:* attributes and the nav; it never adds an element or an
    attribute (no script, no meta refresh) to any page."""
    from support import parse_html

    title = 'Guide </title><script>alert(1)</script> " & co'
    summary = HOSTILE_SUMMARY.strip("'")
    for page in sorted(hostile_site.rglob("*.html")):
        soup = parse_html(page)
        assert soup.find("meta", attrs={"http-equiv": "refresh"}) is None, page
        for script in soup.find_all("script"):
            assert "alert(1)" not in script.get_text(), page
        assert not soup.find_all("b", string="bold"), page
        assert not soup.find_all("img", attrs={"onerror": True}), page
    soup = parse_html(hostile_site / "en" / "guides" / "alpha" / "index.html")
    assert soup.title.string == f"{title} - Workplace Relationships Guide"
    assert soup.find("meta", attrs={"name": "description"})["content"] == summary
    assert soup.find("meta", attrs={"property": "og:description"})["content"] == summary
    assert soup.find("meta", attrs={"property": "og:title"})["content"] == title
    assert soup.find("h1").get_text() == title
    nav_titles = [a.get_text(" ", strip=True) for a in soup.select(".md-nav__link")]
    assert any(title in text for text in nav_titles), nav_titles


def test_hostile_tag_label_is_text_in_the_guide_meta_line(hostile_site):
    """A tag label from data/tags.yml is shown as written under the guide's summary."""
    from support import parse_html

    soup = parse_html(hostile_site / "en" / "guides" / "alpha" / "index.html")
    assert HOSTILE_LABEL in soup.select_one(".kb-meta").get_text()


def test_faq_jsonld_keeps_markup_in_an_answer_inside_its_script(hostile_site):
    """``<!--<script>`` or ``</script>`` in an FAQ answer can neither end the JSON-LD element nor
    leave it unclosed (which blanked the whole guide): the JSON parses and holds the answer."""
    import json

    from support import parse_html

    page = hostile_site / "en" / "guides" / "alpha" / "index.html"
    raw = page.read_text(encoding="utf-8")
    soup = parse_html(page)
    (block,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(block.string)
    answer = data["mainEntity"][0]["acceptedAnswer"]["text"]
    assert "<!--<script>" in answer and "</script>" in answer
    start = raw.index('<script type="application/ld+json">')
    assert "<" not in raw[start + 35 : raw.index("</script>", start)]
    assert soup.find("article") is not None  # the guide body is still there


def test_json_for_html_escapes_what_could_end_or_derail_a_script():
    """``<``, ``>``, ``&`` and U+2028/9 never appear literally in JSON placed in HTML, and the
    JSON still decodes to the same data; other text stays readable."""
    import json

    from knowledgebase.escaping import json_for_html

    data = {"a": "</script><!--x & y\u2028z\u2029", "b": "Kepercayaan \u00fc"}
    text = json_for_html(data)
    for char in "<>&\u2028\u2029":
        assert char not in text
    assert json.loads(text) == data
    assert "Kepercayaan \u00fc" in text


def test_markdown_text_shows_markup_as_text():
    """Text written into generated Markdown renders as the same text, not as elements."""
    import markdown
    from knowledgebase.escaping import markdown_text

    value = '<script>x</script> & <b>"bold"</b>'
    html = markdown.markdown(markdown_text(value))
    assert BeautifulSoup(html, "lxml").get_text() == value
    assert "<script" not in html and "<b>" not in html
