"""A fake LinkedIn API: ``/v2/userinfo``, ``/rest/images?action=initializeUpload`` + the upload URL,
``/rest/posts`` (201 with ``x-restli-id``), the versioning headers it requires (``LinkedIn-Version``,
``X-Restli-Protocol-Version``), 401 ``EXPIRED_ACCESS_TOKEN``/``REVOKED_ACCESS_TOKEN``, 422 for a
duplicate of a recent post (naming it), 429 and 5xx by fault injection.

Sources: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api ,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api ,
https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2 ,
https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from .base import FakeServer, Request, Response


class FakeLinkedIn(FakeServer):
    def __init__(self, token: str = "linkedin-token", sub: str = "aBcD123") -> None:
        super().__init__()
        self.token = token
        self.sub = sub
        self.expired = False
        self.images: dict[str, dict[str, Any]] = {}
        self.posts: dict[str, dict[str, Any]] = {}
        self._ids = itertools.count(7100000000000000001)
        self.route("GET", r"/v2/userinfo", self._userinfo)
        self.route("POST", r"/rest/images", self._init_upload)
        self.route("PUT", r"/upload/(\w+)", self._upload)
        self.route("POST", r"/rest/posts", self._post)

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, {"status": status, "message": f"Internal Server Error: {message}"})

    def rate_limited(self, seconds: float) -> Response:
        return Response(429, {"status": 429, "message": "Resource level throttle limit reached"},
                        {"Retry-After": str(int(seconds))})

    def texts(self) -> list[str]:
        with self.lock:
            return [post["commentary"] for post in self.posts.values()]

    def _dispatch(self, request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return Response(401, {"status": 401, "serviceErrorCode": 65601, "code": "REVOKED_ACCESS_TOKEN",
                                  "message": "The token used in the request has been revoked by the user"})
        if self.expired:
            return Response(401, {"status": 401, "serviceErrorCode": 65600, "code": "EXPIRED_ACCESS_TOKEN",
                                  "message": "The token used in the request has expired"})
        if request.path.startswith("/rest/") and (not request.headers.get("linkedin-version")
                                                  or request.headers.get("x-restli-protocol-version") != "2.0.0"):
            return Response(426, {"status": 426, "code": "NONEXISTENT_VERSION", "message": "Requested version is not active"})
        return super()._dispatch(request)

    def _userinfo(self, request: Request, match: re.Match[str]) -> Response:
        return Response(200, {"sub": self.sub, "name": "Sari Studio", "given_name": "Sari", "family_name": "Studio",
                              "picture": "", "email_verified": True})

    def _init_upload(self, request: Request, match: re.Match[str]) -> Response:
        if request.query.get("action") != ["initializeUpload"]:
            return Response(400, {"status": 400, "message": "Unknown action"})
        owner = ((request.json or {}).get("initializeUploadRequest") or {}).get("owner")
        if owner != f"urn:li:person:{self.sub}":
            return Response(403, {"status": 403, "message": "Not enough permissions to upload for this owner"})
        with self.lock:
            image_id = str(next(self._ids))
            self.images[image_id] = {"bytes": 0}
        return Response(200, {"value": {"uploadUrlExpiresAt": 1767225600000, "uploadUrl": f"{self.url}/upload/{image_id}",
                                         "image": f"urn:li:image:{image_id}"}})

    def _upload(self, request: Request, match: re.Match[str]) -> Response:
        with self.lock:
            if match.group(1) not in self.images:
                return Response(404, {"status": 404, "message": "Not found"})
            self.images[match.group(1)]["bytes"] = len(request.body)
        return Response(201, b"")

    def _post(self, request: Request, match: re.Match[str]) -> Response:
        body = request.json or {}
        if body.get("author") != f"urn:li:person:{self.sub}" or body.get("lifecycleState") != "PUBLISHED":
            return Response(422, {"status": 422, "message": "Invalid author or lifecycleState"})
        media = ((body.get("content") or {}).get("media") or {})
        with self.lock:
            for urn, post in self.posts.items():
                if post["commentary"] == body.get("commentary") and post["media"] == media:
                    return Response(422, {"status": 422, "message": f"Content is a duplicate of {urn}"})
            if media and (media.get("id", "").rsplit(":", 1)[-1] not in self.images
                          or not self.images[media["id"].rsplit(":", 1)[-1]]["bytes"]):
                return Response(400, {"status": 400, "message": "Image is not uploaded"})
            urn = f"urn:li:share:{next(self._ids)}"
            self.posts[urn] = {"commentary": body.get("commentary"), "media": media}
        return Response(201, b"", {"x-restli-id": urn})
