"""Unit tests of the pure content logic (no MkDocs build)."""

from __future__ import annotations

import json
import random

import pytest
from knowledgebase.checklists import insert_before_faq
from knowledgebase.errors import ContentError
from knowledgebase.faq import faq_jsonld
from knowledgebase.glossary import Glossary, Term, link_terms, terms_used
from knowledgebase.markdown_text import headings, to_plain_text
from knowledgebase.model import Vocabulary, parse_guide
from knowledgebase.pages import page_problems
from knowledgebase.placeholders import Placeholders
from knowledgebase.related import rank_all
from knowledgebase.urls import guide_link, page_url_in, relative_url

VOCAB = Vocabulary(frozenset({"trust", "career", "teamwork"}), frozenset({"relationships"}))

GUIDE = """---
title: Judul
summary: >-
  Ringkasan satu paragraf yang cukup panjang untuk lolos batas minimal delapan puluh karakter.
tags: [trust]
sources: [relationships]
reviewed: 2026-12-02
checklist:
  - {id: one, text: Satu}
  - {id: two, text: Dua}
  - {id: three, text: Tiga}
---

Pembuka.

## Bagian { #part }

Isi.

## Poin penting { #key-takeaways }

- Poin.

## Pertanyaan umum { #faq }

### Apa? { #faq-what }

Jawaban **satu**.

### Kenapa? { #faq-why }

Jawaban dua.

### Bagaimana? { #faq-how }

Jawaban tiga.
"""


def parse(text: str = GUIDE, path: str = "docs/guides/x.id.md"):
    return parse_guide(path, "x", "id", text, VOCAB)


def error_of(text: str) -> str:
    with pytest.raises(ContentError) as info:
        parse(text)
    return str(info.value)


def test_parse_guide_reads_sections_faq_and_checklist():
    """A valid guide yields its section ids, FAQ (question + answer) and checklist ids."""
    guide = parse()
    assert guide.section_ids == ("part", "key-takeaways", "faq")
    assert guide.faq_ids == ("faq-what", "faq-why", "faq-how")
    assert guide.faqs[0].question == "Apa?"
    assert guide.faqs[0].answer_text == "Jawaban satu."
    assert guide.checklist_ids == ("one", "two", "three")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("title: Judul\n", ""), "docs/guides/x.id.md: 'title': required field is missing"),
        (
            ("title: Judul\n", "title: Judul\nauthor: Someone\n"),
            "docs/guides/x.id.md: 'author': unknown field; allowed fields: "
            "['title', 'summary', 'tags', 'sources', 'reviewed', 'checklist', 'related', 'draft', "
            "'translated']",
        ),
        (("tags: [trust]", "tags: trust"), "docs/guides/x.id.md: 'tags': must be a list of ids"),
        (
            ("reviewed: 2026-12-02", "reviewed: 2 Desember 2026"),
            "docs/guides/x.id.md: 'reviewed': must be a date written YYYY-MM-DD, e.g. 2026-12-02",
        ),
        (
            ("reviewed: 2026-12-02", "reviewed: 2026-13-02"),
            "docs/guides/x.id.md: front matter has an impossible date (month must be in 1..12); "
            "write YYYY-MM-DD",
        ),
        (
            ("tags: [trust]", "tags: [friendship]"),
            "docs/guides/x.id.md: 'tags': unknown ['friendship']; allowed: "
            "['career', 'teamwork', 'trust']",
        ),
        (
            ("  - {id: three, text: Tiga}\n", ""),
            "docs/guides/x.id.md: 'checklist': needs at least 3 items",
        ),
        (
            ("{id: two,", "{id: one,"),
            "docs/guides/x.id.md: 'checklist': duplicate item ids ['one']",
        ),
        (("## Bagian { #part }", "## Bagian"), "needs an explicit id: { #some-id }"),
        (("{ #faq-why }", "{ #faq-what }"), "'faq-what': duplicate id in this guide"),
        (("Jawaban dua.", ""), "'faq-why': FAQ question has an empty answer"),
        (("{ #key-takeaways }", "{ #takeaways }"), "'key-takeaways': required section"),
        (("title: Judul\n", "title: [Judul\n"), "front matter is not valid YAML"),
    ],
)
def test_invalid_front_matter_and_body_name_file_and_field(change, message):
    """Each kind of bad input is refused with a message naming the file and the field or id."""
    old, new = change
    assert old in GUIDE
    assert message in error_of(GUIDE.replace(old, new, 1))


GLOSSARY = Glossary(
    (
        Term(
            "networking",
            {"id": "jejaring", "en": "networking"},
            {"id": ("berjejaring", "networking"), "en": ()},
            {"id": "d", "en": "d"},
        ),
        Term(
            "mentor", {"id": "mentor", "en": "mentor"}, {"id": (), "en": ()}, {"id": "d", "en": "d"}
        ),
    )
)


