"""Unit tests of the published-URL rules and the link directory (pure logic, no build)."""

from __future__ import annotations

import pytest
from knowledgebase.errors import ContentError
from knowledgebase.link_directory import guide_entries
from knowledgebase.published import (
    MANIFEST_HEADER,
    Published,
    PublishedPage,
    alias_problems,
    clean_problems,
    entry,
    entry_language,
    explicit_ids,
    format_manifest,
    language_redirects,
    order_problems,
    parse_aliases,
    parse_manifest,
    redirected_pages,
    source_of,
    split_entry,
    unresolved,
)
from knowledgebase.urls import neutral_src, src_url
from test_knowledgebase import parse

SITE = "https://example.org/kb/"
MANIFEST = "data/published-urls.txt"


def published(redirects=None, aliases=None) -> Published:
    pages = {
        "": PublishedPage("docs/index.id.md", "index.md", frozenset({"start"})),
        "guides/new/": PublishedPage(
            "docs/guides/new.id.md", "guides/new.md", frozenset({"part", "faq-a"})
        ),
    }
    return Published(pages, redirects or {}, aliases or {})


def test_entries_name_pages_and_anchors_relative_to_the_site_root():
    """The home page is written ./ so no line is empty; English entries start with en/."""
    assert entry("") == "./" and entry("", "start") == "./#start"
    assert entry("en/guides/x/", "faq-y") == "en/guides/x/#faq-y"
    assert split_entry("./#start") == ("", "start")
    assert split_entry("en/guides/x/") == ("en/guides/x/", None)
    assert entry_language("en/guides/x/") == "en"
    assert entry_language("guides/en/") == "id"
    assert entry_language("./") == "id"


def test_manifest_round_trip_is_sorted_unique_and_keeps_the_header():
    """`make urls` writes the union of old and new entries, sorted, never dropping one."""
    text = format_manifest(["guides/b/", "./", "en/", "guides/b/"])
    assert text == MANIFEST_HEADER + "./\nen/\nguides/b/\n"
    assert parse_manifest(MANIFEST, text) == ["./", "en/", "guides/b/"]


@pytest.mark.parametrize("line", ["Guides/X/", "guides/x", "/guides/x/", "guides/x/#Faq", "x y/"])
def test_malformed_manifest_line_is_refused_naming_the_line(line):
    """A hand-edited line that is not a clean site-relative URL stops the build."""
    with pytest.raises(ContentError) as info:
        parse_manifest(MANIFEST, f"# header\n./\n{line}\n")
    assert str(info.value).startswith(f"{MANIFEST}: 'line 3': '{line}' is not a published URL")


def test_unsorted_or_repeated_entries_are_reported():
    """Merges can leave the file out of order; the build says how to fix it."""
    assert order_problems(MANIFEST, ["./", "guides/", "en/", "en/"]) == [
        f"{MANIFEST}: 'en/' is out of order (after 'guides/'); entries stay sorted and unique: "
        "run `make urls` to rewrite the file",
        f"{MANIFEST}: 'en/' is repeated; entries stay sorted and unique: "
        "run `make urls` to rewrite the file",
    ]


def test_current_urls_are_pages_and_explicit_anchors():
    """What `make urls` records: each built page and each explicit id on it."""
    assert published().current() == {
        "./",
        "./#start",
        "guides/new/",
        "guides/new/#part",
        "guides/new/#faq-a",
    }


def test_removed_id_and_removed_page_name_the_url_and_the_fix():
    """Each broken promise names the URL, the file and what to do about it."""
    problems = unresolved(
        MANIFEST, ["guides/new/#gone", "guides/old/", "./", "./#start"], published()
    )
    assert problems == [
        f"{MANIFEST}: 'guides/new/#gone' no longer resolves: docs/guides/new.id.md has no id "
        "'gone'. Restore the id, or, if it was renamed, add an anchor alias to "
        "data/anchor-aliases.yml: 'guides/new.md': {gone: NEW-ID}",
        f"{MANIFEST}: 'guides/old/' no longer resolves: no page is built at that URL. Restore "
        "the page, or, if it moved, add a redirect in mkdocs.yml (plugins: redirects: "
        "redirect_maps): 'guides/old.md': 'NEW/PAGE.md'",
    ]


def test_redirects_and_aliases_keep_old_urls_resolving():
    """A moved page is covered by its redirect (anchors are checked on the new page), a renamed
    id by its alias; a redirect to another site cannot be checked and counts as kept."""
    site = published(
        redirects={"guides/old/": "guides/new/", "gone/": None},
        aliases={"guides/new.md": {"old-part": "part"}},
    )
    old = ["guides/old/", "guides/old/#faq-a", "guides/old/#old-part", "gone/#x"]
    assert unresolved(MANIFEST, [*old, "guides/new/#old-part"], site) == []
    assert unresolved(MANIFEST, ["guides/old/#nope"], site) == [
        f"{MANIFEST}: 'guides/old/#nope' no longer resolves: docs/guides/new.id.md (where "
        "'guides/old/' redirects) has no id 'nope'. Restore the id, or, if it was renamed, add "
        "an anchor alias to data/anchor-aliases.yml: 'guides/new.md': {nope: NEW-ID}"
    ]


