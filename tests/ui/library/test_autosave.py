"""The Autosaver: a pause saves, continuous typing saves anyway, switch and quit flush."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.ui.autosave import Autosaver
from studio.ui.context import AppContext


def _draft(library: Library, text: str = "") -> int:
    client = library.find_client("Acme") or library.add_client("Acme")
    return library.create_draft(client.id, text).id


def test_a_pause_saves_within_a_second(context: AppContext, qtbot: QtBot) -> None:
    draft_id = _draft(context.library)
    saver = Autosaver(context.library, context.tasks, delay_ms=200)
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
    saver = Autosaver(context.library, context.tasks, delay_ms=300)
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
    saver = Autosaver(context.library, context.tasks)
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
    saver = Autosaver(context.library, context.tasks)
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
    saver = Autosaver(context.library, context.tasks)
    saver.track(draft_id)
    saver.text_changed("gone")
    context.library.delete_draft(draft_id)
    with qtbot.assertNotEmitted(saver.failed):
        saver.flush_now()
    assert not saver.pending
