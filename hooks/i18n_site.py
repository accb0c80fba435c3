"""Per-language site files and UI text that mkdocs-static-i18n leaves to us.

MkDocs events handled:

- ``on_config``: static-i18n re-runs the whole build once per extra language, and every run renders
  the theme's static templates into the site root, so the root ``404.html`` would be the English one
  (static-i18n issues #284, #326). Only the default-language pass keeps ``404.html`` in the static
  templates; the page itself (``overrides/404.html``) speaks both languages.
- ``on_page_context`` / ``on_template_context``: expose this language's UI text from ``data/ui.yml``
  to templates as ``ui`` (and every language as ``ui_all``), so no UI text lives in Python.

The hook keeps no state between passes: everything is derived from ``config`` each time.
"""

from __future__ import annotations

from typing import Any

from knowledgebase.data import LANGUAGES, ui_text
from knowledgebase.site import current_language, data_dir, is_default_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

ERROR_TEMPLATE = "404.html"


# After static-i18n's own on_config (priority -100), which sets this pass's theme.language.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    static = config.theme.static_templates
    if is_default_language(config):
        static.add(ERROR_TEMPLATE)
    else:
        static.discard(ERROR_TEMPLATE)
    return config


def _ui_context(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    texts = ui_text(data_dir(config))
    context["ui"] = texts[current_language(config)]
    context["ui_all"] = [(lang, texts[lang]) for lang in LANGUAGES]
    return context


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    return _ui_context(context, config)


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    return _ui_context(context, config)
