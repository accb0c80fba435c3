"""Session fixtures: the real site, built once and served under a GitHub Pages-like sub-path,
and a Chromium browser driven by Playwright."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import CHROMIUM_ARGS, ROOT, Build, build_site, chromium_path, parse_html, serve

# The real site is served as a project site, so every test also proves sub-path support.
PREFIX = "/workplace-kb/"


@dataclass
class Site:
    dir: Path
    url: str  # base URL with trailing slash, e.g. http://127.0.0.1:PORT/workplace-kb/
    build: Build

    def html(self, rel: str) -> BeautifulSoup:
        """Parsed HTML of a page given by its URL path relative to the site root."""
        path = self.dir / rel
        if rel == "" or rel.endswith("/"):
            path = path / "index.html"
        return parse_html(path)

    def pages(self) -> list[Path]:
        return sorted(p for p in self.dir.rglob("*.html") if "assets" not in p.parts)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site_dir = tmp_path_factory.mktemp("site")
    with serve(site_dir, PREFIX) as url:
        build = build_site(ROOT, site_dir, site_url=url)
        assert build.returncode == 0, f"the real site failed to build:\n{build.log}"
        yield Site(site_dir, url, build)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        reason = "Chromium not found (install Debian's chromium or set CHROMIUM=/path/to/chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; browser tests are required in CI")
        warnings.warn(f"SKIPPING BROWSER TESTS: {reason}", stacklevel=1)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A browser page plus every request it made and every console error it logged."""

    page: object
    requests: list[str]
    console_errors: list[str]


@pytest.fixture
def tab(browser, site: Site) -> Iterator[Tab]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    result = Tab(page, [], [])
    page.on("request", lambda request: result.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            result.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    yield result
    context.close()
