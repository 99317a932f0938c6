"""LinkedIn profile posts against the fake API: text in the little text format, one image with alt
text, an expired token, a lost answer (uncertain), a repeat that LinkedIn calls a duplicate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers.linkedin import FakeLinkedIn

from studio.publishing.base import (
    ConnectionProblem,
    Credentials,
    Media,
    Part,
    Permanent,
    Post,
    Published,
    RetryLater,
    Uncertain,
)
from studio.publishing.linkedin import LinkedInPublisher, little_text


@pytest.fixture
def linkedin_server() -> Iterator[FakeLinkedIn]:
    with FakeLinkedIn() as server:
        yield server  # type: ignore[misc]


def _publisher(server: FakeLinkedIn, token: str | None = None, timeout: float = 5.0) -> LinkedInPublisher:
    return LinkedInPublisher(Credentials("linkedin", server.url, "", token or server.token), timeout=timeout)


def _post(part: Part) -> Post:
    return Post((part,), "key", datetime(2026, 1, 1, tzinfo=UTC))


def test_little_text_escapes_reserved_characters_and_templates_hashtags() -> None:
    assert little_text("Kettle (new) #launch @Sari_S") == "Kettle \\(new\\) {hashtag|\\#|launch} \\@Sari\\_S"


def test_verify_gives_the_author_and_a_60_day_expiry(linkedin_server: FakeLinkedIn) -> None:
    info = _publisher(linkedin_server).verify()
    assert info.limits["author"] == "urn:li:person:aBcD123" and info.handle == "Sari Studio"
    assert str(info.limits["token_expires_at"]) > datetime.now(UTC).strftime("%Y")
    with pytest.raises(ConnectionProblem, match="Reconnect"):
        _publisher(linkedin_server, token="bad").verify()


def test_text_and_an_image_with_alt_text(linkedin_server: FakeLinkedIn, image: Path) -> None:
    text = _publisher(linkedin_server).publish(_post(Part("Hello (world) #kettle")), lambda i, s: None)
    assert isinstance(text, Published) and text.remote_url.endswith(f"/{text.remote_id}/")
    photo = _publisher(linkedin_server).publish(_post(Part("Photo", (Media(image, "A red square"),))), lambda i, s: None)
    assert isinstance(photo, Published)
    post = linkedin_server.posts[photo.remote_id]
    assert post["media"]["altText"] == "A red square"
    assert linkedin_server.images[post["media"]["id"].rsplit(":", 1)[-1]]["bytes"] == image.stat().st_size
    assert linkedin_server.texts() == ["Hello \\(world\\) {hashtag|\\#|kettle}", "Photo"]


def test_a_repeat_linkedin_calls_a_duplicate_is_the_first_post(linkedin_server: FakeLinkedIn) -> None:
    first = _publisher(linkedin_server).publish(_post(Part("Same")), lambda i, s: None)
    again = _publisher(linkedin_server).publish(_post(Part("Same")), lambda i, s: None)
    assert isinstance(first, Published) and isinstance(again, Published) and again.remote_id == first.remote_id
    assert len(linkedin_server.posts) == 1


def test_expired_token_lost_answer_and_server_errors(linkedin_server: FakeLinkedIn) -> None:
    linkedin_server.expired = True
    expired = _publisher(linkedin_server).publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(expired, Permanent) and expired.reconnect
    linkedin_server.expired = False
    linkedin_server.inject("/rest/posts", "status:503", "429:2", "drop-after")
    assert isinstance(_publisher(linkedin_server).publish(_post(Part("a")), lambda i, s: None), RetryLater)
    limited = _publisher(linkedin_server).publish(_post(Part("a")), lambda i, s: None)
    assert isinstance(limited, RetryLater) and limited.retry_after == 2
    lost = _publisher(linkedin_server).publish(_post(Part("a")), lambda i, s: None)
    assert isinstance(lost, Uncertain)
    assert linkedin_server.texts() == ["a"]
