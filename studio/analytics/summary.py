"""A client's numbers for a period: each post's latest counts and rates, averages per network and
per tag, best and worst posts, follower growth, the weekday × hour map and ROI per campaign.

Every rate is one of :data:`~studio.analytics.formulas.DENOMINATORS`, labelled, and "unknown" where a
network does not give the denominator. The weekday × hour map is the client's own history: the
average engagements of the posts that went out in each hour of each weekday (in ``zone``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from studio.analytics import store
from studio.analytics.formulas import (
    COUNTERS,
    DENOMINATORS,
    Counts,
    Rate,
    average,
    engagement_rate,
    growth,
    roi,
)
from studio.library.times import parse_iso

if TYPE_CHECKING:
    from studio.library import Library

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class PostStats:
    draft_id: int
    publication_id: int | None
    network: str
    account_id: int | None
    excerpt: str
    published_at: datetime | None
    tags: tuple[str, ...]
    counts: Counts
    followers: int | None
    rates: dict[str, Rate]

    @property
    def engagements(self) -> int | None:
        return self.counts.engagements()

    def to_json(self) -> dict[str, Any]:
        return {
            "draft_id": self.draft_id, "publication_id": self.publication_id, "network": self.network,
            "account_id": self.account_id, "excerpt": self.excerpt,
            "published_at": self.published_at.isoformat() if self.published_at else None, "tags": list(self.tags),
            "counts": self.counts.to_json(), "engagements": self.engagements, "followers": self.followers,
            "rates": {name: {"value": rate.value, "label": rate.label, "reason": rate.reason}
                      for name, rate in self.rates.items()},
        }


@dataclass
class Summary:
    client_id: int
    start: datetime
    end: datetime
    posts: list[PostStats] = field(default_factory=list)
    followers: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)  # account -> first, last
    heatmap: list[list[float | None]] = field(default_factory=lambda: [[None] * 24 for _ in range(7)])
    campaigns: list[dict[str, Any]] = field(default_factory=list)

    def by(self, key: str) -> dict[str, dict[str, float | int | None]]:
        """Averages per network (``key="network"``) or per tag (``key="tag"``)."""
        groups: dict[str, list[PostStats]] = {}
        for post in self.posts:
            names = post.tags if key == "tag" else (post.network,)
            for name in names:
                groups.setdefault(name, []).append(post)
        return {
            name: {
                "posts": len(posts),
                "engagements": average(p.engagements for p in posts),
                **{f"er_{d}": average(p.rates[d].value for p in posts) for d in DENOMINATORS},
            }
            for name, posts in sorted(groups.items())
        }

    def ranked(self) -> list[PostStats]:
        """Posts with known engagements, best first."""
        return sorted((p for p in self.posts if p.engagements is not None), key=lambda p: -(p.engagements or 0))

    def totals(self) -> dict[str, Any]:
        """Posts measured, engagements added up and the average ER by followers (``None``: unknown)."""
        engagements = [p.engagements for p in self.posts if p.engagements is not None]
        rates = [p.rates["followers"].value for p in self.posts if p.rates["followers"].value is not None]
        return {"posts": len(self.posts), "engagements": sum(engagements) if engagements else None,
                "er_followers": sum(rates) / len(rates) if rates else None}

    def growth(self) -> dict[int, tuple[int, float | None] | None]:
        return {account: growth(first, last) for account, (first, last) in self.followers.items()}

    def to_json(self) -> dict[str, Any]:
        ranked = self.ranked()
        return {
            "client_id": self.client_id, "from": self.start.isoformat(), "to": self.end.isoformat(),
            "definitions": {d: engagement_rate(Counts(), d).label for d in DENOMINATORS},
            "posts": [p.to_json() for p in self.posts],
            "per_network": self.by("network"), "per_tag": self.by("tag"),
            "best": [p.draft_id for p in ranked[:5]], "worst": [p.draft_id for p in ranked[-5:][::-1]],
            "followers": {str(a): {"first": first, "last": last} for a, (first, last) in self.followers.items()},
            "heatmap": {"weekdays": list(WEEKDAYS), "hours": self.heatmap},
            "campaigns": self.campaigns,
        }


def summarize(library: Library, client_id: int, start: datetime, end: datetime, zone: tzinfo, *,
              networks: Iterable[str] | None = None, tag: str | None = None) -> Summary:
    """The numbers of ``client_id``'s posts published in [start, end)."""
    wanted = set(networks) if networks else None
    summary = Summary(client_id, start, end)
    rows = library.query(
        "SELECT m.*, d.text AS draft_text, d.tags AS draft_tags, s.account_id, "
        "coalesce(p.last_attempt_at, p.updated_at, s.scheduled_at) AS published_at "
        "FROM metric_snapshots m JOIN drafts d ON d.id = m.draft_id "
        "LEFT JOIN publications p ON p.id = m.publication_id LEFT JOIN schedules s ON s.id = p.schedule_id "
        "WHERE d.client_id = ? ORDER BY m.taken_at, m.id",
        (client_id,),
    )
    latest: dict[tuple[int, str], Any] = {}
    for row in rows:  # the newest snapshot per post and network wins
        latest[(int(row["draft_id"]), str(row["network"]))] = row
    cells: dict[tuple[int, int], list[int]] = {}
    for (draft_id, network), row in latest.items():
        published = parse_iso(row["published_at"]) if row["published_at"] else parse_iso(row["taken_at"])
        if published is None or not (start <= published < end):
            continue
        tags = tuple(json.loads(row["draft_tags"] or "[]"))
        if (wanted and network not in wanted) or (tag and tag not in tags):
            continue
        counts = Counts(**{name: row[name] for name in COUNTERS})
        account_id = row["account_id"]
        followers = store.followers_at(library, int(account_id), published) if account_id is not None else None
        rates: dict[str, Rate] = {d: engagement_rate(counts, d, followers) for d in DENOMINATORS}
        text = " ".join(str(row["draft_text"]).split())
        excerpt = text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + "…"
        summary.posts.append(PostStats(draft_id, row["publication_id"], network, account_id, excerpt,
                                       published, tags, counts, followers, rates))
        local = published.astimezone(zone)
        if counts.engagements() is not None:
            cells.setdefault((local.weekday(), local.hour), []).append(counts.engagements() or 0)
    for (weekday, hour), values in cells.items():
        summary.heatmap[weekday][hour] = sum(values) / len(values)
    summary.posts.sort(key=lambda p: p.published_at or start)
    for account in library.list_accounts(client_id, include_archived=True):
        counted = library.query(
            "SELECT followers FROM follower_counts WHERE account_id = ? AND day >= ? AND day < ? ORDER BY day",
            (account.id, start.date().isoformat(), end.date().isoformat()),
        )
        if counted:
            summary.followers[account.id] = (int(counted[0][0]), int(counted[-1][0]))
    for money in library.query("SELECT * FROM campaign_money WHERE client_id = ? ORDER BY campaign", (client_id,)):
        summary.campaigns.append({
            "campaign": money["campaign"], "cost": money["cost"], "revenue": money["revenue"],
            "conversions": money["conversions"], "currency": money["currency"],
            "roi": roi(money["revenue"], money["cost"]),
            "posts": sum(1 for p in summary.posts if money["campaign"] in p.tags),
        })
    return summary


