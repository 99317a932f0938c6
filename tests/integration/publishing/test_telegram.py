"""The Telegram publisher against the fake Bot API: no idempotency, so uncertain sends wait."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers.telegram import FakeTelegram

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
    Uncertain,
)
from studio.publishing.telegram import TelegramPublisher


def _publisher(server: FakeTelegram, token: str | None = None, chat: str | None = None, timeout: float = 5) -> TelegramPublisher:
    account = Credentials("telegram", server.url, "", token or server.token, {"chat_id": chat or server.chat_id})
    return TelegramPublisher(account, timeout=timeout)


def _post(*parts: Part) -> Post:
    return Post(parts, "key", datetime(2026, 1, 1, tzinfo=UTC))


def test_verify_names_the_channel_and_explains_failures(telegram_server: FakeTelegram) -> None:
    info = _publisher(telegram_server).verify()
    assert info.handle == "@studio_channel"
    assert "Studio Channel" in info.display_name and "@studio_bot" in info.display_name
    with pytest.raises(ConnectionProblem, match="bot token"):
        _publisher(telegram_server, token="1:wrong").verify()
    with pytest.raises(ConnectionProblem, match="does not know this chat"):
        _publisher(telegram_server, chat="@elsewhere").verify()


def test_text_photo_album_and_a_thread_of_replies(telegram_server: FakeTelegram, image: Path) -> None:
    recorded: list[Sent] = []
    outcome = _publisher(telegram_server).publish(
        _post(Part("first"), Part("with a photo", (Media(image, "alt"),)), Part("album", (Media(image), Media(image)))),
        lambda i, s: recorded.append(s),
    )
    assert isinstance(outcome, Published)
    assert outcome.remote_url == f"https://t.me/studio_channel/{outcome.remote_id}"
    messages = telegram_server.messages
    ids = [int(s.remote_id) for s in recorded]
    assert messages[ids[0]]["text"] == "first"
    assert messages[ids[1]]["caption"] == "with a photo"
    assert messages[ids[1]]["reply_to_message"]["message_id"] == ids[0]
    assert messages[ids[2]]["caption"] == "album" and messages[ids[2]]["media_group_id"]
    assert messages[ids[2]]["reply_to_message"]["message_id"] == ids[1]
    assert len(messages) == 4  # the album is two messages


def test_a_long_text_with_a_photo_goes_first_and_the_photo_answers_it(telegram_server: FakeTelegram, image: Path) -> None:
    outcome = _publisher(telegram_server).publish(_post(Part("x" * 1500, (Media(image),))), lambda i, s: None)
    assert isinstance(outcome, Published)
    text, photo = telegram_server.messages[1], telegram_server.messages[2]
    assert text["text"] == "x" * 1500 and "caption" not in photo
    assert photo["reply_to_message"]["message_id"] == 1


@pytest.mark.parametrize("fault", ["drop-after", "hang-after"])
def test_a_send_that_may_have_arrived_becomes_uncertain_and_is_not_repeated(telegram_server: FakeTelegram, fault: str) -> None:
    telegram_server.inject("sendMessage", fault)
    outcome = _publisher(telegram_server, timeout=1).publish(_post(Part("maybe")), lambda i, s: None)
    assert isinstance(outcome, Uncertain)
    assert "mark the post as published or retry" in outcome.message
    assert telegram_server.texts() == ["maybe"]


def test_failures_where_nothing_was_sent_retry(telegram_server: FakeTelegram) -> None:
    telegram_server.inject("sendMessage", "429:7", "status:502", "drop-before")
    publisher = _publisher(telegram_server)
    limited = publisher.publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(limited, RetryLater) and limited.retry_after == 7
    assert isinstance(publisher.publish(_post(Part("x")), lambda i, s: None), RetryLater)
    # A connection closed before the request was read: requests cannot tell it from one closed
    # after, so it is uncertain, the safe side.
    assert isinstance(publisher.publish(_post(Part("x")), lambda i, s: None), Uncertain)
    assert telegram_server.texts() == []
    url = telegram_server.url
    telegram_server.stop()
    refused = TelegramPublisher(Credentials("telegram", url, "", "1:t", {"chat_id": "@c"})).publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(refused, RetryLater) and "refused" in refused.message


def test_revoked_tokens_and_rejected_content_fail_permanently(telegram_server: FakeTelegram) -> None:
    publisher = _publisher(telegram_server)
    too_long = publisher.publish(_post(Part("y" * 5000)), lambda i, s: None)
    assert isinstance(too_long, Permanent) and "Shorten" in too_long.message
    telegram_server.revoked = True
    revoked = publisher.publish(_post(Part("y")), lambda i, s: None)
    assert isinstance(revoked, Permanent) and "Reconnect the account" in revoked.message


def test_a_long_text_is_recorded_before_its_images_and_a_retry_sends_only_the_images(
        telegram_server: FakeTelegram, image: Path) -> None:
    telegram_server.inject("sendPhoto", "status:500")
    recorded: dict[int, Sent] = {}
    post = _post(Part("z" * 1500, (Media(image),)))
    outcome = _publisher(telegram_server).publish(post, recorded.__setitem__)
    assert isinstance(outcome, RetryLater)
    assert outcome.message.startswith("The text is in the channel; its images are not")
    assert len(telegram_server.messages) == 1 and recorded[0].extra == {"images_pending": "1"}
    retried = _publisher(telegram_server).publish(replace(post, already_sent=(recorded[0],)), recorded.__setitem__)
    assert isinstance(retried, Published) and retried.parts == (Sent(recorded[0].remote_id, recorded[0].remote_url),)
    assert telegram_server.messages[1]["text"] == "z" * 1500 and "photo" in telegram_server.messages[2]
    assert len(telegram_server.messages) == 2 and telegram_server.messages[2]["reply_to_message"]["message_id"] == 1


def test_an_unreadable_image_after_the_text_says_the_text_is_out(telegram_server: FakeTelegram, tmp_path: Path) -> None:
    outcome = _publisher(telegram_server).publish(_post(Part("z" * 1500, (Media(tmp_path / "gone.jpg"),))),
                                                  lambda i, s: None)
    assert isinstance(outcome, Permanent)
    assert "The text is in the channel" in outcome.message and "Retry sends the images only" in outcome.message
    assert [m["text"] for m in telegram_server.messages.values()] == ["z" * 1500]


def test_the_token_never_appears_in_messages(telegram_server: FakeTelegram) -> None:
    telegram_server.inject("sendMessage", "drop-after")
    outcome = _publisher(telegram_server, timeout=1).publish(_post(Part("x")), lambda i, s: None)
    assert telegram_server.token not in json.dumps(getattr(outcome, "message", ""))
