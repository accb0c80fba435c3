"""Size budgets: what a first visit downloads (gzip) per page type and language stays within
the budgets in benchmarks/budgets.toml, measured by the same code as `make budgets`."""

from __future__ import annotations

import json
import random

from size_report import PAGE_TYPES, Row, load_budgets, measure, over_budget
from support import ROOT


def test_every_page_type_is_within_its_budget(site):
    """HTML, CSS, JS, search index and their total stay within budget for every page type in
    both languages (the largest guide counts for guides)."""
    rows = measure(site.dir)
    assert {(r.page_type, r.lang) for r in rows} >= {("guide", "id"), ("guide", "en")}
    assert all(r.html and r.css and r.js and r.index for r in rows), rows
    assert over_budget(rows, load_budgets()) == []


def test_budgets_name_every_page_type():
    """Each measured page type has an HTML budget, and nothing is budgeted that is not measured."""
    assert set(load_budgets()["html"]) == set(PAGE_TYPES)


def test_a_page_over_budget_is_reported_with_its_numbers():
    """The gate can fail: a measurement above its budget is named with size and budget."""
    row = Row("guide", "en", "en/guides/x/index.html", html=2000, css=10, js=10, index=10)
    budgets = {"html": {"guide": 1000}, "css": 99, "js": 99, "search_index": 99, "total": 9999}
    assert over_budget([row], budgets) == [
        "guide (en, en/guides/x/index.html): html is 2000 B gzip, budget 1000 B"
    ]


def fake_site(root, indexes: dict[str, bytes]):
    """The smallest site size_report can measure: one page of each type per language."""
    config = json.dumps({"search": "assets/worker.js"})
    html = (
        '<html><head><link rel="stylesheet" href="{up}assets/a.css"></head><body>'
        f'<script id="__config" type="application/json">{config}</script>'
        '<script src="{up}assets/a.js"></script></body></html>'
    )
    (root / "assets").mkdir(parents=True)
    for name in ("a.css", "a.js", "worker.js"):
        (root / "assets" / name).write_text("x" * 100)
    for prefix in ("", "en/"):
        for pattern in PAGE_TYPES.values():
            path = root / prefix / pattern.replace("*", "some-guide")
            path.parent.mkdir(parents=True, exist_ok=True)
            depth = len(path.relative_to(root).parts) - 1
            path.write_text(html.replace("{up}", "../" * depth))
    for rel, data in indexes.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def test_one_search_index_for_the_site_counts_for_both_languages(tmp_path):
    """Today's layout: one search/search_index.json, loaded by pages in both languages."""
    fake_site(tmp_path, {"search/search_index.json": b'{"docs": []}' * 50})
    rows = measure(tmp_path)
    assert len({r.index for r in rows}) == 1 and rows[0].index > 0


def test_per_language_search_indexes_count_for_their_language(tmp_path):
    """A split index (search/… for Indonesian, en/search/… for English) is counted per language."""
    fake_site(
        tmp_path,
        {
            "search/search_index.json": b'{"docs": []}',
            "en/search/search_index.json": random.Random(7).randbytes(3000),  # incompressible
        },
    )
    rows = {(r.page_type, r.lang): r for r in measure(tmp_path)}
    assert rows[("guide", "en")].index > 2000 > rows[("guide", "id")].index > 0


def test_readme_states_the_budgets_in_force():
    """The README's budget table shows exactly the numbers the tests enforce."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    budgets = load_budgets()
    flat = {f"size.{k}": v for k, v in budgets.items() if not isinstance(v, dict)}
    flat |= {f"size.html.{k}": v for k, v in budgets["html"].items()}
    for key, value in flat.items():
        assert f"| `{key}` | {value} |" in readme, key
