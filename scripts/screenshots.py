"""Screenshots of the built site: ``make screenshots``.

Builds the real site into a temporary folder (or takes ``--site DIR``), serves it as GitHub
Pages would and photographs it in Debian's Chromium through Playwright.

- Default: the README's four images in ``screenshots/`` (home and a guide, phone 375 x 812
  and desktop 1280 x 800, Indonesian, light scheme), reduced to a 256-colour palette with
  Pillow so the repository stays small.
- ``--review DIR``: every combination a reviewer looks at after changing a page (guide and
  home, Indonesian and English, light and dark, 375 and 1280 px), into ``DIR``: the first
  screen, and for the guide also the screen at its checklist. (Not full-page captures: while
  Chromium draws one, it drops touch emulation, so touch-only styles would not show.)
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from site_tools import build, serve  # noqa: E402

OUT = ROOT / "screenshots"
GUIDE = "guides/finding-a-mentor/"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
# name -> (page, viewport): what README.md shows.
README_SHOTS = {
    "home-phone": ("", PHONE),
    "home-desktop": ("", DESKTOP),
    "guide-phone": (GUIDE, PHONE),
    "guide-desktop": (GUIDE, DESKTOP),
}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def small_png(png: bytes) -> bytes:
    """The same image as a palette PNG (256 colours): a screenshot of text and flat colour
    loses nothing visible and shrinks to about a third."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def shoot(url: str, out: Path, review: bool) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            if review:
                shots = {
                    f"{what}-{lang}-{scheme}-{viewport['width']}": (
                        ("en/" if lang == "en" else "") + page,
                        viewport,
                        scheme,
                    )
                    for what, page in (("guide", GUIDE), ("home", ""))
                    for lang in ("id", "en")
                    for scheme in ("light", "dark")
                    for viewport in (PHONE, DESKTOP)
                }
            else:
                shots = {name: (page, vp, "light") for name, (page, vp) in README_SHOTS.items()}
            for name, (page, viewport, scheme) in shots.items():
                context = browser.new_context(
                    viewport=viewport,
                    color_scheme=scheme,
                    is_mobile=viewport is PHONE,
                    has_touch=viewport is PHONE,
                )
                tab = context.new_page()
                tab.goto(url + page, wait_until="networkidle")
                path = out / f"{name}.png"
                path.write_bytes(small_png(tab.screenshot()))
                written.append(path)
                if review and page.endswith(GUIDE):
                    tab.evaluate("document.getElementById('checklist').scrollIntoView()")
                    path = out / f"{name}-checklist.png"
                    path.write_bytes(small_png(tab.screenshot()))
                    written.append(path)
                context.close()
        finally:
            browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="photograph this built site instead of building")
    parser.add_argument("--review", type=Path, metavar="DIR", help="all variants, into DIR")
    args = parser.parse_args()
    out = args.review or OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        with serve(site) as url:
            for path in shoot(url, out, review=args.review is not None):
                print(
                    f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                    f"{path.stat().st_size} B"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
