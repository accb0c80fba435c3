"""The one exception type for content that cannot be processed."""

from __future__ import annotations


class ContentError(Exception):
    """A content problem, located by file and (optionally) field or id."""

    def __init__(self, path: str, field: str | None, message: str) -> None:
        self.path = path
        self.field = field
        self.message = message
        where = f"{path}: '{field}'" if field else path
        super().__init__(f"{where}: {message}")
