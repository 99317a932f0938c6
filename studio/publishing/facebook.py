"""Facebook Pages with a Page access token from the user's own Meta app: text, link, photos.

- Text (and a link: the first address in the text becomes the post's ``link``, so Facebook shows
  its preview): ``POST /<page>/feed``.
- One photo: ``POST /<page>/photos`` with the file (uploaded directly, no media host) and the text.
- Several photos: each uploaded unpublished (``published=false``), then one ``/feed`` post with
  ``attached_media``.

No idempotency key exists. Unpublished photo uploads are invisible, so losing one is safe to
retry; a lost answer to the call that publishes becomes :class:`Uncertain` (check the Page), and so
does a runner killed in the middle (the queue lists Facebook as not idempotent). A Page token made
from a long-lived user token does not expire.

Sources: https://developers.facebook.com/docs/pages-api/posts ,
https://developers.facebook.com/docs/graph-api/reference/page/photos/ ,
https://developers.facebook.com/docs/graph-api/reference/page/feed/ (attached_media) ,
https://developers.facebook.com/docs/graph-api/guides/error-handling/
"""

from __future__ import annotations

import contextlib
import json
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
    Sent,
)
from studio.publishing.meta import Graph, GraphError

HOST = "https://graph.facebook.com/v23.0"
URL = re.compile(r"https?://\S+")


class FacebookPublisher:
    network = "facebook"
    idempotent = False

    def __init__(self, account: Credentials) -> None:
        self._account = account
        self._graph = Graph(account.server_url or HOST, account.secret, "facebook")
        self._page = str(account.settings.get("page_id") or "me")

    def verify(self) -> AccountInfo:
        try:
            page = self._graph.get(self._page, fields="id,name,link,picture{url}")
        except (GraphError, OutcomeError) as error:
            raise ConnectionProblem(getattr(error.outcome, "message", str(error))) from None
        picture = ((page.get("picture") or {}).get("data") or {}).get("url") or ""
        return AccountInfo(handle=str(page.get("name") or page.get("id")), display_name=str(page.get("name") or ""),
                           avatar_url=str(picture),
                           limits={"page_id": str(page["id"]), "max_media_attachments": 10}, remote_id=str(page["id"]))

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        if post.already_sent:
            done = post.already_sent[0]
            return Published(done.remote_id, done.remote_url, (done,))
        try:
            sent = self._send(post.parts[0])
        except GraphError as error:
            return error.outcome
        except OutcomeError as stop:
            return stop.outcome
        on_part(0, sent)
        return Published(sent.remote_id, sent.remote_url, (sent,))

    def _send(self, part: Part) -> Sent:
        page = self._page
        if not part.media:
            data: dict[str, Any] = {"message": part.text}
            link = URL.search(part.text)
            if link:
                data["link"] = link.group(0).rstrip(").,;!?")
            answer = self._graph.post(f"{page}/feed", data, sent_means="uncertain")
            return self._sent(str(answer["id"]))
        with contextlib.ExitStack() as opened:
            try:
                handles = [opened.enter_context(open(media.path, "rb")) for media in part.media]
            except OSError as error:
                raise OutcomeError(Permanent(f"An image cannot be read ({error}). Export it again.")) from None
            if len(handles) == 1:
                media = part.media[0]
                fields = {"message": part.text, "published": "true"}
                if media.alt:
                    fields["alt_text_custom"] = media.alt
                answer = self._graph.post(f"{page}/photos", fields, sent_means="uncertain",
                                          files={"source": (media.path.name, handles[0], media.mime)})
                return self._sent(str(answer.get("post_id") or answer["id"]))
            photo_ids = []
            for media, handle in zip(part.media, handles, strict=True):
                fields = {"published": "false"}
                if media.alt:
                    fields["alt_text_custom"] = media.alt
                answer = self._graph.post(f"{page}/photos", fields, files={"source": (media.path.name, handle, media.mime)})
                photo_ids.append(str(answer["id"]))
        data = {"message": part.text}
        for index, photo_id in enumerate(photo_ids):
            data[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        answer = self._graph.post(f"{page}/feed", data, sent_means="uncertain")
        return self._sent(str(answer["id"]))

    @staticmethod
    def _sent(post_id: str) -> Sent:
        return Sent(post_id, f"https://www.facebook.com/{post_id}")
