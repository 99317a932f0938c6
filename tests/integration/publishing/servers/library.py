"""Helpers that fill a real library with accounts (secrets in the test keyring) and due posts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from studio import secrets
from studio.library import Library


def add_account(library: Library, network: str, server_url: str, handle: str, secret: str,
                settings: dict[str, Any] | None = None, client: str = "Acme") -> int:
    ref = secrets.new_ref(network)
    if secret:
        secrets.store(ref, secret)
    owner = library.client_or_new(client)
    return library.add_account(owner.id, network, handle, "", server_url, ref if secret else "", (), settings or {}).id


def due_post(library: Library, account_id: int, text: str, *, thread: list[str] | None = None,
             network: str = "", images: list[tuple[Path, str]] = (), minutes_ago: int = 1) -> int:
    """A draft scheduled on the account a little in the past; returns the publication's id."""
    client_id = library.get_account(account_id).client_id
    draft = library.create_draft(client_id, text, language="en")
    if thread:
        library.set_thread(draft.id, network or library.get_account(account_id).network, thread)
    for path, alt in images:
        asset = library.add_asset(path)
        library.attach_asset(draft.id, asset.sha, alt)
    schedule = library.schedule(draft.id, account_id, datetime.now(UTC) - timedelta(minutes=minutes_ago))
    row = library.query("SELECT id FROM publications WHERE schedule_id = ?", (schedule.id,))
    return int(row[0][0])


def open_library(folder: Path) -> Library:
    folder.mkdir(parents=True, exist_ok=True)
    return Library.open(folder)
