"""The runner: takes due publications under a lease and sends them, one at a time.

The same code runs inside the app (on a timer, through the task helper), from ``studio publish
--due`` (cron, systemd timers, the Windows Task Scheduler) and from ``studio scheduler`` (a long-running
service). For each publication: render the network's variant (or thread) and the renditions made
for that network with their alt text, run the pre-flight checks again, load the secret from the
keyring, call the publisher with the stored idempotency key, record the outcome.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.drafting import parts_for
from studio.errors import in_words
from studio.library.times import parse_iso
from studio.publishing import preflight
from studio.publishing.base import (
    Credentials,
    Outcome,
    Part,
    Permanent,
    Post,
    Publisher,
    RetryLater,
    Uncertain,
)
from studio.publishing.publishers import make_publisher
from studio.publishing.queue import Job, Queue
from studio.publishing.renditions import media_for, target_of

if TYPE_CHECKING:
    from studio.library import Library

log = logging.getLogger(__name__)

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
    server_schedules: Any = None  # native.SyncReport of the hand-over to servers that schedule
    token_warnings: list[str] = field(default_factory=list)  # tokens that expire within a week, in words

    def count(self, state: str) -> int:
        return sum(1 for result in self.results if result.state == state)

    def to_json(self) -> dict[str, Any]:
        return {
            "published": self.count("published"),
            "failed": self.count("failed-permanent"),
            "retrying": self.count("failed-retry"),
            "uncertain": self.count("uncertain"),
            "waiting": self.waiting,
            "token_warnings": list(self.token_warnings),
            "results": [result.to_json() for result in self.results],
        }


class Runner:
    """Sends what is due in one library. ``publisher_for`` and ``secret_for`` are injectable so the
    GUI and the tests use the real ones by default and special ones only when they must."""

    def __init__(
        self,
        library: Library,
        queue: Queue | None = None,
        *,
        publisher_for: Callable[[Credentials], Publisher] = make_publisher,
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
        try:
            for line in self.refresh_tokens():
                log.info("%s", line)
        except Exception:  # a refresh problem must not stop posts that can go out
            log.exception("Refreshing tokens failed")
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
        if stop is None or not stop():
            try:
                report.server_schedules = self.sync_server_schedules()
            except Exception:  # never let the hand-over spoil the run's report
                log.exception("Syncing server schedules failed")
        report.waiting = self.queue.count_due()
        from studio.publishing import tokens

        report.token_warnings = [warning.message for warning in tokens.warnings(self.library, self.queue.now())]
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
            try:
                publisher = self._make(account_row, secret)
            except Exception as error:
                return Permanent(f"{getattr(error, 'message', error)} Reconnect the account.", True)
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

    def _make(self, account_row: Any, secret: str) -> Publisher:
        account = Credentials(
            network=account_row.network, server_url=account_row.server_url, handle=account_row.handle,
            secret=secret, settings=dict(account_row.settings), secret_ref=account_row.secret_ref,
        )
        publisher = self._publisher_for(account)
        self._publishers[account_row.id] = publisher
        return publisher

    def forget_publisher(self, account_id: int) -> None:
        self._publishers.pop(account_id, None)

    def refresh_tokens(self) -> list[str]:
        """Refresh the long-lived tokens that can be (see :mod:`studio.publishing.tokens`)."""
        from studio.publishing import tokens

        return tokens.refresh_due(self.library, self, self.queue.now())

    def publisher_for_row(self, account_row: Any) -> Any:
        """The publisher for a library account, its secret loaded from the keyring (native.sync)."""
        publisher = self._publishers.get(account_row.id)
        if publisher is None:
            secret = self._secret_for(account_row.secret_ref) if account_row.secret_ref else ""
            publisher = self._make(account_row, secret)
        return publisher

    def sync_server_schedules(self) -> Any:
        """Hand posts to the servers that publish them themselves (Mastodon), and keep those lists in
        step with the library: see :mod:`studio.publishing.native`."""
        from studio.publishing import native

        report = native.sync(self.library, self, self.queue.now())
        if report.created or report.moved or report.deleted or report.problems:
            log.info("Server schedules: %s created, %s moved, %s replaced, %s deleted%s", report.created,
                     report.moved, report.replaced, report.deleted,
                     f"; problems: {'; '.join(report.problems)}" if report.problems else "")
        return report

    # ---- rendering ---------------------------------------------------------------------------

    def render(self, draft_id: int, account: Any) -> tuple[Part, ...]:
        """The parts to send for ``account``: its network's variant or thread, else the base text
        (links tagged by :func:`studio.analytics.links.outgoing_texts`), with the draft's images as renditions for that network and their alt text on the first part."""
        return self._render(self.library.get_draft(draft_id), account)

    def _render(self, draft: Any, account: Any) -> tuple[Part, ...]:
        from studio.analytics.links import outgoing_texts

        target = target_of(account.network, account.settings)
        # The links carry the client's UTM parameters (issue 15): the same text on every retry.
        texts = outgoing_texts(self.library, draft, target, parts_for(draft, target),
                               preflight.server_limit(account.settings))
        # Every image goes out as the rendition for this account's network version, never the original.
        media = tuple(media_for(self.library, asset, target, self._renditions)
                      for asset in sorted(draft.assets, key=lambda a: a.position))
        return (Part(texts[0], media), *(Part(text) for text in texts[1:]))


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
