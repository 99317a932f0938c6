"""The in-app runner: publishes what is due on a timer, off the UI thread, through ``context.tasks``.

It shares the library's lease with ``studio publish --due``: a cron job running at the same moment
never sends the same post. Only one run is in flight at a time; a tick that comes while one runs is
skipped.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.errors import in_words
from studio.ui.context import AppContext

if TYPE_CHECKING:
    from studio.publishing.runner import Report, Result, Runner

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000


def status_text(waiting: int, offline: bool = False, expiring: int = 0) -> str:
    """The status bar's line: empty when nothing waits and no token is about to expire."""
    said = []
    if waiting > 0:
        posts = "post" if waiting == 1 else "posts"
        said.append(f"{waiting} {posts} waiting for the network" if offline else f"{waiting} {posts} waiting to be sent")
    if expiring > 0:
        said.append(f"{expiring} account token{'s' if expiring != 1 else ''} expiring: reconnect "
                    f"{'it' if expiring == 1 else 'them'} (Publishing page)")
    return " · ".join(said)


class PublishingService(QObject):
    """Runs the publisher every ``interval_ms`` and on demand.

    Signals: ``result(object)`` with each :class:`~studio.publishing.runner.Result`;
    ``finished(object)`` with the run's :class:`~studio.publishing.runner.Report`;
    ``state_changed(str)`` with the status bar's line ("3 posts waiting to be sent", or empty);
    ``failed(str)`` when a run itself could not happen (the library is gone), in words;
    ``tokens_expiring(list)`` with the warnings (str) when the set of expiring tokens changes.
    """

    result = Signal(object)
    finished = Signal(object)
    state_changed = Signal(str)
    failed = Signal(str)
    tokens_expiring = Signal(list)

    def __init__(self, context: AppContext, interval_ms: int = INTERVAL_MS, parent: QObject | None = None,
                 runner_factory: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self._owner = ""
        self.running = False
        self.offline = False
        self.token_warnings: list[str] = []
        self._runner_factory = runner_factory or self._make_runner
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)

    @property
    def owner(self) -> str:
        """This app's name on the leases it takes (host, process, random part)."""
        if not self._owner:
            from studio.publishing.queue import runner_name

            self._owner = runner_name()
        return self._owner

    def _make_runner(self, library: Any) -> Runner:
        """On the pool thread: the publishers and their network libraries load there, not at start-up."""
        from studio.publishing.queue import Queue
        from studio.publishing.runner import Runner

        return Runner(library, Queue(library, self.owner))

    def start(self) -> None:
        """Start the timer and run once now (posts that fell due while the app was closed)."""
        self.timer.start()
        QTimer.singleShot(0, self.run_now)

    def stop(self) -> None:
        self.timer.stop()

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
        self.context.tasks.run(_run, factory, library, on_done=self._done, on_error=self._error)

    def _done(self, report: Report) -> None:
        self.running = False
        for item in report.results:
            self.result.emit(item)
        self.finished.emit(report)
        warnings = list(getattr(report, "token_warnings", []))
        if warnings != self.token_warnings:
            self.token_warnings = warnings
            self.tokens_expiring.emit(warnings)
        self.state_changed.emit(status_text(report.waiting, self.offline, len(warnings)))

    def _error(self, error: BaseException) -> None:
        self.running = False
        log.error("The publisher could not run: %s", error)
        self.failed.emit(in_words(error, "The publisher could not run"))


def _run(factory: Any, library: Any) -> Report:
    """On a pool thread: one pass over what is due (plain data in, plain data out)."""
    runner: Runner = factory(library)
    return runner.run_due()


def describe(result: Result, handle: str = "") -> tuple[str, str]:
    """A notification's title and text for one result."""
    where = f"{result.network.capitalize()}" + (f" ({handle})" if handle else "")
    if result.state == "published":
        return f"Published on {where}", result.remote_url or "The post is out."
    if result.state == "failed-retry":
        return f"Will retry on {where}", result.message
    if result.state == "uncertain":
        return f"Check {where}", result.message
    return f"Not published on {where}", result.message
