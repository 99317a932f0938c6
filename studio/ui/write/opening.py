"""What the Write page reads to show a draft, on a worker thread, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from studio.analytics.links import LinkSettings, link_settings
from studio.drafting import start_draft
from studio.model import Account, Client, Draft, Schedule
from studio.text import server_limits
from studio.text.dictionary import own_words

if TYPE_CHECKING:
    from studio.library import Library
    from studio.settings import Settings

LAST_DRAFT = "write.last_draft"  # "<draft id>@<library folder>": the draft open when Studio quit
SENT_STATES = ("published", "sending", "uncertain")  # the network has the post, or may have it


@dataclass
class Opened:
    """What the Write page loaded for a draft."""

    draft: Draft
    client: Client
    handles: dict[str, str] = field(default_factory=dict)  # network -> @handle of the client's account
    limits: dict[str, int] = field(default_factory=dict)  # network -> server limit (Mastodon)
    images: tuple[Path, ...] = ()
    accounts: tuple[Account, ...] = ()  # the client's connected accounts (the Write page's channels)
    sent: tuple[Schedule, ...] = ()  # the schedules whose post went out (see SENT_STATES)
    links: LinkSettings = field(default_factory=LinkSettings)  # UTM parameters on the links that leave


def load_draft(library: Library, draft_id: int) -> Opened:
    """Everything the Write page shows of ``draft_id`` (runs on a worker thread)."""
    draft = library.get_draft(draft_id)
    client = library.get_client(draft.client_id)
    accounts = library.list_accounts(client.id)
    handles: dict[str, str] = {}
    for account in accounts:
        handles.setdefault(account.network, account.handle)
    images = tuple(library.asset_path(asset.sha) for asset in draft.assets)
    # The client's own words are never spelling mistakes, even for a client stored before the
    # library put them in its dictionary (the editor's dictionary is built from this client).
    own = own_words(client.name, [(account.network, account.handle) for account in accounts], client.brand_rules)
    client = replace(client, dictionary=tuple(dict.fromkeys((*client.dictionary, *own))))
    return Opened(draft, client, handles, server_limits(accounts), images, tuple(accounts),
                  sent_schedules(library, draft_id), link_settings(library, client.id))


def sent_schedules(library: Library, draft_id: int) -> tuple[Schedule, ...]:
    """The draft's schedules whose post went out (or may have: sending, uncertain)."""
    return tuple(s for s in library.schedules_of(draft_id) if s.state in SENT_STATES)


def load_status(library: Library, draft_id: int) -> tuple[Draft, tuple[Schedule, ...]]:
    """The draft as stored and its sent schedules (runs on a worker thread)."""
    return library.get_draft(draft_id), sent_schedules(library, draft_id)


def start_and_load(library: Library, client_id: int | None) -> Opened:
    """A new draft by the one "New draft" policy (:func:`studio.drafting.start_draft`), loaded."""
    return load_draft(library, start_draft(library, client_id).id)


def remember(settings: Settings, library_dir: Path, draft_id: int) -> None:
    """``draft_id`` is the draft open in ``library_dir``: reopened on the next start."""
    settings.set(LAST_DRAFT, f"{draft_id}@{library_dir}")


def remembered(settings: Settings, library_dir: Path) -> int | None:
    """The draft open in ``library_dir`` when Studio last quit (``None``: none, or another library)."""
    number, _, folder = str(settings.get(LAST_DRAFT)).partition("@")
    return int(number) if number.isdigit() and folder == str(library_dir) else None
