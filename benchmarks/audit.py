"""Lighthouse audit of the built site: ``make audit``.

Builds the site for a local address, serves it on 127.0.0.1 the way GitHub Pages does
(``site_tools.serve``: gzip, ``Cache-Control: max-age=600``, 404.html) and runs Lighthouse
(npm ``lighthouse``, pinned in package-lock.json) in Debian's Chromium (``CHROME_PATH``, default
``/usr/bin/chromium``) on the home page, a guide, the FAQ page and the Checklists page, in
both languages, with Lighthouse's mobile and desktop settings. Writes
``benchmarks/lighthouse-report.md`` and exits 1 if a score is below its target in
``benchmarks/budgets.toml`` (accessibility, best practices, SEO on every page; performance on
mobile). ``tests/test_lighthouse.py`` uses ``run_lighthouse`` from here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_tools import build, serve

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "benchmarks" / "lighthouse-report.md"
BUDGETS = ROOT / "benchmarks" / "budgets.toml"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "",
    "guide": "guides/finding-a-mentor/",
    "faq": "faq/",
    "checklists": "checklists/",
}
LANGUAGE_PREFIXES = {"id": "", "en": "en/"}
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# As the test fixtures start Chromium: headless, and no background traffic to Google's hosts
# (this machine and CI have no network beyond package registries).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-default-apps"
)


def chrome_path() -> str | None:
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def targets() -> dict[str, int]:
    with BUDGETS.open("rb") as handle:
        return tomllib.load(handle)["lighthouse"]


@dataclass(frozen=True)
class Audit:
    url: str
    form_factor: str
    scores: dict[str, int]  # category -> 0..100
    failed: dict[str, list[str]]  # category -> ids of scored audits below 1
    metrics: dict[str, str]  # performance metric -> displayed value
    notes: dict[str, str]  # informative audits worth reporting -> displayed value or title


def run_lighthouse(
    url: str, form_factor: str = "mobile", categories: tuple[str, ...] = CATEGORIES
) -> Audit:
    """Run Lighthouse once on ``url``; ``form_factor`` is "mobile" (Lighthouse's default:
    Moto G Power, slow 4G, 4x CPU slowdown) or "desktop" (its desktop preset)."""
    chrome = chrome_path()
    if chrome is None:
        raise FileNotFoundError("Chromium not found (set CHROME_PATH)")
    if not LIGHTHOUSE.is_file():
        raise FileNotFoundError(f"{LIGHTHOUSE} is missing: run `make setup` (npm ci)")
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "report.json"
        command = [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        if form_factor == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": chrome}
        proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0 or not output.is_file():
            raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stdout}\n{proc.stderr}")
        data = json.loads(output.read_text(encoding="utf-8"))
    audits = data["audits"]
    scores, failed = {}, {}
    for name, category in data["categories"].items():
        scores[name] = round((category["score"] or 0) * 100)
        failed[name] = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] > 0
            and audits[ref["id"]]["score"] is not None
            and audits[ref["id"]]["score"] < 1
        ]
    metrics = {
        key: audits[key].get("displayValue", "")
        for key in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
        )
        if key in audits
    }
    notes = {}
    for key in (
        "is-on-https",
        "csp-xss",
        "has-hsts",
        "origin-isolation",
        "clickjacking-mitigation",
    ):
        if key not in audits:
            continue
        items = audits[key].get("details", {}).get("items", [])
        found = "; ".join(
            f"{item.get('severity', 'note')}: {item['description']}"
            for item in items
            if isinstance(item.get("description"), str)
        )
        mode = audits[key]["scoreDisplayMode"]
        notes[key] = f"{audits[key]['title']} [{mode}, score {audits[key]['score']}]" + (
            f": {found}" if found else ": no findings"
        )
    return Audit(url, form_factor, scores, failed, metrics, notes)


def median_run(url: str, form_factor: str, runs: int) -> Audit:
    """The run with the median performance score of ``runs`` runs (Lighthouse's advice for
    its run-to-run variance; the other categories do not vary)."""
    results = sorted(
        (run_lighthouse(url, form_factor) for _ in range(max(1, runs))),
        key=lambda a: a.scores["performance"],
    )
    return results[len(results) // 2]


def below_target(audit: Audit, goal: dict[str, int]) -> list[str]:
    """Each score under its target, as a readable line."""
    wanted = {k: goal[k] for k in ("accessibility", "best-practices", "seo")}
    if audit.form_factor == "mobile":
        wanted["performance"] = goal["performance-mobile"]
    return [
        f"{audit.url} ({audit.form_factor}): {name} {audit.scores[name]} < {target} "
        f"(failing: {', '.join(audit.failed[name]) or 'none scored'})"
        for name, target in wanted.items()
        if name in audit.scores and audit.scores[name] < target
    ]


def report(
    audits: list[Audit], base: str, goal: dict[str, int], problems: list[str], runs: int
) -> str:
    lines = [
        "# Lighthouse report",
        "",
        f"Generated by `benchmarks/audit.py` (`make audit`) on {date.today()}: Lighthouse "
        f"{lighthouse_version()}, {chromium_version()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores shared with other work. The built site is served on "
        "127.0.0.1 like GitHub Pages (gzip, `Cache-Control: max-age=600`, 404.html). Mobile is "
        "Lighthouse's default (emulated Moto G Power, simulated slow 4G, 4x CPU slowdown); "
        "desktop is its desktop preset. Mobile rows are the median of "
        f"{runs} runs (performance varies from run to run); desktop rows are one run. "
        "Targets (benchmarks/budgets.toml): accessibility "
        f"{goal['accessibility']}, best practices {goal['best-practices']}, SEO {goal['seo']} "
        f"everywhere; performance at least {goal['performance-mobile']} on mobile.",
        "",
        "| page | form factor | performance | accessibility | best practices | SEO "
        "| FCP | LCP | TBT | CLS |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for a in audits:
        s, m = a.scores, a.metrics
        lines.append(
            f"| `/{a.url.removeprefix(base)}` | {a.form_factor} | {s['performance']} "
            f"| {s['accessibility']} | {s['best-practices']} | {s['seo']} "
            f"| {m.get('first-contentful-paint', '')} | {m.get('largest-contentful-paint', '')} "
            f"| {m.get('total-blocking-time', '')} | {m.get('cumulative-layout-shift', '')} |"
        )
    lines += ["", "All targets met." if not problems else "Below target:"]
    lines += ["", *[f"- {p}" for p in problems]] if problems else []
    notes = audits[0].notes if audits else {}
    lines += [
        "",
        "Security-header audits on the first page (HTTPS is scored; the others are informative, "
        "carry no score, and read HTTP headers, which GitHub Pages sets in production and the "
        "local server does not; the policy here is the `<meta>` one):",
        "",
    ]
    lines += [f"- `{key}`: {text}" for key, text in notes.items()]
    return "\n".join(lines).rstrip() + "\n"


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def chromium_version() -> str:
    chrome = chrome_path()
    if chrome is None:
        return "Chromium (not found)"
    return subprocess.run([chrome, "--version"], capture_output=True, text=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form-factor", choices=FORM_FACTORS, action="append")
    parser.add_argument(
        "--runs", type=int, default=3, help="mobile runs per page; the median is reported"
    )
    args = parser.parse_args()
    goal = targets()
    audits: list[Audit] = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        with serve(site) as base:
            build(site, base)
            for form_factor in args.form_factor or FORM_FACTORS:
                for prefix in LANGUAGE_PREFIXES.values():
                    for path in PAGES.values():
                        runs = args.runs if form_factor == "mobile" else 1
                        audit = median_run(base + prefix + path, form_factor, runs)
                        print(audit.form_factor, audit.url, audit.scores, flush=True)
                        audits.append(audit)
    problems = [p for a in audits for p in below_target(a, goal)]
    REPORT.write_text(report(audits, base, goal, problems, args.runs), encoding="utf-8")
    print(REPORT.read_text(encoding="utf-8"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
