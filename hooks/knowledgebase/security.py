"""Security of the published pages: the Content-Security-Policy and the lint of ``docs/``.

The policy allows only the site's own origin. Scripts must come from the site's files, except
for the few small inline scripts Material writes into every page (scope and palette set-up),
which are allowed by their SHA-256 hash, computed from the rendered page itself. Any other
inline script, injected or written by an author, is refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path

from .source_text import read_source

# Script types the browser executes; others (application/json, application/ld+json) are data
# blocks, which CSP does not govern.
EXECUTABLE_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
)

# Directive order is fixed so a page's policy is stable from build to build. No
# 'unsafe-inline' anywhere: Material's inline scripts are hashed, and no page or Material
# template writes a <style> element or a style="" attribute (Material's JavaScript styles
# elements through the CSSOM, which style-src does not restrict). frame-ancestors, report-uri
# and sandbox are left out because browsers ignore them in a <meta> policy (and log an error).
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's icons are data: SVGs in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index and the sitemap
    ("worker-src", "'self'"),  # the search worker
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

_SCRIPT_ELEMENT = re.compile(r"<script\b.*?</script\s*>", re.IGNORECASE | re.DOTALL)
CHARSET_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
CSP_META_START = '<meta http-equiv="Content-Security-Policy"'


class _InlineScripts(HTMLParser):
    """Collects the text of every inline, executable <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        if "src" not in attributes and kind in EXECUTABLE_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP hashes of the page's inline executable scripts, sorted and without repeats."""
    parser = _InlineScripts()
    # Only the <script> elements are parsed: a page carries the whole navigation, and parsing
    # all of it made this the costliest step of a large build. A script element's text ends at
    # the first "</script", so each element can be cut out before parsing.
    for element in _SCRIPT_ELEMENT.finditer(page_html):
        parser.feed(element.group(0))
    parser.close()
    return sorted({script_hash(source) for source in parser.scripts})


def content_security_policy(
    script_hashes: Iterable[str] = (), *, allow_inline_scripts: bool = False
) -> str:
    """The site's policy, with ``script_hashes`` added to ``script-src``.

    ``allow_inline_scripts`` is for ``mkdocs serve`` only: its live-reload script is inline and
    different on every response, so no hash can allow it. Hashes are left out then, because a
    browser ignores 'unsafe-inline' in a directive that also lists hashes.
    """
    extra = "'unsafe-inline'" if allow_inline_scripts else " ".join(script_hashes)
    parts = []
    for directive, sources in POLICY:
        if directive == "script-src" and extra:
            sources = f"{sources} {extra}"
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def add_csp_meta(
    page_html: str,
    *,
    allow_inline_scripts: bool = False,
    allowed: frozenset[str] | None = None,
) -> str:
    """Insert the policy as the first element after ``<meta charset>`` in ``<head>``, so it
    covers every element that follows. With ``allowed`` (script texts), only the page's inline
    scripts among them are hashed: any other script stays blocked by the browser. Raises
    ValueError if the page has no charset meta or already has a policy (a template would then
    need fixing, not a second policy)."""
    if CSP_META_START in page_html:
        raise ValueError("the page already has a Content-Security-Policy <meta>")
    charset = CHARSET_META.search(page_html)
    if charset is None:
        raise ValueError('no <meta charset="utf-8"> to place the Content-Security-Policy after')
    if allow_inline_scripts:
        hashes: Iterable[str] = ()
    elif allowed is None:
        hashes = inline_script_hashes(page_html)
    else:
        scripts = {s for s in inline_scripts(page_html) if s in allowed}
        hashes = sorted({script_hash(s) for s in scripts})
    policy = content_security_policy(hashes, allow_inline_scripts=allow_inline_scripts)
    meta = f'\n    {CSP_META_START} content="{html.escape(policy, quote=False)}">'
    return page_html[: charset.end()] + meta + page_html[charset.end() :]


# --- Lint of the Markdown sources ------------------------------------------------------------

FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
RAW_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
RAW_IFRAME = re.compile(r"<\s*iframe\b", re.IGNORECASE)
# In an HTML tag, or in an attr_list block ({ onclick=... } sets any attribute on an element).
EVENT_HANDLER = re.compile(
    r"(?:<[a-zA-Z][^>]*?[\s\"'/]|\{:?\s*(?:[^}]*?\s)?)(on[a-z]+)\s*=", re.IGNORECASE
)
# javascript: as a link target: after "(" (Markdown link), "=" (HTML or attr_list attribute),
# "<" (autolink) or "]:" (reference definition), optionally quoted.
JAVASCRIPT_URL = re.compile(r"(?:\(|=|<|\]:)\s*[\"']?\s*javascript\s*:", re.IGNORECASE)
# The lint's quick test for lines that could hold one: the same matching as JAVASCRIPT_URL.
_JAVASCRIPT = re.compile("javascript", re.IGNORECASE)

# (pattern, message, decoded): "decoded" rules see the line with entities and tabs decoded, as a
# browser sees a URL; the others see it as written, so "&lt;script&gt;" (shown as text) passes.
LINT_RULES = (
    (
        RAW_SCRIPT,
        "raw <script> element; pages may not run their own scripts (site behaviour belongs "
        "in overrides/assets/javascripts/)",
        False,
    ),
    (
        RAW_IFRAME,
        "raw <iframe> element; embed nothing from other sites, link to them instead",
        False,
    ),
    (
        EVENT_HANDLER,
        "inline event handler attribute '{0}='; pages may not run their own scripts "
        "(site behaviour belongs in overrides/assets/javascripts/)",
        False,
    ),
    (JAVASCRIPT_URL, "'javascript:' URL; links must point at pages or sections", True),
)


