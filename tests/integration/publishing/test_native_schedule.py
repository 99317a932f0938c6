"""Mastodon publishes by itself: posts handed to the server's scheduled statuses, kept in step with
the library (reschedule, edit, cancel, unschedule), never twice after a lost answer, and found
again as statuses once the server has published them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from servers.library import add_account, open_library
from servers.mastodon import FakeMastodon

from studio.library import Library
from studio.publishing.queue import Queue
from studio.publishing.runner import Runner


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = open_library(tmp_path / "library")
    yield library
    library.close()


def _account(library: Library, server: FakeMastodon) -> int:
    return add_account(library, "mastodon", server.url, "studio", server.token, {"server_schedules": True})


def _schedule(library: Library, account_id: int, text: str, hours: float) -> tuple[int, int]:
    client_id = library.get_account(account_id).client_id
    draft = library.create_draft(client_id, text, language="en")
    schedule = library.schedule(draft.id, account_id, datetime.now(UTC) + timedelta(hours=hours))
    return draft.id, schedule.id


def _server_times(server: FakeMastodon) -> list[tuple[str, str]]:
    return [(item["params"]["text"], item["scheduled_at"]) for item in server.scheduled.values()]


def test_a_post_goes_ahead_and_follows_reschedule_edit_and_cancel(library: Library, mastodon_server: FakeMastodon) -> None:
    account = _account(library, mastodon_server)
    draft_id, schedule_id = _schedule(library, account, "Launch day", hours=2)
    runner = Runner(library)
    report = runner.run_due()
    assert report.results == [] and report.server_schedules.created == 1
    [(text, when)] = _server_times(mastodon_server)
    assert text == "Launch day"
    assert abs(datetime.fromisoformat(when.replace("Z", "+00:00")) - (datetime.now(UTC) + timedelta(hours=2))) < timedelta(minutes=1)
    publication = Queue(library).list()[0]
    assert publication.state == "scheduled"

    # reschedule in Studio: the server's entry moves (the same one, not a second)
    new_time = (datetime.now(UTC) + timedelta(hours=5)).replace(microsecond=0)
    library.reschedule(schedule_id, new_time)
    assert Runner(library).run_due().server_schedules.moved == 1
    assert _server_times(mastodon_server) == [("Launch day", new_time.strftime("%Y-%m-%dT%H:%M:%S.000Z"))]

    # edit the text: the server's entry is replaced by one with the new text
    library.save_text(draft_id, "Launch day, edited")
    Runner(library).run_due()
    assert [text for text, _ in _server_times(mastodon_server)] == ["Launch day, edited"]

    # cancel in Studio: the server no longer has it
    Queue(library).cancel(publication.id)
    assert Runner(library).run_due().server_schedules.deleted == 1
    assert mastodon_server.scheduled == {} and mastodon_server.statuses == {}


def test_unscheduling_deletes_the_servers_entry(library: Library, mastodon_server: FakeMastodon) -> None:
    account = _account(library, mastodon_server)
    _draft, schedule_id = _schedule(library, account, "Maybe not", hours=1)
    Runner(library).run_due()
    assert len(mastodon_server.scheduled) == 1
    library.unschedule(schedule_id)
    Runner(library).run_due()
    assert mastodon_server.scheduled == {}


def test_a_retry_after_a_lost_answer_leaves_one_scheduled_status(library: Library, mastodon_server: FakeMastodon) -> None:
    account = _account(library, mastodon_server)
    _schedule(library, account, "Exactly one", hours=3)
    mastodon_server.inject(r"/api/v1/statuses$", "drop-after")
    first = Runner(library).run_due().server_schedules
    assert first.created == 0 and first.problems  # the answer was lost ...
    assert len(mastodon_server.scheduled) == 1  # ... but the server made it
    second = Runner(library).run_due().server_schedules
    assert second.created == 0 and not second.problems  # found in the server's list, not made again
    assert len(mastodon_server.scheduled) == 1
    assert Queue(library).list()[0].state == "scheduled"
    assert library.query("SELECT parts FROM publications")[0][0] != "[]"


def test_once_the_server_published_the_runner_records_the_status(library: Library, mastodon_server: FakeMastodon) -> None:
    account = _account(library, mastodon_server)
    _schedule(library, account, "Out while the laptop sleeps", hours=1)
    Runner(library).run_due()
    assert mastodon_server.publish_scheduled(everything=True) == 1
    with library.transaction() as conn:  # an hour later: the post is due for its check
        conn.execute("UPDATE publications SET next_attempt_at = '2000-01-01T00:00:00.000Z'")
    report = Runner(library).run_due()
    assert [result.state for result in report.results] == ["published"]
    [status] = mastodon_server.statuses.values()
    assert status["text"] == "Out while the laptop sleeps"
    assert report.results[0].remote_url == status["url"]
    assert len(mastodon_server.statuses) == 1


def test_a_post_the_server_has_not_published_yet_waits(library: Library, mastodon_server: FakeMastodon) -> None:
    account = _account(library, mastodon_server)
    _schedule(library, account, "Patience", hours=1)
    Runner(library).run_due()
    with library.transaction() as conn:
        conn.execute("UPDATE publications SET next_attempt_at = '2000-01-01T00:00:00.000Z'")
    report = Runner(library).run_due()
    assert [result.state for result in report.results] == ["failed-retry"]
    assert "not published" in report.results[0].message
    assert mastodon_server.statuses == {} and len(mastodon_server.scheduled) == 1
