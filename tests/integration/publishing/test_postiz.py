"""The hand-off to a self-hosted Postiz: media first, then the post for the chosen channel at the
scheduled time, tagged with Studio's key so a retry finds it; the hourly limit is respected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from servers.library import add_account, open_library
from servers.postiz import FakePostiz

from studio.publishing import postiz
from studio.publishing.base import (
    ConnectionProblem,
    Credentials,
    Media,
    Part,
    Permanent,
    Post,
    Published,
    RetryLater,
    Sent,
)
from studio.publishing.postiz import PostizPublisher


@pytest.fixture
def postiz_server() -> Iterator[FakePostiz]:
    postiz.forget_calls()
    with FakePostiz() as server:
        yield server  # type: ignore[misc]


def _account(server: FakePostiz, **settings: object) -> Credentials:
    base = {"integration_id": "int-tiktok-1", "provider": "tiktok"}
    return Credentials("postiz", server.base, "", server.api_key, {**base, **settings})


def _post(*parts: Part, key: str = "k1", when: datetime | None = None) -> Post:
    return Post(parts, key, when or datetime(2026, 12, 24, 9, 0, tzinfo=UTC))


def test_verify_picks_the_channel_or_lists_them(postiz_server: FakePostiz) -> None:
    info = PostizPublisher(Credentials("postiz", postiz_server.base, "", postiz_server.api_key,
                                   {"integration": "Kettles YouTube"})).verify()
    assert info.limits == {"integration_id": "int-yt-1", "provider": "youtube"}
    with pytest.raises(ConnectionProblem, match="Kettles TikTok"):
        PostizPublisher(Credentials("postiz", postiz_server.base, "", postiz_server.api_key)).verify()
    with pytest.raises(ConnectionProblem, match="API key"):
        PostizPublisher(Credentials("postiz", postiz_server.base, "", "wrong", {"integration": "int-yt-1"})).verify()


def test_media_first_then_the_post_at_the_scheduled_time_with_the_key(postiz_server: FakePostiz, image: Path) -> None:
    outcome = PostizPublisher(_account(postiz_server)).publish(
        _post(Part("Kettle dance", (Media(image, "alt"),)), Part("and a comment")), lambda i, s: None)
    assert isinstance(outcome, Published)
    post = postiz_server.posts[outcome.remote_id]
    assert post["publishDate"] == "2026-12-24T09:00:00.000Z" and post["integration"] == {"id": "int-tiktok-1"}
    assert [v["content"] for v in post["value"]] == ["Kettle dance", "and a comment"]
    [upload] = post["value"][0]["image"]
    assert postiz_server.uploads[upload["id"]]["bytes"] == image.stat().st_size
    assert post["tags"][0]["value"] == "studio-k1"


@pytest.mark.parametrize("tags", [True, False])
def test_a_retry_after_a_lost_answer_finds_the_first_post(postiz_server: FakePostiz, tags: bool) -> None:
    postiz_server.return_tags = tags
    postiz_server.inject(r"/posts$", "drop-after")
    recorded: dict[int, Sent] = {}
    publisher = PostizPublisher(_account(postiz_server))
    post = _post(Part("Once"))
    first = publisher.publish(post, lambda i, s: recorded.__setitem__(i, s))
    assert isinstance(first, RetryLater)
    again = publisher.publish(Post(post.parts, post.idempotency_key, post.scheduled_at, already_sent=(recorded[0],)),
                              lambda i, s: None)
    assert isinstance(again, Published) and postiz_server.contents() == ["Once"]


def test_the_hourly_limit_is_respected_and_a_429_waits_for_the_window(postiz_server: FakePostiz) -> None:
    publisher = PostizPublisher(_account(postiz_server, hourly_limit=3))
    results = [publisher.publish(_post(Part(f"p{n}"), key=f"k{n}"), lambda i, s: None) for n in range(5)]
    assert [type(r).__name__ for r in results] == ["Published"] * 3 + ["RetryLater"] * 2
    waiting = results[3]
    assert isinstance(waiting, RetryLater) and waiting.quota and "an hour" in waiting.message
    assert len(postiz_server.calls) == 3  # never sent past the limit
    postiz.forget_calls()
    postiz_server.api_limit = len(postiz_server.calls)  # the server's own count says no
    limited = PostizPublisher(_account(postiz_server)).publish(_post(Part("x"), key="kx"), lambda i, s: None)
    assert isinstance(limited, RetryLater) and limited.quota and limited.retry_after == 3600


def test_no_channel_and_a_refused_key_ask_to_reconnect(postiz_server: FakePostiz) -> None:
    none = PostizPublisher(Credentials("postiz", postiz_server.base, "", postiz_server.api_key)).publish(
        _post(Part("x")), lambda i, s: None)
    assert isinstance(none, Permanent) and none.reconnect
    refused = PostizPublisher(Credentials("postiz", postiz_server.base, "", "bad", {"integration_id": "int-yt-1",
                                                                              "provider": "youtube"})).publish(
        _post(Part("x")), lambda i, s: None)
    assert isinstance(refused, Permanent) and refused.reconnect


def test_the_runner_hands_a_post_over_as_soon_as_it_is_scheduled(postiz_server: FakePostiz, tmp_path: Path) -> None:
    from studio.publishing.runner import Runner

    library = open_library(tmp_path / "library")
    try:
        account = add_account(library, "postiz", postiz_server.base, "Kettles TikTok", postiz_server.api_key,
                              {"integration_id": "int-tiktok-1", "provider": "tiktok"})
        draft = library.create_draft(library.get_account(account).client_id, "Next week", language="en")
        when = (datetime.now(UTC) + timedelta(days=7)).replace(microsecond=0)
        library.schedule(draft.id, account, when)
        report = Runner(library).run_due()
        assert [r.state for r in report.results] == ["published"]
        [post] = postiz_server.posts.values()
        assert post["publishDate"] == when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    finally:
        library.close()
