"""QR codes for printed onboarding packs: one SVG per guide, checklist and FAQ answer URL,
drawn at build time from the absolute URL (``site_url``), so a pack printed from the deployed
site points at the deployed site and no request leaves the site to draw them."""

from __future__ import annotations

import io

import segno

QR_FOLDER = "assets/qr"  # under each language's root: assets/qr/…, en/assets/qr/…


def qr_path(slug: str, anchor: str | None) -> str:
    """Path of the QR file of a guide (``anchor`` None) or one of its sections, relative to its
    language's root: ``assets/qr/finding-a-mentor--checklist.svg``."""
    name = slug if anchor is None else f"{slug}--{anchor}"
    return f"{QR_FOLDER}/{name}.svg"


def qr_svg(url: str) -> str:
    """A standalone SVG QR code for ``url``: black on white with the standard four-module quiet
    zone (scanners need it, also when the page around it is dark), error correction M so a
    creased or smudged printout still scans."""
    out = io.BytesIO()
    qr = segno.make(url, error="m", micro=False, boost_error=False)
    # omitsize: a viewBox instead of a fixed size, so the page sizes it (screen and print).
    qr.save(
        out,
        kind="svg",
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        omitsize=True,
        svgclass=None,
        lineclass=None,
    )
    return out.getvalue().decode("utf-8")
