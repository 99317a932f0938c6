"""Autosave survives a crash: a real GUI process types into a real editor wired to the Write page's
real DraftSaver and is killed with SIGKILL mid-typing; the library then holds the text as it was at
most two seconds before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.library import Library

ROOT = Path(__file__).resolve().parents[2]

TYPIST = r'''
"""Types TEXT into a QPlainTextEdit wired to the DraftSaver, one character every 15 ms, and logs
"<characters typed> <time>" after each one, until it is killed."""
import os, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from studio.library import Library
from studio.ui.write.saver import DraftSaver
from studio.ui.tasks import Tasks

folder, draft_id, log_path, text = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
app = QApplication(sys.argv[:1])
library = Library.open(folder)
tasks = Tasks(app)
editor = QPlainTextEdit()
editor.show()
saver = DraftSaver(library, tasks, editor)
saver.track(draft_id)
editor.textChanged.connect(lambda: saver.text_changed(editor.toPlainText()))
log = open(log_path, "a", buffering=1)
typed = 0

def type_one():
    global typed
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text[typed % len(text)])
    typed += 1
    log.write(f"{typed} {time.time()}\n")

timer = QTimer()
timer.timeout.connect(type_one)
timer.start(15)
app.exec()
'''


def _typed_text(base: str, count: int) -> str:
    return "".join(base[i % len(base)] for i in range(count))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_text_survives_sigkill_mid_typing(library_dir: Path, tmp_path: Path) -> None:
    with Library.open(library_dir) as library:
        draft_id = library.create_draft(library.add_client("Acme").id, "").id
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    progress = tmp_path / "progress.log"
    base = "The quick brown fox jumps over the lazy dog; ünïcödé 👋🏽 too. "
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, str(script), str(library_dir), str(draft_id), str(progress), base],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # Let it type for a while (at least three seconds of typing and a few hundred characters),
        # then kill it while it is typing.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            lines = progress.read_text().splitlines() if progress.exists() else []
            if len(lines) > 50 and float(lines[-1].split()[1]) - float(lines[0].split()[1]) > 3.5:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the typist did not type")
        killed_at = time.time()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log = [(int(count), float(when)) for count, when in (line.split() for line in progress.read_text().splitlines()
                                                         if len(line.split()) == 2)]
    typed_by = [count for count, when in log if when <= killed_at - 2.0]
    assert typed_by, "no typing logged two seconds before the kill"
    with Library.open(library_dir) as library:
        saved = library.get_draft(draft_id).text
    total = log[-1][0]
    assert _typed_text(base, total + 1).startswith(saved)  # what was saved is what was typed
    assert len(saved) >= max(typed_by), (
        f"saved {len(saved)} characters; {max(typed_by)} had been typed two seconds before the kill"
    )
