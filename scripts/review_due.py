"""Guides due for review: ``make review-due [DAYS=365]`` lists every guide whose ``reviewed``
date (front matter) is more than DAYS days old, oldest first, per language file."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from knowledgebase.corpus import load_corpus  # noqa: E402
from knowledgebase.model import Guide  # noqa: E402


def due(guides: list[Guide], today: date, days: int) -> list[tuple[Guide, int]]:
    """(guide, age in days) for each guide reviewed more than ``days`` days before ``today``."""
    aged = [(g, (today - g.reviewed).days) for g in guides]
    return sorted(((g, age) for g, age in aged if age > days), key=lambda x: (-x[1], x[0].path))


def main(argv: list[str] | None = None, root: Path = ROOT, today: date | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365, help="age that makes a review due")
    args = parser.parse_args(argv)
    corpus, _ = load_corpus(root / "docs", root / "data")
    guides = [g for by_lang in corpus.guides.values() for g in by_lang.values()]
    rows = due(guides, today or date.today(), args.days)
    for guide, age in rows:
        print(f"{guide.path}: reviewed {guide.reviewed.isoformat()} ({age} days ago)")
    print(f"{len(rows)} of {len(guides)} guide files not reviewed in the last {args.days} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
