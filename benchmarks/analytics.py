"""Analytics benchmark.

1. Measuring 1,000 published posts: one round of ``fetch_due`` (Mastodon's batched read, 20 statuses
   a request) against a baseline measured in the same run: one request per post (``GET
   /api/v1/statuses/:id``, what a client without batching does), both against the local Mastodon
   test server. Prints requests and time for each, and the ratios.
   (The issue asks for this on the Bluesky PDS; the suite's PDS runs without an AppView, which
   ``app.bsky.feed.getPosts`` needs, so Mastodon's test server stands in; see the README.)
2. The month report of a client with 300 measured posts: time to the PDF and to the HTML, with the
   summary alone as the same-run baseline.

Uses a keyring in a temporary folder. Run: .venv/bin/python benchmarks/analytics.py [N]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOME = Path(tempfile.mkdtemp(prefix="studio-bench-"))
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = str(HOME / "xdg-data")
os.environ["STUDIO_LOG_DIR"] = str(HOME / "logs")
sys.path.insert(0, str(ROOT / "tests" / "integration" / "publishing"))
sys.path.insert(0, str(ROOT))

from servers.library import add_account, open_library  # noqa: E402
from servers.mastodon import FakeMastodon  # noqa: E402

from studio.analytics.fetch import fetch_due  # noqa: E402
from studio.analytics.formulas import Counts  # noqa: E402
from studio.analytics.report import build_report, write_report  # noqa: E402
from studio.analytics.store import record_followers, record_snapshot  # noqa: E402
from studio.analytics.summary import summarize  # noqa: E402
from studio.library.times import local_zone  # noqa: E402
from studio.publishing.queue import iso  # noqa: E402


def published_library(folder: Path, server: FakeMastodon, count: int) -> tuple[object, datetime]:
    """``count`` posts recorded as published on the server (statuses made on the server directly,
    publications written as the runner writes them: the publishing itself is not measured here)."""
    library = open_library(folder)
    account = add_account(library, "mastodon", server.url, "studio", server.token)
    client_id = library.get_account(account).client_id
    now = datetime.now(UTC)
    for n in range(count):
        draft = library.create_draft(client_id, f"Post {n}")
        schedule = library.schedule(draft.id, account, now - timedelta(minutes=1))
        status_id = str(200000 + n)
        server.statuses[status_id] = {"id": status_id, "favourites_count": n % 17, "reblogs_count": n % 5,
                                      "replies_count": n % 3, "text": f"Post {n}"}
        with library.transaction() as conn:
            conn.execute("UPDATE publications SET state = 'published', remote_id = ?, last_attempt_at = ? "
                         "WHERE schedule_id = ?", (status_id, iso(now), schedule.id))
    return library, now


def main(count: int = 1000) -> None:
    with FakeMastodon() as server:
        library, now = published_library(HOME / "lib", server, count)
        before = len(server.requests)
        started = time.perf_counter()
        report = fetch_due(library, now + timedelta(hours=1, minutes=1))  # type: ignore[arg-type]
        batched = time.perf_counter() - started
        batched_requests = len(server.requests) - before
        assert report.snapshots == count, report

        import requests

        session = requests.Session()
        headers = {"Authorization": f"Bearer {server.token}"}
        before = len(server.requests)
        started = time.perf_counter()
        for status_id in list(server.statuses)[:count]:
            session.get(f"{server.url}/api/v1/statuses/{status_id}", headers=headers, timeout=10).raise_for_status()
        single = time.perf_counter() - started
        single_requests = len(server.requests) - before
    print(f"measuring {count} published posts (Mastodon test server, loopback):")
    print(f"  Studio (batched)     {batched_requests:5d} requests  {batched * 1000:8.1f} ms")
    print(f"  one request a post   {single_requests:5d} requests  {single * 1000:8.1f} ms   (baseline, same run)")
    print(f"  requests: {batched_requests / single_requests:.3f}x the baseline; time: {batched / single:.2f}x")

    zone = local_zone()
    library2 = open_library(HOME / "report")
    client = library2.client_or_new("Kopi Nusantara")
    account = library2.add_account(client.id, "mastodon", "kopi", "", "https://m.example", "",
                                   (), {}).id
    month_start = datetime.now(zone).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    for n in range(300):
        draft = library2.create_draft(client.id, f"Kopi post {n}: promo minggu ini, resep, cerita dari roastery.")
        record_snapshot(library2, draft_id=draft.id, network="mastodon", stage="manual", source="manual",
                        counts=Counts(likes=n % 40, reposts=n % 7, replies=n % 5, reach=500 + n, impressions=900 + n),
                        taken_at=month_start + timedelta(hours=2 * n % 600))
    record_followers(library2, account, 1200, month_start + timedelta(hours=1))
    end = month_start + timedelta(days=32)
    end = end.replace(day=1)
    runs = {"summary": [], "pdf": [], "html": []}
    for _ in range(5):
        started = time.perf_counter()
        summary = summarize(library2, client.id, month_start, end, zone)
        runs["summary"].append(time.perf_counter() - started)
        for kind in ("pdf", "html"):
            started = time.perf_counter()
            summary = summarize(library2, client.id, month_start, end, zone)
            write_report(build_report(library2, client, summary), HOME / f"report.{kind}")
            runs[kind].append(time.perf_counter() - started)
    assert len(summary.posts) == 300
    base = statistics.median(runs["summary"])
    print("month report, 300 measured posts (median of 5):")
    print(f"  summary alone  {base * 1000:8.1f} ms   (baseline, same run)")
    for kind in ("pdf", "html"):
        value = statistics.median(runs[kind])
        print(f"  {kind:<13}  {value * 1000:8.1f} ms   {value / base:.1f}x the summary, "
              f"{(HOME / f'report.{kind}').stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
