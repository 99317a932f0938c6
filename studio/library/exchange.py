"""Drafts as JSON: a lossless export (clients, accounts, assets' metadata, crops, custom presets,
drafts with variants, threads, attachments, schedules and publications) and its import.

References are by name, not by id (a client by its name, an account by network and handle, an
asset by its SHA-256), so a file exported from one library imports into another and exports again
the same, draft ids aside. Revisions stay in the library they were made in. An import is checked
whole before anything is written, and written in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from studio.errors import UsageError
from studio.files import write_atomically
from studio.library import revisions, search
from studio.library.clients import target_networks
from studio.library.store import Store, utc_now
from studio.library.times import parse_iso, to_utc_text
from studio.model import NETWORKS, STATUSES

FORMAT = "studio-drafts"
VERSION = 1


def _publication_fields(conn: sqlite3.Connection) -> list[str]:
    """Every column of ``publications`` but its ids: the publishing area adds columns by migration,
    and an export must carry them all."""
    return [row[1] for row in conn.execute("PRAGMA table_info(publications)") if row[1] not in {"id", "schedule_id"}]


class ExchangeMixin(Store):
    def export_data(self, client_id: int | None = None) -> dict[str, Any]:
        """Everything needed to rebuild the drafts elsewhere, as plain JSON data."""
        conn = self.connection
        client_where = "WHERE id = ?" if client_id is not None else ""
        params: tuple[Any, ...] = (client_id,) if client_id is not None else ()
        clients = conn.execute(f"SELECT * FROM clients {client_where} ORDER BY id", params).fetchall()
        accounts: dict[int, list[dict[str, Any]]] = defaultdict(list)
        handles: dict[int, tuple[str, str]] = {}
        for row in conn.execute("SELECT * FROM accounts ORDER BY id"):
            handles[row["id"]] = (row["network"], row["handle"])
            accounts[row["client_id"]].append({
                "network": row["network"], "handle": row["handle"], "display_name": row["display_name"],
                "server_url": row["server_url"], "secret_ref": row["secret_ref"],
                "slots": json.loads(row["slots"]), "settings": json.loads(row["settings"]),
                "created_at": row["created_at"], "archived": bool(row["archived"]),
            })
        names = {row["id"]: row["name"] for row in conn.execute("SELECT id, name FROM clients")}
        draft_where = "WHERE client_id = ?" if client_id is not None else ""
        variants: dict[int, dict[str, Any]] = defaultdict(dict)
        for row in conn.execute("SELECT draft_id, network, text, parts FROM variants ORDER BY network"):
            variants[row[0]][row[1]] = {"parts": json.loads(row[3])} if row[3] else {"text": row[2]}
        attached: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in conn.execute("SELECT draft_id, sha, position, alt_text FROM draft_assets ORDER BY position, sha"):
            attached[row[0]].append({"sha": row[1], "position": row[2], "alt_text": row[3]})
        schedules: dict[int, list[dict[str, Any]]] = defaultdict(list)
        fields = _publication_fields(conn)
        for row in conn.execute(
            f"SELECT s.*, {', '.join(f'p.{f} AS p_{f}' for f in fields)}, p.id AS pid "
            "FROM schedules s LEFT JOIN publications p ON p.schedule_id = s.id ORDER BY s.scheduled_at, s.id"
        ):
            account = handles.get(row["account_id"]) if row["account_id"] is not None else None
            schedules[row["draft_id"]].append({
                "scheduled_at": row["scheduled_at"], "network": row["network"],
                "account": account[1] if account else None, "created_at": row["created_at"],
                "publication": {f: row[f"p_{f}"] for f in fields} if row["pid"] is not None else None,
            })
        drafts = [
            {
                "id": row["id"], "client": names[row["client_id"]], "text": row["text"], "language": row["language"],
                "networks": json.loads(row["networks"]), "tags": json.loads(row["tags"]), "notes": row["notes"],
                "status": row["status"], "created_at": row["created_at"], "updated_at": row["updated_at"],
                "ignored_rules": json.loads(row["ignored_rules"]),
                "variants": variants.get(row["id"], {}), "assets": attached.get(row["id"], []),
                "schedules": schedules.get(row["id"], []),
            }
            for row in conn.execute(f"SELECT * FROM drafts {draft_where} ORDER BY id", params)
        ]
        used = {a["sha"] for d in drafts for a in d["assets"]}
        crops: dict[str, dict[str, Any]] = defaultdict(dict)
        for row in conn.execute("SELECT * FROM crops ORDER BY preset_id"):
            crops[row["sha"]][row["preset_id"]] = {
                "x": row["x"], "y": row["y"], "w": row["w"], "h": row["h"], "rotation": row["rotation"],
                "flip_h": bool(row["flip_h"]), "flip_v": bool(row["flip_v"]),
            }
        assets = [
            {
                "sha": row["sha"], "ext": row["ext"], "size": row["size"], "original_name": row["original_name"],
                "focal": [row["focal_x"], row["focal_y"]], "created_at": row["created_at"],
                "crops": crops.get(row["sha"], {}),
            }
            for row in conn.execute("SELECT * FROM assets ORDER BY sha")
            if client_id is None or row["sha"] in used
        ]
        return {
            "format": FORMAT,
            "version": VERSION,
            "clients": [
                {
                    "name": row["name"], "colour": row["colour"], "language": row["language"],
                    "brand_rules": json.loads(row["brand_rules"]), "dictionary": json.loads(row["dictionary"]),
                    "snippets": json.loads(row["snippets"]), "ignored_rules": json.loads(row["ignored_rules"]),
                    "archived": bool(row["archived"]),
                    "created_at": row["created_at"], "accounts": accounts.get(row["id"], []),
                }
                for row in clients
            ],
            "assets": assets,
            "custom_presets": [json.loads(r[0]) for r in conn.execute("SELECT data FROM custom_presets ORDER BY id")],
            "drafts": drafts,
        }

    def export_json(self, path: Path, client_id: int | None = None) -> int:
        """Write :meth:`export_data` to ``path`` atomically; returns the number of drafts."""
        data = self.export_data(client_id)
        path = Path(path)
        write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))
        return len(data["drafts"])

    def import_json(self, path: Path) -> int:
        """Import a file written by :meth:`export_json` (or a list of draft objects); all or nothing.
        Returns the number of drafts imported."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except OSError as error:
            raise UsageError(f"Studio cannot read {path}: {error.strerror}.", "Check the file name.") from error
        except ValueError as error:
            raise UsageError(f"{Path(path).name} is not valid JSON ({error}).", "Nothing was imported.") from error
        return self.import_data(data, Path(path).name)

    def import_data(self, data: Any, name: str, before: Any = None) -> int:
        """Import export data (checked first; all or nothing). ``before(conn)`` runs first inside
        the same transaction (a package stores its image files there)."""
        if isinstance(data, list):
            data = {"format": FORMAT, "version": VERSION, "drafts": data}
        _check(name, data)
        with self.transaction() as conn:
            if before is not None:
                before(conn)
            count = _insert(conn, data)
            self.changed("library")
        return count


