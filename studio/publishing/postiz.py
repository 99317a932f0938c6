"""Hand-off to a self-hosted Postiz for the networks Studio does not reach itself (TikTok, YouTube,
Pinterest, ...): the account is a Postiz server (URL + API key) and one of its integrations.

A post is handed over as soon as it is scheduled (the queue claims Postiz posts ahead of time): each
image goes up first (``POST /public/v1/upload``), then the post is created for the integration at
the scheduled time (``POST /public/v1/posts``, ``type: schedule``; a thread is the post plus its
comments). Postiz then publishes it, with Studio closed.

Exactly once: Studio's idempotency key goes into the post as a tag (``studio-<key>``). Before the
create call the publisher records that it is about to make the post; a retry after a lost answer
or a crash lists the server's posts around that time (``GET /public/v1/posts``) and takes the one
with the tag (or, for a server that does not return tags, the same integration, time and text)
instead of creating a second.

Limits: the public API allows a documented number of requests per hour (30 by default, ``API_LIMIT``
on a self-hosted server): the publisher counts its own calls per server in this process and waits
for the window instead of hitting the limit; a 429 waits for the window too.

Sources: https://docs.postiz.com/public-api/introduction (auth header, limit) ,
https://docs.postiz.com/public-api/posts/create , https://docs.postiz.com/public-api/posts/list ,
https://docs.postiz.com/public-api/media/upload , https://docs.postiz.com/public-api/integrations/list
"""

from __future__ import annotations

import collections
import hashlib
import threading
import time
from datetime import UTC, timedelta
from typing import Any

from studio.publishing.base import (
    AccountInfo,
    ConnectionProblem,
    Credentials,
    Media,
    Outcome,
    OutcomeError,
    PartCallback,
    Permanent,
    Post,
    Published,
    RetryLater,
    Sent,
    http_outcome,
    never_connected,
    short_json_error,
)

TIMEOUT = 30.0
HOURLY_LIMIT = 30
PENDING = "postiz_pending"
_calls: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
_calls_lock = threading.Lock()


def tag_for(key: str) -> str:
    return f"studio-{key}"


