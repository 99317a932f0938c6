"""Instagram and Threads through the container flow, against the fake Graph hosts and a real
S3-compatible media host (moto on loopback): carousels with alt text, the 24-hour quota, expired and
refreshed tokens, lost answers, and a bucket left empty."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from conftest import KEYS
from servers.meta import FakeContainers, FakeInstagram, FakeThreads
from servers.s3 import S3Proxy, S3Server

from studio.publishing import instagram as instagram_module
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
from studio.publishing.instagram import InstagramPublisher
from studio.publishing.mediahost import MediaHost
from studio.publishing.threads import ThreadsPublisher

Bucket = tuple[dict[str, str], S3Proxy, str]


def _account(server: FakeContainers, network: str, token: str | None = None) -> Credentials:
    return Credentials(network, f"{server.url}/v23.0", "", token or server.token, {"user_id": server.user_id})


def _instagram(server: FakeInstagram, bucket: Bucket | None, token: str | None = None) -> InstagramPublisher:
    host = MediaHost(bucket[0], *KEYS) if bucket else None
    return InstagramPublisher(_account(server, "instagram", token), host, poll=0.01)


def _threads(server: FakeThreads, bucket: Bucket | None) -> ThreadsPublisher:
    host = MediaHost(bucket[0], *KEYS) if bucket else None
    return ThreadsPublisher(_account(server, "threads"), host, poll=0.01)


def _post(*parts: Part, key: str = "post-key-1") -> Post:
    return Post(parts, key, datetime(2026, 1, 1, tzinfo=UTC))


def _images(folder: Path, count: int) -> list[Path]:
    from PIL import Image

    paths = []
    for n in range(count):
        path = folder / f"photo{n}.jpg"
        Image.new("RGB", (80, 100), (40 * n % 255, 90, 160)).save(path, "JPEG")
        paths.append(path)
    return paths


def test_verify_reads_the_account_and_its_publishing_limit(instagram_server: FakeInstagram) -> None:
    info = _instagram(instagram_server, None).verify()
    assert info.handle == "studio.ig"
    assert info.limits["user_id"] == instagram_server.user_id
    assert info.limits["quota_total"] == 25
    assert str(info.limits["token_expires_at"]).startswith("20")
    with pytest.raises(ConnectionProblem, match="Reconnect"):
        _instagram(instagram_server, None, token="wrong").verify()


def test_a_carousel_goes_out_with_alt_text_and_leaves_the_bucket_empty(
    instagram_server: FakeInstagram, media_bucket: Bucket, s3: S3Server, tmp_path: Path
) -> None:
    paths = _images(tmp_path, 3)
    media = tuple(Media(path, f"Kettle, side {n}") for n, path in enumerate(paths))
    recorded: list[tuple[int, Sent]] = []
    outcome = _instagram(instagram_server, media_bucket).publish(
        _post(Part("New kettle #launch", media)), lambda i, s: recorded.append((i, s))
    )
    assert isinstance(outcome, Published), outcome
    [post] = instagram_server.posts()
    assert post["text"] == "New kettle #launch"
    assert [item["alt"] for item in post["items"]] == ["Kettle, side 0", "Kettle, side 1", "Kettle, side 2"]
    assert all(item["bytes"] == path.stat().st_size for item, path in zip(post["items"], paths, strict=True))
    assert outcome.remote_id == post["id"] and outcome.remote_url.endswith(f"/p/{post['id']}/")
    # the container was recorded before it was published, then the media id replaced it
    assert recorded[0][1].remote_id == "" and recorded[0][1].extra["container"]
    assert recorded[-1][1].remote_id == post["id"]
    assert s3.objects(media_bucket[2]) == []
    # what Meta fetched were presigned URLs valid for minutes, now dead (the objects are gone)
    url = instagram_server.fetched[0]
    signed = parse_qs(urlsplit(url).query)
    assert signed["X-Amz-Expires"] == [str(15 * 60)] and "X-Amz-Signature" in signed
    assert requests.get(url, timeout=10).status_code == 404


def test_a_single_image_post_and_a_post_without_media_host_says_what_to_do(
    instagram_server: FakeInstagram, media_bucket: Bucket, image: Path
) -> None:
    outcome = _instagram(instagram_server, media_bucket).publish(
        _post(Part("One photo", (Media(image, "A red square"),))), lambda i, s: None)
    assert isinstance(outcome, Published)
    assert instagram_server.posts()[0]["items"] == [{"alt": "A red square", "bytes": image.stat().st_size}]
    outcome = _instagram(instagram_server, None).publish(_post(Part("x", (Media(image),)), key="k2"), lambda i, s: None)
    assert isinstance(outcome, Permanent) and "media host" in outcome.message


def test_past_the_days_quota_the_post_waits_for_the_window_and_says_so(
    instagram_server: FakeInstagram, media_bucket: Bucket, image: Path, s3: S3Server
) -> None:
    instagram_server.quota_total = 2
    instagram_server.add_old_post("earlier", hours_ago=20)
    instagram_server.add_old_post("later", hours_ago=2)
    outcome = _instagram(instagram_server, media_bucket).publish(_post(Part("Wait", (Media(image),))), lambda i, s: None)
    assert isinstance(outcome, RetryLater) and outcome.quota
    assert "allows 2 posts in 24 hours" in outcome.message and "waits for the window" in outcome.message
    # the oldest post of the window leaves it in about 4 hours
    assert outcome.retry_after is not None and 3.9 * 3600 < outcome.retry_after < 4.1 * 3600
    assert instagram_server.texts() == ["earlier", "later"] and s3.objects(media_bucket[2]) == []


def test_the_quota_wait_keeps_the_posts_attempts(tmp_path: Path) -> None:
    from studio.publishing.queue import Job, Queue

    queue = Queue(library=None, owner="me")
    job = Job(1, 1, 1, 1, "instagram", "2026-01-01T00:00:00Z", 8, "k", (), "me")
    state, attempts, when = queue._retry_plan(job, RetryLater("quota", 7200.0, quota=True), datetime.now(UTC))
    assert (state, attempts) == ("failed-retry", 7) and when is not None


def test_an_expired_token_fails_with_reconnect(instagram_server: FakeInstagram, media_bucket: Bucket, image: Path) -> None:
    instagram_server.expired = True
    outcome = _instagram(instagram_server, media_bucket).publish(_post(Part("x", (Media(image),))), lambda i, s: None)
    assert isinstance(outcome, Permanent) and outcome.reconnect and "Reconnect" in outcome.message


def test_a_refreshable_token_is_refreshed(instagram_server: FakeInstagram) -> None:
    old = instagram_server.token
    token, expires = _instagram(instagram_server, None).refresh_token()
    assert token != old and token == instagram_server.token
    assert (expires - datetime.now(UTC)).days >= 59


@pytest.mark.parametrize("fault", ["status:500", "429:1", "drop-before"])
def test_failures_before_anything_is_made_retry(
    instagram_server: FakeInstagram, media_bucket: Bucket, image: Path, fault: str
) -> None:
    instagram_server.inject(r"/media$", fault)
    outcome = _instagram(instagram_server, media_bucket).publish(_post(Part("x", (Media(image),))), lambda i, s: None)
    assert isinstance(outcome, RetryLater), outcome
    assert instagram_server.posts() == []


def test_media_not_ready_waits_then_retries_later(
    instagram_server: FakeInstagram, media_bucket: Bucket, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(instagram_module, "CONTAINER_WAIT", 0.3)
    instagram_server.processing_polls = 10_000
    outcome = _instagram(instagram_server, media_bucket).publish(_post(Part("x", (Media(image),))), lambda i, s: None)
    assert isinstance(outcome, RetryLater) and "still preparing" in outcome.message
    assert instagram_server.posts() == []


@pytest.mark.parametrize("fault", ["drop-after", "hang-after"])
def test_a_lost_answer_to_publish_is_retried_without_a_second_post(
    instagram_server: FakeInstagram, media_bucket: Bucket, image: Path, fault: str
) -> None:
    instagram_server.inject("media_publish", fault)
    instagram_server.hang = 2.0
    recorded: dict[int, Sent] = {}
    publisher = _instagram(instagram_server, media_bucket)
    publisher._graph._timeout = 1.0
    post = _post(Part("Once only", (Media(image, "alt"),)))
    first = publisher.publish(post, lambda i, s: recorded.__setitem__(i, s))
    assert isinstance(first, RetryLater), first
    assert len(instagram_server.posts()) == 1  # it did go out
    again = publisher.publish(Post(post.parts, post.idempotency_key, post.scheduled_at, already_sent=(recorded[0],)),
                              lambda i, s: recorded.__setitem__(i, s))
    assert isinstance(again, Published)
    assert instagram_server.texts() == ["Once only"]
    assert again.remote_id == instagram_server.posts()[0]["id"]


def test_an_upload_that_fails_is_retried(
    instagram_server: FakeInstagram, media_bucket: Bucket, image: Path, s3: S3Server
) -> None:
    proxy = media_bucket[1]
    proxy.inject(r"/studio/", "status:500", "status:500")
    outcome = _instagram(instagram_server, media_bucket).publish(_post(Part("x", (Media(image),))), lambda i, s: None)
    assert isinstance(outcome, Published)
    assert not any(proxy.faults.values())  # both failed PUTs happened, and the third went through
    assert len([r for r in proxy.requests if r.method == "PUT"]) == 1 and len(instagram_server.posts()) == 1
    assert s3.objects(media_bucket[2]) == []


def test_threads_text_image_carousel_and_a_reply_chain(
    threads_server: FakeThreads, media_bucket: Bucket, tmp_path: Path, s3: S3Server
) -> None:
    paths = _images(tmp_path, 2)
    outcome = _threads(threads_server, media_bucket).publish(_post(
        Part("First, just text"),
        Part("Then a photo", (Media(paths[0], "Photo alt"),)),
        Part("And a carousel", (Media(paths[0], "a"), Media(paths[1], "b"))),
    ), lambda i, s: None)
    assert isinstance(outcome, Published), outcome
    posts = threads_server.posts()
    assert [p["text"] for p in posts] == ["First, just text", "Then a photo", "And a carousel"]
    assert posts[0]["reply_to"] == "" and posts[1]["reply_to"] == posts[0]["id"] and posts[2]["reply_to"] == posts[1]["id"]
    assert posts[1]["items"][0]["alt"] == "Photo alt" and [i["alt"] for i in posts[2]["items"]] == ["a", "b"]
    assert [s.remote_id for s in outcome.parts] == [p["id"] for p in posts]
    assert s3.objects(media_bucket[2]) == []


def test_a_thread_resumes_after_the_last_part_out(threads_server: FakeThreads, media_bucket: Bucket) -> None:
    threads_server.inject("threads_publish", "pass", "drop-after")
    recorded: dict[int, Sent] = {}
    publisher = _threads(threads_server, media_bucket)
    post = _post(Part("one"), Part("two"), Part("three"))
    first = publisher.publish(post, lambda i, s: recorded.__setitem__(i, s))
    assert isinstance(first, RetryLater)
    sent = tuple(recorded[i] for i in sorted(recorded))
    again = publisher.publish(Post(post.parts, post.idempotency_key, post.scheduled_at, already_sent=sent),
                              lambda i, s: None)
    assert isinstance(again, Published)
    assert threads_server.texts() == ["one", "two", "three"]


def test_the_runner_refreshes_a_token_before_it_expires_and_warns_of_one_it_cannot(
    instagram_server: FakeInstagram, tmp_path: Path
) -> None:
    from servers.library import add_account, open_library

    from studio import secrets
    from studio.publishing import tokens
    from studio.publishing.runner import Runner

    soon = tokens.stamp(datetime.now(UTC) + timedelta(days=10))
    library = open_library(tmp_path / "library")
    try:
        ig = add_account(library, "instagram", f"{instagram_server.url}/v23.0", "studio.ig", instagram_server.token,
                         {"user_id": instagram_server.user_id, "token_expires_at": soon})
        linkedin = add_account(library, "linkedin", "", "me", "linkedin-token",
                               {"token_expires_at": tokens.stamp(datetime.now(UTC) + timedelta(days=3))})
        add_account(library, "linkedin", "", "later", "t2",
                    {"token_expires_at": tokens.stamp(datetime.now(UTC) + timedelta(days=20))})
        Runner(library).run_due()
        account = library.get_account(ig)
        assert secrets.load(account.secret_ref) == instagram_server.token == instagram_server.tokens_issued[0]
        expiry = tokens.expires_at(account.settings)
        assert expiry is not None and (expiry - datetime.now(UTC)).days >= 59
        [warning] = tokens.warnings(library)
        assert warning.account_id == linkedin and "expires in 3 days" in warning.message
        assert "Reconnect" in warning.message
        Runner(library).run_due()  # not again: the new token has 60 days
        assert len(instagram_server.tokens_issued) == 1
    finally:
        library.close()


def test_the_runner_sends_a_rendition_through_the_media_host_and_preflight_asks_for_one(
    instagram_server: FakeInstagram, media_bucket: Bucket, s3: S3Server, tmp_path: Path
) -> None:
    from PIL import Image
    from servers.library import add_account, due_post, open_library

    from studio.publishing import mediahost
    from studio.publishing.runner import Runner

    photo = tmp_path / "big.jpg"
    Image.new("RGB", (1600, 1200), (20, 120, 200)).save(photo, "JPEG")
    library = open_library(tmp_path / "library")
    try:
        settings = {"user_id": instagram_server.user_id, "media_host": media_bucket[0]}
        account = add_account(library, "instagram", f"{instagram_server.url}/v23.0", "studio.ig",
                              instagram_server.token, settings)
        mediahost.store_keys(library.get_account(account).secret_ref, *KEYS)
        bare = add_account(library, "instagram", f"{instagram_server.url}/v23.0", "other", instagram_server.token,
                           {"user_id": instagram_server.user_id})
        due_post(library, account, "With a rendition", images=[(photo, "Blue")])
        due_post(library, bare, "No host", images=[(photo, "Blue")])
        due_post(library, account, "No image")
        results = {r.message: r.state for r in Runner(library).run_due().results}
    finally:
        library.close()
    assert list(results.values()).count("published") == 1
    [post] = instagram_server.posts()
    assert post["text"] == "With a rendition" and post["items"][0]["alt"] == "Blue"
    messages = " ".join(results)
    assert "needs a media host, and the account has none" in messages
    assert "Instagram posts need at least one image" in messages
    assert s3.objects(media_bucket[2]) == []
