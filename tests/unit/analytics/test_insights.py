"""The insights CSV importer: mapped with a preview, refused whole when it cannot map."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studio.analytics import store
from studio.analytics.formulas import Counts
from studio.analytics.insights import InsightsError, enter_by_hand, read_preview, store_preview
from studio.analytics.summary import suggested_slots, summarize
from studio.library import Library


def _library(folder: Path) -> tuple[Library, int, int]:
    library = Library.open(folder)
    client = library.client_or_new("Kopi Nusantara")
    first = library.create_draft(client.id, "Promo kopi susu gula aren minggu ini! Diskon 20% untuk semua cabang.")
    library.create_draft(client.id, "Behind the scenes: our roastery in Bandung, every Friday.")
    return library, client.id, first.id


def test_an_instagram_export_is_mapped_previewed_and_stored(tmp_path: Path) -> None:
    library, client_id, draft_id = _library(tmp_path / "lib")
    export = tmp_path / "instagram.csv"
    export.write_text(
        "Post ID,Description,Publish time,Reach,Impressions,Likes,Comments,Shares,Saves,Follows,Duration (sec)\n"
        "1789,Promo kopi susu gula aren minggu ini! Diskon 20% untuk semua cabang.,11/02/2026 09:00,1.200,2.500,80,12,5,3,1,0\n"
        "1790,A post that Studio never saw,11/03/2026 09:00,10,20,1,0,0,0,0,0\n",
        encoding="utf-8",
    )
    preview = read_preview(library, export, "instagram", client_id)
    assert preview.mapping == {"Reach": "reach", "Impressions": "impressions", "Likes": "likes",
                               "Comments": "comments", "Shares": "shares", "Saves": "saves"}
    assert set(preview.ignored) == {"Publish time", "Follows", "Duration (sec)"}
    assert [row.draft_id for row in preview.rows] == [draft_id, None]
    assert "1 of 2 rows match" in preview.describe()
    assert store_preview(library, preview) == 1
    snapshot = store.snapshots(library, draft_id)[-1]
    assert snapshot.source == "csv" and snapshot.counts.reach == 1200 and snapshot.counts.likes == 80


def test_a_file_it_cannot_map_is_refused_with_its_columns_and_nothing_stored(tmp_path: Path) -> None:
    library, client_id, _ = _library(tmp_path / "lib")
    export = tmp_path / "odd.csv"
    export.write_text("Kolom A;Kolom B\n1;2\n", encoding="utf-8")
    with pytest.raises(InsightsError, match="Kolom A, Kolom B"):
        read_preview(library, export, "tiktok", client_id)
    # A user mapping makes it readable, but it still needs a column that says which post.
    with pytest.raises(InsightsError, match="says which post"):
        read_preview(library, export, "tiktok", client_id, {"Kolom A": "views"})
    bad = tmp_path / "bad.csv"
    bad.write_text("Permalink,Likes\nhttps://x/1,12\nhttps://x/2,lots\n", encoding="utf-8")
    with pytest.raises(InsightsError, match="Line 3, column 2"):
        read_preview(library, bad, "x", client_id)
    assert not library.query("SELECT * FROM metric_snapshots")


def test_indonesian_columns_and_a_summary_with_the_weekday_hour_map(tmp_path: Path) -> None:
    library, client_id, draft_id = _library(tmp_path / "lib")
    export = tmp_path / "facebook.csv"
    export.write_text("Keterangan;Jangkauan;Suka;Komentar\n"
                      "Promo kopi susu gula aren minggu ini! Diskon 20% untuk semua cabang.;500;20;5\n",
                      encoding="cp1252")
    preview = read_preview(library, export, "facebook", client_id)
    assert preview.mapping == {"Jangkauan": "reach", "Suka": "likes", "Komentar": "comments"}
    moment = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)  # a Monday
    store_preview(library, preview, taken_at=moment)
    enter_by_hand(library, draft_id, "linkedin", Counts(likes=7, impressions=350), taken_at=moment)
    summary = summarize(library, client_id, moment - timedelta(days=1), moment + timedelta(days=1), UTC)
    assert {(p.network, p.engagements) for p in summary.posts} == {("facebook", 25), ("linkedin", 7)}
    facebook = next(p for p in summary.posts if p.network == "facebook")
    assert facebook.rates["reach"].value == pytest.approx(0.05)
    assert facebook.rates["impressions"].value is None
    assert summary.heatmap[0][9] == pytest.approx(16.0)
    assert suggested_slots(summary, 1) == [(0, 9, pytest.approx(16.0))]
    assert summary.by("network")["linkedin"]["er_impressions"] == pytest.approx(0.02)
