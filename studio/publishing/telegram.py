"""Telegram channels through the Bot API (plain HTTPS calls, bot token + chat id).

The Bot API has no idempotency key. So the publisher tells apart the failures where nothing can have
been posted (the connection was refused, the server answered with an error) from those where the
message may have gone out (a timeout or a dropped connection after the request was sent): the first
retry, the second become :class:`Uncertain` and wait for the user instead of posting again.

A part whose text is too long for a caption goes out as two sends, the text and then its images
in reply; the text is recorded in between, so a retry after the images fail sends only them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
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
    never_connected,
)

log = logging.getLogger(__name__)

_TOKEN_IN_URL = re.compile(r"/bot[^/\s]+/")


class _RedactBotToken(logging.Filter):
    """The Bot API puts the token in the URL, and urllib3 logs URLs at DEBUG level: rewrite them
    before any handler sees the record, so a verbose log never holds a token."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(
                _TOKEN_IN_URL.sub("/bot<token>/", arg) if isinstance(arg, str) else arg
                for arg in (record.args if isinstance(record.args, tuple) else (record.args,))
            )
        if isinstance(record.msg, str):
            record.msg = _TOKEN_IN_URL.sub("/bot<token>/", record.msg)
        return True


for _name in ("urllib3.connectionpool", "requests"):
    if not any(isinstance(f, _RedactBotToken) for f in logging.getLogger(_name).filters):
        logging.getLogger(_name).addFilter(_RedactBotToken())

API_URL = "https://api.telegram.org"
TIMEOUT = 30.0
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
ALBUM_LIMIT = 10
# Marks a recorded part whose long text went out but whose images did not (yet).
IMAGES_PENDING = "images_pending"


