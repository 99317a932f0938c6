"""A fake Telegram Bot API: ``getMe``, ``getChat``, ``sendMessage``, ``sendPhoto``, ``sendMediaGroup``,
with the Bot API's error format (``{"ok": false, "error_code": 400, "description": "Bad Request: …"}``,
429 with ``parameters.retry_after``) and the documented limits (4096 characters, 1024 for a caption,
2 to 10 items in an album)."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from .base import FakeServer, Request, Response


class FakeTelegram(FakeServer):
    def __init__(self, token: str = "123456:telegram-secret-token", chat_id: str = "@studio_channel") -> None:
        super().__init__()
        self.token = token
        self.revoked = False
        self.chat_id = chat_id
        self.messages: dict[int, dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self.subscribers = 0  # getChatMemberCount (https://core.telegram.org/bots/api#getchatmembercount)
        self.route("POST", r"/bot([^/]+)/(\w+)", self._method)
        self.route("GET", r"/bot([^/]+)/(\w+)", self._method)

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, {"ok": False, "error_code": status, "description": f"Internal Server Error: {message}"})

    def rate_limited(self, seconds: float) -> Response:
        return Response(429, {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {int(seconds)}",
                              "parameters": {"retry_after": int(seconds)}})

    def texts(self) -> list[str]:
        with self.lock:
            return [m.get("text") or m.get("caption") or "" for m in self.messages.values()]

    @staticmethod
    def _fail(code: int, description: str) -> Response:
        return Response(code, {"ok": False, "error_code": code, "description": description})

    def _chat(self) -> dict[str, Any]:
        return {"id": -1001234567890, "type": "channel", "title": "Studio Channel", "username": self.chat_id.lstrip("@")}

    def _message(self, request: Request, **content: Any) -> dict[str, Any]:
        fields = {key: values[0] for key, values in request.fields.items()}
        message_id = next(self._ids)
        message: dict[str, Any] = {"message_id": message_id, "date": 1767225600, "chat": self._chat(), **content}
        if "reply_parameters" in fields:
            reply = json.loads(fields["reply_parameters"])["message_id"]
            if reply not in self.messages:
                raise LookupError
            message["reply_to_message"] = {"message_id": reply}
        self.messages[message_id] = message
        return message

    def _method(self, request: Request, match: re.Match[str]) -> Response:
        token, method = match.group(1), match.group(2)
        if token != self.token or self.revoked:
            return self._fail(401, "Unauthorized")
        fields = {key: values[0] for key, values in request.fields.items()}
        if method == "getMe":
            return Response(200, {"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "Studio Bot",
                                                         "username": "studio_bot"}})
        if fields.get("chat_id") != self.chat_id:
            return self._fail(400, "Bad Request: chat not found")
        with self.lock:
            try:
                if method == "getChat":
                    return Response(200, {"ok": True, "result": self._chat()})
                if method == "getChatMemberCount":
                    return Response(200, {"ok": True, "result": self.subscribers})
                if method == "sendMessage":
                    text = fields.get("text", "")
                    if not text:
                        return self._fail(400, "Bad Request: message text is empty")
                    if len(text) > 4096:
                        return self._fail(400, "Bad Request: message is too long")
                    return Response(200, {"ok": True, "result": self._message(request, text=text)})
                if method == "sendPhoto":
                    if "photo" not in request.files:
                        return self._fail(400, "Bad Request: there is no photo in the request")
                    caption = fields.get("caption", "")
                    if len(caption) > 1024:
                        return self._fail(400, "Bad Request: message caption is too long")
                    photo = {"file_id": f"photo-{len(self.messages)}", "file_size": len(request.files["photo"][2])}
                    content: dict[str, Any] = {"photo": [photo]}
                    if caption:
                        content["caption"] = caption
                    return Response(200, {"ok": True, "result": self._message(request, **content)})
                if method == "sendMediaGroup":
                    media = json.loads(fields.get("media") or "[]")
                    if not 2 <= len(media) <= 10:
                        return self._fail(400, "Bad Request: wrong number of media in the album")
                    results = []
                    for item in media:
                        name = str(item["media"]).removeprefix("attach://")
                        if name not in request.files:
                            return self._fail(400, "Bad Request: wrong file identifier/HTTP URL specified")
                        if len(item.get("caption", "")) > 1024:
                            return self._fail(400, "Bad Request: message caption is too long")
                    group = f"group-{len(self.messages)}"
                    for item in media:
                        content = {"photo": [{"file_id": item["media"]}], "media_group_id": group}
                        if item.get("caption"):
                            content["caption"] = item["caption"]
                        results.append(self._message(request, **content))
                    return Response(200, {"ok": True, "result": results})
            except LookupError:
                return self._fail(400, "Bad Request: message to be replied not found")
        return self._fail(404, "Not Found")