def _without_code(line: str) -> str:
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def lint_markdown(path: str, text: str) -> list[str]:
    """Problems in one Markdown file (front matter included), as ``path:line: message``.

    Code (fenced blocks and inline code spans) may show any of these, since it is displayed,
    not run. For ``javascript:`` entities and tabs are decoded first, as a browser would.
    """
    problems: list[str] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        opening = FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        written = _without_code(line) if "`" in line else line
        # Only entities and tabs change what a browser decodes; most lines have neither.
        decoded = written
        if "&" in written or "\t" in written or "\r" in written:
            decoded = re.sub(r"[\t\r\n]", "", html.unescape(written))
        # Every rule needs a tag or attribute list ("<", "{") or a javascript: URL; prose
        # lines have none, and most lines of a guide are prose.
        if "<" not in written and "{" not in written and not _JAVASCRIPT.search(decoded):
            continue
        for pattern, message, use_decoded in LINT_RULES:
            match = pattern.search(decoded if use_decoded else written)
            if match:
                detail = message.format(*match.groups())
                problems.append(f"{path}:{number}: {detail}")
    return problems


def lint_docs(docs_dir: Path, project_dir: Path) -> list[str]:
    """``lint_markdown`` over every Markdown file under ``docs_dir``, paths shown relative to
    ``project_dir`` (e.g. ``docs/guides/x.id.md``)."""
    problems: list[str] = []
    for path in sorted(docs_dir.rglob("*.md")):
        display = path.relative_to(project_dir).as_posix()
        problems.extend(lint_markdown(display, read_source(path, display)))
    return problems


# --- What the templates may run, and the safety check of every built HTML file -----------------

# Material's partials that write inline scripts (base.html includes them). Rendering them with a
# page's own template context gives exactly the scripts the theme writes into that page; nothing
# that content put in the page can be among them.
TEMPLATE_SCRIPT_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "partials/javascripts/announce.html",
    "partials/javascripts/outdated.html",
)
# Attributes whose value the browser follows as a URL (a javascript: URL there runs script).
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
)


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline, executable ``<script>`` element of a page or fragment."""
    parser = _InlineScripts()
    for element in _SCRIPT_ELEMENT.finditer(page_html):
        parser.feed(element.group(0))
    parser.close()
    return parser.scripts


def template_scripts(render: Callable[[str], str]) -> frozenset[str]:
    """The inline scripts the theme's own partials write, ``render(name)`` giving a partial's
    output for the page at hand. Raises ValueError if none of them wrote a script (the theme
    changed: the policy would otherwise silently refuse its scripts)."""
    scripts = frozenset(
        s for name in TEMPLATE_SCRIPT_PARTIALS for s in inline_scripts(render(name))
    )
    if not scripts:
        raise ValueError(
            f"none of {', '.join(TEMPLATE_SCRIPT_PARTIALS)} wrote an inline script; the "
            "theme changed, so update TEMPLATE_SCRIPT_PARTIALS in knowledgebase/security.py"
        )
    return scripts


# Material's search partial writes this on its share button; it runs nothing.
INERT_JAVASCRIPT_URL = "javascript:void(0)"


def _is_javascript_url(value: str) -> bool:
    # As a browser reads a URL: entities decoded, tabs and newlines dropped, case ignored.
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
    return cleaned.startswith(("javascript:", "vbscript:")) and cleaned != INERT_JAVASCRIPT_URL


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _SafetyScan(HTMLParser):
    """Finds, with line numbers, what no published page may carry unless its template put it
    there: inline scripts outside ``allowed``, meta refresh, <base>, on*= handlers, javascript:
    URLs."""

    def __init__(self, allowed: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.problems: list[tuple[int, str]] = []
        self._script: list[str] | None = None
        self._script_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append((line, f"inline event handler attribute '{name}=' on <{tag}>"))
            elif name in URL_ATTRIBUTES and value and _is_javascript_url(value):
                self.problems.append((line, f"'javascript:' URL in <{tag} {name}=>"))
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self.problems.append((line, '<meta http-equiv="refresh"> (a page may not redirect)'))
        elif tag == "base":
            self.problems.append((line, "<base> element (it would change where every link goes)"))
        elif (
            tag == "script"
            and "src" not in values
            and values.get("type", "").strip().lower() in EXECUTABLE_TYPES
        ):
            self._script, self._script_line = [], line

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            source = "".join(self._script)
            if source not in self.allowed:
                self.problems.append(
                    (
                        self._script_line,
                        f"inline <script> the site's templates did not write: {_short(source)!r}",
                    )
                )
            self._script = None


def unsafe_markup(
    source: str, built: str, page_html: str, allowed: frozenset[str] = frozenset()
) -> list[str]:
    """Problems of the built HTML file ``built`` (made from ``source``), as
    ``source: built:line: problem; fix``, sorted by line."""
    scan = _SafetyScan(allowed)
    scan.feed(page_html)
    scan.close()
    fix = (
        "remove it from the source: content is shown, never run, and may not redirect "
        "(site behaviour belongs in overrides/assets/javascripts/, redirects in redirect_maps)"
    )
    return [
        f"{source}: {built}:{line}: {problem}; {fix}" for line, problem in sorted(scan.problems)
    ]
