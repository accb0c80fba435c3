"""Published URLs never break: every URL in data/published-urls.txt resolves in the build, or
the strict build fails naming the URL and the fix; redirects (moved pages) and anchor aliases
(renamed ids) keep old links working in both languages, in a real browser."""

from __future__ import annotations

import shutil

import pytest
from knowledgebase.data import load_yaml
from knowledgebase.published import (
    ALIASES,
    MANIFEST_HEADER,
    parse_aliases,
    parse_manifest,
    source_of,
    split_entry,
)
from knowledgebase.urls import src_url
from support import ROOT, build_site, make_project, parse_html, serve
from test_parity import BASE

MANIFEST = ROOT / "data" / "published-urls.txt"
PREFIX = "/kb/"


def manifest_entries() -> list[str]:
    return parse_manifest("data/published-urls.txt", MANIFEST.read_text(encoding="utf-8"))


def test_every_published_url_resolves_in_the_built_site(site):
    """Each manifest entry is a page of the build with the promised id, or with the id that
    data/anchor-aliases.yml renamed it to (kb.js follows the alias), read from the HTML, not
    from the hook that checks it."""
    aliases = {
        src_url(source): ids
        for source, ids in parse_aliases(ALIASES, load_yaml(ROOT / "data" / ALIASES)).items()
    }
    entries = manifest_entries()
    assert len(entries) > 400
    for value in entries:
        page, anchor = split_entry(value)
        path = site.dir / page / "index.html"
        assert path.is_file(), value
        if anchor:
            soup = site.html(page)
            renamed = aliases.get(src_url(source_of(page)), {}).get(anchor)
            found = soup.find(id=anchor) or (renamed and soup.find(id=renamed))
            assert found is not None, value


def test_manifest_is_sorted_and_lists_everything_the_build_publishes(tmp_path):
    """`make urls` has nothing left to add: a recording build of a copy of the project leaves
    the committed manifest unchanged (so every page and explicit id is a recorded promise)."""
    project = tmp_path / "project"
    project.mkdir()
    for part in ("mkdocs.yml", "hooks", "overrides", "data", "docs"):
        src = ROOT / part
        copy = shutil.copytree if src.is_dir() else shutil.copy
        copy(src, project / part)  # type: ignore[operator]
    committed = MANIFEST.read_text(encoding="utf-8")
    assert manifest_entries() == sorted(set(manifest_entries()))
    result = build_site(project, tmp_path / "site", env={"KB_RECORD_URLS": "1"})
    assert result.returncode == 0, result.log
    recorded = (project / "data" / "published-urls.txt").read_text(encoding="utf-8")
    assert recorded == committed, "run `make urls` and commit data/published-urls.txt"


def tiny(tmp_path, manifest=(), redirects=None, aliases=None, renamed=None):
    """The parity test site, with a manifest, redirects, aliases and ``renamed`` ids
    (old -> new) applied to guide alpha in both languages."""
    pages = dict(BASE)
    for old, new in (renamed or {}).items():
        for lang in ("id", "en"):
            key = f"guides/alpha.{lang}.md"
            pages[key] = pages[key].replace(f"{{ #{old} }}", f"{{ #{new} }}")
    project = make_project(tmp_path, pages)
    (project / "data" / "published-urls.txt").write_text(
        MANIFEST_HEADER + "".join(f"{e}\n" for e in sorted(manifest)), encoding="utf-8"
    )
    if aliases:
        lines = [
            f"{page}: {{{', '.join(f'{o}: {n}' for o, n in ids.items())}}}"
            for page, ids in aliases.items()
        ]
        (project / "data" / "anchor-aliases.yml").write_text("\n".join(lines) + "\n")
    if redirects:
        config = project / "mkdocs.yml"
        entries = "".join(f"\n        {old}: {new}" for old, new in redirects.items())
        text = config.read_text(encoding="utf-8")
        assert "      redirect_maps: {}" in text
        config.write_text(text.replace("      redirect_maps: {}", f"      redirect_maps:{entries}"))
    return project


def errors(result) -> list[str]:
    return [w.split("published-urls: ", 1)[1] for w in result.warnings if "published-urls: " in w]


def test_removing_a_published_id_or_page_fails_naming_the_url_and_the_fix(tmp_path):
    """An id renamed without an alias, and a page removed without a redirect, each fail the
    strict build with a message naming the URL, the file and how to fix it."""
    manifest = ["guides/alpha/#main-part", "en/guides/alpha/#main-part", "guides/zeta/"]
    project = tiny(tmp_path, manifest, renamed={"main-part": "main-section"})
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    fix = (
        "Restore the id, or, if it was renamed, add an anchor alias to data/anchor-aliases.yml: "
        "'guides/alpha.md': {main-part: NEW-ID}"
    )
    assert errors(result) == [
        "data/published-urls.txt: 'guides/alpha/#main-part' no longer resolves: "
        f"docs/guides/alpha.id.md has no id 'main-part'. {fix}",
        "data/published-urls.txt: 'guides/zeta/' no longer resolves: no page is built at that "
        "URL. Restore the page, or, if it moved, add a redirect in mkdocs.yml (plugins: "
        "redirects: redirect_maps): 'guides/zeta.md': 'NEW/PAGE.md'",
        "data/published-urls.txt: 'en/guides/alpha/#main-part' no longer resolves: "
        f"docs/guides/alpha.en.md has no id 'main-part'. {fix}",
    ]


