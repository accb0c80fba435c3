"""Session fixtures: the real site, built once and served under a GitHub Pages-like sub-path,
and a Chromium browser driven by Playwright."""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from knowledgebase.corpus import Corpus, load_corpus
from support import CHROMIUM_ARGS, ROOT, Build, build_site, chromium_path, parse_html, serve

# The real site is served as a project site, so every test also proves sub-path support.
PREFIX = "/workplace-kb/"
REDIRECT_MARK = '<meta http-equiv="refresh"'


@dataclass
class Site:
    dir: Path
    url: str  # base URL with trailing slash, e.g. http://127.0.0.1:PORT/workplace-kb/
    build: Build

    parsed: dict[Path, BeautifulSoup] = field(default_factory=dict)

    def html(self, rel: str) -> BeautifulSoup:
        """Parsed HTML of a page given by its URL path relative to the site root. Each page is
        parsed once per test run and shared, so a test that edits the tree (``decompose``)
        must edit a ``copy.copy`` of the element instead."""
        path = self.dir / rel
        if rel == "" or rel.endswith("/"):
            path = path / "index.html"
        return self.parsed_file(path)

    def parsed_file(self, path: Path) -> BeautifulSoup:
        """Parsed HTML of a built file, from the same per-run cache as ``html``."""
        if path not in self.parsed:
            self.parsed[path] = parse_html(path)
        return self.parsed[path]

    def pages(self) -> list[Path]:
        """Every built page; not the redirect pages mkdocs-redirects writes (short links, moved
        pages), which only send the reader on (tests/test_pack_short_links.py covers them)."""
        return sorted(
            p
            for p in self.dir.rglob("*.html")
            if "assets" not in p.parts and REDIRECT_MARK not in p.read_text(encoding="utf-8")
        )

    def page_urls(self) -> list[str]:
        """URL (relative to ``url``) of every built HTML page, both languages and 404.html:
        pages added later (by any hook or plugin) are covered without naming them."""
        urls = []
        for path in self.pages():
            rel = path.relative_to(self.dir).as_posix()
            urls.append(rel.removesuffix("index.html"))
        return urls


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site_dir = tmp_path_factory.mktemp("site")
    with serve(site_dir, PREFIX) as url:
        build = build_site(ROOT, site_dir, site_url=url)
        assert build.returncode == 0, f"the real site failed to build:\n{build.log}"
        yield Site(site_dir, url, build)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The real site's guides, parsed from docs/ and data/ as the build parses them."""
    return load_corpus(ROOT / "docs", ROOT / "data")[0]


# Fixtures that need Chromium (directly or through Lighthouse): a test using one is a browser
# test, so `make test-fast` (-m "not browser") leaves it out without each file marking it.
BROWSER_FIXTURES = {"browser", "tab", "axe_source", "lighthouse"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def missing_tool(what: str, reason: str) -> None:
    """Skip loudly on a developer's machine, fail in CI (CI=true), where every test must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; {what} tests are required in CI")
    warnings.warn(f"SKIPPING {what.upper()} TESTS: {reason}", stacklevel=2)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        missing_tool(
            "browser",
            "Chromium not found (install Debian's chromium or set CHROMIUM=/path/to/chromium)",
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A browser page plus every request it made, every console error it logged and every
    Content-Security-Policy violation the browser reported (``securitypolicyviolation``)."""

    page: object
    requests: list[str]
    console_errors: list[str]
    csp_violations: list[str]


# Runs before any page script (init scripts are not subject to the page's policy) and reports
# each violation through a binding, which survives navigations.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => window.__kbCspViolation(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`
));
"""


def watch_csp(context: object, into: list[str]) -> None:
    """Record every CSP violation of every page opened in ``context`` into ``into``."""
    context.expose_binding(  # type: ignore[attr-defined]
        "__kbCspViolation", lambda source, text: into.append(f"{source['page'].url}: {text}")
    )
    context.add_init_script(script=CSP_LISTENER)  # type: ignore[attr-defined]


@pytest.fixture
def tab(browser, site: Site) -> Iterator[Tab]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    result = Tab(None, [], [], [])
    watch_csp(context, result.csp_violations)
    page = context.new_page()
    result.page = page
    page.on("request", lambda request: result.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            result.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    yield result
    context.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, from the npm lock (``make setup`` runs ``npm ci``)."""
    if not AXE.is_file():
        missing_tool("axe", f"{AXE} is missing (run `make setup`, which runs `npm ci`)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lighthouse() -> None:
    """Lighthouse (npm, from the lock), Node.js and Chromium are all there."""
    from audit import LIGHTHOUSE, chrome_path

    if chromium_path() is None or chrome_path() is None:
        missing_tool("lighthouse", "Chromium not found (install Debian's chromium)")
    if shutil.which("node") is None or not LIGHTHOUSE.is_file():
        missing_tool("lighthouse", f"node or {LIGHTHOUSE} missing (run `make setup`: npm ci)")
