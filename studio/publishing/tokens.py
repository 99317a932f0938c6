"""Long-lived tokens: their expiry is stored, the refreshable ones are refreshed, the others warned of.

Instagram and Threads long-lived tokens last 60 days and can be swapped for a new one while they
are valid (and at least a day old); Studio does that once fewer than :data:`REFRESH_WITHIN` remain.
A LinkedIn token (60 days; refresh tokens are for LinkedIn partners only) and a
token whose refresh failed are warned of :data:`WARN_WITHIN` ahead: the status bar, the tray and
the Publishing page show :func:`warnings`. The expiry lives in the account's settings
(``token_expires_at``, UTC text); the token itself only in the keyring.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from studio.library.times import parse_iso

log = logging.getLogger(__name__)

REFRESHABLE = frozenset({"instagram", "threads"})
REFRESH_WITHIN = timedelta(days=30)
WARN_WITHIN = timedelta(days=7)


@dataclass(frozen=True)
class TokenWarning:
    account_id: int
    network: str
    handle: str
    expires_at: datetime
    message: str


def expires_at(settings: Any) -> datetime | None:
    text = settings.get("token_expires_at") if settings else None
    if not text:
        return None
    try:
        return parse_iso(str(text))
    except ValueError:
        return None


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def refresh_due(library: Any, runner: Any, now: datetime | None = None) -> list[str]:
    """Refresh every refreshable token with less than :data:`REFRESH_WITHIN` left; returns what was
    done, in words. A failed refresh is logged and left to :func:`warnings`."""
    from studio import secrets

    moment = now or datetime.now(UTC)
    done: list[str] = []
    for account in library.list_accounts():
        expiry = expires_at(account.settings)
        if account.archived or account.network not in REFRESHABLE or expiry is None or not account.secret_ref:
            continue
        if expiry - moment > REFRESH_WITHIN or expiry <= moment:
            continue
        try:
            token, new_expiry = runner.publisher_for_row(account).refresh_token()
        except Exception as error:
            log.warning("Could not refresh the %s token of %s: %s", account.network, account.handle,
                        getattr(error, "message", error))
            continue
        secrets.store(account.secret_ref, token)
        settings = {**account.settings, "token_expires_at": stamp(new_expiry), "needs_reconnect": False}
        library.update_account(replace(account, settings=settings))
        runner.forget_publisher(account.id)  # the next call uses the new token
        done.append(f"Refreshed the {account.network} token of {account.handle} (valid until {stamp(new_expiry)}).")
    return done


def warnings(library: Any, now: datetime | None = None) -> list[TokenWarning]:
    """Accounts whose token expires within :data:`WARN_WITHIN` (or has expired)."""
    moment = now or datetime.now(UTC)
    found: list[TokenWarning] = []
    for account in library.list_accounts():
        expiry = expires_at(account.settings)
        if account.archived or expiry is None or expiry - moment > WARN_WITHIN:
            continue
        name = {"linkedin": "LinkedIn", "instagram": "Instagram", "threads": "Threads",
                "facebook": "Facebook"}.get(account.network, account.network)
        if expiry <= moment:
            message = f"The {name} token of {account.handle} has expired. Reconnect the account."
        else:
            days = max(1, round((expiry - moment).total_seconds() / 86400))
            message = (f"The {name} token of {account.handle} expires in {days} day{'s' if days != 1 else ''} "
                       f"({expiry.strftime('%d %b %Y')}). Reconnect the account with a new token before then.")
        found.append(TokenWarning(account.id, account.network, account.handle, expiry, message))
    return found