def test_link_terms_links_first_body_occurrence_only():
    """Only the first use in body text is linked; later uses stay plain."""
    md = "Jejaring itu penting. Jejaring juga butuh waktu.\n"
    out = link_terms(GLOSSARY, "id", md, "../glossary.md")
    linked = "[Jejaring](../glossary.md#networking){ .kb-term }"
    assert out == f"{linked} itu penting. Jejaring juga butuh waktu.\n"


def test_link_terms_skips_headings_links_code_and_attributes():
    """Headings (so FAQ questions), links, inline and fenced code and attribute lists are
    never linked; the first eligible occurrence after them is."""
    md = (
        "## Apa itu jejaring? { #faq-jejaring }\n\n"
        "Lihat [jejaring](x.md) dan `jejaring`.\n\n"
        "```\njejaring\n```\n\n"
        "Paragraf { #jejaring } tentang berjejaring dan mentor.\n"
    )
    out = link_terms(GLOSSARY, "id", md, "g.md")
    assert "## Apa itu jejaring? { #faq-jejaring }" in out
    assert "Lihat [jejaring](x.md) dan `jejaring`." in out
    assert "```\njejaring\n```" in out
    assert "{ #jejaring } tentang [berjejaring](g.md#networking){ .kb-term }" in out
    assert "dan [mentor](g.md#mentor){ .kb-term }." in out


def test_link_terms_gives_the_same_text_when_told_which_terms_occur():
    """Passing terms_used only lets the scan stop early; the linked text is identical."""
    md = "Jejaring dan mentor.\n\nLagi jejaring, `mentor`, [mentor](x.md).\n\n## H { #h }\n"
    used = terms_used(GLOSSARY, "id", md)
    assert link_terms(GLOSSARY, "id", md, "g.md", used) == link_terms(GLOSSARY, "id", md, "g.md")


def test_link_terms_respects_word_boundaries():
    """'mentoring' does not contain a use of 'mentor'."""
    assert link_terms(GLOSSARY, "en", "Mentoring helps.\n", "g.md") == "Mentoring helps.\n"


def test_terms_used_ignores_headings():
    assert terms_used(GLOSSARY, "id", "## Jejaring { #x }\n\nMentor baik.\n") == {"mentor"}


def _guide(slug, tags, related=()):
    return parse().__class__(**{**parse().__dict__, "slug": slug, "tags": tags, "related": related})


def test_related_ranking_explicit_first_then_score_then_slug():
    """Explicit `related` keeps the author's order; then shared tags (2) and terms (1) rank,
    ties broken by slug, so the list is deterministic."""
    me = _guide("me", ("trust", "career"), related=("zeta",))
    others = [
        _guide("alpha", ("teamwork",)),
        _guide("beta", ("trust",)),
        _guide("gamma", ("trust", "career")),
        _guide("zeta", ("teamwork",)),
        _guide("delta", ("teamwork",)),
    ]
    terms = {"me": frozenset({"mentor"}), "alpha": frozenset({"mentor"})}
    ranked = rank_all([me, *others], terms)["me"]
    assert [g.slug for g in ranked] == ["zeta", "gamma", "beta"]
    ranked5 = rank_all([me, *others], terms, count=5)["me"]
    assert [g.slug for g in ranked5] == ["zeta", "gamma", "beta", "alpha", "delta"]


def test_rank_all_matches_scoring_every_pair():
    """Ranking by groups of alike guides (the build's shortcut on large sites) gives exactly the
    lists that scoring every pair of guides gives, explicit entries and ties included."""
    rng = random.Random(4)
    tags, vocabulary = ["trust", "career", "teamwork"], ["t1", "t2", "t3", "t4"]
    guides, terms = [], {}
    for n in range(60):
        slug = f"g{rng.randrange(1000):03d}-{n}"
        related = tuple(g.slug for g in rng.sample(guides, min(len(guides), rng.randrange(3))))
        guides.append(_guide(slug, tuple(rng.sample(tags, rng.randrange(1, 3))), related))
        terms[slug] = frozenset(rng.sample(vocabulary, rng.randrange(5)))

    def pairwise(me):
        chosen = list(me.related)
        rest = [g for g in guides if g.slug != me.slug and g.slug not in chosen]
        rest.sort(
            key=lambda g: (
                -(2 * len(set(me.tags) & set(g.tags)) + len(terms[me.slug] & terms[g.slug])),
                g.slug,
            )
        )
        return (chosen + [g.slug for g in rest])[: max(3, len(chosen))]

    ranked = rank_all(guides, terms)
    assert {s: [g.slug for g in r] for s, r in ranked.items()} == {
        g.slug: pairwise(g) for g in guides
    }