class _Bad(UsageError):
    pass


def _bad(name: str, where: str, message: str) -> _Bad:
    return _Bad(f"{name}, {where}: {message}.", "Nothing from this file was imported.")


def _check(name: str, data: Any) -> None:
    """Raise with the path of the first bad value (``drafts[3].status``)."""
    if not isinstance(data, dict):
        raise _bad(name, "top level", "expected an object with “drafts”")
    if data.get("format", FORMAT) != FORMAT or not isinstance(data.get("version", VERSION), int):
        raise _bad(name, "format", "this is not a Studio drafts file")
    if data.get("version", VERSION) > VERSION:
        raise _bad(name, "version", "written by a newer Studio; update Studio to import it")
    for key in ("clients", "assets", "custom_presets", "drafts"):
        if not isinstance(data.get(key, []), list):
            raise _bad(name, key, "expected a list")
    for i, client in enumerate(data.get("clients", [])):
        if not isinstance(client, dict) or not isinstance(client.get("name"), str) or not client["name"].strip():
            raise _bad(name, f"clients[{i}].name", "a client needs a name")
        for key in ("dictionary", "ignored_rules"):
            value = client.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _bad(name, f"clients[{i}].{key}", "expected a list of words")
        for j, account in enumerate(client.get("accounts", [])):
            if not isinstance(account, dict) or account.get("network") not in NETWORKS:
                raise _bad(name, f"clients[{i}].accounts[{j}].network", f"use one of {', '.join(NETWORKS)}")
            if not isinstance(account.get("handle"), str) or not account["handle"]:
                raise _bad(name, f"clients[{i}].accounts[{j}].handle", "an account needs a handle")
    for i, asset in enumerate(data.get("assets", [])):
        sha = asset.get("sha") if isinstance(asset, dict) else None
        if not isinstance(sha, str) or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise _bad(name, f"assets[{i}].sha", "expected a SHA-256 in hex")
    for i, preset in enumerate(data.get("custom_presets", [])):
        if not isinstance(preset, dict) or not isinstance(preset.get("id"), str):
            raise _bad(name, f"custom_presets[{i}].id", "a preset needs an id")
    for i, draft in enumerate(data.get("drafts", [])):
        where = f"drafts[{i}]"
        if not isinstance(draft, dict):
            raise _bad(name, where, "expected an object")
        if not isinstance(draft.get("client"), str) or not draft["client"].strip():
            raise _bad(name, f"{where}.client", "a draft needs its client's name")
        for key in ("text", "notes"):
            if not isinstance(draft.get(key, ""), str):
                raise _bad(name, f"{where}.{key}", "expected text")
        if draft.get("status", "draft") not in STATUSES:
            raise _bad(name, f"{where}.status", f"use one of {', '.join(STATUSES)}")
        for key in ("networks", "tags", "ignored_rules"):
            value = draft.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _bad(name, f"{where}.{key}", "expected a list of words")
        for network in draft.get("networks", []):
            if network not in target_networks():
                raise _bad(name, f"{where}.networks", f"“{network}” is not a network")
        variants = draft.get("variants", {})
        if not isinstance(variants, dict):
            raise _bad(name, f"{where}.variants", "expected an object keyed by network")
        for network, variant in variants.items():
            ok = isinstance(variant, dict) and (
                isinstance(variant.get("text"), str)
                or (isinstance(variant.get("parts"), list) and all(isinstance(p, str) for p in variant["parts"]))
            )
            if network not in target_networks() or not ok:
                raise _bad(name, f"{where}.variants.{network}", "expected {\"text\": ...} or {\"parts\": [...]}")
        for j, attached in enumerate(draft.get("assets", [])):
            if not isinstance(attached, dict) or not isinstance(attached.get("sha"), str):
                raise _bad(name, f"{where}.assets[{j}]", "expected {\"sha\": ..., \"alt_text\": ...}")
        for j, sched in enumerate(draft.get("schedules", [])):
            try:
                parse_iso(str(sched.get("scheduled_at", "")))
            except (ValueError, AttributeError) as error:
                raise _bad(name, f"{where}.schedules[{j}].scheduled_at", str(error)) from None
            if sched.get("network") not in (*NETWORKS, *target_networks()):
                raise _bad(name, f"{where}.schedules[{j}].network", "an account's network or a draft's target")


