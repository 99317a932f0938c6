"""Fake Instagram and Threads Graph hosts: the container flow as Meta documents it.

Containers are made by ``POST /<user>/media`` (Instagram) or ``/<user>/threads`` (Threads); the
server really fetches each ``image_url`` (from the media host's presigned URL), keeps the alt text,
answers ``IN_PROGRESS`` for ``processing_polls`` status reads and then ``FINISHED``; publishing
turns the container ``PUBLISHED``. Errors come in the Graph shape ``{"error": {"message", "type",
"code", "error_subcode", "fbtrace_id"}}``: 190/463 for an expired token, 9007/2207027 "media not
ready" for a container published too early, 9/2207042 for the 24-hour publishing limit, 4 for
throttling, 2 (transient) for the 5xx faults. ``content_publishing_limit`` /
``threads_publishing_limit`` count the posts of the last 24 hours; ``refresh_access_token``
swaps a token for a new one.

Sources (request and response shapes, error codes):
https://developers.facebook.com/docs/instagram-platform/content-publishing/
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit
https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
https://developers.facebook.com/docs/graph-api/guides/error-handling/
https://developers.facebook.com/docs/threads/posts
https://developers.facebook.com/docs/threads/reference/publishing-limit
https://developers.facebook.com/docs/threads/get-started/long-lived-tokens
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from .base import FakeServer, Request, Response

V = r"/v[0-9.]+"


def graph_error(status: int, code: int, message: str, subcode: int = 0, kind: str = "OAuthException") -> Response:
    body: dict[str, Any] = {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEf123"}
    if subcode:
        body["error_subcode"] = subcode
    if code in (1, 2):
        body["is_transient"] = True
    return Response(status, {"error": body})


class FakeGraph(FakeServer):
    """Token checks shared by the Meta fakes (header ``Authorization: Bearer`` or ``access_token``)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token
        self.expired = False
        self.tokens_issued: list[str] = []

    def error_response(self, status: int, message: str) -> Response:
        return graph_error(status, 2, f"An unexpected error has occurred. Please retry your request later. ({message})",
                           kind="OAuthException")

    def rate_limited(self, seconds: float) -> Response:
        return graph_error(429, 4, "Application request limit reached")

    def _token_of(self, request: Request) -> str:
        header = request.headers.get("authorization", "")
        if header.startswith("Bearer "):
            return header[7:]
        return (request.query.get("access_token") or request.fields.get("access_token") or [""])[0]

    def _dispatch(self, request: Request) -> Response:
        if self._token_of(request) != self.token:
            return graph_error(400, 190, "Invalid OAuth access token - Cannot parse access token")
        if self.expired:
            return graph_error(400, 190, "Error validating access token: Session has expired on Sunday, "
                               "29-Nov-26 10:00:00 PST.", 463)
        return super()._dispatch(request)

    def _refresh(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            self.token = f"{self.token}-r{len(self.tokens_issued) + 1}"
            self.tokens_issued.append(self.token)
        return Response(200, {"access_token": self.token, "token_type": "bearer", "expires_in": 5183944})


class FakeContainers(FakeGraph):
    """The container flow; subclasses name the edges and fields like the real hosts."""

    create_edge = "media"
    publish_edge = "media_publish"
    limit_edge = "content_publishing_limit"
    status_field = "status_code"
    text_field = "caption"
    refresh_grant = "ig_refresh_token"

    def __init__(self, token: str = "meta-token", user_id: str = "17841400000000001", username: str = "studio.ig",
                 quota_total: int = 25, processing_polls: int = 1) -> None:
        super().__init__(token)
        self.user_id = user_id
        self.username = username
        self.quota_total = quota_total
        self.processing_polls = processing_polls
        self.containers: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}  # published posts, by media id
        self.fetched: list[str] = []  # image URLs fetched (and how many bytes came back)
        self._ids = itertools.count(18000000000000001)
        self.route("GET", rf"{V}/me", self._me)
        self.route("POST", rf"{V}/(\d+)/{self.create_edge}", self._create)
        self.route("POST", rf"{V}/(\d+)/{self.publish_edge}", self._publish)
        self.route("GET", rf"{V}/(\d+)/{self.limit_edge}", self._limit)
        self.route("GET", rf"{V}/(\d+)/{self.create_edge}", self._list)
        self.route("GET", rf"{V}/(\d+)", self._read)
        self.route("GET", r"/refresh_access_token", self._refresh)

    # ---- what the tests read -----------------------------------------------------------------

    def posts(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.media.values())

    def texts(self) -> list[str]:
        return [str(post["text"]) for post in self.posts()]

    def add_old_post(self, text: str, hours_ago: float) -> None:
        """A post made earlier (outside Studio), for the publishing limit's window."""
        with self.lock:
            media_id = str(next(self._ids))
            self.media[media_id] = {"id": media_id, "text": text, "items": [], "reply_to": "",
                                    "timestamp": datetime.now(UTC) - timedelta(hours=hours_ago)}

    # ---- routes ------------------------------------------------------------------------------

    def _me(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, {"id": "9" + self.user_id[1:], "user_id": self.user_id, "username": self.username,
                              "name": "Studio Test", "profile_picture_url": "",
                              "threads_profile_picture_url": ""})

    def _form(self, request: Request) -> dict[str, str]:
        merged = {key: values[0] for key, values in request.query.items()}
        merged.update({key: values[0] for key, values in request.fields.items()})
        return merged

    def _fetch(self, url: str) -> int | None:
        import requests

        try:
            response = requests.get(url, timeout=10)
        except requests.RequestException:
            return None
        if not response.ok or not response.content:
            return None
        with self.lock:
            self.fetched.append(url)
        return len(response.content)

    def _create(self, request: Request, match: re.Match[str]) -> Response:
        if match.group(1) != self.user_id:
            return graph_error(400, 100, "Unsupported post request.", 33, "GraphMethodException")
        form = self._form(request)
        kind = form.get("media_type") or "IMAGE"
        item: dict[str, Any] = {"kind": kind, "text": form.get(self.text_field, ""), "alt": form.get("alt_text", ""),
                                "carousel_item": form.get("is_carousel_item") == "true",
                                "reply_to": form.get("reply_to_id", ""), "children": [], "bytes": 0}
        if kind == "CAROUSEL":
            children = [c for c in form.get("children", "").split(",") if c]
            if not 2 <= len(children) <= (20 if self.text_field == "text" else 10):
                return graph_error(400, 100, "The carousel must have between 2 and 10 items.", 2207010)
            with self.lock:
                if any(c not in self.containers or not self.containers[c]["carousel_item"] for c in children):
                    return graph_error(400, 100, "The carousel item is invalid.", 2207019)
            item["children"] = children
        elif kind in ("IMAGE",):
            url = form.get("image_url", "")
            size = self._fetch(url) if url else None
            if size is None:
                return graph_error(400, 9004, "The media could not be fetched from this URI: " + url[:60], 2207052)
            item["bytes"] = size
        elif kind != "TEXT":
            return graph_error(400, 100, f"Unsupported media_type {kind}.")
        if item["reply_to"] and item["reply_to"] not in self.media:
            return graph_error(400, 100, "The post you are replying to does not exist.")
        with self.lock:
            container_id = str(next(self._ids))
            item.update({"id": container_id, "status": "IN_PROGRESS", "polls_left": self.processing_polls})
            self.containers[container_id] = item
        return Response(200, {"id": container_id})

    def _window(self) -> list[dict[str, Any]]:
        since = datetime.now(UTC) - timedelta(days=1)
        return [m for m in self.media.values() if m["timestamp"] > since and not m["reply_to"]]

    def _publish(self, request: Request, match: re.Match[str]) -> Response:
        creation = self._form(request).get("creation_id", "")
        with self.lock:
            container = self.containers.get(creation)
            if container is None or container["carousel_item"]:
                return graph_error(400, 100, "Invalid parameter", 2207006)
            if container["status"] == "PUBLISHED":
                return graph_error(400, 9, "The media has already been published.", 2207004)
            if container["status"] != "FINISHED":
                return graph_error(400, 9007, "Media ID is not available", 2207027)
            if len(self._window()) >= self.quota_total:
                return graph_error(400, 9, "Application request limit reached: you reached the maximum number of "
                                   "posts that is allowed to be published by Content Publishing API", 2207042)
            media_id = str(next(self._ids))
            items = [{"alt": self.containers[c]["alt"], "bytes": self.containers[c]["bytes"]} for c in container["children"]]
            if not items and container["kind"] == "IMAGE":
                items = [{"alt": container["alt"], "bytes": container["bytes"]}]
            self.media[media_id] = {"id": media_id, "text": container["text"], "items": items,
                                    "reply_to": container["reply_to"], "timestamp": datetime.now(UTC),
                                    "container": creation}
            container["status"] = "PUBLISHED"
        return Response(200, {"id": media_id})

    def _limit(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            used = len(self._window())
        return Response(200, {"data": [{"quota_usage": used,
                                        "config": {"quota_total": self.quota_total, "quota_duration": 86400}}]})

    def _public(self, media: dict[str, Any]) -> dict[str, Any]:
        return {"id": media["id"], self.text_field: media["text"],
                "permalink": f"{self.url}/p/{media['id']}/",
                "timestamp": media["timestamp"].strftime("%Y-%m-%dT%H:%M:%S+0000")}

    def _list(self, request: Request, match: re.Match[str]) -> Response:
        limit = int((request.query.get("limit") or ["25"])[0])
        with self.lock:
            newest = sorted(self.media.values(), key=lambda m: m["timestamp"], reverse=True)[:limit]
            return Response(200, {"data": [self._public(m) for m in newest]})

    def _read(self, request: Request, match: re.Match[str]) -> Response:
        object_id = match.group(1)
        with self.lock:
            container = self.containers.get(object_id)
            if container is not None:
                if container["status"] == "IN_PROGRESS":
                    if container["polls_left"] > 0:
                        container["polls_left"] -= 1
                    else:
                        container["status"] = "FINISHED"
                return Response(200, {"id": object_id, self.status_field: container["status"]})
            media = self.media.get(object_id)
            if media is not None:
                return Response(200, self._public(media))
        return graph_error(400, 100, f"Unsupported get request. Object with ID '{object_id}' does not exist.", 33,
                           "GraphMethodException")


class FakeInstagram(FakeContainers):
    pass


class FakeThreads(FakeContainers):
    create_edge = "threads"
    publish_edge = "threads_publish"
    limit_edge = "threads_publishing_limit"
    status_field = "status"
    text_field = "text"
    refresh_grant = "th_refresh_token"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("quota_total", 250)
        kwargs.setdefault("username", "studio.threads")
        super().__init__(**kwargs)


class FakeFacebook(FakeGraph):
    """A Page: ``GET /<page>`` (or ``/me`` with a Page token), ``POST /<page>/feed`` (message, link,
    ``attached_media[n]``), ``POST /<page>/photos`` (multipart ``source``, ``published``,
    ``alt_text_custom``). Sources: https://developers.facebook.com/docs/pages-api/posts ,
    https://developers.facebook.com/docs/graph-api/reference/page/photos/"""

    def __init__(self, token: str = "page-token", page_id: str = "104000000000001") -> None:
        super().__init__(token)
        self.page_id = page_id
        self.photos: dict[str, dict[str, Any]] = {}
        self.feed: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(900000000000001)
        self.route("GET", rf"{V}/(me|\d+)", self._page)
        self.route("POST", rf"{V}/(me|\d+)/feed", self._post_feed)
        self.route("POST", rf"{V}/(me|\d+)/photos", self._post_photo)

    def texts(self) -> list[str]:
        with self.lock:
            return [post["message"] for post in self.feed.values()]

    def _page_ok(self, match: re.Match[str]) -> bool:
        return match.group(1) in ("me", self.page_id)

    def _page(self, request: Request, match: re.Match[str]) -> Response:
        if not self._page_ok(match):
            return graph_error(400, 100, "Unsupported get request.", 33, "GraphMethodException")
        return Response(200, {"id": self.page_id, "name": "Studio Kettles", "link": f"{self.url}/studiokettles",
                              "picture": {"data": {"url": ""}}})

    def _post_photo(self, request: Request, match: re.Match[str]) -> Response:
        if not self._page_ok(match):
            return graph_error(400, 100, "Unsupported post request.", 33, "GraphMethodException")
        if "source" not in request.files:
            return graph_error(400, 324, "Requires upload file")
        form = {key: values[0] for key, values in request.fields.items()}
        with self.lock:
            photo_id = str(next(self._ids))
            self.photos[photo_id] = {"bytes": len(request.files["source"][2]), "alt": form.get("alt_text_custom", ""),
                                     "published": form.get("published", "true") != "false"}
            if not self.photos[photo_id]["published"]:
                return Response(200, {"id": photo_id})
            post_id = f"{self.page_id}_{next(self._ids)}"
            self.feed[post_id] = {"message": form.get("message", ""), "link": "", "photos": [photo_id]}
        return Response(200, {"id": photo_id, "post_id": post_id})

    def _post_feed(self, request: Request, match: re.Match[str]) -> Response:
        if not self._page_ok(match):
            return graph_error(400, 100, "Unsupported post request.", 33, "GraphMethodException")
        form = {key: values[0] for key, values in request.fields.items()}
        attached = [json.loads(value)["media_fbid"] for key, value in sorted(form.items()) if key.startswith("attached_media[")]
        if not form.get("message") and not form.get("link") and not attached:
            return graph_error(400, 100, "(#100) Missing message or attachment")
        with self.lock:
            if any(photo not in self.photos or self.photos[photo]["published"] for photo in attached):
                return graph_error(400, 100, "(#100) attached_media must be unpublished photos of this Page")
            post_id = f"{self.page_id}_{next(self._ids)}"
            self.feed[post_id] = {"message": form.get("message", ""), "link": form.get("link", ""), "photos": attached}
        return Response(200, {"id": post_id})
