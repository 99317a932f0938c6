"""Scheduling with pre-flight: a draft to one or more accounts at one instant, or "add to queue".

The checks that run again just before sending run here first, when the user schedules, so a post
that would be refused (too long for the server, an image too large, alt text missing, an account
that needs reconnecting) is caught while the user is still looking at it. ``force=True`` schedules
anyway (the same checks run at send time and fail the post with the same advice).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from studio.errors import StudioError
from studio.publishing.preflight import Problem, check

if TYPE_CHECKING:
    from studio.library import Library
    from studio.model import Draft, Schedule


class PreflightFailed(StudioError):
    """Scheduling stopped: ``problems`` maps each account id to what is wrong for it."""

    def __init__(self, problems: dict[int, list[Problem]], handles: dict[int, str]) -> None:
        lines: list[str] = []
        for account_id, found in problems.items():
            lines.extend(f"{handles.get(account_id, account_id)}: {problem.message}" for problem in found)
        super().__init__("The post is not ready for every account. " + " ".join(lines),
                         "Fix it, or schedule anyway: the same check runs again before sending.")
        self.problems = problems


def accounts_for(library: Library, draft: Draft) -> list[int]:
    """The client's accounts the draft is for: those whose network version (a webhook's or folder's
    chosen variant, else the account's network) is one of the draft's networks."""
    from studio.publishing.renditions import target_of

    wanted = set(draft.networks)
    return [account.id for account in library.list_accounts(draft.client_id)
            if target_of(account.network, account.settings) in wanted or account.network in wanted]


def check_draft(library: Library, draft_id: int, account_id: int) -> list[Problem]:
    """What would stop the draft from going out on the account, as it is now."""
    from studio import secrets
    from studio.publishing.runner import Runner

    account = library.get_account(account_id)
    parts = Runner(library).render(draft_id, account)
    secret_ok = True
    if account.secret_ref:
        try:
            secrets.load(account.secret_ref)
        except secrets.SecretMissing:
            secret_ok = False
    elif account.network != "folder":
        secret_ok = False
    return check(parts, account.network, account.settings, secret_ok)


def _checked(library: Library, draft_id: int, account_ids: list[int], force: bool) -> None:
    if force:
        return
    problems = {account_id: found for account_id in account_ids if (found := check_draft(library, draft_id, account_id))}
    if problems:
        handles = {account_id: library.get_account(account_id).handle for account_id in problems}
        raise PreflightFailed(problems, handles)


def schedule(library: Library, draft_id: int, account_ids: Iterable[int], when: datetime, *, force: bool = False) -> list[Schedule]:
    """Schedule the draft on every account at ``when`` (aware; stored in UTC), all or none."""
    ids = list(dict.fromkeys(account_ids))
    if not ids:
        raise StudioError("Choose at least one account to post with.")
    _checked(library, draft_id, ids, force)
    with library.transaction():
        return [library.schedule(draft_id, account_id, when) for account_id in ids]


def add_to_queue(library: Library, draft_id: int, account_ids: Iterable[int], *, after: datetime | None = None,
                 zone: tzinfo | None = None, force: bool = False) -> list[Schedule]:
    """Give the draft each account's next free posting slot, all or none."""
    from studio.publishing import slots

    ids = list(dict.fromkeys(account_ids))
    if not ids:
        raise StudioError("Choose at least one account to post with.")
    _checked(library, draft_id, ids, force)
    with library.transaction():
        return [slots.add_to_queue(library, draft_id, account_id, after, zone) for account_id in ids]
