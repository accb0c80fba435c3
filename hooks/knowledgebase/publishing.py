"""Only content is published: what may go from ``docs/`` into ``site/``.

MkDocs copies whatever ``docs/`` holds, following symbolic links, and lets a docs/ file
silently take the place of a theme file or of another page with the same URL. These checks
name each such file, so the build fails instead of publishing it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path

from .data import LANGUAGES


def _display(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def link_problems(docs_dir: Path, project_dir: Path) -> list[str]:
    """Symbolic links under ``docs_dir`` that lead outside ``project_dir`` or nowhere."""
    problems = []
    project = project_dir.resolve()
    for folder, dirs, files in os.walk(docs_dir):  # does not follow links into folders
        for name in sorted([*dirs, *files]):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            shown = _display(path, project_dir)
            target = os.readlink(path)
            resolved = path.resolve()
            if not resolved.exists():
                problems.append(
                    f"{shown}: symbolic link to '{target}', which does not exist; remove the "
                    "link or restore the file it points to"
                )
            elif not resolved.is_relative_to(project):
                problems.append(
                    f"{shown}: symbolic link to '{target}', outside the repository; only files "
                    "of the repository are published: copy the content into docs/ or remove "
                    "the link"
                )
    return sorted(problems)


def url_problems(
    sources: Mapping[str, str],
    theme_files: Iterable[str],
    reserved: Mapping[str, str],
) -> list[str]:
    """Docs files that would replace something else in the site.

    ``sources``: docs/ path (``docs/assets/x.js``) -> the file it writes (``assets/x.js``);
    ``theme_files``: files the theme (``overrides/``, Material) publishes; ``reserved``: output
    path -> what the build itself writes there (a language root, a generated page)."""
    problems = []
    theme = set(theme_files)
    by_dest: dict[str, list[str]] = {}
    for source, dest in sorted(sources.items()):
        by_dest.setdefault(dest, []).append(source)
        if dest in theme:
            problems.append(
                f"{source}: would replace the theme's file '{dest}' (overrides/ or Material); "
                "rename or move it"
            )
        for prefix, what in reserved.items():
            if dest == prefix or dest.startswith(prefix.rstrip("/") + "/"):
                problems.append(f"{source}: its output '{dest}' is {what}; rename or move it")
    for dest, names in sorted(by_dest.items()):
        if len(names) > 1:
            problems.append(
                f"{names[0]}: publishes '{dest}', as {', '.join(names[1:])} does; each URL "
                "needs one source: rename one of them"
            )
    return problems


def language_roots() -> dict[str, str]:
    """The output folders of the other languages' sites, which no default-language page may
    write into."""
    return {f"{lang}/": f"inside the {lang} site's root ({lang}/)" for lang in LANGUAGES[1:]}


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def duplicate_ids(source: str, html: str) -> list[str]:
    """Element ids used more than once in a page's rendered content."""
    parser = _Ids()
    parser.feed(html)
    parser.close()
    seen: set[str] = set()
    repeated = sorted({i for i in parser.ids if i in seen or seen.add(i)})
    return [
        f"{source}: id '{i}' is used by more than one element of the page, so a link to "
        f"'#{i}' opens the first; give each heading its own {{ #id }}"
        for i in repeated
    ]
