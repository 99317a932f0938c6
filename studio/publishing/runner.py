"""The runner: takes due publications under a lease and sends them, one at a time.

The same code runs inside the app (on a timer, through the task helper), from ``studio publish
--due`` (cron, systemd timers, the Windows Task Scheduler) and from ``studio scheduler`` (a long-running
service). For each publication: render the network's variant (or thread) and the renditions made
for that network with their alt text, run the pre-flight checks again, load the secret from the
keyring, call the publisher with the stored idempotency key, record the outcome.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.errors import in_words
from studio.library.times import parse_iso
from studio.publishing import preflight
from studio.publishing.base import (
    Account,
    Media,
    Outcome,
    Part,
    Permanent,
    Post,
    Publisher,
    RetryLater,
    Uncertain,
)
from studio.publishing.queue import Job, Queue

log = logging.getLogger(__name__)

RENDITION_PRESET = {"mastodon": "mastodon.post", "bluesky": "bluesky.post", "telegram": "telegram.photo"}


def make_publisher(account: Account) -> Publisher:
    """The publisher for ``account.network``."""
    if account.network == "mastodon":
        from studio.publishing.mastodon import MastodonPublisher

        return MastodonPublisher(account)
    if account.network == "bluesky":
        from studio.publishing.bluesky import BlueskyPublisher

        return BlueskyPublisher(account)
    if account.network == "telegram":
        from studio.publishing.telegram import TelegramPublisher

        return TelegramPublisher(account)
    if account.network == "webhook":
        from studio.publishing.webhook import WebhookPublisher

        return WebhookPublisher(account)
    if account.network == "folder":
        from studio.publishing.folder import FolderPublisher

        return FolderPublisher(account)
    raise ValueError(f"no publisher for {account.network!r}")


def load_secret(secret_ref: str) -> str:
    from studio import secrets

    return secrets.load(secret_ref)


@dataclass(frozen=True)
class Result:
    """What happened to one publication in one run."""

    publication_id: int
    draft_id: int
    account_id: int
    network: str
    state: str
    message: str = ""
    remote_url: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    waiting: int = 0  # due posts still waiting after the run (offline, rate-limited)

    def count(self, state: str) -> int:
        return sum(1 for result in self.results if result.state == state)

    def to_json(self) -> dict[str, Any]:
        return {
            "published": self.count("published"),
            "failed": self.count("failed-permanent"),
            "retrying": self.count("failed-retry"),
            "uncertain": self.count("uncertain"),
            "waiting": self.waiting,
            "results": [result.to_json() for result in self.results],
        }


class Runner:
    """Sends what is due in one library. ``publisher_for`` and ``secret_for`` are injectable so the
    GUI and the tests use the real ones by default and special ones only when they must."""

    def __init__(
        self,
        library: Any,
        queue: Queue | None = None,
        *,
        publisher_for: Callable[[Account], Publisher] = make_publisher,
        secret_for: Callable[[str], str] = load_secret,
        renditions_dir: Path | None = None,
    ) -> None:
        self.library = library
        self.queue = queue or Queue(library)
        self._publisher_for = publisher_for
        self._secret_for = secret_for
        self._renditions = renditions_dir or Path(library.folder) / "renditions"
        self._publishers: dict[int, Publisher] = {}

    def run_due(self, limit: int | None = None, stop: Callable[[], bool] | None = None,
                on_result: Callable[[Result], None] | None = None) -> Report:
        """Send due publications until none is left (or ``limit``, or ``stop()``)."""
        report = Report()
        seen: set[int] = set()
        while limit is None or len(report.results) < limit:
            if stop is not None and stop():
                break
            job = self.queue.claim(exclude=frozenset(seen))
            if job is None:
                break
            seen.add(job.publication_id)
            result = self.run_job(job)
            report.results.append(result)
            if on_result is not None:
                on_result(result)
        report.waiting = self.queue.count_due()
        self._publishers.clear()
        return report

    def run_job(self, job: Job) -> Result:
        started = time.perf_counter()
        outcome = self._attempt(job)
        state = self.queue.finish(job, outcome) or "sending"
        message = getattr(outcome, "message", "")
        url = getattr(outcome, "remote_url", "")
        log.info("Publication %s (%s): %s in %.2fs%s", job.publication_id, job.network, state,
                 time.perf_counter() - started, f": {message}" if message else "")
        return Result(job.publication_id, job.draft_id, job.account_id, job.network, state, message, url)

    def _attempt(self, job: Job) -> Outcome:
        from studio import secrets

        account_row = self.library.get_account(job.account_id)
        if account_row.archived:
            return Permanent(f"The account {account_row.handle} was removed. Schedule the post on another account.")
        try:
            draft = self.library.get_draft(job.draft_id)
            parts = self._render(draft, account_row)
        except Exception as error:  # a missing draft or asset: say which, never crash the run
            log.warning("Cannot render publication %s: %s", job.publication_id, error)
            return Permanent(f"The post could not be prepared: {in_words(error)}")
        # An approval covers the exact content (studio.review): a post edited after it was approved,
        # or one a client must approve first, is held back before any request leaves.
        from studio.review.approval import refusal

        reason = refusal(self.library, job.draft_id)
        if reason:
            return Permanent(reason)
        try:
            needs_secret = bool(account_row.secret_ref) or account_row.network != "folder"
            secret = self._secret_for(account_row.secret_ref) if needs_secret else ""
            secret_ok = True
        except secrets.SecretMissing:
            secret, secret_ok = "", False
        except secrets.SecretError as error:
            return RetryLater(error.for_humans())
        problems = preflight.check(parts, account_row.network, account_row.settings, secret_ok)
        if problems:
            return Permanent(preflight.summary(problems))
        publisher = self._publishers.get(job.account_id)
        if publisher is None:
            account = Account(
                network=account_row.network, server_url=account_row.server_url, handle=account_row.handle,
                secret=secret, settings=dict(account_row.settings), secret_ref=account_row.secret_ref,
            )
            try:
                publisher = self._publisher_for(account)
            except Exception as error:
                return Permanent(f"{getattr(error, 'message', error)} Reconnect the account.", True)
            self._publishers[job.account_id] = publisher
        post = Post(
            parts=parts,
            idempotency_key=job.idempotency_key,
            scheduled_at=parse_iso(job.scheduled_at),
            title=(draft.text.strip().splitlines() or [""])[0][:60],
            language=_language(draft.language),
            already_sent=job.sent,
        )
        try:
            return publisher.publish(post, lambda index, sent: self.queue.record_part(job, index, sent))
        except Exception as error:  # a bug in a publisher must not look like a success or a retry loop
            log.exception("Publisher %s failed on publication %s", job.network, job.publication_id)
            if publisher.idempotent:
                return RetryLater(f"Unexpected error while sending ({type(error).__name__}).")
            return Uncertain(f"Unexpected error while sending ({type(error).__name__}); check the account.")

    # ---- rendering ---------------------------------------------------------------------------

    def render(self, draft_id: int, account: Any) -> tuple[Part, ...]:
        """The parts to send for ``account``: its network's variant or thread, else the base text,
        with the draft's images as renditions for that network and their alt text on the first part."""
        return self._render(self.library.get_draft(draft_id), account)

    def _render(self, draft: Any, account: Any) -> tuple[Part, ...]:
        target = str(account.settings.get("variant") or account.network)
        variant = draft.variants.get(target)
        if variant is not None and variant.parts:
            texts = list(variant.parts)
        elif variant is not None and variant.text is not None:
            texts = [variant.text]
        else:
            texts = [draft.text]
        media = tuple(self._media(asset, account.network) for asset in sorted(draft.assets, key=lambda a: a.position))
        return (Part(texts[0], media), *(Part(text) for text in texts[1:]))

    def _media(self, attached: Any, network: str) -> Media:
        source = self.library.asset_path(attached.sha)
        preset_id = RENDITION_PRESET.get(network)
        if preset_id is None:
            return Media(source, attached.alt_text, _mime(source))
        from studio.imaging.export import export
        from studio.imaging.presets import get_preset

        asset = self.library.get_asset(attached.sha)
        crops = self.library.get_crops(attached.sha)
        crop = crops.get(preset_id)
        fingerprint = hashlib.sha256(repr((crop, asset.focal_x, asset.focal_y)).encode()).hexdigest()[:12]
        folder = self._renditions / attached.sha[:2] / f"{attached.sha}-{preset_id}-{fingerprint}"
        existing = sorted(folder.glob("*.*")) if folder.exists() else []
        existing = [path for path in existing if not path.name.startswith(".")]
        if existing:
            return Media(existing[0], attached.alt_text, _mime(existing[0]))
        renditions = export(source, [get_preset(preset_id)], folder, crops={preset_id: crop} if crop else None,
                            focal=(asset.focal_x, asset.focal_y), stem=attached.sha[:12])
        path = renditions[0].path
        return Media(path, attached.alt_text, _mime(path))


def _mime(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _language(language: str | None) -> str | None:
    """ISO 639 code for the networks ("en-US" -> "en")."""
    if not language:
        return None
    return language.split("-")[0].split("_")[0].lower() or None


def due_wait(queue: Queue, default: float, now: datetime | None = None) -> float:
    """Seconds until the next publication is due (at most ``default``), for ``studio scheduler``."""
    upcoming = queue.next_due_at()
    if upcoming is None:
        return default
    current = now or queue.now()
    return max(0.0, min(default, (upcoming - current).total_seconds()))
