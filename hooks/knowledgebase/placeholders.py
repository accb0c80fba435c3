"""Markers a hook leaves in Markdown where it puts HTML after the Markdown is converted."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable


class Placeholders:
    """HTML comments of one kind (``<!-- kb-<kind> <token> <key> -->``), each naming what goes
    there by ``key`` (a slug, or nothing). The token is random per process, so a comment an
    author writes in a page can never be taken for one."""

    def __init__(self, kind: str) -> None:
        self._start = f"<!-- kb-{kind} {secrets.token_hex(8)} "
        self._pattern = re.compile(re.escape(self._start) + r"([a-z0-9-]*) -->")

    def mark(self, key: str = "") -> str:
        """The placeholder for ``key``, to put in Markdown as a block of its own."""
        return f"{self._start}{key} -->"

    def replace(self, html: str, render: Callable[[str], str]) -> str:
        """``html`` with each placeholder replaced by ``render(key)``."""
        if self._start not in html:
            return html
        return self._pattern.sub(lambda match: render(match.group(1)), html)
