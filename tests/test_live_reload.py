"""`make serve` tells the truth: a mistake is reported every time it is made (not once per
process), and edits to data/ and overrides/ rebuild the site like edits to docs/."""

from __future__ import annotations

import logging
import os
import queue
import socket
import subprocess
import sys
import threading
import time

import live_reload
import mkdocs.commands.build
import pytest
from mkdocs.utils import DuplicateFilter
from support import guide_pair, make_project
from test_parity import BASE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`mkdocs serve --strict` of a project in a child process, its log read line by line."""

    def __init__(self, project) -> None:  # type: ignore[no-untyped-def]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr"]
        self.proc = subprocess.Popen(
            [*command, f"127.0.0.1:{free_port()}"],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._new: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self._new.put(line.rstrip())

    def wait_for(self, text: str, count: int = 1, timeout: float = 60) -> list[str]:
        """Wait until ``text`` has appeared in ``count`` lines of the log; returns the log."""
        deadline = time.monotonic() + timeout
        while sum(text in line for line in self.lines) < count:
            try:
                self.lines.append(self._new.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                log = "\n".join(self.lines)
                raise AssertionError(f"never saw {count} x {text!r}:\n{log}") from None
        return self.lines

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)


@pytest.fixture
def served(tmp_path):  # type: ignore[no-untyped-def]
    project = make_project(tmp_path, {**BASE, **guide_pair("alpha")})
    server = Server(project)
    try:
        server.wait_for("Serving on")
        yield project, server
    finally:
        server.stop()


def test_the_same_mistake_is_reported_on_every_rebuild_and_data_edits_rebuild(served):
    """A front matter mistake made twice in one `make serve` run names the file and field both
    times (MkDocs alone printed only "Aborted with a BuildError!" the second time); the server
    says it watches data/ and overrides/, and an edit under data/ rebuilds."""
    project, server = served
    watching = next(line for line in server.lines if "Watching paths for changes" in line)
    assert "'data'" in watching and "'overrides'" in watching, watching
    guide = project / "docs" / "guides" / "alpha.en.md"
    good = guide.read_text(encoding="utf-8")
    bad = good.replace("reviewed: 2026-12-02", "reviewed: soon", 1)
    assert bad != good
    error = "docs/guides/alpha.en.md: 'reviewed': must be a date written YYYY-MM-DD"
    for attempt in (1, 2):
        guide.write_text(bad + "\n" * attempt, encoding="utf-8")
        server.wait_for(error, count=attempt)
    guide.write_text(good, encoding="utf-8")
    server.wait_for("Documentation built", count=2)
    ui = project / "data" / "ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    server.wait_for("Documentation built", count=3)


def test_mkdocs_still_deduplicates_through_the_filter_the_hook_removes():
    """Fails loudly on an MkDocs upgrade that moves the duplicate filter: it is a
    ``mkdocs.utils.DuplicateFilter`` on the build logger, which the serve hook takes off."""
    assert mkdocs.commands.build.log.name == live_reload.BUILD_LOGGER
    logger = logging.getLogger("kb-test-live-reload")
    logger.addFilter(DuplicateFilter())
    record = logging.LogRecord("x", logging.ERROR, "f", 1, "same", None, None)
    assert logger.filter(record) and not logger.filter(record)
    assert live_reload.remove_duplicate_filters(logger) == 1
    assert logger.filter(record) and logger.filter(record)
