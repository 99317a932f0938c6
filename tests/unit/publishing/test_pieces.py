"""Headless pieces of publishing: record keys, facets, backoff, Retry-After, signatures, secrets,
posting slots across DST, pre-flight messages."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from studio import secrets
from studio.publishing import preflight
from studio.publishing.base import (
    Credentials,
    Media,
    Part,
    Permanent,
    RetryLater,
    http_outcome,
    parse_retry_after,
)
from studio.publishing.bluesky import created_at, facets
from studio.publishing.queue import BACKOFF_CAP, backoff
from studio.publishing.record_keys import new_tid, parse_tid, part_tid, tid_from
from studio.publishing.slots import slot_instants
from studio.publishing.webhook import sign, verify_signature


def test_tids_are_valid_sortable_and_derive_the_parts_and_the_creation_time() -> None:
    key = tid_from(1_767_225_600_123_456, 7)
    assert len(key) == 13 and parse_tid(key) == (1_767_225_600_123_456, 7)
    assert part_tid(key, 0) == key and part_tid(key, 1) > key and part_tid(key, 2) > part_tid(key, 1)
    assert created_at(key) == "2026-01-01T00:00:00.123Z"
    assert new_tid(1.0) < new_tid(2.0)
    for bad in ("", "short", "zzzzzzzzzzzzz", "3jzfcijpj2z2A"):
        with pytest.raises(ValueError):
            parse_tid(bad)


def test_facets_use_utf8_byte_offsets() -> None:
    text = "é 👩🏽‍💻 漢字 #タグ go to example.com/a?b=1 and @bob.test"
    found = facets(text, lambda handle: "did:plc:bob" if handle == "bob.test" else None)
    raw = text.encode()
    spans = {raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(): f["features"][0] for f in found}
    assert spans["#タグ"]["tag"] == "タグ"
    assert spans["example.com/a?b=1"]["uri"] == "https://example.com/a?b=1"
    assert spans["@bob.test"]["did"] == "did:plc:bob"
    assert facets("@nobody.test", lambda handle: None) == []


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap() -> None:
    rng = random.Random(1)
    delays = [backoff(n, rng) for n in range(1, 12)]
    assert 22 <= delays[0] <= 38 and 45 <= delays[1] <= 75
    assert max(delays) <= BACKOFF_CAP * 1.25
    assert len({round(backoff(3, random.Random(seed))) for seed in range(10)}) > 1


def test_retry_after_and_http_statuses() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=datetime(2015, 10, 21, 7, 27, tzinfo=UTC).timestamp()) == 60
    assert parse_retry_after("soon") is None
    assert isinstance(http_outcome(503, ""), RetryLater)
    limited = http_outcome(429, "", 30)
    assert isinstance(limited, RetryLater) and limited.retry_after == 30
    revoked = http_outcome(401, "token revoked")
    assert isinstance(revoked, Permanent) and revoked.reconnect and "Reconnect the account" in revoked.message
    assert isinstance(http_outcome(422, "bad"), Permanent)


def test_webhook_signature() -> None:
    body = b'{"text":"hi"}'
    header = sign("s3cret", body)
    assert header.startswith("sha256=") and len(header) == 7 + 64
    assert verify_signature("s3cret", body, header)
    assert not verify_signature("other", body, header)
    assert not verify_signature("s3cret", body + b" ", header)


def test_account_repr_hides_the_secret() -> None:
    assert "hunter2" not in repr(Credentials("mastodon", "https://x", "me", "hunter2"))


def test_secrets_round_trip_in_the_test_keyring() -> None:
    ref = secrets.new_ref("mastodon")
    assert ref.startswith("mastodon:")
    secrets.store(ref, "token-123")
    assert secrets.load(ref) == "token-123"
    secrets.delete(ref)
    secrets.delete(ref)  # twice is fine
    with pytest.raises(secrets.SecretMissing, match="not in the system keyring"):
        secrets.load(ref)
    with pytest.raises(secrets.SecretError):
        secrets.store(ref, "")
    assert "keyrings.alt" in secrets.backend_name()


def test_slots_keep_the_wall_clock_across_dst() -> None:
    paris = ZoneInfo("Europe/Paris")
    # Sunday 09:30 and 02:30 slots around the spring-forward night (29 March 2026).
    slots = [{"weekday": 6, "time": "09:30"}, {"weekday": 6, "time": "02:30"}]
    start = datetime(2026, 3, 21, tzinfo=UTC)
    instants = slot_instants(slots, start, paris, days=14)
    local = [moment.astimezone(paris).strftime("%m-%d %H:%M %Z") for moment in instants]
    assert local == ["03-22 02:30 CET", "03-22 09:30 CET", "03-29 03:00 CEST", "03-29 09:30 CEST"]
    assert instants[1].strftime("%H:%M") == "08:30" and instants[3].strftime("%H:%M") == "07:30"


def test_preflight_messages_say_what_to_do(tmp_path: Path) -> None:
    from PIL import Image

    wrong = tmp_path / "wrong.jpg"
    Image.new("RGB", (2500, 2500)).save(wrong)
    problems = preflight.check([Part("x" * 512, (Media(wrong, ""),))], "mastodon")
    messages = " ".join(problem.message for problem in problems)
    assert "Shorten it by 12 characters" in messages
    assert "no alt text" in messages
    assert "is 2500×2500; Mastodon expects at most 1920×1080" in messages
    assert preflight.check([Part("fine")], "mastodon", {"max_characters": 1000}) == []
    assert "Shorten it by 500" in preflight.summary(preflight.check([Part("x" * 1500)], "mastodon", {"max_characters": 1000}))
    thread = preflight.check([Part("ok"), Part("y" * 301)], "bluesky")
    assert thread[0].part == 1 and "Part 2 of the thread" in thread[0].message
    assert preflight.check([Part("ok")], "bluesky", {}, secret_ok=False)[0].code == "account"
    five = tuple(Media(wrong, "alt") for _ in range(5))
    assert any(p.code == "too-many-images" for p in preflight.check([Part("x", five)], "bluesky"))


def test_no_keyring_says_what_to_do() -> None:
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(secrets.SecretError, match="No system keyring is available") as error:
            secrets.store("mastodon:x", "token")
        assert "Secret Service" in error.value.hint and "token" not in error.value.for_humans()
        with pytest.raises(secrets.SecretError):
            secrets.load("mastodon:x")
    finally:
        keyring.set_keyring(before)


def test_preflight_for_the_new_networks(tmp_path: Path) -> None:
    """Instagram needs an image and (for images) a media host; its caption limits come from the
    counters; Facebook and LinkedIn take one post, not a thread; Threads takes a reply chain."""
    from PIL import Image

    photo = tmp_path / "p.jpg"
    Image.new("RGB", (1080, 1350)).save(photo, "JPEG")
    host = {"media_host": {"bucket": "b"}}
    codes = lambda parts, network, settings=None: [p.code for p in preflight.check(parts, network, settings)]  # noqa: E731
    assert codes((Part("Just words"),), "instagram", host) == ["image-needed"]
    assert codes((Part("A photo", (Media(photo, "alt"),)),), "instagram") == ["media-host"]
    assert codes((Part("A photo", (Media(photo, "alt"),)),), "instagram", host) == []
    tags = " ".join(f"#t{n}" for n in range(31))
    problems = preflight.check((Part(tags, (Media(photo, "alt"),)),), "instagram", host)
    assert [p.code for p in problems] == ["text-too-long"] and "30" in problems[0].message
    assert codes((Part("one"), Part("two")), "facebook") == ["thread"]
    assert codes((Part("one"), Part("two")), "linkedin") == ["thread"]
    assert codes((Part("one"), Part("two")), "threads") == []
    assert codes((Part("x" * 501),), "threads") == ["text-too-long"]
    assert "too-many-images" in codes((Part("two", (Media(photo), Media(photo))),), "linkedin")
    assert codes((Part("to Postiz", (Media(photo),)),), "postiz") == []
