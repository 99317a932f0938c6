"""The review actions of the Library's drafts list (its context menu calls :func:`add_review_actions`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu, QWidget

from studio.ui.locale_format import counted


def add_review_actions(menu: QMenu, parent: QWidget, library: Any, tasks: Any, draft_ids: list[int],
                       on_error: Any) -> None:
    """"Send for review…" (the selected drafts), "What changed since approval…", "Approve" (the
    clicked draft) and "Import reply code…"."""
    review = menu.addMenu(QCoreApplication.translate("ReviewActions", "Review"))
    count = len(draft_ids)
    review.addAction(counted(count, QCoreApplication.translate("ReviewActions", "Send for review… (1 post)"),
                             QCoreApplication.translate("ReviewActions", "Send for review… (%1 posts)")),
                     lambda: open_send_dialog(parent, library, tasks, draft_ids))
    review.addAction(QCoreApplication.translate("ReviewActions", "What changed since approval…"), lambda: open_changes(parent, library, tasks, draft_ids[0]))
    review.addAction(QCoreApplication.translate("ReviewActions", "Approve"), lambda: _approve(library, tasks, draft_ids, on_error))
    review.addSeparator()
    review.addAction(QCoreApplication.translate("ReviewActions", "Import reply code…"), lambda: open_reply_dialog(parent, library, tasks))
    from studio.team.rights import roles

    if roles(library.connection) is not None:  # a team library: who moved the draft, and when
        review.addAction(QCoreApplication.translate("ReviewActions", "Status changes in the team…"),
                         lambda: open_status_changes(parent, library, tasks, draft_ids[0]))


def _approve(library: Any, tasks: Any, draft_ids: list[int], on_error: Any) -> bool:
    """Approve ``draft_ids`` on the writes pool; in a team library a member without the approver
    role is told so at once, before anything is tried (the team database would refuse it). Returns
    whether the approval was started."""
    import getpass

    from studio.review.approval import approve
    from studio.team import Refused
    from studio.team.rights import check_approver

    try:
        check_approver(library.connection, draft_ids)
    except Refused as refusal:
        on_error(refusal)
        return False
    member = library.query("SELECT value FROM team_state WHERE key = 'member'")
    author = str(member[0][0]) if member else getpass.getuser()

    def work() -> None:
        for draft_id in draft_ids:
            approve(library, draft_id, author)

    tasks.run(work, on_error=on_error, pool="writes")
    return True


def open_status_changes(parent: QWidget, library: Any, tasks: Any, draft_id: int) -> QWidget:
    from studio.ui.team.audit_dialog import StatusChangesDialog

    dialog = StatusChangesDialog(library, tasks, draft_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_send_dialog(parent: QWidget, library: Any, tasks: Any, draft_ids: list[int]) -> QWidget:
    from studio.ui.review.send_dialog import SendForReviewDialog

    dialog = SendForReviewDialog(library, tasks, draft_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_changes(parent: QWidget, library: Any, tasks: Any, draft_id: int) -> QWidget:
    from studio.ui.review.changes_view import ChangesDialog

    dialog = ChangesDialog(library, tasks, draft_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_reply_dialog(parent: QWidget, library: Any, tasks: Any) -> QWidget:
    from studio.ui.review.reply_dialog import ReplyCodeDialog

    dialog = ReplyCodeDialog(library, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
