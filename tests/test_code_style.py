"""Hooks, tests and scripts stay lint-clean, so reviews are about behaviour, not style."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT

RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_lint_and_format_are_clean():
    for args in (["check"], ["format", "--check"]):
        proc = subprocess.run(
            [RUFF, *args, "hooks", "tests", "scripts", "benchmarks"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
