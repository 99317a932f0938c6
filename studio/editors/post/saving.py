"""Saving what the Write workspace changes besides the base text: network versions and threads
(the base text goes through the library's autosave). Writes run on the single-thread "writes" pool
a moment after the last change, and synchronously when the workspace must save now."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.errors import in_words
from studio.ui.tasks import Tasks

log = logging.getLogger(__name__)


class VariantSaver(QObject):
    """Collects the latest version/thread of each network of one draft and writes them.

    Signals: ``failed(str message)`` when the library refuses a write (the text stays on screen).
    """

    failed = Signal(str)

    def __init__(self, library: Any, tasks: Tasks, parent: QObject | None = None, delay_ms: int = 800) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id: int | None = None
        self._pending: dict[tuple[str, str], Callable[[], None]] = {}
        self._last_failure = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._write_later)

    def track(self, draft_id: int | None) -> None:
        """Save what is pending for the previous draft, then follow ``draft_id``."""
        self.flush()
        self.draft_id = draft_id

    def variant(self, network: str, text: str | None) -> None:
        """``network``'s own text (``None``: it uses the base text again)."""
        self._queue(("variant", network), "set_variant", network, text)

    def thread_parts(self, network: str, parts: list[str]) -> None:
        """``network``'s thread (empty: no thread)."""
        self._queue(("variant", network), "set_thread", network, list(parts))

    def targets(self, networks: list[str]) -> None:
        """The networks this draft is for."""
        draft_id = self.draft_id
        if draft_id is None:
            return

        def write() -> None:
            self.library.update_draft(draft_id, networks=networks)

        self._pending[("targets", "")] = write
        self._timer.start()

    def _queue(self, key: tuple[str, str], method: str, network: str, value: object) -> None:
        draft_id = self.draft_id
        if draft_id is None:
            return

        def write() -> None:
            getattr(self.library, method)(draft_id, network, value)

        self._pending[key] = write
        self._timer.start()

    def pending(self) -> bool:
        return bool(self._pending)

    def _write_later(self) -> None:
        writes, self._pending = list(self._pending.values()), {}

        def run_all() -> None:
            for write in writes:
                write()

        self.tasks.run(run_all, pool="writes", on_error=self._failed)

    def flush(self) -> None:
        """Write everything pending now, on this thread (switch, close, quit)."""
        self._timer.stop()
        writes, self._pending = list(self._pending.values()), {}
        self.tasks.writes.waitForDone(10_000)  # earlier writes first, in order
        for write in writes:
            try:
                write()
            except Exception as error:  # reported, never lost silently
                self._failed(error)

    def _failed(self, error: BaseException) -> None:
        log.warning("Saving a network version failed: %s", error)
        message = in_words(error, "Studio could not save a network version")
        if message != self._last_failure:  # say it once, not at every keystroke
            self._last_failure = message
            self.failed.emit(message)