class PostizPublisher:
    network = "postiz"
    idempotent = True  # the tag and the recorded attempt make a repeat find the first post

    def __init__(self, account: Credentials, timeout: float = TIMEOUT) -> None:
        import requests

        if not account.server_url.startswith(("http://", "https://")):
            raise ConnectionProblem(f"“{account.server_url}” is not a Postiz address.",
                                    "Enter it like https://postiz.example.org/api (the backend's address).")
        self._account = account
        self._base = account.server_url.rstrip("/")
        self._timeout = timeout
        self._limit = int(account.settings.get("hourly_limit") or HOURLY_LIMIT)
        self._bucket = hashlib.sha256(f"{self._base}\0{account.secret}".encode()).hexdigest()[:16]
        self._session = requests.Session()
        self._session.headers.update({"Authorization": account.secret, "User-Agent": "Studio"})

    # ---- calls -------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        import requests

        self._take_slot()
        try:
            response = self._session.request(method, f"{self._base}/public/v1/{path}", timeout=self._timeout, **kwargs)
        except requests.exceptions.ConnectionError as error:
            if never_connected(error) or isinstance(error, requests.exceptions.ConnectTimeout):
                raise OutcomeError(RetryLater(f"Could not reach Postiz at {self._base}.", offline=True)) from None
            raise OutcomeError(RetryLater("Postiz dropped the connection; Studio will check what arrived.")) from None
        except requests.exceptions.Timeout:
            raise OutcomeError(RetryLater("Postiz did not answer in time; Studio will check what arrived.")) from None
        if response.status_code == 429:
            raise OutcomeError(RetryLater("Postiz's hourly limit of API requests is reached; the post waits for the "
                                          "next hour.", 3600.0, quota=True))
        if response.status_code in (401, 403):
            raise OutcomeError(Permanent("Postiz refused the API key. Reconnect the account with the key from "
                                         "Settings > Developers > Public API.", True))
        if not response.ok:
            raise OutcomeError(http_outcome(response.status_code, short_json_error(response.content)))
        try:
            return response.json()
        except ValueError:
            raise OutcomeError(RetryLater("Postiz answered with something that is not JSON.")) from None

    def _take_slot(self) -> None:
        """Count this call against the hourly limit; past it, wait for the window (as a quota)."""
        now = time.monotonic()
        with _calls_lock:
            calls = _calls[self._bucket]
            while calls and now - calls[0] > 3600:
                calls.popleft()
            if len(calls) >= self._limit:
                wait = 3600 - (now - calls[0]) + 1
                raise OutcomeError(RetryLater(
                    f"Postiz allows {self._limit} API requests an hour and Studio has used them; the post waits "
                    f"about {int(wait // 60) + 1} minutes.", wait, quota=True))
            calls.append(now)

    # ---- protocol ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        try:
            integrations = self._call("GET", "integrations")
        except OutcomeError as stop:
            raise ConnectionProblem(getattr(stop.outcome, "message", "Postiz refused the request.")) from None
        wanted = str(self._account.settings.get("integration") or self._account.handle or "").strip()
        live = [i for i in integrations if not i.get("disabled")]
        chosen = [i for i in live if wanted and wanted in (str(i.get("id")), str(i.get("name")))]
        if not chosen and len(live) == 1 and not wanted:
            chosen = live
        if not chosen:
            names = ", ".join(f"{i.get('name')} ({i.get('identifier')})" for i in live) or "none"
            raise ConnectionProblem(f"Choose which Postiz channel to post to. This server has: {names}.",
                                    "Enter the channel's name or id.")
        integration = chosen[0]
        return AccountInfo(handle=f"{integration.get('name')} via Postiz", display_name=str(integration.get("name")),
                           avatar_url=str(integration.get("picture") or ""),
                           limits={"integration_id": str(integration["id"]),
                                   "provider": str(integration.get("identifier") or "")},
                           remote_id=str(integration["id"]))

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        integration = str(self._account.settings.get("integration_id") or "")
        if not integration:
            return Permanent("This Postiz account has no channel chosen. Reconnect it and choose one.", True)
        try:
            if post.already_sent and post.already_sent[0].remote_id:
                done = post.already_sent[0]
                return Published(done.remote_id, done.remote_url, (done,))
            if post.already_sent and post.already_sent[0].extra.get(PENDING):
                found = self._find(post, integration)
                if found is not None:
                    on_part(0, found)
                    return Published(found.remote_id, found.remote_url, (found,))
            values = [{"content": part.text, "image": [self._upload(media) for media in part.media]}
                      for part in post.parts]
            on_part(0, Sent("", "", {PENDING: "1"}))  # a retry looks for the post before making one
            body = {
                "type": "schedule", "date": _iso(post.scheduled_at), "shortLink": False,
                "tags": [{"value": tag_for(post.idempotency_key), "label": tag_for(post.idempotency_key)}],
                "posts": [{"integration": {"id": integration}, "value": values,
                           "settings": {"__type": str(self._account.settings.get("provider") or "")}}],
            }
            answer = self._call("POST", "posts", json=body)
        except OutcomeError as stop:
            return stop.outcome
        first = answer[0] if isinstance(answer, list) and answer else answer
        post_id = str(first.get("postId") or first.get("id") or "")
        sent = Sent(post_id, "", {"group": str(first.get("group") or "")})
        on_part(0, sent)
        return Published(post_id, "", (sent,))

    def _upload(self, media: Media) -> dict[str, str]:
        try:
            with open(media.path, "rb") as handle:
                answer = self._call("POST", "upload", files={"file": (media.path.name, handle, media.mime)})
        except OSError as error:
            raise OutcomeError(Permanent(f"The image {media.path.name} cannot be read ({error}). Export it again.")) from None
        return {"id": str(answer["id"]), "path": str(answer["path"])}

    def _find(self, post: Post, integration: str) -> Sent | None:
        """The post an earlier attempt made: by its tag, else by channel, time and text."""
        start = post.scheduled_at - timedelta(days=1)
        end = post.scheduled_at + timedelta(days=1)
        listing = self._call("GET", "posts", params={"startDate": _iso(start), "endDate": _iso(end)})
        items = listing.get("posts") if isinstance(listing, dict) else listing
        tag = tag_for(post.idempotency_key)
        for item in items or []:
            names = {str(t.get("name") or t.get("value") or t.get("label") or (t.get("tag") or {}).get("name") or "")
                     for t in item.get("tags") or []}
            if tag in names:
                return Sent(str(item["id"]), "", {"group": str(item.get("group") or "")})
        for item in items or []:
            same_channel = str((item.get("integration") or {}).get("id") or "") == integration
            if same_channel and str(item.get("content") or "") == post.parts[0].text and \
                    str(item.get("publishDate") or "")[:16] == _iso(post.scheduled_at)[:16]:
                return Sent(str(item["id"]), "", {"group": str(item.get("group") or "")})
        return None


def _iso(moment: Any) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def forget_calls() -> None:
    """Tests: start every server's hourly count afresh."""
    with _calls_lock:
        _calls.clear()

