"""Scheduling with pre-flight, to several accounts at once, and "add to queue" over posting slots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from servers.library import add_account, open_library

from studio.library import Library
from studio.publishing import scheduling
from studio.publishing.slots import next_free_slot


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


def test_schedule_to_several_accounts_checks_each_first(library: Library, tmp_path: Path) -> None:
    mastodon = add_account(library, "mastodon", "https://mastodon.example", "studio", "token")
    bluesky = add_account(library, "bluesky", "", "studio.bsky.social", "app-password")
    client = library.get_account(mastodon).client_id
    draft = library.create_draft(client, "é" * 320)
    when = datetime(2026, 5, 4, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    with pytest.raises(scheduling.PreflightFailed) as failed:
        scheduling.schedule(library, draft.id, [mastodon, bluesky], when)
    assert set(failed.value.problems) == {bluesky}
    assert "Shorten it by 20 characters" in failed.value.for_humans()
    assert library.schedules_of(draft.id) == []  # all or none
    made = scheduling.schedule(library, draft.id, [mastodon, bluesky], when, force=True)
    assert [s.scheduled_at for s in made] == ["2026-05-04T07:00:00Z"] * 2
    other = library.create_draft(client, "short and fine")
    assert len(scheduling.schedule(library, other.id, [mastodon, bluesky], when)) == 2


def test_a_missing_secret_or_refused_account_is_caught_when_scheduling(library: Library) -> None:
    account = add_account(library, "mastodon", "https://mastodon.example", "studio", "")
    draft = library.create_draft(library.get_account(account).client_id, "hello")
    with pytest.raises(scheduling.PreflightFailed, match="Reconnect the account"):
        scheduling.schedule(library, draft.id, [account], datetime(2026, 5, 4, tzinfo=UTC))


def test_add_to_queue_takes_the_next_free_slot_per_account(library: Library) -> None:
    paris = ZoneInfo("Europe/Paris")
    account = add_account(library, "folder", "/tmp/unused", "by hand", "")
    current = library.get_account(account)
    from dataclasses import replace

    library.update_account(replace(current, slots=({"weekday": 0, "time": "09:30"}, {"weekday": 3, "time": "17:00"})))
    client = current.client_id
    after = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)  # a Wednesday
    made = []
    for text in ("one", "two", "three"):
        draft = library.create_draft(client, text)
        made += scheduling.add_to_queue(library, draft.id, [account], after=after, zone=paris)
    local = [datetime.fromisoformat(s.scheduled_at.replace("Z", "+00:00")).astimezone(paris).strftime("%a %d %H:%M %Z")
             for s in made]
    assert local == ["Thu 26 17:00 CET", "Mon 30 09:30 CEST", "Thu 02 17:00 CEST"]
    assert next_free_slot(library, account, after, paris).astimezone(paris).day == 6
