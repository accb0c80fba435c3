"""The FAQ of every guide: schema.org FAQPage data and the FAQ hub listing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .escaping import json_for_html
from .model import Guide


def faq_jsonld(guide: Guide, page_url: str) -> str:
    """schema.org ``FAQPage`` JSON for a guide, safe to embed in a <script> element.

    ``page_url`` is the guide's absolute URL; each question points at its own anchor.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": guide.lang,
        "url": page_url,
        "mainEntity": [
            {
                "@type": "Question",
                "@id": f"{page_url}#{faq.id}",
                "name": faq.question_text,
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer_text},
            }
            for faq in guide.faqs
        ],
    }
    # "<", ">", "&" as \u escapes: "</script" or "<!--" in an answer cannot end or derail the
    # script element, and JSON readers see the same text.
    return json_for_html(data)


class _RewriteLinks(Treeprocessor):
    def __init__(self, md: markdown.Markdown, resolve: list[Callable[[str], str]]) -> None:
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is not None:
                    element.set(attr, self.resolve[0](value))


class _RewriteLinksExtension(Extension):
    def __init__(self, resolve: list[Callable[[str], str]]) -> None:
        super().__init__()
        self.resolve = resolve

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After inline parsing (links exist), before serialising.
        md.treeprocessors.register(_RewriteLinks(md, self.resolve), "kb_rewrite_links", 0)


class AnswerRenderer:
    """FAQ answers rendered to HTML with the site's Markdown extensions, for a page other than
    the guide (the FAQ hub): every link and image address is passed through ``resolve``, which
    rebases links written relative to the guide onto the page showing the answer."""

    def __init__(self, extensions: list[Any], configs: dict[str, Any]) -> None:
        self._resolve: list[Callable[[str], str]] = [lambda url: url]
        self._md = markdown.Markdown(
            extensions=[*extensions, _RewriteLinksExtension(self._resolve)],
            extension_configs=configs,
        )

    def render(self, answer: str, resolve: Callable[[str], str]) -> str:
        self._resolve[0] = resolve
        return self._md.reset().convert(answer)


def is_relative_link(url: str) -> bool:
    """A link written relative to its page (``other.md#x``, ``#x``), not ``https:`` or ``/x``."""
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith("/"))
