"""Strict build that never leaves a broken or half-written site behind: ``make build``.

MkDocs builds into a fresh temporary folder next to the target (``.site-build-*``, same file
system, so the final move is a rename). Only when the build succeeds does that folder replace
the target; on failure the temporary folder is removed, the previous site stays byte for byte
as it was, and the exit status is MkDocs's own (non-zero), with its messages on stderr.

Run from the folder holding mkdocs.yml: ``python scripts/build.py [--site-dir site]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(project: Path, site_dir: Path) -> int:
    """Build ``project`` into ``site_dir``, replacing it only on success; returns the exit code."""
    site_dir = site_dir if site_dir.is_absolute() else project / site_dir
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder is world-readable
    retired = staging.with_name(staging.name + "-old")
    try:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
        code = subprocess.run(command, cwd=project, env=env, check=False).returncode
        if code != 0:
            print(
                f"build failed (exit {code}); {site_dir.name}/ was left unchanged",
                file=sys.stderr,
            )
            return code
        # Two renames: the old site is out of the way for a moment only, never half-written.
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--project", default=Path.cwd(), type=Path)
    args = parser.parse_args()
    return build(args.project.resolve(), args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
