"""Telegram gives subscribers only: counted once a day; its posts get no counts (and the app says so)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from servers.library import add_account, due_post, open_library
from servers.telegram import FakeTelegram

from studio.analytics import store
from studio.analytics.fetch import fetch_due
from studio.analytics.readers import NO_POST_COUNTS
from studio.publishing.runner import Runner


def test_subscribers_once_a_day_and_no_post_counts(tmp_path: Path, telegram_server: FakeTelegram) -> None:
    library = open_library(tmp_path / "library")
    account = add_account(library, "telegram", telegram_server.url, telegram_server.chat_id, telegram_server.token,
                          {"chat_id": telegram_server.chat_id})
    publication = due_post(library, account, "Promo minggu ini!")
    Runner(library).run_due()
    telegram_server.subscribers = 1234
    moment = datetime.now(UTC) + timedelta(hours=1, minutes=1)
    report = fetch_due(library, moment)
    assert report.followers == 1 and report.snapshots == 0 and not report.problems
    assert store.followers_at(library, account, moment) == 1234
    assert store.latest(library, publication) is None  # no view counts: a gap, never a zero
    assert fetch_due(library, moment + timedelta(minutes=5)).requests == 0  # once a day
    assert "no view" in NO_POST_COUNTS["telegram"]
