"""The GitHub Pages workflow is valid, least-privilege and pinned."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from support import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_actionlint_passes():
    """actionlint finds no error in any workflow."""
    proc = subprocess.run([BIN / "actionlint", *WORKFLOWS], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_offline_passes():
    """zizmor's offline security audit finds nothing in the workflows."""
    proc = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", ROOT / ".github" / "workflows"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_action_is_pinned_to_a_full_commit_sha():
    """A moved tag cannot change what runs: every `uses:` names a 40-hex commit."""
    for workflow in WORKFLOWS:
        for ref in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{workflow.name}: {ref}"


def test_pages_workflow_installs_from_the_lock_and_sets_site_url():
    """The deploy builds with `make build` (hash-locked install) and the Pages base URL."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    assert workflow["permissions"] == {}
    build_steps = workflow["jobs"]["build"]["steps"]
    make = next(s for s in build_steps if s.get("run") == "make build")
    assert "steps.pages.outputs.base_url" in make["env"]["SITE_URL"]
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes" in makefile and "requirements/lock.txt" in makefile