def test_placeholders_are_replaced_by_key_and_cannot_be_written_by_authors():
    """A hook's placeholder is replaced by what it names; a look-alike comment an author wrote
    (or another kind's placeholder) is left as it is."""
    lists, other = Placeholders("checklist"), Placeholders("checklist")
    html = f"<p>a</p>{lists.mark('g-1')}<!-- kb-checklist g-2 -->{other.mark('g-3')}{lists.mark()}"
    out = lists.replace(html, lambda key: f"<ul>{key or 'none'}</ul>")
    assert out == f"<p>a</p><ul>g-1</ul><!-- kb-checklist g-2 -->{other.mark('g-3')}<ul>none</ul>"
    assert lists.replace("<p>plain</p>", lambda key: "x") == "<p>plain</p>"


def test_checklist_section_goes_before_the_faq():
    out = insert_before_faq(
        "Intro\n\n## FAQ { #faq }\n\n### Q? { #faq-q }\n", "## C { #checklist }"
    )
    assert out.index("{ #checklist }") < out.index("{ #faq }")


def test_faq_jsonld_matches_the_parsed_faq_and_is_script_safe():
    """FAQPage JSON-LD carries each question and its plain-text answer, and cannot close the
    <script> element it lives in."""
    guide = parse(GUIDE.replace("Jawaban dua.", "Jawaban `</script>` dua."))
    raw = faq_jsonld(guide, "https://e.org/guides/x/")
    assert "</script>" not in raw
    data = json.loads(raw)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == ["Apa?", "Kenapa?", "Bagaimana?"]
    assert data["mainEntity"][1]["acceptedAnswer"]["text"] == "Jawaban </script> dua."
    assert data["mainEntity"][0]["@id"] == "https://e.org/guides/x/#faq-what"


def test_urls_between_languages():
    assert page_url_in("guides/x/", "id", "en") == "en/guides/x/"
    assert page_url_in("en/guides/x/", "en", "id") == "guides/x/"
    assert relative_url("en/guides/x/", "guides/x/") == "../../en/guides/x/"
    assert relative_url("guides/x/", "en/guides/x/") == "../../../guides/x/"
    assert guide_link("guides/a.id.md", "b") == "b.md"
    assert guide_link("faq.id.md", "b") == "guides/b.md"


def test_plain_text_of_markdown():
    """JSON-LD answers read like the page: markup is dropped; text without markup is taken as
    written (the fast path) and agrees with the converted text."""
    assert to_plain_text("A **b** [c](d.md)\n\n- e") == "A b c e"
    assert to_plain_text("- a\n- b") == "a b"
    assert to_plain_text("1. one") == "one"
    plain = "Ya, tentu.\n  Dua baris; 100% aman (kira-kira)."
    assert to_plain_text(plain) == "Ya, tentu. Dua baris; 100% aman (kira-kira)."
    assert to_plain_text(plain + " *x*").startswith(to_plain_text(plain))


def test_heading_ids_are_read_from_attribute_lists_with_other_attributes():
    """A heading may carry more than its id ("{ #related-guides data-search-exclude }"); the
    id still counts for parity checks and the published-URL manifest."""
    found = headings("## Related { #related-guides data-search-exclude }\n## Plain\n## A { .x }")
    assert [(h.text, h.id) for h in found] == [
        ("Related", "related-guides"),
        ("Plain", None),
        ("A { .x }", None),
    ]


def test_page_problems_name_the_missing_translation_and_bad_front_matter(tmp_path):
    """Pages other than guides must exist in every language and have parseable front matter;
    the message names the missing file, the file that exists, and the line of a YAML error."""
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    for name, text in {
        "index.id.md": "---\ntitle: Beranda\n---\nHalo.\n",
        "index.en.md": "---\ntitle: Home\n---\nHello.\n",
        "about.id.md": "# Tentang\n",
        "guides/index.en.md": "---\ntitle: Guides\n---\n",
    }.items():
        (docs / name).write_text(text, encoding="utf-8")
    assert page_problems(docs) == [
        "page 'about': translation missing: docs/about.en.md (found docs/about.id.md); "
        "every page needs a file per language",
        "page 'guides/index': translation missing: docs/guides/index.id.md (found "
        "docs/guides/index.en.md); every page needs a file per language",
    ]
    (docs / "index.en.md").write_text("---\ntitle: Home\ndescription: [x\n---\n", "utf-8")
    with pytest.raises(ContentError) as error:
        page_problems(docs)
    assert str(error.value) == (
        "docs/index.en.md: front matter is not valid YAML: did not find expected ',' or ']' "
        "(line 4, column 1)"
    )
    (docs / "index.en.md").write_text("---\ntitle: [Home]\n---\n", "utf-8")
    with pytest.raises(ContentError, match=r"docs/index.en.md: 'title': must be non-empty text"):
        page_problems(docs)
