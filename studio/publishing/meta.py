"""Meta's Graph APIs (Instagram, Threads, Facebook Pages) with the user's own app: calls and errors.

One HTTP helper for the three hosts: the token goes in the ``Authorization`` header (never in a URL,
so no log line can hold it), and a Graph error body ``{"error": {"message", "type", "code",
"error_subcode"}}`` becomes the typed outcome it means:

- code 190 (and 102, 463/467 subcodes): the token expired or was revoked: reconnect;
- codes 4, 17, 32, 613 and 80001-80014: rate limits: retry later;
- code 9 with subcode 2207042 (Instagram) or a "publishing limit" message: the 24-hour quota: wait
  for the window without using up attempts;
- code 9007 / subcode 2207027: the media is not ready yet: retry shortly;
- codes 1, 2 and HTTP 5xx: Meta's own trouble: retry later;
- codes 10, 200-299: a permission the app was not given: reconnect with it.

Sources: https://developers.facebook.com/docs/graph-api/guides/error-handling/ ,
https://developers.facebook.com/docs/instagram-platform/content-publishing/ (error codes table).
"""

from __future__ import annotations

import logging
from typing import Any

from studio.publishing.base import (
    Outcome,
    OutcomeError,
    Permanent,
    RetryLater,
    Uncertain,
    never_connected,
    parse_retry_after,
)

log = logging.getLogger(__name__)

TIMEOUT = 30.0
RATE_CODES = frozenset({4, 17, 32, 613, *range(80001, 80015)})
TOKEN_CODES = frozenset({102, 190})
QUOTA_SUBCODES = frozenset({2207042})
NOT_READY_SUBCODES = frozenset({2207027})
TOKEN_DAYS = 60  # a long-lived Instagram, Threads or Facebook user token, and a LinkedIn token


class GraphError(Exception):
    """A Graph error answer, with its code, subcode and the outcome it means."""

    def __init__(self, status: int, code: int, subcode: int, message: str, outcome: Outcome) -> None:
        super().__init__(message)
        self.status, self.code, self.subcode, self.message, self.outcome = status, code, subcode, message, outcome


class Graph:
    """Calls to one Graph host (``https://graph.instagram.com/v23.0`` and the like).

    ``sent_means`` says what a broken connection after the request went out means: ``"retry"``
    where the caller can find out later what happened (a container's status), ``"uncertain"`` where
    it cannot (a Facebook post has no idempotency key).
    """

    def __init__(self, base: str, token: str, network: str, timeout: float = TIMEOUT) -> None:
        import requests

        self.base = base.rstrip("/")
        self.network = network
        self._token = token
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "Studio"

    @property
    def name(self) -> str:
        return {"instagram": "Instagram", "threads": "Threads", "facebook": "Facebook"}.get(self.network, self.network)

    def get(self, path: str, **params: Any) -> Any:
        return self.call("GET", path, params=params, sent_means="retry")

    def post(self, path: str, data: dict[str, Any], *, sent_means: str = "retry",
             files: dict[str, Any] | None = None) -> Any:
        return self.call("POST", path, data=data, files=files, sent_means=sent_means)

    def call(self, method: str, path: str, *, params: dict[str, Any] | None = None, data: dict[str, Any] | None = None,
             files: dict[str, Any] | None = None, sent_means: str = "retry") -> Any:
        import requests

        url = path if path.startswith("http") else f"{self.base}/{path.lstrip('/')}"
        headers = {"Authorization": f"Bearer {self._token}"}
        try:
            response = self._session.request(method, url, params=params, data=data, files=files, headers=headers,
                                             timeout=self._timeout)
        except (requests.exceptions.ConnectTimeout, requests.exceptions.InvalidURL):
            raise OutcomeError(RetryLater(f"Could not reach {self.name} (no answer when connecting).", offline=True)) from None
        except requests.exceptions.ConnectionError as error:
            if never_connected(error):
                raise OutcomeError(RetryLater(
                    f"Could not reach {self.name} (the connection was refused, or its name did not resolve).",
                    offline=True)) from None
            raise OutcomeError(self._lost(method, sent_means)) from None
        except requests.exceptions.Timeout:
            raise OutcomeError(self._lost(method, sent_means, timeout=True)) from None
        try:
            payload = response.json()
        except ValueError:
            payload = None
        if response.ok and payload is not None:
            return payload
        raise self.error(response.status_code, payload, response.headers.get("Retry-After"))

    def _lost(self, method: str, sent_means: str, timeout: bool = False) -> Outcome:
        what = "did not answer in time" if timeout else "dropped the connection"
        if method == "GET" or sent_means == "retry":
            return RetryLater(f"{self.name} {what}; Studio will check what arrived and try again.")
        return Uncertain(
            f"{self.name} {what} after the post was sent; it may or may not be on the page. "
            "Check it, then mark the post as published or retry it."
        )

    def error(self, status: int, payload: Any, retry_after: str | None = None) -> GraphError:
        body = payload.get("error") if isinstance(payload, dict) else None
        body = body if isinstance(body, dict) else {}
        code = int(body.get("code") or 0)
        subcode = int(body.get("error_subcode") or 0)
        message = str(body.get("error_user_msg") or body.get("message") or f"HTTP {status}")[:300]
        return GraphError(status, code, subcode, message, self.outcome(status, code, subcode, message, retry_after))

    def outcome(self, status: int, code: int, subcode: int, message: str, retry_after: str | None = None) -> Outcome:
        name = self.name
        if code in TOKEN_CODES or status == 401:
            return Permanent(f"{name} refused the access token ({message}). Reconnect the account with a new token.", True)
        if subcode in QUOTA_SUBCODES or "publishing limit" in message.lower() or "maximum number of posts" in message.lower():
            return RetryLater(f"{name}'s limit of posts in 24 hours is reached; the post waits for the window.",
                              3600.0, quota=True)
        if code == 9007 or subcode in NOT_READY_SUBCODES:
            return RetryLater(f"{name} has not finished preparing the media; trying again shortly.", 30.0)
        if code in RATE_CODES or status == 429:
            return RetryLater(f"{name} asks to slow down (rate limit, code {code}).", parse_retry_after(retry_after))
        if code in (1, 2) or status >= 500:
            return RetryLater(f"{name} had a problem ({message}).", parse_retry_after(retry_after))
        if code == 10 or 200 <= code <= 299:
            return Permanent(f"{name} says the app lacks a permission ({message}). Reconnect the account and grant "
                             "every permission the README lists.", True)
        return Permanent(f"{name} rejected the post: {message}. Edit the post and schedule it again.")


def outcome_of(error: Exception) -> Outcome:
    """The outcome carried by a Graph call's failure."""
    if isinstance(error, GraphError):
        return error.outcome
    if isinstance(error, OutcomeError):
        return error.outcome
    raise error