def test_language_redirects_turn_one_neutral_entry_into_one_per_language():
    """mkdocs-redirects issue #33: the plugin cannot find 'guides/new.md' under static-i18n,
    so each entry becomes an absolute target per language; translating again changes nothing."""
    sources = {"index.md", "guides/new.md"}
    maps, problems = language_redirects({"guides/old.md": "guides/new.md"}, SITE, sources)
    assert problems == []
    assert maps == {
        "guides/old.md": "https://example.org/kb/guides/new/",
        "en/guides/old.md": "https://example.org/kb/en/guides/new/",
    }
    assert language_redirects(maps, SITE, sources) == (maps, [])
    assert redirected_pages(maps, SITE) == {
        "guides/old/": "guides/new/",
        "en/guides/old/": "en/guides/new/",
    }
    assert redirected_pages({"x.md": "https://other.example/"}, SITE) == {"x/": None}


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("guides/old.id.md", "guides/new.md", "name pages by their source path without a language"),
        ("guides/old.md", "guides/new.en.md", "name pages by their source path without a language"),
        ("en/guides/old.md", "guides/new.md", "name pages by their source path without a language"),
        ("guides/old.md", "guides/new.md#part", "a redirect leads to a page; send a renamed"),
        ("guides/new.md", "index.md", "'guides/new.md' is a page that exists; a redirect would"),
        ("guides/old.md", "guides/nope.md", "'guides/nope.md' is not a page"),
    ],
)
def test_redirect_entries_that_cannot_work_are_reported_and_dropped(old, new, problem):
    """Language-suffixed paths (issue #33), fragments, redirects over a live page or to a
    missing one are refused with the reason, and never reach the plugin."""
    maps, problems = language_redirects({old: new}, SITE, {"index.md", "guides/new.md"})
    assert maps == {}
    assert len(problems) == 1
    assert problems[0].startswith(
        f"mkdocs.yml (plugins: redirects: redirect_maps): '{old}': '{new}': {problem}"
    )


def test_anchor_aliases_are_validated_against_the_page():
    """An alias whose old id still exists never applies; one to a missing id leads nowhere."""
    aliases = parse_aliases(
        "data/anchor-aliases.yml",
        {"guides/new.md": {"part": "faq-a", "old": "missing"}, "guides/gone.md": {"a": "b"}},
    )
    site = published(aliases=aliases)
    assert alias_problems("data/anchor-aliases.yml", site, check_pages=True) == [
        "data/anchor-aliases.yml: 'guides/new.md': alias 'part' -> 'faq-a' never applies: "
        "docs/guides/new.id.md still has the id 'part'",
        "data/anchor-aliases.yml: 'guides/new.md': alias 'old' -> 'missing' leads nowhere: "
        "docs/guides/new.id.md has no id 'missing'",
        "data/anchor-aliases.yml: 'guides/gone.md' is not a page (no such file under docs/)",
    ]
    assert alias_problems("data/anchor-aliases.yml", site, check_pages=False)[2:] == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"guides/x.en.md": {"a": "b"}}, "'guides/x.en.md': name the page by its source path"),
        ({"guides/x.md": {"A": "b"}}, "'guides/x.md': 'A' is not an id"),
        ({"guides/x.md": {"a": "b", "b": "c"}}, "'a' leads to 'b', itself an alias"),
        (["guides/x.md"], "must map page source paths"),
    ],
)
def test_malformed_aliases_are_refused(data, message):
    """Unprocessable data/anchor-aliases.yml stops the build, naming the page and the value."""
    with pytest.raises(ContentError) as info:
        parse_aliases("data/anchor-aliases.yml", data)
    assert message in str(info.value)


def test_explicit_ids_and_clean_urls():
    """Only written ids are promises; URLs and ids are lowercase words joined by hyphens."""
    md = "# Title\n\n## A { #part-one }\n\n```\n## not { #code }\n```\n\n### B\n"
    assert explicit_ids(md) == ["part-one"]
    assert clean_problems("docs/x.id.md", "guides/x/", ["part-one"]) == []
    assert clean_problems("docs/My_Page.id.md", "My_Page/", ["Bad"]) == [
        "docs/My_Page.id.md: its URL 'My_Page/' is not clean: name files and folders with "
        "lowercase ASCII words joined by hyphens",
        "docs/My_Page.id.md: id 'Bad' is not clean: ids are lowercase ASCII words joined by "
        "hyphens",
    ]


def test_source_paths_and_urls():
    """Language-neutral source paths and the directory URLs they publish."""
    assert neutral_src("guides/x.en.md") == "guides/x.md"
    assert neutral_src("index.id.md") == "index.md"
    assert src_url("index.md") == "" and src_url("guides/index.md") == "guides/"
    assert src_url("en/guides/old.md") == "en/guides/old/"
    assert source_of("en/guides/x/") == "guides/x.md" and source_of("en/") == "index.md"


def test_directory_lists_guide_checklist_and_each_question_in_both_languages():
    """The directory's entries come from the parsed guide, so they match its real ids."""
    guide = parse()
    entries = guide_entries({"id": guide, "en": guide}, "id")
    assert [(e.kind, e.label) for e in entries] == [
        ("guide", "Judul"),
        ("checklist", "Judul"),
        ("faq", "Apa?"),
        ("faq", "Kenapa?"),
        ("faq", "Bagaimana?"),
    ]
    assert [(link.lang, link.path) for link in entries[2].links] == [
        ("id", "guides/x/#faq-what"),
        ("en", "en/guides/x/#faq-what"),
    ]
    assert entries[1].links[1].path == "en/guides/x/#checklist"
