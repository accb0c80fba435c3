"""Bad input: each kind of broken content fails `make build` (``scripts/build.py``) with a
non-zero exit and a message naming the file and the problem, and leaves the previously built
``site/`` exactly as it was. Each case is a tiny site in tmp_path with one defect."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import make_build, make_project
from test_parity import BASE

NAV = """
nav:
  - index.md
  - about.md
  - glossary.md
  - guides/alpha.md
  - guides/beta.md
  - guides/gamma.md
"""
NAV_WITH_MISSING = NAV + "  - guides/missing.md\n"


def replace(path: str, old: str, new: str) -> dict[str, str]:
    pages = dict(BASE)
    assert old in pages[path], f"fixture drift: {old!r} not in {path}"
    pages[path] = pages[path].replace(old, new)
    return pages


def without(path: str) -> dict[str, str]:
    pages = dict(BASE)
    del pages[path]
    return pages


ALPHA_ID, ALPHA_EN = "guides/alpha.id.md", "guides/alpha.en.md"
SAFETY_FIX = (
    "remove it from the source: content is shown, never run, and may not redirect "
    "(site behaviour belongs in overrides/assets/javascripts/, redirects in redirect_maps)"
)
CASES = {
    "malformed front matter YAML": (
        replace(ALPHA_ID, "title: Panduan alpha", "title: [Panduan alpha"),
        "ERROR   -  Content error: docs/guides/alpha.id.md: front matter is not valid YAML: "
        "did not find expected ',' or ']' (line 3, column 8)",
    ),
    "malformed front matter YAML on a page": (
        replace("about.id.md", "title: Tentang", "title: Tentang: [x"),
        "ERROR   -  Content error: docs/about.id.md: front matter is not valid YAML: "
        "mapping values are not allowed in this context (line 2, column 15)",
    ),
    "front matter field of the wrong type": (
        replace(ALPHA_ID, "tags: [trust]", "tags: trust"),
        "ERROR   -  Content error: docs/guides/alpha.id.md: 'tags': must be a list of ids, "
        "e.g. [a, b]",
    ),
    "unknown front matter field": (
        replace(ALPHA_ID, "tags: [trust]", "tags: [trust]\nauthor: me"),
        "ERROR   -  Content error: docs/guides/alpha.id.md: 'author': unknown field; allowed "
        "fields: ['title', 'summary', 'tags', 'sources', 'reviewed', 'checklist', 'related', "
        "'draft', 'translated']",
    ),
    "missing translation of a guide": (
        without("guides/beta.en.md"),
        "ERROR   -  validation: guide 'beta': translation missing: docs/guides/beta.en.md "
        "(found docs/guides/beta.id.md); every guide needs a file per language",
    ),
    "missing translation of a page": (
        without("glossary.en.md"),
        "ERROR   -  validation: page 'glossary': translation missing: docs/glossary.en.md "
        "(found docs/glossary.id.md); every page needs a file per language",
    ),
    "duplicate id": (
        replace("guides/gamma.id.md", "{ #faq-gamma-two }", "{ #main-part }"),
        "ERROR   -  Content error: docs/guides/gamma.id.md: 'main-part': duplicate id in this "
        "guide",
    ),
    "FAQ question with an empty answer": (
        replace(
            ALPHA_EN,
            "### Ask 2? { #faq-alpha-two }\n\nNetworking matters.\n",
            "### Ask 2? { #faq-alpha-two }\n",
        ),
        "ERROR   -  Content error: docs/guides/alpha.en.md: 'faq-alpha-two': FAQ question has "
        "an empty answer",
    ),
    "broken internal link": (
        replace("about.id.md", "Dua artikel.", "Lihat [halaman](missing.md)."),
        "WARNING -  Doc file 'about.id.md' contains a link 'missing.md', but the target is not "
        "found among documentation files.",
    ),
    "broken anchor": (
        replace("about.id.md", "Dua artikel.", "Lihat [bagian](glossary.md#tidak-ada)."),
        "WARNING -  Doc file 'about.id.md' contains a link 'glossary.md#tidak-ada', but the doc "
        "'glossary.id.md' does not contain an anchor '#tidak-ada'.",
    ),
    "checklist item id that differs between languages": (
        replace(ALPHA_EN, "{id: third-step,", "{id: last-step,"),
        "ERROR   -  validation: guide 'alpha': checklist item ids differ between languages; "
        "missing in docs/guides/alpha.en.md: ['third-step']; not in docs/guides/alpha.id.md: "
        "['last-step']",
    ),
    # Only content is published.
    "page that takes the English site's root": (
        {
            **BASE,
            "en.id.md": "---\ntitle: Palsu\n---\n\nTeks.\n",
            "en.en.md": "---\ntitle: Fake\n---\n\nText.\n",
        },
        "ERROR   -  validation: docs/en.id.md: its output 'en/index.html' is inside the en "
        "site's root (en/); rename or move it",
    ),
    "docs file that replaces the site's script": (
        {**BASE, "assets/javascripts/kb.js": "alert(1);\n"},
        "ERROR   -  validation: docs/assets/javascripts/kb.js: would replace the theme's file "
        "'assets/javascripts/kb.js' (overrides/ or Material); rename or move it",
    ),
    "docs file that replaces the 404 page": (
        {**BASE, "404.html": "<!doctype html><title>Gone</title>\n"},
        "ERROR   -  validation: docs/404.html: its output '404.html' is the site's 404 page; "
        "rename or move it",
    ),
    "two pages with one URL": (
        {
            **BASE,
            "about/index.id.md": BASE["about.id.md"],
            "about/index.en.md": BASE["about.en.md"],
        },
        "ERROR   -  validation: docs/about.id.md: publishes 'about/index.html', as "
        "docs/about/index.id.md does; each URL needs one source: rename one of them",
    ),
    "heading id used twice on a page": (
        replace("about.en.md", "Two articles.", "Two articles.\n\n## More { #sources }\n\nMore."),
        "ERROR   -  validation: docs/about.en.md: id 'sources' is used by more than one element "
        "of the page, so a link to '#sources' opens the first; give each heading its own { #id }",
    ),
    # Scripts, redirects and <base> through the ways into site/ that the lint does not read.
    "inline script in a raw HTML file": (
        {
            **BASE,
            "legacy.html": '<!doctype html><html><head><meta charset="utf-8"></head>'
            "<body><script>alert(1)</script></body></html>\n",
        },
        "ERROR   -  security: docs/legacy.html: site/legacy.html:2: inline <script> the site's "
        f"templates did not write: 'alert(1)'; {SAFETY_FIX}",
    ),
    "script in a .markdown page": (
        {**BASE, "raw.markdown": "---\ntitle: Raw\n---\n\nText <script>alert(1)</script>\n"},
        "ERROR   -  security: docs/raw.markdown: site/raw/index.html:474: inline <script> the "
        f"site's templates did not write: 'alert(1)'; {SAFETY_FIX}",
    ),
    "meta refresh in a page body": (
        replace(
            "about.en.md",
            "Two articles.",
            'Two articles.\n\n<meta http-equiv="refresh" content="0;url=https://evil.example">',
        ),
        "ERROR   -  security: docs/about.en.md: site/en/about/index.html:558: "
        f'<meta http-equiv="refresh"> (a page may not redirect); {SAFETY_FIX}',
    ),
    "base element in a page body": (
        replace(
            "about.en.md", "Two articles.", 'Two articles.\n\n<base href="https://evil.example/">'
        ),
        "ERROR   -  security: docs/about.en.md: site/en/about/index.html:558: <base> element "
        f"(it would change where every link goes); {SAFETY_FIX}",
    ),
    "script in an SVG file": (
        {
            **BASE,
            "pic.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n',
        },
        "ERROR   -  security: docs/pic.svg: site/pic.svg:1: inline <script> the site's templates "
        f"did not write: 'alert(1)'; {SAFETY_FIX}",
    ),
    "docs file that replaces the sitemap": (
        {**BASE, "sitemap.xml": "<urlset/>\n"},
        "ERROR   -  validation: docs/sitemap.xml: its output 'sitemap.xml' is the sitemap; "
        "rename or move it",
    ),
    "event handler in an attribute list": (
        replace("about.en.md", "Two articles.", '[x](about.md){ onclick="alert(1)" }'),
        "ERROR   -  security: docs/about.en.md: site/en/about/index.html:557: inline event "
        f"handler attribute 'onclick=' on <a>; {SAFETY_FIX}",
    ),
    "javascript: URL written with a character reference": (
        replace("about.en.md", "Two articles.", "[x](java&#115;cript:alert(1))"),
        "ERROR   -  security: docs/about.en.md: site/en/about/index.html:557: 'javascript:' URL "
        f"in <a href=>; {SAFETY_FIX}",
    ),
    "generated: value with a typo": (
        replace("glossary.en.md", "generated: glossary", "generated: glosary"),
        "ERROR   -  Content error: docs/glossary.en.md: 'generated': unknown value 'glosary'; "
        "one of ['checklists', 'faq', 'glossary', 'guides-index', 'home', 'links', 'tag']",
    ),
    "unknown tag": (
        replace(ALPHA_EN, "tags: [trust]", "tags: [nope]"),
        "ERROR   -  Content error: docs/guides/alpha.en.md: 'tags': unknown ['nope']; allowed: "
        "['career', 'communication', 'habits', 'learning', 'mentoring', 'new-job', 'online', "
        "'organisation', 'politics', 'reciprocity', 'reflection', 'teamwork', 'trust']",
    ),
    # Encoding and YAML.
    "NUL byte in a guide": (
        replace(
            ALPHA_ID, "Jejaring itu penting.\n\n## Bagian", "Jejaring\x00 itu penting.\n\n## Bagian"
        ),
        "ERROR   -  Content error: docs/guides/alpha.id.md:13: NUL byte (U+0000) in the text "
        "(the file may be binary or UTF-16); remove it or save the file as UTF-8",
    ),
    "duplicate front matter key": (
        replace(ALPHA_ID, "tags: [trust]", "tags: [trust]\ntags: [career]"),
        "ERROR   -  Content error: docs/guides/alpha.id.md: front matter is not valid YAML: "
        "duplicate key 'tags'; keep one (line 5, column 1)",
    ),
    "YAML alias in front matter": (
        replace(ALPHA_ID, "tags: [trust]", "tags: &t [trust]\nrelated: *t"),
        "ERROR   -  Content error: docs/guides/alpha.id.md: front matter is not valid YAML: "
        "YAML anchors and aliases (&name, *name) are not allowed; write the value out "
        "(line 4, column 7)",
    ),
    "YAML alias bomb in a checklist id": (
        replace(
            ALPHA_ID,
            "tags: [trust]",
            "tags: [trust]\nx: &a [l, l, l, l, l, l, l, l, l]\ny: &b [*a, *a, *a, *a, *a, *a]"
            "\nz: [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        ),
        "ERROR   -  Content error: docs/guides/alpha.id.md: front matter is not valid YAML: "
        "YAML anchors and aliases (&name, *name) are not allowed; write the value out "
        "(line 5, column 4)",
    ),
    "nav entry for a missing file": (
        dict(BASE),
        "WARNING -  A reference to 'guides/missing.md' is included in the 'nav' configuration, "
        "which is not found in the documentation files.",
    ),
}


def project_with(tmp_path: Path, pages: dict[str, str], nav: str) -> Path:
    project = make_project(tmp_path, pages)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + nav, encoding="utf-8")
    return project


def previous_site(project: Path) -> dict[str, bytes]:
    """A site/ from an earlier build; returns its files' contents to compare afterwards."""
    site = project / "site"
    (site / "en" / "guides").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Beranda (earlier)</title>\n")
    (site / "en" / "index.html").write_text("<!doctype html><title>Home (earlier)</title>\n")
    (site / "en" / "guides" / "stale.bin").write_bytes(bytes(range(256)))
    return snapshot(site)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_baseline_builds_and_replaces_the_previous_site(tmp_path):
    """Without a defect the same tiny site builds and its new site/ replaces the old one
    (so the failures below are caused by the one defect each)."""
    project = project_with(tmp_path, BASE, NAV)
    before = previous_site(project)
    build = make_build(project)
    assert build.returncode == 0, build.log
    assert build.warnings == []
    after = snapshot(project / "site")
    assert "en/guides/stale.bin" not in after
    assert "index.html" in after and after["index.html"] != before["index.html"]
    assert not list(project.glob(".site-build-*"))


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_and_keeps_the_previous_site(tmp_path, case):
    """`make build` exits non-zero, says which file has which problem, and the site/ from the
    last good build is byte-identical afterwards (no half-written or empty site to deploy)."""
    pages, message = CASES[case]
    nav = NAV_WITH_MISSING if case == "nav entry for a missing file" else NAV
    project = project_with(tmp_path, pages, nav)
    before = previous_site(project)
    build = make_build(project)
    assert build.returncode != 0
    assert message in build.log.splitlines(), build.log
    assert "build failed (exit 1); site/ was left unchanged" in build.log
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-build-*"))


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "/etc/passwd",
            "ERROR   -  validation: docs/passwd.txt: symbolic link to '/etc/passwd', outside "
            "the repository; only files of the repository are published: copy the content into "
            "docs/ or remove the link",
        ),
        (
            "missing.txt",
            "ERROR   -  validation: docs/passwd.txt: symbolic link to 'missing.txt', which does "
            "not exist; remove the link or restore the file it points to",
        ),
    ],
)
def test_a_symlink_out_of_the_repository_or_to_nothing_fails_and_is_not_published(
    tmp_path, target, message
):
    """A symbolic link in docs/ to a file outside the repository (its content would be
    published) or to nothing (a traceback before) fails the build naming the link, and site/
    stays as it was."""
    project = project_with(tmp_path, BASE, NAV)
    (project / "docs" / "passwd.txt").symlink_to(target)
    before = previous_site(project)
    build = make_build(project)
    assert build.returncode != 0
    assert message in build.log.splitlines(), build.log
    assert "Traceback" not in build.log
    assert snapshot(project / "site") == before


