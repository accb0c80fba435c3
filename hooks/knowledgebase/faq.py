"""The FAQ of every guide: schema.org FAQPage data and the FAQ hub listing."""

from __future__ import annotations

import json

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
    # "</" would end the script element early; JSON allows the escaped form.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
