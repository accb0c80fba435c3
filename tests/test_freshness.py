"""Translation freshness: when an Indonesian section changes after `make translated`, the
English page flags that section, and only that one, linking to the Indonesian original."""

from __future__ import annotations

import translated
import yaml
from knowledgebase.freshness import section_hashes, stale_sections, with_recorded
from support import build_site, guide_pair, make_project, parse_html
from test_parity import BASE


def test_editing_an_indonesian_section_flags_that_english_section_only(tmp_path, monkeypatch):
    """After `make translated`, nothing is stale; after one Indonesian section is edited, the
    English page shows the notice under that section's heading only, linking to the Indonesian
    section; the build still passes and the CI report names the file and section."""
    project = make_project(tmp_path, {**BASE, **guide_pair("alpha")})
    assert translated.main(["alpha"], root=project) == 0
    report = tmp_path / "stale.txt"
    monkeypatch.setenv("KB_FRESHNESS_REPORT", str(report))
    fresh = build_site(project, tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.log
    assert parse_html(tmp_path / "fresh/en/guides/alpha/index.html").select(".admonition") == []
    assert not report.exists()

    source = project / "docs" / "guides" / "alpha.id.md"
    text = source.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if "{ #main-part }" in line)
    source.write_text(text.replace(heading, heading + "\n\nKalimat baru.", 1), encoding="utf-8")
    stale = build_site(project, tmp_path / "stale")
    assert stale.returncode == 0, stale.log
    page = parse_html(tmp_path / "stale/en/guides/alpha/index.html")
    notices = page.select("article .admonition")
    assert len(notices) == 1
    assert notices[0].find_previous(["h2", "h3"])["id"] == "main-part"
    assert "this translation may be out of date" in notices[0].get_text()
    link = notices[0].select_one("a[hreflang=id]")
    assert link["href"] == "../../../guides/alpha/#main-part"
    assert (tmp_path / "stale/guides/alpha/index.html").is_file()
    assert report.read_text().splitlines() == [
        "docs/guides/alpha.en.md: section 'main-part' may be stale: docs/guides/alpha.id.md "
        "changed it; update the translation, then run `make translated SLUG=alpha`"
    ]


def test_untracked_guides_are_never_stale():
    """A guide whose English file records nothing is not flagged (not tracked yet)."""
    text = "---\ntitle: x\n---\n\n## A { #a }\n\nSatu.\n\n## B { #b }\n\nDua.\n"
    current = section_hashes("x.id.md", text)
    assert list(current) == ["a", "b"]
    assert stale_sections({}, current) == []
    changed = section_hashes("x.id.md", text.replace("Dua.", "Tiga."))
    assert stale_sections(current, changed) == ["b"]


def test_recorded_hashes_stay_text_even_when_they_look_like_numbers():
    """A section hash of digits ("12345678", "1e345678") is written so that YAML reads it
    back as the same text, not a number the build would refuse."""
    text = with_recorded("---\ntitle: T\n---\nBody\n", {"a": "12345678", "b": "1e345678"})
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["translated"] == {"a": "12345678", "b": "1e345678"}
