"""Revisions: every saved change kept, identical states once, restore undoable."""

from __future__ import annotations

from studio.library import Library


def test_each_change_is_kept_and_duplicates_are_not(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "one")
    for text in ("two", "two", "three", "two"):
        library.save_text(draft.id, text)
    assert [r.text for r in library.revisions(draft.id)] == ["two", "three", "two", "one"]
    # the text "two" is stored once however often the draft returns to it
    blobs = library.connection.execute("SELECT count(*) FROM revision_blobs WHERE draft_id = ?", (draft.id,))
    assert blobs.fetchone()[0] == 3


def test_variants_are_part_of_a_revision(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "base")
    library.set_variant(draft.id, "bluesky", "short")
    latest = library.revisions(draft.id)[0]
    assert latest.variants == {"bluesky": {"text": "short", "parts": None}}


def test_restore_and_undo_the_restore(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "first words")
    library.save_text(draft.id, "second words")
    library.set_thread(draft.id, "mastodon", ["a", "b"])
    library.save_text(draft.id, "third words")
    oldest = library.revisions(draft.id)[-1]
    before = library.restore_revision(draft.id, oldest.id)
    restored = library.get_draft(draft.id)
    assert restored.text == "first words" and restored.variants == {}
    assert library.revisions(draft.id)[0].reason == "restore"
    assert library.search("first")[0] == 1 and library.search("third")[0] == 0
    library.restore_revision(draft.id, before)  # undo
    back = library.get_draft(draft.id)
    assert back.text == "third words"
    assert back.variants["mastodon"].parts == ("a", "b")


def test_revisions_stay_compact(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "")
    text = ""
    for word in ("lorem ipsum dolor sit amet " * 40).split():
        text += word + " "
        library.save_text(draft.id, text)
    size = library.connection.execute(
        "SELECT sum(length(data)) FROM revision_blobs WHERE draft_id = ?", (draft.id,)
    ).fetchone()[0]
    raw = sum(len(r.text.encode()) for r in library.revisions(draft.id, limit=10_000))
    assert size < raw / 3
