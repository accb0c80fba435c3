"""The partials the hooks render after Markdown (checklist, related guides, FAQ page group),
rendered on their own from overrides/ with a parsed guide: no MkDocs build needed."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment
from knowledgebase.data import ui_text
from markupsafe import Markup
from mkdocs.theme import Theme
from support import ROOT
from test_knowledgebase import GUIDE, parse


@pytest.fixture(scope="module")
def env() -> Environment:
    """The Jinja environment the hooks get from ``config.theme.get_env()``: overrides/ over
    Material, and no autoescaping, so the partials must escape text themselves."""
    return Theme(name="material", custom_dir=str(ROOT / "overrides"), language="id").get_env()


@pytest.fixture(scope="module")
def ui() -> dict[str, str]:
    return ui_text(ROOT / "data")["id"]


def render(env: Environment, name: str, **context: object) -> BeautifulSoup:
    return BeautifulSoup(env.get_template(f"partials/{name}").render(**context), "lxml")


def test_checklist_items_are_labelled_checkboxes_keyed_by_guide_and_item(env, ui):
    """Each item is a real checkbox whose label is the item text, stored under
    <guide>/<item> so the guide page and the Checklists page share the tick."""
    guide = parse()
    soup = render(env, "kb-checklist.html", guide=guide, ui=ui, guide_url="https://x/g/")
    boxes = soup.select(".kb-checklist__items input[type=checkbox]")
    assert [b["data-kb-item"] for b in boxes] == ["x/one", "x/two", "x/three"]
    labels = [soup.select_one(f"label[for='{b['id']}']").get_text() for b in boxes]
    assert labels == ["Satu", "Dua", "Tiga"]
    assert len({b["id"] for b in boxes}) == 3
    root = soup.select_one(".kb-checklist")
    assert root["data-kb-url"] == "https://x/g/" and root["data-kb-title"] == "Judul"
    # Its buttons stay out of the search index; no link back on the guide itself.
    assert soup.select_one(".kb-checklist__actions").has_attr("data-search-exclude")
    assert soup.select("p > a") == []


def test_checklist_elsewhere_links_back_to_its_guide(env, ui):
    guide = dataclasses.replace(parse(), title="<i>Judul</i>")
    soup = render(
        env, "kb-checklist.html", guide=guide, ui=ui, guide_url="https://x/", back_url="../g/"
    )
    link = soup.select_one("p > a")
    assert link["href"] == "../g/"
    assert link.get_text() == f"{ui['checklists_group_link']}: <i>Judul</i>"
    assert soup.find("i") is None


def test_related_list_links_titles_and_escapes_summaries(env):
    """Titles link to their guides; a summary is text, so markup in it is shown, not run."""
    related = [
        {"url": '../a/?x="y"', "title": "<i>A</i> & B", "summary": "Uses <b>tags</b>."},
        {"url": "../c/", "title": "C", "summary": "Plain."},
    ]
    soup = render(env, "kb-related.html", related=related)
    items = soup.select("ul > li")
    assert [li.a["href"] for li in items] == ['../a/?x="y"', "../c/"]
    assert items[0].get_text() == "<i>A</i> & B: Uses <b>tags</b>."
    assert soup.find("b") is None and soup.find("i") is None


def test_empty_related_list_renders_nothing(env):
    assert render(env, "kb-related.html", related=[]).get_text(strip=True) == ""
    assert render(env, "kb-related.html", related=[]).find("ul") is None


def test_faq_group_shows_each_question_closed_with_its_answer_and_canonical_link(env, ui):
    """The FAQ hub shows each question (as readers see it) as a closed collapsible block with
    its rendered answer and a link to the answer's place on the guide, then the whole guide.
    Question and title are text: markup in them never becomes an element."""
    guide = parse(GUIDE.replace("### Apa? {", "### Apa *itu* <b>x</b>? {"))
    guide = dataclasses.replace(guide, title="Judul <panduan>")
    items = [
        {"faq": faq, "answer": Markup(f"<p>Jawab <em>{n}</em></p>")}
        for n, faq in enumerate(guide.faqs)
    ]
    soup = render(
        env, "kb-faq-group.html", guide=guide, items=items, guide_url="../guides/x/", ui=ui
    )
    blocks = soup.select("details.kb-faq")
    assert [d["id"] for d in blocks] == ["faq-what", "faq-why", "faq-how"]
    assert not any(d.has_attr("open") for d in blocks)
    assert [d.summary.get_text() for d in blocks] == ["Apa itu x?", "Kenapa?", "Bagaimana?"]
    assert [d.select_one(".kb-faq__answer em").get_text() for d in blocks] == ["0", "1", "2"]
    sources = [d.select_one(".kb-faq__source a") for d in blocks]
    assert [a["href"] for a in sources] == [
        "../guides/x/#faq-what",
        "../guides/x/#faq-why",
        "../guides/x/#faq-how",
    ]
    assert sources[0].get_text() == f"{ui['faq_answer_in_guide']}: Judul <panduan>"
    whole = soup.select_one(".kb-faq-group__guide > a")
    assert whole["href"] == "../guides/x/"
    assert whole.get_text() == f"{ui['faq_hub_guide_link']}: Judul <panduan>"
    assert soup.find("b") is None
