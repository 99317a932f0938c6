""""Add to queue": each account has posting slots (a weekday and a wall-clock time in the user's
zone); a draft added to the queue takes the account's next slot that nothing is scheduled in.

Slots are wall-clock times, so 09:30 stays 09:30 across a DST change; the instant is computed per
date with :func:`studio.library.times.wall_clock` (a time skipped by the change moves to the first
valid minute after it) and stored in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from studio.errors import UsageError

if TYPE_CHECKING:
    from studio.library import Library
    from studio.model import Schedule

HORIZON_DAYS = 366
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_slots(text: str) -> list[dict[str, Any]]:
    """``"mon 09:30, wed 12:00"`` as slots; a :class:`UsageError` names the first bad one."""
    slots = []
    for chunk in text.replace(";", ",").split(","):
        item = chunk.strip()
        if not item:
            continue
        day, _, at = item.partition(" ")
        at = at.strip()
        valid = len(at) == 5 and at[2] == ":" and at[:2].isdigit() and at[3:].isdigit()
        if day[:3].lower() not in WEEKDAYS or not valid or int(at[:2]) > 23 or int(at[3:]) > 59:
            raise UsageError(f"“{item}” is not a posting slot.", "Write slots like “mon 09:30, wed 12:00”.")
        slots.append({"weekday": WEEKDAYS.index(day[:3].lower()), "time": at})
    return slots


def format_slots(slots: Any) -> str:
    """Slots as :func:`parse_slots` reads them back: ``"Mon 09:30, Thu 17:00"``."""
    return ", ".join(f"{WEEKDAYS[int(slot['weekday'])].capitalize()} {slot['time']}" for slot in slots)


def slot_instants(slots: Any, start: datetime, zone: tzinfo, days: int = HORIZON_DAYS) -> list[datetime]:
    """The UTC instants of ``slots`` after ``start`` (aware), in order, over ``days`` days."""
    from studio.library.times import wall_clock

    parsed = []
    for slot in slots:
        hours, minutes = str(slot["time"]).split(":")
        parsed.append((int(slot["weekday"]), time(int(hours), int(minutes))))
    first_day: date = start.astimezone(zone).date()
    instants: list[datetime] = []
    for offset in range(days + 1):
        day = first_day + timedelta(days=offset)
        for weekday, at in sorted(parsed, key=lambda item: item[1]):
            if day.weekday() == weekday:
                moment = wall_clock(day, at, zone)
                if moment > start:
                    instants.append(moment)
    return sorted(set(instants))


def next_free_slot(library: Library, account_id: int, after: datetime | None = None, zone: tzinfo | None = None) -> datetime:
    """The account's next slot after ``after`` (default: now) with nothing scheduled on it."""
    from studio.library.times import local_zone, to_utc_text

    account = library.get_account(account_id)
    if not account.slots:
        raise UsageError(
            f"The account {account.handle} has no posting slots.",
            "Add slots (a weekday and a time) to the account, or pick a date and time.",
        )
    start = after or datetime.now(UTC)
    zone = zone or local_zone()
    rows = library.query(
        "SELECT s.scheduled_at FROM schedules s LEFT JOIN publications p ON p.schedule_id = s.id "
        "WHERE s.account_id = ? AND s.scheduled_at >= ? AND coalesce(p.state, '') != 'cancelled'",
        (account_id, to_utc_text(start)),
    )
    taken = {row[0] for row in rows}
    for instant in slot_instants(account.slots, start, zone):
        if to_utc_text(instant) not in taken:
            return instant
    raise UsageError(f"Every slot of {account.handle} is taken for the next year.", "Add more posting slots.")


def add_to_queue(library: Library, draft_id: int, account_id: int, after: datetime | None = None,
                 zone: tzinfo | None = None) -> Schedule:
    """Schedule the draft on the account's next free slot; returns the library's Schedule.
    The slot is looked up and taken in one transaction, so two adds never take the same slot."""
    with library.transaction():
        when = next_free_slot(library, account_id, after, zone)
        return library.schedule(draft_id, account_id, when)
