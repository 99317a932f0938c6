"""Dates, times, weekdays and numbers in the interface's locale: the one place the GUI writes them.

``QLocale()`` is the default locale, which ``studio.ui.translation.Translation.apply`` sets from
Settings -> Language or the system, so "Mon 30 Nov 2026 14:05" reads "Sen 30 Nov 2026 14.05" in
Indonesian, and 1,234 reads 1.234. Python's ``strftime`` follows the C locale of the process, not
Studio's setting, so the GUI never uses it for what a person reads. The patterns are Qt's
(``QLocale.toString``): ``ddd`` short weekday, ``MMM`` short month, ``HH:mm`` the time (the separator
is replaced with the locale's own).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

if TYPE_CHECKING:
    from studio.analytics.charts import ChartWords


DATE = "d MMM yyyy"
DATE_TIME = "ddd d MMM yyyy HH:mm"
SHORT_DATE_TIME = "ddd d MMM HH:mm"
LONG_DATE_TIME = "dddd d MMMM yyyy, HH:mm"
MONTH = "MMMM yyyy"
DAY_MONTH = "d MMM"
TIME = "HH:mm"


def _pattern(pattern: str, locale: QLocale) -> str:
    """The pattern with the locale's time separator (Indonesian writes 14.05)."""
    separator = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "." in separator and ":" not in separator:
        return pattern.replace("HH:mm", "HH.mm")
    return pattern


def edit_format(pattern: str = DATE_TIME) -> str:
    """``pattern`` for a QDateTimeEdit's display format, with the locale's time separator."""
    return _pattern(pattern, QLocale())


def moment(when: datetime | date, pattern: str = DATE_TIME, zone: tzinfo | None = None) -> str:
    """``when`` (moved to ``zone`` first when given and ``when`` is aware) in the default locale."""
    locale = QLocale()
    if isinstance(when, datetime):
        if zone is not None and when.tzinfo is not None:
            when = when.astimezone(zone)
        value = QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second))
        return locale.toString(value, _pattern(pattern, locale))
    return locale.toString(QDate(when.year, when.month, when.day), pattern)


def clock(hour: int, minute: int = 0) -> str:
    """A time of day alone ("14:00", Indonesian "14.00")."""
    return moment(datetime(2000, 1, 1, hour, minute), TIME)


def weekday(index: int, long: bool = False) -> str:
    """The name of a weekday, Monday being 0 (as Python's ``date.weekday()``)."""
    form = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().dayName(index + 1, form)


def weekdays(long: bool = False) -> list[str]:
    """Monday to Sunday in the default locale."""
    return [weekday(index, long) for index in range(7)]


def number(value: float, decimals: int = 0) -> str:
    """A number with the locale's group and decimal separators (1.234,5 in Indonesian)."""
    locale = QLocale()
    if decimals == 0:
        return locale.toString(round(value))
    return locale.toString(float(value), "f", decimals)


def chart_words() -> ChartWords:
    """The locale's month abbreviations and separators, for the charts' axes (drawn by the core)."""
    from studio.analytics.charts import ChartWords

    locale = QLocale()
    months = tuple(locale.monthName(month, QLocale.FormatType.ShortFormat) for month in range(1, 13))
    return ChartWords(months, locale.decimalPoint(), locale.groupSeparator())


def counted(count: int, one: str, many: str) -> str:
    """How many of something, in agreement with the count: ``one`` for exactly one, else ``many``
    with its ``%1`` replaced by the count in the locale's digits. Both come translated, e.g.
    ``counted(n, self.tr("1 file"), self.tr("%1 files"))`` (Indonesian: "1 berkas", "3 berkas"):
    two literal strings, so lupdate collects both."""
    return one if count == 1 else many.replace("%1", number(count))
