"""What every network publisher takes and returns.

A publisher gets a :class:`Post` (the parts of a thread, or one part, each with its images and their
alt text, plus the idempotency key the queue stored before the call) and returns one typed
:class:`Outcome`. It never raises for a network problem: the queue decides from the outcome what
happens next, and only the queue writes the database.

Threads go out part after part. After each part, the publisher calls ``on_part`` so the queue can
record that part's remote id before the next call: a retry after a crash resumes after the last
recorded part instead of posting the thread again.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

from studio.errors import StudioError


@dataclass(frozen=True)
class Media:
    """One image to attach: a rendition made for this network, and its alt text."""

    path: Path
    alt: str = ""
    mime: str = "image/jpeg"


@dataclass(frozen=True)
class Part:
    """One post of a thread (or the only post)."""

    text: str
    media: tuple[Media, ...] = ()


@dataclass(frozen=True)
class Sent:
    """A part that is already out: its remote id and URL, plus what a reply needs (Bluesky's cid)."""

    remote_id: str
    remote_url: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"remote_id": self.remote_id, "remote_url": self.remote_url, "extra": dict(self.extra)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Sent:
        return cls(str(data["remote_id"]), str(data.get("remote_url") or ""), dict(data.get("extra") or {}))


@dataclass(frozen=True)
class Post:
    """What to publish. ``idempotency_key`` was stored before the first attempt and never changes;
    ``already_sent`` holds the parts an earlier attempt recorded (thread resumption)."""

    parts: tuple[Part, ...]
    idempotency_key: str
    scheduled_at: datetime
    title: str = ""
    language: str | None = None
    already_sent: tuple[Sent, ...] = ()


@dataclass(frozen=True)
class Credentials:
    """What a publisher needs to reach one account (built from a library's
    :class:`studio.model.Account`, the account itself). ``secret`` comes from the keyring at call time
    and is never stored anywhere else; ``repr`` hides it so it cannot reach a log by accident."""

    network: str
    server_url: str = ""
    handle: str = ""
    secret: str = field(default="", repr=False)
    settings: Mapping[str, Any] = field(default_factory=dict)
    secret_ref: str = ""  # the keyring entry's name (never the secret): lets a publisher keep a session


@dataclass(frozen=True)
class AccountInfo:
    """What "Test connection" shows: who the credentials belong to and the server's limits."""

    handle: str
    display_name: str = ""
    avatar_url: str = ""
    limits: Mapping[str, Any] = field(default_factory=dict)
    remote_id: str = ""


# ---- outcomes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    remote_id: str
    remote_url: str = ""
    parts: tuple[Sent, ...] = ()


@dataclass(frozen=True)
class RetryLater:
    """Nothing went out (or the network's idempotency makes a repeat safe): try again later.
    ``retry_after`` is the server's own wish in seconds (``Retry-After``), else ``None``."""

    message: str
    retry_after: float | None = None
    offline: bool = False  # the server could not be reached at all: waits without using up attempts
    quota: bool = False  # the account's own posting quota is used up: waits for the window, attempts kept


@dataclass(frozen=True)
class Permanent:
    """Trying again will not help; ``message`` says what the user should do. ``reconnect`` marks
    a refused credential: the account needs to be connected again."""

    message: str
    reconnect: bool = False


@dataclass(frozen=True)
class Uncertain:
    """The request may have reached a network that has no idempotency: a repeat could post twice,
    so the post waits for the user to check."""

    message: str


Outcome = Published | RetryLater | Permanent | Uncertain

PartCallback = Callable[[int, Sent], None]


class ConnectionProblem(StudioError):
    """Raised by ``verify`` only: the account cannot be reached or was refused, in the user's words."""


class Publisher(Protocol):
    """One network. ``idempotent`` says whether a repeated call with the same key is safe."""

    network: str
    idempotent: bool

    def verify(self) -> AccountInfo:
        """Check the credentials; raise :class:`ConnectionProblem` with a clear message if they fail."""
        ...

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        """Send the post (the parts not yet in ``post.already_sent``) and say how it went."""
        ...


# ---- shared helpers ------------------------------------------------------------------------------


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class OutcomeError(Exception):
    """Carries an :data:`Outcome` out of a publisher's nested calls to its ``publish`` (which
    returns it): a failed media upload deep inside a thread ends the whole send at once."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(getattr(outcome, "message", ""))
        self.outcome = outcome


def http_outcome(status: int, message: str, retry_after: float | None = None, *, what: str = "") -> Outcome:
    """The outcome of an HTTP error status when nothing was created (the server said so)."""
    detail = f": {message}" if message else ""
    if status == 429:
        return RetryLater(f"The server asks to slow down (rate limit){detail}.", retry_after)
    if status in (401, 403):
        return Permanent(f"The server refused the account's credentials{detail}. Reconnect the account.", True)
    if status >= 500 or status in (408, 425):
        return RetryLater(f"The server had a problem (HTTP {status}){detail}.", retry_after)
    if status == 404:
        return Permanent(f"The server does not know this address (HTTP 404){detail}. Check the account's server URL.")
    if status == 413:
        return Permanent(f"The server says {what or 'an upload'} is too large{detail}. Export a smaller rendition.")
    return Permanent(f"The server rejected the post (HTTP {status}){detail}. Edit the post and schedule it again.")


def session_ref(secret_ref: str) -> str:
    """The keyring entry where a network's login session for the account is kept (Bluesky): next
    to the secret's own entry, so removing or reconnecting an account clears both."""
    return f"{secret_ref}#session"


def never_connected(error: BaseException) -> bool:
    """Whether a ``requests`` connection error happened before any connection was made (refused,
    or the name did not resolve): then nothing can have been sent, and a retry is safe."""
    from urllib3.exceptions import NewConnectionError  # NameResolutionError is one too

    seen: object = error
    for _ in range(5):  # requests' ConnectionError -> urllib3's MaxRetryError -> its reason
        if isinstance(seen, NewConnectionError):
            return True
        if not isinstance(seen, BaseException):
            return False
        seen = getattr(seen, "reason", None) or (seen.args[0] if seen.args else None)
    return False


def short_json_error(body: bytes | str) -> str:
    """The ``error``/``description`` field of a JSON error body, else the first 200 characters."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    try:
        data = json.loads(text)
    except ValueError:
        return text.strip()[:200]
    if isinstance(data, dict):
        for key in ("error_description", "error", "description", "message"):
            if data.get(key):
                return str(data[key])[:200]
    return text.strip()[:200]


def image_size(source: Path | IO[bytes]) -> tuple[int, int] | None:
    """Width and height of an image file (or of image bytes in a file object), read from its header;
    ``None`` when it cannot be read as an image."""
    try:
        from PIL import Image

        with Image.open(source) as image:
            return image.size
    except Exception:
        return None
