"""The Analytics page, offscreen, on a real library with posts published to the fake Mastodon server
and measured, driven by clicks: tiles, charts, the posts table with "unknown" denominators, an
insights import with its preview, numbers by hand, light and dark at 1366x768."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from servers.library import add_account, due_post
from servers.mastodon import FakeMastodon

from studio.analytics import store
from studio.analytics.fetch import fetch_due
from studio.publishing.runner import Runner
from studio.ui.analytics.dialogs import InsightsDialog, NumbersDialog
from studio.ui.analytics.page import AnalyticsWorkspace
from studio.ui.context import AppContext
from studio.ui.theme import apply_theme


@pytest.fixture
def mastodon() -> Iterator[FakeMastodon]:
    with FakeMastodon() as server:
        yield server  # type: ignore[misc]


def _measured(context: AppContext, server: FakeMastodon) -> int:
    library = context.library
    account = add_account(library, "mastodon", server.url, "studio", server.token, client="Kopi Nusantara")
    for text in ("Promo kopi susu gula aren minggu ini! Diskon 20% untuk semua cabang.",
                 "Behind the scenes at our roastery in Bandung, every Friday.",
                 "Resep es kopi susu di rumah, tiga langkah saja."):
        due_post(library, account, text)
    Runner(library).run_due()
    for n, status in enumerate(sorted(server.statuses)):
        server.favourite(status, 10 * (n + 1))
    server.followers = 400
    fetch_due(library, datetime.now(UTC) + timedelta(hours=1, minutes=5))
    # The fetch above counts followers on its own (an hour later) day; near midnight that is tomorrow,
    # outside "This month": count them today too, as the app's daily round would.
    store.record_followers(library, account, 400, datetime.now(UTC))
    client = library.find_client("Kopi Nusantara")
    assert client is not None
    return client.id


def _page(context: AppContext, qtbot: QtBot, client_id: int) -> AnalyticsWorkspace:
    page = AnalyticsWorkspace(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.set_client(client_id)
    qtbot.waitUntil(lambda: page.data is not None and page.table.rowCount() == 3, timeout=10_000)
    return page


def test_the_page_shows_a_clients_numbers_and_takes_more(
    context: AppContext, qtbot: QtBot, mastodon: FakeMastodon, tmp_path: Path,
    screenshot: Callable[[Any, str], Path],
) -> None:
    client_id = _measured(context, mastodon)
    page = _page(context, qtbot, client_id)
    assert page.posts_tile.value.text() == "3"
    assert page.engagements_tile.value.text() == "60"
    assert page.er_tile.value.text() == "5.00 %"  # (10 + 20 + 30) / 3 / 400
    assert page.followers_tile.value.text() == "400"
    best = [page.table.item(row, 3).text() for row in range(3)]
    assert best == ["30", "20", "10"]
    reach = page.table.item(0, 5)
    assert reach.text() == "unknown" and "does not report reach" in reach.toolTip()
    assert page.table.horizontalHeaderItem(4).toolTip().startswith("ER by followers")
    charts = (page.er_chart, page.followers_chart, page.heatmap)
    # The charts are matplotlib's, drawn on a pool thread at each view's size and pixel ratio.
    qtbot.waitUntil(lambda: all(chart.image is not None for chart in charts), timeout=30_000)
    for chart in charts:
        assert chart.image is not None
        assert chart.image.width() == round(chart.width() * chart.devicePixelRatioF())
        assert chart.image.height() == round(chart.height() * chart.devicePixelRatioF())
    light = page.heatmap.image.pixelColor(2, 2).lightness()  # type: ignore[union-attr]
    assert light > 200
    screenshot(page, "analytics-light.png")

    # An Instagram insights export: the mapping is shown, nothing stored before Import.
    export = tmp_path / "instagram.csv"
    export.write_text("Description;Reach;Impressions;Likes;Comments;Saves\n"
                      "Behind the scenes at our roastery in Bandung, every Friday.;900;1.500;44;6;2\n"
                      "Something else entirely, not in Studio;1;1;1;1;1\n", encoding="utf-8")
    dialog = InsightsDialog(context, client_id, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(export, "instagram")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert "1 of 2 rows match" in dialog.summary.text() and "line 3 matches" in dialog.summary.text()
    readings = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert readings["Reach"] == "Reach" and readings["Description"].startswith("which post")
    assert not context.library.query("SELECT * FROM metric_snapshots WHERE source = 'csv'")
    screenshot(dialog, "analytics-import.png")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert len(context.library.query("SELECT * FROM metric_snapshots WHERE source = 'csv'")) == 1

    # Numbers by hand for the selected post.
    page.period.setCurrentIndex(page.period.findText("Last 30 days"))
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=10_000)
    page.table.selectRow(0)
    assert page.enter_button.isEnabled()
    draft_id, _network = page.selected_post()  # type: ignore[misc]
    numbers = NumbersDialog(context, draft_id, "linkedin", page)
    qtbot.addWidget(numbers)
    numbers.show()
    qtbot.keyClicks(numbers.fields["likes"], "12")
    qtbot.keyClicks(numbers.fields["impressions"], "600")
    save = numbers.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not numbers.isVisible(), timeout=10_000)
    manual = [s for s in store.snapshots(context.library, draft_id) if s.source == "manual"]
    assert manual and manual[0].counts.likes == 12 and manual[0].counts.reach is None
    qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=10_000)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "dark")
    try:
        with qtbot.waitSignal(page.heatmap.drawn, timeout=30_000):
            page.reload()
        qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=10_000)
        dark = page.heatmap.image.pixelColor(2, 2).lightness()  # type: ignore[union-attr]
        assert dark < 80  # the chart follows the dark theme
        screenshot(page, "analytics-dark.png")
    finally:
        apply_theme(app, "light")
        QApplication.processEvents()


def test_a_refused_export_says_why_and_stores_nothing(context: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    client = context.library.add_client("Acme")
    export = tmp_path / "odd.csv"
    export.write_text("Kolom A,Kolom B\n1,2\n", encoding="utf-8")
    dialog = InsightsDialog(context, client.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(export, "tiktok")
    qtbot.waitUntil(lambda: "Kolom A, Kolom B" in dialog.summary.text(), timeout=10_000)
    assert not dialog.import_button.isEnabled()
