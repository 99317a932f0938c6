"""A team conflict is visible: the Library marks the draft's row (icon and tooltip) and counts such
drafts in a button that lists only them; the Write page's notice says which revision holds the
member's text, opens it with Compare, and goes with Dismiss."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.team.local import keep_conflict_copy, open_conflicts
from studio.ui.context import AppContext
from studio.ui.library import LibraryWorkspace
from studio.ui.library.revisions_dialog import RevisionsDialog
from studio.ui.team.conflict_notice import ConflictNotice


def _conflicted(context: AppContext) -> tuple[int, int]:
    """Two drafts; the first one's member text kept as a conflict copy, as a sync does."""
    library = context.library
    acme = library.add_client("Acme")
    draft = library.create_draft(acme.id, "Teks saya: promo hari Jumat.")
    other = library.create_draft(acme.id, "Draf lain tanpa konflik.")
    with library.transaction() as conn:
        keep_conflict_copy(conn, draft.id)
    library.save_text(draft.id, "Teks tim: promo hari Sabtu.")
    return draft.id, other.id


def test_library_marks_and_filters_conflicted_drafts(context: AppContext, qtbot: QtBot,
                                                     screenshot: Callable[[Any, str], Path]) -> None:
    context.tasks.inline = True
    draft_id, _other = _conflicted(context)
    workspace = LibraryWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 600)
    workspace.show()
    model = workspace.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    row = model.row_of(draft_id)
    assert row is not None
    number = open_conflicts(context.library.connection)[draft_id].number
    assert model.data(model.index(row, 1), Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole) == (
        f"Your text and a teammate's overlapped: yours is kept as revision {number}.")
    other_row = 1 - row
    assert model.data(model.index(other_row, 1), Qt.ItemDataRole.DecorationRole) is None

    button = workspace.conflicts
    assert button.isVisible() and button.text() == "1 conflict"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.draft_id(0) == draft_id
    screenshot(workspace, "library-conflict-filter.png")

    # Dismissed from the Write page's notice: the mark, the count and the filter go.
    notice = ConflictNotice(context.library, context.tasks)
    qtbot.addWidget(notice)
    notice.show_for(draft_id)
    with qtbot.waitSignal(notice.dismissed):
        qtbot.mouseClick(notice.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not button.isVisible())
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert model.data(model.index(model.row_of(draft_id) or 0, 1), Qt.ItemDataRole.DecorationRole) is None


def test_notice_says_which_revision_compares_and_dismisses(context: AppContext, qtbot: QtBot,
                                                            screenshot: Callable[[Any, str], Path]) -> None:
    context.tasks.inline = True
    draft_id, other = _conflicted(context)
    conflict = open_conflicts(context.library.connection)[draft_id]
    notice = ConflictNotice(context.library, context.tasks)
    qtbot.addWidget(notice)
    notice.resize(700, 40)
    notice.show_for(other)
    assert notice.isHidden()
    notice.show_for(draft_id)
    assert notice.isVisible()
    assert notice.message.text() == (
        f"Your text and a teammate's overlapped: yours is kept as revision {conflict.number}.")
    screenshot(notice, "conflict-notice.png")

    seen: list[str] = []

    def look() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RevisionsDialog) and w.isVisible())
        chosen = dialog.revisions[dialog.list.currentRow()]
        seen.append(chosen.text)
        screenshot(dialog, "conflict-compare.png")
        dialog.reject()

    QTimer.singleShot(200, look)
    with qtbot.waitSignal(notice.compared):
        qtbot.mouseClick(notice.compare_button, Qt.MouseButton.LeftButton)
    assert seen == ["Teks saya: promo hari Jumat."]

    qtbot.mouseClick(notice.dismiss_button, Qt.MouseButton.LeftButton)
    assert notice.isHidden()
    assert open_conflicts(context.library.connection) == {}
    notice.show_for(draft_id)
    assert notice.isHidden()


def test_write_page_shows_the_notice_of_the_open_post(context: AppContext, qtbot: QtBot,
                                                      screenshot: Callable[[Any, str], Path]) -> None:
    from studio.ui.write.page import WriteWorkspace

    context.tasks.inline = True
    draft_id, other = _conflicted(context)
    page = WriteWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.ready, timeout=10_000)
    page.open_draft(other)
    qtbot.waitUntil(lambda: page.opened is not None and page.opened.draft.id == other)
    assert page.conflict_notice.isHidden()
    page.open_draft(draft_id)
    qtbot.waitUntil(lambda: page.opened is not None and page.opened.draft.id == draft_id)
    assert page.conflict_notice.isVisible() and "revision" in page.conflict_notice.message.text()
    assert page.editor.text() == "Teks tim: promo hari Sabtu."  # the team's text stays the text
    screenshot(page, "write-conflict-notice.png")
    qtbot.mouseClick(page.conflict_notice.dismiss_button, Qt.MouseButton.LeftButton)
    assert page.conflict_notice.isHidden()
