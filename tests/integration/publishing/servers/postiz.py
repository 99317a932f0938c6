"""A fake self-hosted Postiz public API (``/public/v1``): ``GET integrations``, ``POST upload``
(multipart ``file`` -> ``{id, name, path}``), ``POST posts`` (``type``, ``date``, ``tags``, ``posts[]``
with ``integration.id``, ``value[]`` of ``{content, image[]}``, ``settings.__type``) answering
``[{postId, integration}]``, ``GET posts?startDate&endDate`` answering ``{posts: [...]}`` with tags;
the ``Authorization: <api key>`` header (no "Bearer"), NestJS-style errors, and the hourly request
limit (``api_limit``, 429 ``ThrottlerException: Too Many Requests`` past it).

Sources: https://docs.postiz.com/public-api/introduction , https://docs.postiz.com/public-api/posts/create ,
https://docs.postiz.com/public-api/posts/list , https://docs.postiz.com/public-api/media/upload ,
https://docs.postiz.com/public-api/integrations/list
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from .base import FakeServer, Request, Response

P = "/api/public/v1"


class FakePostiz(FakeServer):
    def __init__(self, api_key: str = "postiz-key", api_limit: int = 1000, return_tags: bool = True) -> None:
        super().__init__()
        self.api_key = api_key
        self.api_limit = api_limit
        self.return_tags = return_tags
        self.calls: list[float] = []
        self.integrations = [
            {"id": "int-tiktok-1", "name": "Kettles TikTok", "identifier": "tiktok", "picture": "", "disabled": False,
             "profile": "kettles"},
            {"id": "int-yt-1", "name": "Kettles YouTube", "identifier": "youtube", "picture": "", "disabled": False,
             "profile": "kettles"},
        ]
        self.uploads: dict[str, dict[str, Any]] = {}
        self.posts: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self.route("GET", rf"{P}/integrations", self._integrations)
        self.route("POST", rf"{P}/upload", self._upload)
        self.route("POST", rf"{P}/posts", self._create)
        self.route("GET", rf"{P}/posts", self._list)

    @property
    def base(self) -> str:
        return f"{self.url}/api"

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, {"statusCode": status, "message": message})

    def rate_limited(self, seconds: float) -> Response:
        return Response(429, {"statusCode": 429, "message": "ThrottlerException: Too Many Requests"})

    def contents(self) -> list[str]:
        with self.lock:
            return [post["value"][0]["content"] for post in self.posts.values()]

    def _dispatch(self, request: Request) -> Response:
        if request.headers.get("authorization") != self.api_key:
            return Response(401, {"statusCode": 401, "message": "Invalid API key"})
        with self.lock:
            now = time.monotonic()
            self.calls = [t for t in self.calls if now - t < 3600]
            if len(self.calls) >= self.api_limit:
                return self.rate_limited(3600)
            self.calls.append(now)
        return super()._dispatch(request)

    def _integrations(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, self.integrations)

    def _upload(self, request: Request, match: re.Match[str]) -> Response:
        if "file" not in request.files:
            return Response(400, {"statusCode": 400, "message": "No file"})
        name, _mime, data = request.files["file"]
        with self.lock:
            upload_id = f"media-{next(self._ids)}"
            self.uploads[upload_id] = {"name": name, "bytes": len(data)}
        return Response(200, {"id": upload_id, "name": name, "path": f"{self.url}/uploads/{upload_id}/{name}"})

    def _create(self, request: Request, match: re.Match[str]) -> Response:
        body = request.json or {}
        if body.get("type") not in ("schedule", "draft", "now") or not body.get("date") or not body.get("posts"):
            return Response(400, {"statusCode": 400, "message": ["type, date and posts are required"]})
        answer = []
        with self.lock:
            for item in body["posts"]:
                integration = (item.get("integration") or {}).get("id")
                if integration not in {i["id"] for i in self.integrations}:
                    return Response(400, {"statusCode": 400, "message": "Integration not found"})
                if not (item.get("settings") or {}).get("__type"):
                    return Response(400, {"statusCode": 400, "message": ["settings.__type is required"]})
                for value in item.get("value") or []:
                    for image in value.get("image") or []:
                        if image.get("id") not in self.uploads:
                            return Response(400, {"statusCode": 400, "message": "Unknown media"})
                post_id = f"post-{next(self._ids)}"
                self.posts[post_id] = {"id": post_id, "group": f"group-{post_id}", "publishDate": body["date"],
                                       "integration": {"id": integration}, "value": item["value"],
                                       "tags": body.get("tags") or [], "state": "QUEUE"}
                answer.append({"postId": post_id, "integration": integration})
        return Response(200, answer)

    def _list(self, request: Request, match: re.Match[str]) -> Response:
        start = (request.query.get("startDate") or [""])[0]
        end = (request.query.get("endDate") or [""])[0]
        if not start or not end:
            return Response(400, {"statusCode": 400, "message": "startDate and endDate are required"})
        with self.lock:
            found = []
            for post in self.posts.values():
                if start <= post["publishDate"] <= end:
                    item = {"id": post["id"], "group": post["group"], "publishDate": post["publishDate"],
                            "content": post["value"][0]["content"], "state": post["state"],
                            "integration": {"id": post["integration"]["id"], "name": "", "providerIdentifier": ""}}
                    if self.return_tags:
                        item["tags"] = [{"tag": {"name": t.get("label") or t.get("value")}} for t in post["tags"]]
                    found.append(item)
        return Response(200, {"posts": found})
