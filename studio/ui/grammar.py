"""The GUI face of the grammar engine.

:class:`GrammarEngine` is created by the composition root at no cost: it starts nothing until the
first check is asked for, so the first window never waits for LanguageTool. It owns the
:class:`studio.grammar.GrammarService` and one :class:`studio.grammar.IncrementalChecker`, runs
every start and check through :class:`studio.ui.tasks.Tasks` (never on the UI thread), follows the
``grammar.*`` settings, and reports its state for the status bar.

The editor's side (waiting for a pause in the typing, one check in flight, answers tagged with the
text's revision) is :class:`studio.ui.write.checking.GrammarRunner`.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from studio.grammar import (
    GrammarConfig,
    GrammarService,
    GrammarUnavailable,
    IncrementalChecker,
    JavaMissing,
    LanguageNotSupported,
    LanguageToolMissing,
)
from studio.grammar.indonesian import is_indonesian
from studio.model import Issue
from studio.settings import Settings
from studio.ui.settings_signals import SettingsSignals
from studio.ui.tasks import Tasks

log = logging.getLogger(__name__)

NOT_STARTED = "not started"
STARTING = "starting"
READY = "ready"
OFF = "off"
UNAVAILABLE = "unavailable"


class GrammarEngine(QObject):
    """Owns LanguageTool for the app.

    Signals:
        ``state_changed(str)``: "not started", "starting", "ready", "off" or
        "unavailable: <reason>" (for the status bar: :meth:`status_text` words it).
        ``download_needed()``: local mode, and the LanguageTool jars are not on this computer
        (show :class:`studio.ui.grammar_download.GrammarDownloadDialog`).
    """

    state_changed = Signal(str)
    download_needed = Signal()
    _server_ended = Signal(int)  # internal: from the server's watcher thread to the UI thread

    def __init__(self, settings: Settings, tasks: Tasks, settings_signals: SettingsSignals | None = None,
                 parent: QObject | None = None, *, service: GrammarService | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks
        self.service = service or GrammarService(GrammarConfig.from_settings(settings))
        self.service.on_local_exit = self._relay_server_end
        if self.service.local_server is not None:
            self.service.local_server.on_exit = self._relay_server_end
        self._server_ended.connect(self._restart_after_crash)
        self._crashes: list[float] = []
        self.checker = IncrementalChecker(self.service)
        self._state = OFF if self.service.mode == "off" else NOT_STARTED
        self._error: GrammarUnavailable | None = None
        self._starting = False  # a start is running (possibly behind an error still shown)
        self._closed = False
        if settings_signals is not None:
            settings_signals.changed.connect(self._setting_changed)

    # --- state ------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def error(self) -> GrammarUnavailable | None:
        """Why checking is unavailable (with its hint), or ``None``."""
        return self._error

    def status_text(self) -> str:
        """The state in the status bar's words. An error stays there, with its hint, until it is
        resolved: the next check that goes through (or a change of settings) replaces it."""
        where = {"local": self.tr("local"), "server": self.tr("server"),
                 "public": self.tr("public API")}.get(self.service.mode, "")
        if self._state == READY:
            return self.tr("Grammar: ready (%1)").replace("%1", where)
        if self._state == STARTING:
            return self.tr("Grammar: starting LanguageTool…") if self.service.mode == "local" else self.tr("Grammar: connecting…")
        if self._state == OFF:
            return self.tr("Grammar: off")
        if self._state.startswith(UNAVAILABLE):
            if self._error is None:
                return self.tr("Grammar: unavailable")
            return self.tr("Grammar: %1").replace("%1", self._error.for_humans())
        return self.tr("Grammar: not started")

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _setting_changed(self, key: str, _value: object) -> None:
        if not key.startswith("grammar.") or key == "grammar.delay_ms":
            return
        config = GrammarConfig.from_settings(self.settings)
        if config == self.service.config:
            return
        # The switch itself is immediate (so settings applied in a row apply in order); stopping
        # a local server that is no longer needed waits for it, so that runs off the UI thread.
        unused = self.service.reconfigure(config, stop=False)
        if unused is not None:
            self.tasks.run(unused.terminate, on_error=self._failed)
        self.checker.clear()
        self._error = None
        self._set_state(OFF if config.mode == "off" else NOT_STARTED)

    # --- starting and checking --------------------------------------------------------------

    def ensure_started(self) -> None:
        """Start LanguageTool in the background if it is not running or starting."""
        if self._closed or self._starting or self._state in (STARTING, READY, OFF):
            return
        if self._state.startswith(UNAVAILABLE) and isinstance(
                self._error, (JavaMissing, LanguageToolMissing)):
            return  # nothing changes by retrying; settings or a download will call retry()
        self._start()

    def retry(self) -> None:
        """Try again after the user fixed something (downloaded LanguageTool, installed Java)."""
        self._error = None
        if self._state != OFF:
            self._set_state(NOT_STARTED)
        self.ensure_started()

    def _start(self) -> None:
        self._starting = True
        if self._error is None:  # an error stays in the status bar while Studio tries again
            self._set_state(STARTING)
        self.tasks.run(self.service.start, on_done=lambda _: self._started(), on_error=self._start_failed)

    def _started(self) -> None:
        self._starting = False
        if self._state == STARTING or (self._state.startswith(UNAVAILABLE) and self._error is not None):
            self._error = None
            self._set_state(READY)

    def _start_failed(self, error: BaseException) -> None:
        self._starting = False
        self._failed(error)

    def _failed(self, error: BaseException) -> GrammarUnavailable:
        """Record a failure in the engine's state; returns it as a :class:`GrammarUnavailable`
        (an unexpected error is logged and worded)."""
        if not isinstance(error, GrammarUnavailable):
            log.error("Grammar check failed", exc_info=(type(error), error, error.__traceback__))
            error = GrammarUnavailable(self.tr("Grammar checking failed: %1").replace("%1", str(error)),
                                       self.tr("See the log for details."))
        if isinstance(error, LanguageNotSupported):
            return error  # a property of one draft, not of the engine: the editor's runner reports it
        self._error = error
        self._set_state(f"{UNAVAILABLE}: {error.message}")
        if isinstance(error, LanguageToolMissing):
            self.download_needed.emit()
        return error

    def _relay_server_end(self, code: int) -> None:
        """Watcher thread: the local server ended by itself."""
        with contextlib.suppress(RuntimeError):  # the engine is gone (quitting): nothing to do
            self._server_ended.emit(code)

    def _restart_after_crash(self, code: int) -> None:
        """Start the local server again at once, so the status bar and the next check are right,
        unless it keeps dying (then say so instead of looping)."""
        if self._closed or self.service.mode != "local" or self._state == OFF:
            return
        now = time.monotonic()
        self._crashes = [when for when in self._crashes if now - when < 120] + [now]
        if len(self._crashes) > 3:
            local = self.service.local_server
            tail = local.log_tail() if local is not None else ""
            self._error = GrammarUnavailable(
                self.tr("The local LanguageTool server keeps stopping (last exit code %1).").replace("%1", str(code)),
                f"{self.tr('See the log, or choose a LanguageTool server in Settings → Grammar.')} {tail}".strip(),
            )
            self._set_state(f"{UNAVAILABLE}: {self._error.message}")
            return
        log.warning("Restarting the local LanguageTool server (it ended with code %s)", code)
        self._start()

    def available(self) -> bool:
        """Whether a check request would be sent (not off, not known to be broken)."""
        if self._closed or self._state == OFF:
            return False
        return not (self._state.startswith(UNAVAILABLE)
                    and isinstance(self._error, (JavaMissing, LanguageToolMissing)))

    def check(self, text: str, language: str, *, dictionary: Iterable[str] = (),
              disabled_rules: Iterable[str] = (), prefer: Iterable[str] = (), default_language: str = "en-US",
              on_done: Callable[[list[Issue]], None],
              on_error: Callable[[GrammarUnavailable], None] | None = None) -> bool:
        """Check ``text`` on a worker; ``on_done(issues)`` on the UI thread. Returns ``False``
        (and calls nothing) when checking is off or cannot work until the user acts. Indonesian
        (given, or the client's language for a short text) needs no LanguageTool."""
        offline = is_indonesian(language) or (language in ("", "auto") and is_indonesian(default_language))
        if not offline and not self.available():
            return False
        if self._closed or self._state == OFF:
            return False
        if self._state != READY and not offline:
            self.ensure_started()
        words, rules, preferred = tuple(dictionary), tuple(disabled_rules), tuple(prefer)

        def work() -> list[Issue]:
            return self.checker.check(text, language, dictionary=words, disabled_rules=rules, prefer=preferred,
                                      default_language=default_language)

        def done(issues: list[Issue]) -> None:
            if self._state != OFF and not self._closed and not offline:
                self._error = None
                self._set_state(READY)
            on_done(issues)

        def failed(error: BaseException) -> None:
            unavailable = self._failed(error)
            if on_error is not None:  # always answered: a caller may wait for one or the other
                on_error(unavailable)

        self.tasks.run(work, on_done=done, on_error=failed)
        return True

    def shutdown(self) -> None:
        """Stop the local server (on quit; blocks for at most a few seconds)."""
        self._closed = True
        self.checker.close()
        self.service.close()

