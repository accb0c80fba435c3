"""Ranking "Related guides" for every guide of a language, deterministically."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from itertools import islice

from .model import Guide

TAG_WEIGHT = 2
TERM_WEIGHT = 1


def rank_all(
    guides: Iterable[Guide],
    terms: Mapping[str, frozenset[str]],
    count: int = 3,
) -> dict[str, list[Guide]]:
    """The guides to show under "Related guides" of each guide, by slug.

    Explicit ``related`` entries come first, in the author's order. The rest are ordered by
    score (2 per shared tag, 1 per shared glossary term), then by slug so the order is stable.
    ``terms`` maps each slug to the glossary term ids its text uses. At least ``count`` guides
    are returned when that many others exist, even if they share nothing.
    """
    by_slug = {g.slug: g for g in guides}
    empty: frozenset[str] = frozenset()
    # Guides with the same tags and terms score the same against any guide, so each guide is
    # scored against these groups, not against every other guide: a site with N guides but few
    # distinct groups costs about N, where pairwise scoring costs N².
    groups: dict[tuple[frozenset[str], frozenset[str]], list[str]] = {}
    for slug in sorted(by_slug):
        key = (frozenset(by_slug[slug].tags), terms.get(slug, empty))
        groups.setdefault(key, []).append(slug)

    ranked: dict[str, list[Guide]] = {}
    for guide in by_slug.values():
        chosen = [s for s in guide.related if s in by_slug and s != guide.slug]
        taken = {guide.slug, *chosen}
        need = max(count - len(chosen), 0)
        mine_tags, mine_terms = frozenset(guide.tags), terms.get(guide.slug, empty)
        candidates: list[tuple[int, str]] = []
        for (tags, group_terms), slugs in groups.items():
            score = TAG_WEIGHT * len(mine_tags & tags) + TERM_WEIGHT * len(mine_terms & group_terms)
            # A group's slugs are sorted, so its first `need` free ones are its best candidates.
            free = islice((s for s in slugs if s not in taken), need)
            candidates.extend((-score, s) for s in free)
        best = [s for _, s in heapq.nsmallest(need, candidates)]
        ranked[guide.slug] = [by_slug[s] for s in chosen + best]
    return ranked
