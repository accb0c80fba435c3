"""Link-preview cards: every page gets an ``og:image``, a 1200 x 630 PNG with its title.

MkDocs events handled:

- ``on_pre_build``: this pass's language, UI text and site URL; the card cache
  (``knowledgebase.social_cards.CardCache``) is kept for the whole process, so static-i18n's
  second pass and ``mkdocs serve`` rebuilds reuse cards already drawn, and on disk in
  ``.cache/social-cards/`` (git-ignored) for later builds.
- ``on_page_context``: gets the page's card (drawing it only if no card with the same text
  exists) and puts ``kb_card`` into the context: the card's absolute URL, size and alt text in
  the page's language. ``overrides/main.html`` writes the ``og:image`` and ``twitter:`` tags.
- ``on_post_build``: writes this pass's cards to ``assets/images/social/<hash>.png`` in the
  site. A card's name is the hash of what it shows, so both languages' cards sit in one folder.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path
from typing import Any

from knowledgebase.site import build_pass, project_dir
from knowledgebase.social_cards import HEIGHT, WIDTH, Card, CardCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

FOLDER = "assets/images/social"
FONT = Path("data/fonts/DejaVuSans-Bold.ttf")
_pass: dict[str, Any] = {}
_caches: dict[Path, CardCache] = {}  # project folder -> its cache, for the process's lifetime


def _cache(config: MkDocsConfig) -> CardCache:
    project = project_dir(config)
    if project not in _caches:
        _caches[project] = CardCache(project / ".cache" / "social-cards", project / FONT)
    return _caches[project]


def on_pre_build(config: MkDocsConfig) -> None:
    build = build_pass(config)
    _pass.clear()
    _pass.update(
        ui=build.ui,
        cache=_cache(config),
        site_url=config.site_url or "/",
        cards={},
    )


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    ui = _pass["ui"]
    # The same title as og:title in overrides/main.html: the site's name on the home page.
    # page.title is HTML-escaped text (hooks/security.py): the card is drawn from the text.
    title = unescape(page.title) if page.title and not page.is_homepage else config.site_name
    key, png = _pass["cache"].get(Card(title, config.site_name, ui["lang_name"]))
    _pass["cards"][key] = png
    context["kb_card"] = {
        "url": f"{_pass['site_url']}{FOLDER}/{key}.png",
        "width": WIDTH,
        "height": HEIGHT,
        "alt": ui["og_image_alt"].replace("{title}", title).replace("{site}", config.site_name),
    }
    return context


def on_post_build(config: MkDocsConfig) -> None:
    folder = Path(config.site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for key, png in _pass["cards"].items():
        (folder / f"{key}.png").write_bytes(png)
