"""The GitHub Pages workflow is valid, least-privilege and pinned."""

from __future__ import annotations

import json
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
    """zizmor's offline security audit finds nothing in the workflows or the Dependabot config."""
    proc = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", ROOT / ".github"],
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
    # The build needs only the hash-locked Python environment (npm tools are for tests), and
    # `make build` publishes into site/, the folder the workflow uploads.
    assert "build: $(STAMP)\n" in makefile
    upload = next(s for s in build_steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"


def test_dependabot_updates_every_locked_ecosystem_on_a_schedule():
    """Dependabot proposes updates for Python, GitHub Actions and (when package.json exists)
    npm, each on a schedule with a cooldown."""
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    expected = {"pip", "github-actions"} | ({"npm"} if (ROOT / "package.json").exists() else set())
    assert set(updates) == expected
    for update in updates.values():
        assert update["schedule"]["interval"] in ("daily", "weekly", "monthly")
        assert update["cooldown"]["default-days"] >= 1


def test_npm_tools_are_pinned_and_installed_from_the_lock():
    """axe-core and Lighthouse versions are exact, the lock has an integrity hash for every
    package, and setup installs with `npm ci` (which refuses a lock out of step)."""
    package = json.loads((ROOT / "package.json").read_text())
    for name, version in package["devDependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} {version} is not exact"
    lock = json.loads((ROOT / "package-lock.json").read_text())
    installed = {k: v for k, v in lock["packages"].items() if k}
    assert installed and all("integrity" in v for v in installed.values() if not v.get("link"))
    assert "npm ci" in (ROOT / "Makefile").read_text()


def test_pull_requests_are_built_read_only_and_never_deployed():
    """A pull request runs the same strict `make build` with read-only permissions and no
    Pages step, so a contribution that breaks the build is seen before it is merged, and a
    pull request can neither deploy nor read the Pages settings."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert "pull_request" in triggers and triggers["push"] == {"branches": ["main"]}
    jobs = workflow["jobs"]
    check = jobs["check"]
    assert check["if"] == "github.event_name == 'pull_request'"
    assert check["permissions"] == {"contents": "read"}
    assert any(step.get("run") == "make build" for step in check["steps"])
    assert not any("pages" in step.get("uses", "") for step in check["steps"])
    # The publishing jobs never run for a pull request.
    assert jobs["build"]["if"] == "github.event_name != 'pull_request'"
    assert jobs["deploy"]["needs"] == "build"


def test_every_job_has_a_timeout_and_the_pages_job_may_read_the_pages_settings():
    """A hung step cannot hold a runner (and the deploy queue) for six hours, and the job that
    runs configure-pages has the permission its "Get Pages site" call needs."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    for name, job in workflow["jobs"].items():
        assert 0 < job.get("timeout-minutes", 0) <= 30, name
    build = workflow["jobs"]["build"]
    assert any("configure-pages" in step.get("uses", "") for step in build["steps"])
    assert build["permissions"] == {"contents": "read", "pages": "read"}
