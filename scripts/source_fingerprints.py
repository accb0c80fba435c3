"""Fingerprints of the source articles' sentences, so the copied-sentence check
(tests/test_content.py) runs in any clone, with or without ``../shared/seeds``.

Every run of 8 consecutive words of a source article is hashed (BLAKE2b, 8 bytes) and the sorted
hashes are written to tests/data/source-fingerprints.txt: the test can tell whether a page repeats
such a run, but the file does not hold the sources' text. Re-run after a source changes:
``python scripts/source_fingerprints.py [--seeds ../shared/seeds]``.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FINGERPRINTS = ROOT / "tests" / "data" / "source-fingerprints.txt"
RUN = 8  # words; 6 flagged common phrases ("dan juga dapat membantu Anda untuk") as copies


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def fingerprint(run: Iterable[str]) -> str:
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).hexdigest()


def runs(text: str) -> list[tuple[str, ...]]:
    """Every run of ``RUN`` consecutive words of ``text``, in order."""
    w = words(text)
    return [tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)]


def fingerprints_of(seeds: Path) -> list[str]:
    found = {fingerprint(r) for seed in seeds.glob("*.txt") for r in runs(seed.read_text("utf-8"))}
    return sorted(found)


def load(path: Path = FINGERPRINTS) -> set[str]:
    return set(path.read_text(encoding="utf-8").split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    prints = fingerprints_of(args.seeds)
    if not prints:
        parser.error(f"no source articles (*.txt) in {args.seeds}")
    FINGERPRINTS.write_text("\n".join(prints) + "\n", encoding="utf-8")
    print(f"{len(prints)} fingerprints written to {FINGERPRINTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
