"""The team library in the app: the sync engine's life, the status bar's sync indicator, File -> Team.

Nothing of PostgreSQL is imported while the library is not linked to a team: an unlinked Studio
starts and idles as before.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from studio.errors import in_words
from studio.ui.locale_format import counted
from studio.ui.translation import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LABELS = {
    "up to date": QT_TRANSLATE_NOOP("TeamFace", "Team: up to date"),
    "syncing": QT_TRANSLATE_NOOP("TeamFace", "Team: syncing…"),
    "offline": QT_TRANSLATE_NOOP("TeamFace", "Team: offline"),
    "conflict": QT_TRANSLATE_NOOP("TeamFace", "Team: conflict"),
    "refused": QT_TRANSLATE_NOOP("TeamFace", "Team: refused"),
}


def describe(state: str, waiting: int) -> str:
    """The indicator's words for a sync status."""
    if state in ("waiting", "offline") and waiting:
        suffix = ", " + counted(waiting, QCoreApplication.translate("TeamFace", "1 change waiting"), QCoreApplication.translate("TeamFace", "%1 changes waiting"))
        return (QCoreApplication.translate("TeamFace", "Team: offline") if state == "offline" else QCoreApplication.translate("TeamFace", "Team")) + suffix
    return QCoreApplication.translate("TeamFace", LABELS.get(state, "Team"))


class TeamFace(QObject):
    """Owns the library's :class:`~studio.team.engine.SyncEngine` while the window lives.

    Signals: ``status_changed(str state, int waiting, str message)`` on the GUI thread, after each
    change of the engine's status.
    """

    status_changed = Signal(str, int, str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.engine: Any = None
        self._conflicts_told = 0
        self.status_changed.connect(self._show)

    def linked(self) -> bool:
        rows = self.window.context.library.query("SELECT 1 FROM team_state WHERE key = 'url'")
        return bool(rows)

    def start(self) -> None:
        """Start syncing when the library is linked (the engine is built off the UI thread: the
        keyring may take a moment)."""
        self.window.team_label.setVisible(self.linked())
        if self.engine is None and self.linked():
            self.window.team_label.setText(self.tr("Team: connecting…"))
            self.window.context.tasks.run(self._make_engine, on_done=self._engine_ready, on_error=self._failed)

    def _make_engine(self) -> Any:
        from studio.team import lean_driver

        lean_driver()  # the system's libpq when there is one: an idle engine stays light
        from studio.team.engine import SyncEngine

        engine = SyncEngine(self.window.context.library)
        engine.listeners.append(lambda status: self.status_changed.emit(status.state, status.waiting, status.message))
        engine.start()
        return engine

    def _engine_ready(self, engine: Any) -> None:
        self.engine = engine

    def _failed(self, error: BaseException) -> None:
        self.window.team_label.setText(self.tr("Team: not syncing"))
        self.window.team_label.setToolTip(in_words(error, self.tr("Studio could not start syncing")))

    def restart(self) -> None:
        self.close()
        self.start()

    def close(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            engine.close()

    def _show(self, state: str, waiting: int, message: str) -> None:
        label = self.window.team_label
        label.setVisible(True)
        label.setText(describe(state, waiting))
        label.setToolTip(message or self.tr("Team sync"))
        if state == "up to date":  # a refused change kept here stays in view until the team moves on
            from studio.errors import StudioError
            from studio.team.rights import refused

            try:
                kept = refused(self.window.context.library.connection)
            except StudioError:  # the library closed meanwhile (quitting)
                kept = []
            if kept:
                label.setText(self.tr("Team: refused (kept here)"))
                label.setToolTip("\n".join(refusal.sentence for refusal in kept))
        if state == "refused" and message:
            self.window.show_message("warning", message)
        if state == "conflict":
            count = int(self.window.context.library.query(
                "SELECT count(*) FROM team_conflicts WHERE seen = 0")[0][0])
            if count > self._conflicts_told:
                self._conflicts_told = count
                self.window.show_message(
                    "warning", self.tr("A teammate changed the same sentence: the team's text stays, yours is kept "
                                       "in the draft's revisions as a conflict copy."))

    def open_dialog(self) -> None:
        from studio.ui.team.dialog import TeamDialog

        TeamDialog(self, self.window).exec()
