"""Loading of the YAML data files under ``data/`` (UI text, glossary, tags, sources)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError
from .source_text import StrictLoader, read_source

LANGUAGES: tuple[str, ...] = ("id", "en")
"""Site languages, default first. Must match ``plugins.i18n.languages`` in mkdocs.yml."""


def load_yaml(path: Path) -> Any:
    """Parse a YAML data file, turning syntax errors into a ContentError naming the file."""
    try:
        text = read_source(path, str(path))
    except FileNotFoundError as exc:
        raise ContentError(str(path), None, "file is missing") from exc
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise ContentError(f"{path}:{mark.line + 1}", None, f"{exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(str(path), None, f"malformed YAML: {exc}") from exc


@cache
def _ui_text(path: Path, mtime_ns: int) -> dict[str, dict[str, str]]:
    data = load_yaml(path)
    if not isinstance(data, dict) or set(data) != set(LANGUAGES):
        raise ContentError(str(path), None, f"top-level keys must be exactly {list(LANGUAGES)}")
    keys = {lang: set(data[lang]) for lang in LANGUAGES}
    reference = keys[LANGUAGES[0]]
    for lang in LANGUAGES[1:]:
        missing, extra = sorted(reference - keys[lang]), sorted(keys[lang] - reference)
        if missing or extra:
            raise ContentError(
                str(path),
                lang,
                f"keys differ from '{LANGUAGES[0]}': missing {missing}, extra {extra}",
            )
    return data


def ui_text(data_dir: Path) -> dict[str, dict[str, str]]:
    """Return ``{lang: {key: text}}`` from ``data/ui.yml``; keys must match across languages.

    Cached per file modification time, so ``mkdocs serve`` picks up edits.
    """
    path = data_dir / "ui.yml"
    return _ui_text(path, path.stat().st_mtime_ns if path.exists() else 0)