def _latin1_guide(project: Path) -> None:
    path = project / "docs" / ALPHA_ID
    text = BASE[ALPHA_ID].replace("Jejaring itu penting.", "Jejaring café itu penting.", 1)
    path.write_bytes(text.encode("latin-1"))


def _tags(old: str, new: str):
    def change(project: Path) -> None:
        path = project / "data" / "tags.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text, "fixture drift"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


TRUST = "trust: {id: Kepercayaan, en: Trust}"
FILE_CASES = {
    "Latin-1 bytes in a guide": (
        _latin1_guide,
        "ERROR   -  Content error: docs/guides/alpha.id.md:13: byte 0xe9 is not UTF-8 (the file "
        "was saved in another encoding, e.g. Latin-1 or Windows-1252); save it as UTF-8",
    ),
    "duplicate key in data/tags.yml": (
        _tags(TRUST, f"{TRUST}\ntrust: {{id: Lain, en: Other}}"),
        "data/tags.yml:5: duplicate key 'trust'; keep one",
    ),
    "YAML alias in data/tags.yml": (
        _tags(TRUST, "trust: &a {id: Kepercayaan, en: Trust}\ncopy: *a"),
        "data/tags.yml:4: YAML anchors and aliases (&name, *name) are not allowed; write the "
        "value out",
    ),
}


