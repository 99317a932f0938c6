"""The Bluesky publisher against a real PDS (``@atproto/dev-env``) on loopback."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from servers.pds import PDS

from studio.publishing.base import (
    ConnectionProblem,
    Credentials,
    Media,
    Part,
    Permanent,
    Post,
    Published,
    Sent,
)
from studio.publishing.bluesky import BlueskyPublisher
from studio.publishing.record_keys import new_tid, parse_tid, part_tid

pytestmark = pytest.mark.integration


def _account(pds: PDS) -> tuple[Credentials, str]:
    handle, password, did = pds.create_account()
    return Credentials("bluesky", pds.url, handle, password), did


def _post(*parts: Part, key: str | None = None) -> Post:
    return Post(parts, key or new_tid(), datetime(2026, 1, 1, tzinfo=UTC), language="en")


def _by_rkey(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(record["uri"]).rsplit("/", 1)[1]: record for record in records}


def test_verify_returns_the_did_and_limits_and_explains_a_bad_password(pds: PDS) -> None:
    account, did = _account(pds)
    info = BlueskyPublisher(account).verify()
    assert info.remote_id == did and info.handle == account.handle
    assert info.limits["max_characters"] == 300
    wrong = Credentials("bluesky", pds.url, account.handle, "not-the-password")
    with pytest.raises(ConnectionProblem, match="refused this handle and app password"):
        BlueskyPublisher(wrong).verify()
    with pytest.raises(ConnectionProblem, match="Could not reach"):
        BlueskyPublisher(Credentials("bluesky", "http://127.0.0.1:9", "a.test", "x"), timeout=3).verify()


def test_facets_sit_at_utf8_byte_offsets_after_emoji_combining_marks_and_cjk(pds: PDS) -> None:
    account, did = _account(pds)
    friend, _, friend_did = pds.create_account("friend")
    text = f"Cafe\u0301 🧑🏽‍💻 日本語 @{friend} see example.com/path and #Straße!"
    outcome = BlueskyPublisher(account).publish(_post(Part(text)), lambda i, s: None)
    assert isinstance(outcome, Published)
    record = pds.list_posts(did)[0]["value"]
    assert record["text"] == text
    raw = text.encode("utf-8")
    spans = {raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(): f["features"][0] for f in record["facets"]}
    assert spans[f"@{friend}"] == {"$type": "app.bsky.richtext.facet#mention", "did": friend_did}
    assert spans["example.com/path"]["uri"] == "https://example.com/path"
    assert spans["#Straße"]["tag"] == "Straße"
    assert record["langs"] == ["en"]


def test_an_unknown_mention_stays_plain_text(pds: PDS) -> None:
    account, did = _account(pds)
    BlueskyPublisher(account).publish(_post(Part("hi @nobody.test")), lambda i, s: None)
    assert "facets" not in pds.list_posts(did)[0]["value"]


def test_images_with_alt_text_and_aspect_ratio(pds: PDS, tmp_path: Path) -> None:
    from PIL import Image

    account, did = _account(pds)
    paths = []
    for i, size in enumerate([(120, 80), (50, 100)]):
        path = tmp_path / f"{i}.jpg"
        Image.new("RGB", size, (10 * i, 90, 200)).save(path)
        paths.append(path)
    media = (Media(paths[0], "A wide blue card"), Media(paths[1], "A tall one"))
    outcome = BlueskyPublisher(account).publish(_post(Part("two images", media)), lambda i, s: None)
    assert isinstance(outcome, Published)
    images = pds.list_posts(did)[0]["value"]["embed"]["images"]
    assert [image["alt"] for image in images] == ["A wide blue card", "A tall one"]
    assert images[0]["aspectRatio"] == {"$type": "app.bsky.embed.defs#aspectRatio", "width": 120, "height": 80} or (
        images[0]["aspectRatio"]["width"], images[0]["aspectRatio"]["height"]) == (120, 80)
    assert images[0]["image"]["mimeType"] == "image/jpeg"


def test_a_too_large_image_fails_permanently(pds: PDS, tmp_path: Path) -> None:
    account, _ = _account(pds)
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"0" * 1_100_000)
    outcome = BlueskyPublisher(account).publish(_post(Part("x", (Media(big, "alt"),))), lambda i, s: None)
    assert isinstance(outcome, Permanent) and "1,000,000" in outcome.message


def test_a_thread_replies_to_root_and_parent_under_tid_keys(pds: PDS) -> None:
    account, did = _account(pds)
    post = _post(Part("1/3 start"), Part("2/3 middle"), Part("3/3 end"))
    outcome = BlueskyPublisher(account).publish(post, lambda i, s: None)
    assert isinstance(outcome, Published)
    records = _by_rkey(pds.list_posts(did))
    keys = [part_tid(post.idempotency_key, i) for i in range(3)]
    assert set(records) == set(keys)
    for key in keys:
        parse_tid(key)
    root = records[keys[0]]
    assert "reply" not in root["value"]
    for parent, child in ((keys[0], keys[1]), (keys[1], keys[2])):
        reply = records[child]["value"]["reply"]
        assert reply["root"]["uri"] == root["uri"] and reply["root"]["cid"] == root["cid"]
        assert reply["parent"]["uri"] == records[parent]["uri"]


def test_repeating_a_post_or_resuming_a_thread_writes_the_same_records(pds: PDS) -> None:
    account, did = _account(pds)
    post = _post(Part("once"), Part("and again"))
    recorded: list[Sent] = []
    first = BlueskyPublisher(account).publish(post, lambda i, s: recorded.append(s))
    # A crash after the first part was written but before it was recorded: the whole post again.
    again = BlueskyPublisher(account).publish(post, lambda i, s: None)
    resumed = BlueskyPublisher(account).publish(
        replace(post, already_sent=tuple(recorded[:1])), lambda i, s: None
    )
    assert isinstance(first, Published) and isinstance(again, Published) and isinstance(resumed, Published)
    assert first.parts == again.parts
    assert again.parts == resumed.parts
    assert len(pds.list_posts(did)) == 2


def test_a_damaged_key_is_refused_rather_than_posting_without_idempotency(pds: PDS) -> None:
    account, did = _account(pds)
    outcome = BlueskyPublisher(account).publish(_post(Part("x"), key="not-a-tid"), lambda i, s: None)
    assert isinstance(outcome, Permanent)
    assert pds.list_posts(did) == []


def test_the_login_session_is_kept_in_the_keyring_and_reused(pds: PDS) -> None:
    from studio import secrets
    from studio.publishing.base import session_ref

    handle, password, did = pds.create_account("session")
    ref = secrets.new_ref("bluesky")
    secrets.store(ref, password)
    first = BlueskyPublisher(Credentials("bluesky", pds.url, handle, password, secret_ref=ref))
    assert isinstance(first.publish(_post(Part("one")), lambda i, s: None), Published)
    saved = secrets.load(session_ref(ref))
    assert password not in saved
    # The saved session is used: even a wrong password does not matter while it is valid.
    again = BlueskyPublisher(Credentials("bluesky", pds.url, handle, "not-the-password", secret_ref=ref))
    assert isinstance(again.publish(_post(Part("two")), lambda i, s: None), Published)
    # A damaged session falls back to the app password.
    secrets.store(session_ref(ref), "garbage")
    third = BlueskyPublisher(Credentials("bluesky", pds.url, handle, password, secret_ref=ref))
    assert isinstance(third.publish(_post(Part("three")), lambda i, s: None), Published)
    assert secrets.load(session_ref(ref)) != "garbage"
    assert sorted(str(r["value"]["text"]) for r in pds.list_posts(did)) == ["one", "three", "two"]  # type: ignore[index]
