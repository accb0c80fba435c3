"""Published URLs: the append-only manifest of every page URL and explicit anchor the site has
published, and the rules that keep each one resolving after pages and ids change (a redirect
for a moved page, an alias for a renamed anchor)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from .data import LANGUAGES
from .errors import ContentError
from .markdown_text import ID_PATTERN, headings
from .urls import neutral_src, page_url_in, src_url, url_language

MANIFEST = "published-urls.txt"  # in data/
ALIASES = "anchor-aliases.yml"  # in data/
MANIFEST_HEADER = """\
# Every page URL and explicit anchor this site has published, in both languages, relative to
# the site root ("./" is the home page). Onboarding material links to them.
# Append-only and sorted: `make urls` adds new entries; never remove or change one.
# The build fails when an entry stops resolving: see "Links are promises" in AUTHORING.md.
"""
REDIRECTS_WHERE = "mkdocs.yml (plugins: redirects: redirect_maps)"

_WORDS = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ENTRY = re.compile(rf"^(?:\./|(?:{_WORDS}/)+)(?:#{_WORDS})?$")


def entry(page_url: str, anchor: str | None = None) -> str:
    """Manifest form of a page URL (``""`` is the home page, written ``./``) and an anchor."""
    return (page_url or "./") + (f"#{anchor}" if anchor else "")


def split_entry(value: str) -> tuple[str, str | None]:
    """``guides/x/#faq-y`` -> (``guides/x/``, ``faq-y``); ``./`` -> (``""``, None)."""
    page, _, anchor = value.partition("#")
    return ("" if page == "./" else page), (anchor or None)


# The language a manifest entry belongs to: its first folder if that names a language.
entry_language = url_language


def source_of(page_url: str) -> str:
    """The language-neutral source path that publishes ``page_url`` (in any language); the form
    ``redirect_maps`` and ``data/anchor-aliases.yml`` name pages by."""
    first, _, rest = page_url.partition("/")
    if first in LANGUAGES[1:]:
        page_url = rest
    return "index.md" if page_url == "" else page_url.removesuffix("/") + ".md"


