"""The calendar: posts in the user's zone, coloured by client; dragging reschedules, across DST."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.library.calendar import CalendarView

BERLIN = ZoneInfo("Europe/Berlin")


def _calendar(context: AppContext, qtbot: QtBot, mode: str = "month") -> tuple[CalendarView, Library, int]:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme", colour="#aa2200")
    account = library.add_account(client.id, "mastodon", "@acme@example.social")
    draft = library.create_draft(client.id, "spring post", status="approved")
    # Friday 28 March 2036, 09:00 in Berlin (CET): 08:00 UTC. Clocks go forward on Sunday 30th.
    schedule = library.schedule(draft.id, account.id, datetime(2036, 3, 28, 9, 0, tzinfo=BERLIN))
    view = CalendarView(library, context.tasks, zone=BERLIN)
    qtbot.addWidget(view)
    view.resize(980, 640)
    view.show()
    view.set_mode(mode)
    view.go_to(date(2036, 3, 28))
    return view, library, schedule.id


def _drag(view: CalendarView, start: QPoint, end: QPoint) -> None:
    grid = view.grid
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    QTest.mouseMove(grid, middle)
    QTest.mouseMove(grid, end)
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_posts_show_in_the_users_zone_and_colour(context: AppContext, qtbot: QtBot) -> None:
    view, _library, schedule_id = _calendar(context, qtbot)
    rect = view.grid.item_rect(schedule_id)
    assert rect is not None and view.grid.day_rect(date(2036, 3, 28)).contains(rect.center())
    image = view.grid.grab().toImage()
    assert image.pixelColor(rect.center().x() + rect.width() // 3, rect.center().y()) == QColor("#aa2200")


def test_dragging_across_the_dst_change_keeps_the_wall_clock(context: AppContext, qtbot: QtBot) -> None:
    view, library, schedule_id = _calendar(context, qtbot)
    rect = view.grid.item_rect(schedule_id)
    assert rect is not None
    with qtbot.waitSignal(view.rescheduled):
        _drag(view, rect.center(), view.grid.day_rect(date(2036, 3, 31)).center())
    moved = library.get_schedule(schedule_id)
    assert moved.scheduled_at == "2036-03-31T07:00:00Z"  # 09:00 CEST
    assert datetime.fromisoformat(moved.scheduled_at.replace("Z", "+00:00")).astimezone(BERLIN).time() == time(9)
    new_rect = view.grid.item_rect(schedule_id)
    assert new_rect is not None and view.grid.day_rect(date(2036, 3, 31)).contains(new_rect.center())


def test_week_view_drops_at_the_time_under_the_mouse(context: AppContext, qtbot: QtBot) -> None:
    view, library, schedule_id = _calendar(context, qtbot, mode="week")
    assert view.grid.first_day == date(2036, 3, 24)
    view.go_to(date(2036, 3, 28))
    rect = view.grid.item_rect(schedule_id)
    assert rect is not None
    # Within the week of the change: to Sunday 30th at 14:30 (CEST, +02:00).
    target = view.grid.point_at(date(2036, 3, 30), time(14, 30))
    with qtbot.waitSignal(view.rescheduled):
        _drag(view, rect.center(), target)
    assert library.get_schedule(schedule_id).scheduled_at == "2036-03-30T12:30:00Z"


def test_a_published_post_does_not_move(context: AppContext, qtbot: QtBot) -> None:
    view, library, schedule_id = _calendar(context, qtbot)
    library.connection.execute("UPDATE publications SET state = 'published' WHERE schedule_id = ?", (schedule_id,))
    view.reload()
    rect = view.grid.item_rect(schedule_id)
    assert rect is not None
    _drag(view, rect.center(), view.grid.day_rect(date(2036, 3, 31)).center())
    assert library.get_schedule(schedule_id).scheduled_at == "2036-03-28T08:00:00Z"


def test_double_click_opens_the_draft_and_navigation(context: AppContext, qtbot: QtBot) -> None:
    view, library, schedule_id = _calendar(context, qtbot)
    rect = view.grid.item_rect(schedule_id)
    assert rect is not None
    with qtbot.waitSignal(view.open_draft_requested) as opened:
        QTest.mouseDClick(view.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert opened.args == [library.get_schedule(schedule_id).draft_id]
    view.step(1)
    assert view.title.text() == "April 2036" and view.grid.item_rect(schedule_id) is None
    view.step(-1)
    assert view.grid.item_rect(schedule_id) is not None
    view.set_client(library.add_client("Other").id)
    assert view.grid.item_rect(schedule_id) is None


def test_a_full_day_says_how_many_more_and_opens_its_week(context: AppContext, qtbot: QtBot) -> None:
    view, library, _ = _calendar(context, qtbot)
    account = library.list_accounts()[0]
    for hour in range(10, 20):
        draft = library.create_draft(account.client_id, f"extra {hour}")
        library.schedule(draft.id, account.id, datetime(2036, 3, 28, hour, tzinfo=BERLIN))
    view.reload()
    hidden = view.grid.overflow()
    assert date(2036, 3, 28) in hidden
    count, rect = hidden[date(2036, 3, 28)]
    assert count + sum(1 for item, _ in view.grid.item_rects() if view.grid.local(item).date() == date(2036, 3, 28)) == 11
    QTest.mouseDClick(view.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert view.grid.mode == "week" and view.grid.first_day == date(2036, 3, 24)
    assert len(view.grid.item_rects()) == 11


def test_the_keyboard_moves_the_selected_post(context: AppContext, qtbot: QtBot) -> None:
    view, library, schedule_id = _calendar(context, qtbot)
    rect = view.grid.item_rect(schedule_id)
    assert rect is not None
    QTest.mouseClick(view.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert view.grid.selected == schedule_id
    for _ in range(3):  # Friday 28 -> Monday 31 March, across the change to summer time
        with qtbot.waitSignal(view.rescheduled):
            QTest.keyClick(view.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert library.get_schedule(schedule_id).scheduled_at == "2036-03-31T07:00:00Z"
    view.set_mode("week")
    assert view.grid.item_rect(schedule_id) is None  # the week of the 28th
    view.go_to(date(2036, 3, 31))
    with qtbot.waitSignal(view.rescheduled):
        QTest.keyClick(view.grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert library.get_schedule(schedule_id).scheduled_at == "2036-03-31T06:45:00Z"
    with qtbot.waitSignal(view.open_draft_requested):
        QTest.keyClick(view.grid, Qt.Key.Key_Return)
    for _ in range(7):  # out of the shown week: the view follows the post
        with qtbot.waitSignal(view.rescheduled):
            QTest.keyClick(view.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.grid.first_day == date(2036, 4, 7) and view.grid.item_rect(schedule_id) is not None


def test_a_post_cannot_be_moved_into_the_past(context: AppContext, qtbot: QtBot) -> None:
    view, library, schedule_id = _calendar(context, qtbot)
    with qtbot.waitSignal(view.failed) as failed:
        view.reschedule(schedule_id, datetime(2020, 1, 1, 9, tzinfo=BERLIN))
    assert "has passed" in failed.args[0]
    assert library.get_schedule(schedule_id).scheduled_at == "2036-03-28T08:00:00Z"
