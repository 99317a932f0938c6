"""Clients and their accounts."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from studio.library.store import LibraryError, NotFound, Store, utc_now
from studio.model import NETWORKS, Account, BrandRules, Client, Snippet
from studio.text.dictionary import own_words

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _client(row: sqlite3.Row) -> Client:
    return Client(
        id=row["id"],
        name=row["name"],
        colour=row["colour"],
        language=row["language"],
        brand_rules=BrandRules.from_json(json.loads(row["brand_rules"])),
        dictionary=tuple(json.loads(row["dictionary"])),
        snippets=tuple(Snippet(str(s["name"]), str(s["text"])) for s in json.loads(row["snippets"])),
        archived=bool(row["archived"]),
        ignored_rules=tuple(json.loads(row["ignored_rules"])),
    )


def _account(row: sqlite3.Row) -> Account:
    return Account(
        id=row["id"],
        client_id=row["client_id"],
        network=row["network"],
        handle=row["handle"],
        display_name=row["display_name"],
        server_url=row["server_url"],
        secret_ref=row["secret_ref"],
        slots=tuple(json.loads(row["slots"])),
        settings=dict(json.loads(row["settings"])),
        created_at=row["created_at"],
        archived=bool(row["archived"]),
    )


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise LibraryError("A client needs a name.", "Type the name of the customer or brand.")
    return name


def _check_colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise LibraryError(f"“{colour}” is not a colour.", "Use the #rrggbb form, for example #4f7cff.")
    return colour.lower()


def check_network(network: str) -> str:
    """An account's network: one Studio can publish to."""
    key = network.strip().lower()
    if key not in NETWORKS:
        raise LibraryError(f"“{network}” is not a network Studio knows.", f"Use one of: {', '.join(NETWORKS)}.")
    return key


def target_networks() -> tuple[str, ...]:
    """What a draft may target (counters, variants, threads): every network with text rules."""
    from studio.text import networks

    return tuple(network_id for network_id, _title in networks())


def check_target(network: str) -> str:
    """A draft's target network (X, Instagram, ... as well as the networks with accounts)."""
    key = network.strip().lower()
    targets = target_networks()
    if key not in targets:
        raise LibraryError(f"“{network}” is not a network Studio knows.", f"Use one of: {', '.join(targets)}.")
    return key


def check_schedule_network(network: str) -> str:
    """A schedule's network: an account's network, or a target planned before its account exists."""
    key = network.strip().lower()
    return key if key in NETWORKS else check_target(key)


