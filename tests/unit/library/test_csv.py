"""CSV import: columns, splitting, time zones, clients created, and all-or-nothing errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.library import Library, RowError

HEADER = "client,text,networks,scheduled_at,tags,status\n"


def _write(tmp_path: Path, text: str, name: str = "drafts.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file(library: Library, tmp_path: Path) -> None:
    library.add_client("Acme")
    account = library.add_account(1, "mastodon", "@acme@example.social")
    path = _write(tmp_path, HEADER
                  + 'acme,"Hello, ""world""\nsecond line",mastodon bluesky,2036-03-29T09:00:00+02:00,"launch, #news",\n'
                  + "New Client,an idea,,,,idea\n"
                  + "\n"
                  + "Acme,in review,telegram,,spring,In review\n")
    report = library.import_csv(path)
    assert report.drafts == 3 and report.clients_created == ("New Client",)
    assert report.schedules == 2 and report.without_account == 1
    rows = {r.text: r for r in library.list_drafts()}
    first = rows['Hello, "world"\nsecond line']
    assert first.client_name == "Acme" and first.status == "scheduled"
    assert first.networks == ("mastodon", "bluesky") and first.tags == ("launch", "news")
    assert first.next_schedule == "2036-03-29T07:00:00Z"
    schedules = library.schedules_of(first.id)
    assert {(s.network, s.account_id, s.state) for s in schedules} == {
        ("mastodon", account.id, "scheduled"), ("bluesky", None, None)}
    assert rows["an idea"].status == "idea" and rows["in review"].status == "in_review"
    assert library.search("world")[0] == 1 and library.search("news")[0] == 1
    assert len(library.revisions(first.id)) == 1


def test_columns_in_any_order_and_only_the_required_ones(library: Library, tmp_path: Path) -> None:
    library.import_csv(_write(tmp_path, "\ufefftext,Client\nhello,Acme\n"))
    assert [(r.client_name, r.text, r.status) for r in library.list_drafts()] == [("Acme", "hello", "draft")]


@pytest.mark.parametrize(
    ("body", "where", "what"),
    [
        ("Acme,ok,,,,\n,no client,,,,\n", "line 3, column 1 (client)", "client is empty"),
        ("Acme,ok,myspace,,,\n", "line 2, column 3 (networks)", "“myspace” is not a network"),
        ("Acme,ok,mastodon,tomorrow,,\n", "line 2, column 4 (scheduled_at)", "not an ISO 8601"),
        ("Acme,ok,mastodon,2036-03-29T09:00:00,,\n", "line 2, column 4 (scheduled_at)", "no offset"),
        ("Acme,ok,,2036-03-29T09:00:00Z,,\n", "line 2, column 4 (scheduled_at)", "needs at least one network"),
        ("Acme,ok,,,,done\n", "line 2, column 6 (status)", "“done” is not a status"),
        ("Acme,ok,,,,scheduled\n", "line 2, column 6 (status)", "needs a date"),
        ("Acme,ok,bluesky,2036-03-29T09:00:00Z,,idea\n", "line 2, column 6 (status)", "must have the status"),
        ("Acme,ok,,,,published\n", "line 2, column 6 (status)", "only publishing"),
        ("Acme,ok,mastodon,2020-01-01T09:00:00Z,,\n", "line 2, column 4 (scheduled_at)", "is in the past"),
        ('Acme,"multi\nline",,,,\nAcme,too,many,,,,,\n', "line 4", "8 cells but the header has 6"),
    ],
)
def test_a_bad_row_names_its_line_and_column_and_nothing_is_imported(
    library: Library, tmp_path: Path, body: str, where: str, what: str
) -> None:
    with pytest.raises(RowError) as caught:
        library.import_csv(_write(tmp_path, HEADER + body))
    assert where in caught.value.message and what in caught.value.message
    assert "Nothing from this file was imported" in caught.value.hint
    assert library.count_drafts() == 0 and library.list_clients() == []


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("", "header is missing"),
        ("hello,world\nAcme,x\n", "“hello” is not a column"),
        ("client,client,text\n", "appears twice"),
        ("client,tags\nAcme,x\n", "no “text” column"),
    ],
)
def test_header_errors(library: Library, tmp_path: Path, text: str, what: str) -> None:
    with pytest.raises(RowError, match=what):
        library.import_csv(_write(tmp_path, text))


def test_not_utf8_is_detected_and_a_missing_file_refused(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(HEADER.encode() + "Acme,caf\xe9,,,,\n".encode("latin-1"))
    assert library.import_csv(path).encoding == "cp1252"  # see test_csv_locales.py
    assert [r.text for r in library.list_drafts()] == ["café"]
    with pytest.raises(Exception, match="cannot read"):
        library.import_csv(tmp_path / "missing.csv")
    assert library.count_drafts() == 1
