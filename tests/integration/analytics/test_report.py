"""The client report, written by the CLI as PDF and HTML, read back with pdftotext and pdftoppm."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon

from studio.analytics.fetch import fetch_due
from studio.analytics.summary import set_campaign_money
from studio.cli import main
from studio.publishing.runner import Runner


def _measured_library(folder: Path, server: FakeMastodon, language: str = "en-US") -> Path:
    library = open_library(folder)
    account = add_account(library, "mastodon", server.url, "studio", server.token, client="Kopi Nusantara")
    client = library.find_client("Kopi Nusantara")
    assert client is not None
    import dataclasses

    library.update_client(dataclasses.replace(client, language=language))
    for n, text in enumerate(["Promo kopi susu gula aren! ☕ Diskon 20% minggu ini.",
                              "Behind the scenes at the roastery in Bandung.",
                              "Resep es kopi susu di rumah, tiga langkah saja."]):
        due_post(library, account, text)
        draft = library.query("SELECT max(id) FROM drafts")[0][0]
        library.update_draft(int(draft), tags=["promo"] if n == 0 else ["story"])
    Runner(library).run_due()
    for n, status in enumerate(sorted(server.statuses)):
        server.favourite(status, 10 * (n + 1))
        server.reblog(status, n)
    server.followers = 250
    fetch_due(library, datetime.now(UTC) + timedelta(hours=1, minutes=5))
    set_campaign_money(library, client.id, "promo", cost=1_000_000, revenue=1_750_000, currency="IDR")
    library.close()
    return folder


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/system-deps.sh")
def test_the_month_report_as_pdf_and_html(tmp_path: Path, mastodon_server: FakeMastodon,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = _measured_library(tmp_path / "lib", mastodon_server)
    month = datetime.now().strftime("%Y-%m")
    pdf, page = tmp_path / "report.pdf", tmp_path / "report.html"
    common = ["report", "--client", "Kopi Nusantara", "--month", month, "--library", str(folder), "--agency", "Studio Lima"]
    assert main([*common, "--out", str(pdf)]) == 0
    assert main([*common, "--out", str(page)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Social media report: Kopi Nusantara" in text
    assert "Prepared by Studio Lima" in text
    assert "ER by followers = engagements ÷ followers when posted" in text
    assert "Promo kopi susu gula aren" in text
    assert "promo: Cost IDR 1,000,000, Revenue IDR 1,750,000" in text and "75.00 %" in text  # ROI = (1.75M − 1M) ÷ 1M
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "Kopi Nusantara" in html and "http" not in html.split("<body>")[1].split("svg")[0]

    capsys.readouterr()
    assert main([*common, "--json"]) == 0
    numbers = json.loads(capsys.readouterr().out)
    posts = numbers["period"]["posts"]
    assert sorted(p["counts"]["likes"] for p in posts) == [10, 20, 30]
    assert all(p["followers"] == 250 for p in posts)
    assert {p["rates"]["reach"]["value"] for p in posts} == {None}  # Mastodon gives no reach: unknown
    assert numbers["totals"]["posts"] == 3


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/system-deps.sh")
def test_an_indonesian_client_gets_an_indonesian_report(tmp_path: Path, mastodon_server: FakeMastodon) -> None:
    folder = _measured_library(tmp_path / "lib", mastodon_server, language="id")
    pdf = tmp_path / "laporan.pdf"
    month = datetime.now().strftime("%Y-%m")
    assert main(["report", "--client", "Kopi Nusantara", "--month", month, "--library", str(folder),
                 "--out", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Laporan media sosial: Kopi Nusantara" in text
    assert "Tingkat interaksi per pengikut" in text
