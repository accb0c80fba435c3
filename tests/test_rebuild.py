"""Hooks are re-entrant: static-i18n runs every event once per language, and `mkdocs serve`
rebuilds in the same process with the hook modules loaded. A second build must produce the
same pages (nothing doubled) and pick up edited content."""

from __future__ import annotations

import os

from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import guide_pair, make_project, parse_html
from test_parity import BASE


def snapshot(site_dir):
    """What a doubled hook would change: counts of generated parts on key pages."""
    result = {}
    for rel in ("guides/alpha/", "en/guides/alpha/", "glossary/", "en/glossary/"):
        soup = parse_html(site_dir / rel / "index.html")
        result[rel] = {
            "checkboxes": len(soup.select(".kb-checklist__box")),
            "related": len(soup.select("#related-guides ~ ul li")),
            "translation": len(soup.select("a[data-kb-translation]")),
            "jsonld": len(soup.select('script[type="application/ld+json"]')),
            "h1": len(soup.select("article h1")),
            "terms": len(soup.select("a.kb-term")),
            "css": len(soup.select('link[href$="kb.css"]')),
            "glossary": len(soup.select("article h3[id]")),
            "copy-link data": len(soup.select("[data-kb-links]")),
            "open graph": len(soup.select("meta[property^='og:']")),
        }
    result["root 404 lang"] = parse_html(site_dir / "404.html").html["lang"]
    return result


def test_second_build_in_the_same_process_doubles_nothing_and_sees_edits(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = make_project(tmp_path, {**BASE, **guide_pair("delta")})
    config_file = project / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text().replace(
            "redirect_maps: {}", "redirect_maps:\n        guides/old-alpha.md: guides/alpha.md"
        )
    )
    site_dir = tmp_path / "site"
    monkeypatch.chdir(project)

    def run(config=None):
        config = config or load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        build(config)
        return config, snapshot(site_dir)

    config, first = run()
    assert first["guides/alpha/"]["checkboxes"] == 3
    assert first["guides/alpha/"]["h1"] == 1
    assert first["root 404 lang"] == "id"

    # Same config object again (what static-i18n does per language) and a fresh load (serve).
    _, again = run(config)
    assert again == first
    # The language-neutral redirect became one per language, once (not once per build).
    assert list(config.plugins["redirects"].config["redirect_maps"]) == [
        "guides/old-alpha.md",
        "en/guides/old-alpha.md",
    ]
    assert (site_dir / "en" / "guides" / "old-alpha" / "index.html").is_file()
    _, reloaded = run()
    assert reloaded == first

    # Edit a guide as an author would while `make serve` runs.
    guide = project / "docs" / "guides" / "alpha.en.md"
    guide.write_text(guide.read_text().replace("Step satu", "Freshly edited step"))
    os.utime(guide, ns=(guide.stat().st_atime_ns, guide.stat().st_mtime_ns + 10**9))
    _, edited = run()
    page = parse_html(site_dir / "en" / "guides" / "alpha" / "index.html")
    assert "Freshly edited step" in page.select_one(".kb-checklist").get_text()
    assert edited == first
