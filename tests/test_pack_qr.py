"""QR codes for printed onboarding packs: every guide, checklist and FAQ answer URL, in both
languages, has a build-time SVG QR code that scans to exactly that URL on the deployed site."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image
from test_share_links import DIRECTORY, PREFIXES, built_guides

QR_SIZE = 300  # px the SVG is rasterised at: a phone camera sees about this much of a printout


def expected_urls(site) -> set[str]:
    """Absolute URL of every guide, its checklist and each FAQ answer, read from the built pages."""
    urls = set()
    for url, guide in built_guides(site).items():
        urls.add(site.url + url)
        if guide["checklist"]:
            urls.add(f"{site.url}{url}#checklist")
        urls |= {f"{site.url}{url}#{faq}" for faq in guide["faqs"]}
    return urls


def directory_qr(site) -> dict[str, str]:
    """QR image file (site-relative) -> the URL listed next to it, from both directory pages."""
    found = {}
    for prefix in PREFIXES.values():
        soup = site.html(prefix + DIRECTORY)
        for item in soup.select("article .kb-directory__links > li"):
            href = item.select_one("a.kb-directory__url")["href"]
            img = item.select_one(".kb-directory__qr img")
            assert img is not None, f"{href} has no QR code on {prefix}{DIRECTORY}"
            assert img["loading"] == "lazy", f"the QR code of {href} loads with the page"
            base = (site.dir / prefix / DIRECTORY).resolve()
            path = (base / img["src"]).resolve().relative_to(site.dir.resolve()).as_posix()
            found[path] = href
    return found


def test_every_item_url_has_a_qr_code_on_the_directory(site) -> None:
    """The directory lists a QR code next to every guide, checklist and FAQ URL, in both
    languages and on both language versions of the page, each a file the build wrote."""
    codes = directory_qr(site)
    assert set(codes.values()) == expected_urls(site)
    for path in codes:
        assert (site.dir / path).is_file(), f"{path} is listed but not built"


def test_every_qr_code_scans_to_its_items_url(site, tab) -> None:
    """Each QR file, drawn by a real browser as a reader's printout or screen shows it, decodes
    (zxing-cpp) to exactly the absolute URL it stands for, on the site as deployed (site_url)."""
    page = tab.page
    page.set_viewport_size({"width": QR_SIZE, "height": QR_SIZE})
    wrong = []
    codes = directory_qr(site)
    for path, url in sorted(codes.items()):
        page.goto(site.url + path)
        shot = Image.open(io.BytesIO(page.screenshot())).convert("L")
        decoded = [
            r.text for r in zxingcpp.read_barcodes(shot, formats=zxingcpp.BarcodeFormat.QRCode)
        ]
        if decoded != [url]:
            wrong.append(f"{path}: {decoded} instead of {url}")
    assert not wrong, "\n".join(wrong)
    assert len(codes) >= 100  # both languages, every guide: not a handful
    assert not tab.requests or all(r.startswith(site.url) for r in tab.requests)
