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
    if account.network in ("instagram", "threads"):
        from studio.publishing.instagram import InstagramPublisher
        from studio.publishing.mediahost import MediaHost
        from studio.publishing.threads import ThreadsPublisher

        host = MediaHost.for_account(account.settings, account.secret_ref)
        kind = InstagramPublisher if account.network == "instagram" else ThreadsPublisher
        return kind(account, host)
    if account.network == "facebook":
        from studio.publishing.facebook import FacebookPublisher

        return FacebookPublisher(account)
    if account.network == "linkedin":
        from studio.publishing.linkedin import LinkedInPublisher

        return LinkedInPublisher(account)
    if account.network == "postiz":
        from studio.publishing.postiz import PostizPublisher

        return PostizPublisher(account)
    raise ValueError(f"no publisher for {account.network!r}")
