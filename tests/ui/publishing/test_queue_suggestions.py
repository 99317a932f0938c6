"""Add to queue on an account without posting slots offers the best times from the client's own
measured history (issue 15), says what they are based on, and offers nothing when history is thin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from servers.library import add_account

from studio.analytics import store
from studio.analytics.formulas import Counts
from studio.analytics.summary import suggest_slots
from studio.library.times import local_zone
from studio.publishing.queue import Queue
from studio.ui.context import AppContext
from studio.ui.publishing.actions import PublishActions
from studio.ui.publishing.schedule_dialog import ScheduleDialog


def _history(library: Any, client_id: int, posts: int) -> None:
    """``posts`` measured posts: the Tuesday 09:00 ones drew the most, then Thursday 19:00, Saturday 10:00."""
    zone = local_zone()
    today = datetime.now(zone).replace(minute=5, second=0, microsecond=0)
    best = ((1, 9, 90), (3, 19, 60), (5, 10, 40), (0, 14, 5))
    for n in range(posts):
        weekday, hour, likes = best[n % len(best)]
        day = today - timedelta(days=7 * (1 + n // len(best)))
        moment = (day - timedelta(days=(day.weekday() - weekday) % 7)).replace(hour=hour)
        draft = library.create_draft(client_id, f"Post {n}")
        store.record_snapshot(library, draft_id=draft.id, network="instagram", stage="manual", source="manual",
                              counts=Counts(likes=likes + n % 3), taken_at=moment.astimezone(UTC))


def _actions(context: AppContext, qtbot: QtBot, draft_id: int) -> tuple[QWidget, PublishActions]:
    host = QWidget()
    host.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a page takes the keyboard like this
    qtbot.addWidget(host)
    actions = PublishActions(context, host, lambda: draft_id)
    host.resize(600, 400)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    host.setFocus()
    return host, actions


def test_add_to_queue_offers_the_best_times_from_history(context: AppContext, qtbot: QtBot, tmp_path: Path,
                                                        screenshot: Callable[[Any, str], Path]) -> None:
    library = context.library
    account = add_account(library, "folder", str(tmp_path / "out"), "Instagram (by hand)", "",
                          {"variant": "instagram"}, client="Kopi")
    client_id = library.get_account(account).client_id
    _history(library, client_id, 12)
    suggestion = suggest_slots(library, client_id, local_zone(), datetime.now(UTC))
    assert suggestion is not None and suggestion.text() == "Tue 09:00, Thu 19:00, Sat 10:00"
    draft = library.create_draft(client_id, "Menu baru minggu ini", networks=["instagram"])
    _host, actions = _actions(context, qtbot, draft.id)
    actions.queue_action.trigger()  # the toolbar's "Add to queue"
    qtbot.waitUntil(lambda: isinstance(actions.offer, QMessageBox) and actions.offer.isVisible(), timeout=10_000)
    offer: QMessageBox = actions.offer
    assert "Instagram (by hand) has no posting slots" in offer.text()
    assert "Use the best times from your history: Tue 09:00, Thu 19:00, Sat 10:00?" in offer.text()
    assert "12 posts this client published in the last 90 days" in offer.informativeText()
    screenshot(offer, "queue-suggested-slots.png")
    with qtbot.waitSignal(actions.scheduled, timeout=10_000) as scheduled:
        qtbot.mouseClick(offer.defaultButton(), Qt.MouseButton.LeftButton)
    assert len(scheduled.args[0]) == 1
    assert [slot["time"] for slot in library.get_account(account).slots] == ["09:00", "19:00", "10:00"]
    upcoming = Queue(library).list()
    moment = next(item.scheduled_at for item in upcoming if item.draft_id == draft.id)
    local = datetime.fromisoformat(str(moment).replace("Z", "+00:00")).astimezone(local_zone())
    assert (local.weekday(), local.hour) in {(1, 9), (3, 19), (5, 10)}


def test_thin_history_offers_nothing_and_the_dialog_opens(context: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    library = context.library
    account = add_account(library, "folder", str(tmp_path / "out"), "Instagram (by hand)", "",
                          {"variant": "instagram"}, client="Kopi")
    client_id = library.get_account(account).client_id
    _history(library, client_id, 5)
    assert suggest_slots(library, client_id, local_zone(), datetime.now(UTC)) is None
    draft = library.create_draft(client_id, "Menu baru minggu ini", networks=["instagram"])
    _host, actions = _actions(context, qtbot, draft.id)
    actions.queue_action.trigger()
    qtbot.waitUntil(lambda: isinstance(actions.dialog, ScheduleDialog) and actions.dialog.isVisible(), timeout=10_000)
    assert actions.offer is None
    actions.dialog.close()
