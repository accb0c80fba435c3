"""Short links: ``go/<alias>/`` leads to a guide in each language (``/go/mentor/``,
``/en/go/mentor/``), for printed packs and links said aloud. ``data/short-links.yml`` maps each
alias to a guide's slug; each alias becomes an ordinary mkdocs-redirects entry, so it is
written like every other redirect and guarded by the published-URL manifest."""

from __future__ import annotations

import re
from collections.abc import Iterable

SHORT_LINKS = "short-links.yml"  # in data/
SHORT_FOLDER = "go"
ALIAS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_short_links(
    path: str, data: object, guides: Iterable[str]
) -> tuple[dict[str, str], list[str]]:
    """Alias -> guide slug, in file order, and every problem with the file (all at once): an
    alias that is not lowercase words joined by hyphens, a guide that does not exist, a guide
    without an alias."""
    slugs = list(guides)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, [f"{path}: must map short aliases to guide slugs, e.g. mentor: finding-a-mentor"]
    result: dict[str, str] = {}
    problems = []
    for alias, slug in data.items():
        if not isinstance(alias, str) or not ALIAS.match(alias):
            problems.append(
                f"{path}: '{alias}' is not a short alias: use lowercase words joined by "
                "hyphens, e.g. mentor"
            )
        elif slug not in slugs:
            problems.append(
                f"{path}: '{alias}': '{slug}' is not a guide; use a guide's slug (its file "
                f"name under docs/guides/ without the language), one of: {', '.join(slugs)}"
            )
        else:
            result[alias] = slug
    for slug in slugs:
        if slug not in data.values():
            problems.append(
                f"{path}: guide '{slug}' has no short alias: add a line such as "
                f"'{slug.split('-')[-1]}: {slug}'"
            )
    return result, problems


def short_redirects(aliases: dict[str, str]) -> dict[str, str]:
    """The language-neutral ``redirect_maps`` entries for the aliases:
    ``go/mentor.md: guides/finding-a-mentor.md`` (made per-language like every redirect)."""
    return {f"{SHORT_FOLDER}/{alias}.md": f"guides/{slug}.md" for alias, slug in aliases.items()}


def short_paths(aliases: dict[str, str]) -> dict[str, str]:
    """Guide slug -> the site-relative path of its first alias (``go/mentor/``), in the default
    language: the short form the builder offers."""
    found: dict[str, str] = {}
    for alias, slug in aliases.items():
        found.setdefault(slug, f"{SHORT_FOLDER}/{alias}/")
    return found
