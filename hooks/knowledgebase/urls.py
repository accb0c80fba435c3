"""URL arithmetic for the two-language site layout (default language at the root)."""

from __future__ import annotations

import posixpath

from .data import LANGUAGES


def page_url_in(url: str, from_lang: str, to_lang: str) -> str:
    """The site-relative URL of the same page in another language (suffix layout: same path)."""
    default = LANGUAGES[0]
    path = url.removeprefix(f"{from_lang}/") if from_lang != default else url
    return path if to_lang == default else f"{to_lang}/{path}"


def url_language(url: str) -> str:
    """The language of a site-relative URL: its first folder if that names a language
    (``en/guides/x/`` -> ``en``), else the default language."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


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


def neutral_src(src_uri: str) -> str:
    """``guides/x.en.md`` -> ``guides/x.md``: the language-neutral source path authors write in
    links, ``redirect_maps`` and ``data/anchor-aliases.yml``."""
    folder, slash, name = src_uri.rpartition("/")
    parts = name.split(".")
    if len(parts) == 3 and parts[1] in LANGUAGES and parts[2] == "md":
        name = f"{parts[0]}.md"
    return f"{folder}{slash}{name}"


def src_url(src: str) -> str:
    """Site-relative directory URL of a default-language source path: ``index.md`` -> ``""``,
    ``guides/index.md`` -> ``guides/``, ``guides/x.md`` -> ``guides/x/``."""
    stem = neutral_src(src).removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