class ClientsMixin(Store):
    # --- clients ----------------------------------------------------------------------------

    def add_client(self, name: str, colour: str = "#4f7cff", language: str = "en-US") -> Client:
        name, colour = _check_name(name), _check_colour(colour)
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM clients WHERE name = ? COLLATE NOCASE", (name,)).fetchone():
                raise LibraryError(f"There is already a client called “{name}”.", "Choose another name.")
            cursor = conn.execute(
                "INSERT INTO clients(name, colour, language, dictionary, created_at) VALUES (?, ?, ?, ?, ?)",
                (name, colour, language, json.dumps(sorted(own_words(name)), ensure_ascii=False), utc_now()),
            )
            client_id = int(cursor.lastrowid or 0)
            self.changed("client", client_id)
        return self.get_client(client_id)

    def get_client(self, client_id: int) -> Client:
        rows = self.query("SELECT * FROM clients WHERE id = ?", (client_id,))
        if not rows:
            raise NotFound(f"There is no client {client_id} in this library.")
        return _client(rows[0])

    def find_client(self, name: str) -> Client | None:
        """The client called ``name`` (case-insensitive), or ``None``."""
        rows = self.query("SELECT * FROM clients WHERE name = ? COLLATE NOCASE", (" ".join(name.split()),))
        return _client(rows[0]) if rows else None

    def list_clients(self, include_archived: bool = False) -> list[Client]:
        where = "" if include_archived else "WHERE archived = 0"
        return [_client(row) for row in self.query(f"SELECT * FROM clients {where} ORDER BY name COLLATE NOCASE")]

    def update_client(self, client: Client) -> Client:
        """Store ``client``'s name, colour, language, brand rules, dictionary, snippets, ignored
        rules and archived flag."""
        name, colour = _check_name(client.name), _check_colour(client.colour)
        with self.transaction() as conn:
            old = conn.execute("SELECT name FROM clients WHERE id = ?", (client.id,)).fetchone()
            if old is None:
                raise NotFound(f"There is no client {client.id} in this library.")
            clash = conn.execute(
                "SELECT 1 FROM clients WHERE name = ? COLLATE NOCASE AND id != ?", (name, client.id)
            ).fetchone()
            if clash:
                raise LibraryError(f"There is already a client called “{name}”.", "Choose another name.")
            handles = conn.execute("SELECT network, handle FROM accounts WHERE client_id = ? AND archived = 0",
                                   (client.id,)).fetchall()
            words = set(client.dictionary) | set(own_words(name, [tuple(row) for row in handles], client.brand_rules))
            conn.execute(
                "UPDATE clients SET name = ?, colour = ?, language = ?, brand_rules = ?, dictionary = ?, "
                "snippets = ?, ignored_rules = ?, archived = ? WHERE id = ?",
                (
                    name,
                    colour,
                    client.language,
                    json.dumps(client.brand_rules.to_json(), ensure_ascii=False),
                    json.dumps(sorted(words), ensure_ascii=False),
                    json.dumps([{"name": s.name, "text": s.text} for s in client.snippets], ensure_ascii=False),
                    json.dumps(sorted({rule.strip() for rule in client.ignored_rules if rule.strip()})),
                    int(client.archived),
                    client.id,
                ),
            )
            if old[0] != name:
                conn.execute(
                    "UPDATE drafts_fts SET client = ? WHERE rowid IN (SELECT id FROM drafts WHERE client_id = ?)",
                    (name, client.id),
                )
                self.changed("library")
            self.changed("client", client.id)
        return self.get_client(client.id)

    def add_to_dictionary(self, client_id: int, word: str) -> Client:
        """Never report ``word`` as a spelling mistake in ``client_id``'s posts."""
        return self._add_to_list(client_id, "dictionary", word, "An empty word cannot be added to the dictionary.")

    def ignore_rule(self, client_id: int, rule: str) -> Client:
        """Never check ``client_id``'s posts for the LanguageTool rule ``rule`` again."""
        return self._add_to_list(client_id, "ignored_rules", rule, "An empty rule id cannot be ignored.")

    def _add_to_list(self, client_id: int, name: str, item: str, when_empty: str) -> Client:
        item = item.strip()
        if not item:
            raise LibraryError(when_empty)
        client = self.get_client(client_id)
        items: tuple[str, ...] = getattr(client, name)
        if item in items:
            return client
        changes: dict[str, Any] = {name: (*items, item)}
        return self.update_client(replace(client, **changes))

    def client_or_new(self, name: str) -> Client:
        """The client called ``name``, created when there is none."""
        return self.find_client(name) or self.add_client(name)

    # --- accounts ---------------------------------------------------------------------------

    def add_account(
        self,
        client_id: int,
        network: str,
        handle: str,
        display_name: str = "",
        server_url: str = "",
        secret_ref: str = "",
        slots: Iterable[dict[str, Any]] = (),
        settings: dict[str, Any] | None = None,
    ) -> Account:
        network = check_network(network)
        if not handle.strip():
            raise LibraryError("An account needs a handle.", "For example @studio@mastodon.social.")
        slot_list = [_check_slot(slot) for slot in slots]
        with self.transaction() as conn:
            self.get_client(client_id)
            cursor = conn.execute(
                "INSERT INTO accounts(client_id, network, handle, display_name, server_url, secret_ref, slots, "
                "settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    client_id, network, handle.strip(), display_name, server_url, secret_ref,
                    json.dumps(slot_list), json.dumps(settings or {}), utc_now(),
                ),
            )
            account_id = int(cursor.lastrowid or 0)
            self._add_own_words(conn, client_id, own_words("", [(network, handle)]))
            self.changed("account", account_id)
        return self.get_account(account_id)

    def _add_own_words(self, conn: sqlite3.Connection, client_id: int, words: Iterable[str]) -> None:
        """Put ``words`` (see :func:`own_words`) in the client's dictionary, inside the caller's transaction."""
        row = conn.execute("SELECT dictionary FROM clients WHERE id = ?", (client_id,)).fetchone()
        known = set(json.loads(row[0] or "[]")) if row else set()
        if row is None or known.issuperset(words):
            return
        conn.execute("UPDATE clients SET dictionary = ? WHERE id = ?",
                     (json.dumps(sorted(known | set(words)), ensure_ascii=False), client_id))
        self.changed("client", client_id)

    def get_account(self, account_id: int) -> Account:
        rows = self.query("SELECT * FROM accounts WHERE id = ?", (account_id,))
        if not rows:
            raise NotFound(f"There is no account {account_id} in this library.")
        return _account(rows[0])

    def list_accounts(self, client_id: int | None = None, include_archived: bool = False) -> list[Account]:
        clauses, params = [], []
        if client_id is not None:
            clauses.append("client_id = ?")
            params.append(client_id)
        if not include_archived:
            clauses.append("archived = 0")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return [_account(row) for row in self.query(f"SELECT * FROM accounts {where} ORDER BY id", params)]

    def update_account(self, account: Account) -> Account:
        network = check_network(account.network)
        slots = [_check_slot(dict(slot)) for slot in account.slots]
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE accounts SET client_id = ?, network = ?, handle = ?, display_name = ?, server_url = ?, "
                "secret_ref = ?, slots = ?, settings = ?, archived = ? WHERE id = ?",
                (
                    account.client_id, network, account.handle, account.display_name, account.server_url,
                    account.secret_ref, json.dumps(slots), json.dumps(account.settings), int(account.archived),
                    account.id,
                ),
            )
            if cursor.rowcount == 0:
                raise NotFound(f"There is no account {account.id} in this library.")
            self.changed("account", account.id)
        return self.get_account(account.id)

    def remove_account(self, account_id: int) -> None:
        """Delete an account that nothing was scheduled on; otherwise it is archived (its history stays)."""
        with self.transaction() as conn:
            used = conn.execute("SELECT 1 FROM schedules WHERE account_id = ? LIMIT 1", (account_id,)).fetchone()
            if used:
                conn.execute("UPDATE accounts SET archived = 1 WHERE id = ?", (account_id,))
            else:
                conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))
            self.changed("account", account_id)


def _check_slot(slot: dict[str, Any]) -> dict[str, Any]:
    weekday, time = slot.get("weekday"), str(slot.get("time", ""))
    if not isinstance(weekday, int) or not 0 <= weekday <= 6 or not re.match(r"^([01]\d|2[0-3]):[0-5]\d$", time):
        raise LibraryError(
            f"“{slot}” is not a posting slot.", "A slot is a weekday (0 = Monday) and a time such as 09:30."
        )
    return {"weekday": weekday, "time": time}
