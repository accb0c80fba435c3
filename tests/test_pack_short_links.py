"""Short links for printed and spoken onboarding links: /go/<alias>/ (and /en/go/<alias>/)
lands on its guide, every guide has one, the manifest guards them, and a wrong
data/short-links.yml fails the build naming the line's alias and the fix."""

from __future__ import annotations

import pytest
from knowledgebase.data import load_yaml
from knowledgebase.short_links import parse_short_links
from support import ROOT, build_site
from test_published_urls import errors, manifest_entries, tiny
from test_share_links import PREFIXES

SHORT_LINKS = ROOT / "data" / "short-links.yml"


def aliases() -> dict[str, str]:
    return dict(load_yaml(SHORT_LINKS))


@pytest.mark.parametrize("lang", PREFIXES)
def test_every_short_link_lands_on_its_guide_in_both_languages(tab, site, lang) -> None:
    """Typing /go/<alias>/ from a printed pack opens the guide, in the pack's language, with
    the section of any #anchor kept."""
    page, prefix = tab.page, PREFIXES[lang]
    for alias, slug in aliases().items():
        page.goto(f"{site.url}{prefix}go/{alias}/")
        page.wait_for_url(f"{site.url}{prefix}guides/{slug}/")
        assert page.locator("html").get_attribute("lang") == lang
        title = site.html(f"{prefix}guides/{slug}/").find("h1").get_text(" ", strip=True)
        assert page.locator("h1").first.inner_text().strip() == title
    page.goto(f"{site.url}{prefix}go/mentor/#checklist")
    page.wait_for_url(f"{site.url}{prefix}guides/finding-a-mentor/#checklist")


def test_every_guide_has_a_short_link_recorded_in_the_manifest(corpus) -> None:
    """Each guide has an alias, and each alias is in data/published-urls.txt in both languages,
    so removing or repointing one fails the build like any published URL."""
    assert set(aliases().values()) == set(corpus.guides)
    recorded = set(manifest_entries())
    for alias in aliases():
        assert {f"go/{alias}/", f"en/go/{alias}/"} <= recorded, alias


def test_short_link_problems_are_all_reported_with_the_fix() -> None:
    """A bad alias, an unknown guide and a guide left without an alias are reported together,
    each naming the file, the alias or guide, and what to write instead."""
    data = {"Mentor!": "alpha", "beta-link": "betta", "alpha": "alpha"}
    result, problems = parse_short_links("data/short-links.yml", data, ["alpha", "beta"])
    assert result == {"alpha": "alpha"}
    assert problems == [
        "data/short-links.yml: 'Mentor!' is not a short alias: use lowercase words joined by "
        "hyphens, e.g. mentor",
        "data/short-links.yml: 'beta-link': 'betta' is not a guide; use a guide's slug (its file "
        "name under docs/guides/ without the language), one of: alpha, beta",
        "data/short-links.yml: guide 'beta' has no short alias: add a line such as 'beta: beta'",
    ]


def test_a_wrong_short_link_fails_the_build(tmp_path) -> None:
    """The strict build stops on a short link to a guide that does not exist, rather than
    publish a link that leads nowhere."""
    project = tiny(tmp_path)
    (project / "data" / "short-links.yml").write_text(
        "a: alpha\nb: zeta\nbeta: beta\ngamma: gamma\n", encoding="utf-8"
    )
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert errors(result) == [
        "data/short-links.yml: 'b': 'zeta' is not a guide; use a guide's slug (its file name "
        "under docs/guides/ without the language), one of: alpha, beta, gamma"
    ]


def test_redirect_pages_say_their_language(site) -> None:
    """A screen reader reads a short link's page (Indonesian at /go/, English at /en/go/) in
    its own language, though mkdocs-redirects writes lang="en" in every one."""
    for lang, prefix in PREFIXES.items():
        for alias in aliases():
            assert site.html(f"{prefix}go/{alias}/").html["lang"] == lang, alias
