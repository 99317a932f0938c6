"""Threads through its own Graph host: text, one image, a carousel, and reply chains for threads.

The same container flow as Instagram (see :mod:`studio.publishing.instagram`): create, wait for
``status`` ``FINISHED``, publish; each later part of a thread is a container with ``reply_to_id``
the previous part's media id, recorded part by part so a retry resumes after the last one out.

Sources: https://developers.facebook.com/docs/threads/posts ,
https://developers.facebook.com/docs/threads/posts/carousel-posts ,
https://developers.facebook.com/docs/threads/reply-management (reply_to_id) ,
https://developers.facebook.com/docs/threads/troubleshooting (container status) ,
https://developers.facebook.com/docs/threads/get-started/long-lived-tokens (th_refresh_token) ,
https://developers.facebook.com/docs/threads/reference/publishing-limit (threads_publishing_limit)
"""

from __future__ import annotations

from typing import Any

from studio.publishing.instagram import ContainerPublisher


class ThreadsPublisher(ContainerPublisher):
    network = "threads"
    host = "https://graph.threads.net/v1.0"
    create_edge = "threads"
    publish_edge = "threads_publish"
    limit_edge = "threads_publishing_limit"
    status_field = "status"
    media_edge = "threads"
    text_field = "text"
    refresh_grant = "th_refresh_token"
    max_items = 20

    def me_fields(self) -> str:
        return "id,username,name,threads_profile_picture_url"

    def caption_key(self) -> str:
        return "text"

    def item_fields(self, url: str, alt: str, carousel_item: bool = False) -> dict[str, Any]:
        fields: dict[str, Any] = {"media_type": "IMAGE", "image_url": url}
        if alt:
            fields["alt_text"] = alt
        if carousel_item:
            fields["is_carousel_item"] = "true"
        return fields

    def text_fields(self, text: str) -> dict[str, Any]:
        return {"media_type": "TEXT", "text": text}
