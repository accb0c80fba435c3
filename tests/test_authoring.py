"""Authoring: `make guide` scaffolds a bilingual draft that builds, drafts stay out of the
published site and the URL manifest, and publishing is deleting the `draft` line."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import new_guide
import pytest
import review_due
from knowledgebase.corpus import load_corpus
from knowledgebase.drafts import draft_slugs, nav_without, without_drafts
from knowledgebase.published import Published, PublishedPage, unresolved
from support import ROOT, build_site

SLUG = "giving-feedback"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project (docs, data with its manifest, hooks, templates, config)."""
    project = tmp_path / "project"
    project.mkdir()
    for part in ("mkdocs.yml", "hooks", "overrides", "data", "docs"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, project / part)
    return project


def mentions(folder: Path, text: str) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".txt") and text in p.read_text()
    )


def test_scaffolded_draft_builds_is_left_out_and_publishes_when_the_flag_goes(project, tmp_path):
    """`make guide` writes a pair the strict build accepts; as a draft it appears nowhere in the
    built site (page, sitemap, search index, hubs, checklists, link directory) nor in the URL
    manifest `make urls` records; without `draft: true` the same pair is a published guide in
    both languages."""
    assert new_guide.main([SLUG, "Memberi masukan", "Giving feedback"], root=project) == 0
    pair = [project / "docs" / "guides" / f"{SLUG}.{lang}.md" for lang in ("id", "en")]
    assert all("\ndraft: true\n" in p.read_text() for p in pair)
    assert f"- guides/{SLUG}.md" in (project / "mkdocs.yml").read_text()

    draft = build_site(project, tmp_path / "draft", env={"KB_RECORD_URLS": "1"})
    assert draft.returncode == 0, draft.log
    assert draft.warnings == []
    assert mentions(tmp_path / "draft", SLUG) == []
    assert SLUG not in (project / "data" / "published-urls.txt").read_text()

    for path in pair:
        path.write_text(path.read_text().replace("\ndraft: true\n", "\n"))
    published = build_site(project, tmp_path / "published")
    assert published.returncode == 0, published.log
    for prefix in ("", "en/"):
        assert (tmp_path / "published" / prefix / "guides" / SLUG / "index.html").is_file()
    assert "sitemap.xml" in mentions(tmp_path / "published", SLUG)


def test_scaffold_refuses_an_existing_guide_and_a_bad_slug(project, capsys):
    """A slug that is taken or not URL-shaped is refused with the reason; nothing is written."""
    before = (project / "mkdocs.yml").read_text()
    with pytest.raises(SystemExit):
        new_guide.main(["finding-a-mentor", "Judul", "Title"], root=project)
    assert "finding-a-mentor.en.md already exists; pick another SLUG" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        new_guide.main(["Giving Feedback", "Judul", "Title"], root=project)
    assert "lowercase letters, digits and hyphens" in capsys.readouterr().err
    assert (project / "mkdocs.yml").read_text() == before


def test_nav_entry_goes_after_the_last_guide_keeping_the_rest():
    """The new guide joins the guides in nav; comments and other entries stay as written."""
    config = "# c\nnav:\n  - index.md\n  - G:\n      - guides/a.md\n      - guides/b.md\n"
    config += "  - faq.md\n"
    assert new_guide.add_to_nav(config, "new") == (
        "# c\nnav:\n  - index.md\n  - G:\n      - guides/a.md\n      - guides/b.md\n"
        "      - guides/new.md\n  - faq.md\n"
    )


def test_drafts_leave_the_nav_the_corpus_and_related_lists():
    """A published build's nav, guides and `related` lists hold no draft."""
    nav = ["index.md", {"Panduan": ["guides/index.md", "guides/a.md", {"B": "guides/b.md"}]}]
    assert nav_without(nav, frozenset({"a", "b"})) == ["index.md", {"Panduan": ["guides/index.md"]}]
    corpus, _ = load_corpus(ROOT / "docs", ROOT / "data")
    assert draft_slugs(corpus) == frozenset() and without_drafts(corpus) is corpus
    mentor = corpus.guides["finding-a-mentor"]
    drafted = replace(
        corpus,
        guides={
            **corpus.guides,
            "finding-a-mentor": {**mentor, "en": replace(mentor["en"], draft=True)},
        },
    )
    assert draft_slugs(drafted) == {"finding-a-mentor"}
    published = without_drafts(drafted)
    assert "finding-a-mentor" not in published.guides
    related = {
        r for by_lang in published.guides.values() for g in by_lang.values() for r in g.related
    }
    assert "finding-a-mentor" not in related
    assert any("finding-a-mentor" in g["id"].related for g in corpus.guides.values())


# --- Broken promises name the author's mistake once -----------------------------------------


def test_a_page_that_is_gone_is_one_message_not_one_per_anchor():
    """A forgotten translation file (or a removed page) breaks its URL and every recorded
    anchor on it; the author reads one message naming the page, the count and the fix."""
    site = Published({"": PublishedPage("docs/index.en.md", "index.md", frozenset())}, {}, {})
    entries = ["en/guides/x/", *(f"en/guides/x/#part-{n}" for n in range(5))]
    assert unresolved("m.txt", entries, site) == [
        "m.txt: 'en/guides/x/' and its 5 recorded anchors (#part-0, #part-1, #part-2, …) no "
        "longer resolve: no page is built at that URL. Restore the page, or, if it moved, add a "
        "redirect in mkdocs.yml (plugins: redirects: redirect_maps): 'guides/x.md': "
        "'NEW/PAGE.md'"
    ]


def test_a_lost_topic_anchor_names_the_tag_or_topic_it_came_from():
    """`guides/#topic-…` is generated from tags and topics, so the message points there and
    not only at the generated page."""
    index = PublishedPage("docs/guides/index.id.md", "guides/index.md", frozenset({"topic-a"}))
    site = Published({"guides/": index}, {}, {})
    assert unresolved("m.txt", ["guides/#topic-a", "guides/#topic-trust"], site) == [
        "m.txt: 'guides/#topic-trust' no longer resolves: docs/guides/index.id.md has no id "
        "'topic-trust' (it is made from the topic or tag 'trust': data/topics.yml, or `tags:` "
        "in a guide's front matter). Restore the id, or, if it was renamed, add an anchor alias "
        "to data/anchor-aliases.yml: 'guides/index.md': {topic-trust: NEW-ID}"
    ]


def test_review_due_lists_guides_older_than_the_age_oldest_first(project, capsys):
    """`make review-due DAYS=…` names each guide file whose reviewed date is too old."""
    old = project / "docs" / "guides" / "finding-a-mentor.en.md"
    text = old.read_text()
    old.write_text(text.replace("reviewed: 2026-12-02", "reviewed: 2025-01-01", 1))
    assert review_due.main(["--days", "300"], root=project, today=date(2026, 12, 2)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "docs/guides/finding-a-mentor.en.md: reviewed 2025-01-01 (700 days ago)"
    assert out[-1].startswith("1 of ") and out[-1].endswith("not reviewed in the last 300 days")
