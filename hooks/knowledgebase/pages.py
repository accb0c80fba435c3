"""Checks on every page that is not a guide (home, FAQ, glossary, about, ...).

Guides have their own model (``model.py``) and translation check (``corpus.py``); these pages
only need what MkDocs itself does not check: front matter that is valid YAML (MkDocs would
silently publish a malformed block as text), text fields that are text, and a file per language.
"""

from __future__ import annotations

from pathlib import Path

from .corpus import guide_files
from .data import LANGUAGES
from .errors import ContentError
from .markdown_text import split_front_matter
from .source_text import read_source

TEXT_FIELDS = ("title", "description", "generated")
# The pages a hook fills in (hooks/hub.py, faq.py, checklists.py, crosslinks.py,
# share_links.py). Any other value would build a page with nothing generated, silently.
GENERATED = ("checklists", "faq", "glossary", "guides-index", "home", "links", "tag")


def page_files(docs_dir: Path) -> list[Path]:
    """Every Markdown page under ``docs_dir`` except the guides themselves."""
    guides = set(guide_files(docs_dir))
    return sorted(p for p in docs_dir.rglob("*.md") if p not in guides)


def check_front_matter(path: str, text: str) -> None:
    """Raise ContentError naming the file and field if the page's front matter (optional for
    pages) is not a YAML mapping or a text field is not text."""
    if not text.startswith("---"):
        return
    meta, _, _ = split_front_matter(path, text)
    for name in TEXT_FIELDS:
        if name in meta and (not isinstance(meta[name], str) or not meta[name].strip()):
            raise ContentError(path, name, "must be non-empty text")
    generated = meta.get("generated")
    if generated is not None and generated not in GENERATED:
        raise ContentError(
            path, "generated", f"unknown value {str(generated)[:40]!r}; one of {list(GENERATED)}"
        )


def page_problems(docs_dir: Path) -> list[str]:
    """Check every non-guide page's front matter (raises ContentError) and return the pages
    that miss a language as messages naming the missing and the existing file."""
    project = docs_dir.parent
    found: dict[str, dict[str, str]] = {}
    for path in page_files(docs_dir):
        display = path.relative_to(project).as_posix()
        check_front_matter(display, read_source(path, display))
        stem, _, lang = path.relative_to(docs_dir).with_suffix("").as_posix().rpartition(".")
        if lang not in LANGUAGES:
            raise ContentError(
                display, None, f"pages are named <name>.<lang>.md with lang in {list(LANGUAGES)}"
            )
        found.setdefault(stem, {})[lang] = display
    problems = []
    for stem, by_lang in sorted(found.items()):
        missing = [lang for lang in LANGUAGES if lang not in by_lang]
        if missing:
            wanted = ", ".join(f"docs/{stem}.{lang}.md" for lang in missing)
            have = ", ".join(by_lang.values())
            problems.append(
                f"page '{stem}': translation missing: {wanted} (found {have}); "
                "every page needs a file per language"
            )
    return problems
