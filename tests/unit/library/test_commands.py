"""``studio drafts ...`` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_search_export(capsys: pytest.CaptureFixture[str], library_dir: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "in.csv"
    csv_path.write_text("client,text,networks,scheduled_at,tags,status\n"
                        "Acme,Kettle launch on Monday,mastodon,,launch,approved\n"
                        "Beta,Teapot sale,,,,idea\n", encoding="utf-8")
    lib = ["--library", str(library_dir)]
    code, out, _ = _run(capsys, "drafts", "import", str(csv_path), *lib)
    assert code == 0 and "Imported 2 drafts" in out
    code, out, _ = _run(capsys, "drafts", "list", "--json", "--client", "acme", *lib)
    listed = json.loads(out)
    assert listed["total"] == 1 and listed["results"][0]["text"] == "Kettle launch on Monday"
    code, out, _ = _run(capsys, "drafts", "list", "--status", "idea", "--json", *lib)
    assert [r["client"] for r in json.loads(out)["results"]] == ["Beta"]
    code, out, _ = _run(capsys, "drafts", "search", 'kettle "launch', "--json", *lib)
    found = json.loads(out)
    assert found["total"] == 1 and found["results"][0]["client"] == "Acme"
    code, out, _ = _run(capsys, "drafts", "search", "NEAR(", "--json", *lib)
    assert json.loads(out) == {"total": 0, "results": []}
    export = tmp_path / "out.json"
    code, _, _ = _run(capsys, "drafts", "export", str(export), *lib)
    assert code == 0 and len(json.loads(export.read_text())["drafts"]) == 2
    other = tmp_path / "other"
    code, _, _ = _run(capsys, "drafts", "import", str(export), "--library", str(other))
    assert code == 0
    code, out, _ = _run(capsys, "drafts", "list", "--json", "--library", str(other))
    assert json.loads(out)["total"] == 2


def test_errors_are_one_line_without_traceback(capsys: pytest.CaptureFixture[str], library_dir: Path,
                                               tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("client,text,status\nAcme,x,draft\nAcme,y,someday\n", encoding="utf-8")
    code, out, err = _run(capsys, "drafts", "import", str(bad), "--library", str(library_dir))
    assert code == 2 and "line 3, column 3 (status)" in err and "Traceback" not in err and out == ""
    assert err.count("\n") == 1
    code, _, err = _run(capsys, "drafts", "list", "--client", "Nobody", "--library", str(library_dir))
    assert code == 2 and "no client called “Nobody”" in err
    code, _, err = _run(capsys, "drafts", "import", str(tmp_path / "missing.csv"), "--library", str(library_dir))
    assert code == 2 and "There is no file" in err


def test_library_backup_restore_check(capsys: pytest.CaptureFixture[str], library_dir: Path) -> None:
    from studio.library import Library

    lib = ["--library", str(library_dir)]
    with Library.open(library_dir) as library:
        draft = library.create_draft(library.add_client("Acme").id, "in the backup")
    code, out, _ = _run(capsys, "library", "backup", "--keep", "3", *lib)
    backup = Path(out.strip())
    assert code == 0 and backup.is_file()
    code, out, _ = _run(capsys, "library", "backups", "--json", *lib)
    assert [Path(b["path"]) for b in json.loads(out)] == [backup]
    with Library.open(library_dir) as library:
        library.save_text(draft.id, "after the backup")
    code, out, _ = _run(capsys, "library", "check", *lib)
    assert code == 0 and "sound" in out
    code, out, _ = _run(capsys, "library", "restore", str(backup), *lib)
    assert code == 0 and "Restored" in out
    with Library.open(library_dir) as library:
        assert library.get_draft(draft.id).text == "in the backup"
    (library_dir / "library.sqlite3").write_bytes(b"garbage" * 500)
    for side in library_dir.glob("library.sqlite3-*"):
        side.unlink()
    code, _, err = _run(capsys, "drafts", "list", *lib)
    assert code == 1 and "damaged" in err
    code, out, _ = _run(capsys, "library", "restore", str(backup), *lib)
    assert code == 0 and "damaged library is kept" in out
    with Library.open(library_dir) as library:
        assert library.get_draft(draft.id).text == "in the backup"


def test_a_wrong_library_path_is_not_created(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    typo = tmp_path / "librray"
    for argv in (["drafts", "list"], ["drafts", "search", "x"], ["drafts", "export", str(tmp_path / "o.json")],
                 ["library", "backup"], ["library", "check"]):
        code, _, err = _run(capsys, *argv, "--library", str(typo))
        assert code == 2 and "There is no library in" in err
    assert not typo.exists()


def test_one_of_each_is_said_in_the_singular(capsys: pytest.CaptureFixture[str], library_dir: Path,
                                             tmp_path: Path) -> None:
    """'Imported 1 drafts' was the bug: every count in an import's words agrees with its noun."""
    csv_path = tmp_path / "one.csv"
    csv_path.write_text("client,text,networks,scheduled_at\nSolo,Satu saja,mastodon,2030-01-06T09:00:00Z\n",
                        encoding="utf-8")
    lib = ["--library", str(library_dir)]
    code, out, _ = _run(capsys, "drafts", "import", str(csv_path), *lib)
    assert code == 0
    assert out.splitlines() == [
        "Imported 1 draft from one.csv.",
        "New client: Solo.",
        "1 scheduled post waits for an account to be chosen.",
    ]
    code, _, err = _run(capsys, "drafts", "list", *lib)
    assert err.strip() == "1 of 1 draft"
    code, _, err = _run(capsys, "drafts", "export", str(tmp_path / "out.json"), *lib)
    assert "Exported 1 draft to" in err
    code, out, _ = _run(capsys, "drafts", "import", str(tmp_path / "out.json"), "--library", str(tmp_path / "b"))
    assert out.strip() == "Imported 1 draft from out.json."
    code, out, _ = _run(capsys, "drafts", "import", "--json", str(csv_path), "--library", str(tmp_path / "c"))
    assert json.loads(out) == {"drafts": 1, "clients_created": ["Solo"], "schedules": 1, "without_account": 1,
                               "encoding": "utf-8", "delimiter": ","}
