"""Instagram professional accounts through the container flow (and, by subclass, Threads).

A post is made in three steps: create a container (Meta fetches each image from a URL, so the
renditions go to the account's media host first), wait until its ``status_code`` is ``FINISHED``,
then publish it. A carousel is 2 to 10 item containers (each with its alt text) inside a parent.

Exactly once: the API has no idempotency key, but the container is one. Its id is recorded (as a
pending part) before ``media_publish`` is called; a retry after a crash or a lost answer reads the
container's status first: ``PUBLISHED`` means the post is out (its media id is found among the
account's recent media by caption), ``FINISHED`` means publish it now, ``EXPIRED``/``ERROR`` means
make a new one. So a broken connection is always safe to retry.

Quota: ``content_publishing_limit`` says how many posts the account may publish in a rolling 24
hours (25, 50 or 100 depending on the account) and how many it has; at the limit the post waits
until the oldest post of the window is 24 hours old, and says so.

Sources: https://developers.facebook.com/docs/instagram-platform/content-publishing/ ,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container ,
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit ,
https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from studio.publishing.base import (
    AccountInfo,
    ConnectionProblem,
    Credentials,
    Media,
    Outcome,
    OutcomeError,
    Part,
    PartCallback,
    Permanent,
    Post,
    Published,
    RetryLater,
    Sent,
)
from studio.publishing.mediahost import MediaHost, MediaHostProblem
from studio.publishing.meta import TOKEN_DAYS, Graph, GraphError

log = logging.getLogger(__name__)

CONTAINER_WAIT = 60.0  # seconds to wait for one container to finish (Meta suggests polling once a minute, up to 5)
PENDING = "container"  # the extra of a part whose container is made but maybe not published


class ContainerPublisher:
    """The container flow shared by Instagram and Threads; subclasses name the endpoints."""

    network = ""
    idempotent = True  # the recorded container makes every retry safe
    host = ""
    create_edge = ""
    publish_edge = ""
    limit_edge = ""
    status_field = ""
    media_edge = ""
    text_field = ""
    refresh_grant = ""
    max_items = 10

    def __init__(self, account: Credentials, media_host: MediaHost | None = None, poll: float = 1.0) -> None:
        base = (account.server_url or self.host).rstrip("/")
        self._account = account
        self._graph = Graph(base, account.secret, self.network)
        self._root = base.rsplit("/v", 1)[0] if "/v" in base else base  # refresh_access_token has no version
        self._media_host = media_host
        self._poll = poll
        self._user_id = str(account.settings.get("user_id") or "me")

    # ---- protocol ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        try:
            me = self._graph.get("me", fields=self.me_fields())
            user_id = str(me.get("user_id") or me.get("id") or "")
            limit = self._quota(user_id)
        except (GraphError, OutcomeError) as error:
            raise ConnectionProblem(getattr(error.outcome, "message", str(error))) from None
        expires = self._account.settings.get("token_expires_at") or _in_days(TOKEN_DAYS)
        return AccountInfo(
            handle=str(me.get("username") or ""),
            display_name=str(me.get("name") or me.get("username") or ""),
            avatar_url=str(me.get("profile_picture_url") or me.get("threads_profile_picture_url") or ""),
            limits={"user_id": user_id, "quota_total": limit[1], "token_expires_at": str(expires),
                    "max_media_attachments": self.max_items},
            remote_id=user_id,
        )

    def me_fields(self) -> str:
        return "user_id,username,name,profile_picture_url"

    def refresh_token(self) -> tuple[str, datetime]:
        """A new long-lived token for the current one (valid, at least a day old) and its expiry."""
        try:
            answer = self._graph.call("GET", f"{self._root}/refresh_access_token",
                                      params={"grant_type": self.refresh_grant, "access_token": self._account.secret})
        except (GraphError, OutcomeError) as error:
            raise ConnectionProblem(getattr(error.outcome, "message", str(error))) from None
        seconds = int(answer.get("expires_in") or TOKEN_DAYS * 86400)
        return str(answer["access_token"]), datetime.now(UTC) + timedelta(seconds=seconds)

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        sent = list(post.already_sent)
        try:
            try:
                while len(sent) < len(post.parts) or (sent and not sent[-1].remote_id):
                    if sent and not sent[-1].remote_id:  # an earlier attempt made this part's container
                        index = len(sent) - 1
                        done = self._resume(post, index, sent[-1].extra.get(PENDING, ""), sent, on_part)
                        sent[-1] = done
                    else:
                        index = len(sent)
                        sent.append(self._send_part(post, index, sent, on_part))
                    on_part(index, sent[index])
            finally:
                if self._media_host is not None:
                    self._media_host.delete_group(post.idempotency_key)
        except GraphError as error:
            return error.outcome
        except OutcomeError as stop:
            return stop.outcome
        except MediaHostProblem as problem:
            return RetryLater(problem.for_humans())
        return Published(sent[0].remote_id, sent[0].remote_url, tuple(sent))

    # ---- steps -------------------------------------------------------------------------------

    def _send_part(self, post: Post, index: int, sent: list[Sent], on_part: PartCallback) -> Sent:
        part = post.parts[index]
        if index == 0:
            self._check_quota()
        reply_to = sent[index - 1].remote_id if index else ""
        container = self._make_container(part, post.idempotency_key, reply_to)
        on_part(index, Sent("", "", {PENDING: container}))  # recorded before publishing: a retry finds it
        return self._finish(container, part)

    def _resume(self, post: Post, index: int, container: str, sent: list[Sent], on_part: PartCallback) -> Sent:
        status = self._status(container)
        if status == "PUBLISHED":
            return self._find_published(container, post.parts[index])
        if status in ("FINISHED", "IN_PROGRESS"):
            return self._finish(container, post.parts[index])
        # EXPIRED or ERROR: nothing went out; make the part again.
        reply_to = sent[index - 1].remote_id if index else ""
        fresh = self._make_container(post.parts[index], post.idempotency_key, reply_to)
        on_part(index, Sent("", "", {PENDING: fresh}))
        return self._finish(fresh, post.parts[index])

    def _finish(self, container: str, part: Part) -> Sent:
        self._wait(container)
        answer = self._graph.post(f"{self._user_id}/{self.publish_edge}", {"creation_id": container})
        media_id = str(answer["id"])
        return Sent(media_id, self._permalink(media_id))

    def _make_container(self, part: Part, group: str, reply_to: str) -> str:
        hosted = [self._host(media, group) for media in part.media]
        if len(hosted) > 1:
            children = []
            for media, url in zip(part.media, hosted, strict=True):
                child = self._graph.post(f"{self._user_id}/{self.create_edge}",
                                         self.item_fields(url, media.alt, carousel_item=True))
                children.append(str(child["id"]))
            for child_id in children:
                self._wait(child_id)
            fields = {"media_type": "CAROUSEL", "children": ",".join(children), self.text_field: part.text}
        elif hosted:
            fields = {**self.item_fields(hosted[0], part.media[0].alt), self.text_field: part.text}
        else:
            fields = self.text_fields(part.text)
        if reply_to:
            fields["reply_to_id"] = reply_to
        answer = self._graph.post(f"{self._user_id}/{self.create_edge}", fields)
        return str(answer["id"])

    def item_fields(self, url: str, alt: str, carousel_item: bool = False) -> dict[str, Any]:
        fields: dict[str, Any] = {"image_url": url}
        if alt:
            fields["alt_text"] = alt
        if carousel_item:
            fields["is_carousel_item"] = "true"
        return fields

    def text_fields(self, text: str) -> dict[str, Any]:
        raise OutcomeError(Permanent("Instagram posts need at least one image. Attach an image to the post."))

    def _host(self, media: Media, group: str) -> str:
        if self._media_host is None:
            raise OutcomeError(Permanent(
                f"{self._graph.name} fetches images from a web address, and this account has no media host. "
                "Set one up in the account's settings (see the README), then retry."))
        try:
            return self._media_host.upload(media.path, media.mime, group).url
        except OSError as error:
            raise OutcomeError(Permanent(f"The image {media.path.name} cannot be read ({error}). Export it again.")) from None

    def _status(self, container: str) -> str:
        answer = self._graph.get(container, fields=f"{self.status_field},id")
        return str(answer.get(self.status_field) or "")

    def _wait(self, container: str) -> None:
        deadline = time.monotonic() + CONTAINER_WAIT
        delay = min(self._poll, 0.05)
        while True:
            status = self._status(container)
            if status in ("FINISHED", "PUBLISHED"):
                return
            if status in ("ERROR", "EXPIRED"):
                raise OutcomeError(Permanent(
                    f"{self._graph.name} could not prepare the post's media (container {status.lower()}). "
                    "Check the image meets the network's rules (size, format), then retry."))
            if time.monotonic() > deadline:
                raise OutcomeError(RetryLater(f"{self._graph.name} is still preparing the media; trying again later.", 60.0))
            time.sleep(delay)
            delay = min(delay * 2, self._poll)

    def _permalink(self, media_id: str) -> str:
        try:
            return str(self._graph.get(media_id, fields="permalink").get("permalink") or "")
        except (GraphError, OutcomeError):
            return ""  # the post is out; a missing link is not a failure

    def _find_published(self, container: str, part: Part) -> Sent:
        """The media a published container became: the newest recent post with this caption."""
        listing = self._graph.get(f"{self._user_id}/{self.media_edge}", fields=f"id,{self.caption_key()},permalink",
                                  limit=25)
        for item in listing.get("data") or []:
            if str(item.get(self.caption_key()) or "") == part.text:
                return Sent(str(item["id"]), str(item.get("permalink") or ""))
        log.warning("Container %s is published but its media was not among the recent posts", container)
        return Sent(f"container:{container}", "")

    def caption_key(self) -> str:
        return "caption"

    # ---- quota -------------------------------------------------------------------------------

    def _quota(self, user_id: str) -> tuple[int, int]:
        answer = self._graph.get(f"{user_id or self._user_id}/{self.limit_edge}", fields="quota_usage,config")
        data = (answer.get("data") or [{}])[0]
        total = int((data.get("config") or {}).get("quota_total") or 0)
        return int(data.get("quota_usage") or 0), total

    def _check_quota(self) -> None:
        used, total = self._quota(self._user_id)
        if not total or used < total:
            return
        wait = self._window_wait(total)
        when = (datetime.now(UTC) + timedelta(seconds=wait)).strftime("%H:%M UTC")
        raise OutcomeError(RetryLater(
            f"{self._graph.name} allows {total} posts in 24 hours and this account has made {used}; "
            f"the post waits for the window and goes out at about {when}.", wait, quota=True))

    def _window_wait(self, total: int) -> float:
        """Seconds until the oldest post of the last 24 hours leaves the window (at least a minute)."""
        try:
            listing = self._graph.get(f"{self._user_id}/{self.media_edge}", fields="id,timestamp", limit=total)
            stamps = sorted(_parse_time(str(item.get("timestamp") or "")) for item in listing.get("data") or [])
            in_window = [s for s in stamps if s > datetime.now(UTC) - timedelta(days=1)]
            if in_window:
                return max(60.0, (in_window[0] + timedelta(days=1) - datetime.now(UTC)).total_seconds() + 60.0)
        except (GraphError, OutcomeError, ValueError):
            pass
        return 3600.0


class InstagramPublisher(ContainerPublisher):
    """An Instagram professional account (Instagram API with Instagram Login)."""

    network = "instagram"
    host = "https://graph.instagram.com/v23.0"
    create_edge = "media"
    publish_edge = "media_publish"
    limit_edge = "content_publishing_limit"
    status_field = "status_code"
    media_edge = "media"
    text_field = "caption"
    refresh_grant = "ig_refresh_token"


def _parse_time(text: str) -> datetime:
    """Graph timestamps look like ``2026-11-30T10:00:00+0000``."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").astimezone(UTC)


def _in_days(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
