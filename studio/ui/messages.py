"""Messages without widgets.

Any UI code calls ``messages.error(text)`` / ``messages.info(text)``; the main window shows them
(status bar for information, a calm dialog for errors). Messages sent before the window is connected
are kept and delivered when it connects, so nothing said at start-up is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Messages(QObject):
    """The bridge between code that has something to say and the window that says it.

    Signals: ``shown(str level, str text)`` with level "info", "warning" or "error".
    """

    shown = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[str, str]] | None = []

    def connect_view(self, slot: object) -> None:
        """Connect the window's slot and deliver what was said before it existed."""
        self.shown.connect(slot)
        pending, self._pending = self._pending or [], None
        for level, text in pending:
            self.shown.emit(level, text)

    def _say(self, level: str, text: str) -> None:
        if self._pending is not None:
            self._pending.append((level, text))
        else:
            self.shown.emit(level, text)

    def info(self, text: str) -> None:
        self._say("info", text)

    def warning(self, text: str) -> None:
        self._say("warning", text)

    def error(self, text: str) -> None:
        self._say("error", text)
