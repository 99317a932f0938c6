"""Changes committed on any thread arrive as signals on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.ui.library.signals import LibrarySignals


def test_a_write_on_a_worker_thread_is_heard_on_the_gui_thread(library: Library, qtbot: QtBot) -> None:
    signals = LibrarySignals(library)
    heard: list[tuple[str, object, bool]] = []
    app = QCoreApplication.instance()
    assert app is not None
    signals.changed.connect(lambda kind, ident: heard.append((kind, ident, QThread.currentThread() is app.thread())))
    client = library.add_client("Acme")
    heard.clear()
    worker = threading.Thread(target=lambda: library.create_draft(client.id, "from a worker"))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == [("draft", 1, True)]
    signals.detach()
    library.create_draft(client.id, "not heard")  # on this thread: it would be heard at once
    assert len(heard) == 1
