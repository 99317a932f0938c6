"""The Qt face of the library's change hook."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from studio.library import Library
    from studio.library.store import Change


class LibrarySignals(QObject):
    """Re-emits ``library.subscribe`` changes as a signal, delivered on this object's (the GUI)
    thread whichever thread committed the change.

    Signals: ``changed(str kind, object id)`` with kind "draft", "client", "account", "schedule",
    "asset", "preset" or "library" (anything may have changed; reload).
    """

    changed = Signal(str, object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = library.subscribe(self._heard)

    def _heard(self, change: Change) -> None:
        # RuntimeError: the C++ object is gone (closing), nobody is listening any more.
        with contextlib.suppress(RuntimeError):
            self.changed.emit(change.kind, change.id)

    def detach(self) -> None:
        """Stop listening to the library (before it closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
