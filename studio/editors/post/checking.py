"""Grammar checks while typing: debounced with one timer, run off the UI thread, answers tagged
with the revision of the text they are about."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from studio.errors import StudioError, in_words
from studio.grammar import GrammarUnavailable
from studio.model import Issue
from studio.settings import Settings

log = logging.getLogger(__name__)


class CheckEngine(Protocol):
    """What the checks need from the app's grammar engine (:class:`studio.ui.grammar.GrammarEngine`).

    A protocol, not an import: :mod:`studio.editors` imports only the core, and the composition root
    (:mod:`studio.ui.app`) hands the engine in.
    """

    def check(self, text: str, language: str, *, dictionary: Iterable[str] = (),
              disabled_rules: Iterable[str] = (), prefer: Iterable[str] = (), default_language: str = "en-US",
              on_done: Callable[[list[Issue]], None],
              on_error: Callable[[GrammarUnavailable], None] | None = None) -> bool: ...


@dataclass(frozen=True)
class _Request:
    revision: int
    text: str
    language: str
    dictionary: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    prefer: tuple[str, ...]
    default_language: str


class TypingChecks(QObject):
    """Runs at most one grammar check at a time, for the newest text once typing pauses.

    Signals: ``ready(int revision, str text, object issues)`` with the issues of ``text`` (the text of
    ``revision``); ``failed(str message)`` when the engine cannot check; ``busy(bool)``.
    """

    ready = Signal(int, str, object)
    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, settings: Settings, engine: CheckEngine | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.engine = engine  # the app's engine: it runs the checks off the UI thread; None: no checks
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(settings.get("grammar.delay_ms")))
        self.timer.timeout.connect(self._start)
        self._pending: _Request | None = None
        self._running = False

    def set_delay(self, msecs: int) -> None:
        self.timer.setInterval(int(msecs))

    def request(self, revision: int, text: str, language: str, dictionary: Sequence[str] = (),
                disabled_rules: Sequence[str] = (), *, now: bool = False, prefer: Sequence[str] = (),
                default_language: str = "en-US") -> None:
        """Check ``text`` (revision ``revision``) once typing pauses; replaces any waiting request.
        ``language`` may be "auto": see :func:`studio.model.grammar_language`."""
        if self.engine is None:
            return
        self._pending = _Request(revision, text, language, tuple(dictionary), tuple(disabled_rules),
                                 tuple(prefer), default_language)
        if now:
            self.timer.stop()
            self._start()
        else:
            self.timer.start()

    def cancel(self) -> None:
        """Forget the waiting request (another draft was opened)."""
        self.timer.stop()
        self._pending = None

    def _start(self) -> None:
        if self._running or self._pending is None:
            return  # the running check will start the next one when it ends
        asked, self._pending = self._pending, None
        if self.engine is None:
            return
        self._running = True
        self.busy.emit(True)
        started = self.engine.check(
            asked.text, asked.language, dictionary=asked.dictionary, disabled_rules=asked.disabled_rules,
            prefer=asked.prefer, default_language=asked.default_language,
            on_done=lambda issues: self._done(asked.revision, asked.text, issues), on_error=self._failed,
        )
        if not started:  # checking is off, or cannot work until the user acts
            self._running = False
            self.busy.emit(False)
            self.ready.emit(asked.revision, asked.text, [])

    def _done(self, revision: int, text: str, issues: list[Issue]) -> None:
        self._running = False
        self.busy.emit(self._pending is not None)
        self.ready.emit(revision, text, issues)
        if self._pending is not None and not self.timer.isActive():
            self._start()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.busy.emit(False)
        if not isinstance(error, StudioError):
            log.error("Grammar check failed", exc_info=(type(error), error, error.__traceback__))
        self.failed.emit(in_words(error, "The grammar check failed"))
        if self._pending is not None and not self.timer.isActive():
            self.timer.start()


# The Write page (studio/editors/write_workspace.py, being moved to studio/ui/write/) still says
# GrammarRunner: the old name stays until that move lands, then the lead removes this line.
GrammarRunner = TypingChecks
