"""Instants and the user's time zone.

The library stores instants as UTC text ("YYYY-MM-DDTHH:MM:SSZ"); the calendar shows them in the
user's IANA zone, so a post at 09:00 moved across a DST change stays at 09:00 on the wall clock.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from studio.errors import UsageError

log = logging.getLogger(__name__)

UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def to_utc_text(when: datetime) -> str:
    """``when`` (aware) as the library's UTC text; a naive time is refused (it has no zone)."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise UsageError(f"The time {when.isoformat()} has no time zone.", "Give it an offset, e.g. +02:00 or Z.")
    return when.astimezone(UTC).strftime(UTC_FORMAT)


def parse_utc(text: str) -> datetime:
    """The library's UTC text as an aware datetime."""
    return datetime.strptime(text, UTC_FORMAT).replace(tzinfo=UTC)


def parse_iso(text: str) -> datetime:
    """ISO 8601 with an offset ("2026-03-29T09:00:00+02:00", "...Z") as an aware datetime, or
    ``ValueError`` saying what is wrong."""
    value = text.strip()
    if value.endswith(("z", "Z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"“{text}” is not an ISO 8601 date and time (e.g. 2026-03-29T09:00:00+02:00)") from None
    if parsed.tzinfo is None:
        raise ValueError(f"“{text}” has no offset; add one such as +02:00 or Z")
    return parsed


LOCALTIME = Path("/etc/localtime")


def local_zone() -> tzinfo:
    """The user's zone: ``$TZ``, else the zone /etc/localtime points at, else the one tzlocal finds
    (Windows' registry), else the fixed offset now (which knows no summer time: the last resort)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    link = LOCALTIME
    try:
        target = str(link.resolve())
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
        with link.open("rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # tzlocal raises its own errors for a zone it cannot name
        log.warning("The local time zone could not be named; using the current UTC offset", exc_info=True)
    return datetime.now().astimezone().tzinfo or UTC


def on_day(instant: str, day: date, zone: tzinfo) -> datetime:
    """The UTC instant for the same wall-clock time as ``instant`` in ``zone``, on ``day``."""
    local = parse_utc(instant).astimezone(zone)
    return wall_clock(day, local.time().replace(tzinfo=None), zone)


def wall_clock(day: date, at: time, zone: tzinfo) -> datetime:
    """``day`` at ``at`` on the wall clock of ``zone``, in UTC. A time skipped by a DST change
    (02:30 on a spring-forward night) moves to the first valid minute after the gap; a repeated
    one (autumn) means its first occurrence."""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != naive:  # inside a gap: walk forward to the first real minute
        probe = naive
        for _ in range(24 * 60):
            probe += timedelta(minutes=1)
            candidate = probe.replace(tzinfo=zone)
            if candidate.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == probe:
                return candidate.astimezone(UTC)
    return aware.astimezone(UTC)