def test_redirect_and_alias_keep_old_urls_and_make_urls_only_appends(tmp_path):
    """With a redirect for the moved page and an alias for the renamed id the same manifest
    passes; `make urls` (KB_RECORD_URLS=1) then adds the new URLs and keeps the old ones."""
    manifest = [
        "guides/old-alpha/",
        "en/guides/old-alpha/#faq-alpha-one",
        "guides/alpha/#main-part",
    ]
    project = tiny(
        tmp_path,
        manifest,
        redirects={"guides/old-alpha.md": "guides/alpha.md"},
        aliases={"guides/alpha.md": {"main-part": "main-section"}},
        renamed={"main-part": "main-section"},
    )
    result = build_site(project, tmp_path / "site", env={"KB_RECORD_URLS": "1"})
    assert result.returncode == 0, result.log
    assert result.warnings == []
    recorded = parse_manifest("m", (project / "data" / "published-urls.txt").read_text())
    assert set(manifest) <= set(recorded)
    assert {"guides/alpha/#main-section", "en/guides/alpha/#main-section", "en/"} <= set(recorded)
    assert "guides/alpha/#main-part" in recorded
    assert recorded == sorted(recorded)
    # The redirect stubs exist in both languages (mkdocs-redirects issue #33 would give one,
    # pointing at guides/alpha.id/).
    assert (tmp_path / "site" / "en" / "guides" / "old-alpha" / "index.html").is_file()


def test_language_suffixed_redirect_fails_with_the_neutral_form_to_use(tmp_path):
    """Writing 'guides/alpha.id.md' (the trap of mkdocs-redirects issue #33) fails the build
    and says which form works in both languages."""
    project = tiny(tmp_path, redirects={"guides/old.id.md": "guides/alpha.id.md"})
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert errors(result) == [
        "mkdocs.yml (plugins: redirects: redirect_maps): 'guides/old.id.md': "
        "'guides/alpha.id.md': name pages by their source path without a language, e.g. "
        "'guides/old-name.md': 'guides/new-name.md'; the redirect then works in every language"
    ]


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """A tiny site where guide 'old-alpha' moved to 'alpha' and alpha's id 'main-part' was
    renamed 'main-section', with a redirect and an alias declared; served under a sub-path."""
    tmp_path = tmp_path_factory.mktemp("moved")
    project = tiny(
        tmp_path,
        ["guides/old-alpha/", "guides/alpha/#main-part"],
        redirects={"guides/old-alpha.md": "guides/alpha.md"},
        aliases={"guides/alpha.md": {"main-part": "main-section"}},
        renamed={"main-part": "main-section"},
    )
    site_dir = tmp_path / "site"
    with serve(site_dir, PREFIX) as url:
        result = build_site(project, site_dir, site_url=url)
        assert result.returncode == 0, result.log
        yield url, site_dir


@pytest.mark.parametrize("lang", ["", "en/"])
def test_moved_page_redirects_keeping_the_anchor_in_both_languages(browser, moved_site, lang):
    """An old page URL (with an anchor) lands on the new page and the same section."""
    url, _ = moved_site
    page = browser.new_page()
    try:
        page.goto(f"{url}{lang}guides/old-alpha/#faq-alpha-two")
        page.wait_for_url(f"{url}{lang}guides/alpha/#faq-alpha-two")
        assert page.locator("html").get_attribute("lang") == (lang.rstrip("/") or "id")
        assert page.evaluate("document.querySelector(':target').id") == "faq-alpha-two"
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_renamed_anchor_is_sent_on_in_both_languages(browser, moved_site, lang):
    """A link to the old id lands on the renamed section, directly or through a redirect."""
    url, _ = moved_site
    page = browser.new_page()
    try:
        for start in ("guides/alpha/#main-part", "guides/old-alpha/#main-part"):
            page.goto(f"{url}{lang}{start}")
            page.wait_for_url(f"{url}{lang}guides/alpha/#main-section")
            assert page.evaluate("document.querySelector(':target').id") == "main-section"
    finally:
        page.close()


def test_redirect_stub_points_at_the_page_in_its_own_language(moved_site):
    """The stubs mkdocs-redirects writes name the new page's absolute URL, per language."""
    url, site_dir = moved_site
    for rel in ("", "en/"):
        soup = parse_html(site_dir / rel / "guides" / "old-alpha" / "index.html")
        assert soup.find("link", rel="canonical")["href"] == f"{url}{rel}guides/alpha/"
