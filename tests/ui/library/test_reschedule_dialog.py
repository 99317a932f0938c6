"""Rescheduling from the drafts list: the user's wall clock across DST, past times refused."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot

from studio.ui.context import AppContext
from studio.ui.library.reschedule_dialog import RescheduleDialog

BERLIN = ZoneInfo("Europe/Berlin")


def test_moving_a_post_across_the_dst_change_keeps_the_wall_clock(context: AppContext, qtbot: QtBot) -> None:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme")
    account = library.add_account(client.id, "mastodon", "@acme@example.social")
    draft = library.create_draft(client.id, "spring post", status="approved")
    # Friday 28 March 2036, 09:00 in Berlin (CET, UTC+1); clocks go forward on Sunday 30th.
    schedule = library.schedule(draft.id, account.id, datetime(2036, 3, 28, 9, 0, tzinfo=BERLIN))
    dialog = RescheduleDialog(library, context.tasks, draft.id, zone=BERLIN)
    qtbot.addWidget(dialog)
    field = dialog.fields[schedule.id]
    assert field.time() == QTime(9, 0)  # shown in the user's zone
    field.setDateTime(QDateTime(QDate(2036, 3, 31), QTime(9, 0)))  # Monday, now CEST (UTC+2)
    with qtbot.waitSignal(dialog.rescheduled):
        dialog.accept()
    assert library.get_schedule(schedule.id).scheduled_at == "2036-03-31T07:00:00Z"


def test_a_time_in_the_past_is_refused_and_nothing_moves(context: AppContext, qtbot: QtBot) -> None:
    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme")
    account = library.add_account(client.id, "mastodon", "@acme@example.social")
    draft = library.create_draft(client.id, "post", status="approved")
    schedule = library.schedule(draft.id, account.id, datetime(2036, 3, 28, 9, 0, tzinfo=BERLIN))
    dialog = RescheduleDialog(library, context.tasks, draft.id, zone=BERLIN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields[schedule.id].setDateTime(QDateTime(QDate(2020, 1, 6), QTime(9, 0)))
    dialog.accept()
    assert dialog.isVisible()
    assert "in the past" in dialog.message.text()
    assert library.get_schedule(schedule.id).scheduled_at == "2036-03-28T08:00:00Z"
