"""The bilingual glossary and linking a guide's first use of each term to its entry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data import LANGUAGES
from .errors import ContentError
from .markdown_text import FENCE, FRONT_MATTER, HEADING


@dataclass(frozen=True)
class Term:
    id: str
    term: dict[str, str]  # lang -> preferred term
    also: dict[str, tuple[str, ...]]  # lang -> other forms
    definition: dict[str, str]

    def forms(self, lang: str) -> tuple[str, ...]:
        """Every form to recognise in text of ``lang``, longest first."""
        return tuple(sorted({self.term[lang], *self.also[lang]}, key=lambda f: (-len(f), f)))


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.terms)


def parse_glossary(path: str, data: object) -> Glossary:
    if not isinstance(data, dict):
        raise ContentError(path, None, "must map term ids to entries")
    terms = []
    for term_id, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGUAGES):
            raise ContentError(path, term_id, f"needs exactly the languages {list(LANGUAGES)}")
        for lang in LANGUAGES:
            e = entry[lang]
            if not isinstance(e, dict) or not {"term", "definition"} <= set(e):
                raise ContentError(path, f"{term_id}.{lang}", "needs 'term' and 'definition'")
            if not str(e["definition"]).strip() or e["definition"] == "TODO":
                raise ContentError(path, f"{term_id}.{lang}", "definition is empty")
        terms.append(
            Term(
                id=term_id,
                term={lang: entry[lang]["term"] for lang in LANGUAGES},
                also={lang: tuple(entry[lang].get("also") or ()) for lang in LANGUAGES},
                definition={
                    lang: " ".join(entry[lang]["definition"].split()) for lang in LANGUAGES
                },
            )
        )
    return Glossary(tuple(terms))


# Spans of a line that must never get a link: inline code, links/images, attribute lists,
# raw HTML tags and existing autolinks.
_PROTECTED = re.compile(r"`[^`]*`|!?\[[^\]]*\]\([^)]*\)|\[[^\]]*\]\[[^\]]*\]|\{[^}]*\}|<[^>]+>")


def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


def terms_used(glossary: Glossary, lang: str, markdown: str) -> frozenset[str]:
    """Ids of the glossary terms that occur in the body text of ``markdown``."""
    text = "\n".join(_body_lines(markdown))
    return frozenset(t.id for t in glossary if _pattern(t.forms(lang)).search(text))


def _body_lines(markdown: str):  # type: ignore[no-untyped-def]
    in_fence = None
    for line in markdown.splitlines():
        fence = FENCE.match(line)
        if fence:
            in_fence = None if in_fence == fence.group(1) else in_fence or fence.group(1)
            continue
        if in_fence or HEADING.match(line):
            continue
        yield line


def link_terms(glossary: Glossary, lang: str, markdown: str, glossary_link: str) -> str:
    """Link the first occurrence of each glossary term in body text to its entry.

    Headings (and so FAQ questions), fenced code, inline code, existing links, attribute lists
    and raw HTML are left alone. ``glossary_link`` is the relative link to the glossary page.
    """
    match = FRONT_MATTER.match(markdown)
    head, body = (markdown[: match.end()], markdown[match.end() :]) if match else ("", markdown)
    pending = {t.id: _pattern(t.forms(lang)) for t in glossary}
    out: list[str] = []
    in_fence = None
    for line in body.split("\n"):
        fence = FENCE.match(line)
        if fence:
            in_fence = None if in_fence == fence.group(1) else in_fence or fence.group(1)
        if fence or in_fence or HEADING.match(line) or not pending:
            out.append(line)
            continue
        out.append(_link_line(line, pending, glossary_link))
    return head + "\n".join(out)


def _link_line(line: str, pending: dict[str, re.Pattern[str]], glossary_link: str) -> str:
    # Split the line into protected spans and free text; only free text is searched.
    pieces: list[tuple[bool, str]] = []
    pos = 0
    for m in _PROTECTED.finditer(line):
        pieces.append((False, line[pos : m.start()]))
        pieces.append((True, m.group(0)))
        pos = m.end()
    pieces.append((False, line[pos:]))
    result = []
    for protected, text in pieces:
        if not protected:
            text = _link_text(text, pending, glossary_link)
        result.append(text)
    return "".join(result)


def _link_text(text: str, pending: dict[str, re.Pattern[str]], glossary_link: str) -> str:
    while True:
        best = None
        for term_id, pattern in pending.items():
            m = pattern.search(text)
            if m and (best is None or m.start() < best[1].start()):
                best = (term_id, m)
        if best is None:
            return text
        term_id, m = best
        del pending[term_id]
        link = f"[{m.group(1)}]({glossary_link}#{term_id}){{ .kb-term }}"
        # Continue after the link, so a term inside the link text is not linked again.
        tail = _link_text(text[m.end() :], pending, glossary_link)
        return text[: m.start()] + link + tail
