"""A fake Mastodon server that follows the documented API closely enough to catch client mistakes.

Implements ``verify_credentials``, ``/api/v2/instance`` (configuration limits), ``/api/v2/media``
(answers 202 with ``url: null`` and finishes processing after ``processing_polls`` reads of
``GET /api/v1/media/:id``, which answers 206 meanwhile), ``POST /api/v1/statuses`` with
``Idempotency-Key`` (a repeated key returns the first status), the 500-character check (422), and
"not finished processing" (422) for media still being processed. Revoking the token makes every
call answer 401 like Mastodon does.

Scheduled statuses: ``POST /api/v1/statuses`` with ``scheduled_at`` (at least 5 minutes ahead, else
422) makes a ScheduledStatus whose ``params`` keep the text and the ``idempotency`` key; ``GET
/api/v1/scheduled_statuses`` lists them (``limit`` up to 40, ``max_id`` paging), ``PUT`` moves one,
``DELETE`` cancels it; :meth:`FakeMastodon.publish_scheduled` is the server's own job that turns
the due ones into statuses. Sources: https://docs.joinmastodon.org/methods/scheduled_statuses/ ,
https://docs.joinmastodon.org/entities/ScheduledStatus/ ,
https://docs.joinmastodon.org/methods/statuses/#create (scheduled_at, Idempotency-Key).

For analytics: ``GET /api/v1/statuses?id[]=`` (several statuses at once, at most 20, Mastodon 4.3:
https://docs.joinmastodon.org/methods/statuses/#index), and the counters grow as other people act:
:meth:`FakeMastodon.favourite`, :meth:`reblog`, :meth:`reply` and their undo, and ``followers``.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from .base import FakeServer, Request, Response


class FakeMastodon(FakeServer):
    def __init__(self, token: str = "mastodon-token", max_characters: int = 500, processing_polls: int = 1) -> None:
        super().__init__()
        self.token = token
        self.revoked = False
        self.max_characters = max_characters
        self.processing_polls = processing_polls
        self.statuses: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}
        self.idempotency: dict[str, str] = {}
        self._ids = itertools.count(100000)
        self.followers = 0
        self.route("GET", r"/api/v1/accounts/verify_credentials", self._verify)
        self.route("GET", r"/api/v2/instance/?", self._instance)
        self.route("POST", r"/api/v2/media", self._upload)
        self.route("GET", r"/api/v1/media/(\w+)", self._media)
        self.route("POST", r"/api/v1/statuses", self._post)
        self.route("GET", r"/api/v1/statuses", self._statuses)
        self.route("GET", r"/api/v1/statuses/(\w+)", self._status)
        self.route("GET", r"/avatars/1.png", self._avatar)
        self.scheduled: dict[str, dict[str, Any]] = {}
        self.scheduled_gone = {}
        self.route("GET", r"/api/v1/scheduled_statuses", self._scheduled_list)
        self.route("GET", r"/api/v1/scheduled_statuses/(\w+)", self._scheduled_get)
        self.route("PUT", r"/api/v1/scheduled_statuses/(\w+)", self._scheduled_put)
        self.route("DELETE", r"/api/v1/scheduled_statuses/(\w+)", self._scheduled_delete)
        self.route("GET", r"/api/v1/accounts/1/statuses", self._account_statuses)

    # ---- helpers -----------------------------------------------------------------------------

    def _authorised(self, request: Request) -> bool:
        return not self.revoked and request.headers.get("authorization") == f"Bearer {self.token}"

    def _unauthorised(self) -> Response:
        return Response(401, {"error": "The access token was revoked" if self.revoked else "The access token is invalid"})

    def _dispatch(self, request: Request) -> Response:
        if request.path.startswith(("/api/v2/instance", "/avatars/")):
            return super()._dispatch(request)
        if not self._authorised(request):
            return self._unauthorised()
        return super()._dispatch(request)

    def posted_texts(self) -> list[str]:
        with self.lock:
            return [status["text"] for status in self.statuses.values()]

    # ---- routes ------------------------------------------------------------------------------

    def _verify(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, {
            "id": "1", "username": "studio", "acct": "studio", "display_name": "Studio Test",
            "avatar": f"{self.url}/avatars/1.png", "url": f"{self.url}/@studio",
            "locked": False, "bot": False, "created_at": "2024-01-01T00:00:00.000Z", "note": "",
            "followers_count": self.followers, "following_count": 0, "statuses_count": len(self.statuses),
        })

    def _instance(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, {
            "domain": "127.0.0.1", "title": "Fake Mastodon", "version": "4.3.0",
            "configuration": {
                "urls": {"streaming": ""},
                "statuses": {"max_characters": self.max_characters, "max_media_attachments": 4,
                             "characters_reserved_per_url": 23},
                "media_attachments": {"supported_mime_types": ["image/jpeg", "image/png", "image/webp"],
                                      "image_size_limit": 16777216, "image_matrix_limit": 33177600,
                                      "description_limit": 1500},
            },
        })

    def _upload(self, request: Request, match: re.Match[str]) -> Response:
        if "file" not in request.files:
            return Response(422, {"error": "Validation failed: File can't be blank"})
        _name, mime, data = request.files["file"]
        if not mime.startswith("image/"):
            return Response(422, {"error": f"Validation failed: File content type {mime} is not supported"})
        with self.lock:
            media_id = str(next(self._ids))
            self.media[media_id] = {
                "id": media_id, "type": "image", "url": None, "preview_url": None,
                "description": (request.fields.get("description") or [None])[0],
                "bytes": len(data), "polls_left": self.processing_polls,
            }
            return Response(202, self._public_media(media_id))

    def _public_media(self, media_id: str) -> dict[str, Any]:
        item = self.media[media_id]
        return {key: value for key, value in item.items() if key not in ("bytes", "polls_left")}

    def _media(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            item = self.media.get(match.group(1))
            if item is None:
                return Response(404, {"error": "Record not found"})
            if item["polls_left"] > 0:
                item["polls_left"] -= 1
                return Response(206, self._public_media(item["id"]))
            item["url"] = item["preview_url"] = f"{self.url}/media/{item['id']}.jpg"
            return Response(200, self._public_media(item["id"]))

    def _post(self, request: Request, match: re.Match[str]) -> Response:
        form = request.json if request.json is not None else {
            key: (values if key.endswith("[]") else values[0]) for key, values in request.fields.items()
        }
        text = str(form.get("status") or "")
        media_ids = list(form.get("media_ids[]") or form.get("media_ids") or [])
        key = request.headers.get("idempotency-key")
        with self.lock:
            if key and key in self.idempotency:
                known = self.idempotency[key]
                return Response(200, self.statuses.get(known) or self.scheduled_gone.get(known) or self.scheduled[known])
            if form.get("scheduled_at"):
                return self._schedule(form, text, media_ids, key)
            if not text and not media_ids:
                return Response(422, {"error": "Validation failed: Text can't be blank"})
            if len(text) > self.max_characters:
                return Response(422, {"error": f"Validation failed: Text character limit of {self.max_characters} exceeded"})
            if len(media_ids) > 4:
                return Response(422, {"error": "Validation failed: Media attachments is too long (maximum is 4)"})
            attachments = []
            for media_id in media_ids:
                item = self.media.get(str(media_id))
                if item is None:
                    return Response(422, {"error": "Validation failed: Media attachments is invalid"})
                if item["url"] is None:
                    return Response(422, {"error": "Cannot attach files that have not finished processing. Try again in a moment!"})
                attachments.append(self._public_media(str(media_id)))
            reply_to = form.get("in_reply_to_id")
            if reply_to and str(reply_to) not in self.statuses:
                return Response(404, {"error": "Record not found"})
            status_id = str(next(self._ids))
            status = {
                "id": status_id, "uri": f"{self.url}/users/studio/statuses/{status_id}",
                "url": f"{self.url}/@studio/{status_id}", "created_at": "2026-01-01T00:00:00.000Z",
                "content": f"<p>{text}</p>", "text": text, "visibility": form.get("visibility") or "public",
                "sensitive": False, "spoiler_text": "", "language": form.get("language"),
                "in_reply_to_id": str(reply_to) if reply_to else None, "media_attachments": attachments,
                "account": {"id": "1", "username": "studio", "acct": "studio"},
                "mentions": [], "tags": [], "emojis": [], "reblogs_count": 0, "favourites_count": 0,
                "replies_count": 0,
            }
            self.statuses[status_id] = status
            if key:
                self.idempotency[key] = status_id
            return Response(200, status)

    # ---- scheduled statuses ----------------------------------------------------------------------

    scheduled_gone: dict[str, dict[str, Any]]

    def _schedule(self, form: dict[str, Any], text: str, media_ids: list[str], key: str | None) -> Response:
        from datetime import UTC, datetime, timedelta

        when = datetime.fromisoformat(str(form["scheduled_at"]).replace("Z", "+00:00"))
        if when < datetime.now(UTC) + timedelta(minutes=5):
            return Response(422, {"error": "Validation failed: Scheduled at The scheduled date must be in the future"})
        scheduled_id = str(next(self._ids))
        item = {
            "id": scheduled_id, "scheduled_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "params": {"text": text, "media_ids": media_ids or None, "idempotency": key, "visibility": None,
                       "language": form.get("language"), "in_reply_to_id": form.get("in_reply_to_id"),
                       "scheduled_at": None, "application_id": 1, "poll": None, "sensitive": None,
                       "spoiler_text": None, "with_rate_limit": False},
            "media_attachments": [self._public_media(str(m)) for m in media_ids if str(m) in self.media],
        }
        self.scheduled[scheduled_id] = item
        if key:
            self.idempotency[key] = scheduled_id
        return Response(200, item)

    def _scheduled_list(self, request: Request, match: re.Match[str]) -> Response:
        limit = min(40, int((request.query.get("limit") or ["20"])[0]))
        max_id = (request.query.get("max_id") or [None])[0]
        with self.lock:
            items = sorted(self.scheduled.values(), key=lambda s: int(s["id"]), reverse=True)
        if max_id:
            items = [s for s in items if int(s["id"]) < int(max_id)]
        return Response(200, items[:limit])

    def _scheduled_get(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            item = self.scheduled.get(match.group(1))
        return Response(200, item) if item else Response(404, {"error": "Record not found"})

    def _scheduled_put(self, request: Request, match: re.Match[str]) -> Response:
        from datetime import UTC, datetime, timedelta

        form = request.json if request.json is not None else {k: v[0] for k, v in request.fields.items()}
        with self.lock:
            item = self.scheduled.get(match.group(1))
            if item is None:
                return Response(404, {"error": "Record not found"})
            when = datetime.fromisoformat(str(form.get("scheduled_at")).replace("Z", "+00:00"))
            if when < datetime.now(UTC) + timedelta(minutes=5):
                return Response(422, {"error": "Validation failed: Scheduled at The scheduled date must be in the future"})
            item["scheduled_at"] = when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
            return Response(200, item)

    def _scheduled_delete(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            item = self.scheduled.pop(match.group(1), None)
        return Response(200, {}) if item else Response(404, {"error": "Record not found"})

    def _account_statuses(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            items = sorted(self.statuses.values(), key=lambda s: int(s["id"]), reverse=True)
        return Response(200, items[:40])

    def publish_scheduled(self, everything: bool = False) -> int:
        """The server's job: turn due scheduled statuses (or all, ``everything``) into statuses."""
        from datetime import UTC, datetime

        done = 0
        with self.lock:
            for scheduled_id, item in list(self.scheduled.items()):
                when = datetime.fromisoformat(item["scheduled_at"].replace("Z", "+00:00"))
                if not everything and when > datetime.now(UTC):
                    continue
                del self.scheduled[scheduled_id]
                self.scheduled_gone[scheduled_id] = item
                status_id = str(next(self._ids))
                text = item["params"]["text"]
                self.statuses[status_id] = {
                    "id": status_id, "uri": f"{self.url}/users/studio/statuses/{status_id}",
                    "url": f"{self.url}/@studio/{status_id}", "created_at": item["scheduled_at"],
                    "content": f"<p>{text}</p>", "text": text, "visibility": "public", "sensitive": False,
                    "spoiler_text": "", "language": item["params"]["language"], "in_reply_to_id": None,
                    "media_attachments": item["media_attachments"], "account": {"id": "1", "username": "studio",
                                                                                "acct": "studio"},
                    "mentions": [], "tags": [], "emojis": [], "reblogs_count": 0, "favourites_count": 0,
                    "replies_count": 0,
                }
                done += 1
        return done

    def _status(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            status = self.statuses.get(match.group(1))
        return Response(200, status) if status else Response(404, {"error": "Record not found"})

    def _statuses(self, request: Request, match: re.Match[str]) -> Response:
        ids = request.query.get("id[]", [])
        if len(ids) > 20:
            return Response(422, {"error": "Too many ids"})
        with self.lock:
            return Response(200, [self.statuses[i] for i in ids if i in self.statuses])

    # ---- what other people do to a status (analytics tests) ---------------------------------

    def _count(self, status_id: str, counter: str, change: int) -> None:
        with self.lock:
            status = self.statuses[status_id]
            status[counter] = max(0, int(status[counter]) + change)

    def favourite(self, status_id: str, change: int = 1) -> None:
        self._count(status_id, "favourites_count", change)

    def reblog(self, status_id: str, change: int = 1) -> None:
        self._count(status_id, "reblogs_count", change)

    def reply(self, status_id: str, change: int = 1) -> None:
        self._count(status_id, "replies_count", change)

    def _avatar(self, request: Request, match: re.Match[str]) -> Response:
        """A small real PNG (an orange square with a white dot), as a server's media would serve."""
        import io

        from PIL import Image, ImageDraw

        image = Image.new("RGB", (96, 96), (230, 110, 40))
        ImageDraw.Draw(image).ellipse((30, 30, 66, 66), fill=(255, 255, 255))
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        return Response(200, buffer.getvalue())
