"""The notice of a team conflict: when a sync merged a teammate's edit over the member's own in the
same words, the team's text stays and the member's is kept as a revision (studio.team.local). The
Write page shows :class:`ConflictNotice` above the editor; the Library marks the draft's row and
offers :class:`ConflictsFilter`, a button that counts such drafts and lists only them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from studio.errors import in_words
from studio.team.local import Conflict, dismiss_conflicts, open_conflicts
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library


def conflict_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class ConflictNotice(QFrame):
    """"Your text and a teammate's overlapped: yours is kept as revision N", with Compare and
    Dismiss; hidden while the draft shown has no open conflict.

    Signals: ``dismissed(int draft_id)`` after Dismiss; ``compared(int draft_id)`` after the
    revisions dialog closes (a restore there may have changed the draft: the editor reloads it).
    """

    dismissed = Signal(int)
    compared = Signal(int)

    def __init__(self, library: Library, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.conflict: Conflict | None = None
        self.setObjectName("conflictNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Team conflict"))
        self.icon = QLabel()
        self.icon.setPixmap(conflict_icon().pixmap(18, 18))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Open the draft's revisions with your kept text chosen"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.dismiss_button)
        self.compare_button.clicked.connect(self.compare)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()

    def show_for(self, draft_id: int | None) -> None:
        """Show the notice when ``draft_id`` has a conflict not dismissed yet; hide it otherwise
        (one indexed query: fine on the UI thread when a draft opens or syncs)."""
        found = open_conflicts(self.library.connection, [draft_id]) if draft_id is not None else {}
        self.conflict = found.get(draft_id) if draft_id is not None else None
        if self.conflict is None:
            self.hide()
            return
        self.message.setText(self.tr("Your text and a teammate's overlapped: yours is kept as revision %n.", "",
                                     self.conflict.number))
        self.show()

    def compare(self) -> None:
        if self.conflict is None:
            return
        from studio.ui.library.revisions_dialog import RevisionsDialog

        draft_id = self.conflict.draft_id
        dialog = RevisionsDialog(self.library, self.tasks, draft_id, self)
        dialog.choose(self.conflict.revision_id)
        dialog.exec()
        self.compared.emit(draft_id)

    def dismiss(self) -> None:
        if self.conflict is None:
            return
        draft_id = self.conflict.draft_id
        try:
            with self.library.transaction() as conn:
                dismiss_conflicts(conn, draft_id)
        except Exception as error:  # the library could not be written: say so, keep the notice
            self.message.setText(in_words(error, self.tr("Studio could not dismiss the notice")))
            return
        self.library.changed("draft", draft_id)
        self.conflict = None
        self.hide()
        self.dismissed.emit(draft_id)


class ConflictsFilter(QToolButton):
    """A checkable button that says how many drafts hold a conflict copy not dismissed yet (hidden
    when none); checked, the Library lists only those drafts.

    Signals: ``ids_changed(tuple)`` with the drafts to list (an empty tuple: no restriction).
    """

    ids_changed = Signal(tuple)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.ids: tuple[int, ...] = ()
        self.setCheckable(True)
        self.setIcon(conflict_icon())
        self.setToolButtonStyle(self.toolButtonStyle().ToolButtonTextBesideIcon)
        self.setAccessibleName(self.tr("Drafts with a team conflict"))
        self.setToolTip(self.tr("List only the drafts where a teammate's edit overlapped yours"))
        self.toggled.connect(lambda _checked: self.ids_changed.emit(self.wanted()))
        self.hide()

    def refresh(self) -> None:
        """Count again (after a sync or a dismissal); unchecks itself when none are left."""
        self.ids = tuple(sorted(open_conflicts(self.library.connection)))
        count = len(self.ids)
        self.setText(self.tr("1 conflict") if count == 1 else self.tr("%n conflicts", "", count))
        self.setMinimumWidth(self.sizeHint().width())  # the corner bar squeezes its buttons: never this count
        self.setVisible(bool(self.ids))
        if not self.ids and self.isChecked():
            self.setChecked(False)
        elif self.isChecked():
            self.ids_changed.emit(self.wanted())

    def wanted(self) -> tuple[int, ...]:
        return self.ids if self.isChecked() else ()
