"""Fixtures for the publishing integration tests: the fake servers and a helper to make images."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The fake servers are a package beside this file; the benchmark imports them the same way.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers.mastodon import FakeMastodon
from servers.meta import FakeInstagram, FakeThreads
from servers.pds import PDS
from servers.pds import available as pds_available
from servers.s3 import ACCESS_KEY, SECRET_KEY, S3Proxy, S3Server
from servers.telegram import FakeTelegram


@pytest.fixture
def mastodon_server() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        yield server  # type: ignore[misc]


@pytest.fixture
def telegram_server() -> Iterator[FakeTelegram]:
    with FakeTelegram() as server:
        yield server  # type: ignore[misc]


@pytest.fixture
def instagram_server() -> Iterator[FakeInstagram]:
    with FakeInstagram() as server:
        yield server  # type: ignore[misc]


@pytest.fixture
def threads_server() -> Iterator[FakeThreads]:
    with FakeThreads() as server:
        yield server  # type: ignore[misc]


@pytest.fixture(scope="session")
def s3() -> Iterator[S3Server]:
    """moto's S3 on loopback for the whole session (the media host's bucket lives there)."""
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def media_bucket(s3: S3Server) -> Iterator[tuple[dict[str, str], S3Proxy, str]]:
    """A fresh bucket behind a fault-injecting proxy: (the account's ``media_host`` settings, the
    proxy, the bucket's name). The keys are ``servers.s3.ACCESS_KEY``/``SECRET_KEY``."""
    bucket = s3.new_bucket()
    with S3Proxy(s3.url) as proxy:
        yield {"endpoint": proxy.url, "bucket": bucket, "region": "us-east-1"}, proxy, bucket  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def pds() -> Iterator[PDS]:
    """A real Bluesky PDS on loopback for the whole session (skipped when not installed)."""
    reason = pds_available()
    if reason:
        pytest.skip(reason)
    server = PDS.start()
    yield server
    server.stop()


KEYS = (ACCESS_KEY, SECRET_KEY)


@pytest.fixture
def image(tmp_path: Path) -> Path:
    """A small real JPEG."""
    from PIL import Image

    path = tmp_path / "photo.jpg"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(path, "JPEG")
    return path
