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
