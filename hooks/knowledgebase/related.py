"""Ranking "Related guides" for every guide of a language, deterministically."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from itertools import islice

from .model import Guide

TAG_WEIGHT = 2
TERM_WEIGHT = 1


def _bits(names: Iterable[str], bit: dict[str, int]) -> int:
    mask = 0
    for name in names:
        mask |= bit.setdefault(name, 1 << len(bit))
    return mask


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

    Every guide is scored against every other (N² scores per language), so a score is two
    integer ANDs and bit counts, and guides with the same tags and terms are scored once, as a
    group. The top few are then collected from the best-scoring groups only.
    """
    by_slug = {g.slug: g for g in guides}
    empty: frozenset[str] = frozenset()
    tag_bit: dict[str, int] = {}
    term_bit: dict[str, int] = {}
    masks = {
        slug: (_bits(g.tags, tag_bit), _bits(terms.get(slug, empty), term_bit))
        for slug, g in by_slug.items()
    }
    groups: dict[tuple[int, int], list[str]] = {}
    for slug in sorted(by_slug):
        groups.setdefault(masks[slug], []).append(slug)
    group_masks = list(groups)
    group_slugs = list(groups.values())

    ranked: dict[str, list[Guide]] = {}
    for guide in by_slug.values():
        chosen = [s for s in guide.related if s in by_slug and s != guide.slug]
        taken = {guide.slug, *chosen}
        need = max(count - len(chosen), 0)
        mine_tags, mine_terms = masks[guide.slug]
        scores = [
            TAG_WEIGHT * (mine_tags & tags).bit_count()
            + TERM_WEIGHT * (mine_terms & group_terms).bit_count()
            for tags, group_terms in group_masks
        ]
        candidates: list[tuple[int, str]] = []
        cutoff = None
        for i in sorted(range(len(scores)), key=scores.__getitem__, reverse=True):
            if need == 0 or (cutoff is not None and scores[i] < cutoff):
                break  # no lower-scoring group can make the top `need`
            # A group's slugs are sorted, so its first `need` free ones are its best candidates.
            free = islice((s for s in group_slugs[i] if s not in taken), need)
            candidates.extend((-scores[i], s) for s in free)
            if cutoff is None and len(candidates) >= need:
                cutoff = scores[i]  # equal scores still compete, by slug
        best = [s for _, s in heapq.nsmallest(need, candidates)]
        ranked[guide.slug] = [by_slug[s] for s in chosen + best]
    return ranked
