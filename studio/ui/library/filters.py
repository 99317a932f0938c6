"""The filter bar above the drafts list and the calendar: search, client, status, network, tag
and date."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from studio.library.drafts import DraftFilter
from studio.library.times import local_zone, to_utc_text, wall_clock
from studio.model import STATUSES, Client
from studio.text import networks as text_networks
from studio.ui.translation import QT_TRANSLATE_NOOP, status_label

# (label, date field, days back, days span; span 0 with a field: the days chosen in the date boxes)
DATES: tuple[tuple[str, str, int, int], ...] = (
    (QT_TRANSLATE_NOOP("FilterBar", "Any date"), "", 0, 0),
    (QT_TRANSLATE_NOOP("FilterBar", "Changed today"), "updated", 0, 1),
    (QT_TRANSLATE_NOOP("FilterBar", "Changed in the last 7 days"), "updated", 6, 7),
    (QT_TRANSLATE_NOOP("FilterBar", "Changed in the last 30 days"), "updated", 29, 30),
    (QT_TRANSLATE_NOOP("FilterBar", "Changed between…"), "updated", 0, 0),
    (QT_TRANSLATE_NOOP("FilterBar", "Scheduled in the next 7 days"), "scheduled", 0, 7),
    (QT_TRANSLATE_NOOP("FilterBar", "Scheduled in the next 30 days"), "scheduled", 0, 30),
    (QT_TRANSLATE_NOOP("FilterBar", "Scheduled between…"), "scheduled", 0, 0),
)


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class FilterBar(QWidget):
    """Search field and filter boxes; search is instant (a short pause after typing).

    Signals: ``changed(object)`` with the new :class:`studio.library.DraftFilter`.
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search text, variants, tags, notes, clients…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search drafts"))
        self.client = QComboBox()
        self.client.setAccessibleName(self.tr("Client"))
        self.client.addItem(self.tr("All clients"), None)
        # As wide as the longest client name (a name cut in the filter reads as another client).
        self.client.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status.addItem(status_label(status), status)
        self.network = QComboBox()
        self.network.setAccessibleName(self.tr("Network"))
        self.network.addItem(self.tr("Any network"), None)
        for network, title in text_networks():
            self.network.addItem(title, network)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.addItem(self.tr("Any tag"), None)
        self._wanted_client: int | None = None
        self.date = QComboBox()
        self.date.setAccessibleName(self.tr("Date"))
        for label, *_ in DATES:
            self.date.addItem(self.tr(label))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To (inclusive)"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDate(QDate.currentDate())
            edit.setAccessibleName(name)
            edit.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for box in (self.client, self.status, self.network, self.tag, self.date):
            layout.addWidget(box, 1)
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_to)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(150)
        self._pause.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._pause.start())
        for box in (self.client, self.status, self.network, self.tag, self.date):
            box.currentIndexChanged.connect(lambda _index: self._emit())
        self.date.currentIndexChanged.connect(self._show_range)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _date: self._emit())

    def set_clients(self, clients: list[Client]) -> None:
        current = self.client.currentData()
        blocked = self.client.blockSignals(True)
        self.client.clear()
        self.client.addItem(self.tr("All clients"), None)
        for client in clients:
            self.client.addItem(swatch(client.colour), client.name, client.id)
        self.client.setCurrentIndex(max(0, self.client.findData(current)) if current is not None else 0)
        self.client.blockSignals(blocked)
        self.client.setToolTip(self.client.currentText())
        self.client.setMinimumWidth(min(self.client.sizeHint().width(), 300))  # the bar squeezes, never cuts
        if self._wanted_client is not None:
            self.set_client(self._wanted_client)

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        blocked = self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), None)
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)) if current is not None else 0)
        self.tag.blockSignals(blocked)

    def set_client(self, client_id: int | None) -> None:
        """Choose ``client_id``; one not listed yet is chosen when :meth:`set_clients` lists it."""
        index = self.client.findData(client_id) if client_id is not None else 0
        self._wanted_client = client_id if index < 0 else None
        if index >= 0:
            self.client.setCurrentIndex(index)

    def client_id(self) -> int | None:
        data = self.client.currentData()
        return int(data) if data is not None else None

    def _show_range(self, index: int) -> None:
        custom = bool(DATES[index][1]) and DATES[index][3] == 0
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def current(self, now: datetime | None = None) -> DraftFilter:
        """The filter the boxes describe (days are the user's, in their zone)."""
        now = now or datetime.now(UTC)
        zone = local_zone()
        status: Any = self.status.currentData()
        _, field, back, span = DATES[max(0, self.date.currentIndex())]
        since = until = None
        if field:
            midnight = time(0)
            if span == 0:  # the days in the boxes, both included
                a, b = self.date_from.date(), self.date_to.date()
                first = date(a.year(), a.month(), a.day())
                last = date(b.year(), b.month(), b.day())
                first, last = min(first, last), max(first, last)
                start = wall_clock(first, midnight, zone)
                end = wall_clock(last + timedelta(days=1), midnight, zone)
            elif field == "scheduled":
                start, end = now, now + timedelta(days=span)
            else:
                today = now.astimezone(zone).date()
                start = wall_clock(today - timedelta(days=back), midnight, zone)
                end = wall_clock(today - timedelta(days=back) + timedelta(days=span), midnight, zone)
            since, until = to_utc_text(start), to_utc_text(end)
        return DraftFilter(
            client_id=self.client_id(),
            statuses=(status,) if status else (),
            network=self.network.currentData(),
            tag=self.tag.currentData(),
            since=since,
            until=until,
            date_field=field or "updated",
            query=self.search.text(),
        )

    def _emit(self) -> None:
        self.changed.emit(self.current())
