"""Webhooks (Zapier, Make, n8n, your own automation): one signed JSON POST per post.

The body carries the text, the variant's name, every part of a thread and the images (base64) with
their alt text. ``X-Studio-Signature: sha256=<hex>`` is the HMAC-SHA256 of the exact body bytes with
the account's shared secret, so the receiver can check the post came from Studio; the
``Idempotency-Key`` header is the post's stored key, for receivers that deduplicate. Since most do
not, a send that may have arrived (timeout, dropped connection) becomes :class:`Uncertain`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Any

from studio.library.times import to_utc_text
from studio.publishing.base import (
    AccountInfo,
    ConnectionProblem,
    Credentials,
    Outcome,
    PartCallback,
    Permanent,
    Post,
    Published,
    RetryLater,
    Sent,
    Uncertain,
    http_outcome,
    never_connected,
    parse_retry_after,
    short_json_error,
)

TIMEOUT = 30.0
SIGNATURE_HEADER = "X-Studio-Signature"


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for ``body``: ``sha256=<hex digest>``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(sign(secret, body), header or "")


def build_body(post: Post, variant: str) -> bytes:
    parts: list[dict[str, Any]] = []
    for part in post.parts:
        images = []
        for media in part.media:
            images.append({
                "filename": media.path.name,
                "mime": media.mime,
                "alt": media.alt,
                "data_base64": base64.b64encode(media.path.read_bytes()).decode("ascii"),
            })
        parts.append({"text": part.text, "images": images})
    body = {
        "id": post.idempotency_key,
        "title": post.title,
        "variant": variant,
        "language": post.language,
        "scheduled_at": to_utc_text(post.scheduled_at),
        "text": post.parts[0].text if post.parts else "",
        "images": parts[0]["images"] if parts else [],
        "parts": parts,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class WebhookPublisher:
    """POSTs to ``account.server_url``; ``account.settings['variant']`` names the network whose
    variant the runner renders for it (default: the base text)."""

    network = "webhook"
    idempotent = False

    def __init__(self, account: Credentials, timeout: float = TIMEOUT) -> None:
        import requests

        if not account.server_url.startswith(("http://", "https://")):
            raise ConnectionProblem(f"“{account.server_url}” is not a web address.", "Paste the webhook URL again.")
        self._account = account
        self._timeout = timeout
        self._session = requests.Session()

    def _post(self, body: bytes, key: str) -> Any:
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            SIGNATURE_HEADER: sign(self._account.secret, body),
            "Idempotency-Key": key,
            "User-Agent": "Studio",
        }
        return self._session.post(self._account.server_url, data=body, headers=headers, timeout=self._timeout)

    def verify(self) -> AccountInfo:
        """Sends a signed ``{"test": true}`` ping; any 2xx answer passes."""
        import requests

        body = json.dumps({"test": True, "sent_at": datetime.now(UTC).isoformat()}).encode()
        try:
            response = self._post(body, "studio-test")
        except requests.exceptions.RequestException as error:
            raise ConnectionProblem(
                "The webhook cannot be reached.", f"Check the URL and your network connection ({type(error).__name__})."
            ) from None
        if not response.ok:
            raise ConnectionProblem(
                f"The webhook answered HTTP {response.status_code}: {short_json_error(response.content)}",
                "Check the URL and the shared secret on the receiving side.",
            )
        return AccountInfo(handle=self._account.handle or self._account.server_url, display_name="Webhook")

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        import requests

        try:
            body = build_body(post, str(self._account.settings.get("variant") or "webhook"))
        except OSError as error:
            return Permanent(f"An image cannot be read ({error.strerror}). Export the image again.")
        try:
            response = self._post(body, post.idempotency_key)
        except (requests.exceptions.ConnectTimeout, requests.exceptions.InvalidURL):
            return RetryLater("Could not reach the webhook.", offline=True)
        except requests.exceptions.ConnectionError as error:
            if never_connected(error):
                return RetryLater("Could not reach the webhook (the connection was refused, or its name did not "
                                  "resolve).", offline=True)
            return Uncertain("The connection to the webhook broke after the post was sent; check the receiver.")
        except requests.exceptions.Timeout:
            return Uncertain("The webhook did not answer in time after the post was sent; check the receiver.")
        if not response.ok:
            return http_outcome(
                response.status_code, short_json_error(response.content),
                parse_retry_after(response.headers.get("Retry-After")), what="the post",
            )
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        remote_id = str(answer.get("id") or post.idempotency_key) if isinstance(answer, dict) else post.idempotency_key
        remote_url = str(answer.get("url") or "") if isinstance(answer, dict) else ""
        done = Sent(remote_id, remote_url)
        on_part(0, done)
        return Published(remote_id, remote_url, (done,))
