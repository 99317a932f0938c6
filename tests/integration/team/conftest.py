"""The team tests' PostgreSQL: one real server per test session (see :mod:`.pgserver`). Each test
gets a database of its own (:func:`team_db`); the group roles are shared by the cluster, so member
names carry the test's own suffix."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from .pgserver import PG_BIN, PgServer, running_server

__all__ = ["PG_BIN", "PgServer"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN} (scripts/system-deps.sh installs them)")
    with running_server() as server:
        yield server


@pytest.fixture
def team_db(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database for one test; yields its name (dropped afterwards)."""
    name = f"team_{uuid.uuid4().hex[:10]}"
    pg_server.psql(f"CREATE DATABASE {name}").check_returncode()
    yield name
    pg_server.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def suffix() -> str:
    """A suffix that keeps this test's member names apart from other tests' (roles are cluster-wide)."""
    return uuid.uuid4().hex[:6]
