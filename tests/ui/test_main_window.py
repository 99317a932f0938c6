"""The main window with real workspaces' frame: switching, dialogs, geometry, clients, errors."""

from __future__ import annotations

import gc

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout
from pytestqt.qtbot import QtBot

from studio.settings import Settings
from studio.ui.about_dialog import AboutDialog
from studio.ui.context import AppContext
from studio.ui.error_dialog import ErrorDialog, ExceptionHook
from studio.ui.main_window import MainWindow
from studio.ui.settings_dialog import SettingsDialog
from studio.ui.workspace import LazyWorkspace, Workspace


class Page(Workspace):
    """A minimal workspace that records what the window asked of it."""

    def __init__(self, key: str, title: str, icon_name: str) -> None:
        super().__init__()
        self.key, self.title, self.icon_name = key, title, icon_name
        self.saves = 0
        self.clients: list[int | None] = []
        QVBoxLayout(self).addWidget(QLabel(title))

    def save_now(self) -> None:
        self.saves += 1

    def set_client(self, client_id: int | None) -> None:
        self.clients.append(client_id)


def make_window(qtbot: QtBot, context: AppContext) -> tuple[MainWindow, list[Page]]:
    pages = [Page("write", "Write", "write.svg"), Page("images", "Images", "images.svg"),
             Page("library", "Library", "library.svg")]
    window = MainWindow(context, pages)
    qtbot.addWidget(window)
    window.restore_layout()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    return window, pages


def test_keyboard_switches_workspaces_and_saves_the_one_left(qtbot: QtBot, context: AppContext) -> None:
    window, pages = make_window(qtbot, context)
    assert window.current_workspace() is pages[0]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is pages[2]
    assert pages[0].saves == 1
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is pages[1]
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is pages[2]
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is pages[0]  # wraps around
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is pages[2]
    assert context.settings.get("window.workspace") == "library"


def test_side_bar_click_switches(qtbot: QtBot, context: AppContext) -> None:
    window, pages = make_window(qtbot, context)
    qtbot.mouseClick(window.sidebar.button(1), Qt.MouseButton.LeftButton)
    assert window.current_workspace() is pages[1]


def _close_when_open(qtbot: QtBot, kind: type[QDialog], seen: list[QDialog], accept: bool = False) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            dialog.accept() if accept else dialog.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_settings_and_about_open_from_the_keyboard_and_menu(qtbot: QtBot, context: AppContext) -> None:
    window, _ = make_window(qtbot, context)
    seen: list[QDialog] = []
    _close_when_open(qtbot, SettingsDialog, seen)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and seen[0].isHidden()
    _close_when_open(qtbot, AboutDialog, seen)
    window.about_action.trigger()
    assert isinstance(seen[1], AboutDialog)
    text = seen[1].findChild(QLabel, "aboutText").text()
    assert str(context.library_dir) in text


def test_settings_dialog_saves_and_refuses_public_api_without_consent(qtbot: QtBot, context: AppContext) -> None:
    dialog = SettingsDialog(context.settings)
    qtbot.addWidget(dialog)
    theme = dialog.fields["appearance.theme"]
    theme.setCurrentIndex(theme.findData("dark"))  # type: ignore[attr-defined]
    mode = dialog.fields["grammar.mode"]
    mode.setCurrentIndex(mode.findData("public"))  # type: ignore[attr-defined]
    dialog.show()
    assert not dialog.public_warning.isHidden()  # on the Grammar tab
    dialog.accept()
    assert dialog.isVisible(), "must not close without consent"
    assert "tick the box" in dialog.error.text()
    assert context.settings.get("grammar.mode") == "local"
    dialog.fields["grammar.public_consent"].setChecked(True)  # type: ignore[attr-defined]
    dialog.accept()
    assert not dialog.isVisible()
    assert context.settings.get("grammar.mode") == "public"
    assert context.settings.get("appearance.theme") == "dark"


def test_geometry_and_workspace_are_restored(qtbot: QtBot, context: AppContext) -> None:
    window, _ = make_window(qtbot, context)
    window.setGeometry(QRect(12, 30, 760, 540))  # the offscreen screen is 800x600
    window.show_workspace("images")
    window.close()
    settings = Settings(context.settings.path)  # what a restart reads
    context.settings = settings
    again, pages = make_window(qtbot, context)
    assert (again.size().width(), again.size().height()) == (760, 540)
    assert again.current_workspace() is pages[1]


def test_closing_saves_every_workspace(qtbot: QtBot, context: AppContext) -> None:
    window, pages = make_window(qtbot, context)
    window.close()
    assert [page.saves for page in pages] == [1, 1, 1]


def test_client_switcher_lists_clients_and_tells_workspaces(qtbot: QtBot, context: AppContext) -> None:
    acme = context.library.add_client("Acme Bakery", colour="#e4572e", language="en-GB")
    context.library.add_client("Bike Shop")
    window, pages = make_window(qtbot, context)
    names = [window.client_box.itemText(i) for i in range(window.client_box.count())]
    assert names[0] == "All clients" and {"Acme Bakery", "Bike Shop"} <= set(names)
    window.client_box.setCurrentIndex(window.client_box.findData(acme.id))
    assert pages[2].clients[-1] == acme.id
    assert context.settings.get("window.client") == str(acme.id)


def test_unexpected_error_shows_a_calm_dialog_and_the_app_goes_on(qtbot: QtBot, context: AppContext) -> None:
    window, _ = make_window(qtbot, context)
    hook = ExceptionHook(window)
    hook.install()
    seen: list[QDialog] = []
    _close_when_open(qtbot, ErrorDialog, seen)
    try:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    finally:
        hook.uninstall()
    dialog = seen[0]
    assert isinstance(dialog, ErrorDialog)
    assert "ZeroDivisionError" in dialog.details
    dialog.copy_details()
    assert "ZeroDivisionError" in QApplication.clipboard().text()
    assert window.isVisible()


def test_messages_said_before_the_window_are_delivered(qtbot: QtBot, context: AppContext) -> None:
    context.messages.info("Backup made")
    window, _ = make_window(qtbot, context)
    context.messages.connect_view(window.show_message)
    assert window.statusBar().currentMessage() == "Backup made"


def test_what_lives_with_the_window_is_kept_out_of_full_collections(qtbot: QtBot, context: AppContext) -> None:
    # A full collection on the UI thread walked every module and widget (17-20 ms with the four
    # pages built): the window freezes what exists once it is painted and once a page is built.
    gc.unfreeze()
    window = MainWindow(context, [Page("write", "Write", "write.svg"),
                                  LazyWorkspace("images", "Images", "images.svg",
                                                lambda: Page("images", "Images", "images.svg"))])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted):
        window.show()
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    page = window.workspace("images")
    assert gc.get_freeze_count() > 0
    assert not any(o is page for o in gc.get_objects())  # frozen: no collection walks it
