"""The status workflow of a draft.

idea -> draft -> in review -> approved -> scheduled -> published / failed, plus archived. Moving
into "scheduled" happens by scheduling (a date and an account), out of it by unscheduling or by the
publisher; anything else that makes no sense is refused with the reason, in the user's words.
"""

from __future__ import annotations

from studio.library.store import StatusError
from studio.model import STATUS_LABELS, STATUSES

# Where a status may go by hand (set_status). "scheduled" is entered by scheduling, and left for
# published or failed by the publisher.
ALLOWED: dict[str, frozenset[str]] = {
    "idea": frozenset({"draft", "archived"}),
    "draft": frozenset({"idea", "in_review", "approved", "archived"}),
    "in_review": frozenset({"draft", "approved", "archived"}),
    "approved": frozenset({"draft", "in_review", "archived"}),
    "scheduled": frozenset({"published", "failed"}),
    "published": frozenset({"archived"}),
    "failed": frozenset({"draft", "approved", "archived"}),
    "archived": frozenset({"idea", "draft"}),
}

# Statuses from which a draft may be scheduled.
SCHEDULABLE = frozenset({"idea", "draft", "in_review", "approved", "scheduled", "failed"})


def normalise(status: str) -> str:
    """``status`` as stored ("In review", "in-review" -> "in_review"), or :class:`StatusError`."""
    key = status.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in STATUSES:
        choices = ", ".join(STATUS_LABELS[s].lower() for s in STATUSES)
        raise StatusError(f"“{status}” is not a status.", f"Use one of: {choices}.")
    return key


def check(current: str, wanted: str) -> None:
    """Raise :class:`StatusError` with the reason when a draft in ``current`` cannot go to ``wanted``."""
    if current == wanted:
        return
    now, then = STATUS_LABELS[current], STATUS_LABELS[wanted]
    if wanted == "scheduled":
        raise StatusError(
            f"A draft becomes Scheduled by giving it a date and an account, not by changing its status ({now} now).",
            "Drag it onto the calendar or use Schedule.",
        )
    if current == "scheduled" and wanted not in ALLOWED[current]:
        raise StatusError(
            f"This draft is scheduled; it cannot become {then} while it is.",
            "Unschedule it first.",
        )
    if current == "published" and wanted != "archived":
        raise StatusError(
            f"This draft is already published; it cannot go back to {then}.",
            "Duplicate it to write a new post from it.",
        )
    if wanted in {"published", "failed"}:
        raise StatusError(
            f"Only publishing can mark a draft {then} (it is {now}).",
            "Schedule it; Studio records the outcome.",
        )
    if wanted not in ALLOWED[current]:
        raise StatusError(f"A draft cannot go from {now} to {then}.", "")


def check_schedulable(current: str) -> None:
    if current not in SCHEDULABLE:
        reason = {
            "published": "It is already published; duplicate it to post it again.",
            "archived": "It is archived; restore it first.",
        }.get(current, "")
        raise StatusError(f"A draft that is {STATUS_LABELS[current]} cannot be scheduled.", reason)
