"""The one way to run core work off the UI thread.

``tasks.run(fn, *args, on_done=..., on_error=...)`` runs ``fn(*args)`` on a pool thread and calls
``on_done(result)`` or ``on_error(exception)`` back on the GUI thread (a queued signal does the
crossing). Workers get plain data and return plain data; they never touch a widget.

Two pools: ``general`` for reads, checks, exports and network calls (one thread per core), and
``writes`` with a single thread, so library writes happen one after another in the order asked.
A pool is named by :data:`Pool`, so a typo (``pool="write"``) fails mypy instead of silently
running a write on the general pool, out of order. Tests can make both synchronous by setting
``tasks.inline = True`` (see ``tests/ui/conftest.py``), and a few tests use real threads on purpose.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any, Literal, get_args

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# How long a worker may hold the interpreter before the UI thread gets it back. Python's default
# (5 ms) let a grammar check's worker stall typing for 40-70 ms in benchmarks/grammar.py (GIL convoy
# with the key events); at 1 ms the longest gap stayed under 10 ms. Worker throughput barely moves.
GUI_SWITCH_INTERVAL_S = 0.001

Pool = Literal["general", "writes"]
POOLS: tuple[Pool, ...] = get_args(Pool)
Done = Callable[[Any], None]
Failed = Callable[[BaseException], object]


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread.

    Signals: ``finished(object)`` with the result, ``failed(object)`` with the exception.
    """

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except BaseException as error:  # handed to on_error on the GUI thread, never lost
            self.relay.failed.emit(error)
        else:
            self.relay.finished.emit(result)


class Tasks(QObject):
    """The application's worker pools (built once in the composition root and passed in)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)  # the pools' threads share the GIL with the UI
        self.general = QThreadPool(self)
        self.general.setMaxThreadCount(max(2, os.cpu_count() or 2))
        self.writes = QThreadPool(self)
        self.writes.setMaxThreadCount(1)
        self.inline = False
        self.closed = False
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        pool: Pool = "general",
    ) -> None:
        """Run ``fn(*args)`` on ``pool`` ("general" or "writes") and report back on this thread.

        Without ``on_error`` a failure is logged and handed to the application's error hook, so
        nothing fails silently.
        """
        if pool not in POOLS:  # mypy catches a literal typo; this catches one built at run time
            raise ValueError(f"no pool named {pool!r}: use one of {POOLS}")
        if self.closed:
            log.debug("Not starting %r: the application is shutting down", fn)
            return
        if self.inline:
            self._run_now(fn, args, on_done, on_error)
            return
        relay = _Relay()
        self._relays.add(relay)  # keep it alive until the outcome arrives

        def finished(result: Any) -> None:
            self._relays.discard(relay)
            if on_done is not None and not self.closed:
                on_done(result)

        def failed(error: BaseException) -> None:
            self._relays.discard(relay)
            if self.closed:
                log.debug("Dropped after closing: %r", error)
            else:
                _report(error, on_error)

        relay.finished.connect(finished)
        relay.failed.connect(failed)
        (self.writes if pool == "writes" else self.general).start(_Job(fn, args, relay))

    def _run_now(self, fn: Callable[..., Any], args: tuple[Any, ...], on_done: Done | None,
                 on_error: Failed | None) -> None:
        try:
            result = fn(*args)
        except Exception as error:
            _report(error, on_error)
        else:
            if on_done is not None:
                on_done(result)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for both pools to drain (in tests)."""
        return self.general.waitForDone(msecs) and self.writes.waitForDone(msecs)

    def close(self, msecs: int = 30_000) -> bool:
        """On quit: refuse new work, let what runs finish (writes above all), and drop the outcomes
        not yet delivered: the widgets waiting for them are going away with the window."""
        self.closed = True  # outcomes already on their way to the GUI thread are dropped on arrival
        return self.wait(msecs)


def _report(error: BaseException, on_error: Failed | None) -> None:
    if on_error is not None:
        on_error(error)
        return
    log.error("Background task failed", exc_info=(type(error), error, error.__traceback__))
    sys.excepthook(type(error), error, error.__traceback__)
