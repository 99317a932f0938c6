"""Bluesky through the ``atproto`` SDK (handle + app password, against the account's PDS).

Exactly once: every post is written with ``com.atproto.repo.putRecord`` under a record key (a TID)
that the queue generated and stored before the first attempt, and with a ``createdAt`` taken from
that same TID. A retry after a timeout or a crash writes the same record at the same key: the post
exists once, whatever happened to the previous call. In a thread, part ``n`` uses the TID of the
post's key plus ``n`` microseconds, and replies to the part before it (``reply.parent``) and to the
first part (``reply.root``).

Facets (links, mentions, hashtags) are found by :mod:`studio.text.entities` in code points and
converted to UTF-8 byte offsets here, where the protocol needs them.
"""

from __future__ import annotations

import io
import logging
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
    http_outcome,
    image_size,
    parse_retry_after,
    session_ref,
)
from studio.publishing.record_keys import parse_tid, part_tid

log = logging.getLogger(__name__)

DEFAULT_PDS = "https://bsky.social"
POST_COLLECTION = "app.bsky.feed.post"
MAX_GRAPHEMES = 300
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 1_000_000

# ---- record keys (TIDs: studio.publishing.record_keys) ---------------------------------------------


def created_at(tid: str) -> str:
    """The record's ``createdAt``, derived from its key so a repeated write is byte-identical."""
    micros, _ = parse_tid(tid)
    moment = datetime.fromtimestamp(micros // 1_000_000, UTC).replace(microsecond=micros % 1_000_000)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


# ---- facets ---------------------------------------------------------------------------------------


def facets(text: str, resolve_handle: Any = None) -> list[dict[str, Any]]:
    """Rich-text facets for ``text`` as plain dicts: links, hashtags, and mentions whose handle
    ``resolve_handle(handle) -> did | None`` resolves (others stay plain text)."""
    from studio.text.entities import entities
    from studio.text.positions import cp_to_utf8

    result: list[dict[str, Any]] = []
    for entity in entities(text):
        feature: dict[str, Any] | None = None
        if entity.kind == "url":
            uri = entity.text if "://" in entity.text else f"https://{entity.text}"
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": uri}
        elif entity.kind == "hashtag":
            tag = entity.text[1:]
            if 0 < len(tag) <= 64:
                feature = {"$type": "app.bsky.richtext.facet#tag", "tag": tag}
        elif entity.kind == "mention":
            handle = entity.text[1:]
            if "@" not in handle and "." in handle and resolve_handle is not None:
                did = resolve_handle(handle.lower())
                if did:
                    feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
        if feature is not None:
            result.append({
                "index": {"byteStart": cp_to_utf8(text, entity.start), "byteEnd": cp_to_utf8(text, entity.end)},
                "features": [feature],
            })
    return result


# ---- the publisher --------------------------------------------------------------------------------


class BlueskyPublisher:
    """Posts to one Bluesky account on its PDS (``account.server_url``, default bsky.social)."""

    network = "bluesky"
    idempotent = True

    def __init__(self, account: Credentials, timeout: float = 30.0) -> None:
        from atproto import Client
        from atproto_client.request import Request

        self._account = account
        self._url = (account.server_url or DEFAULT_PDS).rstrip("/")
        self._timeout = timeout
        self._client = Client(base_url=self._url, request=Request(timeout=timeout))
        self._client.on_session_change(self._session_changed)
        self._did = ""
        self._handles: dict[str, str | None] = {}

    # ---- errors ------------------------------------------------------------------------------

    def outcome(self, error: Exception) -> Outcome:
        """What a failed request means, as the typed outcome publishing and measuring both act on
        (``studio.analytics.readers`` reads counters through this publisher's session)."""
        from atproto_client import exceptions

        if isinstance(error, exceptions.RequestErrorBase) and error.response is not None:
            status = int(error.response.status_code)
            content = error.response.content
            name = str(getattr(content, "error", "") or "")
            message = str(getattr(content, "message", "") or name)
            retry_after = parse_retry_after((error.response.headers or {}).get("retry-after"))
            if status == 429 and retry_after is None:
                reset = (error.response.headers or {}).get("ratelimit-reset")
                retry_after = max(0.0, float(reset) - time.time()) if reset and reset.isdigit() else None
            if status in (401, 403) or name in ("AuthenticationRequired", "ExpiredToken", "InvalidToken", "AccountTakedown"):
                return Permanent(f"Bluesky refused the app password ({message}). Reconnect the account.", True)
            if status == 400 and name == "InvalidRecord":
                return Permanent(f"Bluesky rejected the post: {message}. Edit the post and schedule it again.")
            if status == 413 or name == "BlobTooLarge":
                return Permanent("Bluesky says an image is too large (1 MB at most). Export a smaller rendition.")
            return http_outcome(status, message, retry_after)
        if isinstance(error, exceptions.NetworkError | exceptions.InvokeTimeoutError):
            cause = type(error.__cause__ or error).__name__
            return RetryLater(f"Could not reach {self._url} ({cause}).", offline=cause == "ConnectError")
        if isinstance(error, exceptions.AtProtocolError):
            return RetryLater(f"Bluesky: {type(error).__name__}.")
        raise error

    def session(self) -> tuple[Any, str]:
        """The signed-in atproto client and the account's DID (logged in once, a saved session
        reused); a failure is raised as :class:`OutcomeError` with its outcome."""
        try:
            self._login()
        except OutcomeError:
            raise
        except Exception as error:
            raise OutcomeError(self.outcome(error)) from None
        return self._client, self._did

    def _login(self) -> None:
        """Log in once per publisher: with the session kept in the keyring when it still works
        (``createSession`` is rate-limited per account on bsky.social), else with the app password."""
        if self._did:
            return
        if self._saved_session():
            return
        self._client.login(self._account.handle, self._account.secret, fetch_bsky_profile=False)
        session = self._client._session  # the SDK's own record of the session it just made
        self._did = str(session.did) if session is not None else ""
        if not self._did:
            raise OutcomeError(RetryLater("Bluesky accepted the login but sent no account id."))

    def _session_ref(self) -> str:
        return session_ref(self._account.secret_ref) if self._account.secret_ref else ""

    def _saved_session(self) -> bool:
        from atproto import Client
        from atproto_client.request import Request

        from studio import secrets

        ref = self._session_ref()
        if not ref:
            return False
        try:
            saved = secrets.load(ref)
        except secrets.SecretError:
            return False
        try:
            self._client.login(session_string=saved, fetch_bsky_profile=False)
            current = self._client.com.atproto.server.get_session()
            if str(current.handle).lower() != self._account.handle.lower().lstrip("@"):
                raise ValueError("the saved session belongs to another handle")
            self._did = str(current.did)
            return True
        except Exception:
            # Expired, revoked or someone else's: forget it and log in with the app password.
            log.info("The saved Bluesky session cannot be used; logging in again")
            self._client = Client(base_url=self._url, request=Request(timeout=self._timeout))
            self._client.on_session_change(self._session_changed)
            return False

    def _session_changed(self, event: Any, session: Any) -> None:
        """A new or refreshed session: keep it in the keyring (never anywhere else)."""
        from atproto_client.client.session import SessionEvent

        from studio import secrets

        ref = self._session_ref()
        if not ref or event == SessionEvent.IMPORT:
            return
        try:
            secrets.store(ref, self._client.export_session_string())
        except secrets.SecretError as error:
            log.warning("Could not keep the Bluesky session in the keyring: %s", error.message)

    def _resolve(self, handle: str) -> str | None:
        if handle not in self._handles:
            try:
                answer = self._client.com.atproto.identity.resolve_handle({"handle": handle})
                self._handles[handle] = str(answer.did)
            except Exception:  # an unknown handle stays plain text, as on bsky.app
                self._handles[handle] = None
        return self._handles[handle]

    # ---- protocol ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        from atproto_client import exceptions

        try:
            self._login()
        except exceptions.UnauthorizedError:
            raise ConnectionProblem(
                "Bluesky refused this handle and app password.",
                "Check the handle, and create an app password under Settings > Privacy and security.",
            ) from None
        except exceptions.NetworkError:
            raise ConnectionProblem(
                f"Could not reach {self._url}.", "Check the server address and your network connection."
            ) from None
        except exceptions.AtProtocolError as error:
            raise ConnectionProblem(f"Bluesky answered with an error ({type(error).__name__}).") from None
        display_name, avatar_url = "", ""
        try:
            profile = self._client.com.atproto.repo.get_record(
                {"repo": self._did, "collection": "app.bsky.actor.profile", "rkey": "self"}
            )
            value = profile.value
            display_name = str(_field(value, "display_name", "displayName") or "")
            avatar = _field(value, "avatar")
            cid = _blob_cid(avatar)
            if cid:
                avatar_url = f"{self._url}/xrpc/com.atproto.sync.getBlob?did={self._did}&cid={cid}"
        except exceptions.AtProtocolError:
            pass  # no profile record yet: a new account
        return AccountInfo(
            handle=self._account.handle,
            display_name=display_name,
            avatar_url=avatar_url,
            limits={"max_characters": MAX_GRAPHEMES, "max_media_attachments": MAX_IMAGES, "image_size_limit": MAX_IMAGE_BYTES},
            remote_id=self._did,
        )

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        try:
            parse_tid(post.idempotency_key)
        except ValueError:
            return Permanent("The post's record key is damaged. Cancel it and schedule it again.")
        sent = list(post.already_sent)
        try:
            self.session()
            for index in range(len(sent), len(post.parts)):
                part = post.parts[index]
                rkey = part_tid(post.idempotency_key, index)
                record = self._record(part.text, part.media, rkey, sent, post.language)
                response = self._client.com.atproto.repo.put_record(
                    {"repo": self._did, "collection": POST_COLLECTION, "rkey": rkey, "record": record}
                )
                done = Sent(str(response.uri), self._web_url(rkey), {"cid": str(response.cid)})
                on_part(index, done)
                sent.append(done)
        except OutcomeError as stop:
            return stop.outcome
        except Exception as error:
            return self.outcome(error)
        return Published(sent[0].remote_id, sent[0].remote_url, tuple(sent))

    # ---- steps -------------------------------------------------------------------------------

    def _web_url(self, rkey: str) -> str:
        return f"https://bsky.app/profile/{self._did}/post/{rkey}"

    def _record(self, text: str, media: Any, rkey: str, sent: list[Sent], language: str | None) -> dict[str, Any]:
        record: dict[str, Any] = {"$type": POST_COLLECTION, "text": text, "createdAt": created_at(rkey)}
        found = facets(text, self._resolve)
        if found:
            record["facets"] = found
        if language:
            record["langs"] = [language]
        if sent:
            root, parent = sent[0], sent[-1]
            record["reply"] = {
                "root": {"uri": root.remote_id, "cid": root.extra.get("cid", "")},
                "parent": {"uri": parent.remote_id, "cid": parent.extra.get("cid", "")},
            }
        if media:
            images = []
            for item in media:
                try:
                    data = item.path.read_bytes()
                except OSError as error:
                    raise OutcomeError(Permanent(f"The image {item.path} cannot be read ({error.strerror}). Export it again.")) from None
                if len(data) > MAX_IMAGE_BYTES:
                    raise OutcomeError(Permanent(
                        f"The image {item.path.name} is {len(data):,} bytes; Bluesky takes 1,000,000 at most. "
                        "Export a smaller rendition."
                    ))
                blob = self._client.upload_blob(data).blob
                image: dict[str, Any] = {"alt": item.alt or "", "image": blob.model_dump(by_alias=True)}
                size = image_size(io.BytesIO(data))  # the bytes already read: no second read of the file
                if size:
                    image["aspectRatio"] = {"width": size[0], "height": size[1]}
                images.append(image)
            record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
        return record


def _field(value: Any, *names: str) -> Any:
    for name in names:
        if isinstance(value, dict) and name in value:
            return value[name]
        if hasattr(value, name):
            return getattr(value, name)
    return None


def _blob_cid(blob: Any) -> str:
    if blob is None:
        return ""
    ref = _field(blob, "ref")
    link = _field(ref, "link", "$link") if ref is not None else None
    return str(link or _field(blob, "cid") or "")
