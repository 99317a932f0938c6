"""The LanguageTool download dialog against a real local HTTP server: progress, install, cancel,
no internet, a corrupted archive, and no Java."""

from __future__ import annotations

import hashlib
import http.server
import io
import os
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.grammar.local import find_jar
from studio.ui.grammar_download import GrammarDownloadDialog
from studio.ui.tasks import Tasks


def make_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("LanguageTool-6.8/languagetool-server.jar", b"PK\x05\x06" + b"\0" * 18)
        archive.writestr("LanguageTool-6.8/padding.bin", os.urandom(3_000_000))
    return buffer.getvalue()


class Archive(http.server.BaseHTTPRequestHandler):
    payload = b""
    delay = 0.0  # seconds between 64 KB pieces

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()

    def do_GET(self) -> None:
        self.do_HEAD()
        try:
            for i in range(0, len(self.payload), 65536):
                self.wfile.write(self.payload[i:i + 65536])
                time.sleep(self.delay)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def archive_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[tuple[str, type[Archive]]]:
    payload = make_archive()
    handler = type("Handler", (Archive,), {"payload": payload, "delay": 0.0})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # language-tool-python checks the archive's SHA-256; this is the test archive's.
    monkeypatch.setenv("LTP_DOWNLOAD_SHA256_6_8", hashlib.sha256(payload).hexdigest())
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "downloads"))
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path / "not-here"))
    yield f"http://127.0.0.1:{server.server_address[1]}/LanguageTool-6.8.zip", handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[GrammarDownloadDialog]:
    tasks = Tasks()
    dialogs: list[GrammarDownloadDialog] = []

    def make(url: str) -> GrammarDownloadDialog:
        made = GrammarDownloadDialog(tasks, version="6.8", url=url)
        qtbot.addWidget(made)
        dialogs.append(made)
        return made

    yield make  # type: ignore[misc]
    for made in dialogs:
        made.cancel()
    tasks.wait(30_000)


def test_download_installs_languagetool(qtbot: QtBot, dialog, archive_server, tmp_path: Path, screenshot) -> None:
    url, _ = archive_server
    window = dialog(url)
    window.show()
    screenshot(window, "grammar_download_offer.png")
    with qtbot.wait_signal(window.installed, timeout=60_000) as blocker:
        qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    folder = Path(blocker.args[0])
    assert folder == tmp_path / "downloads" / "LanguageTool-6.8"
    assert window.outcome == "installed"
    # The engine finds it there next time, without LTP_JAR_DIR_PATH pointing at it.
    assert find_jar() == folder / "languagetool-server.jar"


def test_progress_is_shown_and_cancel_installs_nothing(qtbot: QtBot, dialog, archive_server,
                                                      tmp_path: Path, screenshot) -> None:
    url, handler = archive_server
    handler.delay = 0.05  # about 1.3 MB/s: slow enough to cancel half-way
    window = dialog(url)
    window.show()
    window.start()
    qtbot.wait_until(lambda: window.progress is not None and window.progress.done > 0, timeout=30_000)
    qtbot.wait_until(lambda: window.bar.maximum() == 1000 and window.bar.value() > 0, timeout=30_000)
    assert " of " in window.detail.text() and "MB" in window.detail.text()
    screenshot(window, "grammar_download_progress.png")
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: window.outcome == "cancelled", timeout=30_000)
    assert "nothing was installed" in window.detail.text()
    assert not (tmp_path / "downloads" / "LanguageTool-6.8").exists()
    assert window.start_button.isEnabled()


def test_no_internet_says_so(qtbot: QtBot, dialog, screenshot) -> None:
    window = dialog("http://127.0.0.1:9/LanguageTool-6.8.zip")
    window.start()
    qtbot.wait_until(lambda: window.outcome == "failed", timeout=60_000)
    assert "could not be downloaded" in window.detail.text()
    assert "LTP_JAR_DIR_PATH" in window.detail.text()
    assert window.start_button.text() == "Try again"
    window.show()
    screenshot(window, "grammar_download_failed.png")


def test_a_corrupted_archive_is_refused(qtbot: QtBot, dialog, archive_server, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = archive_server
    monkeypatch.setenv("LTP_DOWNLOAD_SHA256_6_8", "0" * 64)
    window = dialog(url)
    window.start()
    qtbot.wait_until(lambda: window.outcome == "failed", timeout=60_000)
    assert "checksum" in window.detail.text().lower()
    assert not (tmp_path / "downloads" / "LanguageTool-6.8").exists()


def test_no_java_is_said_before_downloading(qtbot: QtBot, dialog, archive_server, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = archive_server
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    window = dialog(url)
    window.start()
    qtbot.wait_until(lambda: window.outcome == "failed", timeout=60_000)
    assert "Java 17" in window.detail.text()
    assert not (tmp_path / "downloads").exists()
