"""The content model: a ``Guide`` parsed and validated from one Markdown file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import ContentError
from .markdown_text import ID_PATTERN, headings, section_text, split_front_matter, to_plain_text

REQUIRED_FIELDS = ("title", "summary", "tags", "sources", "reviewed", "checklist")
OPTIONAL_FIELDS = ("related", "draft", "translated")
REQUIRED_SECTIONS = ("key-takeaways", "faq")
# Ids the build adds to every guide page; authors must not use them.
RESERVED_IDS = ("checklist", "sources", "related-guides")
MIN_CHECKLIST_ITEMS = 3
MIN_FAQ_QUESTIONS = 3
SUMMARY_LENGTH = (80, 500)


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str


@dataclass(frozen=True)
class Faq:
    id: str
    question: str
    answer: str  # Markdown

    @property
    def question_text(self) -> str:
        """The question as readers see it (its Markdown rendered to text)."""
        return to_plain_text(self.question)

    @property
    def answer_text(self) -> str:
        return to_plain_text(self.answer)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    level: int


@dataclass(frozen=True)
class Guide:
    slug: str
    lang: str
    path: str
    title: str
    summary: str
    tags: tuple[str, ...]
    sources: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    related: tuple[str, ...]
    sections: tuple[Section, ...]
    faqs: tuple[Faq, ...]
    body: str = field(repr=False)
    reviewed: date = date(1970, 1, 1)
    # `draft: true`: shown by `mkdocs serve` with a banner, left out of `mkdocs build` (the page,
    # the manifest, search, sitemap, hubs, checklists, link directory). Publishing = removing it.
    draft: bool = False
    # English only: section id -> hash of the Indonesian section it translates (`make
    # translated`); knowledgebase.freshness compares it with the Indonesian file.
    translated: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    @property
    def faq_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.faqs)

    @property
    def checklist_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.checklist)


@dataclass(frozen=True)
class Vocabulary:
    """What front matter values may refer to."""

    tags: frozenset[str]
    sources: frozenset[str]


def _string(path: str, meta: dict[str, Any], name: str) -> str:
    value = meta[name]
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, name, "must be non-empty text")
    return " ".join(value.split())


def _id_list(path: str, meta: dict[str, Any], name: str, allowed: frozenset[str] | None) -> tuple:
    value = meta.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(path, name, "must be a list of ids, e.g. [a, b]")
    if allowed is not None:
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise ContentError(path, name, f"unknown {unknown}; allowed: {sorted(allowed)}")
    if len(set(value)) != len(value):
        raise ContentError(path, name, "lists an id twice")
    return tuple(value)


def _date(path: str, meta: dict[str, Any], name: str) -> date:
    value = meta[name]
    # YAML reads an unquoted YYYY-MM-DD as a date; a quoted one is accepted too.
    if type(value) is date:
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ContentError(path, name, "must be a date written YYYY-MM-DD, e.g. 2026-12-02")


def _checklist(path: str, meta: dict[str, Any]) -> tuple[ChecklistItem, ...]:
    value = meta["checklist"]
    if not isinstance(value, list):
        raise ContentError(path, "checklist", "must be a list of {id, text} items")
    items: list[ChecklistItem] = []
    for n, item in enumerate(value, start=1):
        where = f"checklist[{n}]"
        if not isinstance(item, dict) or set(item) != {"id", "text"}:
            raise ContentError(path, where, "must have exactly the keys 'id' and 'text'")
        if not isinstance(item["id"], str) or not ID_PATTERN.match(item["id"]):
            raise ContentError(path, where, f"id {item['id']!r} must be lowercase-hyphenated")
        if not isinstance(item["text"], str) or not item["text"].strip():
            raise ContentError(path, where, "text must be non-empty")
        items.append(ChecklistItem(item["id"], " ".join(item["text"].split())))
    if len(items) < MIN_CHECKLIST_ITEMS:
        raise ContentError(path, "checklist", f"needs at least {MIN_CHECKLIST_ITEMS} items")
    ids = [i.id for i in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ContentError(path, "checklist", f"duplicate item ids {dupes}")
    return tuple(items)


def parse_guide(path: str, slug: str, lang: str, text: str, vocabulary: Vocabulary) -> Guide:
    """Parse and validate one guide file. Raises ContentError naming the file and field/id."""
    meta, body, body_line = split_front_matter(path, text)
    unknown = sorted(set(meta) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise ContentError(
            path,
            unknown[0],
            f"unknown field; allowed fields: {list(REQUIRED_FIELDS + OPTIONAL_FIELDS)}",
        )
    for name in REQUIRED_FIELDS:
        if name not in meta:
            raise ContentError(path, name, "required field is missing")
    title, summary = _string(path, meta, "title"), _string(path, meta, "summary")
    low, high = SUMMARY_LENGTH
    if not low <= len(summary) <= high:
        raise ContentError(path, "summary", f"must be {low}-{high} characters (one paragraph)")
    tags = _id_list(path, meta, "tags", vocabulary.tags)
    if not tags:
        raise ContentError(path, "tags", "needs at least one tag")
    sources = _id_list(path, meta, "sources", vocabulary.sources)
    if not sources:
        raise ContentError(path, "sources", "needs at least one source")
    related = _id_list(path, meta, "related", None)
    reviewed = _date(path, meta, "reviewed")
    draft = meta.get("draft", False)
    translated = meta.get("translated") or {}
    if not isinstance(translated, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in translated.items()
    ):
        raise ContentError(path, "translated", "is written by `make translated SLUG=…`; rerun it")
    if type(draft) is not bool:
        raise ContentError(path, "draft", "must be true or false (delete the line to publish)")
    checklist = _checklist(path, meta)

    sections: list[Section] = []
    faqs: list[Faq] = []
    in_faq = False
    seen: set[str] = set()
    for h in headings(body, body_line):
        if h.level == 1:
            raise ContentError(path, f"line {h.line}", "no H1 please: the title comes from 'title'")
        if h.id is None:
            raise ContentError(
                path, f"line {h.line}", f"heading '{h.text}' needs an explicit id: {{ #some-id }}"
            )
        if not ID_PATTERN.match(h.id):
            raise ContentError(path, h.id, "ids are lowercase ASCII words joined by hyphens")
        if h.id in seen:
            raise ContentError(path, h.id, "duplicate id in this guide")
        if h.id in RESERVED_IDS:
            raise ContentError(path, h.id, "this id is reserved for a section the build adds")
        seen.add(h.id)
        if h.level == 2:
            in_faq = h.id == "faq"
        if in_faq and h.level == 3:
            answer = section_text(body, h.line, body_line)
            if not answer:
                raise ContentError(path, h.id, "FAQ question has an empty answer")
            if not h.id.startswith("faq-"):
                raise ContentError(path, h.id, "FAQ question ids start with 'faq-'")
            faqs.append(Faq(h.id, h.text, answer))
        else:
            sections.append(Section(h.id, h.text, h.level))
    for required in REQUIRED_SECTIONS:
        if required not in seen:
            raise ContentError(path, required, "required section is missing")
    if len(faqs) < MIN_FAQ_QUESTIONS:
        raise ContentError(path, "faq", f"needs at least {MIN_FAQ_QUESTIONS} questions")
    return Guide(
        slug=slug,
        lang=lang,
        path=path,
        title=title,
        summary=summary,
        tags=tags,
        sources=sources,
        checklist=checklist,
        related=related,
        sections=tuple(sections),
        faqs=tuple(faqs),
        body=body,
        reviewed=reviewed,
        draft=draft,
        translated=translated,
    )
