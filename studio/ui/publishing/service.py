"""The in-app runner: publishes what is due when it falls due, off the UI thread, through ``context.tasks``.

A single-shot timer is set to the next due time (``Queue.next_due_at``) and set again after each
run and whenever the library's schedules or publications change, so a post goes out within moments
of its time, not at the next tick of a poll. The slower ``interval_ms`` timer stays as a backstop for
changes made by another process (``studio schedule`` from a terminal, a synced library).

It shares the library's lease with ``studio publish --due``: a cron job running at the same moment
never sends the same post. Only one run is in flight at a time; a tick that comes while one runs is
skipped.

The same service measures (issue 15): every ``measure_ms`` and after each publishing run it takes
the analytics snapshots and follower counts that are due (:func:`studio.analytics.fetch.fetch_due`,
the function ``studio scheduler`` and ``studio metrics fetch`` call), off the UI thread, one round
at a time. A failed fetch is retried with the publishing backoff that ``fetch_due`` records; while the
system says the network is gone no round starts (a gap, never a zero); an account whose token is
refused is named in ``tokens_expiring``'s list with "reconnect the account", where the Publishing
page and the status bar show it.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from studio.errors import StudioError, in_words
from studio.ui.context import AppContext
from studio.ui.locale_format import counted

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.analytics.fetch import FetchReport
    from studio.library import Library
    from studio.publishing.runner import Report, Result, Runner

    RunnerFactory = Callable[[Library], Runner]  # builds the publishing Runner on the pool thread
    Measure = Callable[[Library], FetchReport]  # one measuring round, on the pool thread

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000
# After a run, a post still due (its account offline, another runner's lease) is looked at again
# this much later, not at once: the due timer must not spin.
STILL_DUE_MS = 5_000
LONGEST_MS = 2**31 - 1  # QTimer's limit (about 24 days)
# Snapshots are due at +1 h, +24 h, +7 d and +30 d: a round every 10 minutes takes the first within
# minutes of its time, and costs nothing when nothing is due (one query, no request).
MEASURE_MS = 600_000


def status_text(waiting: int, offline: bool = False, expiring: int = 0, reconnect: int = 0) -> str:
    """The status bar's line: empty when nothing waits, no token is about to expire and none was refused."""
    said = []
    if waiting > 0 and offline:
        said.append(counted(waiting, QCoreApplication.translate("PublishingService", "1 post waiting for the network"),
                            QCoreApplication.translate("PublishingService", "%1 posts waiting for the network")))
    elif waiting > 0:
        said.append(counted(waiting, QCoreApplication.translate("PublishingService", "1 post waiting to be sent"),
                            QCoreApplication.translate("PublishingService", "%1 posts waiting to be sent")))
    if expiring > 0:
        said.append(counted(expiring, QCoreApplication.translate(
            "PublishingService", "1 account token expiring: reconnect it (Publishing page)"), QCoreApplication.translate(
            "PublishingService", "%1 account tokens expiring: reconnect them (Publishing page)")))
    if reconnect > 0:
        said.append(counted(reconnect, QCoreApplication.translate(
            "PublishingService", "1 account to reconnect (Publishing page)"), QCoreApplication.translate(
            "PublishingService", "%1 accounts to reconnect (Publishing page)")))
    return " · ".join(said)


