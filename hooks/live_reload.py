"""`mkdocs serve` tells the truth: every build error is printed on every rebuild.

MkDocs' command line adds a ``DuplicateFilter`` to the ``mkdocs.commands.build`` logger, which
drops any message it has printed before in the process: under ``serve`` the second identical
``PluginError`` (the same front matter mistake made again) printed only ``Aborted with a
BuildError!``. ``on_startup`` removes that filter when serving; a single ``mkdocs build`` prints
each message once anyway. tests/test_hooks.py fails if MkDocs renames the logger or the filter.

data/ and overrides/ are watched through mkdocs.yml's documented ``watch`` option.
"""

from __future__ import annotations

import logging

from mkdocs.utils import DuplicateFilter

BUILD_LOGGER = "mkdocs.commands.build"


def remove_duplicate_filters(logger: logging.Logger) -> int:
    """Drop MkDocs' DuplicateFilter from ``logger``; returns how many were removed."""
    found = [f for f in logger.filters if isinstance(f, DuplicateFilter)]
    for f in found:
        logger.removeFilter(f)
    return len(found)


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        remove_duplicate_filters(logging.getLogger(BUILD_LOGGER))
