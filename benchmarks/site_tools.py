"""Building the real site into a folder and serving a built site the way GitHub Pages does.

Shared by the report scripts (``audit.py``, ``size_report.py``) and the test fixtures
(``tests/support.py``), so audits and tests see the same server behaviour: gzip for text
(when the client accepts it), ``Cache-Control: max-age=600``, a 301 from a folder URL without
its slash, and the site's root ``404.html`` with status 404 for anything missing.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


def build(site: Path, site_url: str | None = None) -> None:
    """Strict build of the real site into ``site`` (raises CalledProcessError on failure)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run([*command, "--site-dir", str(site)], cwd=ROOT, env=env, check=True)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site under ``prefix`` (a project site is served under /REPO/)."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return self._file(Path(self.directory) / "404.html", 404)
        rel = "/" + path[len(self.prefix) :]
        local = Path(self.translate_path(rel))
        if local.is_dir() and not rel.endswith("/"):
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            return self._file(Path(self.directory) / "404.html", 404)
        return self._file(local, 200)

    def _file(self, path: Path, status: int):  # type: ignore[no-untyped-def]
        body = path.read_bytes()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        zipped = accepts and path.suffix in COMPRESSIBLE
        if zipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return BytesIO(body)


@contextmanager
def serve(site_dir: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (a free port) under ``prefix``; yields the base URL."""
    handler = type("Handler", (PagesHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
