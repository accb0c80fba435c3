"""URL arithmetic for the two-language site layout (default language at the root)."""

from __future__ import annotations

import posixpath

from .data import LANGUAGES


def page_url_in(url: str, from_lang: str, to_lang: str) -> str:
    """The site-relative URL of the same page in another language (suffix layout: same path)."""
    default = LANGUAGES[0]
    path = url.removeprefix(f"{from_lang}/") if from_lang != default else url
    return path if to_lang == default else f"{to_lang}/{path}"


def relative_url(target: str, from_url: str) -> str:
    """Link from the page at ``from_url`` to ``target`` (both site-relative, directory URLs)."""
    rel = posixpath.relpath("/" + target, "/" + from_url)
    if target.endswith("/") or target == "":
        rel = rel.rstrip("/") + "/"
    return "./" if rel == "./" or rel == "." else rel


def guide_link(from_src: str, slug: str) -> str:
    """Markdown link from a page source (e.g. ``guides/x.id.md``) to a guide's source, in the
    language-neutral form static-i18n resolves to the same language."""
    from_dir = posixpath.dirname(from_src)
    return posixpath.relpath(f"guides/{slug}.md", from_dir or ".")


def doc_link(from_src: str, target: str) -> str:
    """Markdown link from a page source to another page's language-neutral source path."""
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")