def suggested_slots(summary: Summary, count: int = 3) -> list[tuple[int, int, float]]:
    """The ``count`` best (weekday, hour, average engagements) cells of the client's own history."""
    cells = [(day, hour, value) for day, hours in enumerate(summary.heatmap)
             for hour, value in enumerate(hours) if value is not None]
    return sorted(cells, key=lambda cell: -cell[2])[:count]


HISTORY_DAYS = 90  # the history "add to queue" learns from
THIN = 8  # fewer measured posts than this: no suggestion (a map of a handful of posts is noise)


@dataclass(frozen=True)
class SlotSuggestion:
    """Posting slots learnt from a client's history, and what they rest on (posts measured, days)."""

    slots: list[dict[str, Any]]  # as accounts keep them: {"weekday": 0-6, "time": "HH:MM"}
    posts: int
    days: int

    def text(self) -> str:
        """``"Tue 09:00, Thu 19:00, Sat 10:00"`` (as :func:`studio.publishing.slots.parse_slots` reads)."""
        from studio.publishing.slots import format_slots

        return format_slots(self.slots)


def suggest_slots(library: Library, client_id: int, zone: tzinfo, now: datetime, count: int = 3,
                  days: int = HISTORY_DAYS) -> SlotSuggestion | None:
    """The ``count`` best weekday-and-hour slots from the client's measured posts of the last ``days``
    days, or ``None`` when fewer than :data:`THIN` posts were measured (the history is too thin)."""
    from datetime import timedelta

    summary = summarize(library, client_id, now - timedelta(days=days), now, zone)
    measured = sum(1 for post in summary.posts if post.engagements is not None)
    if measured < THIN:
        return None
    cells = sorted(suggested_slots(summary, count), key=lambda cell: (cell[0], cell[1]))
    if not cells:
        return None
    return SlotSuggestion([{"weekday": day, "time": f"{hour:02d}:00"} for day, hour, _value in cells], measured, days)


def set_campaign_money(library: Library, client_id: int, campaign: str, *, cost: float | None = None,
                       revenue: float | None = None, conversions: int | None = None, currency: str = "") -> None:
    """Cost and what came back for one campaign (a tag on the client's posts), for ROI."""
    with library.transaction() as conn:
        conn.execute(
            "INSERT INTO campaign_money (client_id, campaign, cost, revenue, conversions, currency) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id, campaign) DO UPDATE SET "
            "cost = coalesce(excluded.cost, cost), revenue = coalesce(excluded.revenue, revenue), "
            "conversions = coalesce(excluded.conversions, conversions), currency = excluded.currency",
            (client_id, campaign, cost, revenue, conversions, currency),
        )
        library.changed("metrics", None)


def follower_series(library: Library, client_id: int, start: datetime, end: datetime) -> list[tuple[Any, int]]:
    """The client's followers per UTC day in [start, end), its accounts added up (a day counts the
    accounts measured that day)."""
    from datetime import date

    rows = library.query(
        "SELECT f.day, sum(f.followers) FROM follower_counts f JOIN accounts a ON a.id = f.account_id "
        "WHERE a.client_id = ? AND f.day >= ? AND f.day < ? GROUP BY f.day ORDER BY f.day",
        (client_id, start.date().isoformat(), end.date().isoformat()),
    )
    return [(date.fromisoformat(str(day)), int(total)) for day, total in rows]
