"""Broken content fails the build with a message that names the file."""

from __future__ import annotations

from support import build_site, make_project, parse_html

HOME = {
    "index.id.md": "---\ntitle: Beranda\n---\n\n## Mulai { #mulai }\n\nHalo.\n",
    "index.en.md": "---\ntitle: Home\n---\n\n## Start { #mulai }\n\nHello.\n",
}


def test_tiny_site_builds(tmp_path):
    """The purpose-made baseline builds, so the failures below are caused by the one defect."""
    build = build_site(make_project(tmp_path, HOME), tmp_path / "site")
    assert build.returncode == 0, build.log
    assert build.warnings == []


def test_broken_internal_link_fails_naming_the_file(tmp_path):
    """A link to a page that does not exist fails the build and names the file that has it."""
    pages = {
        **HOME,
        "about.id.md": "# Tentang\n\nLihat [halaman](missing.md).\n",
        "about.en.md": "# About\n\nSee [page](index.md).\n",
    }
    build = build_site(make_project(tmp_path, pages), tmp_path / "site")
    assert build.returncode != 0
    assert any("about.id.md" in w and "missing.md" in w for w in build.warnings), build.log


def test_broken_anchor_fails_naming_the_file(tmp_path):
    """A link to an anchor that does not exist fails the build and names the file."""
    pages = {
        **HOME,
        "about.id.md": "# Tentang\n\nLihat [bagian](index.md#tidak-ada).\n",
        "about.en.md": "# About\n\nSee [section](index.md#mulai).\n",
    }
    build = build_site(make_project(tmp_path, pages), tmp_path / "site")
    assert build.returncode != 0
    assert any("about.id.md" in w and "#tidak-ada" in w for w in build.warnings), build.log


def test_edit_link_comes_from_config(tmp_path, monkeypatch):
    """EDIT_URI (set by the Pages workflow) turns on "edit this page" with the source path."""
    monkeypatch.setenv("EDIT_URI", "https://example.org/kb/edit/main/docs/")
    build = build_site(make_project(tmp_path, HOME), tmp_path / "site")
    assert build.returncode == 0, build.log
    link = parse_html(tmp_path / "site" / "en" / "index.html").select_one("a.md-content__button")
    assert link["href"] == "https://example.org/kb/edit/main/docs/index.en.md"
