"""LinkedIn personal profile posts (text, one image) with the user's own app and a 60-day token.

Calls (the versioned REST API): ``GET /v2/userinfo`` (OpenID Connect: the member's id, ``sub``,
makes the author ``urn:li:person:<sub>``); an image is registered with ``POST
/rest/images?action=initializeUpload`` and its bytes ``PUT`` to the returned ``uploadUrl``; the
post is ``POST /rest/posts``, whose id comes back in the ``x-restli-id`` header.

The text is LinkedIn's "little text" format: ``| { } @ [ ] ( ) < > # \\ * _ ~`` must be escaped or
the text is cut at the first one; hashtags become ``{hashtag|\\#|tag}``.

No idempotency key: a lost answer to the post is :class:`Uncertain`. LinkedIn itself refuses an
exact repeat of a recent post (422, "duplicate"); that answer names the first post, which is then
taken as this one. The token lasts 60 days and cannot be refreshed by apps outside LinkedIn's
partner programme: its expiry is stored and warned of (:mod:`studio.publishing.tokens`).

Sources: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api ,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api ,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format ,
https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2 ,
https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from studio.publishing.base import (
    AccountInfo,
    ConnectionProblem,
    Credentials,
    Outcome,
    OutcomeError,
    Part,
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
)

API = "https://api.linkedin.com"
VERSION = "202411"  # LinkedIn-Version: the API release this code follows (YYYYMM)
TIMEOUT = 30.0
TOKEN_DAYS = 60
RESERVED = re.compile(r"([|{}@\[\]()<>#\\*_~])")
HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
DUPLICATE = re.compile(r"(urn:li:(?:share|ugcPost):\d+)")


def little_text(text: str) -> str:
    """``text`` in LinkedIn's little text format: reserved characters escaped, hashtags templated."""
    pieces: list[str] = []
    last = 0
    for match in HASHTAG.finditer(text):
        pieces.append(RESERVED.sub(r"\\\1", text[last:match.start()]))
        pieces.append("{hashtag|\\#|" + RESERVED.sub(r"\\\1", match.group(1)) + "}")
        last = match.end()
    pieces.append(RESERVED.sub(r"\\\1", text[last:]))
    return "".join(pieces)


class LinkedInPublisher:
    network = "linkedin"
    idempotent = False

    def __init__(self, account: Credentials, timeout: float = TIMEOUT) -> None:
        import requests

        self._account = account
        self._base = (account.server_url or API).rstrip("/")
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {account.secret}", "LinkedIn-Version": VERSION,
                                      "X-Restli-Protocol-Version": "2.0.0", "User-Agent": "Studio"})
        self._author = str(account.settings.get("author") or "")

    # ---- calls -------------------------------------------------------------------------------

    def _call(self, method: str, url: str, *, json: Any = None, data: bytes | None = None, sending: bool = False) -> Any:
        import requests

        url = url if url.startswith("http") else f"{self._base}{url}"
        try:
            response = self._session.request(method, url, json=json, data=data, timeout=self._timeout)
        except requests.exceptions.ConnectionError as error:
            if never_connected(error) or isinstance(error, requests.exceptions.ConnectTimeout):
                raise OutcomeError(RetryLater("Could not reach LinkedIn.", offline=True)) from None
            raise OutcomeError(self._lost(sending)) from None
        except requests.exceptions.Timeout:
            raise OutcomeError(self._lost(sending)) from None
        if response.ok:
            return response
        try:
            body = response.json()
        except ValueError:
            body = {}
        message = str(body.get("message") or response.text[:200])
        code = str(body.get("code") or "")
        if response.status_code == 401 or "ACCESS_TOKEN" in code:
            raise OutcomeError(Permanent(f"LinkedIn refused the access token ({message}). Reconnect the account "
                                         "with a new token.", True))
        if response.status_code == 422 and "duplicate" in message.lower():
            found = DUPLICATE.search(message)
            if found:
                raise _Duplicate(found.group(1))
        raise OutcomeError(http_outcome(response.status_code, message, parse_retry_after(response.headers.get("Retry-After"))))

    @staticmethod
    def _lost(sending: bool) -> Outcome:
        if not sending:
            return RetryLater("LinkedIn did not answer; nothing was posted yet.")
        return Uncertain("LinkedIn did not answer after the post was sent; it may or may not be on the profile. "
                         "Check it, then mark the post as published or retry it.")

    # ---- protocol ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        try:
            me = self._call("GET", "/v2/userinfo").json()
        except OutcomeError as stop:
            raise ConnectionProblem(getattr(stop.outcome, "message", "LinkedIn refused the request.")) from None
        expires = self._account.settings.get("token_expires_at") or (
            datetime.now(UTC) + timedelta(days=TOKEN_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return AccountInfo(handle=str(me.get("name") or me.get("sub")), display_name=str(me.get("name") or ""),
                           avatar_url=str(me.get("picture") or ""),
                           limits={"author": f"urn:li:person:{me['sub']}", "token_expires_at": str(expires),
                                   "max_media_attachments": 1},
                           remote_id=str(me["sub"]))

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        if post.already_sent:
            done = post.already_sent[0]
            return Published(done.remote_id, done.remote_url, (done,))
        try:
            if not self._author:
                self._author = f"urn:li:person:{self._call('GET', '/v2/userinfo').json()['sub']}"
            sent = self._send(post.parts[0])
        except _Duplicate as duplicate:
            sent = Sent(duplicate.urn, _url(duplicate.urn))
        except OutcomeError as stop:
            return stop.outcome
        on_part(0, sent)
        return Published(sent.remote_id, sent.remote_url, (sent,))

    def _send(self, part: Part) -> Sent:
        body: dict[str, Any] = {
            "author": self._author, "commentary": little_text(part.text), "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
            "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": False,
        }
        if part.media:
            media = part.media[0]
            try:
                data = media.path.read_bytes()
            except OSError as error:
                raise OutcomeError(Permanent(f"The image cannot be read ({error}). Export it again.")) from None
            upload = self._call("POST", "/rest/images?action=initializeUpload",
                                json={"initializeUploadRequest": {"owner": self._author}}).json()["value"]
            self._call("PUT", str(upload["uploadUrl"]), data=data)
            body["content"] = {"media": {"id": upload["image"], **({"altText": media.alt} if media.alt else {})}}
        response = self._call("POST", "/rest/posts", json=body, sending=True)
        urn = str(response.headers.get("x-restli-id") or "")
        return Sent(urn, _url(urn))


class _Duplicate(Exception):
    def __init__(self, urn: str) -> None:
        super().__init__(urn)
        self.urn = urn


def _url(urn: str) -> str:
    return f"https://www.linkedin.com/feed/update/{urn}/" if urn else ""
