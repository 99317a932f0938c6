"""Schedules: UTC in the file, the user's wall clock on screen, DST changes crossed correctly."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studio.errors import UsageError
from studio.library import Library, LibraryError, times
from studio.library.times import local_zone, on_day, parse_iso, parse_utc, wall_clock

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_moving_across_spring_forward_keeps_the_wall_clock() -> None:
    # 09:00 in Berlin on Friday 27 March 2026 is 08:00 UTC (CET, +01:00) ...
    before = "2026-03-27T08:00:00Z"
    assert parse_utc(before).astimezone(BERLIN).hour == 9
    # ... moved to Monday 30 March (CEST, +02:00) it is still 09:00 there: 07:00 UTC.
    moved = on_day(before, date(2026, 3, 30), BERLIN)
    assert moved == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
    assert moved.astimezone(BERLIN).time() == time(9, 0)


def test_moving_across_fall_back_keeps_the_wall_clock() -> None:
    before = "2026-10-30T13:30:00Z"  # 09:30 EDT (-04:00)
    moved = on_day(before, date(2026, 11, 2), NEW_YORK)  # EST (-05:00)
    assert moved == datetime(2026, 11, 2, 14, 30, tzinfo=UTC)


def test_times_in_a_dst_gap_or_fold() -> None:
    # 02:30 does not exist in Berlin on 29 March 2026: the first real minute after the gap is 03:00.
    assert wall_clock(date(2026, 3, 29), time(2, 30), BERLIN).astimezone(BERLIN).time() == time(3, 0)
    # 02:30 happens twice on 25 October 2026: the first one (CEST) is meant.
    assert wall_clock(date(2026, 10, 25), time(2, 30), BERLIN) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_the_local_zone_is_a_named_zone_that_knows_summer_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone() == ZoneInfo("America/New_York")
    # No $TZ and no /etc/localtime (Windows): tzlocal names the zone; a fixed offset taken today
    # would put every post after the next DST change an hour off.
    monkeypatch.delenv("TZ")
    monkeypatch.setattr(times, "LOCALTIME", tmp_path / "missing")
    import tzlocal

    monkeypatch.setattr(tzlocal, "get_localzone", lambda: ZoneInfo("Europe/Paris"))
    zone = local_zone()
    assert zone == ZoneInfo("Europe/Paris")
    assert wall_clock(date(2026, 1, 5), time(9), zone).hour == 8  # winter, UTC+1
    assert wall_clock(date(2026, 7, 6), time(9), zone).hour == 7  # summer, UTC+2


def test_schedule_reschedule_and_list(library: Library) -> None:
    client = library.add_client("Acme")
    account = library.add_account(client.id, "mastodon", "@acme@example.social")
    draft = library.create_draft(client.id, "spring post", status="approved")
    when = datetime(2026, 3, 27, 9, 0, tzinfo=BERLIN)
    schedule = library.schedule(draft.id, account.id, when)
    assert schedule.scheduled_at == "2026-03-27T08:00:00Z"
    assert schedule.state == "scheduled" and schedule.network == "mastodon"
    row = library.connection.execute("SELECT * FROM publications WHERE schedule_id = ?", (schedule.id,)).fetchone()
    assert row["idempotency_key"] and row["next_attempt_at"] == "2026-03-27T08:00:00.000Z"
    moved = library.reschedule(schedule.id, on_day(schedule.scheduled_at, date(2026, 3, 30), BERLIN))
    assert moved.scheduled_at == "2026-03-30T07:00:00Z"
    week = library.list_schedules(datetime(2026, 3, 30, tzinfo=BERLIN), datetime(2026, 4, 6, tzinfo=BERLIN))
    assert [s.id for s in week] == [schedule.id]
    assert library.list_schedules(datetime(2026, 3, 30, tzinfo=BERLIN), datetime(2026, 3, 30, 8, tzinfo=BERLIN),
                                  client_id=client.id + 1) == []
    with pytest.raises(UsageError, match="no time zone"):
        library.reschedule(schedule.id, datetime(2026, 4, 1, 9))


def test_a_sent_post_cannot_be_moved(library: Library) -> None:
    client = library.add_client("Acme")
    account = library.add_account(client.id, "bluesky", "acme.example")
    draft = library.create_draft(client.id, "x")
    schedule = library.schedule(draft.id, account.id, datetime.now(UTC) + timedelta(days=1))
    library.connection.execute("UPDATE publications SET state = 'published' WHERE schedule_id = ?", (schedule.id,))
    with pytest.raises(LibraryError, match="already published"):
        library.reschedule(schedule.id, datetime.now(UTC) + timedelta(days=2))
    with pytest.raises(LibraryError, match="already published"):
        library.unschedule(schedule.id)


def test_a_planned_post_waits_for_an_account(library: Library) -> None:
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "x")
    planned = library.plan(draft.id, "telegram", parse_iso("2026-06-01T10:00:00+02:00"))
    assert planned.account_id is None and planned.state is None
    account = library.add_account(client.id, "telegram", "@acme_channel")
    assigned = library.assign_account(planned.id, account.id)
    assert assigned.account_id == account.id and assigned.state == "scheduled"


def test_iso_parsing_errors_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="no offset"):
        parse_iso("2026-06-01T10:00:00")
    with pytest.raises(ValueError, match="not an ISO 8601"):
        parse_iso("tomorrow")
    assert parse_iso("2026-06-01T10:00:00Z") == datetime(2026, 6, 1, 10, tzinfo=UTC)


def test_due_times_written_before_the_millisecond_form_are_moved_to_it(tmp_path: Path) -> None:
    """A library from before: "...:00Z" sorted after the queue's clock "...:00.120Z" (a late post)."""
    import sqlite3

    from studio.library import schema

    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    conn.isolation_level = None
    schema.migrate(conn, schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._DUE_MILLISECONDS)])
    conn.execute("INSERT INTO clients(name, created_at) VALUES ('Acme', '2026-01-01T00:00:00Z')")
    conn.execute("INSERT INTO drafts(client_id, text, created_at, updated_at) "
                 "VALUES (1, 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
    conn.execute("INSERT INTO schedules(draft_id, network, scheduled_at, created_at) "
                 "VALUES (1, 'mastodon', '2026-03-27T08:00:00Z', '2026-01-01T00:00:00Z')")
    conn.execute("INSERT INTO publications(schedule_id, state, attempts, next_attempt_at, idempotency_key, updated_at) "
                 "VALUES (1, 'scheduled', 0, '2026-03-27T08:00:00Z', 'k', '2026-01-01T00:00:00Z')")
    schema.migrate(conn)
    assert conn.execute("SELECT next_attempt_at FROM publications").fetchone()[0] == "2026-03-27T08:00:00.000Z"
