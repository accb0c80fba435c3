"""All guides of the site in both languages, validated together (parity, unique ids)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .data import LANGUAGES, load_yaml
from .errors import ContentError
from .glossary import Glossary, parse_glossary
from .model import Guide, Vocabulary, parse_guide
from .source_text import read_source

GUIDES_DIR = "guides"


@dataclass(frozen=True)
class Corpus:
    guides: dict[str, dict[str, Guide]]  # slug -> lang -> Guide, slugs sorted
    glossary: Glossary
    tags: dict[str, dict[str, str]]  # tag id -> lang -> label
    sources: dict[str, dict]  # source key -> data

    def in_language(self, lang: str) -> list[Guide]:
        return [by_lang[lang] for by_lang in self.guides.values()]


def guide_files(docs_dir: Path) -> list[Path]:
    """Guide sources: ``docs/guides/<slug>.<lang>.md``, the index page excluded."""
    return sorted(
        p for p in (docs_dir / GUIDES_DIR).glob("*.md") if not p.name.startswith("index.")
    )


def _slug_and_lang(path: Path, display: str) -> tuple[str, str]:
    parts = path.name.split(".")
    if len(parts) != 3 or parts[1] not in LANGUAGES:
        raise ContentError(
            display, None, f"guide files are named <slug>.<lang>.md with lang in {list(LANGUAGES)}"
        )
    return parts[0], parts[1]


def parity_problems(slug: str, guides: dict[str, Guide]) -> list[str]:
    """Differences between the language versions of one guide, as readable messages."""
    problems: list[str] = []
    reference_lang = LANGUAGES[0]
    reference = guides[reference_lang]
    for lang, guide in guides.items():
        if lang == reference_lang:
            continue
        for what, attr in (
            ("section ids", "section_ids"),
            ("FAQ ids", "faq_ids"),
            ("checklist item ids", "checklist_ids"),
            ("tags", "tags"),
            ("sources", "sources"),
            ("related", "related"),
        ):
            ref, other = getattr(reference, attr), getattr(guide, attr)
            missing = [i for i in ref if i not in other]
            extra = [i for i in other if i not in ref]
            if missing or extra:
                detail = []
                if missing:
                    detail.append(f"missing in {guide.path}: {missing}")
                if extra:
                    detail.append(f"not in {reference.path}: {extra}")
                problems.append(
                    f"guide '{slug}': {what} differ between languages; " + "; ".join(detail)
                )
            elif ref != other:
                problems.append(
                    f"guide '{slug}': {what} are in a different order in {guide.path} "
                    f"than in {reference.path}"
                )
    return problems


def load_corpus(docs_dir: Path, data_dir: Path) -> tuple[Corpus, list[str]]:
    """Parse every guide and data file. Raises ContentError for input that cannot be parsed;
    returns cross-file problems (parity, missing translations, duplicate ids) as messages."""
    tags = load_yaml(data_dir / "tags.yml")
    sources = load_yaml(data_dir / "sources.yml")
    glossary = parse_glossary(str(data_dir / "glossary.yml"), load_yaml(data_dir / "glossary.yml"))
    vocabulary = Vocabulary(frozenset(tags), frozenset(sources))
    project = docs_dir.parent
    found: dict[str, dict[str, Guide]] = {}
    for path in guide_files(docs_dir):
        display = path.relative_to(project).as_posix()
        slug, lang = _slug_and_lang(path, display)
        text = read_source(path, display)
        found.setdefault(slug, {})[lang] = parse_guide(display, slug, lang, text, vocabulary)

    problems: list[str] = []
    for slug, by_lang in sorted(found.items()):
        missing = [lang for lang in LANGUAGES if lang not in by_lang]
        if missing:
            have = ", ".join(g.path for g in by_lang.values())
            wanted = ", ".join(f"docs/{GUIDES_DIR}/{slug}.{lang}.md" for lang in missing)
            problems.append(
                f"guide '{slug}': translation missing: {wanted} (found {have}); "
                "every guide needs a file per language"
            )
            continue
        problems.extend(parity_problems(slug, by_lang))
        for guide in by_lang.values():
            unknown = sorted(set(guide.related) - set(found))
            if unknown:
                problems.append(f"{guide.path}: 'related' names unknown guides {unknown}")
            if slug in guide.related:
                problems.append(f"{guide.path}: 'related' lists the guide itself")
    for lang in LANGUAGES:
        owner: dict[str, str] = {}
        for by_lang in found.values():
            guide = by_lang.get(lang)
            for faq_id in guide.faq_ids if guide else ():
                if faq_id in owner:
                    problems.append(
                        f"FAQ id '{faq_id}' is used in both {owner[faq_id]} and {guide.path}; "
                        "FAQ ids must be unique across the site"
                    )
                owner[faq_id] = guide.path
    complete = {s: g for s, g in sorted(found.items()) if all(lang in g for lang in LANGUAGES)}
    return Corpus(complete, glossary, tags, sources), problems


_CACHE: dict[tuple[str, str], tuple[tuple, tuple[Corpus, list[str]]]] = {}


def _fingerprint(docs_dir: Path, data_dir: Path) -> tuple:
    paths = [*guide_files(docs_dir), *sorted(data_dir.glob("*.yml"))]
    stats = [p.stat() for p in paths]  # one stat per file: every hook asks, twice per build
    return tuple((p.name, st.st_mtime_ns, st.st_size) for p, st in zip(paths, stats, strict=True))


def cached_corpus(docs_dir: Path, data_dir: Path) -> tuple[Corpus, list[str]]:
    """``load_corpus``, parsed once for as long as no guide or data file changes.

    static-i18n runs every hook once per language and ``mkdocs serve`` rebuilds in the same
    process; both reuse the parse, and an edited file is re-read on the next build.
    """
    key = (str(docs_dir), str(data_dir))
    fingerprint = _fingerprint(docs_dir, data_dir)
    hit = _CACHE.get(key)
    if hit and hit[0] == fingerprint:
        return hit[1]
    result = load_corpus(docs_dir, data_dir)
    _CACHE[key] = (fingerprint, result)
    return result
