"""Measures of a post's performance, each with the denominator it is taken against.

The tools people compare Studio with define "engagement rate" differently (by followers, by reach,
by impressions), so a rate here always carries its denominator's name, and a rate whose denominator
is unknown for a network is :data:`UNKNOWN` with the reason, never a number made up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Literal

COUNTERS = ("likes", "reposts", "replies", "quotes", "comments", "shares", "saves", "link_clicks",
            "reach", "impressions", "views")
# Interactions a person made with the post: the engagement that rates are made of. Reach,
# impressions and views are audiences, not interactions.
INTERACTIONS = ("likes", "reposts", "replies", "quotes", "comments", "shares", "saves", "link_clicks")
Denominator = Literal["followers", "reach", "impressions"]
DENOMINATORS: tuple[Denominator, ...] = ("followers", "reach", "impressions")
_WHOLE = re.compile(r"\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+")
LABELS: dict[str, str] = {
    "followers": "ER by followers = engagements ÷ followers when posted",
    "reach": "ER by reach = engagements ÷ accounts reached",
    "impressions": "ER by impressions = engagements ÷ times shown",
}


@dataclass(frozen=True)
class Counts:
    """A post's counters at one moment; ``None`` is "the network did not say", never zero."""

    likes: int | None = None
    reposts: int | None = None
    replies: int | None = None
    quotes: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    link_clicks: int | None = None
    reach: int | None = None
    impressions: int | None = None
    views: int | None = None

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Counts:
        known = {name: _count(values.get(name)) for name in COUNTERS if name in values}
        return cls(**known)

    def to_json(self) -> dict[str, int | None]:
        return {field.name: getattr(self, field.name) for field in fields(self)}

    def engagements(self) -> int | None:
        """The interactions the network reported, added up; ``None`` when it reported none."""
        known = [value for name in INTERACTIONS if (value := getattr(self, name)) is not None]
        return sum(known) if known else None


@dataclass(frozen=True)
class Rate:
    """An engagement rate with what it was computed from. ``value`` is a fraction (0.034 = 3.4 %);
    ``None`` with ``reason`` when it cannot be computed."""

    denominator: Denominator
    value: float | None
    engagements: int | None
    base: int | None
    reason: str = ""

    @property
    def label(self) -> str:
        return LABELS[self.denominator]

    def text(self) -> str:
        if self.value is None:
            return f"unknown ({self.reason})"
        return f"{self.value * 100:.2f} %"


def engagement_rate(counts: Counts, denominator: Denominator, followers: int | None = None) -> Rate:
    """ER of ``counts`` against ``denominator``; ``followers`` is the account's follower count when
    the post went out (the closest snapshot). Unknown, with the reason, rather than a guess."""
    engagements = counts.engagements()
    base = followers if denominator == "followers" else getattr(counts, denominator)
    if engagements is None:
        return Rate(denominator, None, None, base, "the network gave no interaction counts")
    if base is None:
        return Rate(denominator, None, engagements, None, f"the network does not report {denominator}")
    if base <= 0:
        return Rate(denominator, None, engagements, base, f"{denominator} is 0")
    return Rate(denominator, engagements / base, engagements, base)


def growth(before: int | None, after: int | None) -> tuple[int, float | None] | None:
    """Followers gained (or lost) and the change as a fraction of ``before``; ``None`` when either
    end is unknown."""
    if before is None or after is None:
        return None
    change = after - before
    return change, (change / before if before > 0 else None)


def average(values: Iterable[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def roi(revenue: float | None, cost: float | None) -> float | None:
    """Return on investment as a fraction: (revenue − cost) ÷ cost; ``None`` without both, or for a
    cost of 0 (a ratio over nothing is no number)."""
    if revenue is None or cost is None or cost <= 0:
        return None
    return (revenue - cost) / cost


def _count(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError("a count cannot be true or false")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if value != int(value):
            raise ValueError(f"{value} is not a whole number")
        number = int(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        # 1,234 and 1.234 (thousands separators, as English and Indonesian exports write them) are
        # both 1234; "1.5" is no count.
        if not _WHOLE.fullmatch(text):
            raise ValueError(f"{value!r} is not a count")
        number = int(text.replace(",", "").replace(".", ""))
    if number < 0:
        raise ValueError(f"{value!r} is negative")
    return number
