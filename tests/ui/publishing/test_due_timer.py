"""A due post goes out at its time while the app is open: the service's timer is set to the next
due time and set again when schedules change (issue 11, item 10), not left to an hourly backstop."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from servers.library import add_account

from studio.publishing.queue import Queue
from studio.ui.context import AppContext
from studio.ui.publishing.service import PublishingService


def test_a_post_scheduled_while_the_app_runs_goes_out_at_its_time(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    library = context.library
    account = add_account(library, "folder", str(tmp_path / "out"), "By hand", "")
    client_id = library.get_account(account).client_id
    service = PublishingService(context, interval_ms=3_600_000)  # the backstop poll never fires here
    with qtbot.waitSignal(service.finished, timeout=20_000):
        service.start()
    assert service.next_due is None and not service.due_timer.isActive()

    later = library.create_draft(client_id, "Tomorrow's post")
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    library.schedule(later.id, account, tomorrow)
    qtbot.waitUntil(lambda: service.next_due is not None, timeout=10_000)
    assert abs((service.next_due - tomorrow).total_seconds()) < 1  # type: ignore[operator]
    assert service.due_timer.isActive() and service.due_timer.remainingTime() > 3_000_000

    soon = library.create_draft(client_id, "Sent on the dot")
    due = datetime.fromtimestamp(int(time.time()) + 2, UTC)  # the library keeps whole seconds
    library.schedule(soon.id, account, due)
    qtbot.waitUntil(lambda: service.next_due is not None and service.next_due < due + timedelta(seconds=1), timeout=10_000)
    assert service.due_timer.remainingTime() <= 2_100
    with qtbot.waitSignal(service.result, timeout=15_000) as sent:
        pass
    took = time.time() - due.timestamp()
    assert sent.args[0].state == "published" and sent.args[0].draft_id == soon.id
    assert took >= -0.05  # not before its time
    assert len(list((tmp_path / "out").iterdir())) == 1  # its package, written once
    # The timer moves on to the next due post (tomorrow's), and stopping the service stops it.
    qtbot.waitUntil(lambda: service.next_due is not None and service.next_due >= tomorrow - timedelta(seconds=1),
                    timeout=10_000)
    assert Queue(library).count_due() == 0
    service.stop()
    assert not service.due_timer.isActive()
