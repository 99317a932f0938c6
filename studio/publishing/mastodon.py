"""Mastodon through Mastodon.py.

Exactly once: every status is posted with an ``Idempotency-Key`` (the post's stored key, plus the
part's index for a thread), so a retry after a timeout or a crash returns the status the server
already made. That makes every network failure safe to retry. Media go up through ``/api/v2/media``;
a 202 means the server is still processing, and we poll the attachment (briefly, bounded) before
posting, as the API asks.
"""

from __future__ import annotations

import html
import logging
import re
import time
from datetime import UTC, datetime
from typing import Any

from studio.publishing.base import (
    AccountInfo,
    ConnectionProblem,
    Credentials,
    Outcome,
    OutcomeError,
    PartCallback,
    Permanent,
    Post,
    Published,
    RetryLater,
    Sent,
    Uncertain,
    http_outcome,
    parse_retry_after,
)
from studio.wording import counted

log = logging.getLogger(__name__)

SERVER_SCHEDULED = "server_scheduled"  # a part's extra: handed to the server's scheduled statuses, for this time

TIMEOUT = 30.0
MEDIA_WAIT = 60.0  # seconds to wait for the server to process one upload


def part_key(key: str, index: int) -> str:
    """The idempotency key of one part: the post's key for a single post, ``key-<n>`` in a thread."""
    return key if index == 0 else f"{key}-{index}"


