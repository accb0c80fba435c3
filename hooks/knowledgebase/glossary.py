"""The bilingual glossary and linking a guide's first use of each term to its entry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

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

    @cached_property
    def matchers(self) -> dict[str, tuple[re.Pattern[str], dict[str, str]]]:
        """Per language: one regex for every form of every term (longest first), so a line is
        scanned once, and a map from the lower-cased form to its term id."""
        return {lang: (_pattern(owner), owner) for lang, owner in self.owners.items()}

    @cached_property
    def scanners(self) -> dict[str, re.Pattern[str]]:
        """Per language: the same regex, case-sensitive, for lower-cased text (about twice as
        fast as matching case-insensitively, for ``terms_used`` to scan every guide)."""
        return {lang: _pattern(owner, re.NOFLAG) for lang, owner in self.owners.items()}

    @cached_property
    def owners(self) -> dict[str, dict[str, str]]:
        """Per language: each lower-cased form of a term mapped to the term's id."""
        owners = {}
        for lang in LANGUAGES:
            owner: dict[str, str] = {}
            for term in self.terms:
                for form in term.forms(lang):
                    owner.setdefault(form.lower(), term.id)
            owners[lang] = owner
        return owners


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


def _trie(forms: Iterable[str]) -> str:
    """A regex matching exactly ``forms``, written as a trie (``mentor(?:ing)?``): the engine
    then tries one branch per character instead of every form at every position. Where forms
    overlap, the longer is tried first, as in an alternation sorted longest first."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def source(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + source(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return source(root)


def _pattern(forms: Iterable[str], flags: re.RegexFlag = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])({_trie(forms)})(?![\w-])", flags)


def terms_used(glossary: Glossary, lang: str, markdown: str) -> frozenset[str]:
    """Ids of the glossary terms that occur in the body text of ``markdown``."""
    owner = glossary.owners[lang]
    text = "\n".join(_body_lines(markdown)).lower()
    return frozenset(owner[form] for form in set(glossary.scanners[lang].findall(text)))


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


def link_terms(
    glossary: Glossary,
    lang: str,
    markdown: str,
    glossary_link: str,
    used: frozenset[str] | None = None,
) -> str:
    """Link the first occurrence of each glossary term in body text to its entry.

    Headings (and so FAQ questions), fenced code, inline code, existing links, attribute lists
    and raw HTML are left alone. ``glossary_link`` is the relative link to the glossary page.
    ``used`` (``terms_used`` of the same text), when given, lets the scan stop as soon as every
    term that occurs has been linked.
    """
    match = FRONT_MATTER.match(markdown)
    head, body = (markdown[: match.end()], markdown[match.end() :]) if match else ("", markdown)
    pattern, owner = glossary.matchers[lang]
    linked: set[str] = set()
    out: list[str] = []
    in_fence = None
    lines = body.split("\n")
    for number, line in enumerate(lines):
        if used is not None and linked >= used:
            out.extend(lines[number:])
            break
        fence = FENCE.match(line)
        if fence:
            in_fence = None if in_fence == fence.group(1) else in_fence or fence.group(1)
        if fence or in_fence or HEADING.match(line):
            out.append(line)
            continue
        out.append(_link_line(line, pattern, owner, linked, glossary_link))
    return head + "\n".join(out)


def _link_line(
    line: str, pattern: re.Pattern[str], owner: dict[str, str], linked: set[str], link: str
) -> str:
    # Only free text is searched: protected spans (code, links, attributes, HTML) are kept.
    result: list[str] = []
    pos = 0
    for protected in [*_PROTECTED.finditer(line), None]:
        end = protected.start() if protected else len(line)
        result.append(_link_text(line[pos:end], pattern, owner, linked, link))
        if protected:
            result.append(protected.group(0))
            pos = protected.end()
    return "".join(result)


def _link_text(
    text: str, pattern: re.Pattern[str], owner: dict[str, str], linked: set[str], link: str
) -> str:
    def replace(m: re.Match[str]) -> str:
        term_id = owner[m.group(1).lower()]
        if term_id in linked:
            return m.group(0)
        linked.add(term_id)
        return f"[{m.group(1)}]({link}#{term_id}){{ .kb-term }}"

    return pattern.sub(replace, text)
