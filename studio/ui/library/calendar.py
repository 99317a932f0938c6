"""A month and week calendar of scheduled posts, coloured by client; dragging a post reschedules it.

Instants come from the library in UTC and are laid out in the user's zone (``zone``); a post
dragged to another day keeps its wall-clock time there, across DST changes
(:func:`studio.library.times.on_day`), and in the week view it takes the time it is dropped at,
to the quarter hour.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.library.times import local_zone, on_day, parse_utc, wall_clock
from studio.model import Schedule
from studio.ui import locale_format
from studio.ui.library.drops import DraftDrops
from studio.ui.locale_format import number
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library

HEADER = 22
CHIP = 18
GUTTER = 44
LOCKED = ("sending", "published")


def _text_colour(background: QColor) -> QColor:
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#111111") if luminance > 150 else QColor("#ffffff")


class CalendarGrid(DraftDrops, QWidget):
    """The painted grid of days (month: 6 weeks; week: 7 days by 24 hours).

    Signals: ``move_requested(int schedule_id, object when)`` with an aware UTC datetime after a
    drag; ``open_requested(int draft_id)`` on a double click on a post; ``day_requested(object
    date)`` on a double click on a day's "+N more"; ``schedule_requested(object draft_id, object
    date, object time)`` on a double click on a free spot of a day (draft ``None``: the caller's
    current one) or when a draft from the Library's list is dropped on a day (the time is ``None``
    in the month view).
    """

    move_requested = Signal(int, object)
    open_requested = Signal(int)
    day_requested = Signal(object)
    schedule_requested = Signal(object, object, object)

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.mode = "month"
        self.first_day = date.today()
        self.items: list[Schedule] = []
        self.colours: dict[int, str] = {}
        self.selected: int | None = None  # a schedule id, for the keyboard
        self._press: tuple[Schedule, QPoint] | None = None
        self._drag_at: QPoint | None = None
        self.setMouseTracking(False)
        self.setMinimumSize(QSize(420, 300))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Calendar of scheduled posts"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setToolTip(self.tr("Drag a post to move it; double-click a day, or drop a draft from the list on it, to "
                                "schedule there. Keyboard: Alt+arrows move the selected post, Enter opens it."))

    # --- layout ---------------------------------------------------------------------------

    @property
    def day_count(self) -> int:
        return 42 if self.mode == "month" else 7

    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(self.day_count)]

    def local(self, item: Schedule) -> datetime:
        return parse_utc(item.scheduled_at).astimezone(self.zone)

    def _left(self) -> int:
        return GUTTER if self.mode == "week" else 0

    def _column_width(self) -> float:
        return (self.width() - self._left()) / 7

    def _hour_height(self) -> float:
        return (self.height() - HEADER) / 24

    def day_rect(self, day: date) -> QRect:
        """The area of ``day`` (month: its cell; week: its column)."""
        index = (day - self.first_day).days
        width = self._column_width()
        x = int(self._left() + (index % 7) * width)
        if self.mode == "month":
            height = (self.height() - HEADER) / 6
            y = int(HEADER + (index // 7) * height)
            return QRect(x, y, int(width), int(height))
        return QRect(x, HEADER, int(width), self.height() - HEADER)

    def point_at(self, day: date, at: time) -> QPoint:
        """Where a drop lands on ``day`` at ``at`` (week view), or inside the day's cell (month)."""
        rect = self.day_rect(day)
        if self.mode == "month":
            return rect.center()
        y = HEADER + (at.hour + at.minute / 60) * self._hour_height()
        return QPoint(rect.center().x(), int(y) + 1)

    def item_rects(self) -> list[tuple[Schedule, QRect]]:
        return self._layout()[0]

    def overflow(self) -> dict[date, tuple[int, QRect]]:
        """Month view: days with more posts than fit, with how many are hidden and where it says so."""
        return self._layout()[1]

    def _layout(self) -> tuple[list[tuple[Schedule, QRect]], dict[date, tuple[int, QRect]]]:
        placed: list[tuple[Schedule, QRect]] = []
        hidden: dict[date, tuple[int, QRect]] = {}
        by_day: dict[date, list[Schedule]] = {}
        for item in self.items:
            by_day.setdefault(self.local(item).date(), []).append(item)
        for day, items in by_day.items():
            if not 0 <= (day - self.first_day).days < self.day_count:
                continue
            rect = self.day_rect(day)
            if self.mode == "month":
                room = max(1, (rect.height() - CHIP) // (CHIP + 1))
                shown = items if len(items) <= room else items[: room - 1]
                for n, item in enumerate(shown):
                    placed.append((item, QRect(rect.x() + 2, rect.y() + CHIP + n * (CHIP + 1), rect.width() - 4, CHIP)))
                if len(shown) < len(items):
                    top = rect.y() + CHIP + len(shown) * (CHIP + 1)
                    hidden[day] = (len(items) - len(shown), QRect(rect.x() + 4, top, rect.width() - 8, CHIP))
            else:
                bottoms: list[int] = []
                for item in items:
                    when = self.local(item)
                    y = int(HEADER + (when.hour + when.minute / 60) * self._hour_height())
                    height = max(CHIP, int(self._hour_height() * 0.9))
                    depth = sum(1 for bottom in bottoms if bottom > y)
                    bottoms.append(y + height)
                    indent = min(depth * 10, rect.width() // 2)
                    placed.append((item, QRect(rect.x() + 2 + indent, y, rect.width() - 4 - indent, height)))
        return placed, hidden

    def item_rect(self, schedule_id: int) -> QRect | None:
        for item, rect in self.item_rects():
            if item.id == schedule_id:
                return rect
        return None

    def item_at(self, point: QPoint) -> Schedule | None:
        for item, rect in reversed(self.item_rects()):
            if rect.contains(point):
                return item
        return None

    def day_at(self, point: QPoint) -> date | None:
        width = self._column_width()
        column = int((point.x() - self._left()) // width) if width > 0 else -1
        if not 0 <= column < 7 or point.y() < HEADER:
            return None
        if self.mode == "month":
            row = int((point.y() - HEADER) // ((self.height() - HEADER) / 6))
            if not 0 <= row < 6:
                return None
            return self.first_day + timedelta(days=row * 7 + column)
        return self.first_day + timedelta(days=column)

    def time_at(self, point: QPoint) -> time:
        minutes = (point.y() - HEADER) / self._hour_height() * 60
        minutes = max(0, min(23 * 60 + 45, int(round(minutes / 15) * 15)))
        return time(minutes // 60, minutes % 60)

    # --- mouse ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        item = self.item_at(point)
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self._press = (item, point)
            self.selected = item.id
            self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None:
            point = event.position().toPoint()
            far = (point - self._press[1]).manhattanLength() >= QApplication.startDragDistance()
            if (self._drag_at is not None or far) and self._press[0].state not in LOCKED:
                self._drag_at = point
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, dragged_to = self._press, self._drag_at
        self._press = self._drag_at = None
        self.unsetCursor()
        self.update()
        if press is not None and dragged_to is not None:
            item = press[0]
            target = self.drop_target(item, event.position().toPoint())
            if target is not None and target != parse_utc(item.scheduled_at):
                self.move_requested.emit(item.id, target)
        super().mouseReleaseEvent(event)

    def drop_target(self, item: Schedule, point: QPoint) -> datetime | None:
        """The UTC instant ``item`` moves to when dropped at ``point``."""
        day = self.day_at(point)
        if day is None:
            return None
        if self.mode == "month":
            return on_day(item.scheduled_at, day, self.zone)
        return wall_clock(day, self.time_at(point), self.zone)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = next((i for i in self.items if i.id == self.selected), None)
        key = event.key()
        if item is None:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value):
            self.open_requested.emit(item.draft_id)
            return
        steps: dict[int, int] = {Qt.Key.Key_Left.value: -1, Qt.Key.Key_Right.value: 1, Qt.Key.Key_Up.value: -1,
                                 Qt.Key.Key_Down.value: 1}
        if not event.modifiers() & Qt.KeyboardModifier.AltModifier or key not in steps or item.state in LOCKED:
            super().keyPressEvent(event)
            return
        local = self.local(item)
        if key in (Qt.Key.Key_Left.value, Qt.Key.Key_Right.value):
            target = on_day(item.scheduled_at, local.date() + timedelta(days=steps[key]), self.zone)
        elif self.mode == "month":
            target = on_day(item.scheduled_at, local.date() + timedelta(days=7 * steps[key]), self.zone)
        else:
            moved = (local.replace(tzinfo=None) + timedelta(minutes=15 * steps[key]))
            target = wall_clock(moved.date(), moved.time(), self.zone)
        self.move_requested.emit(item.id, target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        item = self.item_at(point)
        if item is not None:
            self.open_requested.emit(item.draft_id)
        elif any(rect.contains(point) for _count, rect in self.overflow().values()):
            self.day_requested.emit(next(day for day, (_c, rect) in self.overflow().items() if rect.contains(point)))
        elif (day := self.day_at(point)) is not None:
            self.schedule_requested.emit(None, day, self.time_at(point) if self.mode == "week" else None)
        super().mouseDoubleClickEvent(event)

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base, text, grid = palette.base().color(), palette.text().color(), palette.mid().color()
        painter.fillRect(self.rect(), base)
        today = datetime.now(self.zone).date()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        width = self._column_width()
        for column, name in enumerate(locale_format.weekdays()):
            header = QRectF(self._left() + column * width, 0, width, HEADER)
            painter.setPen(text)
            label = name if self.mode == "month" else f"{name} {(self.first_day + timedelta(days=column)).day}"
            painter.drawText(header, Qt.AlignmentFlag.AlignCenter, label)
        if self.mode == "week":
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            for hour in range(0, 24, 2):
                y = int(HEADER + hour * self._hour_height())
                painter.drawLine(self._left(), y, self.width(), y)
                painter.setPen(text)
                painter.drawText(QRect(0, y, GUTTER - 4, CHIP), Qt.AlignmentFlag.AlignRight, locale_format.clock(hour))
                painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        month = (self.first_day + timedelta(days=15)).month
        for day in self.days():
            rect = self.day_rect(day)
            if day == today:
                painter.fillRect(rect, palette.alternateBase())
            painter.setPen(QPen(grid))
            painter.drawRect(rect)
            if self.mode == "month":
                painter.setPen(text if day.month == month else palette.placeholderText().color())
                painter.drawText(rect.adjusted(4, 1, -4, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                                 str(day.day))
        dragging = self._press[0].id if self._press is not None and self._drag_at is not None else None
        placed, hidden = self._layout()
        for item, rect in placed:
            self._paint_chip(painter, item, rect, faded=item.id == dragging)
        painter.setPen(text)
        for count, rect in hidden.values():
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.tr("+%1 more").replace("%1", number(count)))
        if dragging is not None and self._press is not None and self._drag_at is not None:
            ghost = QRect(self._drag_at - QPoint(40, CHIP // 2), QSize(max(80, int(width) - 8), CHIP))
            self._paint_chip(painter, self._press[0], ghost)
        painter.end()

    def _paint_chip(self, painter: QPainter, item: Schedule, rect: QRect, faded: bool = False) -> None:
        colour = QColor(self.colours.get(item.client_id or 0, "#4f7cff"))
        if faded:
            colour.setAlpha(90)
        selected = item.id == self.selected and self.hasFocus()
        painter.setPen(QPen(self.palette().highlight().color(), 2) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(rect), 4, 4)
        painter.setPen(_text_colour(colour))
        mark = {"published": "✓ ", "failed-retry": "! ", "failed-permanent": "! ", "uncertain": "? "}.get(
            item.state or "", "")
        if item.account_id is None:
            mark = "○ "  # planned: no account chosen yet
        label = f"{mark}{locale_format.moment(self.local(item), locale_format.TIME)} {' '.join(item.excerpt.split())}"
        elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, rect.width() - 6)
        painter.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)


class CalendarView(QWidget):
    """Toolbar (previous, today, next, month/week) over a :class:`CalendarGrid`; loads the shown
    range from the library and reschedules what is dragged.

    Signals: ``open_draft_requested(int draft_id)``; ``rescheduled(int schedule_id)`` after a
    move was stored; ``failed(str message)`` when it was refused; ``schedule_requested`` as the grid's.
    """

    open_draft_requested = Signal(int)
    schedule_requested = Signal(object, object, object)
    rescheduled = Signal(int)
    failed = Signal(str)

    def __init__(self, library: Library, tasks: Tasks, zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.zone = zone or local_zone()
        self.client_id: int | None = None
        self.anchor = datetime.now(self.zone).date()
        self._generation = 0
        self.grid = CalendarGrid(self.zone)
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        previous, following = QToolButton(), QToolButton()
        previous.setText("‹")
        previous.setToolTip(self.tr("Previous"))
        following.setText("›")
        following.setToolTip(self.tr("Next"))
        today = QPushButton(self.tr("Today"))
        self.month_button, self.week_button = QPushButton(self.tr("Month")), QPushButton(self.tr("Week"))
        group = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            group.addButton(button)
        self.month_button.setChecked(True)
        bar = QHBoxLayout()
        bar.addWidget(previous)
        bar.addWidget(today)
        bar.addWidget(following)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        today.clicked.connect(lambda: self.go_to(datetime.now(self.zone).date()))
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.grid.move_requested.connect(self.reschedule)
        self.grid.open_requested.connect(self.open_draft_requested)
        self.grid.day_requested.connect(self.show_week_of)
        self.grid.schedule_requested.connect(self.schedule_requested)
        self._layout_range()

    def show_week_of(self, day: date) -> None:
        """The week view around ``day`` (from a month cell's "+N more")."""
        self.anchor = day
        self.set_mode("week")

    def set_mode(self, mode: str) -> None:
        self.grid.mode = mode
        (self.month_button if mode == "month" else self.week_button).setChecked(True)
        self._layout_range()
        self.reload()

    def go_to(self, day: date) -> None:
        self.anchor = day
        self._layout_range()
        self.reload()

    def step(self, direction: int) -> None:
        if self.grid.mode == "week":
            self.go_to(self.anchor + timedelta(days=7 * direction))
            return
        month = self.anchor.month - 1 + direction
        self.go_to(date(self.anchor.year + month // 12, month % 12 + 1, 1))

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.reload()

    def _layout_range(self) -> None:
        if self.grid.mode == "month":
            first = self.anchor.replace(day=1)
            self.grid.first_day = first - timedelta(days=first.weekday())
            self.title.setText(locale_format.moment(first, locale_format.MONTH))
        else:
            self.grid.first_day = self.anchor - timedelta(days=self.anchor.weekday())
            last = self.grid.first_day + timedelta(days=6)
            self.title.setText(f"{locale_format.moment(self.grid.first_day, locale_format.DAY_MONTH)} – "
                               f"{locale_format.moment(last, locale_format.DATE)}")
        self.grid.update()

    def shown_range(self) -> tuple[datetime, datetime]:
        """The first and the day after the last shown day, as aware datetimes in the user's zone."""
        first = self.grid.first_day
        end = first + timedelta(days=self.grid.day_count)
        return wall_clock(first, time(0), self.zone), wall_clock(end, time(0), self.zone)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        start, end = self.shown_range()
        self.tasks.run(self._load, start, end, self.client_id,
                       on_done=lambda result: self._loaded(generation, result), on_error=self._failed)

    def _load(self, start: datetime, end: datetime, client_id: int | None) -> tuple[list[Schedule], dict[int, str]]:
        schedules = self.library.list_schedules(start, end, client_id)
        colours = {client.id: client.colour for client in self.library.list_clients(include_archived=True)}
        return schedules, colours

    def _loaded(self, generation: int, result: tuple[list[Schedule], dict[int, str]]) -> None:
        if generation != self._generation:
            return
        self.grid.items, self.grid.colours = result
        self.grid.update()

    def reschedule(self, schedule_id: int, when: datetime) -> None:
        """Store a drag: reschedule on the writes pool, then show the outcome. A time that has
        passed is refused here: the publisher would post it at once."""
        if when <= datetime.now(UTC):
            shown = locale_format.moment(when, locale_format.DATE_TIME, self.zone)
            self.failed.emit(self.tr("%1 has passed; a post moved there would be published at once. "
                                     "Drop it on a later day or time.").replace("%1", shown))
            self.grid.update()
            return
        self.tasks.run(self.library.reschedule, schedule_id, when.astimezone(UTC),
                       on_done=self._moved, on_error=self._failed, pool="writes")

    def _moved(self, schedule: Schedule) -> None:
        self.rescheduled.emit(schedule.id)
        day = parse_utc(schedule.scheduled_at).astimezone(self.zone).date()
        if 0 <= (day - self.grid.first_day).days < self.grid.day_count:
            self.reload()
        else:  # moved out of sight (keyboard): follow it
            self.go_to(day)

    def _failed(self, error: BaseException) -> None:
        from studio.errors import in_words

        message = in_words(error, self.tr("The calendar could not be updated"))
        self.failed.emit(message)
        self.reload()
