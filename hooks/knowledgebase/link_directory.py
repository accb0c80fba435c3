"""The link directory: every guide, FAQ question and checklist with its permanent URL in every
language, built from the same parsed guides as the pages themselves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .data import LANGUAGES
from .model import Guide
from .qr import qr_path
from .urls import page_url_in

CHECKLIST_ID = "checklist"  # the section hooks/checklists.py adds to every guide


@dataclass(frozen=True)
class DirectoryLink:
    lang: str
    path: str  # site-relative URL, with the anchor: en/guides/x/#faq-y
    qr: str  # site-relative URL of its QR code (SVG): en/assets/qr/x--faq-y.svg


@dataclass(frozen=True)
class DirectoryEntry:
    kind: str  # "guide", "checklist" or "faq"
    label: str  # in the directory page's language
    links: tuple[DirectoryLink, ...]  # one per language, default first


def _links(slug: str, anchor: str | None) -> tuple[DirectoryLink, ...]:
    page = f"guides/{slug}/"
    fragment = f"#{anchor}" if anchor else ""
    qr = qr_path(slug, anchor)
    return tuple(
        DirectoryLink(
            lang,
            page_url_in(page, LANGUAGES[0], lang) + fragment,
            page_url_in(qr, LANGUAGES[0], lang),
        )
        for lang in LANGUAGES
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


def qr_codes(guides: Mapping[str, Mapping[str, Guide]], lang: str) -> dict[str, str]:
    """Every QR code one language publishes: its site-relative file path -> the site-relative
    URL it encodes, for every guide, checklist and FAQ answer in ``lang``."""
    return {
        link.qr: link.path
        for by_lang in guides.values()
        for item in guide_entries(by_lang, lang)
        for link in item.links
        if link.lang == lang
    }
