"""Publishing benchmark: 1,000 due posts through the runner against the local test servers.

Prints, for Mastodon, Telegram, Instagram (through the media host on a local S3 server, moto),
Threads, Facebook, LinkedIn and Postiz (and Bluesky against the real PDS when it is installed): the
runner's time per post (median), the server's own time per post, the runner's own overhead per post (everything but the server's time: queue, leases, SQLite,
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
from servers.linkedin import FakeLinkedIn  # noqa: E402
from servers.mastodon import FakeMastodon  # noqa: E402
from servers.meta import FakeFacebook, FakeInstagram, FakeThreads  # noqa: E402
from servers.postiz import FakePostiz  # noqa: E402
from servers.s3 import ACCESS_KEY, SECRET_KEY, S3Server  # noqa: E402
from servers.telegram import FakeTelegram  # noqa: E402

from studio.publishing import mediahost  # noqa: E402
from studio.publishing.base import Credentials, Media, Part, Post  # noqa: E402
from studio.publishing.facebook import FacebookPublisher  # noqa: E402
from studio.publishing.instagram import InstagramPublisher  # noqa: E402
from studio.publishing.linkedin import LinkedInPublisher  # noqa: E402
from studio.publishing.mastodon import MastodonPublisher  # noqa: E402
from studio.publishing.postiz import PostizPublisher  # noqa: E402
from studio.publishing.queue import Queue  # noqa: E402
from studio.publishing.runner import Runner  # noqa: E402
from studio.publishing.telegram import TelegramPublisher  # noqa: E402
from studio.publishing.threads import ThreadsPublisher  # noqa: E402


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


def fill(library, account_id: int, count: int, prefix: str, image: Path | None = None) -> None:  # type: ignore[no-untyped-def]
    client_id = library.get_account(account_id).client_id
    when = datetime.now(UTC) - timedelta(minutes=5)
    asset = library.add_asset(image) if image else None
    for i in range(count):
        draft = library.create_draft(client_id, f"{prefix} post {i} #benchmark", language="en")
        if asset is not None:
            library.attach_asset(draft.id, asset.sha, "A test card")
        library.schedule(draft.id, account_id, when)


def baseline(publisher_factory, count: int, media: tuple[Media, ...] = ()) -> list[float]:  # type: ignore[no-untyped-def]
    """The publisher alone (client library + HTTP + server), no queue: seconds per post."""
    times = []
    publisher = publisher_factory()
    for i in range(count):
        post = Post((Part(f"baseline {i}", media),), f"baseline-{i}-{time.time_ns()}", datetime.now(UTC))
        started = time.perf_counter()
        publisher.publish(post, lambda index, sent: None)
        times.append(time.perf_counter() - started)
    return times


def measure(name: str, server: FakeServer, account_args: tuple, count: int, texts, factory,  # type: ignore[no-untyped-def]
            image: Path | None = None, prepare=None) -> None:
    """``factory`` makes the publisher for the baseline; ``prepare(library, account_id)`` finishes
    the account (a media host's keys); ``image`` is attached to every post (one asset, so one rendition)."""
    timer = Timed(server)
    folder = HOME / f"library-{name}"
    library = open_library(folder)
    account_id = add_account(library, *account_args)
    if prepare is not None:
        prepare(library, account_id)
    fill(library, account_id, count, name, image)
    media = (Media(runner_rendition(library, account_id, image), "A test card"),) if image else ()
    base = baseline(factory, min(200, count), media)
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


def runner_rendition(library, account_id: int, image: Path) -> Path:  # type: ignore[no-untyped-def]
    """The rendition the runner sends for the account's network (the baseline sends the same file)."""
    draft_id = library.query("SELECT draft_id FROM schedules WHERE account_id = ? LIMIT 1", (account_id,))[0][0]
    parts = Runner(library).render(int(draft_id), library.get_account(account_id))
    return parts[0].media[0].path


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


def measure_reach(count: int) -> None:
    """The networks of issue 16: Instagram with an image through the media host (moto's S3 on
    loopback), Threads, Facebook, LinkedIn and Postiz with text posts."""
    from PIL import Image

    image = HOME / "card.jpg"
    Image.new("RGB", (1080, 1350), (200, 90, 40)).save(image, "JPEG", quality=90)
    s3 = S3Server()
    try:
        bucket = s3.new_bucket()
        host = {"endpoint": s3.url, "bucket": bucket, "region": "us-east-1"}
        with FakeInstagram(processing_polls=0) as ig:
            url = f"{ig.url}/v23.0"  # type: ignore[attr-defined]
            settings = {"user_id": ig.user_id, "media_host": host, "quota_total": 10**6}  # type: ignore[attr-defined]
            ig.quota_total = 10**6  # type: ignore[attr-defined]
            measure("instagram", ig, ("instagram", url, "studio.ig", ig.token, settings), count,  # type: ignore[attr-defined]
                    ig.texts,  # type: ignore[attr-defined]
                    lambda: InstagramPublisher(Credentials("instagram", url, "", ig.token, settings),  # type: ignore[attr-defined]
                                               mediahost.MediaHost(host, ACCESS_KEY, SECRET_KEY), poll=0.01),
                    image=image,
                    prepare=lambda library, account_id: mediahost.store_keys(
                        library.get_account(account_id).secret_ref, ACCESS_KEY, SECRET_KEY))
            left = s3.objects(bucket)
            print(f"  media host objects left after the run: {len(left)}")
    finally:
        s3.stop()
    with FakeThreads(processing_polls=0) as threads:
        url = f"{threads.url}/v1.0"  # type: ignore[attr-defined]
        settings = {"user_id": threads.user_id}  # type: ignore[attr-defined]
        threads.quota_total = 10**6  # type: ignore[attr-defined]
        measure("threads", threads, ("threads", url, "studio.threads", threads.token, settings), count,  # type: ignore[attr-defined]
                threads.texts, lambda: ThreadsPublisher(Credentials("threads", url, "", threads.token, settings), None, 0.01))  # type: ignore[attr-defined]
    with FakeFacebook() as facebook:
        url = f"{facebook.url}/v23.0"  # type: ignore[attr-defined]
        settings = {"page_id": facebook.page_id}  # type: ignore[attr-defined]
        measure("facebook", facebook, ("facebook", url, "Studio Kettles", facebook.token, settings), count,  # type: ignore[attr-defined]
                facebook.texts, lambda: FacebookPublisher(Credentials("facebook", url, "", facebook.token, settings)))  # type: ignore[attr-defined]
    with FakeLinkedIn() as linkedin:
        measure("linkedin", linkedin, ("linkedin", linkedin.url, "Sari", linkedin.token), count,  # type: ignore[attr-defined]
                linkedin.texts, lambda: LinkedInPublisher(Credentials("linkedin", linkedin.url, "", linkedin.token)))  # type: ignore[attr-defined]
    with FakePostiz() as postiz:
        settings = {"integration_id": "int-tiktok-1", "provider": "tiktok", "hourly_limit": 10**6}
        measure("postiz", postiz, ("postiz", postiz.base, "Kettles TikTok", postiz.api_key, settings), count,  # type: ignore[attr-defined]
                postiz.contents, lambda: PostizPublisher(Credentials("postiz", postiz.base, "", postiz.api_key, settings)))  # type: ignore[attr-defined]


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"Publishing benchmark, {count} due posts per network (Python {sys.version.split()[0]})")
    with FakeMastodon() as mastodon:
        measure("mastodon", mastodon, ("mastodon", mastodon.url, "studio", mastodon.token), count,  # type: ignore[attr-defined]
                mastodon.posted_texts,  # type: ignore[attr-defined]
                lambda: MastodonPublisher(Credentials("mastodon", mastodon.url, "studio", mastodon.token)))  # type: ignore[attr-defined]
    with FakeTelegram() as telegram:
        chat = {"chat_id": telegram.chat_id}  # type: ignore[attr-defined]
        measure("telegram", telegram, ("telegram", telegram.url, "@studio_channel", telegram.token, chat),  # type: ignore[attr-defined]
                count, telegram.texts,  # type: ignore[attr-defined]
                lambda: TelegramPublisher(Credentials("telegram", telegram.url, "", telegram.token, chat)))  # type: ignore[attr-defined]
    measure_reach(count)
    measure_bluesky(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