class TelegramPublisher:
    """Posts to one channel or group as a bot. ``account.settings['chat_id']`` names the chat."""

    network = "telegram"
    idempotent = False

    def __init__(self, account: Credentials, timeout: float = TIMEOUT) -> None:
        import requests

        self._account = account
        self._base = (account.server_url or API_URL).rstrip("/")
        self._chat_id = str(account.settings.get("chat_id") or account.handle or "")
        self._timeout = timeout
        self._session = requests.Session()

    # ---- calls -------------------------------------------------------------------------------

    @property
    def chat_id(self) -> str:
        """The channel or group posted to (its numeric id, or its @username)."""
        return self._chat_id

    def call(self, method: str, data: dict[str, Any], files: dict[str, Any] | None = None) -> Any:
        """One Bot API call; a failure is raised (as :class:`OutcomeError`) with the :data:`Outcome`
        it means. Public: ``studio.analytics.readers`` counts subscribers through it."""
        import requests

        url = f"{self._base}/bot{self._account.secret}/{method}"
        try:
            response = self._session.post(url, data=data, files=files, timeout=self._timeout)
        except (requests.exceptions.ConnectTimeout, requests.exceptions.InvalidURL) as error:
            raise OutcomeError(RetryLater(f"Could not reach Telegram ({_reason(error)}).", offline=True)) from None
        except requests.exceptions.ConnectionError as error:
            if never_connected(error):
                raise OutcomeError(RetryLater(
                    "Could not reach Telegram (the connection was refused, or its name did not resolve).", offline=True,
                )) from None
            raise OutcomeError(Uncertain(
                "The connection to Telegram broke after the message was sent; it may or may not be in the channel. "
                "Check the channel, then mark the post as published or retry it."
            )) from None
        except requests.exceptions.Timeout:
            raise OutcomeError(Uncertain(
                "Telegram did not answer in time after the message was sent; it may or may not be in the channel. "
                "Check the channel, then mark the post as published or retry it."
            )) from None
        try:
            payload = response.json()
        except ValueError:
            payload = {"ok": False, "error_code": response.status_code, "description": response.text[:200]}
        if payload.get("ok"):
            return payload["result"]
        raise OutcomeError(self._api_error(payload, response.status_code))

    def _api_error(self, payload: dict[str, Any], status: int) -> Outcome:
        code = int(payload.get("error_code") or status)
        description = str(payload.get("description") or "")
        if code == 429:
            retry = (payload.get("parameters") or {}).get("retry_after")
            return RetryLater(f"Telegram asks to slow down: {description}.", float(retry) if retry is not None else None)
        if code >= 500:
            # Telegram answered with an error, so it did not post this message.
            return RetryLater(f"Telegram had a problem (HTTP {code}: {description}).")
        if code == 401 or (code == 404 and "not found" in description.lower() and "chat" not in description.lower()):
            return Permanent(f"Telegram refused the bot token ({description}). Reconnect the account with a valid token.", True)
        if code == 403:
            return Permanent(f"Telegram refused to post ({description}). Add the bot to the channel as an admin who may post.", True)
        if "chat not found" in description.lower():
            return Permanent("Telegram does not know this chat. Check the chat id (like @channelname or -100…).")
        if "too long" in description.lower():
            return Permanent(f"Telegram rejected the text as too long ({description}). Shorten the text.")
        return Permanent(f"Telegram rejected the post: {description or f'HTTP {code}'}. Edit the post and schedule it again.")

    # ---- protocol ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        try:
            me = self.call("getMe", {})
            chat = self.call("getChat", {"chat_id": self._chat_id})
        except OutcomeError as stop:
            message = getattr(stop.outcome, "message", "Telegram refused the request.")
            raise ConnectionProblem(message) from None
        name = chat.get("title") or chat.get("username") or self._chat_id
        return AccountInfo(
            handle=f"@{chat['username']}" if chat.get("username") else str(chat.get("id")),
            display_name=f"{name} (as @{me.get('username')})",
            limits={"max_characters": TEXT_LIMIT, "caption_limit": CAPTION_LIMIT, "max_media_attachments": ALBUM_LIMIT},
            remote_id=str(chat.get("id")),
        )

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        sent = list(post.already_sent)
        try:
            if sent and sent[-1].extra.get(IMAGES_PENDING):
                # An earlier attempt sent this part's long text, not its images: send only those
                # (unless the post has lost them since).
                last = sent[-1]
                if len(sent) <= len(post.parts) and post.parts[len(sent) - 1].media:
                    self._send_images(post.parts[len(sent) - 1], "", last.remote_id, text_sent=True)
                sent[-1] = Sent(last.remote_id, last.remote_url)
                on_part(len(sent) - 1, sent[-1])  # the whole part is out now
            for index in range(len(sent), len(post.parts)):
                reply_to = sent[-1].remote_id if sent else None
                done = self._send_part(index, post.parts[index], reply_to, on_part)
                on_part(index, done)
                sent.append(done)
        except OutcomeError as stop:
            return stop.outcome
        return Published(sent[0].remote_id, sent[0].remote_url, tuple(sent))

    # ---- steps -------------------------------------------------------------------------------

    def _base_data(self, reply_to: str | None) -> dict[str, Any]:
        data: dict[str, Any] = {"chat_id": self._chat_id}
        if reply_to:
            data["reply_parameters"] = json.dumps({"message_id": int(reply_to)})
        return data

    def _sent(self, message: dict[str, Any]) -> Sent:
        return Sent(str(message["message_id"]), self._url(message))

    def _send_part(self, index: int, part: Part, reply_to: str | None, on_part: PartCallback) -> Sent:
        if not part.media:
            return self._sent(self.call("sendMessage", {**self._base_data(reply_to), "text": part.text}))
        if len(part.text) <= CAPTION_LIMIT:
            return self._sent(self._send_images(part, part.text, reply_to))
        # Too long for a caption: the text goes first and the images answer it. The text is
        # recorded before the images go, so a retry after they fail sends the images only.
        text = self._sent(self.call("sendMessage", {**self._base_data(reply_to), "text": part.text}))
        on_part(index, Sent(text.remote_id, text.remote_url, {IMAGES_PENDING: "1"}))
        self._send_images(part, "", text.remote_id, text_sent=True)
        return text

    def _send_images(self, part: Part, caption: str, reply_to: str | None, *, text_sent: bool = False) -> dict[str, Any]:
        """Send ``part``'s images (one photo, or an album) with ``caption``; the first message."""
        try:
            with contextlib.ExitStack() as opened:
                try:
                    handles = [opened.enter_context(open(media.path, "rb")) for media in part.media]
                except OSError as error:
                    raise OutcomeError(Permanent(f"An image cannot be read ({error}). Export the image again.")) from None
                if len(handles) == 1:
                    data = {**self._base_data(reply_to), "caption": caption} if caption else self._base_data(reply_to)
                    return dict(self.call("sendPhoto", data, {"photo": handles[0]}))
                media = [{"type": "photo", "media": f"attach://photo{i}"} for i in range(len(handles))]
                if caption:
                    media[0]["caption"] = caption
                files = {f"photo{i}": handle for i, handle in enumerate(handles)}
                messages = self.call("sendMediaGroup", {**self._base_data(reply_to), "media": json.dumps(media)}, files)
                return dict(messages[0])
        except OutcomeError as stop:
            if not text_sent:
                raise
            # Say that the text is out, so nobody posts it again by hand; Studio's own retry sends
            # only the images.
            outcome = stop.outcome
            said = f"The text is in the channel; its images are not: {getattr(outcome, 'message', '')}"
            if isinstance(outcome, RetryLater):
                raise OutcomeError(RetryLater(said, outcome.retry_after, outcome.offline)) from None
            if isinstance(outcome, Permanent):
                raise OutcomeError(Permanent(said + " Retry sends the images only.", outcome.reconnect)) from None
            if isinstance(outcome, Uncertain):
                raise OutcomeError(Uncertain(
                    "The text is in the channel; its images may or may not be (the connection broke "
                    "while they were sent). Check the channel: mark the post as published if they "
                    "are there; Retry sends the images only."
                )) from None
            raise

    def _url(self, message: dict[str, Any]) -> str:
        chat = message.get("chat") or {}
        if chat.get("username"):
            return f"https://t.me/{chat['username']}/{message['message_id']}"
        chat_id = str(chat.get("id") or self._chat_id)
        if chat_id.startswith("-100"):
            return f"https://t.me/c/{chat_id[4:]}/{message['message_id']}"
        return ""


def _reason(error: Exception) -> str:
    return "no answer when connecting" if "timed out" in str(error).lower() else "the address is not valid"
