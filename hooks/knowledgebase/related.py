"""Ranking "Related guides" for a guide, deterministically."""

from __future__ import annotations

from collections.abc import Mapping

from .model import Guide

TAG_WEIGHT = 2
TERM_WEIGHT = 1


def rank_related(
    guide: Guide,
    others: list[Guide],
    terms: Mapping[str, frozenset[str]],
    count: int = 3,
) -> list[Guide]:
    """Guides to show under "Related guides".

    Explicit ``related`` entries come first, in the author's order. The rest are ordered by
    score (2 per shared tag, 1 per shared glossary term), then by slug so the order is stable.
    ``terms`` maps each slug to the glossary term ids its text uses. At least ``count`` guides
    are returned when that many others exist, even if they share nothing.
    """
    by_slug = {g.slug: g for g in others if g.slug != guide.slug}
    chosen = [by_slug[s] for s in guide.related if s in by_slug]
    mine_tags, mine_terms = set(guide.tags), terms.get(guide.slug, frozenset())

    def score(other: Guide) -> int:
        shared_tags = len(mine_tags & set(other.tags))
        shared_terms = len(mine_terms & terms.get(other.slug, frozenset()))
        return TAG_WEIGHT * shared_tags + TERM_WEIGHT * shared_terms

    rest = sorted(
        (g for g in by_slug.values() if g not in chosen), key=lambda g: (-score(g), g.slug)
    )
    return (chosen + rest)[: max(count, len(chosen))]
