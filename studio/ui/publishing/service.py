"""The in-app publishing service: runs the publishing :class:`~studio.publishing.runner.Runner` on
what is due on a timer, off the UI thread, through ``context.tasks``.

It shares the library's lease with ``studio publish --due``: a cron job running at the same moment
never sends the same post. Only one run is in flight at a time; a tick that comes while one runs is
skipped.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from studio.errors import in_words
from studio.ui.context import AppContext
from studio.wording import counted

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.library import Library
    from studio.publishing.runner import Report, Result, Runner

    RunnerFactory = Callable[[Library], Runner]  # builds the publishing Runner on the pool thread

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000


def status_text(waiting: int, offline: bool = False) -> str:
    """The status bar's line: empty when nothing waits."""
    if waiting <= 0:
        return ""
    posts = counted(waiting, "post")
    return f"{posts} waiting for the network" if offline else f"{posts} waiting to be sent"


class PublishingService(QObject):
    """Runs the publisher every ``interval_ms`` and on demand.

    Signals: ``result(object)`` with each :class:`~studio.publishing.runner.Result`;
    ``finished(object)`` with the run's :class:`~studio.publishing.runner.Report`;
    ``state_changed(str)`` with the status bar's line ("3 posts waiting to be sent", or empty);
    ``failed(str)`` when a run itself could not happen (the library is gone), in words.
    """

    result = Signal(object)
    finished = Signal(object)
    state_changed = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, interval_ms: int = INTERVAL_MS, parent: QObject | None = None,
                 runner_factory: RunnerFactory | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._owner = ""
        self.running = False
        self.offline = False
        self._runner_factory = runner_factory or self._make_runner
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)

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
        self.state_changed.emit(status_text(report.waiting, self.offline))

    def _error(self, error: BaseException) -> None:
        self.running = False
        log.error("The publisher could not run: %s", error)
        self.failed.emit(in_words(error, "The publisher could not run"))


def _run(factory: RunnerFactory, library: Library) -> Report:
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
