"""The webhook publisher against a local receiver, and the folder publisher on disk."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from servers.base import FakeServer, Request, Response

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
from studio.publishing.folder import FolderMissing, FolderPublisher, create_folder
from studio.publishing.webhook import SIGNATURE_HEADER, WebhookPublisher, verify_signature

SECRET = "whsec-0123456789"


class Receiver(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[Request] = []
        self.route("POST", r"/hook", self._hook)

    def _hook(self, request: Request, match: re.Match[str]) -> Response:
        if not verify_signature(SECRET, request.body, request.headers.get(SIGNATURE_HEADER.lower(), "")):
            return Response(401, {"error": "bad signature"})
        self.seen.append(request)
        return Response(200, {"id": f"run-{len(self.seen)}", "url": "https://automation.example/runs/1"})


@pytest.fixture
def receiver() -> Receiver:
    server = Receiver()
    server.start()
    yield server  # type: ignore[misc]
    server.stop()


def _post(*parts: Part, key: str = "abcdef0123456789") -> Post:
    return Post(parts, key, datetime(2026, 3, 29, 0, 30, tzinfo=UTC), title="Launch day")


def test_the_body_is_signed_and_carries_text_variant_images_and_alt(receiver: Receiver, image: Path) -> None:
    account = Credentials("webhook", f"{receiver.url}/hook", "zapier", SECRET, {"variant": "instagram"})
    outcome = WebhookPublisher(account).publish(
        _post(Part("Big news", (Media(image, "A red square"),)), Part("More")), lambda i, s: None
    )
    assert isinstance(outcome, Published) and outcome.remote_id == "run-1"
    body = receiver.seen[0].json
    assert body["text"] == "Big news" and body["variant"] == "instagram"
    assert body["images"][0]["alt"] == "A red square"
    assert base64.b64decode(body["images"][0]["data_base64"]) == image.read_bytes()
    assert [part["text"] for part in body["parts"]] == ["Big news", "More"]
    assert body["scheduled_at"] == "2026-03-29T00:30:00Z"
    assert receiver.seen[0].headers["idempotency-key"] == "abcdef0123456789"


def test_a_wrong_secret_fails_permanently_and_verify_explains(receiver: Receiver) -> None:
    account = Credentials("webhook", f"{receiver.url}/hook", "", "not-the-secret")
    outcome = WebhookPublisher(account).publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(outcome, Permanent) and "Reconnect" in outcome.message
    with pytest.raises(ConnectionProblem, match="HTTP 401"):
        WebhookPublisher(account).verify()
    WebhookPublisher(Credentials("webhook", f"{receiver.url}/hook", "", SECRET)).verify()
    with pytest.raises(ConnectionProblem, match="not a web address"):
        WebhookPublisher(Credentials("webhook", "hooks.example", "", SECRET))


def test_interrupted_webhooks_are_uncertain_and_refused_ones_retry(receiver: Receiver) -> None:
    account = Credentials("webhook", f"{receiver.url}/hook", "", SECRET)
    receiver.hang = 2
    receiver.inject("/hook", "hang-after", "status:503")
    assert isinstance(WebhookPublisher(account, timeout=0.5).publish(_post(Part("x")), lambda i, s: None), Uncertain)
    assert isinstance(WebhookPublisher(account).publish(_post(Part("x")), lambda i, s: None), RetryLater)
    receiver.stop()
    refused = WebhookPublisher(account).publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(refused, RetryLater) and refused.offline
    # A name that does not resolve (no network, a typo): nothing went out, so it waits and retries.
    unknown = Credentials("webhook", "http://studio-receiver.invalid/hook", "", SECRET)
    unresolved = WebhookPublisher(unknown, timeout=5).publish(_post(Part("x")), lambda i, s: None)
    assert isinstance(unresolved, RetryLater) and unresolved.offline, unresolved


def test_folder_writes_one_package_once(tmp_path: Path, image: Path) -> None:
    root = tmp_path / "to post by hand"
    publisher = FolderPublisher(Credentials("folder", str(root), "Instagram (by hand)"))
    with pytest.raises(FolderMissing, match="does not exist"):  # Test never creates it unasked
        publisher.verify()
    assert not root.exists()
    create_folder(str(root))
    assert publisher.verify().display_name == str(root)
    post = _post(Part("Première, ça marche", (Media(image, "A red square"),)), Part("Second part"))
    first = publisher.publish(post, lambda i, s: None)
    second = publisher.publish(post, lambda i, s: None)
    assert isinstance(first, Published) and first == second
    packages = [p for p in root.iterdir()]
    assert len(packages) == 1
    package = packages[0]
    assert package.name.startswith("2026-03-29 0030 Launch-day")
    assert "[1/2]\nPremière, ça marche" in (package / "post.txt").read_text(encoding="utf-8")
    assert (package / "01.jpg").read_bytes() == image.read_bytes()
    assert "01.jpg: A red square" in (package / "alt-text.txt").read_text(encoding="utf-8")
    ics = (package / "reminder.ics").read_bytes().decode("utf-8")
    assert "DTSTART:20260329T003000Z\r\n" in ics and "BEGIN:VALARM\r\n" in ics
    # A repeat after the draft was renamed and moved (its package name would differ) still finds it.
    moved = replace(post, title="Launch week", scheduled_at=datetime(2026, 4, 2, 9, tzinfo=UTC))
    assert publisher.publish(moved, lambda i, s: None) == first
    assert [p.name for p in root.iterdir()] == [package.name]
    # Another post whose key shares the 8 characters in the name gets a package of its own.
    other = replace(post, idempotency_key=post.idempotency_key[:8] + "ffffffff")
    second_package = publisher.publish(other, lambda i, s: None)
    assert second_package != first
    assert publisher.publish(other, lambda i, s: None) == second_package
    assert len(list(root.iterdir())) == 2


def test_folder_reports_a_missing_image_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    publisher = FolderPublisher(Credentials("folder", str(tmp_path), ""))
    outcome = publisher.publish(_post(Part("x", (Media(tmp_path / "missing.jpg"),))), lambda i, s: None)
    assert isinstance(outcome, Permanent)
    assert list(tmp_path.iterdir()) == []
