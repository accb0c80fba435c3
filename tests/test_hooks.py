"""Build hooks on the real site: checklists, cross-links, FAQ hub and JSON-LD."""

from __future__ import annotations

import json

from knowledgebase.data import LANGUAGES


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def guide_pages(site, corpus):
    for slug in corpus.guides:
        for lang in LANGUAGES:
            yield slug, lang, site.html(f"{prefix(lang)}guides/{slug}/")


def test_guide_checklist_renders_every_item_as_a_labelled_checkbox(site, corpus):
    for slug, lang, soup in guide_pages(site, corpus):
        guide = corpus.guides[slug][lang]
        boxes = soup.select(".kb-checklist__items input[type=checkbox]")
        assert [b["data-kb-item"] for b in boxes] == [f"{slug}/{i}" for i in guide.checklist_ids]
        for box, item in zip(boxes, guide.checklist, strict=True):
            label = soup.select_one(f"label[for='{box['id']}']")
            assert label.get_text(strip=True) == item.text
        assert soup.select_one("#checklist")
        # The Checklists page links each list back to its guide; the guide itself does not.
        assert soup.select_one(".kb-checklist").find_previous_sibling("p").a is None


def test_checklists_page_groups_every_guide_and_links_back(site, corpus):
    for lang in LANGUAGES:
        soup = site.html(f"{prefix(lang)}checklists/")
        groups = soup.select(".kb-checklist")
        assert [g["data-kb-checklist"] for g in groups] == list(corpus.guides)
        for slug in corpus.guides:
            heading = soup.select_one(f"h2#{slug}")
            assert heading is not None
            link = heading.find_next_sibling("p").a
            assert link["href"].rstrip("/").endswith(f"guides/{slug}")
        total = sum(len(g[lang].checklist) for g in corpus.guides.values())
        assert len(soup.select(".kb-checklist__box")) == total


def test_related_guides_are_same_language_and_at_least_two(site, corpus):
    for slug, lang, soup in guide_pages(site, corpus):
        links = soup.select_one("#related-guides").find_next("ul").select("a")
        assert len(links) >= 2, (slug, lang)
        for a in links:
            target = a["href"]
            assert "/en/" not in target if lang == "id" else True
            assert slug not in target


def test_explicit_related_guides_come_first(site, corpus):
    for slug, lang, soup in guide_pages(site, corpus):
        related = corpus.guides[slug][lang].related
        links = soup.select_one("#related-guides").find_next("ul").select("a")
        shown = [a["href"].strip("/").split("/")[-1] for a in links]
        assert shown[: len(related)] == list(related), (slug, lang)


def test_glossary_terms_link_on_first_use_never_in_headings(site, corpus):
    for slug, lang, soup in guide_pages(site, corpus):
        article = soup.select_one("article")
        term_links = article.select("a.kb-term")
        assert term_links, (slug, lang)
        targets = [a["href"].split("#")[1] for a in term_links]
        assert len(targets) == len(set(targets)), f"{slug}/{lang}: a term linked twice"
        for a in term_links:
            assert a.find_parent(["h1", "h2", "h3", "h4", "a", "code"]) is None
        glossary = site.html(f"{prefix(lang)}glossary/")
        for target in targets:
            assert glossary.select_one(f"#{target}"), target


def test_guides_link_to_their_translation(site, corpus):
    for slug, lang, soup in guide_pages(site, corpus):
        link = soup.select_one("a[data-kb-translation]")
        other = next(x for x in LANGUAGES if x != lang)
        assert link["hreflang"] == other and link["lang"] == other
        assert link["href"].endswith(f"{prefix(other)}guides/{slug}/")
        expected = {"en": "Read in English", "id": "Baca dalam Bahasa Indonesia"}[other]
        assert link.get_text(strip=True) == expected


def test_sources_are_shown_on_every_guide(site, corpus):
    for slug, lang, soup in guide_pages(site, corpus):
        text = soup.select_one("#sources").find_next("ul").get_text(" ")
        for key in corpus.guides[slug][lang].sources:
            assert corpus.sources[key][lang]["title"] in text


def read(element) -> str:
    """An element's text as a reader reads it: whitespace collapsed, no permalink sign (the
    heading's link icon has no text)."""
    return " ".join(element.get_text().split()).removesuffix("¶").strip()


def test_faq_hub_lists_every_question_linking_to_its_anchor(site, corpus):
    """Each question's answer on the hub links to its canonical place on the guide."""
    for lang in LANGUAGES:
        soup = site.html(f"{prefix(lang)}faq/")
        links = soup.select("article details.kb-faq .kb-faq__source a")
        expected = sum(len(g[lang].faqs) for g in corpus.guides.values())
        assert len(links) == expected
        for a in links:
            page, anchor = a["href"].split("#")
            slug = page.strip("/").split("/")[-1]
            guide_soup = site.html(f"{prefix(lang)}guides/{slug}/")
            heading = guide_soup.select_one(f"h3#{anchor}")
            assert heading is not None, a["href"]
            question = read(a.find_parent("details").summary)
            assert question == read(heading)


def test_faq_jsonld_matches_the_page(site, corpus):
    for _slug, lang, soup in guide_pages(site, corpus):
        scripts = soup.select('script[type="application/ld+json"]')
        assert len(scripts) == 1
        data = json.loads(scripts[0].string)
        assert data["@type"] == "FAQPage" and data["inLanguage"] == lang
        for entity in data["mainEntity"]:
            anchor = entity["@id"].split("#")[1]
            heading = soup.select_one(f"h3#{anchor}")
            assert entity["name"] == read(heading)
            answer = []
            for sibling in heading.find_next_siblings():
                if sibling.name in ("h2", "h3"):
                    break
                answer.append(sibling.get_text(" ", strip=True))
            page_text = " ".join(" ".join(answer).split())
            assert entity["acceptedAnswer"]["text"].replace(" ", "") == page_text.replace(" ", "")
