"""The client manager: add, rename, colour, language, brand rules, dictionary, ignored rules, archive."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio.ui.context import AppContext
from studio.ui.library.client_dialog import ClientManagerDialog, parse_banned


def _dialog(context: AppContext, qtbot: QtBot) -> ClientManagerDialog:
    context.tasks.inline = True
    dialog = ClientManagerDialog(context.library, context.tasks)
    qtbot.addWidget(dialog)
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
    dialog.language.setCurrentText("de-DE")
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
    assert client.dictionary == ("Oolong", "Teapotly")
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


def test_parse_banned() -> None:
    assert parse_banned(" a => b \n\n c=>\nd") == {"a": "b", "c": "", "d": ""}
