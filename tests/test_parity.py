"""Translation parity and content validation are enforced by the build itself: tiny sites,
each with one defect, fail `mkdocs build --strict` with the exact message. The defects named in
the quality-gates issue (malformed YAML, wrong type, unknown field, missing translation,
duplicate id, empty FAQ answer, broken link or anchor, checklist ids, nav) are in
test_bad_input.py, which also checks that the previous site/ survives."""

from __future__ import annotations

import pytest
from support import build_site, guide_pair, make_project

BASE = {
    "index.id.md": "---\ntitle: Beranda\n---\n\nHalo.\n",
    "index.en.md": "---\ntitle: Home\n---\n\nHello.\n",
    "about.id.md": "---\ntitle: Tentang\n---\n\n## Sumber { #sources }\n\nDua artikel.\n",
    "about.en.md": "---\ntitle: About\n---\n\n## Sources { #sources }\n\nTwo articles.\n",
    "glossary.id.md": "---\ntitle: Glosarium\ngenerated: glossary\n---\n\nIstilah.\n",
    "glossary.en.md": "---\ntitle: Glossary\ngenerated: glossary\n---\n\nTerms.\n",
    **guide_pair("alpha"),
    **guide_pair("beta"),
    **guide_pair("gamma"),
}


def build(tmp_path, pages):
    return build_site(make_project(tmp_path, pages), tmp_path / "site")


def test_baseline_tiny_guide_site_builds(tmp_path):
    result = build(tmp_path, BASE)
    assert result.returncode == 0, result.log
    assert result.warnings == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{ #main-part }",
            "{ #main-section }",
            "guide 'alpha': section ids differ between languages; missing in "
            "docs/guides/alpha.en.md: ['main-part']; not in docs/guides/alpha.id.md: "
            "['main-section']",
        ),
        (
            "{ #faq-alpha-two }",
            "{ #faq-alpha-2 }",
            "guide 'alpha': FAQ ids differ between languages; missing in "
            "docs/guides/alpha.en.md: ['faq-alpha-two']; not in docs/guides/alpha.id.md: "
            "['faq-alpha-2']",
        ),
    ],
)
def test_ids_that_differ_between_languages_fail(tmp_path, old, new, message):
    pages = dict(BASE)
    pages["guides/alpha.en.md"] = pages["guides/alpha.en.md"].replace(old, new)
    result = build(tmp_path, pages)
    assert result.returncode != 0
    assert f"ERROR   -  validation: {message}" in result.warnings


def test_faq_id_used_by_two_guides_fails(tmp_path):
    pages = dict(BASE)
    for lang in ("id", "en"):
        key = f"guides/beta.{lang}.md"
        pages[key] = pages[key].replace("faq-beta-one", "faq-alpha-one")
    result = build(tmp_path, pages)
    assert result.returncode != 0
    assert (
        "ERROR   -  validation: FAQ id 'faq-alpha-one' is used in both "
        "docs/guides/alpha.id.md and docs/guides/beta.id.md; FAQ ids must be unique across the site"
    ) in result.warnings


def test_missing_required_field_fails_naming_file_and_field(tmp_path):
    pages = dict(BASE)
    pages["guides/alpha.id.md"] = pages["guides/alpha.id.md"].replace("title: Panduan alpha\n", "")
    result = build(tmp_path, pages)
    assert result.returncode != 0
    message = "docs/guides/alpha.id.md: 'title': required field is missing"
    assert f"ERROR   -  Content error: {message}" in result.log
