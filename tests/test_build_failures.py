"""Builds of tiny sites: the baseline, and configuration read from the environment. Broken
content is covered by test_bad_input.py."""

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


def test_edit_link_comes_from_config(tmp_path, monkeypatch):
    """EDIT_URI (set by the Pages workflow) turns on "edit this page" with the source path."""
    monkeypatch.setenv("EDIT_URI", "https://example.org/kb/edit/main/docs/")
    build = build_site(make_project(tmp_path, HOME), tmp_path / "site")
    assert build.returncode == 0, build.log
    link = parse_html(tmp_path / "site" / "en" / "index.html").select_one("a.md-content__button")
    assert link["href"] == "https://example.org/kb/edit/main/docs/index.en.md"
