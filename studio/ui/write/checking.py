"""Grammar checks while typing: debounced, run off the UI thread, answers tagged with the revision
of the text they are about; a thread's parts are checked as one text and answered part by part."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.drafting import ThreadText
from studio.errors import StudioError, in_words
from studio.grammar.errors import LanguageNotRecognised, LanguageNotSupported
from studio.model import Issue
from studio.settings import Settings
from studio.ui.debounce import Debounce

if TYPE_CHECKING:
    from studio.editors.post.editor import PostEditor
    from studio.ui.grammar import GrammarEngine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    revision: int
    text: str
    language: str
    dictionary: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    prefer: tuple[str, ...]
    default_language: str


class GrammarRunner(QObject):
    """Runs at most one grammar check at a time, for the newest text once typing pauses.

    Signals: ``ready(int revision, str text, object issues)`` with the issues of ``text`` (the text of
    ``revision``); ``failed(str message)`` when the engine cannot check; ``busy(bool)``;
    ``unsupported(str message, bool recognised)`` when the post's language cannot be checked
    (``recognised`` false: Studio cannot tell the language; true: LanguageTool has no module for
    it; its old underlines go, with ``ready`` and no issues) and ``unsupported("", True)`` when a
    check of the text went through again; ``requested()`` when a
    check is asked for (:attr:`asked` is the request: the text and how its language is chosen).
    """

    ready = Signal(int, str, object)
    failed = Signal(str)
    busy = Signal(bool)
    unsupported = Signal(str, bool)
    requested = Signal()

    def __init__(self, settings: Settings, engine: GrammarEngine | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.engine = engine  # the app's engine: it runs the checks off the UI thread; None: no checks
        self.pause = Debounce(int(settings.get("grammar.delay_ms")), self._start, parent=self)
        self._pending: Request | None = None
        self.asked: Request | None = None  # the newest request (checked or not)
        self._running = False

    def set_delay(self, msecs: int) -> None:
        self.pause.set_delay(int(msecs))

    def request(self, revision: int, text: str, language: str, dictionary: Sequence[str] = (),
                disabled_rules: Sequence[str] = (), *, now: bool = False, prefer: Sequence[str] = (),
                default_language: str = "en-US") -> None:
        """Check ``text`` (revision ``revision``) once typing pauses; replaces any waiting request.
        ``language`` may be "auto": see :func:`studio.model.grammar_language`."""
        self.asked = Request(revision, text, language, tuple(dictionary), tuple(disabled_rules),
                              tuple(prefer), default_language)
        self.requested.emit()
        if self.engine is None:
            return
        self._pending = self.asked
        if now:
            self.pause.cancel()
            self._start()
        else:
            self.pause()

    def cancel(self) -> None:
        """Forget the waiting request (another draft was opened)."""
        self.pause.cancel()
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
            on_done=lambda issues: self._done(asked.revision, asked.text, issues),
            on_error=lambda error: self._failed(error, asked),
        )
        if not started:  # checking is off, or cannot work until the user acts
            self._running = False
            self.busy.emit(False)
            self.ready.emit(asked.revision, asked.text, [])

    def _done(self, revision: int, text: str, issues: list[Issue]) -> None:
        self._running = False
        self.busy.emit(self._pending is not None)
        self.unsupported.emit("", True)
        self.ready.emit(revision, text, issues)
        if self._pending is not None and not self.pause.pending:
            self._start()

    def _failed(self, error: BaseException, asked: Request | None = None) -> None:
        self._running = False
        self.busy.emit(False)
        if isinstance(error, LanguageNotSupported) and asked is not None:
            # Not the engine's fault: the text is in a language it cannot check. Say so where the
            # language is chosen, and take away underlines of the language it was checked in before.
            self.unsupported.emit(error.for_humans(), not isinstance(error, LanguageNotRecognised))
            self.ready.emit(asked.revision, asked.text, [])
        else:
            if not isinstance(error, StudioError):
                log.error("Grammar check failed", exc_info=(type(error), error, error.__traceback__))
            self.failed.emit(in_words(error, self.tr("The grammar check failed")))
        if self._pending is not None and not self.pause.pending:
            self.pause()


class ThreadChecks:
    """The thread checks asked and not answered yet: each is the thread's parts as one text
    (:class:`studio.drafting.ThreadText`), with each part's editor and revision when asked. Their
    revisions are negative, never confused with the main editor's."""

    def __init__(self) -> None:
        self._last = 0
        self._asked: dict[int, tuple[ThreadText, list[tuple[PostEditor, int]]]] = {}

    def ask(self, editors: list[PostEditor]) -> tuple[int, str] | None:
        """A new check of the parts in ``editors``: ``(revision, text)`` to ask for, ``None``
        without parts."""
        if not editors:
            return None
        self._last -= 1
        self._asked[self._last] = (ThreadText.of([e.text() for e in editors]), [(e, e.revision) for e in editors])
        return self._last, self._asked[self._last][0].text

    def forget(self) -> None:
        """The part editors were replaced: answers about the old ones have nowhere to go."""
        self._asked = {}

    def answer(self, revision: int, issues: list[Issue]) -> None:
        """Hand the issues of check ``revision`` to each part (an older check not answered yet is
        answered by this one)."""
        asked = self._asked.pop(revision, None)
        for older in [key for key in self._asked if key > revision]:
            del self._asked[older]
        if asked is None:
            return
        thread, editors = asked
        for (editor, editor_revision), text, mine in zip(editors, thread.parts, thread.issues_by_part(issues),
                                                         strict=True):
            editor.set_grammar_issues(editor_revision, text, mine)
