"""The client manager: add, rename, colour, language, brand rules, dictionary, ignored rules, archive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from studio.ui.context import AppContext
from studio.ui.library.client_dialog import ClientManagerDialog, parse_banned


def _dialog(context: AppContext, qtbot: QtBot) -> ClientManagerDialog:
    context.tasks.inline = True
    dialog = ClientManagerDialog(context.library, context.tasks)
    # A test that ends with edits unsaved (or failed) must not wait for an answer when it closes.
    qtbot.addWidget(dialog, before_close_func=lambda widget: setattr(widget, "_baseline", None))
    dialog.show()
    return dialog


def test_add_and_edit_a_client(context: AppContext, qtbot: QtBot) -> None:
    dialog = _dialog(context, qtbot)
    assert not dialog.form_area.isEnabled()
    qtbot.keyClicks(dialog.new_name, "Kettle Co")
    with qtbot.waitSignal(dialog.clients_changed):
        dialog.add_button.click()
    assert dialog.list.count() == 1 and dialog.name.text() == "Kettle Co"
    dialog.name.setText("Teapot Ltd")
    dialog._set_colour("#123456")
    assert dialog.language.currentText() == "English (US)"  # languages by name, not code
    dialog.language.setFocus()
    qtbot.keyClicks(dialog.language, "German")  # a person types the start of the name
    assert dialog.language.currentText() == "German (Germany)"
    dialog.banned.setPlainText("cheap => affordable\nsynergy")
    dialog.required.setText("#tea, kettle")
    dialog.max_hashtags.setValue(3)
    dialog.all_caps.setChecked(True)
    dialog.notes.setPlainText("Warm, never pushy.")
    dialog.dictionary.setPlainText("Teapotly\nOolong\nTeapotly")
    dialog.ignored_rules.setPlainText(" EN_QUOTES \n\nPASSIVE_VOICE")
    dialog.add_snippet("sign-off", "— the Teapot team")
    dialog.add_snippet("tags", "#tea #oolong")
    dialog.add_snippet_button.click()  # an empty row, ignored on save
    dialog.snippets.selectRow(1)
    dialog.remove_snippet()
    with qtbot.waitSignal(dialog.clients_changed):
        dialog.save_button.click()
    client = context.library.list_clients()[0]
    assert (client.name, client.colour, client.language) == ("Teapot Ltd", "#123456", "de-DE")
    rules = client.brand_rules
    assert rules.banned == {"cheap": "affordable", "synergy": ""}
    assert rules.required_hashtags == ("#tea", "#kettle") and rules.max_hashtags == 3 and rules.forbid_all_caps
    assert rules.notes == "Warm, never pushy."
    assert set(client.dictionary) == {"Oolong", "Teapotly", "Teapot", "Ltd", "tea", "kettle", "affordable"}
    assert client.ignored_rules == ("EN_QUOTES", "PASSIVE_VOICE")
    assert [(s.name, s.text) for s in client.snippets] == [("sign-off", "— the Teapot team")]
    assert dialog.list.item(0).text() == "Teapot Ltd"


def test_archive_and_show_archived(context: AppContext, qtbot: QtBot) -> None:
    context.library.add_client("Old Client")
    dialog = _dialog(context, qtbot)
    dialog.archived.setChecked(True)
    dialog.save_button.click()
    assert context.library.list_clients() == []
    assert dialog.list.count() == 0
    dialog.show_archived.setChecked(True)
    assert dialog.list.count() == 1 and "(archived)" in dialog.list.item(0).text()
    dialog.archived.setChecked(False)
    dialog.save_button.click()
    assert [c.name for c in context.library.list_clients()] == ["Old Client"]


def test_a_clash_is_explained_and_nothing_changes(context: AppContext, qtbot: QtBot) -> None:
    context.library.add_client("Acme")
    context.library.add_client("Beta")
    dialog = _dialog(context, qtbot)
    dialog.name.setText("beta")
    dialog.save_button.click()
    assert dialog.error.isVisible() and "already a client called" in dialog.error.text()
    assert sorted(c.name for c in context.library.list_clients()) == ["Acme", "Beta"]
    dialog.name.setText("   ")
    dialog.save_button.click()
    assert "needs a name" in dialog.error.text()
    dialog.name.setText("Acme")  # as loaded: nothing to ask about when the test closes it


def test_parse_banned() -> None:
    assert parse_banned(" a => b \n\n c=>\nd") == {"a": "b", "c": "", "d": ""}


def _answer(qtbot: QtBot, button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Answer the next question box with ``button`` (as a person clicking it) and note its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), "no question was asked"
        asked.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, click)


def test_closing_with_unsaved_edits_asks(context: AppContext, qtbot: QtBot) -> None:
    context.library.add_client("Acme")
    context.library.add_client("Beta")
    dialog = _dialog(context, qtbot)
    assert not dialog.unsaved()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing edited: closes without a question
    assert not dialog.isVisible()
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    qtbot.keyClick(dialog.dictionary, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.dictionary, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.dictionary, "Kopiluwak")
    asked: list[str] = []
    _answer(qtbot, QMessageBox.StandardButton.Cancel, asked)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Save the changes to Acme?"] and dialog.isVisible()  # Cancel: the edits stay
    assert dialog.dictionary.toPlainText().endswith("Kopiluwak")
    _answer(qtbot, QMessageBox.StandardButton.Cancel, asked)
    dialog.list.setCurrentRow(1)  # choosing another client asks too; Cancel stays on Acme
    assert dialog.list.currentRow() == 0 and dialog.name.text() == "Acme"
    heard = []
    dialog.client_saved.connect(heard.append)
    _answer(qtbot, QMessageBox.StandardButton.Save, asked)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Save: written, then closed
    assert not dialog.isVisible()
    assert "Kopiluwak" in context.library.find_client("Acme").dictionary
    assert [client.name for client in heard] == ["Acme"]
    dialog.show()
    qtbot.keyClick(dialog.dictionary, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.dictionary, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.dictionary, "Flurbo")
    _answer(qtbot, QMessageBox.StandardButton.Discard, asked)
    dialog.close()  # the window's close box
    assert not dialog.isVisible() and "Flurbo" not in context.library.find_client("Acme").dictionary


def test_saved_words_and_snippets_are_heard_at_once(context: AppContext, qtbot: QtBot) -> None:
    """The Write page follows the library's change events: a save is one for the client, at once."""
    from studio.ui.library.signals import LibrarySignals

    client = context.library.add_client("Acme")
    signals = LibrarySignals(context.library)
    dialog = _dialog(context, qtbot)
    dialog.tabs.setCurrentIndex(2)
    qtbot.keyClick(dialog.dictionary, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.dictionary, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.dictionary, "Zyntrix")
    dialog.add_snippet("sign-off", "— the Acme team")
    with qtbot.waitSignal(signals.changed, check_params_cb=lambda kind, id_: (kind, id_) == ("client", client.id)):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = context.library.get_client(client.id)
    assert "Zyntrix" in stored.dictionary and stored.snippets[0].text == "— the Acme team"
    signals.detach()


def test_fits_a_small_screen(context: AppContext, qtbot: QtBot, screenshot: Any) -> None:
    context.library.add_client("Kopi Kenangan Nusantara Raya")
    dialog = _dialog(context, qtbot)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 - 40 and hint.height() <= 768 - 80  # the task bar and title bar
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 80
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        screenshot(dialog, f"client-manager-{index}.png")
