"""Publishing benchmark: 1,000 due posts through the runner against the local test servers.

Prints, for Mastodon and Telegram (and Bluesky against the real PDS when it is installed): the runner's time per post (median), the server's own time per
post, the runner's own overhead per post (everything but the server's time: queue, leases, SQLite,
rendering, pre-flight, keyring, client library), the same publisher called directly without the
queue as a baseline measured in this run (and the ratio), the memory the run added (RSS and its
peak), and the number of duplicates (must be 0).

Uses a keyring in a temporary folder, never the real one. Run: .venv/bin/python benchmarks/publishing.py [N]
"""

from __future__ import annotations

import itertools
import os
import resource
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

import psutil  # noqa: E402
from servers.base import FakeServer  # noqa: E402
from servers.library import add_account, open_library  # noqa: E402
from servers.mastodon import FakeMastodon  # noqa: E402
from servers.telegram import FakeTelegram  # noqa: E402

from studio.publishing.base import Credentials, Part, Post  # noqa: E402
from studio.publishing.mastodon import MastodonPublisher  # noqa: E402
from studio.publishing.queue import Queue  # noqa: E402
from studio.publishing.runner import Runner  # noqa: E402
from studio.publishing.telegram import TelegramPublisher  # noqa: E402


class Timed:
    """Adds up the time a fake server spends answering (its share of each post)."""

    def __init__(self, server: FakeServer) -> None:
        self.total = 0.0
        original = server._dispatch

        def dispatch(request):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return original(request)
            finally:
                self.total += time.perf_counter() - started

        server._dispatch = dispatch  # type: ignore[method-assign]


def fill(library, account_id: int, count: int, prefix: str) -> None:  # type: ignore[no-untyped-def]
    client_id = library.get_account(account_id).client_id
    when = datetime.now(UTC) - timedelta(minutes=5)
    for i in range(count):
        draft = library.create_draft(client_id, f"{prefix} post {i} #benchmark", language="en")
        library.schedule(draft.id, account_id, when)


