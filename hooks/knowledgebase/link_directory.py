"""The link directory and onboarding pack builder: every guide, its checklist and each FAQ
answer with its permanent URL, title, one-line summary, QR code and (for guides) short link in
every language, built from the same parsed guides as the pages themselves."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .data import LANGUAGES
from .model import Guide
from .qr import qr_path
from .urls import page_url_in

CHECKLIST_ID = "checklist"  # the section hooks/checklists.py adds to every guide
SUMMARY_MAX = 120  # characters of the one line a printed pack shows under each title


@dataclass(frozen=True)
class DirectoryLink:
    lang: str
    path: str  # site-relative URL, with the anchor: en/guides/x/#faq-y
    qr: str  # site-relative URL of its QR code (SVG): en/assets/qr/x--faq-y.svg
    title: str  # the item's title in ``lang``
    summary: str  # one line about it in ``lang``
    short: str | None  # site-relative short link (guides only): en/go/mentor/


@dataclass(frozen=True)
class DirectoryEntry:
    id: str  # stable in every language: x, x--checklist, x--faq-y (a pack's URL names these)
    kind: str  # "guide", "checklist" or "faq"
    label: str  # in the directory page's language
    links: tuple[DirectoryLink, ...]  # one per language, default first


def first_sentence(text: str, limit: int = SUMMARY_MAX, least: int = 40) -> str:
    """The opening of ``text``: its first sentence, or more while shorter than ``least``
    characters (an answer that starts "No." says little alone), cut at a word (with an
    ellipsis) beyond ``limit``."""
    text = " ".join(text.split())
    summary = ""
    for match in re.finditer(r".+?(?:[.!?](?=\s|$)|$)", text):
        summary = f"{summary} {match.group(0).strip()}".strip()
        if len(summary) >= least:
            break
    if len(summary) <= limit:
        return summary
    return summary[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _items(guide: Guide) -> list[tuple[str, str | None, str, str]]:
    """(kind, anchor, title, summary) of a guide's entries, in page order."""
    # A checklist is summed up by its first step.
    first_step = guide.checklist[0].text if guide.checklist else guide.summary
    items: list[tuple[str, str | None, str, str]] = [
        ("guide", None, guide.title, first_sentence(guide.summary)),
        ("checklist", CHECKLIST_ID, guide.title, first_sentence(first_step)),
    ]
    items += [
        ("faq", faq.id, faq.question_text, first_sentence(faq.answer_text)) for faq in guide.faqs
    ]
    return items


def guide_entries(
    by_lang: Mapping[str, Guide], lang: str, short: str | None = None
) -> list[DirectoryEntry]:
    """The directory's entries for one guide, in page order: the guide, its checklist (which
    sits before the FAQ), then each FAQ question. Labels are in ``lang``; the checklist is
    labelled with its guide's title. ``short`` is the guide's short link (``go/x/``)."""
    guide = by_lang[lang]
    per_lang = {other: _items(by_lang[other]) for other in LANGUAGES}
    entries = []
    for index, (kind, anchor, label, _) in enumerate(per_lang[lang]):
        page = f"guides/{guide.slug}/"
        links = []
        for other in LANGUAGES:
            _, _, title, summary = per_lang[other][index]
            links.append(
                DirectoryLink(
                    other,
                    page_url_in(page, LANGUAGES[0], other) + (f"#{anchor}" if anchor else ""),
                    page_url_in(qr_path(guide.slug, anchor), LANGUAGES[0], other),
                    title,
                    summary,
                    page_url_in(short, LANGUAGES[0], other) if short and kind == "guide" else None,
                )
            )
        item_id = guide.slug if anchor is None else f"{guide.slug}--{anchor}"
        entries.append(DirectoryEntry(item_id, kind, label, tuple(links)))
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
