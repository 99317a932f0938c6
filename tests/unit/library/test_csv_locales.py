"""CSV as spreadsheets in an Indonesian locale save it: ';' and Windows-1252, detected and said;
NUL characters refused with line and column; `drafts export --csv` writes ';' on request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio.errors import UsageError
from studio.library import Library, RowError
from studio.library.csvio import decode_csv, detect_delimiter, read_csv_format

# As Excel (Windows, Indonesian locale) writes "CSV (Comma delimited)": semicolons, Windows-1252,
# CRLF, quotes around cells with the delimiter or a line break.
EXCEL_ID = (
    "client;text;networks;tags\r\n"
    "Kopi Kenangan;\"Promo café: diskon 20% — “hanya hari ini”; serbu!\";instagram x;promo\r\n"
    "Toko Ibu;Kue lapis légit, harga Rp 50.000 (crème brûlée juga ada);;kue\r\n"
)


def test_semicolons_and_windows_1252_import_with_their_accents(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "jadwal.csv"
    path.write_bytes(EXCEL_ID.encode("cp1252"))
    report = library.import_csv(path)
    assert (report.drafts, report.encoding, report.delimiter) == (2, "cp1252", ";")
    texts = sorted(row.text for row in library.list_drafts())
    assert texts == ["Kue lapis légit, harga Rp 50.000 (crème brûlée juga ada)",
                     "Promo café: diskon 20% — “hanya hari ini”; serbu!"]


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf_16"), ("cp1252", "cp1252"),
])
def test_the_encoding_is_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    data = EXCEL_ID.encode(encoding)
    text, found = decode_csv(tmp_path / "x.csv", data)
    assert found == expected and "légit" in text


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_read_from_the_header(delimiter: str) -> None:
    assert detect_delimiter(delimiter.join(["client", "text", "status"]) + "\nA,b;c\n") == delimiter


def test_undecodable_bytes_are_refused_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "rusak.csv"
    path.write_bytes(b"client;text\r\nAcme;ok\r\nAcme;ab" + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 40 + b"\r\n")
    with pytest.raises(UsageError) as caught:
        read_csv_format(path)
    assert "rusak.csv, line 3, column 8" in caught.value.message


def test_a_broken_semicolon_file_is_refused_with_line_and_column(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "jadwal.csv"
    path.write_bytes((EXCEL_ID + "Toko Ibu;teks;facebookk;\r\n").encode("cp1252"))
    with pytest.raises(RowError) as caught:
        library.import_csv(path)
    assert "line 4, column 3 (networks)" in caught.value.message
    assert library.list_drafts() == []


def test_a_nul_character_is_refused_never_cut(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"client,text\nAcme,fine\nAcme,nul\x00byte\n")
    with pytest.raises(RowError) as caught:
        library.import_csv(path)
    assert "line 3, column 2 (text)" in caught.value.message and "NUL" in caught.value.message
    assert library.list_drafts() == []


def _studio(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STUDIO_CONFIG_DIR=str(tmp_path / "config"), STUDIO_LIBRARY=str(tmp_path / "library"))
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_the_cli_says_what_it_detected_and_exports_semicolons(tmp_path: Path) -> None:
    source = tmp_path / "jadwal.csv"
    source.write_bytes(EXCEL_ID.encode("cp1252"))
    done = _studio(tmp_path, "drafts", "import", str(source))
    assert done.returncode == 0, done.stderr
    assert "Read as Windows-1252, separated by semicolons." in done.stdout
    out = tmp_path / "keluar.csv"
    done = _studio(tmp_path, "drafts", "export", "--csv", "--delimiter", ";", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfclient;text;networks;scheduled_at;tags;status\r\n")
    assert "Kue lapis légit" in data.decode("utf-8-sig")
    # What Studio writes, Studio reads back.
    again = Library.open(tmp_path / "other")
    try:
        report = again.import_csv(out)
        assert (report.drafts, report.delimiter, report.encoding) == (2, ";", "utf-8")
        assert sorted(r.text for r in again.list_drafts()) == sorted(
            r.text for r in Library.open(tmp_path / "library").list_drafts())
    finally:
        again.close()
