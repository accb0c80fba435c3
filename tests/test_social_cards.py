"""Link previews: every page has its own card image (og:image) in its language, drawn at build
time from the shipped font, small enough for chat apps, and redrawn only when its text changes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from knowledgebase.social_cards import (
    HEIGHT,
    TITLE_AREA,
    WIDTH,
    Card,
    CardCache,
    fit_title,
    line_height,
    render_card,
)
from PIL import Image
from size_report import card_sizes, cards_over_budget, load_budgets
from support import ROOT

FONT = ROOT / "data" / "fonts" / "DejaVuSans-Bold.ttf"
ALT = {"id": "Kartu pratinjau bertuliskan ", "en": "Preview card reading "}
NAMES = {"id": "Panduan Relasi Kerja", "en": "Workplace Relationships Guide"}


def meta(soup) -> dict[str, str]:
    found = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    found |= {m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")}
    return found


def test_every_page_has_its_own_card_in_its_language(site):
    """Each page (both languages) names an absolute og:image URL on the site, a 1200 x 630 PNG
    that exists, described in the page's language with its title, with the large-image
    summary card for chat apps; no two pages share a card."""
    images = set()
    for path in site.pages():
        rel = path.relative_to(site.dir).as_posix()
        if rel == "404.html":
            continue
        lang = "en" if rel.startswith("en/") else "id"
        tags = meta(site.html(rel.removesuffix("index.html")))
        url = tags["og:image"]
        assert url.startswith(site.url + "assets/images/social/") and url.endswith(".png"), rel
        image = Image.open(site.dir / url.removeprefix(site.url))
        assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT)), rel
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["og:image:type"] == "image/png"
        alt = tags["og:image:alt"]
        assert (
            alt
            == f"{ALT[lang]}{tags['og:title']}, {'dari' if lang == 'id' else 'from'} "
            + (NAMES[lang])
        ), rel
        assert tags["twitter:card"] == "summary_large_image"
        images.add(url)
    assert len(images) == len(site.pages()) - 1


def test_cards_are_within_their_size_budget(site):
    """Every card is at most the per-card budget (benchmarks/budgets.toml), as `make budgets`
    reports it."""
    sizes = card_sizes(site.dir)
    assert len(sizes) == len(site.pages()) - 1
    assert cards_over_budget(sizes, load_budgets()["card_image"]) == []


def test_a_card_over_budget_is_reported_with_its_size():
    """The gate can fail: a card above its budget is named with size and budget."""
    assert cards_over_budget({"assets/images/social/a.png": 50, "b.png": 9}, 10) == [
        "link-preview card assets/images/social/a.png: 50 B, budget 10 B"
    ]


def test_a_card_shows_the_title_in_the_site_colours():
    """The drawn card is the right size, mostly the site's teal, with white title text."""
    png = render_card(Card("Finding a mentor", "Workplace Relationships Guide", "English"), FONT)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 16)}
    assert (0x00, 0x69, 0x5C) in colours and (255, 255, 255) in colours
    assert image.getpixel((5, 5)) == (0x00, 0x69, 0x5C)


def test_a_long_title_shrinks_then_is_cut_at_a_word_within_the_title_area():
    """A title too long for the largest size is set smaller; one too long for any size ends
    with an ellipsis after a whole word, and never runs into the language line."""
    title = "Menjaga jejaring tetap hidup: kebiasaan kecil, kesalahan umum, dan meluangkan waktu"
    font, lines = fit_title(title, FONT)
    assert font.size < 76 and " ".join(lines) == title
    font, lines = fit_title("kata " * 80, FONT)
    assert lines[-1].endswith("kata …")
    assert len(lines) * line_height(font) <= TITLE_AREA[1] - TITLE_AREA[0]


def test_cards_are_drawn_once_and_reused_from_the_disk_cache(tmp_path: Path):
    """The same text gives the same key and file, drawn once; a later build (a new cache over
    the same folder) draws nothing; a changed title gets a new key (a new URL for chat apps)."""
    card = Card("Title", "Site", "English")
    first = CardCache(tmp_path, FONT)
    key, png = first.get(card)
    assert first.get(card) == (key, png) and first.drawn == 1
    later = CardCache(tmp_path, FONT)
    assert later.get(card) == (key, png) and later.drawn == 0
    other, _ = later.get(Card("Title 2", "Site", "English"))
    assert other != key and later.drawn == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{key}.png", f"{other}.png"])


@pytest.mark.parametrize("name", ["DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"])
def test_the_font_ships_with_its_licence(name):
    """The build draws with a font in the repository (no download), next to its licence."""
    assert (ROOT / "data" / "fonts" / name).is_file()
