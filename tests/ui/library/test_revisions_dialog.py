"""Browsing a draft's history, restoring a version and undoing the restore."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio.ui.context import AppContext
from studio.ui.library.revisions_dialog import RevisionsDialog


def test_browse_restore_and_undo(context: AppContext, qtbot: QtBot) -> None:
    context.tasks.inline = True
    library = context.library
    draft = library.create_draft(library.add_client("Acme").id, "first version")
    library.save_text(draft.id, "second version")
    library.set_variant(draft.id, "bluesky", "short for bluesky")
    dialog = RevisionsDialog(library, context.tasks, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 3
    assert "now" in dialog.list.item(0).text() and not dialog.restore_button.isEnabled()
    assert "[bluesky]" in dialog.preview.toPlainText()
    dialog.list.setCurrentRow(2)
    assert dialog.preview.toPlainText() == "first version"
    with qtbot.waitSignal(dialog.restored):
        dialog.restore_button.click()
    restored = library.get_draft(draft.id)
    assert restored.text == "first version" and restored.variants == {}
    assert dialog.undo_button.isEnabled() and dialog.list.count() == 4
    with qtbot.waitSignal(dialog.restored):
        dialog.undo_button.click()
    back = library.get_draft(draft.id)
    assert back.text == "second version" and back.variants["bluesky"].text == "short for bluesky"
    assert not dialog.undo_button.isEnabled()
