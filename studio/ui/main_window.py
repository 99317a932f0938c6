"""The main window: a side bar of workspaces, a client switcher, menus and a status bar."""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from studio.data import resource
from studio.ui.context import AppContext
from studio.ui.library.signals import LibrarySignals
from studio.ui.sidebar import Sidebar
from studio.ui.workspace import LazyWorkspace, Workspace

log = logging.getLogger(__name__)


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/``."""
    return QIcon(str(resource(f"icons/{name}")))


class MainWindow(QMainWindow):
    """Studio's window.

    Signals: ``client_changed(object)`` with the chosen client id (``None`` for all clients);
    ``first_painted()`` once, after the window's first paint (``studio --smoke`` waits for it).
    """

    client_changed = Signal(object)
    first_painted = Signal()

    def __init__(self, context: AppContext, workspaces: Sequence[Workspace | LazyWorkspace]) -> None:
        super().__init__()
        self.context = context
        self.slots = list(workspaces)  # a Workspace, or a LazyWorkspace until it is first shown
        self.first_paint_at = 0.0  # time.perf_counter() at the end of the first paint
        self.setWindowTitle("Studio")
        self.setWindowIcon(icon("studio.svg"))
        self.setMinimumSize(QSize(720, 480))

        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        for row, slot in enumerate(self.slots):
            self.sidebar.add(icon(slot.icon_name), slot.title, f"{slot.title} (Ctrl+{row + 1})")
            if isinstance(slot, Workspace):
                self.stack.addWidget(slot)
                slot.state_changed.connect(self._workspace_said)
            else:
                self.stack.addWidget(QWidget())  # stands in until the workspace is built
        self.sidebar.currentRowChanged.connect(self._switch_to_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.client_box = QComboBox()
        self.client_box.setObjectName("clientSwitcher")
        self.client_box.setMinimumWidth(200)
        self.client_box.setToolTip(self.tr("Switch client (Ctrl+Shift+K)"))
        self.client_box.setAccessibleName(self.tr("Client"))
        self.client_box.currentIndexChanged.connect(self._client_chosen)
        toolbar = self.addToolBar(self.tr("Client"))
        toolbar.setObjectName("clientToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr(" Client: ")))
        toolbar.addWidget(self.client_box)

        self.grammar_label = self._permanent_label("grammarState", self.tr("Grammar checking"))
        self.publisher_label = self._permanent_label("publisherState", self.tr("Publisher"))
        self.network_label = self._permanent_label("networkState", self.tr("Network"))
        self.team_label = self._permanent_label("teamState", self.tr("Team sync"))
        self.team_label.setVisible(False)

        self._build_menus()
        self.reload_clients()
        # Clients change in dialogs, imports, restores and the Write page: the switcher follows
        # the library itself (one reload for a burst of changes), not each place that changes them.
        self._clients_timer = QTimer(self)
        self._clients_timer.setSingleShot(True)
        self._clients_timer.setInterval(100)
        self._clients_timer.timeout.connect(self.reload_clients)
        self._library_signals = LibrarySignals(context.library, self)
        self._library_signals.changed.connect(
            lambda kind, _id: self._clients_timer.start() if kind in ("client", "library") else None)
        from studio.ui.team import TeamFace  # the team library: syncs only when the library is linked

        self.team = TeamFace(self)
        self.first_painted.connect(self.team.start)

    # -- building -------------------------------------------------------------------------------

    def _permanent_label(self, name: str, tooltip: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setToolTip(tooltip)
        label.setContentsMargins(8, 0, 8, 0)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.statusBar().addPermanentWidget(label)
        return label

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                role: QAction.MenuRole | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if role is not None:
            action.setMenuRole(role)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.settings_action = self._action(
            self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences,
            QAction.MenuRole.PreferencesRole,
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        file_menu.addSeparator()  # the workspaces' File actions go above this line
        file_menu.addAction(self.settings_action)
        self.team_action = self._action(self.tr("&Team…"), self.open_team)
        file_menu.addAction(self.team_action)
        self.file_menu = file_menu
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit,
                                        QAction.MenuRole.QuitRole)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.workspace_actions: list[QAction] = []
        for row, workspace in enumerate(self.slots):
            action = self._action(f"&{workspace.title}", partial(self.show_workspace, row), f"Ctrl+{row + 1}")
            action.setIcon(icon(workspace.icon_name))
            view_menu.addAction(action)
            self.workspace_actions.append(action)
        view_menu.addSeparator()
        self.next_workspace_action = self._action(self.tr("Next workspace"), lambda: self._step_workspace(1),
                                                  "Ctrl+PgDown")
        self.previous_workspace_action = self._action(self.tr("Previous workspace"), lambda: self._step_workspace(-1),
                                                      "Ctrl+PgUp")
        view_menu.addAction(self.next_workspace_action)
        view_menu.addAction(self.previous_workspace_action)
        view_menu.addSeparator()
        self.full_screen_action = self._action(self.tr("&Full screen"), self._toggle_full_screen,
                                               QKeySequence.StandardKey.FullScreen)
        view_menu.addAction(self.full_screen_action)

        self.clients_menu = bar.addMenu(self.tr("&Clients"))
        self.switch_client_action = self._action(self.tr("&Switch client"), self._focus_client_box, "Ctrl+Shift+K")
        self.clients_menu.addAction(self.switch_client_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About Studio"), self.open_about, None, QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        self.help_menu = help_menu

    def add_file_action(self, text: str, slot: Callable[[], object], shortcut: str | None,
                        position: int) -> QAction:
        """An action in the File menu at ``position``, for work that belongs to a workspace."""
        action = self._action(text, slot, shortcut)
        actions = self.file_menu.actions()
        if position < len(actions):
            self.file_menu.insertAction(actions[position], action)
        else:
            self.file_menu.addAction(action)
        return action

    def add_client_action(self, text: str, slot: Callable[[], object], shortcut: str | None) -> QAction:
        action = self._action(text, slot, shortcut)
        self.clients_menu.addAction(action)
        return action

    # -- workspaces -----------------------------------------------------------------------------

    @property
    def workspaces(self) -> list[Workspace]:
        """The workspaces built so far, in side-bar order."""
        return [slot for slot in self.slots if isinstance(slot, Workspace)]

    def is_built(self, key: str) -> bool:
        return isinstance(self.slots[self._row_of(key)], Workspace)

    def keys(self) -> list[str]:
        return [slot.key for slot in self.slots]

    def show_workspace(self, row_or_key: int | str) -> None:
        """Switch to a workspace by position or key ("write", "images", "library", "publishing")."""
        row = row_or_key if isinstance(row_or_key, int) else self._row_of(row_or_key)
        if 0 <= row < len(self.slots):
            self.sidebar.setCurrentRow(row)

    def current_workspace(self) -> Workspace | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Workspace) else None

    def workspace(self, key: str) -> Workspace:
        """The workspace ``key``, built now if it has not been shown yet."""
        return self._built(self._row_of(key))

    def _built(self, row: int) -> Workspace:
        slot = self.slots[row]
        if isinstance(slot, Workspace):
            return slot
        workspace = slot.build()
        self.slots[row] = workspace
        placeholder = self.stack.widget(row)
        assert placeholder is not None
        showing = self.stack.currentIndex() == row
        self.stack.insertWidget(row, workspace)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if showing:
            self.stack.setCurrentIndex(row)
        workspace.state_changed.connect(self._workspace_said)
        workspace.set_client(self.current_client_id())
        if self.first_paint_at:
            settle_heap()  # before the first paint, the paint itself settles it
        return workspace

    def _row_of(self, key: str) -> int:
        for row, slot in enumerate(self.slots):
            if slot.key == key:
                return row
        raise KeyError(key)

    def _step_workspace(self, step: int) -> None:
        if self.slots:
            self.show_workspace((self.sidebar.currentRow() + step) % len(self.slots))

    def _switch_to_row(self, row: int) -> None:
        previous = self.current_workspace()
        if previous is not None and self.stack.indexOf(previous) != row:
            self._save(previous)
        self._built(row)
        self.stack.setCurrentIndex(row)
        current = self.current_workspace()
        if current is not None:
            self.context.settings.set("window.workspace", current.key)
            current.activated()
            self.statusBar().clearMessage()

    def _workspace_said(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 8000)
        else:
            self.statusBar().clearMessage()

    def _save(self, workspace: Workspace) -> None:
        try:
            workspace.save_now()
        except Exception:
            log.exception("Saving the %s workspace failed", workspace.key)
            self.context.messages.error(
                self.tr("Studio could not save your work in %1. It is still on screen: "
                        "copy it somewhere safe, then look at the log (Help → About).").replace(
                    "%1", QCoreApplication.translate("Studio", workspace.title))
            )

    # -- clients --------------------------------------------------------------------------------

    def reload_clients(self, select: int | None = None) -> None:
        """Fill the client switcher from the library, keeping (or choosing) the selection."""
        wanted = select if select is not None else self.current_client_id()
        if wanted is None:
            saved = self.context.settings.get("window.client")
            wanted = int(saved) if saved.isdigit() else None
        shown = self.current_client_id() if self.client_box.count() else -1
        blocker = self.client_box.blockSignals(True)
        self.client_box.clear()
        self.client_box.addItem(self.tr("All clients"), None)
        for client in self.context.library.list_clients():
            self.client_box.addItem(_swatch(client.colour), client.name, client.id)
        index = self.client_box.findData(wanted) if wanted is not None else 0
        self.client_box.setCurrentIndex(max(index, 0))
        self.client_box.blockSignals(blocker)
        if self.current_client_id() != shown:  # a renamed client keeps its place quietly
            self._client_chosen(self.client_box.currentIndex())

    def current_client_id(self) -> int | None:
        data = self.client_box.currentData()
        return int(data) if data is not None else None

    def _client_chosen(self, _index: int) -> None:
        client_id = self.current_client_id()
        self.context.settings.set("window.client", "" if client_id is None else str(client_id))
        for workspace in self.workspaces:
            workspace.set_client(client_id)
        self.client_changed.emit(client_id)

    def _focus_client_box(self) -> None:
        self.client_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.client_box.showPopup()

    # -- status bar -----------------------------------------------------------------------------

    def set_grammar_state(self, text: str) -> None:
        self.grammar_label.setText(text)

    def set_publisher_state(self, text: str) -> None:
        self.publisher_label.setText(text)

    def set_network_state(self, text: str) -> None:
        self.network_label.setText(text)
        self.network_label.setVisible(bool(text))

    def show_message(self, level: str, text: str) -> None:
        """Slot for :class:`studio.ui.messages.Messages`: errors in a calm box, the rest below."""
        if level == "error":
            QMessageBox.warning(self, "Studio", text)
        else:
            self.statusBar().showMessage(text, 10_000 if level == "warning" else 5000)

    # -- dialogs --------------------------------------------------------------------------------

    def open_settings(self) -> None:
        from studio.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.context.settings, self).exec()

    def open_team(self) -> None:
        self.team.open_dialog()

    def open_about(self) -> None:
        from studio.ui.about_dialog import AboutDialog

        AboutDialog(self.context, self).exec()

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    # -- geometry and closing -------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Put the window where the user left it, and reopen the last workspace."""
        settings = self.context.settings
        geometry = settings.get("window.geometry")
        if not geometry or not self.restoreGeometry(QByteArray.fromHex(geometry.encode("ascii"))):
            self.resize(1200, 780)
        state = settings.get("window.state")
        if state:
            self.restoreState(QByteArray.fromHex(state.encode("ascii")))
        try:
            self.show_workspace(settings.get("window.workspace"))
        except KeyError:
            self.show_workspace(0)
        if self.sidebar.currentRow() < 0:
            self.show_workspace(0)

    def save_layout(self) -> None:
        settings = self.context.settings
        settings.set("window.geometry", bytes(self.saveGeometry().toHex().data()).decode("ascii"))
        settings.set("window.state", bytes(self.saveState().toHex().data()).decode("ascii"))

    def save_all(self) -> None:
        """Flush every workspace's pending work (autosave) to the library."""
        for workspace in self.workspaces:
            self._save(workspace)

    def detach_library(self) -> None:
        """Stop following the library (it is about to close; the window may outlive it)."""
        self._library_signals.detach()
        self._clients_timer.stop()
        self.team.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_all()
        while any(workspace.unsaved() for workspace in self.workspaces):  # a full disk, a locked file
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer != QMessageBox.StandardButton.Retry:
                break
            self.save_all()
        self.save_layout()
        super().closeEvent(event)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Quitting while some work could not be written: try again, stay, or quit without it."""
        return QMessageBox.warning(
            self, self.tr("Not saved"), self.tr("Studio could not save your latest changes (the message says why). "
                                                "Try again, keep Studio open, or quit without them?"),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Retry)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if not self.first_paint_at and event.type() == QEvent.Type.UpdateRequest:
            # The first UpdateRequest of a shown window is its first paint of the backing store.
            self.first_paint_at = time.perf_counter()
            settle_heap()
            QTimer.singleShot(0, self.first_painted.emit)
        return result


def settle_heap() -> None:
    """Move every object alive now out of the garbage collector's sight (``gc.freeze``).

    Called once the window is painted and after each page is built: modules, widgets and their
    wrappers live as long as the window, yet a full collection walked all of them (17-20 ms with
    the four pages built, on the UI thread, whenever typing happened to trigger one). Frozen, a
    full collection looks only at what was made since. What is garbage already is collected first
    (about 20 ms, at moments that pay for building a page anyway), so none of it is kept for good.
    """
    gc.collect()
    gc.freeze()


def _swatch(colour: str) -> QIcon:
    """A small round colour chip for a client."""
    from PySide6.QtGui import QColor, QPainter, QPixmap

    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)
