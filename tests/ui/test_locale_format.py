"""Dates, times, weekdays and numbers follow the interface's locale (issue 14): the one writer
(studio.ui.locale_format), and the places that show them: the Library's calendar, the Publishing
queue's times, the accounts' token expiry, the Analytics page's numbers and weekdays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from studio.ui import locale_format
from studio.ui.context import AppContext
from studio.ui.translation import Translation

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def indonesian_locale(tmp_path: Path) -> Iterator[None]:
    """The Indonesian locale, without the translators (an empty folder): dates and numbers only."""
    translation = Translation()
    translation.apply("id", tmp_path)
    yield
    translation.apply("en")


def test_the_writer_speaks_the_locale(indonesian_locale: None) -> None:
    moment = datetime(2026, 11, 30, 7, 5, tzinfo=UTC)  # 14.05 in Jakarta
    assert locale_format.moment(moment, locale_format.DATE_TIME, JAKARTA) == "Sen 30 Nov 2026 14.05"
    assert locale_format.moment(moment, locale_format.LONG_DATE_TIME, JAKARTA) == "Senin 30 November 2026, 14.05"
    assert locale_format.moment(date(2026, 12, 1), locale_format.MONTH) == "Desember 2026"
    assert locale_format.moment(date(2026, 12, 1), locale_format.DATE) == "1 Des 2026"
    assert locale_format.weekdays() == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
    assert locale_format.weekday(6, long=True) == "Minggu"
    assert locale_format.clock(9) == "09.00"
    assert locale_format.number(1234567) == "1.234.567"
    assert locale_format.number(3.456, 2) == "3,46"
    assert locale_format.counted(1, "1 berkas", "%1 berkas") == "1 berkas"
    assert locale_format.counted(1500, "1 berkas", "%1 berkas") == "1.500 berkas"


def test_english_stays_english() -> None:
    Translation().apply("en")
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        moment = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)
        assert locale_format.moment(moment, locale_format.DATE_TIME, UTC) == "Mon 30 Nov 2026 14:05"
        assert locale_format.weekdays()[0] == "Mon"
        assert locale_format.number(1234567) == "1,234,567"
    finally:
        Translation().apply("en")


def test_the_calendar_is_in_the_locale(indonesian_locale: None, context: AppContext, qtbot: QtBot) -> None:
    from studio.ui.library.calendar import CalendarView

    context.tasks.inline = True
    view = CalendarView(context.library, context.tasks, JAKARTA)
    qtbot.addWidget(view)
    view.go_to(date(2026, 12, 15))
    assert view.title.text() == "Desember 2026"
    view.set_mode("week")
    assert view.title.text() == "14 Des – 20 Des 2026"


def test_the_queue_and_the_token_expiry_are_in_the_locale(indonesian_locale: None) -> None:
    from studio.ui.publishing.accounts_panel import expiry_text
    from studio.ui.publishing.panel import _local

    assert _local("2026-12-03T07:05:00Z", JAKARTA) == "Kam 3 Des 2026 14.05 WIB"
    assert expiry_text({"token_expires_at": "2027-01-31T10:00:00Z"}, JAKARTA) == "31 Jan 2027"


def test_the_analytics_numbers_are_in_the_locale(indonesian_locale: None) -> None:
    from studio.ui.analytics.page import _moved, _number, _percent

    assert _number(12345) == "12.345"
    assert _percent(0.0345) == "3,45 %"
    assert _moved(1500, 300) == "▲ 1.200 since the period before"  # the words are the .qm's
