"""Placing generated Markdown blocks in a guide."""

from __future__ import annotations

import re

FAQ_HEADING = re.compile(r"^##[ \t]+.*\{[ \t]*#faq[ \t]*\}[ \t]*$", re.MULTILINE)


def join_blocks(*blocks: str) -> str:
    """Markdown blocks separated by one blank line."""
    return "\n\n".join(b.strip("\n") for b in blocks if b.strip()) + "\n"


def insert_before_faq(markdown: str, block: str) -> str:
    """Insert ``block`` right before the guide's FAQ section (or at the end if it has none)."""
    match = FAQ_HEADING.search(markdown)
    if not match:
        return join_blocks(markdown, block)
    return join_blocks(markdown[: match.start()], block, markdown[match.start() :])
