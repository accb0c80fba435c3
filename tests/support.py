"""Helpers shared by the tests: building a site, serving it, finding Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import site_tools
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# What a tiny purpose-made site copies from the real project (content excluded).
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "data")
# ...except the real site's promises (published URLs, renamed anchors, short links): a tiny site
# has published nothing yet.
NOT_COPIED = ("__pycache__", "published-urls.txt", "anchor-aliases.yml", "short-links.yml")


@dataclass
class Build:
    returncode: int
    log: str
    site_dir: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


def build_site(
    project: Path, site_dir: Path, site_url: str | None = None, env: dict[str, str] | None = None
) -> Build:
    """Run a strict MkDocs build of ``project`` into ``site_dir`` in a child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if site_url is not None:
        env["SITE_URL"] = site_url
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site_dir)


def make_build(project: Path) -> Build:
    """Run what `make build` runs (``scripts/build.py``: strict build into a temporary folder,
    swapped into ``project/site`` on success only) in a child process."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, project / "site")


def make_project(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A tiny site: the real config, hooks, templates and data, with only ``pages`` as docs."""
    project = tmp_path / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, project / part, ignore=shutil.ignore_patterns(*NOT_COPIED))
        else:
            shutil.copy(src, project / part)
    # The real nav lists the real guides; a tiny site lets MkDocs derive the nav from its files.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("\nnav:\n")
    end = config.index("\n\n", start + 1)
    (project / "mkdocs.yml").write_text(config[:start] + config[end:], encoding="utf-8")
    for rel, text in pages.items():
        path = project / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


GUIDE_TEMPLATE = """---
title: {title}
summary: {summary}
tags: [trust]
sources: [relationships]
reviewed: 2026-12-02
checklist:
  - {{id: first-step, text: {step} satu}}
  - {{id: second-step, text: {step} dua}}
  - {{id: third-step, text: {step} tiga}}
---

{intro}

## {section} {{ #main-part }}

{intro}

## {takeaways} {{ #key-takeaways }}

- {intro}

## FAQ {{ #faq }}

### {q} 1? {{ #faq-{slug}-one }}

{intro}

### {q} 2? {{ #faq-{slug}-two }}

{intro}

### {q} 3? {{ #faq-{slug}-three }}

{intro}
"""


def guide_pair(slug: str) -> dict[str, str]:
    """A minimal valid guide in both languages, as ``{path under docs/: text}``."""
    summary = (
        "A summary that is long enough to pass the minimum length of eighty characters in all."
    )
    common = {"slug": slug, "summary": summary}
    return {
        f"guides/{slug}.id.md": GUIDE_TEMPLATE.format(
            title=f"Panduan {slug}",
            step="Langkah",
            intro="Jejaring itu penting.",
            section="Bagian",
            takeaways="Poin penting",
            q="Tanya",
            **common,
        ),
        f"guides/{slug}.en.md": GUIDE_TEMPLATE.format(
            title=f"Guide {slug}",
            step="Step",
            intro="Networking matters.",
            section="Part",
            takeaways="Key takeaways",
            q="Ask",
            **common,
        ),
    }


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


# The tests serve the site as the report scripts do (benchmarks/site_tools.py: like GitHub
# Pages, gzip and 404.html included).
serve = site_tools.serve


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