@pytest.mark.parametrize("case", FILE_CASES)
def test_bad_bytes_and_data_files_fail_the_build_and_keep_the_previous_site(tmp_path, case):
    """Undecodable bytes and unsafe YAML in data files are an error naming the file and line
    (no traceback), and site/ stays as it was."""
    change, message = FILE_CASES[case]
    project = project_with(tmp_path, BASE, NAV)
    change(project)
    before = previous_site(project)
    build = make_build(project)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert any(line.endswith(message) for line in build.log.splitlines()), build.log
    assert snapshot(project / "site") == before


def test_a_guide_saved_on_windows_with_bom_and_crlf_builds_the_same(tmp_path):
    """A UTF-8 BOM and CRLF line endings (a file saved on Windows) are read like any other
    file: the guide builds with its title and sections, instead of 'front matter is missing'."""
    from support import parse_html

    pages = {**BASE, ALPHA_ID: "\ufeff" + BASE[ALPHA_ID].replace("\n", "\r\n")}
    project = project_with(tmp_path, pages, NAV)
    build = make_build(project)
    assert build.returncode == 0, build.log
    soup = parse_html(project / "site" / "guides" / "alpha" / "index.html")
    assert soup.find("h1").get_text() == "Panduan alpha"
    assert soup.find(id="main-part") is not None
