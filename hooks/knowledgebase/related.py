"""Ranking "Related guides" for a guide, deterministically."""

from __future__ import annotations

import heapq
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
    mine_tags, mine_terms = frozenset(guide.tags), terms.get(guide.slug, frozenset())
    empty: frozenset[str] = frozenset()
    taken = {g.slug for g in chosen}

    # Every page ranks every other guide (N² pairs per language), so the key stays cheap:
    # no per-pair set building, and nsmallest keeps only the top few instead of sorting all.
    def key(other: Guide) -> tuple[int, str]:
        shared_tags = len(mine_tags.intersection(other.tags))
        shared_terms = len(mine_terms & terms.get(other.slug, empty))
        return (-(TAG_WEIGHT * shared_tags + TERM_WEIGHT * shared_terms), other.slug)

    need = max(count - len(chosen), 0)
    candidates = (g for g in by_slug.values() if g.slug not in taken)
    return chosen + heapq.nsmallest(need, candidates, key=key)
