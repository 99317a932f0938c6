"""The composition root: the real window with the real workspaces and services, over a real library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.settings import Settings
from studio.ui.app import Studio
from studio.ui.welcome_dialog import WelcomeDialog


def test_four_workspaces_and_the_status_bar(studio: Studio, qtbot: QtBot) -> None:
    studio.start(welcome=False, background=False)
    window = studio.window
    assert window.keys() == ["write", "images", "library", "publishing", "analytics"]
    assert window.grammar_label.text() == "Grammar: off"
    # Only the page on screen is built at start-up; the others are built when first shown.
    assert window.is_built("write") and not window.is_built("images") and not window.is_built("library")
    # The grammar engine reaches the Write page after the first paint (start-up does not wait).
    qtbot.waitUntil(lambda: studio.write.runner.engine is not None, timeout=5000)
    assert studio.write.runner.engine is studio.grammar is studio.context.grammar
    window.show_workspace("library")
    assert window.is_built("library") and window.current_workspace() is studio.library_view
    assert studio.library_view.isVisible()


def test_new_draft_from_anywhere_opens_the_write_page(studio: Studio, qtbot: QtBot) -> None:
    library = studio.context.library
    client = library.add_client("Acme Bakery")
    studio.window.reload_clients(select=client.id)
    studio.start(welcome=False, background=False)
    window = studio.window
    window.show_workspace("library")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is studio.write
    qtbot.waitUntil(lambda: library.count_drafts() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: studio.write.opened is not None, timeout=10_000)
    assert studio.write.opened.client.id == client.id


def test_a_restored_revision_reaches_the_open_editor(studio: Studio, qtbot: QtBot) -> None:
    library = studio.context.library
    client = library.add_client("Acme Bakery")
    draft = library.create_draft(client.id, "First words")
    library.save_text(draft.id, "Second words")
    studio.start(welcome=False, background=False)
    studio._open_draft(draft.id)
    qtbot.waitUntil(lambda: studio.write.editor.text() == "Second words", timeout=10_000)
    older = library.revisions(draft.id)[-1]
    library.restore_revision(draft.id, older.id)
    studio.library_view.draft_restored.emit(draft.id)
    qtbot.waitUntil(lambda: studio.write.editor.text() == "First words", timeout=10_000)


def test_first_run_welcome_creates_the_first_client(studio: Studio, qtbot: QtBot) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):
            QTimer.singleShot(20, fill)
            return
        assert "Grammar checking is off" in dialog.findChild(QLabel, "grammarStatus").text()
        dialog.name.setText("Velo Bikes")
        dialog.accept()

    QTimer.singleShot(20, fill)
    studio.start(welcome=False, background=False)
    studio.welcome()
    clients = studio.context.library.list_clients()
    assert [c.name for c in clients] == ["Velo Bikes"]
    assert studio.window.current_client_id() == clients[0].id
    assert studio.context.settings.get("general.welcome_done") is True


def test_smoke_opens_the_window_and_reports(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONFIG_DIR=str(tmp_path / "config"))
    library = tmp_path / "library"
    result = subprocess.run([sys.executable, "-m", "studio", "--smoke", "--library", str(library)],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["startup_ms"] > 0 and report["drafts"] == 0
    assert (library / "library.sqlite3").is_file()


def test_a_damaged_library_is_refused_with_a_message_not_a_crash(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-m", "studio", "--smoke", "--library", str(library)],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("studio: ")


def test_the_daily_backup_runs_whatever_page_is_open(studio: Studio, qtbot: QtBot) -> None:
    """Backups belong to the app, not to the Library page (which may never be built)."""
    from studio.library import list_backups

    library = studio.context.library
    studio.context.settings.set("library.backups_keep", 2)
    library.backups_dir.mkdir(exist_ok=True)
    for day in range(1, 4):
        (library.backups_dir / f"library-2020010{day}-120000.sqlite3").write_bytes(b"old")
    studio.start(welcome=False)
    qtbot.waitUntil(lambda: any("2020" not in p.name for p in list_backups(library.folder)), timeout=10_000)
    assert not studio.window.is_built("library")
    studio.context.tasks.wait()
    kept = list_backups(library.folder)
    assert len(kept) == 2 and "2020" not in kept[0].name
    studio.daily_backup()  # one a day
    studio.context.tasks.wait()
    assert list_backups(library.folder) == kept


def test_the_client_switcher_follows_clients_made_anywhere(studio: Studio, qtbot: QtBot, tmp_path: Path) -> None:
    studio.start(welcome=False, background=False)
    box = studio.window.client_box

    def names() -> list[str]:
        return [box.itemText(i) for i in range(box.count())]

    studio.context.library.add_client("Acme")  # the client manager, the welcome, the CLI...
    qtbot.waitUntil(lambda: "Acme" in names())
    studio.window.show_workspace("library")
    studio.window.client_box.setCurrentIndex(names().index("Acme"))
    csv = tmp_path / "more.csv"
    csv.write_text("client,text\nGamma,imported\n", encoding="utf-8")
    studio.library_view.import_file(str(csv))  # an import that brings a new client
    qtbot.waitUntil(lambda: "Gamma" in names(), timeout=10_000)
    assert box.currentText() == "Acme"  # the choice stays


def test_ctrl_n_starts_a_post_on_every_page(studio: Studio, qtbot: QtBot) -> None:
    """One shortcut, one action: Ctrl+N pressed in each page (in the Write page's own editor too,
    where a second shortcut once made it ambiguous and dead) opens a new post in the Write page."""
    library = studio.context.library
    client = library.add_client("Acme Bakery")
    studio.window.reload_clients(select=client.id)
    studio.start(welcome=False, background=False)
    window = studio.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in enumerate(["write", "images", "library", "publishing", "write"], 1):
        window.show_workspace(key)
        page = window.current_workspace()
        target = studio.write.editor if key == "write" else page
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert window.current_workspace() is studio.write, key
        qtbot.waitUntil(lambda n=number: library.count_drafts() == n, timeout=10_000)
        qtbot.waitUntil(lambda: studio.write.opened is not None and studio.write.opened.draft.id == max(
            row.id for row in library.list_drafts()), timeout=10_000)
        assert studio.write.opened.client.id == client.id


def test_the_draft_open_at_quit_is_open_at_the_next_start(tmp_path: Path, qtbot: QtBot,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set("grammar.mode", "off")
    library = Library.open(tmp_path / "library")
    client = library.add_client("Acme Bakery")
    draft = library.create_draft(client.id, "Fresh bread at nine")
    library.create_draft(client.id, "Another post")
    first = Studio(app, tmp_path / "library", library, settings)
    qtbot.addWidget(first.window)
    monkeypatch.setattr(first.hook, "_show", lambda summary, details: None)
    first.start(welcome=False, background=False)
    first._open_draft(draft.id)
    qtbot.waitUntil(lambda: first.write.opened is not None, timeout=10_000)
    first.window.close()
    first.shutdown()

    library = Library.open(tmp_path / "library")
    second = Studio(app, tmp_path / "library", library, Settings(tmp_path / "config" / "settings.json"))
    qtbot.addWidget(second.window)
    monkeypatch.setattr(second.hook, "_show", lambda summary, details: None)
    second.start(welcome=False, background=False)
    qtbot.waitUntil(lambda: second.write.opened is not None, timeout=10_000)
    assert second.write.opened.draft.id == draft.id
    assert second.write.editor.text() == "Fresh bread at nine"
    second.window.close()
    second.shutdown()


def test_quitting_with_changes_that_cannot_be_written_asks_first(studio: Studio, qtbot: QtBot,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    library = studio.context.library
    draft = library.create_draft(library.add_client("Acme Bakery").id, "Bread")
    studio.start(welcome=False, background=False)
    studio._open_draft(draft.id)
    qtbot.waitUntil(lambda: studio.write.opened is not None, timeout=10_000)
    real = library.save_text
    monkeypatch.setattr(library, "save_text", lambda *args: (_ for _ in ()).throw(OSError(28, "No space left")))
    qtbot.keyClicks(studio.write.editor, "Fresh ")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Retry]
    asked: list[bool] = []

    def ask() -> QMessageBox.StandardButton:
        asked.append(True)
        if len(asked) == 2:
            monkeypatch.setattr(library, "save_text", real)  # room on the disk again
        return answers[len(asked) - 1]

    monkeypatch.setattr(studio.window, "ask_unsaved", ask)
    studio.window.close()
    assert studio.window.isVisible() and len(asked) == 1  # Cancel: Studio stays open with the text
    studio.window.close()  # Retry: written, then closed
    assert len(asked) == 2 and not studio.window.isVisible()
    assert library.get_draft(draft.id).text == "Fresh Bread"
