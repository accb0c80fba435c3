"""The few facts the hooks read from the MkDocs configuration, in one place.

Only documented, public configuration is read here (``config_file_path`` and Material's
``theme.language``, which mkdocs-static-i18n sets per language build), so a change in either
library shows up as one failing test instead of scattered breakage.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .corpus import Corpus, cached_corpus
from .data import LANGUAGES, ui_text
from .drafts import draft_slugs, without_drafts
from .model import Guide


def project_dir(config: Any) -> Path:
    """The folder holding mkdocs.yml (and data/, docs/, overrides/)."""
    return Path(config.config_file_path).resolve().parent


def data_dir(config: Any) -> Path:
    return project_dir(config) / "data"


def current_language(config: Any) -> str:
    """The language this build pass renders; static-i18n sets ``theme.language`` per pass."""
    lang = config.theme["language"]
    if lang not in LANGUAGES:
        raise ValueError(f"theme.language is '{lang}', expected one of {list(LANGUAGES)}")
    return lang


def is_default_language(config: Any) -> bool:
    return current_language(config) == LANGUAGES[0]


def docs_dir(config: Any) -> Path:
    return Path(config.docs_dir)


def guide_slug(src_uri: str) -> str | None:
    """``guides/<slug>.<lang>.md`` -> slug; None for any other page (the guides index too)."""
    folder, _, name = src_uri.rpartition("/")
    parts = name.split(".")
    if folder != "guides" or len(parts) != 3 or parts[2] != "md" or parts[0] == "index":
        return None
    return parts[0]


@dataclass(frozen=True)
class BuildPass:
    """What the content hooks need for one language pass of the build."""

    lang: str
    corpus: Corpus
    guides: dict[str, Guide]  # slug -> this language's guide
    texts: dict[str, dict[str, str]]  # lang -> UI text
    drafts: frozenset[str] = frozenset()  # draft guides this pass leaves out (none under serve)

    @property
    def ui(self) -> dict[str, str]:
        return self.texts[self.lang]


# Set by hooks/drafts.py from the MkDocs command: `serve` shows drafts, `build` leaves them out.
SHOW_DRAFTS = "kb_show_drafts"


def shows_drafts(config: Any) -> bool:
    return bool(config.extra.get(SHOW_DRAFTS, False))


def build_pass(config: Any) -> BuildPass:
    """Parse (or reuse, see ``cached_corpus``) the content for this pass's language."""
    corpus, _ = cached_corpus(docs_dir(config), data_dir(config))
    drafts = frozenset() if shows_drafts(config) else draft_slugs(corpus)
    corpus = without_drafts(corpus) if drafts else corpus
    lang = current_language(config)
    guides = {g.slug: g for g in corpus.in_language(lang)}
    return BuildPass(lang, corpus, guides, ui_text(data_dir(config)), drafts)


def guide_file(files: Any, slug: str, lang: str, linking_page: str) -> Any:
    """The MkDocs ``File`` of a guide's page in ``lang``, from the build's ``files``, to link to
    from the page whose source is ``linking_page``. Raises PluginError naming both if the guide
    has no page (the corpus check makes that a bug, not an authoring mistake)."""
    target = files.src_uris.get(f"guides/{slug}.{lang}.md")
    if target is None:
        raise PluginError(f"docs/{linking_page}: guide '{slug}' has no '{lang}' page to link to")
    return target


def records_published_urls(config: Any) -> bool:
    """``extra.record_published_urls`` (``make urls`` sets it through KB_RECORD_URLS): the build
    appends new URLs to ``data/published-urls.txt``."""
    value = config.extra.get("record_published_urls")
    return str(value).strip().lower() in ("1", "true", "yes")
