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
    served pages allow inline scripts; a build (what is deployed) only allows the hashes of the
    scripts its templates wrote, not of every script in the page."""
    import security  # hooks/security.py

    template = frozenset({"var a = 1;"})
    try:
        security.on_startup(command="serve", dirty=False)
        served = directives(
            csp_of(BeautifulSoup(security._with_policy(PAGE, "p", template), "lxml"))
        )
        security.on_startup(command="build", dirty=False)
        built = directives(
            csp_of(BeautifulSoup(security._with_policy(PAGE, "p", template), "lxml"))
        )
    finally:
        security.on_startup(command="build", dirty=False)
    assert served["script-src"] == ["'self'", "'unsafe-inline'"]
    assert built["script-src"] == ["'self'", script_hash("var a = 1;")]


REDIRECT_LIKE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Redirecting</title>'
    '<script>location.href="../";</script></head><body></body></html>'
)
FIX = (
    "remove it from the source: content is shown, never run, and may not redirect "
    "(site behaviour belongs in overrides/assets/javascripts/, redirects in redirect_maps)"
)
# One tiny site with a script, a redirect or a <base> arriving through every way into site/
# that the Markdown lint does not read: raw .html, a .markdown page, HTML in a page's body.
CONTENT_PATHS = {
    **HOME,
    "legacy/old.html": REDIRECT_LIKE.replace(
        "<title>", '<base href="https://evil.example/"><title>'
    ),
    "raw.markdown": "---\ntitle: Raw\n---\n\nText <script>window.__ran = 1</script>\n",
    "index.en.md": HOME["index.en.md"]
    + '\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n',
}


@pytest.fixture(scope="module")
def content_scripts_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("content-scripts")
    return build_site(make_project(tmp, CONTENT_PATHS), tmp / "site")


def test_scripts_redirects_and_base_from_content_fail_the_build_naming_the_source(
    content_scripts_build,
):
    """Whatever wrote a built HTML file, an inline script the templates did not write, a meta
    refresh or a <base> fails the build, all at once, naming the source and the built line."""
    build = content_scripts_build
    assert build.returncode == 1
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR   -  security: docs/index.en.md: site/en/index.html:419: "
        f'<meta http-equiv="refresh"> (a page may not redirect); {FIX}',
        "ERROR   -  security: docs/legacy/old.html: site/legacy/old.html:2: <base> element "
        f"(it would change where every link goes); {FIX}",
        "ERROR   -  security: docs/legacy/old.html: site/legacy/old.html:2: inline <script> "
        f"the site's templates did not write: 'location.href=\"../\";'; {FIX}",
        "ERROR   -  security: docs/raw.markdown: site/raw/index.html:376: inline <script> "
        f"the site's templates did not write: 'window.__ran = 1'; {FIX}",
    ]


def test_the_policy_never_hashes_a_script_that_content_put_in_a_page(content_scripts_build):
    """The policy of a page lists exactly the theme's own inline scripts: the content script of
    raw.markdown and the raw .html file's script get no hash."""
    site = content_scripts_build.site_dir
    soup = BeautifulSoup((site / "raw" / "index.html").read_text(), "lxml")
    allowed = set(directives(csp_of(soup))["script-src"]) - {"'self'"}
    inline = {script_hash(s.string or "") for s in soup.find_all("script") if not s.get("src")}
    assert script_hash("window.__ran = 1") in inline
    assert allowed == inline - {script_hash("window.__ran = 1")} - {
        script_hash(s.string or "")
        for s in soup.find_all("script")
        if s.get("type") in ("application/json", "application/ld+json")
    }
    old = BeautifulSoup((site / "legacy" / "old.html").read_text(), "lxml")
    assert directives(csp_of(old))["script-src"] == ["'self'"]


def test_a_script_that_reaches_a_page_through_content_does_not_run(browser, content_scripts_build):
    """Even published, a script from content does not run in Chromium: no dialog, no effect,
    and the browser reports the CSP violation; the theme's own scripts still run."""
    from conftest import watch_csp
    from support import serve

    site = content_scripts_build.site_dir
    page_file = site / "raw" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(
        html.replace("Text ", "Text <script>alert(1)</script>", 1), encoding="utf-8"
    )
    context = browser.new_context()
    violations: list[str] = []
    watch_csp(context, violations)
    dialogs: list[str] = []
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(site) as url:
        tab.goto(url + "raw/")
        tab.wait_for_load_state("load")
        ran = tab.evaluate("() => window.__ran === 1")
        scope = tab.evaluate("() => typeof window.__md_scope")
    context.close()
    assert dialogs == [] and ran is False
    assert scope == "object"  # Material's inline set-up script ran: it is allowed
    assert sum("script-src" in v and "inline" in v for v in violations) >= 2, violations


