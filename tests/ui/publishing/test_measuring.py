"""The app's own timer measures (issue 15): the publishing service takes the analytics snapshots
that are due after each publishing round and every ten minutes, off the UI thread and one round at
a time, against the Mastodon test server whose counters grow."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from servers.library import add_account, due_post
from servers.mastodon import FakeMastodon

from studio.analytics import store
from studio.analytics.fetch import FetchReport, fetch_due
from studio.ui.context import AppContext
from studio.ui.publishing.service import PublishingService


@pytest.fixture
def mastodon() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        yield server  # type: ignore[misc]


def _an_hour_later(calls: list[threading.Thread]) -> Any:
    """``fetch_due`` as if the round ran an hour and a minute from now (the +1 h stage is due)."""
    def measure(library: Any) -> FetchReport:
        calls.append(threading.current_thread())
        return fetch_due(library, datetime.now(UTC) + timedelta(hours=1, minutes=1))
    return measure


def test_a_publishing_round_is_followed_by_a_measuring_round(context: AppContext, qtbot: QtBot,
                                                             mastodon: FakeMastodon) -> None:
    library = context.library
    account = add_account(library, "mastodon", mastodon.url, "studio", mastodon.token)
    publication = due_post(library, account, "Measured from the app")
    mastodon.followers = 12
    calls: list[threading.Thread] = []
    service = PublishingService(context, interval_ms=3_600_000, measure=_an_hour_later(calls))
    with qtbot.waitSignal(service.measured, timeout=20_000) as measured:
        service.start()  # publishes the due post, then measures
    service.stop()
    report = measured.args[0]
    assert report.snapshots == 1 and report.followers == 1 and not report.problems
    assert calls and all(thread is not threading.main_thread() for thread in calls)
    snapshot = store.latest(library, publication)
    assert snapshot is not None and snapshot.stage == "1h" and snapshot.counts.likes == 0
    counted = library.query("SELECT followers FROM follower_counts WHERE account_id = ?", (account,))
    assert [row[0] for row in counted] == [12]

    # The 24-hour stage, a day later, reads what people did since.
    status = next(iter(mastodon.statuses))
    mastodon.favourite(status, 4)
    mastodon.reblog(status, 1)
    service._measure = lambda library: fetch_due(library, datetime.now(UTC) + timedelta(hours=25))
    with qtbot.waitSignal(service.measured, timeout=20_000) as measured:
        service.measure_now()
    assert measured.args[0].snapshots == 1
    snapshot = store.latest(library, publication)
    assert snapshot is not None and snapshot.stage == "24h"
    assert (snapshot.counts.likes, snapshot.counts.reposts) == (4, 1)


def test_rounds_never_overlap_and_wait_while_offline(context: AppContext, qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    rounds: list[int] = []

    def slow(library: Any) -> FetchReport:
        rounds.append(1)
        started.set()
        release.wait(10)
        return FetchReport()

    service = PublishingService(context, interval_ms=3_600_000, measure=slow)
    service.measure_now()
    assert started.wait(10)
    service.measure_now()  # a tick while a round runs is skipped
    service.measure_now()
    release.set()
    qtbot.waitUntil(lambda: not service.measuring, timeout=10_000)
    assert rounds == [1]

    service.set_offline(True)
    service.measure_now()  # the network is gone: no round, the stage stays due (a gap, never a zero)
    assert not service.measuring and rounds == [1]


def test_a_refused_token_says_reconnect_where_the_user_sees_it(context: AppContext, qtbot: QtBot,
                                                               mastodon: FakeMastodon) -> None:
    library = context.library
    account = add_account(library, "mastodon", mastodon.url, "studio", mastodon.token)
    publication = due_post(library, account, "A post whose token is revoked later")
    service = PublishingService(context, interval_ms=3_600_000, measure=_an_hour_later([]))
    with qtbot.waitSignal(service.finished, timeout=20_000):
        service.run_now()
    qtbot.waitUntil(lambda: not service.measuring, timeout=20_000)
    with library.transaction() as conn:
        conn.execute("DELETE FROM metric_snapshots")
    mastodon.revoked = True
    said: list[tuple[str, str]] = []
    context.messages.connect_view(lambda level, text: said.append((level, text)))
    states: list[str] = []
    service.state_changed.connect(states.append)
    with qtbot.waitSignal(service.tokens_expiring, timeout=20_000) as warned:
        service.measure_now()
    qtbot.waitUntil(lambda: not service.measuring, timeout=10_000)
    assert any("Mastodon studio" in line and "Reconnect the account" in line for line in warned.args[0])
    assert states and "1 account to reconnect" in states[-1]
    assert [level for level, text in said if "Reconnect the account" in text] == ["warning"]
    assert store.latest(library, publication) is None  # nothing stored: a gap, no zero

    # The next round (after the backoff) asks nothing of the post and says nothing new.
    with qtbot.waitSignal(service.measured, timeout=20_000) as again:
        service.measure_now()
    assert again.args[0].snapshots == 0
    assert len([text for _level, text in said if "Reconnect the account" in text]) == 1
