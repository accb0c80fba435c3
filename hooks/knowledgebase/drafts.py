"""Draft guides (``draft: true``): what a published build leaves out. Pure functions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .corpus import GUIDES_DIR, Corpus


def draft_slugs(corpus: Corpus) -> frozenset[str]:
    """Guides marked ``draft: true`` in either language (a half-published pair is a draft)."""
    return frozenset(
        s for s, by_lang in corpus.guides.items() if any(g.draft for g in by_lang.values())
    )


def without_drafts(corpus: Corpus) -> Corpus:
    """The corpus a published build renders: drafts gone, and gone from other guides'
    ``related`` lists too, so no published page links to a page that is not there."""
    drafts = draft_slugs(corpus)
    if not drafts:
        return corpus
    guides = {
        slug: {
            lang: replace(g, related=tuple(r for r in g.related if r not in drafts))
            for lang, g in by_lang.items()
        }
        for slug, by_lang in corpus.guides.items()
        if slug not in drafts
    }
    return replace(corpus, guides=guides)


def nav_without(nav: Any, slugs: frozenset[str]) -> Any:
    """mkdocs.yml's ``nav`` without the entries of the guides ``slugs`` (``guides/<slug>.md``,
    bare or titled); None when nothing of an entry is left."""
    gone = {f"{GUIDES_DIR}/{slug}.md" for slug in slugs}
    if isinstance(nav, list):
        kept = [nav_without(item, slugs) for item in nav]
        return [item for item in kept if item is not None]
    if isinstance(nav, dict):
        kept = {title: nav_without(value, slugs) for title, value in nav.items()}
        return {title: value for title, value in kept.items() if value is not None} or None
    return None if nav in gone else nav
