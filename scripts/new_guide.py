"""Scaffold a bilingual guide: ``make guide SLUG=my-guide ID="Judul" EN="Title"``.

Writes ``docs/guides/<slug>.id.md`` and ``docs/guides/<slug>.en.md`` with the same front matter
fields and ids, marked ``draft: true`` (served by ``make serve`` with a draft banner, left out
of ``make build``), with placeholder text the build accepts, and adds the guide to the
navigation in mkdocs.yml after the last guide and to a topic in data/topics.yml. Publishing is
deleting the ``draft`` line from both files once the text is written.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Placeholder text per language: headings, FAQ questions and the checklist item, in the order
# the template uses them.
TEXT = {
    "id": {
        "summary": "Ringkasan satu paragraf untuk kartu panduan dan hasil pencarian: apa yang "
        "dipelajari pembaca dan mengapa itu penting. Ganti kalimat ini.",
        "intro": "Paragraf pembuka: untuk siapa panduan ini dan apa isinya. Ganti teks ini.",
        "section": "Bagian pertama",
        "section_text": "Isi bagian pertama. Setiap judul bagian punya id tetap dalam kurung "
        "kurawal, sama di kedua bahasa.",
        "takeaways": "Poin penting",
        "takeaway": "Satu poin yang perlu diingat pembaca.",
        "faq": "Pertanyaan umum",
        "question": "Pertanyaan contoh nomor {n}?",
        "answer": "Jawaban singkat yang bisa dibaca tanpa konteks, paling banyak sekitar 80 kata.",
        "checklist": "Langkah nomor {n} yang bisa dilakukan pembaca minggu ini.",
    },
    "en": {
        "summary": "A one-paragraph summary for the guide's card and search results: what the "
        "reader learns and why it matters. Replace this sentence.",
        "intro": "Opening paragraph: who this guide is for and what it covers. Replace this text.",
        "section": "First section",
        "section_text": "The first section's text. Every heading has a fixed id in braces, the "
        "same in both languages.",
        "takeaways": "Key takeaways",
        "takeaway": "One point the reader should remember.",
        "faq": "Frequently asked questions",
        "question": "Example question number {n}?",
        "answer": "A short answer that stands on its own, at most about 80 words.",
        "checklist": "Step number {n} the reader can take this week.",
    },
}


def guide_text(slug: str, lang: str, title: str, tag: str, source: str, today: date) -> str:
    t = TEXT[lang]
    faqs = "\n".join(
        f"### {t['question'].format(n=n)} {{ #faq-{slug}-{n} }}\n\n{t['answer']}\n"
        for n in (1, 2, 3)
    )
    checklist = "\n".join(
        f"  - id: {slug}-step-{n}\n    text: {t['checklist'].format(n=n)}" for n in (1, 2, 3)
    )
    return f"""---
title: {title}
summary: >-
  {t["summary"]}
tags: [{tag}]
sources: [{source}]
reviewed: {today.isoformat()}
draft: true
checklist:
{checklist}
---

{t["intro"]}

## {t["section"]} {{ #{slug}-first-section }}

{t["section_text"]}

## {t["takeaways"]} {{ #key-takeaways }}

- {t["takeaway"]}

## {t["faq"]} {{ #faq }}

{faqs}"""


def add_to_nav(mkdocs_yml: str, slug: str) -> str:
    """mkdocs.yml's text with ``guides/<slug>.md`` after the last guide in ``nav`` (text, not a
    YAML round trip, so comments and layout stay as the author left them)."""
    lines = mkdocs_yml.splitlines(keepends=True)
    last = max(
        (i for i, line in enumerate(lines) if re.match(r"\s+- guides/.+\.md\s*$", line)),
        default=None,
    )
    if last is None:
        raise SystemExit("mkdocs.yml: no `- guides/….md` entry in nav to add the guide after")
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- guides/{slug}.md\n")
    return "".join(lines)


def add_to_topic(topics_yml: str, topic: str, slug: str) -> str:
    """data/topics.yml's text with ``slug`` at the end of ``topic``'s ``guides: [...]`` list."""
    lines = topics_yml.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == f"{topic}:"), None)
    if start is None:
        keys = [line.split(":")[0] for line in lines if re.match(r"[a-z0-9-]+:", line)]
        raise SystemExit(f"data/topics.yml: no topic '{topic}'; TOPIC is one of {keys}")
    for i in range(start + 1, len(lines)):
        match = re.match(r"(\s+guides: \[)(.*)\]\s*$", lines[i])
        if match:
            items = [g for g in match[2].split(", ") if g]
            lines[i] = f"{match[1]}{', '.join([*items, slug])}]\n"
            return "".join(lines)
    raise SystemExit(f"data/topics.yml: topic '{topic}' has no `guides: [...]` line")


def title(value: str, what: str) -> str:
    value = value.strip()
    if not value or any(c in value for c in ":#\n") or value[0] in "\"'[{&*!|>%@`-":
        raise argparse.ArgumentTypeError(f"{what} must be plain text (no ':', '#' or quotes)")
    return value


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug", help="the guide's URL name, e.g. giving-feedback")
    parser.add_argument("id_title", help="Indonesian title")
    parser.add_argument("en_title", help="English title")
    parser.add_argument("--tag", default="learning", help="a tag id from data/tags.yml")
    parser.add_argument("--topic", default="first-weeks", help="a topic of data/topics.yml")
    parser.add_argument("--source", default="relationships", help="a key from data/sources.yml")
    args = parser.parse_args(argv)
    if not SLUG.fullmatch(args.slug):
        parser.error(f"SLUG '{args.slug}': lowercase letters, digits and hyphens, e.g. my-guide")
    titles = {"id": title(args.id_title, "ID"), "en": title(args.en_title, "EN")}
    paths = {lang: root / "docs" / "guides" / f"{args.slug}.{lang}.md" for lang in titles}
    existing = [p.relative_to(root).as_posix() for p in paths.values() if p.exists()]
    if existing:
        parser.error(f"{', '.join(existing)} already exists; pick another SLUG")
    mkdocs_yml = root / "mkdocs.yml"
    nav = add_to_nav(mkdocs_yml.read_text(encoding="utf-8"), args.slug)
    topics_yml = root / "data" / "topics.yml"
    topics = add_to_topic(topics_yml.read_text(encoding="utf-8"), args.topic, args.slug)
    for lang, path in paths.items():
        text = guide_text(args.slug, lang, titles[lang], args.tag, args.source, date.today())
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(root).as_posix()}")
    mkdocs_yml.write_text(nav, encoding="utf-8")
    print(f"added guides/{args.slug}.md to nav in mkdocs.yml")
    topics_yml.write_text(topics, encoding="utf-8")
    print(f"added {args.slug} to topic '{args.topic}' in data/topics.yml (move it if need be)")
    short_yml = root / "data" / "short-links.yml"
    if short_yml.exists():
        text = short_yml.read_text(encoding="utf-8")
        short_yml.write_text(text.rstrip("\n") + f"\n{args.slug}: {args.slug}\n", encoding="utf-8")
        print(
            f"added the short link go/{args.slug}/ to data/short-links.yml (shorten it if you like)"
        )
    print("next: write both files, `make serve` to read them, delete `draft: true` to publish")
    return 0


if __name__ == "__main__":
    sys.exit(main())
