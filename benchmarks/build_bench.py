"""Build-time benchmark of the content hooks on a synthetic corpus.

For N guides per language (default 50, 200, 800) it generates a site with the real config,
hooks, templates and data, builds it with the hooks and with them switched off (every hook
but ``hooks/i18n_site.py``, which only hands the templates their per-language UI text,
without which they cannot render), and writes build seconds, peak memory and the ratio to
``benchmarks/build-report.md``. Each guide's text mixes everyday words with its own six
glossary terms, so almost every guide uses a different set, as real guides do. Run:
``make bench`` (or ``.venv/bin/python benchmarks/build_bench.py 50 200 800``;
``KB_BENCH_RUNS`` sets the runs per cell, default 3).

Each size is built several times, alternating plain and hooked builds, and the report gives
the median: on a small shared machine one build can be 20 % off, and alternating spreads any
background load over both columns. Linear cost is judged by the marginal cost per guide
between sizes, which leaves out the fixed cost every build pays (data files, templates).
"""

from __future__ import annotations

import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "benchmarks" / "build-report.md"
TAGS = ["career", "communication", "trust", "reciprocity", "mentoring", "learning", "teamwork"]
# Everyday words for the text around the glossary terms.
FILLER = {
    "id": [
        "tim",
        "proyek",
        "rapat",
        "hari",
        "minggu",
        "tugas",
        "atasan",
        "ide",
        "waktu",
        "catatan",
        "pesan",
        "kantor",
    ],
    "en": [
        "team",
        "project",
        "meeting",
        "day",
        "week",
        "task",
        "manager",
        "idea",
        "time",
        "notes",
        "message",
        "office",
    ],
}
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
TERMS = {lang: sorted(entry[lang]["term"] for entry in GLOSSARY.values()) for lang in FILLER}


def guide(slug: str, n: int, lang: str) -> str:
    # Each guide uses its own handful of glossary terms, as real guides do, so glossary linking
    # and the related-guide ranking see realistic text (almost every guide a different mix).
    terms = random.Random(n).sample(TERMS[lang], 6)
    filler = FILLER[lang]
    words = [terms[i // 4 % 6] if i % 4 == 3 else filler[(n + i) % len(filler)] for i in range(40)]
    # Sized like the real guides (about 800 words of body): 40-word paragraphs.
    text = " ".join(words).capitalize() + "."
    para = "\n\n".join([text] * 4)
    tags = [TAGS[n % len(TAGS)], TAGS[(n * 3 + 1) % len(TAGS)]]
    tags = list(dict.fromkeys(tags))
    summary = (text + " " + text)[:300]
    faqs = "\n\n".join(f"### Q{q} {slug}? {{ #faq-{slug}-{q} }}\n\n{text}" for q in range(1, 5))
    items = "\n".join(f"  - {{id: step-{i}, text: Step {i} of {slug}}}" for i in range(1, 5))
    return f"""---
title: Guide {slug} {lang}
summary: {summary}
tags: [{", ".join(tags)}]
sources: [relationships]
reviewed: 2026-12-02
checklist:
{items}
---

{text}

## Part one {{ #part-one }}

{para}

## Part two {{ #part-two }}

{para}

## Part three {{ #part-three }}

{para}

## Part four {{ #part-four }}

{para}

## Key takeaways {{ #key-takeaways }}

- {text}

## FAQ {{ #faq }}

{faqs}
"""


def make_site(base: Path, n: int, hooks: bool) -> Path:
    project = base / f"n{n}-{'hooks' if hooks else 'plain'}"
    for part in ("hooks", "overrides", "data"):
        # The real site's published URLs are not the synthetic corpus's promises.
        ignore = shutil.ignore_patterns("__pycache__", "published-urls.txt")
        shutil.copytree(ROOT / part, project / part, ignore=ignore)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(  .*\n)+", "\n", config)
    if not hooks:
        config = re.sub(r"\n  - hooks/(?!i18n_site\.py).*", "", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = project / "docs"
    (docs / "guides").mkdir(parents=True)
    for lang, title in (("id", "Beranda"), ("en", "Home")):
        (docs / f"index.{lang}.md").write_text(f"---\ntitle: {title}\n---\n\nHi.\n")
        (docs / f"about.{lang}.md").write_text(
            "---\ntitle: About\n---\n\n## Sources { #sources }\n\nTwo articles.\n"
        )
        for page in ("faq", "checklists", "glossary"):
            (docs / f"{page}.{lang}.md").write_text(
                f"---\ntitle: {page}\ngenerated: {page}\n---\n\nGenerated.\n"
            )
        for i in range(n):
            (docs / "guides" / f"g{i:04d}.{lang}.md").write_text(guide(f"g{i:04d}", i, lang))
    return project


def build(project: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one strict build in a fresh process."""
    code = (
        "import resource,sys,time;from mkdocs.__main__ import cli;t=time.perf_counter()\n"
        "try:\n cli(['build','--strict','-q','-d','site'])\n"
        "except SystemExit as e:\n"
        " assert not e.code, e.code\n"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{proc.stdout}\n{proc.stderr}")
    seconds, mib = proc.stdout.split()[-2:]
    return float(seconds), float(mib)


def main(sizes: list[int], runs: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            plain_site = make_site(Path(tmp), n, hooks=False)
            hooks_site = make_site(Path(tmp), n, hooks=True)
            plain, hooked = [], []
            for run in range(runs):
                plain.append(build(plain_site))
                hooked.append(build(hooks_site))
                print(
                    f"N={n} run {run + 1}/{runs}: hooks {hooked[-1][0]:.1f}s, "
                    f"plain {plain[-1][0]:.1f}s",
                    flush=True,
                )
            rows.append((n, hooked, plain))
    lines = [
        "# Build benchmark: content hooks on a synthetic corpus",
        "",
        f"Generated by `benchmarks/build_bench.py` on {time.strftime('%Y-%m-%d')}, "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{len(os.sched_getaffinity(0))} cores. N guides per language "
        "(so 2N guide pages), each about 800 words long like the real guides, everyday words "
        "around six glossary terms of its own, with 4 FAQ "
        "questions and 4 checklist items, plus the generated FAQ, Checklists and Glossary "
        f"pages. Each cell is the median of {runs} strict builds, each in a fresh process, "
        "plain and hooked builds alternating.",
        "",
        "| N | with hooks (s) | hooks off (s) | ratio | hooks cost (s) | cost per guide (ms) "
        "| marginal cost per guide (ms) | peak RSS with / without (MiB) | all runs with / "
        "without (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    previous = None
    for n, hooked, plain in rows:
        ws, ps = (statistics.median(t for t, _ in cell) for cell in (hooked, plain))
        wm, pm = (max(m for _, m in cell) for cell in (hooked, plain))
        cost = ws - ps
        marginal = f"{1000 * (cost - previous[1]) / (n - previous[0]):.1f}" if previous else "n/a"
        previous = (n, cost)
        each = " / ".join(", ".join(f"{t:.1f}" for t, _ in cell) for cell in (hooked, plain))
        lines.append(
            f"| {n} | {ws:.2f} | {ps:.2f} | {ws / ps:.2f} | {cost:.2f} | "
            f"{1000 * cost / n:.1f} | {marginal} | {wm:.0f} / {pm:.0f} | {each} |"
        )
    lines += [
        "",
        "Target: ratio at N = 800 at most 1.25, and the hooks' cost growing about linearly with N "
        "(the marginal cost per added guide roughly flat).",
    ]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(REPORT.read_text())


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [50, 200, 800], int(os.environ.get("KB_BENCH_RUNS", 3)))