class PublishingService(QObject):
    """Runs the publisher every ``interval_ms`` and on demand.

    Signals: ``result(object)`` with each :class:`~studio.publishing.runner.Result`;
    ``finished(object)`` with the run's :class:`~studio.publishing.runner.Report`;
    ``state_changed(str)`` with the status bar's line ("3 posts waiting to be sent", or empty);
    ``failed(str)`` when a run itself could not happen (the library is gone), in words;
    ``tokens_expiring(list)`` with the warnings (str) when the set of expiring tokens, or of accounts
    whose token the network refused while measuring, changes;
    ``measured(object)`` with each measuring round's :class:`~studio.analytics.fetch.FetchReport`.
    """

    result = Signal(object)
    finished = Signal(object)
    state_changed = Signal(str)
    failed = Signal(str)
    tokens_expiring = Signal(list)
    measured = Signal(object)

    def __init__(self, context: AppContext, interval_ms: int = INTERVAL_MS, parent: QObject | None = None,
                 runner_factory: RunnerFactory | None = None, measure_ms: int = MEASURE_MS,
                 measure: Measure | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.team_posts = TeamPosts()
        self._owner = ""
        self.running = False
        self.offline = False
        self.token_warnings: list[str] = []
        self._runner_factory = runner_factory or self._make_runner
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)
        self.due_timer = QTimer(self)  # fires at the next due time
        self.due_timer.setSingleShot(True)
        self.due_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.due_timer.timeout.connect(self.run_now)
        self.next_due: datetime | None = None
        self._asked = 0
        self._signals: Any = None
        self.measuring = False
        self._measured_once = False
        self._waiting = 0
        self._measure = measure or _fetch_due
        self.reconnect_warnings: list[str] = []  # accounts whose token was refused while measuring
        self.measure_timer = QTimer(self)
        self.measure_timer.setInterval(measure_ms)
        self.measure_timer.timeout.connect(self.measure_now)

    @property
    def owner(self) -> str:
        """This app's name on the leases it takes (host, process, random part)."""
        if not self._owner:
            from studio.publishing.queue import lease_owner

            self._owner = lease_owner()
        return self._owner

    def _make_runner(self, library: Library) -> Runner:
        """On the pool thread: the publishers and their network libraries load there, not at start-up."""
        from studio.publishing.queue import Queue
        from studio.publishing.runner import Runner

        return Runner(library, Queue(library, self.owner))

    def start(self) -> None:
        """Start the timers and run once now (posts that fell due while the app was closed); from
        then on, follow the library's changes to keep the due timer on the next due post."""
        from studio.ui.library.signals import LibrarySignals

        self.timer.start()
        self.measure_timer.start()
        if self._signals is None:
            self._signals = LibrarySignals(self.context.library, self)
            self._signals.changed.connect(self._library_changed)
        QTimer.singleShot(0, self.run_now)

    def stop(self) -> None:
        self.timer.stop()
        self.team_posts.close()  # waits for a pass under way (it holds the engine)
        self.due_timer.stop()
        self.measure_timer.stop()
        if self._signals is not None:
            self._signals.detach()
            self._signals.changed.disconnect(self._library_changed)
            self._signals = None

    def _library_changed(self, kind: str, _ident: object) -> None:
        if kind in ("schedule", "publication", "library"):
            self.rearm()

    def rearm(self, after_run: bool = False) -> None:
        """Look up the next due time (off the UI thread) and set the due timer to it."""
        self._asked += 1
        asked = self._asked
        self.context.tasks.run(_next_due, self.context.library,
                               on_done=lambda when: self._arm(when, after_run, asked),
                               on_error=lambda error: log.warning("Next due post: %s", error))

    def _arm(self, when: datetime | None, after_run: bool = False, asked: int = 0) -> None:
        if asked and asked != self._asked:
            return  # an older answer: the library changed again since
        self.next_due = when
        if when is None:
            self.due_timer.stop()
            return
        delay = max(0, int((when - datetime.now(UTC)).total_seconds() * 1000))
        if delay == 0 and after_run:
            delay = STILL_DUE_MS  # the last run left it due: it waits for its account or lease
        self.due_timer.start(min(delay, LONGEST_MS))

    def set_offline(self, offline: bool) -> None:
        """The system says the network is gone (or back): back means a run now."""
        was = self.offline
        self.offline = offline
        if was and not offline:
            self.run_now()

    def run_now(self) -> None:
        if self.running:
            return
        self.running = True
        self.owner  # noqa: B018  (named here on the GUI thread, not by two workers at once)
        library = self.context.library
        factory = self._runner_factory
        self.context.tasks.run(_run, factory, library, self.team_posts, on_done=self._done, on_error=self._error)

    def _done(self, report: Report) -> None:
        self.running = False
        if self.timer.isActive():
            self.rearm(after_run=True)
        for item in report.results:
            self.result.emit(item)
        self.finished.emit(report)
        self._waiting = report.waiting
        warnings = list(getattr(report, "token_warnings", []))
        if warnings != self.token_warnings:
            self.token_warnings = warnings
            self.tokens_expiring.emit(warnings + self.reconnect_warnings)
        self._say_state()
        if self.measure_timer.isActive() and (report.count("published") or not self._measured_once):
            # After a round that published (its followers, a stage of an earlier post), and after the
            # first run at start; the 60-second backstop runs do not each measure.
            self.measure_now()

    def _say_state(self) -> None:
        self.state_changed.emit(status_text(self._waiting, self.offline, len(self.token_warnings),
                                            len(self.reconnect_warnings)))

    # ---- measuring (issue 15) ------------------------------------------------------------------

    def measure_now(self) -> None:
        """Take the analytics snapshots that are due, off the UI thread; skipped while a round
        runs or while the network is gone (the stage stays due and is taken when it is back)."""
        if self.measuring or self.offline:
            return
        self.measuring = True
        self._measured_once = True
        self.context.tasks.run(self._measure, self.context.library, on_done=self._measured,
                               on_error=self._measure_failed)

    def _measured(self, report: FetchReport) -> None:
        self.measuring = False
        names = _handles(self.context.library, report.reconnect)
        reconnect = [f"{names.get(account, f'Account {account}')}: {report.problems.get(account, '')}".strip()
                     for account in sorted(report.reconnect)]
        if reconnect != self.reconnect_warnings:
            fresh = [line for line in reconnect if line not in self.reconnect_warnings]
            self.reconnect_warnings = reconnect
            self.tokens_expiring.emit(self.token_warnings + reconnect)
            self._say_state()
            for line in fresh:  # said once, when it first happens, not every ten minutes
                self.context.messages.warning(line)
        self.measured.emit(report)

    def _measure_failed(self, error: BaseException) -> None:
        self.measuring = False
        log.warning("Measuring could not run: %s", error)

    def _error(self, error: BaseException) -> None:
        self.running = False
        if self.timer.isActive():
            self.rearm(after_run=True)
        log.error("The publisher could not run: %s", error)
        self.failed.emit(in_words(error, self.tr("The publisher could not run")))