def baseline(publisher_factory, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The publisher alone (client library + HTTP + server), no queue: seconds per post."""
    times = []
    publisher = publisher_factory()
    for i in range(count):
        post = Post((Part(f"baseline {i}"),), f"baseline-{i}-{time.time_ns()}", datetime.now(UTC))
        started = time.perf_counter()
        publisher.publish(post, lambda index, sent: None)
        times.append(time.perf_counter() - started)
    return times


def measure(name: str, server: FakeServer, account_args: tuple, count: int, texts) -> None:  # type: ignore[no-untyped-def]
    timer = Timed(server)
    folder = HOME / f"library-{name}"
    library = open_library(folder)
    account_id = add_account(library, *account_args)
    fill(library, account_id, count, name)
    _, url, handle, secret, settings = (*account_args, {})[:5]
    factory = (lambda: MastodonPublisher(Credentials("mastodon", url, handle, secret))) if name == "mastodon" else (
        lambda: TelegramPublisher(Credentials("telegram", url, handle, secret, settings)))
    base = baseline(factory, min(200, count))
    server_before = timer.total
    process = psutil.Process()
    rss_before = process.memory_info().rss
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    marks: list[float] = [time.perf_counter()]
    runner = Runner(library, Queue(library))
    started = time.perf_counter()
    report = runner.run_due(on_result=lambda result: marks.append(time.perf_counter()))
    wall = time.perf_counter() - started
    rss_after = process.memory_info().rss
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    library.close()
    per_post = [b - a for a, b in itertools.pairwise(marks)]
    server_run = timer.total - server_before
    published = report.count("published")
    posted = texts()
    runner_posts = [text for text in posted if text.startswith(name)]
    duplicates = len(runner_posts) - len(set(runner_posts))
    median_post = statistics.median(per_post)
    median_base = statistics.median(base)
    server_per_post = server_run / max(1, published)
    print(f"{name}: {published}/{count} published in {wall:.1f} s, duplicates: {duplicates}")
    print(f"  runner per post (median):             {median_post * 1000:8.2f} ms")
    print(f"  server's own time per post (mean):    {server_per_post * 1000:8.2f} ms")
    print(f"  runner's own overhead per post:       {(median_post - server_per_post) * 1000:8.2f} ms")
    print(f"  baseline, publisher alone (median):   {median_base * 1000:8.2f} ms")
    print(f"  ratio runner / publisher alone:       {median_post / median_base:8.2f}x")
    print(f"  queue+runner only (runner - baseline):{(median_post - median_base) * 1000:8.2f} ms")
    print(f"  memory: RSS {rss_after / 2**20:.1f} MiB (+{(rss_after - rss_before) / 2**20:.1f} MiB over the run), "
          f"peak RSS +{max(0, peak_after - peak_before) / 2**20:.1f} MiB")
    if duplicates or published != count:
        print(f"  FAILED: {duplicates} duplicates, {count - published} not published", file=sys.stderr)
        raise SystemExit(1)


def measure_bluesky(count: int) -> None:
    """Against the real PDS (when scripts/setup-pds.sh has run): it is another process, so its time
    cannot be taken apart; the baseline (the publisher alone) includes it, the difference is ours."""
    from servers.pds import PDS, available

    from studio.publishing.bluesky import BlueskyPublisher
    from studio.publishing.record_keys import new_tid

    reason = available()
    if reason:
        print(f"bluesky: skipped ({reason})")
        return
    pds = PDS.start()
    try:
        handle, password, did = pds.create_account("bench")
        folder = HOME / "library-bluesky"
        library = open_library(folder)
        account_id = add_account(library, "bluesky", pds.url, handle, password)
        fill(library, account_id, count, "bluesky")
        publisher = BlueskyPublisher(Credentials("bluesky", pds.url, handle, password))
        base: list[float] = []

        def run_baseline(n: int) -> None:
            for _ in range(n):
                post = Post((Part(f"baseline {len(base)}"),), new_tid(), datetime.now(UTC))
                started = time.perf_counter()
                publisher.publish(post, lambda index, sent: None)
                base.append(time.perf_counter() - started)

        # Half the baseline before the run and half after: the PDS's own speed drifts as its
        # repository grows and as it warms up.
        run_baseline(min(100, count))
        marks = [time.perf_counter()]
        started = time.perf_counter()
        report = Runner(library, Queue(library)).run_due(on_result=lambda result: marks.append(time.perf_counter()))
        wall = time.perf_counter() - started
        run_baseline(min(100, count))
        library.close()
        texts = [str(record["value"]["text"]) for record in pds.list_posts(did)]  # type: ignore[index]
        ours = [text for text in texts if text.startswith("bluesky")]
        duplicates = len(ours) - len(set(ours))
        per_post = statistics.median(b - a for a, b in itertools.pairwise(marks))
        median_base = statistics.median(base)
        print(f"bluesky (real PDS): {report.count('published')}/{count} published in {wall:.1f} s, "
              f"duplicates: {duplicates}, records on the PDS: {len(ours)}")
        print(f"  runner per post (median):             {per_post * 1000:8.2f} ms")
        print(f"  baseline, publisher alone (median):   {median_base * 1000:8.2f} ms")
        print(f"  ratio runner / publisher alone:       {per_post / median_base:8.2f}x")
        overhead = (per_post - median_base) * 1000
        print(f"  runner's own overhead per post:       {overhead:8.2f} ms"
              + ("  (below the PDS's own noise)" if overhead < 0 else ""))
        if duplicates or len(ours) != count:
            print(f"  FAILED: {duplicates} duplicates, {count - len(set(ours))} missing", file=sys.stderr)
            raise SystemExit(1)
    finally:
        pds.stop()


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"Publishing benchmark, {count} due posts per network (Python {sys.version.split()[0]})")
    with FakeMastodon() as mastodon:
        measure("mastodon", mastodon, ("mastodon", mastodon.url, "studio", mastodon.token), count,
                mastodon.posted_texts)  # type: ignore[attr-defined]
    with FakeTelegram() as telegram:
        measure("telegram", telegram, ("telegram", telegram.url, "@studio_channel", telegram.token,  # type: ignore[attr-defined]
                                       {"chat_id": telegram.chat_id}), count, telegram.texts)  # type: ignore[attr-defined]
    measure_bluesky(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
