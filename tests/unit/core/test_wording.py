"""Counts in words agree with their nouns."""

from __future__ import annotations

from studio.library import ImportReport, import_summary
from studio.wording import counted, plural


def test_counted_agrees_and_groups_thousands() -> None:
    assert counted(0, "draft") == "0 drafts"
    assert counted(1, "draft") == "1 draft"
    assert counted(1204, "draft") == "1,204 drafts"
    assert counted(2, "person", "people") == "2 people"
    assert plural(1, "waits", "wait") == "waits" and plural(3, "waits", "wait") == "wait"


def test_an_import_summary_in_both_numbers() -> None:
    many = ImportReport(drafts=3, clients_created=("A", "B"), schedules=2, without_account=2)
    assert import_summary(many, "x.csv") == [
        "Imported 3 drafts from x.csv.", "New clients: A, B.", "2 scheduled posts wait for an account to be chosen.",
    ]
    none = ImportReport(drafts=0, clients_created=(), schedules=0, without_account=0)
    assert import_summary(none, "x.json") == ["Imported 0 drafts from x.json."]
