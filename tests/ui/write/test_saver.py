"""The Write page's one saver: a pause saves, continuous typing saves anyway, switch and quit flush,
and a write that fails (a locked database, a full disk) loses nothing once it recovers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.ui.context import AppContext
from studio.ui.write.saver import DraftSaver


def _draft(library: Library, text: str = "") -> int:
    client = library.find_client("Acme") or library.add_client("Acme")
    return library.create_draft(client.id, text).id


def test_a_pause_saves_within_a_second(context: AppContext, qtbot: QtBot) -> None:
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks, delay_ms=200)
    saver.track(draft_id)
    saver.text_changed("Hel")
    saver.text_changed("Hello")
    assert saver.pending and context.library.get_draft(draft_id).text == ""
    with qtbot.waitSignal(saver.saved, timeout=5000) as saved:
        pass
    assert saved.args == [draft_id]
    assert context.library.get_draft(draft_id).text == "Hello" and not saver.pending
    assert [r.text for r in context.library.revisions(draft_id)] == ["Hello", ""]


def test_continuous_typing_still_saves(context: AppContext, qtbot: QtBot) -> None:
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks, delay_ms=300)
    saver.track(draft_id)
    typed = ""
    # keep typing faster than the pause: the one-second-at-most timer saves anyway
    for _ in range(30):
        typed += "x"
        saver.text_changed(typed)
        qtbot.wait(40)
        if context.library.get_draft(draft_id).text:
            break
    assert context.library.get_draft(draft_id).text.startswith("x")


def test_switching_drafts_and_quitting_flush(context: AppContext, qtbot: QtBot) -> None:
    first, second = _draft(context.library, "a"), _draft(context.library, "b")
    saver = DraftSaver(context.library, context.tasks)
    saver.track(first)
    saver.text_changed("first draft, edited")
    saver.track(second)  # hands the first draft's text to the writes pool
    saver.text_changed("second draft, edited")
    saver.flush_now()  # on quit: written before it returns, after the earlier write
    assert context.library.get_draft(first).text == "first draft, edited"
    assert context.library.get_draft(second).text == "second draft, edited"
    assert not saver.pending


def test_a_failed_write_keeps_the_text(context: AppContext, qtbot: QtBot) -> None:
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks)
    saver.track(draft_id)
    saver.text_changed("precious words")
    context.library.close()  # writes now fail
    with qtbot.waitSignal(saver.failed) as failed:
        saver.flush_now()
    assert "closed" in failed.args[0]
    assert saver.pending  # kept for the next try
    reopened = Library.open(context.library.folder)
    saver.library = reopened
    saver.flush_now()
    assert reopened.get_draft(draft_id).text == "precious words"
    reopened.close()


def test_a_deleted_draft_drops_its_text_quietly(context: AppContext, qtbot: QtBot) -> None:
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks)
    saver.track(draft_id)
    saver.text_changed("gone")
    context.library.delete_draft(draft_id)
    with qtbot.assertNotEmitted(saver.failed):
        saver.flush_now()
    assert not saver.pending


def _every_change(saver: DraftSaver) -> None:
    saver.text_changed("base words")
    saver.variant_changed("bluesky", "bluesky words")
    saver.thread_changed("mastodon", ["first toot", "second toot"])
    saver.targets_changed(["bluesky", "mastodon", "x"])
    saver.ignored_changed(["EN_QUOTES", "BRAND_ALL_CAPS"])


def _has_every_change(library: Library, draft_id: int) -> None:
    draft = library.get_draft(draft_id)
    assert draft.text == "base words"
    assert draft.variants["bluesky"].text == "bluesky words"
    assert draft.variants["mastodon"].parts == ("first toot", "second toot")
    assert draft.networks == ("bluesky", "mastodon", "x")
    assert draft.ignored_rules == ("BRAND_ALL_CAPS", "EN_QUOTES")


def test_a_locked_database_loses_nothing(context: AppContext, qtbot: QtBot) -> None:
    """Another program holds the library's write lock while the debounce writes: every change
    (text, variants, threads, targets) stays pending, is said once, and is written once the lock goes."""
    context.tasks.inline = True  # writes on this thread's connection, whose wait is shortened here
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks, delay_ms=50, retry_ms=100)
    saver.track(draft_id)
    other = sqlite3.connect(context.library.path, timeout=0)
    context.library.connection.execute("PRAGMA busy_timeout = 50")  # fail fast instead of waiting 30 s
    other.execute("BEGIN IMMEDIATE")  # the write lock, as a backup tool or a second Studio holds it
    said: list[str] = []
    saver.failed.connect(said.append)
    _every_change(saver)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert saver.pending
    assert context.library.get_draft(draft_id).text == ""
    saver.text_changed("base words")  # typing on while it fails: still pending, not said again
    qtbot.wait(300)
    assert len(said) == 1, said
    other.rollback()
    other.close()
    qtbot.waitUntil(lambda: not saver.pending, timeout=5000)  # the retry writes it, no flush needed
    _has_every_change(context.library, draft_id)


def test_a_full_disk_once_loses_nothing(context: AppContext, qtbot: QtBot,
                                        full_disk_once: Callable[[Library, BaseException], set[str]]) -> None:
    """The first write of each kind fails as a full disk does (SQLite's SQLITE_FULL); the quit
    flush then writes them all."""
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks)
    saver.track(draft_id)
    library = context.library
    failed_once = full_disk_once(library, sqlite3.OperationalError("database or disk is full"))
    said: list[str] = []
    saver.failed.connect(said.append)
    _every_change(saver)
    saver.flush()  # e.g. a split: handed to the writes pool at once
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert failed_once == {"save_text", "set_variant", "set_thread", "update_draft", "set_ignored_rules"}
    assert saver.pending and said == [said[0]]
    saver.flush_now()  # quit
    assert not saver.pending
    _has_every_change(library, draft_id)


def test_a_newer_change_wins_over_a_failed_older_one(context: AppContext, qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    draft_id = _draft(context.library)
    saver = DraftSaver(context.library, context.tasks)
    saver.track(draft_id)
    real = context.library.set_variant
    calls: list[object] = []

    def failing_first(draft: int, network: str, text: str | None) -> None:
        calls.append(text)
        if len(calls) == 1:
            saver.variant_changed("bluesky", "newer")  # typed while the first write fails
            raise OSError(28, "No space left on device")
        real(draft, network, text)

    monkeypatch.setattr(context.library, "set_variant", failing_first)
    saver.variant_changed("bluesky", "older")
    saver.flush_now()
    assert saver.pending
    saver.flush_now()
    assert calls == ["older", "newer"]
    assert context.library.get_draft(draft_id).variants["bluesky"].text == "newer"


def test_a_failed_write_of_the_previous_draft_is_kept_after_a_switch(
        context: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _draft(context.library, "a"), _draft(context.library, "b")
    saver = DraftSaver(context.library, context.tasks)
    saver.track(first)
    saver.text_changed("first, edited")
    real = context.library.save_text
    failures = iter([True, True])  # the pool's write and the flush's retry
    monkeypatch.setattr(context.library, "save_text",
                        lambda d, t: (_ for _ in ()).throw(OSError(28, "No space left on device"))
                        if next(failures, False) else real(d, t))
    saver.track(second)
    saver.flush_now()
    assert saver.pending
    saver.text_changed("second, edited")
    saver.flush_now()
    assert context.library.get_draft(first).text == "first, edited"
    assert context.library.get_draft(second).text == "second, edited"
