"""Link-preview cards: a 1200 x 630 PNG per page and language, for ``og:image``.

Chat apps (WhatsApp, Slack, Teams) show the image of a pasted link. Each card shows the page's
title, the site's name and the language, in the site's colours, drawn with Pillow in the font
shipped in ``data/fonts/`` (DejaVu Sans Bold, licence beside it), so the build needs no network.

Drawing a card takes tens of milliseconds, so cards are kept by a hash of everything drawn on
them (text, font, layout version): a rebuild redraws only the cards whose text changed, and a
card's file name is its hash, so a changed card gets a new URL that chat apps fetch afresh.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
# Bump when the drawing changes, so cached cards are redrawn.
LAYOUT_VERSION = 1
# The site's colours (overrides/assets/stylesheets/kb.css): the header's teal, the accent's
# deep orange, white text (7.2:1 on the teal) and a light teal for the smaller lines.
TEAL = (0x00, 0x69, 0x5C)
ORANGE = (0xBF, 0x36, 0x0C)
WHITE = (0xFF, 0xFF, 0xFF)
LIGHT = (0xB2, 0xDF, 0xDB)
MARGIN = 80
TITLE_SIZES = (76, 68, 60, 52, 46)  # the largest at which the title fits the title area
TITLE_AREA = (150, 490)  # top and bottom, between the site name and the language
LINE_HEIGHT = 1.22


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    title: str
    site_name: str
    language: str  # the language's own name, e.g. "Bahasa Indonesia"


def card_key(card: Card, font_digest: str) -> str:
    """A short content hash: same text, font and layout, same key (and file name)."""
    data = json.dumps([LAYOUT_VERSION, font_digest, asdict(card)], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words in lines no wider than ``width`` (a word wider than that gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def line_height(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * LINE_HEIGHT)


def fit_title(title: str, font_path: Path) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size at which it fits; if none does, the smallest, cut with "…"."""
    width, height = WIDTH - 2 * MARGIN, TITLE_AREA[1] - TITLE_AREA[0]
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(font_path), size)
        lines = wrap(title, font, width)
        if len(lines) * line_height(font) <= height:
            return font, lines
    lines = lines[: height // line_height(font)]
    while " " in lines[-1] and font.getlength(lines[-1] + " …") > width:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += " …"
    return font, lines


def render_card(card: Card, font_path: Path) -> bytes:
    """The card as PNG bytes (palette PNG: flat colours and text compress to a few tens of KB)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), TEAL)
    draw = ImageDraw.Draw(image)
    small = ImageFont.truetype(str(font_path), 34)
    draw.text((MARGIN, MARGIN - 10), card.site_name, font=small, fill=LIGHT)
    font, lines = fit_title(card.title, font_path)
    step = line_height(font)
    top = (TITLE_AREA[0] + TITLE_AREA[1] - step * len(lines)) // 2
    for n, line in enumerate(lines):
        draw.text((MARGIN, top + n * step), line, font=font, fill=WHITE)
    draw.text((MARGIN, HEIGHT - MARGIN - 34), card.language, font=small, fill=LIGHT)
    draw.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=ORANGE)
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


class CardCache:
    """Cards by key, drawn once: in memory for this process (``mkdocs serve`` and the second
    language pass) and in ``folder`` on disk for later builds."""

    def __init__(self, folder: Path, font_path: Path) -> None:
        self.folder = folder
        self.font_path = font_path
        self.font_digest = hashlib.sha256(font_path.read_bytes()).hexdigest()
        self.drawn = 0  # cards drawn (not found in the cache) by this object
        self._memory: dict[str, bytes] = {}

    def get(self, card: Card) -> tuple[str, bytes]:
        key = card_key(card, self.font_digest)
        if key not in self._memory:
            path = self.folder / f"{key}.png"
            if path.is_file():
                self._memory[key] = path.read_bytes()
            else:
                png = render_card(card, self.font_path)
                self.drawn += 1
                self.folder.mkdir(parents=True, exist_ok=True)
                path.write_bytes(png)
                self._memory[key] = png
        return key, self._memory[key]
