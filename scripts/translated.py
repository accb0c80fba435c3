"""Record that an English guide translates the current Indonesian text:
``make translated SLUG=finding-a-mentor``.

Stores a short hash of each Indonesian section in ``translated:`` in the English file's front
matter; the build then flags each English section whose Indonesian original has changed since.
Run it after bringing the English file up to date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from knowledgebase.freshness import section_hashes, with_recorded  # noqa: E402
from knowledgebase.source_text import read_source  # noqa: E402


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("slug")
    args = parser.parse_args(argv)
    source = root / "docs" / "guides" / f"{args.slug}.id.md"
    target = root / "docs" / "guides" / f"{args.slug}.en.md"
    if not source.is_file() or not target.is_file():
        parser.error(f"SLUG '{args.slug}': need {source.name} and {target.name} in docs/guides/")
    # Read as the build reads it (BOM and line endings), so the hashes match the build's.
    hashes = section_hashes(source.name, read_source(source, f"docs/guides/{source.name}"))
    target.write_text(with_recorded(target.read_text(encoding="utf-8"), hashes), encoding="utf-8")
    print(f"docs/guides/{target.name}: records {len(hashes)} sections of {source.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