def _insert(conn: sqlite3.Connection, data: dict[str, Any]) -> int:
    now = utc_now()
    fields = _publication_fields(conn)
    clients = {name.casefold(): cid for cid, name in conn.execute("SELECT id, name FROM clients")}
    for client in data.get("clients", []):
        key = client["name"].strip().casefold()
        if key not in clients:
            cursor = conn.execute(
                "INSERT INTO clients(name, colour, language, brand_rules, dictionary, snippets, ignored_rules, "
                "archived, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (client["name"].strip(), client.get("colour", "#4f7cff"), client.get("language", "en-US"),
                 json.dumps(client.get("brand_rules", {}), ensure_ascii=False),
                 json.dumps(client.get("dictionary", []), ensure_ascii=False),
                 json.dumps(client.get("snippets", []), ensure_ascii=False),
                 json.dumps(client.get("ignored_rules", []), ensure_ascii=False), int(bool(client.get("archived"))),
                 client.get("created_at", now)),
            )
            clients[key] = int(cursor.lastrowid or 0)
        for account in client.get("accounts", []):
            exists = conn.execute(
                "SELECT 1 FROM accounts WHERE client_id = ? AND network = ? AND handle = ?",
                (clients[key], account["network"], account["handle"]),
            ).fetchone()
            if not exists:
                conn.execute(
                    "INSERT INTO accounts(client_id, network, handle, display_name, server_url, secret_ref, slots, "
                    "settings, created_at, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (clients[key], account["network"], account["handle"], account.get("display_name", ""),
                     account.get("server_url", ""), account.get("secret_ref", ""),
                     json.dumps(account.get("slots", [])), json.dumps(account.get("settings", {})),
                     account.get("created_at", now), int(bool(account.get("archived")))),
                )
    for asset in data.get("assets", []):
        focal = asset.get("focal") or [0.5, 0.5]
        conn.execute(
            "INSERT OR IGNORE INTO assets(sha, ext, size, original_name, focal_x, focal_y, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (asset["sha"], asset.get("ext", "bin"), int(asset.get("size", 0)), asset.get("original_name", ""),
             float(focal[0]), float(focal[1]), asset.get("created_at", now)),
        )
        for preset_id, crop in asset.get("crops", {}).items():
            conn.execute(
                "INSERT OR REPLACE INTO crops(sha, preset_id, x, y, w, h, rotation, flip_h, flip_v) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (asset["sha"], preset_id, crop["x"], crop["y"], crop["w"], crop["h"], crop.get("rotation", 0),
                 int(bool(crop.get("flip_h"))), int(bool(crop.get("flip_v")))),
            )
    for preset in data.get("custom_presets", []):
        conn.execute(
            "INSERT OR REPLACE INTO custom_presets(id, data, created_at) VALUES (?, ?, ?)",
            (preset["id"], json.dumps(preset, ensure_ascii=False), now),
        )
    for draft in data.get("drafts", []):
        key = draft["client"].strip().casefold()
        if key not in clients:
            cursor = conn.execute("INSERT INTO clients(name, created_at) VALUES (?, ?)", (draft["client"].strip(), now))
            clients[key] = int(cursor.lastrowid or 0)
        client_id = clients[key]
        tags, networks = list(draft.get("tags", [])), list(draft.get("networks", []))
        cursor = conn.execute(
            "INSERT INTO drafts(client_id, text, language, networks, tags, notes, status, created_at, updated_at, "
            "ignored_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (client_id, draft.get("text", ""), draft.get("language"), json.dumps(networks),
             json.dumps(tags, ensure_ascii=False), draft.get("notes", ""), draft.get("status", "draft"),
             draft.get("created_at", now), draft.get("updated_at", now),
             json.dumps(list(draft.get("ignored_rules", [])), ensure_ascii=False)),
        )
        draft_id = int(cursor.lastrowid or 0)
        conn.executemany("INSERT OR IGNORE INTO draft_tags(draft_id, tag) VALUES (?, ?)", [(draft_id, t) for t in tags])
        conn.executemany("INSERT OR IGNORE INTO draft_networks(draft_id, network) VALUES (?, ?)",
                         [(draft_id, n) for n in networks])
        for network, variant in draft.get("variants", {}).items():
            parts = variant.get("parts")
            conn.execute(
                "INSERT INTO variants(draft_id, network, text, parts) VALUES (?, ?, ?, ?)",
                (draft_id, network, None if parts else variant.get("text"),
                 json.dumps(parts, ensure_ascii=False) if parts else None),
            )
        for attached in draft.get("assets", []):
            conn.execute("INSERT OR IGNORE INTO assets(sha, ext, size, created_at) VALUES (?, 'bin', 0, ?)",
                         (attached["sha"], now))
            conn.execute(
                "INSERT OR REPLACE INTO draft_assets(draft_id, sha, position, alt_text) VALUES (?, ?, ?, ?)",
                (draft_id, attached["sha"], int(attached.get("position", 0)), attached.get("alt_text", "")),
            )
        for sched in draft.get("schedules", []):
            account_id = None
            if sched.get("account"):
                found = conn.execute(
                    "SELECT id FROM accounts WHERE client_id = ? AND network = ? AND handle = ?",
                    (client_id, sched["network"], sched["account"]),
                ).fetchone()
                account_id = found[0] if found else None
            cursor = conn.execute(
                "INSERT INTO schedules(draft_id, account_id, network, scheduled_at, created_at) VALUES (?, ?, ?, ?, ?)",
                (draft_id, account_id, sched["network"], to_utc_text(parse_iso(sched["scheduled_at"])),
                 sched.get("created_at", now)),
            )
            publication = sched.get("publication")
            if publication and account_id is not None:
                # Columns the file has and this library knows; the others keep their defaults.
                values = {f: publication[f] for f in fields if publication.get(f) is not None}
                values.setdefault("state", "scheduled")
                values.setdefault("updated_at", now)
                conn.execute(
                    f"INSERT INTO publications(schedule_id, {', '.join(values)}) "
                    f"VALUES (?, {', '.join('?' * len(values))})",
                    (cursor.lastrowid, *values.values()),
                )
        search.reindex(conn, draft_id)
        revisions.record(conn, draft_id, "import")
    return len(data.get("drafts", []))
