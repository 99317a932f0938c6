"""A throw-away PostgreSQL server from Debian's binaries, for the team tests and benchmarks/team.py.

``initdb`` refuses to run as root, so as root the server runs as the system user ``studio-pg``
(made with ``useradd`` when missing) through ``runuser``; its data lives in a temporary folder and it
listens on a free loopback port, with SCRAM passwords as a real team server would.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("STUDIO_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "studio-pg"


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    password: str  # of the superuser "postgres"

    def url(self, user: str = "postgres", dbname: str = "postgres") -> str:
        return f"postgresql://{user}@{self.host}:{self.port}/{dbname}"

    def env(self, password: str | None = None) -> dict[str, str]:
        return {**os.environ, "PGPASSWORD": password or self.password, "PGCONNECT_TIMEOUT": "10"}

    def psql(self, sql: str, *, user: str = "postgres", password: str | None = None,
             dbname: str = "postgres") -> subprocess.CompletedProcess[str]:
        """``psql`` as ``user``, as a member at a terminal would (no check: tests read the result)."""
        return subprocess.run(
            [str(PG_BIN / "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-At", "-h", self.host, "-p", str(self.port),
             "-U", user, "-d", dbname, "-c", sql],
            env=self.env(password), capture_output=True, text=True, timeout=60,
        )


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", PG_USER, "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(durable: bool = False) -> Iterator[PgServer]:
    """Start a server in a temporary folder; stop it and remove its files afterwards. Tests run
    without fsync (``durable=False``): a crash of the test machine loses nothing of value."""
    if os.geteuid() == 0:
        try:
            subprocess.run(["id", "-u", PG_USER], check=True, capture_output=True)
        except subprocess.CalledProcessError:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
                           check=True)
    home = Path(tempfile.mkdtemp(prefix="studio-pg-"))
    password = secrets.token_urlsafe(16)
    (home / "pw").write_text(password + "\n")
    data, socket_dir = home / "data", home / "socket"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        shutil.chown(home, PG_USER)
        for path in (home / "pw", socket_dir):
            shutil.chown(path, PG_USER)
    subprocess.run(
        _as_server_user([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
                         f"--pwfile={home / 'pw'}", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]),
        check=True, capture_output=True,
    )
    port = _free_port()
    options = (f"-p {port} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync={'on' if durable else 'off'} "
               "-c max_connections=200 -c shared_buffers=32MB")
    subprocess.run(
        _as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(home / "server.log"), "-o", options,
                         "-w", "-t", "60", "start"]),
        check=True, capture_output=True,
    )
    try:
        yield PgServer("127.0.0.1", port, password)
    finally:
        subprocess.run(_as_server_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


