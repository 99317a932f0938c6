"""The system tray: keeps publishing while the window is closed, with a notification for each post
published or failed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from studio.ui.publishing.service import PublishingService, describe

if TYPE_CHECKING:
    from studio.publishing.runner import Result


class PublishingTray(QObject):
    """A tray icon with "Open Studio", "Publish due posts now" and "Quit".

    Signals: ``open_requested()``, ``quit_requested()``; ``notified(str title, str text)`` after each
    notification (also when the platform has no tray, so tests and logs see them).
    """

    open_requested = Signal()
    quit_requested = Signal()
    notified = Signal(str, str)

    def __init__(self, service: PublishingService, icon: QIcon, handle_of: Callable[[int], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.handle_of = handle_of or (lambda account_id: "")
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("Studio")
        menu = QMenu()
        self.menu = menu
        open_action = QAction(self.tr("Open Studio"), menu)
        open_action.triggered.connect(self.open_requested)
        publish_action = QAction(self.tr("Publish due posts now"), menu)
        publish_action.triggered.connect(service.run_now)
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(self.quit_requested)
        for action in (open_action, publish_action, quit_action):
            menu.addAction(action)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        service.result.connect(self._notify)
        service.tokens_expiring.connect(self._tokens)
        service.state_changed.connect(lambda text: self.icon.setToolTip(f"Studio: {text}" if text else "Studio"))

    def show(self) -> None:
        if self.available:
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def _notify(self, result: Result) -> None:
        if result.state not in ("published", "failed-permanent", "uncertain"):
            return  # a retry later is not news; the panel shows it
        title, text = describe(result, self.handle_of(result.account_id))
        kind = (QSystemTrayIcon.MessageIcon.Information if result.state == "published"
                else QSystemTrayIcon.MessageIcon.Warning)
        if self.available and self.icon.isVisible():
            self.icon.showMessage(title, text, kind, 8000)
        self.notified.emit(title, text)

    def _tokens(self, warnings: list[str]) -> None:
        if warnings and self.icon.isVisible():
            self.icon.showMessage(self.tr("Reconnect soon"), " ".join(warnings), QSystemTrayIcon.MessageIcon.Warning, 12000)
