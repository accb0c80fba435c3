"""Link-preview cards (og:image): drawn at build time from the shipped font, small enough for
chat apps, redrawn only when their text changes. That every page names its own card is tested
with the other Open Graph tags in tests/test_share_links.py."""

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
