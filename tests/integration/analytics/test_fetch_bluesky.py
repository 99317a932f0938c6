"""Metrics of published Bluesky posts from a real network: a PDS with an AppView (its index in the
suite's own PostgreSQL). A second account likes, reposts, replies to and quotes Studio's posts, then
takes some back; the counts in the library must equal what the AppView reports."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from servers.library import add_account, due_post, open_library
from servers.pds import PDS
from servers.pds import available as pds_available

from studio.analytics import store
from studio.analytics.fetch import fetch_due
from studio.publishing.runner import Runner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "team"))
from pgserver import running_server

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def network() -> Iterator[PDS]:
    reason = pds_available()
    if reason:
        pytest.skip(reason)
    with running_server() as pg:
        server = PDS.start(appview_db=f"postgresql://postgres:{pg.password}@{pg.host}:{pg.port}/postgres")
        try:
            yield server
        finally:
            server.stop()


def _client(pds: PDS, handle: str, password: str):  # type: ignore[no-untyped-def]
    from atproto import Client

    client = Client(base_url=pds.url)
    client.login(handle, password)
    return client


def _wait_for(check, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


def test_counts_equal_what_the_appview_reports(tmp_path: Path, network: PDS) -> None:
    handle, password, _did = network.create_account("studio")
    fan_handle, fan_password, _ = network.create_account("fan")
    library = open_library(tmp_path / "library")
    account = add_account(library, "bluesky", network.url, handle, password)
    first = due_post(library, account, "Kopi susu gula aren is back this week!")
    second = due_post(library, account, "Behind the scenes at the roastery.")
    assert Runner(library).run_due().count("published") == 2
    uris = {pub: library.query("SELECT remote_id FROM publications WHERE id = ?", (pub,))[0][0] for pub in (first, second)}
    fan = _client(network, fan_handle, fan_password)
    posts = {p.uri: p for p in fan.get_posts([uris[first], uris[second]]).posts} if _wait_for(
        lambda: len(fan.get_posts([uris[first], uris[second]]).posts) == 2) else {}
    assert len(posts) == 2, "the AppView did not index Studio's posts"
    one, two = posts[uris[first]], posts[uris[second]]
    like = fan.like(one.uri, one.cid)
    fan.repost(one.uri, one.cid)
    fan.send_post("Looks delicious", reply_to={"root": {"uri": one.uri, "cid": one.cid},
                                               "parent": {"uri": one.uri, "cid": one.cid}})
    fan.like(two.uri, two.cid)

    def indexed() -> bool:
        seen = fan.get_posts([uris[first]]).posts[0]
        return (seen.like_count, seen.repost_count, seen.reply_count) == (1, 1, 1)

    assert _wait_for(indexed)
    published = datetime.now(UTC)
    report = fetch_due(library, published + timedelta(hours=1, minutes=1))
    assert report.snapshots == 2 and not report.problems, report
    assert report.requests == 2  # one getPosts for both posts, one getProfile
    counted = store.latest(library, first)
    assert counted is not None
    truth = fan.get_posts([uris[first]]).posts[0]
    assert (counted.counts.likes, counted.counts.reposts, counted.counts.replies, counted.counts.quotes) == (
        truth.like_count, truth.repost_count, truth.reply_count, truth.quote_count) == (1, 1, 1, 0)
    assert store.latest(library, second).counts.likes == 1  # type: ignore[union-attr]

    fan.delete_like(like.uri)  # a like taken back

    def unliked() -> bool:
        return fan.get_posts([uris[first]]).posts[0].like_count == 0

    assert _wait_for(unliked)
    fetch_due(library, published + timedelta(hours=25))
    later = store.latest(library, first)
    assert later is not None and later.stage == "24h" and later.counts.likes == 0 and later.counts.reposts == 1