class MastodonPublisher:
    """Publishes to one Mastodon account. Signals: none (plain object)."""

    network = "mastodon"
    idempotent = True

    def __init__(self, account: Credentials, timeout: float = TIMEOUT) -> None:
        import requests
        from mastodon import Mastodon

        if not account.server_url.startswith(("http://", "https://")):
            raise ConnectionProblem(
                f"“{account.server_url}” is not a server address.", "Enter it like https://mastodon.social."
            )
        self._account = account
        self._last_headers: dict[str, str] = {}
        self._current_text = ""
        session = requests.Session()
        session.hooks["response"].append(self._remember_headers)
        self._api = Mastodon(
            access_token=account.secret,
            api_base_url=account.server_url.rstrip("/"),
            request_timeout=timeout,
            ratelimit_method="throw",
            version_check_mode="created",
            mastodon_version="4.3.0",
            session=session,
            user_agent="Studio",
        )

    def _remember_headers(self, response: Any, *args: Any, **kwargs: Any) -> None:
        self._last_headers = dict(response.headers)

    # ---- errors ------------------------------------------------------------------------------

    def _outcome(self, error: Exception) -> Outcome:
        from mastodon import errors

        if isinstance(error, errors.MastodonRatelimitError):
            return RetryLater(
                "Mastodon asks to slow down (rate limit).", parse_retry_after(self._last_headers.get("Retry-After"))
            )
        if isinstance(error, errors.MastodonNetworkError):
            reason = _network_reason(error)
            return RetryLater(f"Could not reach {self._account.server_url}: {reason}.", offline=_offline(reason))
        if isinstance(error, errors.MastodonAPIError) and len(error.args) >= 4 and isinstance(error.args[1], int):
            status, message = int(error.args[1]), str(error.args[3] or error.args[2] or "")
            if status == 422 and "processing" in message.lower():
                return RetryLater("Mastodon had not finished processing an image.", 5.0)
            if status == 422:
                return Permanent(_explain_422(message, self._current_text))
            if status in (401, 403):
                return Permanent(f"Mastodon refused the access token ({message}). Reconnect the account.", True)
            return http_outcome(status, message, parse_retry_after(self._last_headers.get("Retry-After")))
        if isinstance(error, errors.MastodonError):
            return RetryLater(f"Mastodon: {error}")
        raise error

    # ---- protocol ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        from mastodon import errors

        try:
            me = self._api.account_verify_credentials()
            instance = self._api.instance_v2()
        except errors.MastodonUnauthorizedError as error:
            raise ConnectionProblem(
                "Mastodon refused this access token.", "Create a new token under Preferences > Development."
            ) from error
        except errors.MastodonNotFoundError as error:
            raise ConnectionProblem(
                f"{self._account.server_url} does not answer like a Mastodon server.",
                "Check the server address (for example https://mastodon.social).",
            ) from error
        except errors.MastodonNetworkError as error:
            raise ConnectionProblem(
                f"Could not reach {self._account.server_url}: {_network_reason(error)}.",
                "Check the address and your network connection.",
            ) from error
        except errors.MastodonError as error:
            raise ConnectionProblem(f"Mastodon answered with an error: {error}.") from error
        config = instance.get("configuration") or {}
        statuses = config.get("statuses") or {}
        media = config.get("media_attachments") or {}
        limits = {
            "max_characters": int(statuses.get("max_characters") or 500),
            "max_media_attachments": int(statuses.get("max_media_attachments") or 4),
            "characters_reserved_per_url": int(statuses.get("characters_reserved_per_url") or 23),
            "image_size_limit": int(media.get("image_size_limit") or 16 * 1024 * 1024),
            "description_limit": int(media.get("description_limit") or 1500),
        }
        return AccountInfo(
            handle=str(me.get("acct") or me.get("username") or ""),
            display_name=str(me.get("display_name") or ""),
            avatar_url=str(me.get("avatar") or ""),
            limits=limits,
            remote_id=str(me.get("id") or ""),
        )

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        if post.already_sent and post.already_sent[0].extra.get(SERVER_SCHEDULED):
            return self._check_server_scheduled(post)
        sent = list(post.already_sent)
        try:
            for index in range(len(sent), len(post.parts)):
                part = post.parts[index]
                media_ids = [self._upload(media.path, media.alt, media.mime) for media in part.media]
                reply_to = sent[-1].remote_id if sent else None
                self._current_text = part.text
                status = self._post_status(part.text, media_ids, reply_to, part_key(post.idempotency_key, index), post)
                done = Sent(str(status["id"]), str(status.get("url") or status.get("uri") or ""))
                on_part(index, done)
                sent.append(done)
        except OutcomeError as failure:
            return failure.outcome
        except Exception as error:
            return self._outcome(error)
        return Published(sent[0].remote_id, sent[0].remote_url, tuple(sent))

    # ---- the server's own schedule (see studio.publishing.native) ------------------------------

    def scheduled_statuses(self, pages: int = 5) -> list[dict[str, Any]]:
        """The account's scheduled statuses on the server (newest first, at most ``pages`` × 40)."""
        found: list[dict[str, Any]] = []
        max_id = None
        for _ in range(pages):
            batch = self._api.scheduled_statuses(max_id=max_id, limit=40)
            found.extend(dict(item) for item in batch)
            if len(batch) < 40:
                break
            max_id = batch[-1]["id"]
        return found

    def schedule_ahead(self, post: Post, key: str, when: datetime) -> Outcome:
        """Hand one post (a single part) to the server's scheduled statuses, with ``key``. The
        caller checked the server's list for the key first; the key makes a repeat safe anyway."""
        part = post.parts[0]
        try:
            media_ids = [self._upload(media.path, media.alt, media.mime) for media in part.media]
            self._current_text = part.text
            item = self._api.status_post(part.text, media_ids=media_ids or None, idempotency_key=key,
                                         language=post.language, scheduled_at=when)
        except OutcomeError as failure:
            return failure.outcome
        except Exception as error:
            return self._outcome(error)
        return Published(str(item["id"]), "", (Sent(str(item["id"]), "", {SERVER_SCHEDULED: _iso(when), "key": key}),))

    def move_scheduled(self, scheduled_id: str, when: datetime) -> Outcome | None:
        """Move a scheduled status; ``None`` when done (an outcome says why not)."""
        try:
            self._api.scheduled_status_update(scheduled_id, when)
        except Exception as error:
            return self._outcome(error)
        return None

    def delete_scheduled(self, scheduled_id: str) -> Outcome | None:
        """Cancel a scheduled status; one the server no longer has counts as cancelled."""
        from mastodon import errors

        try:
            self._api.scheduled_status_delete(scheduled_id)
        except errors.MastodonNotFoundError:
            return None
        except Exception as error:
            return self._outcome(error)
        return None

    def _check_server_scheduled(self, post: Post) -> Outcome:
        """Due time of a post the server was to publish: find the status it made."""
        from mastodon import errors

        handed = post.already_sent[0]
        try:
            try:
                self._api.scheduled_status(handed.remote_id)
                return RetryLater("The server has not published the scheduled post yet; looking again shortly.", 60.0)
            except errors.MastodonNotFoundError:
                pass
            me = self._api.account_verify_credentials()
            for status in self._api.account_statuses(me["id"], limit=40):
                if _plain(str(status.get("content") or "")) == _plain(post.parts[0].text) or \
                        str(status.get("text") or "") == post.parts[0].text:
                    url = str(status.get("url") or status.get("uri") or "")
                    return Published(str(status["id"]), url, (Sent(str(status["id"]), url),))
        except Exception as error:
            return self._outcome(error)
        return Uncertain("The server no longer has the scheduled post, and it is not among the account's recent "
                         "posts: it may have been deleted on the server. Check the account, then mark the post as "
                         "published or retry it.")

    # ---- steps -------------------------------------------------------------------------------

    def _upload(self, path: Any, alt: str, mime: str) -> str:
        from mastodon import errors

        try:
            attachment = self._api.media_post(str(path), mime_type=mime, description=alt or None)
        except (errors.MastodonFileNotFoundError, errors.MastodonIOError) as error:
            raise OutcomeError(Permanent(f"The image {path} cannot be read ({error}). Export the image again.")) from None
        deadline = time.monotonic() + MEDIA_WAIT
        delay = 0.1
        while attachment.get("url") is None:
            if time.monotonic() > deadline:
                raise OutcomeError(RetryLater("Mastodon is still processing an image; trying again later."))
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
            attachment = self._api.media(attachment["id"])
        return str(attachment["id"])

    def _post_status(self, text: str, media_ids: list[str], reply_to: str | None, key: str, post: Post) -> Any:
        return self._api.status_post(
            text,
            in_reply_to_id=reply_to,
            media_ids=media_ids or None,
            idempotency_key=key,
            language=post.language,
        )


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _plain(content: str) -> str:
    """A status's HTML content as plain text, to compare with what was scheduled."""
    text = re.sub(r"<br\s*/?>", "\n", content)
    text = re.sub(r"</p>\s*<p>", "\n\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _network_reason(error: Exception) -> str:
    text = str(error)
    if "timed out" in text.lower() or "timeout" in text.lower():
        return "the server did not answer in time"
    if "refused" in text.lower():
        return "the connection was refused"
    if "Name or service not known" in text or "getaddrinfo" in text or "resolve" in text.lower():
        return "the address cannot be found (no network, or a typo in the address)"
    if "RemoteDisconnected" in text or "Connection aborted" in text or "reset" in text.lower():
        return "the connection was dropped"
    return "network error"


def _offline(reason: str) -> bool:
    return "refused" in reason or "cannot be found" in reason


def _explain_422(message: str, text: str = "") -> str:
    import re

    match = re.search(r"character limit of (\d+)", message)
    if match:
        limit = int(match.group(1))
        by = ""
        if text:
            from studio.text import count

            over = count(text, "mastodon", limit=limit).length - limit
            if over > 0:
                by = f" by {counted(over, 'character')}"
        return (
            f"Mastodon rejected the text: it is over the server's limit of {counted(limit, 'character')}. "
            f"Shorten it{by} and schedule it again."
        )
    return f"Mastodon rejected the post: {message or 'validation failed'}. Edit the post and schedule it again."
