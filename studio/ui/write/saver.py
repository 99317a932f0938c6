"""The one saver of the Write page: base text, variants, threads, target networks and the rules
ignored in a draft.

    saver = DraftSaver(context.library, context.tasks, parent=page)
    saver.track(draft_id)                    # on opening a draft (what was pending keeps its draft)
    saver.text_changed(text)                 # the base text
    saver.variant_changed("bluesky", text)   # a network's own text (None: the base text again)
    saver.thread_changed("bluesky", parts)   # a network's thread ([]: no thread)
    saver.targets_changed(["x", "bluesky"])  # the networks the draft is for
    saver.ignored_changed(["EN_QUOTES"])     # the rules ignored in this post
    saver.language_changed("en-GB")          # the post's language ("auto": detected; None: the client's)
    saver.flush()                            # switch, split, join: handed to the writes pool now
    saver.flush_now()                        # close and quit: written before it returns

One debounce: a pause of a second saves, and continuous typing saves at least once a second, so a
crash loses about a second of work. Writes go through the single-thread ``writes`` pool in order.
Each change is pending until the library has it: a write that fails (a locked database, a full
disk) puts its change back unless a newer one came meanwhile, says why once through ``failed``, and
is tried again a moment later, at the next change and at every flush. Only a draft deleted
meanwhile drops its changes (there is nothing left to save them into).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from studio.errors import in_words
from studio.ui.debounce import Debounce
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library

log = logging.getLogger(__name__)

DELAY_MS = 1000
RETRY_MS = 3000

TEXT, VARIANT, TARGETS, IGNORED, LANGUAGE = "text", "variant", "targets", "ignored", "language"


@dataclass(frozen=True)
class Change:
    """One pending change of a draft: its base text, one network's variant or thread (the library
    keeps both in one row, so the newer replaces the older), or its targets."""

    draft_id: int
    kind: str  # TEXT | VARIANT | TARGETS | IGNORED | LANGUAGE
    network: str = ""
    value: object = None  # str | None for a variant's text, tuple[str, ...] for a thread, targets, rules
    thread: bool = False

    @property
    def key(self) -> tuple[int, str, str]:
        return self.draft_id, self.kind, self.network

    def write(self, library: Library) -> bool:
        """Store the change; whether the library changed (the base text may already be that)."""
        if self.kind == TEXT:
            return library.save_text(self.draft_id, str(self.value))
        if self.kind == TARGETS:
            library.update_draft(self.draft_id, networks=list(self.value))  # type: ignore[call-overload]
        elif self.kind == LANGUAGE:
            library.update_draft(self.draft_id, language=None if self.value is None else str(self.value))
        elif self.kind == IGNORED:
            library.set_ignored_rules(self.draft_id, list(self.value))  # type: ignore[call-overload]
        elif self.thread:
            library.set_thread(self.draft_id, self.network, list(self.value))  # type: ignore[call-overload]
        else:
            library.set_variant(self.draft_id, self.network, self.value if self.value is None else str(self.value))
        return True


class DraftSaver(QObject):
    """Keeps every change of the Write page pending until the library has it.

    Signals: ``saved(int draft_id)`` after a write that changed the library; ``failed(str message)``
    when a write failed (its change stays pending); ``pending_changed(bool pending)`` when there
    starts or stops being unsaved work (the status bar's "Saving…" / "Saved").
    """

    saved = Signal(int)
    failed = Signal(str)
    pending_changed = Signal(bool)

    def __init__(self, library: Library, tasks: Tasks, parent: QObject | None = None, delay_ms: int = DELAY_MS,
                 retry_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self.draft_id: int | None = None
        self._pending: dict[tuple[int, str, str], Change] = {}
        self._in_flight = 0
        self._busy = False
        self._said = ""  # the last failure said, so a failing disk is not reported at every key
        self._lock = threading.Lock()
        self._returned: list[tuple[Change, BaseException | None, bool]] = []  # filled by the writes pool
        self._debounce = Debounce(delay_ms, self.flush, longest_ms=delay_ms, parent=self)
        self._retry = Debounce(retry_ms, self.flush, parent=self)

    @property
    def pending(self) -> bool:
        """Whether some change is not in the library yet (waiting, being written, or failed)."""
        return bool(self._pending) or self._in_flight > 0

    # -- what changed -------------------------------------------------------------------------

    def track(self, draft_id: int | None) -> None:
        """Follow ``draft_id`` (``None``: no draft); what is pending for the previous one is handed
        to the writes pool now."""
        if draft_id != self.draft_id:
            self.flush()
        self.draft_id = draft_id

    def text_changed(self, text: str) -> None:
        self._add(TEXT, "", text)

    def variant_changed(self, network: str, text: str | None) -> None:
        self._add(VARIANT, network, text)

    def thread_changed(self, network: str, parts: Sequence[str]) -> None:
        self._add(VARIANT, network, tuple(parts), thread=True)

    def targets_changed(self, networks: Sequence[str]) -> None:
        self._add(TARGETS, "", tuple(networks))

    def ignored_changed(self, rules: Sequence[str]) -> None:
        """The rules ignored in this post (all of them)."""
        self._add(IGNORED, "", tuple(rules))

    def language_changed(self, language: str | None) -> None:
        """The post's language ("auto": detected from its text; ``None``: the client's)."""
        self._add(LANGUAGE, "", language)

    def _add(self, kind: str, network: str, value: object, thread: bool = False) -> None:
        if self.draft_id is None:
            return
        change = Change(self.draft_id, kind, network, value, thread)
        self._pending.pop(change.key, None)  # the newest last: writes go in the order of changes
        self._pending[change.key] = change
        self._debounce()
        self._update_busy()

    # -- writing ------------------------------------------------------------------------------

    def flush(self) -> None:
        """Hand everything pending to the writes pool now (returns at once)."""
        self._debounce.cancel()
        self._retry.cancel()
        changes = self._take()
        if not changes:
            return
        with self._lock:
            self._in_flight += 1
        self.tasks.run(self._write_all, changes, on_done=self._settle, on_error=self._settle, pool="writes")

    def flush_now(self) -> None:
        """Write everything pending before returning (close, quit): earlier writes first. What
        fails stays pending (and was said through ``failed``)."""
        self._debounce.cancel()
        self._retry.cancel()
        self.tasks.writes.waitForDone(-1)
        self._settle()
        changes = self._take()
        if changes:
            self._write_all(changes, handed=False)
            self._settle()

    def _take(self) -> list[Change]:
        changes, self._pending = list(self._pending.values()), {}
        return changes

    def _write_all(self, changes: list[Change], handed: bool = True) -> None:
        """Runs on the writes pool (``handed``: by :meth:`flush`), or on quit on the calling thread:
        each change on its own, so one refused change does not hold back the others."""
        outcomes: list[tuple[Change, BaseException | None, bool]] = []
        for change in changes:
            try:
                outcomes.append((change, None, change.write(self.library)))
            except Exception as error:
                outcomes.append((change, error, False))
        with self._lock:
            self._returned.extend(outcomes)
            if handed:
                self._in_flight -= 1

    def _settle(self, _outcome: object = None) -> None:
        """Back on the GUI thread: put back what failed, say why, and tell who listens."""
        from studio.library import NotFound

        with self._lock:
            returned, self._returned = self._returned, []
        failures: list[BaseException] = []
        for change, error, changed in returned:
            if error is None:
                if changed:
                    self.saved.emit(change.draft_id)
            elif isinstance(error, NotFound):  # the draft was deleted meanwhile
                log.info("Draft %s is gone; its unsaved %s is dropped", change.draft_id, change.kind)
            else:
                failures.append(error)
                if change.key not in self._pending:  # a newer change of the same thing wins
                    self._pending[change.key] = change
        if failures:
            message = in_words(failures[0], self.tr("Studio could not save the post"))
            log.warning("Saving a draft failed (kept, tried again): %s", message)
            if message != self._said:
                self._said = message
                self.failed.emit(message)
            self._retry()
        elif returned:
            self._said = ""
        self._update_busy()

    def _update_busy(self) -> None:
        busy = self.pending
        if busy != self._busy:
            self._busy = busy
            self.pending_changed.emit(busy)
