"""The publisher for each network Studio posts to (:data:`studio.model.NETWORKS`).

Its own module, below both users: the runner calls it for every due post, and connecting an
account (:mod:`studio.publishing.accounts`) calls it to test the credentials. Each network's module
is imported only when an account of that network is used.
"""

from __future__ import annotations

from studio.publishing.base import Credentials, Publisher


def make_publisher(account: Credentials) -> Publisher:
    """The publisher for ``account.network``."""
    if account.network == "mastodon":
        from studio.publishing.mastodon import MastodonPublisher

        return MastodonPublisher(account)
    if account.network == "bluesky":
        from studio.publishing.bluesky import BlueskyPublisher

        return BlueskyPublisher(account)
    if account.network == "telegram":
        from studio.publishing.telegram import TelegramPublisher

        return TelegramPublisher(account)
    if account.network == "webhook":
        from studio.publishing.webhook import WebhookPublisher

        return WebhookPublisher(account)
    if account.network == "folder":
        from studio.publishing.folder import FolderPublisher

        return FolderPublisher(account)
    raise ValueError(f"no publisher for {account.network!r}")
