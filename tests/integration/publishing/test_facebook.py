"""Facebook Pages against the fake Graph host: text with a link, one photo, several photos; no
idempotency key, so a lost answer to the publishing call is uncertain and never repeated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers.meta import FakeFacebook

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
from studio.publishing.facebook import FacebookPublisher


@pytest.fixture
def facebook_server() -> Iterator[FakeFacebook]:
    with FakeFacebook() as server:
        yield server  # type: ignore[misc]


def _publisher(server: FakeFacebook, token: str | None = None, timeout: float = 5.0) -> FacebookPublisher:
    publisher = FacebookPublisher(Credentials("facebook", f"{server.url}/v23.0", "", token or server.token,
                                          {"page_id": server.page_id}))
    publisher._graph._timeout = timeout
    return publisher


def _post(part: Part) -> Post:
    return Post((part,), "key", datetime(2026, 1, 1, tzinfo=UTC))


def test_verify_names_the_page(facebook_server: FakeFacebook) -> None:
    info = _publisher(facebook_server).verify()
    assert info.handle == "Studio Kettles" and info.limits["page_id"] == facebook_server.page_id
    with pytest.raises(ConnectionProblem, match="Reconnect"):
        _publisher(facebook_server, token="nope").verify()


def test_text_with_a_link_one_photo_and_several(facebook_server: FakeFacebook, image: Path, tmp_path: Path) -> None:
    publisher = _publisher(facebook_server)
    text = publisher.publish(_post(Part("Read the story: https://example.org/kettle.")), lambda i, s: None)
    assert isinstance(text, Published) and text.remote_url == f"https://www.facebook.com/{text.remote_id}"
    assert facebook_server.feed[text.remote_id]["link"] == "https://example.org/kettle"
    one = publisher.publish(_post(Part("One photo", (Media(image, "A red square"),))), lambda i, s: None)
    assert isinstance(one, Published)
    [photo] = facebook_server.feed[one.remote_id]["photos"]
    assert facebook_server.photos[photo] == {"bytes": image.stat().st_size, "alt": "A red square", "published": True}
    many = publisher.publish(_post(Part("Three", (Media(image, "a"), Media(image, "b"), Media(image, "c")))),
                             lambda i, s: None)
    assert isinstance(many, Published)
    photos = facebook_server.feed[many.remote_id]["photos"]
    assert [facebook_server.photos[p]["alt"] for p in photos] == ["a", "b", "c"]
    assert facebook_server.texts() == ["Read the story: https://example.org/kettle.", "One photo", "Three"]


@pytest.mark.parametrize("fault", ["drop-after", "hang-after"])
def test_a_lost_answer_to_the_post_is_uncertain(facebook_server: FakeFacebook, fault: str) -> None:
    facebook_server.inject("/feed", fault)
    facebook_server.hang = 2.0
    outcome = _publisher(facebook_server, timeout=1.0).publish(_post(Part("maybe")), lambda i, s: None)
    assert isinstance(outcome, Uncertain) and "mark the post as published or retry" in outcome.message
    assert facebook_server.texts() == ["maybe"]


def test_a_lost_unpublished_upload_is_safe_to_retry(facebook_server: FakeFacebook, image: Path) -> None:
    facebook_server.inject("/photos", "drop-after")
    outcome = _publisher(facebook_server).publish(_post(Part("two", (Media(image), Media(image)))), lambda i, s: None)
    assert isinstance(outcome, RetryLater) and facebook_server.texts() == []


@pytest.mark.parametrize(("fault", "kind"), [("status:500", RetryLater), ("429:1", RetryLater)])
def test_server_errors_and_rate_limits_retry(facebook_server: FakeFacebook, fault: str, kind: type) -> None:
    facebook_server.inject("/feed", fault)
    assert isinstance(_publisher(facebook_server).publish(_post(Part("x")), lambda i, s: None), kind)
    assert facebook_server.texts() == []


def test_an_expired_token_asks_to_reconnect(facebook_server: FakeFacebook) -> None:
    facebook_server.expired = True
    outcome = _publisher(facebook_server).publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(outcome, Permanent) and outcome.reconnect
