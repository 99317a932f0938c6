"""One debounce for the GUI: call a function once a burst of triggers pauses (qutebrowser's
``misc/throttle.py`` idea: a single-shot ``QTimer`` instead of work at every key press).

    self._previews = Debounce(300, self._refresh_previews, parent=self)
    self._previews()            # at each change: refreshes 300 ms after the last one
    self._previews.now()        # the pending call at once (no-op when none is pending)

With ``longest_ms``, a burst that never pauses still calls at most ``longest_ms`` after its first
trigger (autosave while someone types without stopping).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Debounce(QObject):
    """Calls ``slot()`` ``delay_ms`` after the last trigger (and, with ``longest_ms``, at most
    ``longest_ms`` after the first trigger of a burst). Calling the object triggers it."""

    def __init__(self, delay_ms: int, slot: Callable[[], object], *, longest_ms: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slot = slot
        self._pause = self._timer(delay_ms)
        self._longest = self._timer(longest_ms) if longest_ms is not None else None

    def _timer(self, msecs: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(self._fire)
        return timer

    def __call__(self) -> None:
        """Trigger: the call happens once triggers pause (or the longest wait is over)."""
        self._pause.start()
        if self._longest is not None and not self._longest.isActive():
            self._longest.start()

    @property
    def pending(self) -> bool:
        """Whether a call is waiting."""
        return self._pause.isActive() or (self._longest is not None and self._longest.isActive())

    def set_delay(self, msecs: int) -> None:
        self._pause.setInterval(msecs)

    def cancel(self) -> None:
        """Forget the waiting call."""
        self._pause.stop()
        if self._longest is not None:
            self._longest.stop()

    def now(self) -> None:
        """Make the waiting call now (a timer's timeout, or a flush); nothing when none waits."""
        if self.pending:
            self._fire()

    def _fire(self) -> None:
        self.cancel()
        self._slot()