def parse_manifest(path: str, text: str) -> list[str]:
    """Entries in file order; ``#`` lines are comments. A malformed line is a ContentError
    naming its line number."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if not ENTRY.match(value):
            raise ContentError(
                path,
                f"line {number}",
                f"'{value}' is not a published URL: write the path relative to the site root, "
                "lowercase, like 'guides/some-guide/' or 'en/guides/some-guide/#some-id'",
            )
        entries.append(value)
    return entries


def order_problems(path: str, entries: list[str]) -> list[str]:
    """Entries out of order or repeated (a hand edit or a merge); ``make urls`` rewrites them."""
    problems = []
    for before, after in pairwise(entries):
        if after <= before:
            what = "repeated" if after == before else f"out of order (after '{before}')"
            problems.append(
                f"{path}: '{after}' is {what}; entries stay sorted and unique: "
                "run `make urls` to rewrite the file"
            )
    return problems


def format_manifest(entries: Iterable[str]) -> str:
    return MANIFEST_HEADER + "".join(f"{value}\n" for value in sorted(set(entries)))


@dataclass(frozen=True)
class PublishedPage:
    source: str  # the file, for messages: docs/guides/x.en.md
    neutral: str  # language-neutral source path: guides/x.md
    ids: frozenset[str]  # explicit ids of its headings


@dataclass(frozen=True)
class Published:
    """What one language pass of the build publishes, and what keeps older URLs working."""

    pages: Mapping[str, PublishedPage]  # page URL -> page
    redirects: Mapping[str, str | None]  # old page URL -> new page URL (None: another site)
    aliases: Mapping[str, Mapping[str, str]]  # neutral source -> old id -> new id

    def current(self) -> set[str]:
        """Every page URL and explicit anchor this pass publishes, in manifest form, and every
        redirect within the site (short links such as ``go/mentor/`` are promises too)."""
        found = {entry(url) for url in self.pages}
        found |= {entry(url) for url, target in self.redirects.items() if target is not None}
        found |= {entry(url, i) for url, page in self.pages.items() for i in page.ids}
        return found


# Hub pages (home, guides index) give each topic and tag section this id prefix.
TOPIC_PREFIX = "topic-"


def _resolve(value: str, published: Published) -> str | None:
    """None when ``value`` still leads to its page and section, else what is wrong and how to
    fix it."""
    page_url, anchor = split_entry(value)
    via = ""
    if page_url not in published.pages:
        if page_url not in published.redirects:
            return (
                "no page is built at that URL. Restore the page, or, if it moved, add a "
                f"redirect in {REDIRECTS_WHERE}: '{source_of(page_url)}': 'NEW/PAGE.md'"
            )
        target = published.redirects[page_url]
        if target is None:
            return None  # sent to another site: nothing here to check
        if target not in published.pages:
            return f"it redirects to '{entry(target)}', which is not built"
        via = f" (where '{entry(page_url)}' redirects)"
        page_url = target
    page = published.pages[page_url]
    if anchor is None or anchor in page.ids:
        return None
    if published.aliases.get(page.neutral, {}).get(anchor) in page.ids:
        return None
    made_from = ""
    if anchor.startswith(TOPIC_PREFIX):
        # Hub anchors are made from content, not written in the page: name where they come from.
        name = anchor.removeprefix(TOPIC_PREFIX)
        made_from = (
            f" (it is made from the topic or tag '{name}': data/topics.yml, or `tags:` in a "
            "guide's front matter)"
        )
    return (
        f"{page.source}{via} has no id '{anchor}'{made_from}. Restore the id, or, if it was "
        f"renamed, add an anchor alias to data/{ALIASES}: '{page.neutral}': {{{anchor}: NEW-ID}}"
    )


def unresolved(path: str, entries: Iterable[str], published: Published) -> list[str]:
    """One message per broken promise, naming the URL and the fix. A page that is gone is one
    message, however many of its anchors were recorded (a forgotten translation file is one
    mistake, not one per heading)."""
    problems = []
    gone: dict[str, list[str]] = {}  # page URL -> its recorded anchors, for pages not built
    for value in entries:
        page_url, anchor = split_entry(value)
        if page_url not in published.pages and page_url not in published.redirects:
            gone.setdefault(page_url, [])
            if anchor is not None:
                gone[page_url].append(anchor)
            continue
        reason = _resolve(value, published)
        if reason:
            problems.append(f"{path}: '{value}' no longer resolves: {reason}")
    for page_url, anchors in gone.items():
        reason = _resolve(entry(page_url), published)
        what = f"'{entry(page_url)}'"
        if anchors:
            shown = ", ".join(f"#{a}" for a in anchors[:3]) + (", …" if len(anchors) > 3 else "")
            what += f" and its {len(anchors)} recorded anchors ({shown})"
        verb = "no longer resolve" if anchors else "no longer resolves"
        problems.append(f"{path}: {what} {verb}: {reason}")
    return problems


def explicit_ids(markdown: str) -> list[str]:
    """Ids written as ``{ #id }`` on headings, in page order."""
    return [h.id for h in headings(markdown) if h.id]


def clean_problems(source: str, page_url: str, ids: Iterable[str]) -> list[str]:
    """Published URLs are lowercase ASCII words joined by hyphens, and so are ids."""
    problems = []
    if not ENTRY.match(entry(page_url)):
        problems.append(
            f"{source}: its URL '{page_url}' is not clean: name files and folders with "
            "lowercase ASCII words joined by hyphens"
        )
    problems += [
        f"{source}: id '{i}' is not clean: ids are lowercase ASCII words joined by hyphens"
        for i in ids
        if not ID_PATTERN.match(i)
    ]
    return problems


def page_sources(docs_dir: Path) -> set[str]:
    """Language-neutral source path of every page under ``docs_dir``."""
    return {neutral_src(p.relative_to(docs_dir).as_posix()) for p in docs_dir.rglob("*.md")}


def is_absolute(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def language_redirects(
    redirect_maps: Mapping[str, str], site_url: str, sources: set[str]
) -> tuple[dict[str, str], list[str]]:
    """The mkdocs-redirects map for this two-language site, and problems with its entries.

    Authors write ``'guides/old.md': 'guides/new.md'`` (language-neutral source paths). Each
    such entry becomes one entry per language (``en/guides/old.md``...) whose target is the
    absolute URL of the new page in that language, which the plugin writes as it is. Entries
    with an absolute target are kept unchanged, so translating twice changes nothing.
    ``sources`` are the pages that exist: a redirect must not replace one, and must lead to one.
    """
    result: dict[str, str] = {}
    problems = []
    urls = {src_url(s) for s in sources}
    for old, new in redirect_maps.items():
        old, new = str(old), str(new)
        if is_absolute(new):
            result[old] = new
            continue
        where = f"{REDIRECTS_WHERE}: '{old}': '{new}'"
        target = new.partition("#")[0]
        named = [p for p in (old, target) if not p.endswith(".md") or neutral_src(p) != p]
        named += [p for p in (old, target) if p.split("/", 1)[0] in LANGUAGES[1:]]
        if named:
            problems.append(
                f"{where}: name pages by their source path without a language, e.g. "
                "'guides/old-name.md': 'guides/new-name.md'; the redirect then works in every "
                "language"
            )
        elif "#" in new:
            problems.append(
                f"{where}: a redirect leads to a page; send a renamed section on with an "
                f"anchor alias in data/{ALIASES}"
            )
        elif src_url(old) in urls:
            problems.append(f"{where}: '{old}' is a page that exists; a redirect would replace it")
        elif src_url(new) not in urls:
            problems.append(f"{where}: '{new}' is not a page (no such file under docs/)")
        else:
            for lang in LANGUAGES:
                key = old if lang == LANGUAGES[0] else f"{lang}/{old}"
                result[key] = site_url + page_url_in(src_url(new), LANGUAGES[0], lang)
    return result, problems


REDIRECT_LANG = '<html lang="en">'  # what mkdocs-redirects writes in every redirect page


def redirect_in_language(html: str, lang: str) -> str:
    """A mkdocs-redirects page with ``<html lang>`` set to its URL's language (the plugin
    always writes ``en``; the page's text is the same in both languages). Raises ValueError
    when the plugin's page no longer has the expected ``<html>`` tag, so an upgrade that
    changes it fails loudly."""
    if f'<html lang="{lang}">' in html:
        return html
    if REDIRECT_LANG not in html:
        raise ValueError(f"expected {REDIRECT_LANG} in a mkdocs-redirects page")
    return html.replace(REDIRECT_LANG, f'<html lang="{lang}">', 1)


def redirected_pages(redirect_maps: Mapping[str, str], site_url: str) -> dict[str, str | None]:
    """Old page URL -> new page URL (None when it leads to another site), from a map that
    ``language_redirects`` has translated."""
    result: dict[str, str | None] = {}
    for old, new in redirect_maps.items():
        target = str(new).partition("#")[0]
        if site_url and target.startswith(site_url):
            result[src_url(str(old))] = target[len(site_url) :]
        elif is_absolute(target):
            result[src_url(str(old))] = None
    return result


def parse_aliases(path: str, data: object) -> dict[str, dict[str, str]]:
    """``data/anchor-aliases.yml``: page source path -> {old id: new id}."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(
            path, None, "must map page source paths (guides/some-guide.md) to {old-id: new-id}"
        )
    result = {}
    for page, mapping in data.items():
        if not isinstance(page, str) or not page.endswith(".md") or neutral_src(page) != page:
            raise ContentError(
                path,
                str(page),
                "name the page by its source path without a language, e.g. guides/some-guide.md",
            )
        if not isinstance(mapping, dict) or not mapping:
            raise ContentError(path, page, "must map old ids to new ids: {old-id: new-id}")
        for old, new in mapping.items():
            for value in (old, new):
                if not isinstance(value, str) or not ID_PATTERN.match(value):
                    raise ContentError(
                        path, page, f"'{value}' is not an id (lowercase words joined by hyphens)"
                    )
            if new in mapping:
                raise ContentError(
                    path, page, f"'{old}' leads to '{new}', itself an alias: name the final id"
                )
        result[page] = dict(mapping)
    return result


def alias_problems(path: str, published: Published, check_pages: bool) -> list[str]:
    """Aliases that cannot work: the old id still exists (the alias never applies) or the new
    one does not. With ``check_pages``, also aliases for a page that does not exist."""
    problems = []
    by_source = {page.neutral: page for page in published.pages.values()}
    for neutral, mapping in published.aliases.items():
        page = by_source.get(neutral)
        if page is None:
            if check_pages:
                problems.append(f"{path}: '{neutral}' is not a page (no such file under docs/)")
            continue
        for old, new in mapping.items():
            if old in page.ids:
                problems.append(
                    f"{path}: '{neutral}': alias '{old}' -> '{new}' never applies: "
                    f"{page.source} still has the id '{old}'"
                )
            if new not in page.ids:
                problems.append(
                    f"{path}: '{neutral}': alias '{old}' -> '{new}' leads nowhere: "
                    f"{page.source} has no id '{new}'"
                )
    return problems
