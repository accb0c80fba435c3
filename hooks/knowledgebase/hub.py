"""The reader's ways in: topic groups, the home page's questions, tag pages, reviewed dates.

Everything here is derived from the content model (``Guide``) and two small data files:
``data/topics.yml`` (the groups a new employee understands, each listing its guides) and
``data/home.yml`` (which FAQ answers the home page shows). Nothing is pasted text, so the pages
built from it follow the guides when their prose changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .data import LANGUAGES
from .errors import ContentError
from .escaping import markdown_text
from .markdown_text import ID_PATTERN
from .model import Faq, Guide

TOPICS_FILE = "topics.yml"
HOME_FILE = "home.yml"
TAG_FOLDER = "tags"
HOME_QUESTIONS = 6

# A sentence ends at . ! or ? followed by a space and a capital letter or an opening quote;
# "mis. rekan" or "e.g. a colleague" (lower case after the stop) does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u00DE\"'\u201C\u2018(])")


@dataclass(frozen=True)
class Topic:
    id: str
    label: dict[str, str]  # lang -> heading text
    guides: tuple[str, ...]  # guide slugs, in reading order

    @property
    def anchor(self) -> str:
        return f"topic-{self.id}"


def parse_topics(path: str, data: object) -> tuple[Topic, ...]:
    """``data/topics.yml``: ``<id>: {id: label, en: label, guides: [slug, ...]}``, in order.
    Raises ContentError naming the file and the topic for anything malformed."""
    if not isinstance(data, dict) or not data:
        raise ContentError(path, None, "must map topic ids to {id: …, en: …, guides: [...]}")
    topics = []
    for key, value in data.items():
        if not isinstance(key, str) or not ID_PATTERN.match(key):
            raise ContentError(path, str(key), "topic ids are lowercase words joined by hyphens")
        wanted = {*LANGUAGES, "guides"}
        if not isinstance(value, dict) or set(value) != wanted:
            raise ContentError(path, key, f"needs exactly the keys {sorted(wanted)}")
        for lang in LANGUAGES:
            if not isinstance(value[lang], str) or not value[lang].strip():
                raise ContentError(path, f"{key}.{lang}", "must be non-empty text")
        guides = value["guides"]
        if not (isinstance(guides, list) and guides and all(isinstance(g, str) for g in guides)):
            raise ContentError(path, f"{key}.guides", "must be a non-empty list of guide slugs")
        if len(set(guides)) != len(guides):
            raise ContentError(path, f"{key}.guides", "lists a guide twice")
        topics.append(Topic(key, {lang: value[lang].strip() for lang in LANGUAGES}, tuple(guides)))
    return tuple(topics)


def topic_problems(path: str, topics: Iterable[Topic], slugs: Iterable[str]) -> list[str]:
    """Topics naming guides that do not exist, and guides no topic lists (a reader browsing by
    topic would never find them)."""
    topics, known = tuple(topics), list(slugs)
    problems = []
    for topic in topics:
        unknown = [g for g in topic.guides if g not in known]
        if unknown:
            problems.append(
                f"{path}: topic '{topic.id}' lists unknown guides {unknown}; "
                f"known guides: {sorted(known)}"
            )
    listed = {g for topic in topics for g in topic.guides}
    for slug in known:
        if slug not in listed:
            problems.append(
                f"{path}: guide '{slug}' is in no topic; add it to the 'guides' of at least "
                f"one of {[t.id for t in topics]}"
            )
    return problems


def parse_home(path: str, data: object) -> tuple[str, ...]:
    """``data/home.yml``: ``questions: [faq-id, ...]``, the FAQ entries the home page answers."""
    if not isinstance(data, dict) or set(data) != {"questions"}:
        raise ContentError(path, None, "must have exactly the key 'questions'")
    ids = data["questions"]
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ContentError(path, "questions", "must be a list of FAQ ids, e.g. [faq-some-id]")
    if len(ids) != HOME_QUESTIONS or len(set(ids)) != len(ids):
        raise ContentError(path, "questions", f"must list {HOME_QUESTIONS} different FAQ ids")
    return tuple(ids)


def find_faqs(
    path: str, ids: Iterable[str], guides: Mapping[str, Guide]
) -> tuple[list[tuple[Guide, Faq]], list[str]]:
    """Each FAQ id with the guide that answers it, and one problem per id no guide has."""
    owner = {faq.id: (guide, faq) for guide in guides.values() for faq in guide.faqs}
    found, problems = [], []
    for faq_id in ids:
        if faq_id in owner:
            found.append(owner[faq_id])
        else:
            problems.append(
                f"{path}: 'questions' names '{faq_id}', which is no guide's FAQ id; "
                "use the id of a '### Question { #faq-… }' heading in a guide's FAQ"
            )
    return found, problems


def first_sentence(text: str) -> str:
    """The first sentence of plain text (all of it if it is one sentence)."""
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def format_date(day: date, months: str) -> str:
    """``2 Desember 2026``: day, month name, year; ``months`` is the twelve names, space-separated
    (from data/ui.yml, so the wording stays with the other interface text)."""
    names = months.split()
    if len(names) != 12:
        raise ValueError(f"expected 12 month names, got {len(names)}: {months!r}")
    return f"{day.day} {names[day.month - 1]} {day.year}"


def guides_by_tag(guides: Iterable[Guide]) -> dict[str, list[Guide]]:
    """Tag id -> the guides carrying it, sorted by title (in their language)."""
    result: dict[str, list[Guide]] = {}
    for guide in guides:
        for tag in guide.tags:
            result.setdefault(tag, []).append(guide)
    return {tag: sorted(found, key=lambda g: g.title.lower()) for tag, found in result.items()}


def tag_of(src_uri: str) -> str | None:
    """``tags/<tag>.<lang>.md`` -> tag id; None for any other page."""
    folder, _, name = src_uri.rpartition("/")
    parts = name.split(".")
    if folder != TAG_FOLDER or len(parts) != 3 or parts[2] != "md" or parts[1] not in LANGUAGES:
        return None
    return parts[0]


def tag_page_problems(
    tag_pages: Iterable[str], used: Iterable[str], vocabulary: Mapping[str, object]
) -> list[str]:
    """Tag pages for tags that are not in ``data/tags.yml``, and tags guides use that have no
    page (checked only when the site has tag pages at all: small test sites have none)."""
    pages, problems = set(tag_pages), []
    if not pages:
        return problems
    for tag in sorted(pages - set(vocabulary)):
        problems.append(
            f"docs/{TAG_FOLDER}/{tag}.<lang>.md: '{tag}' is not a tag in data/tags.yml; "
            "rename the page or add the tag there"
        )
    for tag in sorted(set(used) - pages):
        wanted = ", ".join(f"docs/{TAG_FOLDER}/{tag}.{lang}.md" for lang in LANGUAGES)
        problems.append(
            f"tag '{tag}' is used by a guide but has no page: create {wanted}, each with "
            "front matter 'generated: tag' (the build writes the title and the list)"
        )
    return problems


def guide_meta(
    guide: Guide,
    ui: Mapping[str, str],
    tags: Mapping[str, Mapping[str, str]],
    links: Mapping[str, str],
) -> str:
    """The line under a guide's summary, as Markdown: ``Ditinjau 2 Desember 2026 · Tag: Karier,
    Kepercayaan``, each tag linked to ``links[tag]`` where it has a page."""
    # Labels and UI strings are text: escaped, so a "<" in data/ never becomes markup.
    day = markdown_text(format_date(guide.reviewed, ui["months"]))
    reviewed = markdown_text(ui["reviewed"]).format(
        date=f'<time datetime="{guide.reviewed.isoformat()}">{day}</time>'
    )
    labels = []
    for tag in guide.tags:
        label = markdown_text(tags[tag][guide.lang])
        labels.append(f"[{label}]({links[tag]})" if tag in links else label)
    label = markdown_text(ui["tags_label"])
    return f"{reviewed} · {label}: {', '.join(labels)}\n{{ .kb-meta }}"
