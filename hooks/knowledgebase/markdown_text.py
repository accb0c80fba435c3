"""Reading the structure of a Markdown page: front matter, headings with explicit ids, FAQ."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown as md
import yaml

from .errors import ContentError
from .source_text import StrictLoader

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
# A heading's attribute list, e.g. "{ #faq }" or "{ #related-guides data-search-exclude }".
ATTR_LIST = re.compile(r"^(.*?)[ \t]*\{([^{}]*)\}$")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def yaml_problem(exc: yaml.YAMLError, first_line: int = 2) -> str:
    """One line saying what is wrong and where, as a line number in the file (front matter
    starts on line 2, after the opening '---'), instead of PyYAML's multi-line report."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return problem
    return f"{problem} (line {mark.line + first_line}, column {mark.column + 1})"


def split_front_matter(path: str, text: str) -> tuple[dict, str, int]:
    """Return (front matter, body, line number where the body starts). Malformed YAML or a
    missing front matter block raises ContentError naming the file."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(path, None, "front matter is missing (start the file with '---')")
    try:
        meta = yaml.load(match.group(1) or "", Loader=StrictLoader) or {}
    except yaml.YAMLError as exc:
        raise ContentError(
            path, None, f"front matter is not valid YAML: {yaml_problem(exc)}"
        ) from exc
    except ValueError as exc:
        # PyYAML builds dates while parsing: 2026-13-02 raises here, not as a YAMLError.
        raise ContentError(
            path, None, f"front matter has an impossible date ({exc}); write YYYY-MM-DD"
        ) from exc
    if not isinstance(meta, dict):
        raise ContentError(path, None, "front matter must be a mapping of field: value")
    body_line = text.count("\n", 0, match.end()) + 1
    return meta, text[match.end() :], body_line


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int  # 1-based line number in the file


def headings(body: str, first_line: int = 1) -> list[Heading]:
    """ATX headings outside fenced code, with their explicit ``{ #id }`` if present."""
    found: list[Heading] = []
    in_fence: str | None = None
    for number, line in enumerate(body.splitlines(), start=first_line):
        fence = FENCE.match(line)
        if fence:
            in_fence = None if in_fence == fence.group(1) else in_fence or fence.group(1)
            continue
        if in_fence:
            continue
        match = HEADING.match(line)
        if not match:
            continue
        text = match.group(2).rstrip("#").rstrip()
        attrs = ATTR_LIST.match(text)
        explicit = ATTR_ID.search(attrs.group(2)) if attrs else None
        if attrs and explicit:
            found.append(Heading(len(match.group(1)), attrs.group(1), explicit.group(1), number))
        else:
            found.append(Heading(len(match.group(1)), text, None, number))
    return found


def section_text(body: str, heading_line: int, first_line: int = 1) -> str:
    """The Markdown between the heading at ``heading_line`` and the next heading."""
    lines = body.splitlines()
    start = heading_line - first_line + 1
    out: list[str] = []
    for line in lines[start:]:
        if HEADING.match(line):
            break
        out.append(line)
    return "\n".join(out).strip()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# One converter, reset per call: building a Markdown instance costs more than converting a
# short FAQ answer, and the build converts every answer of every guide.
_PLAIN_MARKDOWN = md.Markdown(extensions=["attr_list"])


# Characters that can start Markdown or HTML markup in a short answer; text without any of
# them reads exactly as written, so it needs no conversion.
_MARKUP = re.compile(r"[\\`*_\[\]<>&{}!#|~]|^[ \t]*(?:[-+=]|\d+[.)])", re.MULTILINE)


def to_plain_text(markdown_text: str) -> str:
    """Markdown → the text a reader sees (for JSON-LD, meta descriptions, copied checklists)."""
    if not _MARKUP.search(markdown_text):
        return " ".join(markdown_text.split())
    html = _PLAIN_MARKDOWN.reset().convert(markdown_text)
    parser = _TextExtractor()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())
