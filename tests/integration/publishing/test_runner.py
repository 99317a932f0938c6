"""The runner end to end: a real library, the keyring, the queue and the fake/real servers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon
from servers.telegram import FakeTelegram

from studio.library import Library
from studio.library.times import parse_iso
from studio.publishing.queue import Queue, QueueError
from studio.publishing.runner import Runner


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


def _state(library: Library, publication_id: int) -> dict[str, object]:
    return dict(library.query("SELECT * FROM publications WHERE id = ?", (publication_id,))[0])


def test_due_posts_go_out_once_with_their_thread_and_the_draft_is_published(
    library: Library, mastodon_server: FakeMastodon
) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    single = due_post(library, account, "Hello from the runner")
    thread = due_post(library, account, "base", thread=["first part", "second part"])
    later = due_post(library, account, "not yet", minutes_ago=-60)
    report = Runner(library).run_due()
    assert sorted(r.state for r in report.results) == ["published", "published"]
    assert mastodon_server.posted_texts() == ["Hello from the runner", "first part", "second part"]
    row = _state(library, thread)
    assert row["state"] == "published" and len(json.loads(str(row["parts"]))) == 2
    assert _state(library, single)["remote_url"]
    assert _state(library, later)["state"] == "scheduled"
    assert Runner(library).run_due().results == []
    draft = library.get_draft(int(library.query("SELECT s.draft_id FROM publications p JOIN schedules s "
                                                "ON s.id = p.schedule_id WHERE p.id = ?", (single,))[0][0]))
    assert draft.status == "published"


def test_server_errors_retry_with_backoff_and_429_honours_retry_after(
    library: Library, mastodon_server: FakeMastodon
) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    publication = due_post(library, account, "patience")
    mastodon_server.inject(r"/api/v1/statuses$", "429:120")
    result = Runner(library).run_due().results[0]
    assert result.state == "failed-retry"
    row = _state(library, publication)
    queue = Queue(library)
    wait = (parse_iso(str(row["next_attempt_at"])) - queue.now()).total_seconds()
    assert 115 <= wait <= 130
    assert row["attempts"] == 1 and "slow down" in str(row["last_error"])
    assert Runner(library).run_due().results == []  # not due yet
    queue.retry(publication)
    assert Runner(library).run_due().results[0].state == "published"
    assert mastodon_server.posted_texts() == ["patience"]


def test_a_revoked_token_fails_permanently_flags_the_account_and_preflight_stops_the_next_post(
    library: Library, mastodon_server: FakeMastodon
) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    first = due_post(library, account, "one")
    mastodon_server.revoked = True
    assert Runner(library).run_due().results[0].state == "failed-permanent"
    assert "Reconnect the account" in str(_state(library, first)["last_error"])
    assert library.get_account(account).settings["needs_reconnect"] is True
    second = due_post(library, account, "two")
    mastodon_server.revoked = False
    requests_before = len(mastodon_server.requests)
    Runner(library).run_due()
    assert _state(library, second)["state"] == "failed-permanent"
    assert len(mastodon_server.requests) == requests_before  # stopped before any call


def test_preflight_before_sending_says_how_much_to_shorten(library: Library, mastodon_server: FakeMastodon) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    publication = due_post(library, account, "x" * 512)
    Runner(library).run_due()
    row = _state(library, publication)
    assert row["state"] == "failed-permanent"
    assert "Shorten it by 12 characters" in str(row["last_error"])
    assert mastodon_server.statuses == {}


def test_offline_posts_wait_without_using_attempts_and_go_out_when_the_network_returns(
    library: Library, mastodon_server: FakeMastodon
) -> None:
    url = mastodon_server.url
    account = add_account(library, "mastodon", url, "studio", mastodon_server.token)
    publication = due_post(library, account, "when we are back")
    mastodon_server.stop()
    for _ in range(3):
        Queue(library).retry(publication)
        assert Runner(library).run_due().results[0].state == "failed-retry"
    row = _state(library, publication)
    assert row["attempts"] == 0 and "connection was refused" in str(row["last_error"])
    assert Queue(library).count_due() == 0
    port = int(url.rsplit(":", 1)[1])
    try:
        restarted = _start_on(FakeMastodon(token=mastodon_server.token), port)
    except OSError:
        pytest.skip("the port was taken meanwhile")
    try:
        Queue(library).retry(publication)
        assert Runner(library).run_due().results[0].state == "published"
        assert restarted.posted_texts() == ["when we are back"]
    finally:
        restarted.stop()


def _start_on(server: FakeMastodon, port: int) -> FakeMastodon:
    """Start ``server`` on a given loopback port (a network that comes back)."""
    from http.server import ThreadingHTTPServer

    original = ThreadingHTTPServer.__init__

    def bind(self, address, handler, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, ("127.0.0.1", port), handler, *args, **kwargs)

    ThreadingHTTPServer.__init__ = bind  # type: ignore[method-assign]
    try:
        server.start()
    finally:
        ThreadingHTTPServer.__init__ = original  # type: ignore[method-assign]
    return server


def test_telegram_uncertain_waits_for_the_user_then_mark_published_or_retry(
    library: Library, telegram_server: FakeTelegram
) -> None:
    account = add_account(library, "telegram", telegram_server.url, "@studio_channel", telegram_server.token,
                          {"chat_id": telegram_server.chat_id})
    publication = due_post(library, account, "did it arrive?")
    telegram_server.inject("sendMessage", "drop-after")
    assert Runner(library).run_due().results[0].state == "uncertain"
    assert Runner(library).run_due().results == []  # never sent again by itself
    queue = Queue(library)
    with pytest.raises(QueueError):
        queue.mark_published(publication + 1000)
    queue.mark_published(publication, "https://t.me/studio_channel/1")
    assert _state(library, publication)["state"] == "published"
    assert telegram_server.texts() == ["did it arrive?"]


def test_telegram_images_that_fail_after_their_text_are_retried_alone(
    library: Library, telegram_server: FakeTelegram, image: Path
) -> None:
    account = add_account(library, "telegram", telegram_server.url, "@studio_channel", telegram_server.token,
                          {"chat_id": telegram_server.chat_id})
    long_text = "A long story. " * 100  # over Telegram's 1,024-character caption
    publication = due_post(library, account, "base", thread=[long_text.strip(), "and the end"],
                           images=[(image, "a kettle")])
    telegram_server.inject("sendPhoto", "status:502")
    assert Runner(library).run_due().results[0].state == "failed-retry"
    assert len(json.loads(str(_state(library, publication)["parts"]))) == 1  # the text, images pending
    library.connection.execute("UPDATE publications SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ?", (publication,))
    telegram_server.inject("sendMessage", "status:502")  # the photo goes now, then the second part fails
    assert Runner(library).run_due().results[0].state == "failed-retry"
    library.connection.execute("UPDATE publications SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ?", (publication,))
    assert Runner(library).run_due().results[0].state == "published"
    assert [m["text"] for m in telegram_server.messages.values() if "text" in m] == [long_text.strip(), "and the end"]
    photos = [m for m in telegram_server.messages.values() if "photo" in m]
    assert len(photos) == 1, "the photo went out once, though two attempts failed after it"


def test_two_runners_at_the_same_moment_never_send_twice(library: Library, mastodon_server: FakeMastodon) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    for i in range(20):
        due_post(library, account, f"post {i}")
    folder = library.folder
    barrier = threading.Barrier(3)
    results: list[int] = []

    def run() -> None:
        other = Library.open(folder)
        try:
            barrier.wait()
            results.append(len(Runner(other).run_due().results))
        finally:
            other.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(results) == 20
    assert sorted(mastodon_server.posted_texts()) == sorted(f"post {i}" for i in range(20))


def test_cancel_and_user_actions_follow_the_state_machine(library: Library, mastodon_server: FakeMastodon) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    publication = due_post(library, account, "cancel me")
    queue = Queue(library)
    queue.cancel(publication)
    assert Runner(library).run_due().results == []
    with pytest.raises(QueueError, match="cancelled cannot be marked as published"):
        queue.mark_published(publication)
    queue.retry(publication)
    Runner(library).run_due()
    with pytest.raises(QueueError, match="published cannot be cancelled"):
        queue.cancel(publication)
    listed = queue.list()
    assert listed[0].state == "published" and listed[0].handle == "studio"


def _dead_runner() -> str:
    import socket
    import subprocess
    import sys

    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return f"{socket.gethostname()}:{int(process.stdout)}:dead"


def test_a_dead_runners_send_is_taken_over_where_safe_and_uncertain_where_not(
    library: Library, mastodon_server: FakeMastodon, telegram_server: FakeTelegram
) -> None:
    m = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    t = add_account(library, "telegram", telegram_server.url, "@studio_channel", telegram_server.token,
                    {"chat_id": telegram_server.chat_id})
    on_mastodon, on_telegram = due_post(library, m, "taken over"), due_post(library, t, "maybe sent")
    alive = due_post(library, m, "another runner is on it")
    with library.transaction() as conn:
        conn.execute("UPDATE publications SET state = 'sending', attempts = 1, lease_owner = ?, "
                     "lease_expires_at = '2999-01-01T00:00:00.000Z' WHERE id IN (?, ?)",
                     (_dead_runner(), on_mastodon, on_telegram))
        conn.execute("UPDATE publications SET state = 'sending', attempts = 1, lease_owner = 'elsewhere:1:x', "
                     "lease_expires_at = '2999-01-01T00:00:00.000Z' WHERE id = ?", (alive,))
    results = Runner(library).run_due().results
    assert [(r.publication_id, r.state) for r in results] == [(on_mastodon, "published")]
    assert _state(library, on_telegram)["state"] == "uncertain"
    assert "Studio stopped while this post was being sent" in str(_state(library, on_telegram)["last_error"])
    assert _state(library, alive)["state"] == "sending"  # a live lease elsewhere is respected
    assert telegram_server.texts() == []


def test_a_post_on_a_removed_account_fails_with_advice(library: Library, mastodon_server: FakeMastodon) -> None:
    from studio.publishing import accounts

    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    publication = due_post(library, account, "orphan")
    accounts.remove(library, account)
    assert library.get_account(account).archived
    Runner(library).run_due()
    assert "was removed" in str(_state(library, publication)["last_error"])
    assert mastodon_server.statuses == {}


def test_retries_stop_at_the_limit_with_the_last_error(library: Library, mastodon_server: FakeMastodon) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    publication = due_post(library, account, "flaky server")
    mastodon_server.inject(r"/api/v1/statuses$", "status:500", "status:502", "status:503")
    queue = Queue(library, max_attempts=3)
    states = []
    for _ in range(3):
        with library.transaction() as conn:  # make it due again at once instead of waiting for the backoff
            conn.execute("UPDATE publications SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ?", (publication,))
        states.append(Runner(library, queue).run_due().results[0].state)
    assert states == ["failed-retry", "failed-retry", "failed-permanent"]
    row = _state(library, publication)
    assert row["attempts"] == 3 and str(row["last_error"]).startswith("Gave up after 3 attempts")
    assert mastodon_server.statuses == {}
