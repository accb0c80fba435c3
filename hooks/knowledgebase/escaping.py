"""Text is text: the one place that turns author and data text into HTML, Markdown or JSON.

Titles, summaries, tag labels, glossary definitions and UI strings are plain text. Where the
build writes them into generated Markdown, HTML attributes or a ``<script>`` data block, they go
through these functions, so a ``<``, ``"`` or ``&`` in a value is shown as written and can never
become an element, an attribute or the end of a script.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape


def html_text(value: str) -> Markup:
    """``value`` as HTML that shows exactly that text (``&``, ``<``, ``>``, quotes escaped).

    The result is ``Markup``, so Jinja's ``|e`` does not escape it a second time."""
    return escape(value)


def markdown_text(value: str) -> str:
    """``value`` for generated Markdown, where raw HTML passes through: ``&``, ``<`` and ``>``
    become entities, which Python-Markdown keeps as they are, so the page shows the text."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# What may not appear literally inside a <script> element: "<" (a "</script" or "<!--" ends or
# derails it), ">" and "&" (so no sequence of the HTML tokenizer can form) and U+2028/U+2029
# (line terminators in older JavaScript parsers). Not for single-quoted attributes.
_JSON_IN_HTML = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_html(data: Any, **options: Any) -> str:
    """JSON that is safe as the text of a ``<script>`` element or an HTML attribute value.

    Like Jinja's ``htmlsafe_json_dumps`` but for element text only (``'`` is kept), and also
    escapes U+2028/U+2029; non-ASCII text is
    kept as written (``ensure_ascii=False``) so the pages stay readable and small."""
    text = json.dumps(data, ensure_ascii=False, **options)
    for char, replacement in _JSON_IN_HTML.items():
        text = text.replace(char, replacement)
    return text
