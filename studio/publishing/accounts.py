"""Connecting accounts: the core calls behind ``studio accounts`` and the "Connect account" dialog.

The secret goes to the keyring (:mod:`studio.secrets`) and the library keeps only the entry's name.
If saving the account fails, the secret is removed again, so no orphan is left in the keyring.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from studio import secrets
from studio.errors import UsageError
from studio.publishing.base import AccountInfo, Credentials, session_ref

if TYPE_CHECKING:
    from studio.library import Library
    from studio.model import Account

NEEDS = {
    "mastodon": ("server_url",),
    "bluesky": ("handle",),
    "telegram": ("chat_id",),
    "webhook": ("server_url",),
    "folder": ("server_url",),
    "instagram": (),
    "threads": (),
    "facebook": (),
    "linkedin": (),
    "postiz": ("server_url",),
}
SECRET_NAMES = {"mastodon": "access token", "bluesky": "app password", "telegram": "bot token",
                "webhook": "shared secret", "folder": "", "instagram": "access token", "threads": "access token",
                "facebook": "Page access token", "linkedin": "access token", "postiz": "API key"}
AVATAR_LIMIT = 2_000_000


def check_fields(network: str, server_url: str, handle: str, secret: str, settings: Mapping[str, Any]) -> None:
    """A :class:`UsageError` naming the first missing field, in the user's words."""
    examples = {
        ("mastodon", "server_url"): ("A Mastodon account needs its server's address.", "For example https://mastodon.social."),
        ("bluesky", "handle"): ("A Bluesky account needs its handle.", "For example studio.bsky.social."),
        ("telegram", "chat_id"): ("A Telegram account needs the channel's chat id.", "For example @mychannel."),
        ("webhook", "server_url"): ("A webhook needs its URL.", "Paste the URL your automation gave you."),
        ("folder", "server_url"): ("A folder account needs a folder.", "Choose where the packages go."),
        ("postiz", "server_url"): ("A Postiz account needs its server's address.",
                                   "For example https://postiz.example.org/api (the backend's address)."),
    }
    values = {"server_url": server_url, "handle": handle, "chat_id": str(settings.get("chat_id") or "")}
    for field_name in NEEDS.get(network, ()):
        if not values[field_name].strip():
            message, hint = examples[(network, field_name)]
            raise UsageError(message, hint)
    if SECRET_NAMES.get(network) and not secret:
        raise UsageError(f"The {SECRET_NAMES[network]} is missing.", "Paste it from the network's settings.")


def test_connection(account: Credentials, media_keys: tuple[str, str] | None = None) -> AccountInfo:
    """Check the credentials with the network (and the media host with its keys, when the account
    has one); :class:`~studio.publishing.base.ConnectionProblem` says what is wrong (wrong URL, bad
    token, no network)."""
    from studio.publishing import mediahost
    from studio.publishing.publishers import make_publisher

    check_fields(account.network, account.server_url, account.handle, account.secret, account.settings)
    if mediahost.configured(account.settings):
        if not media_keys or not all(media_keys):
            raise UsageError("The media host needs its access key id and secret access key.",
                             "Create a key pair that may write to the bucket (see the README).")
        mediahost.MediaHost(account.settings["media_host"], *media_keys).verify()
        account = replace(account, settings={key: value for key, value in account.settings.items()
                                             if key != "media_host"})  # verify() needs no keyring look-up
    return make_publisher(account).verify()


def settings_from(info: AccountInfo, settings: Mapping[str, Any]) -> dict[str, Any]:
    """The account's settings with the server's limits and avatar from a connection test."""
    merged = dict(settings)
    merged.update({key: value for key, value in info.limits.items() if isinstance(value, int | str)})
    if info.avatar_url:
        merged["avatar_url"] = info.avatar_url
    merged["needs_reconnect"] = False
    return merged


def connect(
    library: Library,
    client_id: int,
    account: Credentials,
    info: AccountInfo | None = None,
    slots: Iterable[Mapping[str, Any]] = (),
    media_keys: tuple[str, str] | None = None,
) -> Any:
    """Store the secret in the keyring and the account in the library; returns the library's Account.
    ``media_keys`` (access key id, secret access key) of the account's media host go to the keyring too."""
    from studio.publishing import mediahost

    check_fields(account.network, account.server_url, account.handle, account.secret, account.settings)
    settings = settings_from(info, account.settings) if info else dict(account.settings)
    handle = (info.handle if info and info.handle else account.handle) or account.server_url or account.network
    ref = secrets.new_ref(account.network) if account.secret else ""
    if ref:
        secrets.store(ref, account.secret)
        if media_keys and mediahost.configured(settings):
            mediahost.store_keys(ref, *media_keys)
    try:
        return library.add_account(
            client_id, account.network, handle, info.display_name if info else "", account.server_url, ref,
            [dict(slot) for slot in slots], settings,
        )
    except BaseException:
        if ref:
            secrets.delete(ref)
            secrets.delete(mediahost.secret_ref(ref))
        raise


def reconnect(library: Library, account_id: int, secret: str, info: AccountInfo | None = None) -> Account:
    """Replace an account's secret (a new token after a revoked one) and clear its "reconnect" flag."""
    current = library.get_account(account_id)
    ref = current.secret_ref or secrets.new_ref(current.network)
    if secret:
        secrets.store(ref, secret)
        secrets.delete(session_ref(ref))  # a session made with the old secret
    settings = settings_from(info, current.settings) if info else {**current.settings, "needs_reconnect": False}
    return library.update_account(replace(current, secret_ref=ref, settings=settings))


def remove(library: Library, account_id: int) -> Account:
    """Remove the account (archived when posts were scheduled on it) and its keyring secret."""
    current = library.get_account(account_id)
    library.remove_account(account_id)
    if current.secret_ref:
        from studio.publishing import mediahost

        secrets.delete(current.secret_ref)
        secrets.delete(session_ref(current.secret_ref))
        secrets.delete(mediahost.secret_ref(current.secret_ref))
    return current


def credentials_for(row: Account) -> Credentials:
    """A publisher's :class:`Credentials` for a library account, with its secret from the keyring."""
    secret = secrets.load(row.secret_ref) if row.secret_ref else ""
    return Credentials(row.network, row.server_url, row.handle, secret, dict(row.settings), row.secret_ref)


def fetch_avatar(url: str, timeout: float = 10.0) -> bytes | None:
    """The avatar's bytes for the dialog (at most 2 MB), or ``None`` when it cannot be fetched."""
    if not url.startswith(("http://", "https://")):
        return None
    import requests

    try:
        with requests.get(url, timeout=timeout, stream=True) as response:
            if not response.ok:
                return None
            data = b""
            for chunk in response.iter_content(65536):
                data += chunk
                if len(data) > AVATAR_LIMIT:
                    return None
            return data
    except requests.exceptions.RequestException:
        return None
