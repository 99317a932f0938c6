"""The Library workspace: the drafts list (paged, filtered, sorted, searched), the calendar and
the way to the client manager, imports and backups."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library import ImportReport, import_summary
from studio.model import STATUSES
from studio.ui.context import AppContext
from studio.ui.library.calendar import CalendarView
from studio.ui.library.filters import FilterBar
from studio.ui.library.model import COLUMNS, DraftsModel
from studio.ui.library.signals import LibrarySignals
from studio.ui.locale_format import number
from studio.ui.publishing.actions import PublishActions
from studio.ui.team.conflict_notice import ConflictsFilter
from studio.ui.translation import status_label
from studio.ui.workspace import Workspace

if TYPE_CHECKING:
    from studio.library import DraftFilter
    from studio.model import Client

log = logging.getLogger(__name__)


class LibraryWorkspace(Workspace):
    """Drafts list and calendar over the library.

    Signals: ``open_draft_requested(int draft_id)`` (double click, Enter, "New draft");
    ``draft_restored(int draft_id)`` after an older revision of a draft was restored (an editor
    showing that draft loads it again);
    ``state_changed(str)`` (from :class:`Workspace`) with the number of drafts shown.
    """

    key = "library"
    title = "Library"
    icon_name = "library.svg"
    open_draft_requested = Signal(int)
    draft_restored = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.library = context.library
        self.tasks = context.tasks
        self.signals = LibrarySignals(self.library, self)

        self.filters = FilterBar()
        self.model = DraftsModel(self.library, self.tasks, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Drafts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once: "Send for review..." puts the selected drafts in one pack.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 140), (2, 90), (3, 130), (4, 120), (5, 150), (6, 130)):
            header.resizeSection(column, width)
        header.setSortIndicator(6, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

        self.calendar = CalendarView(self.library, self.tasks)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, self.tr("List"))
        self.tabs.addTab(self.calendar, self.tr("Calendar"))

        self.table.setDragEnabled(True)  # a row dropped on a calendar day schedules it there
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.publish = PublishActions(context, self, self.current_draft)
        self.new_button = QPushButton(self.tr("New draft"))
        self.schedule_button, self.queue_button, self.send_button = (
            QToolButton(), QToolButton(), QToolButton())
        for tool, action in zip((self.schedule_button, self.queue_button, self.send_button),
                                self.publish.actions, strict=True):
            tool.setDefaultAction(action)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.clients_button = QPushButton(self.tr("Clients…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.backups_button = QPushButton(self.tr("Backups…"))
        self.conflicts = ConflictsFilter(self.library)  # team conflicts: a count, and only those drafts
        actions = QWidget()
        bar = QHBoxLayout(actions)
        bar.setContentsMargins(0, 0, 0, 2)
        for button in (self.conflicts, self.new_button, self.schedule_button, self.queue_button, self.send_button,
                       self.clients_button, self.import_button, self.backups_button):
            bar.addWidget(button)
        self.tabs.setCornerWidget(actions, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs, 1)

        self._calendar_loaded = False
        self._loaded = False
        self._lists_timer = QTimer(self)
        self._lists_timer.setSingleShot(True)
        self._lists_timer.setInterval(300)
        self._lists_timer.timeout.connect(self.reload_lists)
        self._calendar_timer = QTimer(self)
        self._calendar_timer.setSingleShot(True)
        self._calendar_timer.setInterval(100)
        self._calendar_timer.timeout.connect(self._reload_calendar)

        self.filters.changed.connect(self._filter_changed)
        self.conflicts.ids_changed.connect(lambda _ids: self._filter_changed(self.filters.current()))
        self.signals.changed.connect(self._library_changed)
        self.model.total_changed.connect(self._total_changed)
        self.model.modelReset.connect(self.table.scrollToTop)  # a new filter or sort starts at its top
        self.model.failed.connect(context.messages.error)
        self.calendar.failed.connect(context.messages.error)
        self.calendar.open_draft_requested.connect(self.open_draft_requested)
        self.calendar.schedule_requested.connect(self.schedule_on_day)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.new_button.clicked.connect(self.new_draft)
        self.clients_button.clicked.connect(self.manage_clients)
        self.import_button.clicked.connect(self.import_file)
        self.backups_button.clicked.connect(self.restore_from_backup)


    def showEvent(self, event: QShowEvent) -> None:
        """Load the list the first time it is seen: a library not looked at costs nothing at start-up."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.conflicts.refresh()
            self.model.reload()
            self.reload_lists()

    # --- Workspace hooks ------------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        self.filters.set_client(client_id)
        self.calendar.client_id = client_id
        if self._calendar_loaded:
            self._calendar_timer.start()

    def activated(self) -> None:
        self.state_changed.emit(self._count_text(self.model.total))

    # --- lists and changes ----------------------------------------------------------------

    def reload_lists(self) -> None:
        """Refresh the client and tag boxes of the filter bar."""
        def load() -> tuple[list[Client], list[str]]:
            return self.library.list_clients(), self.library.list_tags()

        def done(result: tuple[list[Client], list[str]]) -> None:
            clients, tags = result
            self.filters.set_clients(clients)
            self.filters.set_tags(tags)
            self._fit_client_column([client.name for client in clients])

        self.tasks.run(load, on_done=done, on_error=lambda error: log.warning("Filter lists: %s", error))

    def _fit_client_column(self, names: list[str]) -> None:
        """Wide enough for the longest client name (with its colour mark), up to a quarter of the list."""
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0) + 48  # swatch, margins
        self.table.horizontalHeader().resizeSection(0, max(140, min(widest, max(140, self.table.width() // 4))))

    def _filter_changed(self, flt: DraftFilter) -> None:
        flt = replace(flt, ids=self.conflicts.wanted())
        if self._loaded:
            self.model.set_filter(flt)
        else:
            self.model.filter = flt
        if flt.client_id != self.calendar.client_id:
            self.calendar.client_id = flt.client_id
            if self._calendar_loaded:
                self._calendar_timer.start()

    def _library_changed(self, kind: str, ident: object) -> None:
        if not self._loaded:
            return
        self.model.library_changed(kind, ident)
        if kind in {"draft", "library"}:
            self.conflicts.refresh()
        if kind in {"client", "library", "draft"}:
            self._lists_timer.start()
        if self._calendar_loaded and kind in {"schedule", "draft", "client", "library"}:
            self._calendar_timer.start()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.calendar and not self._calendar_loaded:
            self._calendar_loaded = True
            self.calendar.reload()

    def _reload_calendar(self) -> None:
        self.calendar.reload()

    def _total_changed(self, total: int) -> None:
        if self.isVisible():
            self.state_changed.emit(self._count_text(total))

    @staticmethod
    def _count_text(total: int) -> str:
        if total == 1:
            return QCoreApplication.translate("LibraryWorkspace", "1 draft")
        return QCoreApplication.translate("LibraryWorkspace", "%1 drafts").replace("%1", number(total))

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """Networks, tags and the schedule do not sort: put the arrow back where the order comes from."""
        if COLUMNS[column][1] is not None:
            return
        current = next(i for i, (_title, key) in enumerate(COLUMNS) if key == self.model.sort_key)
        order = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(current, order)
        header.blockSignals(blocked)

    # --- actions --------------------------------------------------------------------------

    def _open_row(self, row: int) -> None:
        draft_id = self.model.draft_id(row)
        if draft_id is not None:
            self.open_draft_requested.emit(draft_id)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        draft_id = self.model.draft_id(index.row()) if index.isValid() else None
        if draft_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_draft_requested.emit(draft_id))
        menu.addAction(self.tr("History…"), lambda: self.show_history(draft_id))
        menu.addAction(self.tr("Schedule…"), lambda: self.schedule_draft(draft_id))
        menu.addAction(self.tr("Add to queue"), lambda: self.publish.add_to_queue(draft_id))
        menu.addAction(self.tr("Send now"), lambda: self.publish.send_now(draft_id))
        menu.addAction(self.tr("Reschedule…"), lambda: self.reschedule_draft(draft_id))
        menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_draft(draft_id))
        status_menu = menu.addMenu(self.tr("Status"))
        for status in STATUSES:
            if status in {"scheduled", "published", "failed"}:
                continue
            action = QAction(status_label(status), status_menu)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(draft_id, s))
            status_menu.addAction(action)
        from studio.ui.review.actions import add_review_actions

        add_review_actions(menu, self, self.library, self.tasks, self.selected_draft_ids(draft_id), self._error)
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete_draft(draft_id))
        menu.popup(self.table.viewport().mapToGlobal(point))

    def selected_draft_ids(self, clicked: int | None = None) -> list[int]:
        """The drafts of the selected rows (the clicked one first when it is among them, alone when not)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [i for i in (self.model.draft_id(row) for row in rows) if i is not None]
        if clicked is None:
            return ids
        return [clicked, *(i for i in ids if i != clicked)] if clicked in ids else [clicked]

    def show_history(self, draft_id: int) -> None:
        """Browse the draft's revisions and restore one (undoable)."""
        from studio.ui.library.revisions_dialog import RevisionsDialog

        dialog = RevisionsDialog(self.library, self.tasks, draft_id, self)
        dialog.restored.connect(self.draft_restored)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def reschedule_draft(self, draft_id: int) -> None:
        """Move the draft's scheduled posts to new times (the calendar's drag, from the list)."""
        from studio.ui.library.reschedule_dialog import RescheduleDialog

        dialog = RescheduleDialog(self.library, self.tasks, draft_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def schedule_draft(self, draft_id: int) -> None:
        """The publishing area's Schedule dialog for this draft."""
        self.publish.schedule(draft_id)

    def current_draft(self) -> int | None:
        """The draft the toolbar's Schedule…, Add to queue and Send now act on: the post selected in
        the calendar when it is shown, else the selected row of the list."""
        if self.tabs.currentWidget() is self.calendar:
            chosen = next((i for i in self.calendar.grid.items if i.id == self.calendar.grid.selected), None)
            if chosen is not None:
                return int(chosen.draft_id)
        rows = self.table.selectionModel().selectedRows()
        return self.model.draft_id(rows[0].row()) if rows else None

    def schedule_on_day(self, draft_id: int | None, day: date, at: time | None) -> None:
        """A day double-clicked (the current draft, or a new one) or a draft dropped on it: the
        Schedule dialog at that day, at ``at`` or 09:00 (the next hour when 09:00 has passed)."""
        from studio.library.times import wall_clock

        zone = self.calendar.zone
        when = wall_clock(day, at or time(9), zone)
        now = datetime.now(UTC)
        if when <= now:
            when = datetime.fromtimestamp((int(now.timestamp()) // 3600 + 1) * 3600, UTC)
        chosen = draft_id if draft_id is not None else self.current_draft()
        if chosen is not None:
            self.publish.schedule(chosen, at=when)
            return
        client_id = self.filters.client_id()

        def create() -> int | None:
            clients = [client_id] if client_id is not None else [c.id for c in self.library.list_clients()]
            return int(self.library.create_draft(clients[0]).id) if clients else None

        def created(new_id: int | None) -> None:
            if new_id is None:
                self.context.messages.info("Add a client first: every draft belongs to one.")
                return
            self.open_draft_requested.emit(new_id)
            self.publish.schedule(new_id, at=when)

        self.tasks.run(create, on_done=created, on_error=self._error, pool="writes")

    def duplicate_draft(self, draft_id: int) -> None:
        """Copy a draft (a published post to write again) and open the copy."""
        self.tasks.run(self.library.duplicate_draft, draft_id,
                       on_done=lambda draft: self.open_draft_requested.emit(draft.id), on_error=self._error,
                       pool="writes")

    def set_status(self, draft_id: int, status: str) -> None:
        self.tasks.run(self.library.set_status, draft_id, status, on_error=self._error, pool="writes")

    def delete_draft(self, draft_id: int, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete draft"),
                self.tr("Delete this draft, its variants, history and schedules? This cannot be undone."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.tasks.run(self.library.delete_draft, draft_id, on_error=self._error, pool="writes")

    def new_draft(self) -> None:
        """A new draft for the client in the filter, by the one "New draft" policy
        (:func:`studio.drafting.start_draft`), opened in the Write page."""
        from studio.drafting import start_draft

        self.tasks.run(start_draft, self.library, self.filters.client_id(),
                       on_done=lambda draft: self.open_draft_requested.emit(draft.id), on_error=self._error,
                       pool="writes")

    def manage_clients(self) -> None:
        from studio.ui.library.client_dialog import ClientManagerDialog

        dialog = ClientManagerDialog(self.library, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import drafts"), "",
                                                  self.tr("Drafts (*.csv *.json *.zip);;All files (*)"))
            if not path:
                return
        chosen = Path(path)

        def done(report: ImportReport) -> None:
            self.context.messages.info(" ".join(import_summary(report, chosen.name)))

        self.tasks.run(self.library.import_file, chosen, on_done=done, on_error=self._error, pool="writes")

    def restore_from_backup(self) -> None:
        from studio.ui.library.restore_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.library, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _error(self, error: BaseException) -> None:
        self.context.messages.error(in_words(error))
