"""The few facts the hooks read from the MkDocs configuration, in one place.

Only documented, public configuration is read here (``config_file_path`` and Material's
``theme.language``, which mkdocs-static-i18n sets per language build), so a change in either
library shows up as one failing test instead of scattered breakage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import LANGUAGES


def project_dir(config: Any) -> Path:
    """The folder holding mkdocs.yml (and data/, docs/, overrides/)."""
    return Path(config.config_file_path).resolve().parent


def data_dir(config: Any) -> Path:
    return project_dir(config) / "data"


def current_language(config: Any) -> str:
    """The language this build pass renders; static-i18n sets ``theme.language`` per pass."""
    lang = config.theme["language"]
    if lang not in LANGUAGES:
        raise ValueError(f"theme.language is '{lang}', expected one of {list(LANGUAGES)}")
    return lang


def is_default_language(config: Any) -> bool:
    return current_language(config) == LANGUAGES[0]
