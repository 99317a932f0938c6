"""What changed since the approval: who approved which version, and a word diff per part, the
images that changed and a moved schedule, before approving again."""

from __future__ import annotations

import getpass
import html
from datetime import UTC
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library.times import parse_iso
from studio.ui import locale_format
from studio.ui.tasks import Tasks
from studio.ui.translation import QT_TRANSLATE_NOOP

_IMAGE_WORDS = {"added": QT_TRANSLATE_NOOP("ChangesView", "added"), "removed": QT_TRANSLATE_NOOP("ChangesView", "removed"),
                "crop": QT_TRANSLATE_NOOP("ChangesView", "cropped differently"),
                "alt": QT_TRANSLATE_NOOP("ChangesView", "new alt text")}


def changes_html(state: Any) -> str:
    """The state of a draft's approval as HTML (removed words struck through in red, added in green)."""
    if state.approval is None:
        return "<p>" + QCoreApplication.translate("ChangesView", "This post was never approved.") + "</p>"
    approval = state.approval
    when = locale_format.moment(parse_iso(approval.approved_at).astimezone(UTC), locale_format.DATE_TIME)
    verdict = (QCoreApplication.translate("ChangesView", "still holds") if state.fresh
               else QCoreApplication.translate("ChangesView", "no longer holds: what would be published changed"))
    out = ["<p>" + QCoreApplication.translate("ChangesView", "%1 approved it on %2 UTC; the approval %3.").replace(
        "%1", f"<b>{html.escape(approval.author)}</b>").replace("%2", when).replace("%3", verdict) + "</p>"]
    if not state.changes:
        out.append("<p>" + QCoreApplication.translate("ChangesView", "Nothing changed since.") + "</p>")
    for part in state.changes.parts:
        words = []
        for kind, text in part.ops:
            shown = html.escape(text).replace("\n", "<br>")
            if kind == "removed":
                words.append(f'<span style="color:#e5534b;text-decoration:line-through">{shown}</span>')
            elif kind == "added":
                words.append(f'<span style="color:#2ea043;font-weight:600">{shown}</span>')
            else:
                words.append(shown)
        out.append(f"<h4>{html.escape(part.label)}</h4><p>{''.join(words)}</p>")
    for image in state.changes.images:
        extra = f": “{html.escape(image.after)}”" if image.kind == "alt" else ""
        change = QCoreApplication.translate("ChangesView", _IMAGE_WORDS[image.kind])
        out.append("<p>" + QCoreApplication.translate("ChangesView", "Image %1 on %2: %3").replace("%1", image.sha[:10]).replace(
            "%2", html.escape(image.network)).replace("%3", change + extra) + "</p>")
    if state.changes.schedule:
        before, after = state.changes.schedule
        out.append("<p>" + QCoreApplication.translate("ChangesView", "Schedule moved from %1 to %2 (UTC).").replace("%1", html.escape(before)).replace(
            "%2", html.escape(after)) + "</p>")
    return "".join(out)


class ChangesView(QWidget):
    """Shows one draft's approval and its changes. Signals: ``loaded(bool fresh)``; ``failed(str)``."""

    loaded = Signal(bool)
    failed = Signal(str)

    def __init__(self, library: Any, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id: int | None = None
        self.state: Any = None
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Changes since the approval"))
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

    def set_draft(self, draft_id: int) -> None:
        from studio.review.approval import state

        self.draft_id = draft_id
        self.tasks.run(state, self.library, draft_id, on_done=lambda found: self._show(draft_id, found),
                       on_error=lambda error: self.failed.emit(in_words(error)))

    def _show(self, draft_id: int, found: Any) -> None:
        if draft_id != self.draft_id:
            return
        self.state = found
        self.browser.setHtml(changes_html(found))
        self.loaded.emit(bool(found.fresh))


class ChangesDialog(QDialog):
    """The :class:`ChangesView` of a draft with "Approve again". Signals: ``approved(int draft_id)``."""

    approved = Signal(int)

    def __init__(self, library: Any, tasks: Tasks, draft_id: int, author: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id = draft_id
        self.author = author or getpass.getuser()
        self.setWindowTitle(self.tr("What changed since the approval"))
        self.resize(620, 460)
        self.view = ChangesView(library, tasks, self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.approve_button = self.buttons.addButton(self.tr("Approve this version"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.approve)
        self.buttons.rejected.connect(self.reject)
        self.view.failed.connect(self.message.setText)
        self.may_approve = self._may_approve(library, draft_id)
        self.view.loaded.connect(lambda fresh: self.approve_button.setEnabled(self.may_approve and not fresh))
        self.view.set_draft(draft_id)

    def _may_approve(self, library: Any, draft_id: int) -> bool:
        """In a team library, a member without the approver role reads why before trying."""
        from studio.team import Refused
        from studio.team.rights import check_approver

        try:
            check_approver(library.connection, [draft_id])
        except Refused as refusal:
            self.message.setText(refusal.for_humans())
            self.approve_button.setToolTip(refusal.message)
            return False
        return True

    def approve(self) -> None:
        from studio.review.approval import approve

        def done(_approval: object) -> None:
            self.approved.emit(self.draft_id)
            self.message.setText(self.tr("Approved by %1.").replace("%1", self.author))
            self.view.set_draft(self.draft_id)

        self.tasks.run(approve, self.library, self.draft_id, self.author, on_done=done,
                       on_error=lambda error: self.message.setText(in_words(error)), pool="writes")