def test_the_builds_own_redirect_pages_pass_and_a_copy_elsewhere_does_not(tmp_path):
    """mkdocs-redirects' pages for redirect_maps entries (meta refresh and script) are the one
    exception, with their script hashed; the same page written into docs/ fails the build.
    Fails loudly if mkdocs-redirects changes the page it writes."""
    from mkdocs_redirects.plugin import HTML_TEMPLATE

    copy = HTML_TEMPLATE.format(url="../")
    project = make_project(tmp_path, {**HOME, "fake/index.html": copy})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      redirect_maps: {}" in text
    entries = "\n        'old-home.md': 'index.md'"
    config.write_text(text.replace("      redirect_maps: {}", f"      redirect_maps:{entries}"))
    build = build_site(project, tmp_path / "site")
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert [e.split(":")[1:3] for e in errors] == [
        [" docs/fake/index.html", " site/fake/index.html"]
    ] * 2, build.log
    for lang in ("", "en/"):
        redirect = tmp_path / "site" / lang / "old-home" / "index.html"
        soup = BeautifulSoup(redirect.read_text(encoding="utf-8"), "lxml")
        assert soup.find("meta", attrs={"http-equiv": "refresh"}) is not None
        (script,) = soup.find_all("script")
        assert directives(csp_of(soup))["script-src"] == ["'self'", script_hash(script.string)]


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
    # The same markup through every other text field of data/ that reaches a page.
    data = project / "data"
    for name, old, new in HOSTILE_DATA:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture drift: {old!r} not in data/{name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    build = build_site(project, tmp / "site")
    assert build.returncode == 0, build.log
    return tmp / "site"


HOSTILE_DATA = (
    (
        "glossary.yml",
        "    definition: Building and looking after professional relationships",
        f"    definition: {HOSTILE_LABEL} Building and looking after professional relationships",
    ),
    ("ui.yml", "  tags_label: Tags", f'  tags_label: "Tags {HOSTILE_LABEL}"'),
    ("ui.yml", '  reviewed: "Reviewed {date}"', f'  reviewed: "Reviewed {HOSTILE_LABEL} {{date}}"'),
    (
        "sources.yml",
        "    title: Building work relationships for career growth",
        f'    title: "Building work relationships {HOSTILE_LABEL}"',
    ),
    (
        "sources.yml",
        "    description: An Indonesian-language article on nurturing work relationships for "
        "professional growth, with a six-question FAQ.",
        f'    description: "{HOSTILE_LABEL} An Indonesian-language article"',
    ),
)


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


def test_hostile_tag_label_and_ui_text_are_text_in_the_guide_meta_line(hostile_site):
    """A tag label (data/tags.yml) and the UI strings around it (data/ui.yml) are shown as
    written under the guide's summary, and the reviewed date is still a <time> element."""
    from support import parse_html

    soup = parse_html(hostile_site / "en" / "guides" / "alpha" / "index.html")
    meta = soup.select_one(".kb-meta")
    assert meta.get_text().count(HOSTILE_LABEL) == 3
    assert meta.find("time")["datetime"] == "2026-12-02"


def test_hostile_source_title_and_description_are_text_in_the_credits(hostile_site):
    """A source's title and description (data/sources.yml) are shown as written in the
    guide's credits."""
    from support import parse_html

    soup = parse_html(hostile_site / "en" / "guides" / "alpha" / "index.html")
    text = soup.find("article").get_text()
    assert f"Building work relationships {HOSTILE_LABEL}" in text
    assert f"{HOSTILE_LABEL} An Indonesian-language article" in text


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


def test_hostile_glossary_definition_is_text_on_the_glossary_page(hostile_site):
    """A glossary definition (data/glossary.yml) is shown as written on the glossary page."""
    from support import parse_html

    soup = parse_html(hostile_site / "en" / "glossary" / "index.html")
    assert f"{HOSTILE_LABEL} Building and looking after" in soup.find("article").get_text()
