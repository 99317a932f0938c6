"""Reading counters and followers from the networks that give them, with the account's own token.

A reader raises :class:`~studio.publishing.base.OutcomeError` carrying the same typed outcomes the
publishers use (``RetryLater`` with the server's wish, ``Permanent`` with ``reconnect`` for a refused
token), so a fetch honours rate limits and says "reconnect the account" exactly as publishing does.

- Mastodon: ``GET /api/v1/statuses?id[]=…`` (Mastodon 4.3+, 20 per request; one status at a time on
  older servers): favourites, boosts, replies, and quotes where the server counts them; followers
  from ``verify_credentials``. https://docs.joinmastodon.org/methods/statuses/#index
- Bluesky: ``app.bsky.feed.getPosts`` (25 URIs per request): likes, reposts, replies, quotes;
  followers from ``app.bsky.actor.getProfile``. https://docs.bsky.app/docs/api/app-bsky-feed-get-posts
- Telegram: ``getChatMemberCount`` for subscribers; the Bot API has no view counts.
  https://core.telegram.org/bots/api#getchatmembercount
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from studio.analytics.formulas import Counts
from studio.publishing.base import Credentials, OutcomeError, Permanent, RetryLater

# What each network's API gives Studio; the others come from their insights export or by hand.
FETCHED = ("mastodon", "bluesky", "telegram")
NO_POST_COUNTS = {
    "telegram": "Telegram's Bot API gives no view or reaction counts for channel posts: only subscribers.",
}


class MetricsReader(Protocol):
    """Reads one account's numbers. ``batch`` is how many posts one request can ask about."""

    batch: int

    def counts(self, remote_ids: Sequence[str]) -> dict[str, Counts]:
        """Counters of each post in ``remote_ids`` that the network still has (missing = deleted)."""
        ...

    def followers(self) -> int | None: ...


def reader_for(account: Credentials) -> MetricsReader:
    if account.network == "mastodon":
        return MastodonReader(account)
    if account.network == "bluesky":
        return BlueskyReader(account)
    if account.network == "telegram":
        return TelegramReader(account)
    raise ValueError(f"{account.network} gives no metrics through its API")


class MastodonReader:
    """Reads statuses with plain HTTP: Mastodon.py turns each answer into typed objects, which cost
    more than the request itself for a batch of 20 (benchmarks/analytics.py)."""

    batch = 20

    def __init__(self, account: Credentials, timeout: float = 30.0) -> None:
        import requests

        from studio.publishing.mastodon import MastodonPublisher

        self._publisher = MastodonPublisher(account)  # checks the address; its errors for the fallback
        self._base = account.server_url.rstrip("/")
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {account.secret}"
        self._session.headers["User-Agent"] = "Studio"
        self._batched = True

    def _get(self, path: str, params: list[tuple[str, str]] | None = None) -> Any:
        import requests

        from studio.publishing.base import http_outcome, never_connected, parse_retry_after

        try:
            response = self._session.get(f"{self._base}{path}", params=params, timeout=self._timeout)
        except requests.exceptions.RequestException as error:
            offline = isinstance(error, requests.exceptions.ConnectionError) and never_connected(error)
            raise OutcomeError(RetryLater(f"Could not reach {self._base} ({type(error).__name__}).",
                                          offline=offline)) from None
        if response.status_code in (401, 403):
            raise OutcomeError(Permanent("Mastodon refused the access token. Reconnect the account.", True))
        if response.status_code == 404 and path == "/api/v1/statuses":
            return None  # a server older than 4.3
        if response.status_code >= 400:
            raise OutcomeError(http_outcome(response.status_code, response.text[:200],
                                            parse_retry_after(response.headers.get("Retry-After"))))
        try:
            return response.json()
        except ValueError:
            raise OutcomeError(RetryLater(f"{self._base} did not answer like a Mastodon server.")) from None

    def counts(self, remote_ids: Sequence[str]) -> dict[str, Counts]:
        statuses: list[Any] = []
        if self._batched:
            found = self._get("/api/v1/statuses", [("id[]", remote_id) for remote_id in remote_ids])
            if found is None:
                self._batched = False
            else:
                statuses = list(found)
        if not self._batched:
            for remote_id in remote_ids:
                try:
                    statuses.append(self._get(f"/api/v1/statuses/{remote_id}"))
                except OutcomeError as stop:
                    if "404" not in getattr(stop.outcome, "message", ""):
                        raise  # a 404 here is a deleted post: left out, reported by the caller
        found_counts: dict[str, Counts] = {}
        for status in statuses:
            if not isinstance(status, dict) or "id" not in status:
                continue
            found_counts[str(status["id"])] = Counts(
                likes=_int(status.get("favourites_count")),
                reposts=_int(status.get("reblogs_count")),
                replies=_int(status.get("replies_count")),
                quotes=_int(status.get("quotes_count")),
            )
        return found_counts

    def followers(self) -> int | None:
        me = self._get("/api/v1/accounts/verify_credentials")
        return _int(me.get("followers_count")) if isinstance(me, dict) else None


class BlueskyReader:
    batch = 25

    def __init__(self, account: Credentials) -> None:
        from studio.publishing.bluesky import BlueskyPublisher

        self._publisher = BlueskyPublisher(account)

    def counts(self, remote_ids: Sequence[str]) -> dict[str, Counts]:
        client, _did = self._publisher.session()
        try:
            answer = client.app.bsky.feed.get_posts({"uris": list(remote_ids)})
        except Exception as error:
            raise OutcomeError(self._publisher.outcome(error)) from None
        return {
            str(post.uri): Counts(
                likes=_int(post.like_count), reposts=_int(post.repost_count),
                replies=_int(post.reply_count), quotes=_int(getattr(post, "quote_count", None)),
            )
            for post in answer.posts
        }

    def followers(self) -> int | None:
        client, did = self._publisher.session()
        try:
            profile = client.app.bsky.actor.get_profile({"actor": did})
        except Exception as error:
            raise OutcomeError(self._publisher.outcome(error)) from None
        return _int(profile.followers_count)


class TelegramReader:
    batch = 0  # no per-post counts

    def __init__(self, account: Credentials) -> None:
        from studio.publishing.telegram import TelegramPublisher

        self._publisher = TelegramPublisher(account)

    def counts(self, remote_ids: Sequence[str]) -> dict[str, Counts]:
        raise OutcomeError(Permanent(NO_POST_COUNTS["telegram"]))

    def followers(self) -> int | None:
        from studio.publishing.base import Uncertain

        try:
            answer = self._publisher.call("getChatMemberCount", {"chat_id": self._publisher.chat_id})
        except OutcomeError as stop:
            # A read has no side effect: "uncertain" (the answer was lost) only means try later.
            if isinstance(stop.outcome, Uncertain):
                raise OutcomeError(RetryLater(stop.outcome.message)) from None
            raise
        return _int(answer)


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
