"""The Mastodon publisher against the fake Mastodon server, with faults injected."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers.mastodon import FakeMastodon

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
from studio.publishing.mastodon import MastodonPublisher


def _publisher(server: FakeMastodon, token: str | None = None, timeout: float = 5.0) -> MastodonPublisher:
    return MastodonPublisher(Credentials("mastodon", server.url, "studio", token or server.token), timeout=timeout)


def _post(*texts: str, key: str = "key-1", media: tuple[Media, ...] = ()) -> Post:
    parts = tuple(Part(text, media if i == 0 else ()) for i, text in enumerate(texts))
    return Post(parts, key, datetime(2026, 1, 1, tzinfo=UTC))


def test_verify_reads_the_account_and_the_instance_limits(mastodon_server: FakeMastodon) -> None:
    mastodon_server.max_characters = 1000
    info = _publisher(mastodon_server).verify()
    assert info.handle == "studio"
    assert info.display_name == "Studio Test"
    assert info.avatar_url.endswith("/avatars/1.png")
    assert info.limits["max_characters"] == 1000


def test_verify_explains_a_bad_token_a_wrong_url_and_no_server(mastodon_server: FakeMastodon, tmp_path: Path) -> None:
    with pytest.raises(ConnectionProblem, match="refused this access token"):
        _publisher(mastodon_server, token="wrong").verify()
    with pytest.raises(ConnectionProblem, match="does not answer like a Mastodon server"):
        MastodonPublisher(Credentials("mastodon", mastodon_server.url + "/nothing", "", mastodon_server.token)).verify()
    with pytest.raises(ConnectionProblem, match="is not a server address"):
        MastodonPublisher(Credentials("mastodon", "mastodon.social", "", "x"))
    url = mastodon_server.url
    mastodon_server.stop()
    with pytest.raises(ConnectionProblem, match="connection was refused"):
        MastodonPublisher(Credentials("mastodon", url, "", "x"), timeout=2).verify()


def test_publishes_a_post_with_an_image_processed_asynchronously(mastodon_server: FakeMastodon, image: Path) -> None:
    mastodon_server.processing_polls = 2
    recorded: list[tuple[int, Sent]] = []
    outcome = _publisher(mastodon_server).publish(
        _post("Hello Fediverse", media=(Media(image, "An orange square"),)), lambda i, s: recorded.append((i, s))
    )
    assert isinstance(outcome, Published)
    status = mastodon_server.statuses[outcome.remote_id]
    assert status["text"] == "Hello Fediverse"
    assert status["media_attachments"][0]["description"] == "An orange square"
    assert status["media_attachments"][0]["url"]
    assert outcome.remote_url.endswith(f"/@studio/{outcome.remote_id}")
    assert recorded == [(0, outcome.parts[0])]


def test_a_thread_replies_part_after_part_and_resumes_after_the_last_recorded(mastodon_server: FakeMastodon) -> None:
    publisher = _publisher(mastodon_server)
    mastodon_server.inject(r"/api/v1/statuses$", "pass", "status:503")
    recorded: list[Sent] = []
    post = _post("one", "two", "three")
    first = publisher.publish(post, lambda i, s: recorded.append(s))
    assert isinstance(first, RetryLater)
    assert len(recorded) == 1
    resumed = Post(post.parts, post.idempotency_key, post.scheduled_at, already_sent=tuple(recorded))
    second = publisher.publish(resumed, lambda i, s: recorded.append(s))
    assert isinstance(second, Published)
    assert mastodon_server.posted_texts() == ["one", "two", "three"]
    statuses = [mastodon_server.statuses[s.remote_id] for s in second.parts]
    assert statuses[1]["in_reply_to_id"] == statuses[0]["id"]
    assert statuses[2]["in_reply_to_id"] == statuses[1]["id"]


@pytest.mark.parametrize("fault", ["drop-after", "hang-after"])
def test_an_interrupted_send_is_retried_and_the_idempotency_key_prevents_a_second_post(
    mastodon_server: FakeMastodon, fault: str
) -> None:
    mastodon_server.hang = 3.0
    mastodon_server.inject(r"/api/v1/statuses$", fault)
    publisher = _publisher(mastodon_server, timeout=1.0)
    outcome = publisher.publish(_post("only once"), lambda i, s: None)
    assert isinstance(outcome, RetryLater)
    again = _publisher(mastodon_server).publish(_post("only once"), lambda i, s: None)
    assert isinstance(again, Published)
    assert mastodon_server.posted_texts() == ["only once"]
    assert mastodon_server.requests[-1].headers["idempotency-key"] == "key-1"


def test_rate_limits_honour_retry_after_and_server_errors_retry(mastodon_server: FakeMastodon) -> None:
    mastodon_server.inject(r"/api/v1/statuses$", "429:42", "status:500", "drop-before")
    publisher = _publisher(mastodon_server)
    limited = publisher.publish(_post("x"), lambda i, s: None)
    assert isinstance(limited, RetryLater) and limited.retry_after == pytest.approx(42)
    assert isinstance(publisher.publish(_post("x"), lambda i, s: None), RetryLater)
    assert isinstance(publisher.publish(_post("x"), lambda i, s: None), RetryLater)
    assert isinstance(publisher.publish(_post("x"), lambda i, s: None), Published)
    assert mastodon_server.posted_texts() == ["x"]


def test_a_revoked_token_and_rejected_content_fail_permanently_with_advice(mastodon_server: FakeMastodon) -> None:
    publisher = _publisher(mastodon_server)
    too_long = publisher.publish(_post("x" * 501), lambda i, s: None)
    assert isinstance(too_long, Permanent) and "limit of 500" in too_long.message
    assert "Shorten it by 1 character and" in too_long.message
    mastodon_server.revoked = True
    revoked = publisher.publish(_post("fine", key="k2"), lambda i, s: None)
    assert isinstance(revoked, Permanent) and "Reconnect the account" in revoked.message
    assert mastodon_server.statuses == {}


def test_a_missing_image_fails_permanently(mastodon_server: FakeMastodon, tmp_path: Path) -> None:
    outcome = _publisher(mastodon_server).publish(_post("x", media=(Media(tmp_path / "gone.jpg", "alt"),)), lambda i, s: None)
    assert isinstance(outcome, Permanent) and "Export the image again" in outcome.message
