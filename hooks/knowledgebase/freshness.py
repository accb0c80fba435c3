"""Translation freshness: which sections of an English guide may lag their Indonesian source.

``make translated SLUG=…`` stores a short hash of each Indonesian section (heading and text)
in the English file's ``translated:`` front matter. A section whose Indonesian hash no longer
matches is stale. A guide without ``translated:`` is not tracked yet and is never stale.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from .markdown_text import headings, section_text, split_front_matter

FIELD = "translated"
FLOW = re.compile(rf"^{FIELD}:.*\n(?:[ \t]+.*\n)*", re.M)


def section_hashes(path: str, source_text: str) -> dict[str, str]:
    """Section id -> 8-hex-digit hash of the section's heading and text, for every heading with
    an id in a guide file (front matter excluded)."""
    _, body, first = split_front_matter(path, source_text)
    found = {}
    for h in headings(body, first):
        if h.id:
            content = h.text + "\n" + section_text(body, h.line, first)
            found[h.id] = hashlib.blake2b(content.encode("utf-8"), digest_size=4).hexdigest()
    return found


def stale_sections(recorded: Mapping[str, str] | None, current: Mapping[str, str]) -> list[str]:
    """Ids of sections whose source changed since ``recorded`` (in source order); none when
    nothing was recorded."""
    if not recorded:
        return []
    return [i for i, digest in current.items() if recorded.get(i) != digest]


def with_recorded(translation_text: str, hashes: Mapping[str, str]) -> str:
    """The translation file's text with ``translated:`` set to ``hashes`` (replacing any)."""
    # Quoted: YAML would read a hash of digits as a number ("12345678", "1e345678").
    line = FIELD + ": {" + ", ".join(f'{i}: "{d}"' for i, d in hashes.items()) + "}\n"
    head, sep, rest = translation_text.partition("\n---\n")
    if not sep or not head.startswith("---\n"):
        raise ValueError("the file has no front matter block")
    head = FLOW.sub("", head + "\n").rstrip("\n")
    return f"{head}\n{line}---\n{rest}"
