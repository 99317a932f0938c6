"""The networks Studio writes for, loaded from ``resources/networks.json`` (data, with sources)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from studio.data import load_json
from studio.errors import UsageError

if TYPE_CHECKING:
    from studio.model import Account

UNITS = frozenset(
    {"x-weighted", "mastodon", "graphemes", "utf8-bytes", "utf16", "characters", "threads", "hashtags", "mentions"}
)


@dataclass(frozen=True)
class Rule:
    """One measure a text must keep within: ``unit`` at most ``limit``."""

    unit: str
    limit: int


@dataclass(frozen=True)
class Network:
    """A network's text rules. ``rules[0]`` is the main measure the counters show."""

    id: str
    title: str
    rules: tuple[Rule, ...]
    thread: bool = False
    server_limit: bool = False
    fold: int | None = None
    forbidden: tuple[str, ...] = ()
    source: str = ""

    @property
    def unit(self) -> str:
        return self.rules[0].unit

    @property
    def limit(self) -> int:
        return self.rules[0].limit


@cache
def all_networks() -> dict[str, Network]:
    """Every network by id, in the order of the resource file."""
    raw = load_json("networks.json")
    result: dict[str, Network] = {}
    for entry in raw["networks"]:
        rules = [Rule(str(entry["unit"]), int(entry["limit"]))]
        rules += [Rule(str(extra["unit"]), int(extra["limit"])) for extra in entry.get("also", ())]
        for rule in rules:
            if rule.unit not in UNITS:
                raise ValueError(f"networks.json: unknown unit {rule.unit!r} for {entry['id']}")
        result[entry["id"]] = Network(
            id=str(entry["id"]),
            title=str(entry["title"]),
            rules=tuple(rules),
            thread=bool(entry.get("thread", False)),
            server_limit=bool(entry.get("server_limit", False)),
            fold=int(entry["fold"]) if entry.get("fold") else None,
            forbidden=tuple(entry.get("forbidden", ())),
            source=str(entry.get("source", "")),
        )
    return result


def network(network_id: str) -> Network:
    """The network ``network_id``, or a ``UsageError`` that lists the known ones."""
    known = all_networks()
    try:
        return known[network_id]
    except KeyError:
        raise UsageError(
            f"Studio does not know the network {network_id!r}.",
            "Use one of: " + ", ".join(known) + ".",
        ) from None


def networks() -> list[tuple[str, str]]:
    """``(id, title)`` of every network, in display order."""
    return [(item.id, item.title) for item in all_networks().values()]


def server_limits(accounts: Iterable[Account]) -> dict[str, int]:
    """network -> the main limit its server reports, for the networks whose servers set their own
    (``server_limit`` in networks.json: Mastodon's ``max_characters``), read from the accounts'
    settings as connecting stored them. With several accounts on one network the smallest wins:
    the post must fit every server it goes to."""
    known = all_networks()
    limits: dict[str, int] = {}
    for account in accounts:
        entry = known.get(account.network)
        limit = account.settings.get("max_characters")
        if entry is not None and entry.server_limit and isinstance(limit, int) and limit > 0:
            limits[account.network] = min(limit, limits.get(account.network, limit))
    return limits


@cache
def _titles() -> dict[str, str]:
    return {network_id: item.title for network_id, item in all_networks().items()}


def title_of(network_id: str) -> str:
    """A network's name as people write it ("X", "LinkedIn", "Mastodon"), never its id; a network
    that posts through an account only (a folder, a webhook) by its id in words."""
    return _titles().get(network_id) or network_id.replace("-", " ").replace("_", " ").capitalize()
