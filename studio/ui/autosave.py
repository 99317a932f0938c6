"""Autosave: what is typed reaches the library within a second, and nothing is lost on quit.

Usage from an editor (the Write workspace)::

    self.autosaver = Autosaver(context.library, context.tasks, parent=self)
    self.autosaver.track(draft_id)                     # on opening a draft (flushes the previous one)
    editor.textChanged.connect(lambda: self.autosaver.text_changed(editor.toPlainText()))
    self.autosaver.flush()                             # on switching draft or workspace (save_now)
    self.autosaver.flush_now()                         # on close and quit: written before it returns

Each edit restarts a one-second single-shot timer (a pause of one second saves); a second timer,
started by the first unsaved edit and not restarted, saves during continuous typing too, so a
crash loses at most about a second of text. Writes go through the single-thread ``writes`` pool of
:class:`studio.ui.tasks.Tasks`, in order; ``flush_now`` waits for that pool and then writes on the
calling thread. A failed write keeps the text pending (the next edit or flush tries again) and
says why through ``failed``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.errors import in_words
from studio.ui.tasks import Tasks

log = logging.getLogger(__name__)

DELAY_MS = 1000


class Autosaver(QObject):
    """Saves one draft's base text through ``library.save_text``.

    Signals: ``saved(int draft_id)`` after a write that changed the library; ``failed(str message)``
    when a write failed (the text stays pending); ``pending_changed(bool pending)`` when there
    starts or stops being unsaved text (for a "Saved" indicator).
    """

    saved = Signal(int)
    failed = Signal(str)
    pending_changed = Signal(bool)

    def __init__(self, library: Any, tasks: Tasks, parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id: int | None = None
        self._pending: str | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(delay_ms)
        self._pause.timeout.connect(self.flush)
        self._longest = QTimer(self)  # the longest an unsaved edit waits while typing goes on
        self._longest.setSingleShot(True)
        self._longest.setInterval(delay_ms)
        self._longest.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        """Whether there is text not yet handed to the library."""
        return self._pending is not None

    def track(self, draft_id: int | None) -> None:
        """Save what is pending for the current draft, then follow ``draft_id`` (``None``: none)."""
        if draft_id != self.draft_id:
            self.flush()
        self.draft_id = draft_id

    def text_changed(self, text: str) -> None:
        """The editor's text is now ``text``: save it after a pause, or within a second anyway."""
        if self.draft_id is None:
            return
        was_pending = self._pending is not None
        self._pending = text
        self._pause.start()
        if not self._longest.isActive():
            self._longest.start()
        if not was_pending:
            self.pending_changed.emit(True)

    def flush(self) -> None:
        """Hand the pending text to the ``writes`` pool now (returns at once)."""
        taken = self._take()
        if taken is None:
            return
        draft_id, text = taken
        self.tasks.run(
            self.library.save_text, draft_id, text,
            on_done=lambda changed: self._done(draft_id, bool(changed)),
            on_error=lambda error: self._failed(draft_id, text, error),
            pool="writes",
        )

    def flush_now(self) -> None:
        """Write the pending text before returning (close and quit): earlier writes first."""
        self.tasks.writes.waitForDone(-1)
        taken = self._take()
        if taken is None:
            return
        draft_id, text = taken
        try:
            changed = self.library.save_text(draft_id, text)
        except Exception as error:
            self._failed(draft_id, text, error)
            return
        self._done(draft_id, bool(changed))

    def _take(self) -> tuple[int, str] | None:
        """Stop the timers and take the pending text with its draft, if there is one to write."""
        self._pause.stop()
        self._longest.stop()
        if self._pending is None or self.draft_id is None:
            return None
        taken, self._pending = (self.draft_id, self._pending), None
        return taken

    def _done(self, draft_id: int, changed: bool) -> None:
        if self._pending is None:
            self.pending_changed.emit(False)
        if changed:
            self.saved.emit(draft_id)

    def _failed(self, draft_id: int, text: str, error: BaseException) -> None:
        from studio.library import NotFound

        if isinstance(error, NotFound):  # the draft was deleted meanwhile: nothing left to save into
            log.info("Draft %s is gone; its unsaved text is dropped", draft_id)
            if self._pending is None:
                self.pending_changed.emit(False)
            return
        if draft_id == self.draft_id and self._pending is None:
            self._pending = text  # keep it: the next edit or flush tries again
        message = in_words(error, "Could not save the draft")
        log.warning("Autosave of draft %s failed: %s", draft_id, message)
        self.failed.emit(message)
