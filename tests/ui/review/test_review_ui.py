"""The review GUI driven as a person would: comments, Send for review…, pasting a reply code and
the what-changed view (screenshots at 1366x768-sized dialogs, light and dark)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from studio.review import approval, codes, comments
from studio.review.content import content_hash, published_content
from studio.review.pack import build_pack
from studio.ui.context import AppContext
from studio.ui.library import LibraryWorkspace
from studio.ui.review.actions import open_changes, open_reply_dialog, open_send_dialog
from studio.ui.review.comments_panel import CommentsPanel
from studio.ui.theme import apply_theme


def _button(box: QDialogButtonBox, text: str) -> Any:
    return next(b for b in box.buttons() if b.text() == text)


def test_the_comments_panel_adds_replies_resolves_and_points_at_words(
    context: AppContext, qtbot: QtBot, screenshot: Callable[[Any, str], Path]
) -> None:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "Our new roast is smooth and bright.")
    panel = CommentsPanel(library, context.tasks, author="Dewi")
    qtbot.addWidget(panel)
    panel.resize(360, 480)
    panel.show()
    panel.set_draft(draft.id)
    start = draft.text.index("smooth")
    panel.set_selection("post", start, start + 6)
    qtbot.keyClicks(panel.editor, "Say velvety?")
    with qtbot.wait_signal(panel.count_changed) as counted:
        qtbot.mouseClick(panel.comment_button, Qt.MouseButton.LeftButton)
    assert counted.args == [1] and panel.editor.toPlainText() == ""
    item = panel.tree.topLevelItem(0)
    assert "Dewi on “smooth”" in item.text(0) and "Say velvety?" in item.text(0)
    with qtbot.wait_signal(panel.comment_selected) as chosen:
        rect = panel.tree.visualItemRect(item)
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == ["post", start, start + 6]
    qtbot.keyClicks(panel.editor, "Agreed")
    qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    assert [r.body for r in comments.threads(library, draft.id)[0].replies] == ["Agreed"]
    screenshot(panel, "comments-panel.png")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    with qtbot.wait_signal(panel.count_changed) as counted:
        qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert counted.args == [0] and panel.tree.topLevelItemCount() == 0  # resolved threads hidden
    panel.show_resolved.setChecked(True)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.resolve_button.text() == "Reopen"


def test_send_for_review_from_the_library_writes_one_pack_for_the_selected_drafts(
    context: AppContext, qtbot: QtBot, tmp_path: Path, screenshot: Callable[[Any, str], Path]
) -> None:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme")
    first = library.create_draft(client.id, "First post", networks=["mastodon"])
    second = library.create_draft(client.id, "Second post", networks=["x"])
    comments.add(library, first.id, "Shorter, please", "Dewi")
    workspace = LibraryWorkspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(1100, 600)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.model.rowCount() == 2)
    statuses = {workspace.model.draft_id(r): workspace.model.index(r, 2).data() for r in range(2)}
    assert statuses == {first.id: "Draft · 1 comment", second.id: "Draft"}  # the count in the Library
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, Qt.KeyboardModifier.ControlModifier)):
        rect = workspace.table.visualRect(workspace.model.index(row, 1))
        qtbot.mouseClick(workspace.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert sorted(workspace.selected_draft_ids()) == sorted([first.id, second.id])
    assert workspace.selected_draft_ids(second.id)[0] == second.id

    dialog: Any = open_send_dialog(workspace, library, context.tasks, workspace.selected_draft_ids())
    qtbot.addWidget(dialog)
    out = tmp_path / "acme.html"
    dialog.path.setText(str(out))
    dialog.pdf.setChecked(True)
    with qtbot.wait_signal(dialog.sent):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert out.is_file() and out.with_suffix(".pdf").is_file()
    assert "2 posts" in dialog.message.text()
    assert library.query("SELECT count(*) FROM review_packs")[0][0] == 1
    screenshot(dialog, "send-for-review.png")


def test_pasting_a_reply_code_applies_it_and_lists_what_was_not_applied(
    context: AppContext, qtbot: QtBot, tmp_path: Path, screenshot: Callable[[Any, str], Path]
) -> None:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme")
    kept = library.create_draft(client.id, "Approve me")
    edited = library.create_draft(client.id, "Edited later")
    info = build_pack(library, [kept.id, edited.id], tmp_path / "pack.html")
    answers = [[d, "a", content_hash(published_content(library, d))[:12], ""] for d in (kept.id, edited.id)]
    code = codes.make_code(codes.pack_key(info.pack_id), info.pack_id, "Sari", answers)
    library.save_text(edited.id, "Edited later, after the pack")

    dialog: Any = open_reply_dialog(None, library, context.tasks)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.resize(640, 420)
    QApplication.clipboard().setText(f"Hi! Here are my answers:\n{code}")
    dialog.code.setFocus()
    qtbot.keySequence(dialog.code, QKeySequence.StandardKey.Paste)
    with qtbot.wait_signal(dialog.imported):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "1 applied, 1 not applied" in dialog.message.text()
    assert "edited after the pack" in dialog.results.item(1).text()
    assert library.get_draft(kept.id).status == "approved"
    screenshot(dialog, "reply-code.png")
    with qtbot.wait_signal(dialog.imported, raising=False, timeout=200):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "imported already" in dialog.message.text()


def test_the_changes_view_shows_the_diff_and_approves_again(
    context: AppContext, qtbot: QtBot, screenshot: Callable[[Any, str], Path]
) -> None:
    context.tasks.inline = True
    library = context.library
    approval.watch(library)
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "Launch on Monday with free coffee", networks=["mastodon"])
    approval.approve(library, draft.id, "Dewi")
    library.save_text(draft.id, "Launch on Tuesday with free coffee")
    assert library.get_draft(draft.id).status == "in_review"
    for theme in ("light", "dark"):
        apply_theme(QApplication.instance(), theme)  # type: ignore[arg-type]
        dialog: Any = open_changes(None, library, context.tasks, draft.id)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        text = dialog.view.browser.toPlainText()
        assert "no longer holds" in text and "Monday" in text and "Tuesday" in text
        assert dialog.approve_button.isEnabled()
        screenshot(dialog, f"changes-{theme}.png")
        if theme == "dark":
            with qtbot.wait_signal(dialog.approved):
                qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
        dialog.close()
    apply_theme(QApplication.instance(), "light")  # type: ignore[arg-type]
    assert library.get_draft(draft.id).status == "approved" and approval.state(library, draft.id).fresh


def test_the_client_manager_sets_approval_required_and_the_pack_zone(context: AppContext, qtbot: QtBot) -> None:
    from studio.ui.library.client_dialog import ClientManagerDialog

    context.tasks.inline = True
    library = context.library
    client = library.add_client("Strict Co")
    dialog = ClientManagerDialog(library, context.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.current is not None)
    assert not dialog.review.required.isChecked()
    qtbot.mouseClick(dialog.review.required, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.review.zone, "Asia/Jakarta")
    with qtbot.wait_signal(dialog.clients_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert approval.settings(library, client.id) == approval.ReviewSettings(True, "Asia/Jakarta")
    dialog.review.zone.setText("Nowhere/Atlantis")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "not a time zone" in dialog.error.text()
    assert approval.settings(library, client.id).zone == "Asia/Jakarta"  # nothing half-saved