def _fetch_due(library: Library) -> FetchReport:
    """On a pool thread: one measuring round (the analytics modules load there, not at start-up)."""
    from studio.analytics.fetch import fetch_due

    return fetch_due(library)


def _handles(library: Any, accounts: set[int]) -> dict[int, str]:
    """``"Mastodon @handle"`` for each account id (a removed account keeps its number)."""
    found: dict[int, str] = {}
    for account in accounts:
        try:
            row = library.get_account(account)
        except Exception:
            continue
        found[account] = f"{row.network.capitalize()} {row.handle}"
    return found


class TeamPosts:
    """The team's due posts, sent after each pass of a linked library (``studio.team.engine.
    publish_due``) over one engine kept between passes: one connection pool, not one a minute. An
    unlinked library loads no team module (psycopg stays out of an idle app's memory)."""

    def __init__(self) -> None:
        self.engine: Any = None
        self._lock = threading.Lock()

    def send(self, library: Library) -> None:
        from studio.team import local

        with self._lock:
            if "url" not in local.state(library.connection):
                self._close()
                return
            from studio.team.engine import SyncEngine, publish_due

            if self.engine is None:
                try:
                    self.engine = SyncEngine(library)
                except StudioError as error:  # e.g. the team password is not in the keyring
                    log.info("Team posts not sent now: %s", error)
                    return
            publish_due(library, self.engine)

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None


def _run(factory: RunnerFactory, library: Library, team: TeamPosts | None = None) -> Report:
    """On a pool thread: one pass over what is due (plain data in, plain data out), then the
    team's due posts in a linked library."""
    runner: Runner = factory(library)
    report = runner.run_due()
    (team or TeamPosts()).send(library)
    return report


def _next_due(library: Any) -> datetime | None:
    """On a pool thread: when the next scheduled (or retrying) post falls due."""
    from studio.publishing.queue import Queue

    return Queue(library).next_due_at()


def describe(result: Result, handle: str = "") -> tuple[str, str]:
    """A notification's title and text for one result."""
    where = f"{result.network.capitalize()}" + (f" ({handle})" if handle else "")
    if result.state == "published":
        return (QCoreApplication.translate("PublishingService", "Published on %1").replace("%1", where),
                result.remote_url or QCoreApplication.translate("PublishingService", "The post is out."))
    if result.state == "failed-retry":
        return QCoreApplication.translate("PublishingService", "Will retry on %1").replace("%1", where), result.message
    if result.state == "uncertain":
        return QCoreApplication.translate("PublishingService", "Check %1").replace("%1", where), result.message
    return QCoreApplication.translate("PublishingService", "Not published on %1").replace("%1", where), result.message
