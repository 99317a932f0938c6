"""Marks follow edits: moved by edits before them, dropped by edits that touch them."""

from __future__ import annotations

from studio.editors.post.marks import Edit, Mark, place, remap
from studio.model import Issue

ISSUE = Issue(0, 0, "spelling", "R", "m")


def mark(start: int, end: int) -> Mark:
    return Mark(start, end, ISSUE)


def test_place_converts_code_points_to_utf16() -> None:
    text = "\U0001F600 é 漢 teh"
    (placed,) = place(text, [Issue(6, 9, "spelling", "R", "m")])
    assert (placed.start, placed.end) == (7, 10)


def test_place_drops_issues_outside_the_text() -> None:
    assert place("abc", [Issue(2, 9, "spelling", "R", "m")]) == []


def test_edits_before_move_after_keep_touching_drop() -> None:
    marks = [mark(10, 15)]
    assert remap(marks, [Edit(1, 0, 0, 3)]) == [mark(13, 18)]
    assert remap(marks, [Edit(1, 2, 4, 1)]) == [mark(7, 12)]
    assert remap(marks, [Edit(1, 20, 0, 3)]) == [mark(10, 15)]
    assert remap(marks, [Edit(1, 12, 1, 1)]) == []
    assert remap(marks, [Edit(1, 15, 0, 1)]) == []  # typed right after the word: it changed
    assert remap(marks, [Edit(1, 8, 2, 0)]) == []  # deleted up to its start


def test_zero_width_mark_at_the_end_survives_typing_there() -> None:
    assert remap([mark(5, 5)], [Edit(1, 5, 0, 2)]) == [mark(5, 5)]
