"""The link directory: every guide, FAQ question and checklist with its permanent URL in every
language, built from the same parsed guides as the pages themselves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .data import LANGUAGES
from .model import Guide
from .urls import page_url_in

CHECKLIST_ID = "checklist"  # the section hooks/checklists.py adds to every guide


@dataclass(frozen=True)
class DirectoryLink:
    lang: str
    path: str  # site-relative URL, with the anchor: en/guides/x/#faq-y


@dataclass(frozen=True)
class DirectoryEntry:
    kind: str  # "guide", "checklist" or "faq"
    label: str  # in the directory page's language
    links: tuple[DirectoryLink, ...]  # one per language, default first


def _links(slug: str, anchor: str | None) -> tuple[DirectoryLink, ...]:
    page = f"guides/{slug}/"
    fragment = f"#{anchor}" if anchor else ""
    return tuple(
        DirectoryLink(lang, page_url_in(page, LANGUAGES[0], lang) + fragment) for lang in LANGUAGES
    )


def guide_entries(by_lang: Mapping[str, Guide], lang: str) -> list[DirectoryEntry]:
    """The directory's entries for one guide, in page order: the guide, its checklist (which
    sits before the FAQ), then each FAQ question. Labels are in ``lang``; the checklist is
    labelled with its guide's title."""
    guide = by_lang[lang]
    entries = [
        DirectoryEntry("guide", guide.title, _links(guide.slug, None)),
        DirectoryEntry("checklist", guide.title, _links(guide.slug, CHECKLIST_ID)),
    ]
    entries += [
        DirectoryEntry("faq", faq.question, _links(guide.slug, faq.id)) for faq in guide.faqs
    ]
    return entries
