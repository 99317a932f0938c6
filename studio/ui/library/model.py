"""The drafts list as a Qt table model that pages through the library.

It never loads everything: ``count_drafts`` gives the total, rows arrive a page at a time through
``canFetchMore``/``fetchMore`` as the view scrolls, and a change to one draft updates (or inserts,
or removes) that row alone. With ``tasks`` the pages load on the general pool and arrive through
the task helper; without, they load on the spot (benchmarks, scripts).
"""

from __future__ import annotations

import logging
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from studio.errors import in_words
from studio.library.drafts import DraftFilter, sort_key
from studio.library.times import local_zone, parse_iso
from studio.model import DraftRow
from studio.text.networks import title_of
from studio.ui import locale_format
from studio.ui.locale_format import number
from studio.ui.tasks import Tasks
from studio.ui.translation import QT_TRANSLATE_NOOP, status_label

if TYPE_CHECKING:
    from studio.library import Library

log = logging.getLogger(__name__)
DRAFT_MIME = "application/x-studio-draft-id"

PAGE = 200
ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str | None], ...] = (
    # (title, sort key in the library or None)
    (QT_TRANSLATE_NOOP("DraftsModel", "Client"), "client"),
    (QT_TRANSLATE_NOOP("DraftsModel", "Text"), "text"),
    (QT_TRANSLATE_NOOP("DraftsModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("DraftsModel", "Networks"), None),
    (QT_TRANSLATE_NOOP("DraftsModel", "Tags"), None),
    (QT_TRANSLATE_NOOP("DraftsModel", "Scheduled"), None),
    (QT_TRANSLATE_NOOP("DraftsModel", "Changed"), "updated"),
)
DRAFT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _local(utc_text: str | None, zone: tzinfo) -> str:
    if not utc_text:
        return ""
    try:
        when = parse_iso(utc_text)
    except ValueError:
        return utc_text
    return locale_format.moment(when, locale_format.DATE_TIME, zone)


class DraftsModel(QAbstractTableModel):
    """Rows of :class:`studio.model.DraftRow`, filtered and sorted in the library.

    Signals: ``total_changed(int)`` with the number of drafts that match the filter;
    ``loading_changed(bool)`` while a page is on its way; ``failed(str)`` with a message when the
    library could not be read.
    """

    total_changed = Signal(int)
    loading_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, library: Library, tasks: Tasks | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.filter = DraftFilter()
        self.sort_key = "updated"
        self.descending = True
        self.zone = local_zone()  # looked up once: data() runs for every painted cell
        self._rows: list[DraftRow] = []
        self._row_of: dict[int, int] = {}
        self._total = 0
        self._generation = 0
        self._loading = False
        self._dirty: set[int] = set()
        self._changed_by: dict[int, str] = {}  # team member who last changed a draft (linked libraries)
        self._conflicts: dict[int, int] = {}  # draft -> revision number of its open team conflict
        self._conflict_icon: Any = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)
        self._refresh_timer.timeout.connect(self._refresh_dirty)
        self._refused: dict[int, str] = {}  # a change the team refused, kept here: its sentence

    # --- what the view asks -------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.client_name
            if column == 1:
                return " ".join(row.text.split())[:160]
            if column == 2:
                label = status_label(row.status)
                count = row.open_comments
                comments = self.tr("1 comment") if count == 1 else self.tr("%1 comments").replace("%1", number(count))
                return f"{label} · {comments}" if count else label
            if column == 3:
                return ", ".join(title_of(network) for network in row.networks)
            if column == 4:
                return " ".join(f"#{tag}" for tag in row.tags)
            if column == 5:
                return _local(row.next_schedule, self.zone)
            if column == 6:
                who = self._changed_by.get(row.id)
                if row.id in self._refused:
                    who = self.tr("refused by the team, kept here")
                return f"{_local(row.updated_at, self.zone)} · {who}" if who else _local(row.updated_at, self.zone)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(row.client_colour)
        if column == 1 and row.id in self._conflicts and role in (Qt.ItemDataRole.DecorationRole,
                                                                  Qt.ItemDataRole.ToolTipRole):
            return self._conflict_mark(role, row.id)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.text[:280]
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.id in self._refused:
            return self._refused[row.id]
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.id in self._changed_by:
            return self.tr("Last changed in the team by %1").replace("%1", self._changed_by[row.id])
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):  # a narrow column: the whole of it
            return row.client_name if column == 0 else ", ".join(title_of(network) for network in row.networks)
        if role == DRAFT_ID_ROLE:
            return row.id
        return None

    def _conflict_mark(self, role: int, draft_id: int) -> Any:
        """A team conflict's mark on the text cell: an icon, and the notice's sentence as tooltip."""
        if role == Qt.ItemDataRole.DecorationRole:
            if self._conflict_icon is None:
                from studio.ui.team.conflict_notice import conflict_icon

                self._conflict_icon = conflict_icon()
            return self._conflict_icon
        return self.tr("Your text and a teammate's overlapped: yours is kept as revision %n.", "",
                       self._conflicts[draft_id])

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [DRAFT_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        """A dragged row carries its draft's id (the calendar schedules it on the day it is dropped on)."""
        data = QMimeData()
        ids = [self.draft_id(index.row()) for index in indexes if index.isValid()]
        if ids and ids[0] is not None:
            data.setData(DRAFT_MIME, str(ids[0]).encode())
        return data

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._set_loading(True)
        generation = self._generation
        self._run(self._page, (self.filter, self.sort_key, self.descending, self._rows[-1] if self._rows else None),
                  lambda rows: self._append(generation, rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.sort_key, self.descending):
            return  # the view repeats the current sort when sorting is switched on: nothing to load
        self.sort_key = key
        self.descending = descending
        self.reload()

    # --- what the workspace asks --------------------------------------------------------

    def draft_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, draft_id: int) -> int | None:
        return self._row_of.get(draft_id)

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: DraftFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def reload(self) -> None:
        """Count and fetch the first page again (a new filter, sort, or a bulk change)."""
        self._generation += 1
        generation = self._generation
        self._set_loading(True)
        self._run(self._first, (self.filter, self.sort_key, self.descending),
                  lambda result: self._reset(generation, result))

    def reload_now(self) -> None:
        """:meth:`reload` on the spot, whatever the model's task helper."""
        self._generation += 1
        self._reset(self._generation, self._first(self.filter, self.sort_key, self.descending))

    def draft_changed(self, draft_id: int) -> None:
        """One draft changed (or appeared, or went): update its row soon, alone."""
        self._dirty.add(draft_id)
        self._refresh_timer.start()

    def library_changed(self, kind: str, ident: object) -> None:
        """Slot for :class:`LibrarySignals.changed`."""
        if kind in {"draft", "comment"} and isinstance(ident, int):
            self.draft_changed(ident)
        elif kind in {"library", "client"}:
            self.reload()

    # --- loading --------------------------------------------------------------------------

    def _first(self, flt: DraftFilter, sort: str, descending: bool) -> tuple[int, list[DraftRow]]:
        total = self.library.count_drafts(flt)
        return total, self._note_refused(self._note_who(self.library.list_drafts(
            flt, sort=sort, offset=0, limit=PAGE, descending=descending)))

    def _page(self, flt: DraftFilter, sort: str, descending: bool, after: DraftRow | None) -> list[DraftRow]:
        rows: list[DraftRow] = self.library.list_drafts(flt, sort=sort, limit=PAGE, descending=descending,
                                                        after=after)
        return self._note_refused(self._note_who(rows))

    def _note_who(self, rows: list[DraftRow]) -> list[DraftRow]:
        """Learn who in the team last changed ``rows`` (on the loading thread; empty when unlinked)."""
        connection = getattr(self.library, "connection", None)
        if connection is not None and rows:
            from studio.team.local import last_changed, open_conflicts

            ids = [row.id for row in rows]
            self._changed_by.update(last_changed(connection, ids))
            conflicts = open_conflicts(connection, ids)
            for draft_id in ids:
                self._conflicts.pop(draft_id, None)
            self._conflicts.update({draft_id: c.number for draft_id, c in conflicts.items()})
        return rows

    def _note_refused(self, rows: list[DraftRow]) -> list[DraftRow]:
        """Learn which of ``rows`` hold a change the team refused, kept here (on the loading thread)."""
        connection = getattr(self.library, "connection", None)
        if connection is not None and rows:
            from studio.team.rights import refused

            marks = {mark.local_id: mark.sentence for mark in refused(connection, "draft")}
            for row in rows:
                self._refused.pop(row.id, None)
                if row.id in marks:
                    self._refused[row.id] = marks[row.id]
        return rows

    def _run(self, fn: Any, args: tuple[Any, ...], done: Any) -> None:
        if self.tasks is None:
            done(fn(*args))
            return
        self.tasks.run(fn, *args, on_done=done, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self._set_loading(False)
        log.error("Loading drafts failed", exc_info=(type(error), error, error.__traceback__))
        message = in_words(error, self.tr("Studio could not read the drafts"))
        self.failed.emit(message)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def _reset(self, generation: int, result: tuple[int, list[DraftRow]]) -> None:
        if generation != self._generation:
            return
        total, rows = result
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {row.id: i for i, row in enumerate(self._rows)}
        self._total = max(total, len(self._rows))
        self.endResetModel()
        self._set_loading(False)
        self.total_changed.emit(self._total)

    def _append(self, generation: int, rows: list[DraftRow]) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        fresh = [row for row in rows if row.id not in self._row_of]  # a row edited meanwhile may come twice
        if not rows:
            self._total = len(self._rows)  # fewer than counted: drafts went away meanwhile
            self.total_changed.emit(self._total)
            return
        if not fresh:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        for offset, row in enumerate(fresh):
            self._row_of[row.id] = start + offset
            self._rows.append(row)
        self.endInsertRows()

    def _refresh_dirty(self) -> None:
        ids, self._dirty = tuple(sorted(self._dirty)), set()
        if not ids:
            return
        flt = DraftFilter(**{**self.filter.__dict__, "ids": ids})
        generation = self._generation
        self._run(lambda: self._note_refused(self._note_who(self.library.list_drafts(flt, limit=len(ids)))), (),
                  lambda rows: self._apply(generation, ids, rows))

    def _apply(self, generation: int, ids: tuple[int, ...], rows: list[DraftRow]) -> None:
        if generation != self._generation:
            return
        found = {row.id: row for row in rows}
        for draft_id in ids:
            row = found.get(draft_id)
            position = self._row_of.get(draft_id)
            if position is not None and row is not None:
                self._rows[position] = row
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))
            elif position is not None:  # deleted, or no longer matches the filter
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
                self._row_of = {r.id: i for i, r in enumerate(self._rows)}
                self._total = max(0, self._total - 1)
                self.total_changed.emit(self._total)
            elif row is not None:  # new, or newly matching: shown where the sort puts it
                at = self._place_of(row)
                self._total += 1
                if at is not None:
                    self.beginInsertRows(QModelIndex(), at, at)
                    self._rows.insert(at, row)
                    self.endInsertRows()
                    self._row_of = {r.id: i for i, r in enumerate(self._rows)}
                self.total_changed.emit(self._total)

    def _place_of(self, row: DraftRow) -> int | None:
        """Where ``row`` goes among the rows loaded so far, in the current sort; ``None`` when it
        sorts after them and pages are still to come (the page that holds it will bring it)."""
        key = sort_key(row, self.sort_key)
        for position, other in enumerate(self._rows):
            theirs = sort_key(other, self.sort_key)
            if (theirs < key) if self.descending else (theirs > key):
                return position
        return len(self._rows) if len(self._rows) >= self._total else None
