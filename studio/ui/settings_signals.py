"""The Qt face of the settings: a signal per change, for widgets that follow a setting.

Its own module, below :mod:`studio.ui.context` and :mod:`studio.ui.grammar`, which both need it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from studio.settings import Settings


class SettingsSignals(QObject):
    """Qt face of :class:`studio.settings.Settings`.

    Signals: ``changed(str key, object value)`` after each change.
    """

    changed = Signal(str, object)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        settings.subscribe(self.changed.emit)
