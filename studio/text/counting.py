"""How long a text is for each network, in that network's own unit, and where it goes over.

Every measure is computed as a list of units, each with the code-point position where it starts and
its weight; the length is the sum, and ``over_from`` is where the first unit that does not fit
starts, so the editor can mark exactly the part the network would refuse.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from studio.text import entities
from studio.text.networks import Rule, network
from studio.text.positions import utf8_to_cp, utf16_length, utf16_to_cp

GRAPHEME_RE = regex.compile(r"\X")

# twitter-text config v3 (config/v3.json): weights in hundredths, scale 100.
X_SCALE = 100
X_DEFAULT_WEIGHT = 200
X_URL_LENGTH = 23
X_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
# Characters twitter-text refuses anywhere in a post (hasInvalidCharacters).
X_INVALID = frozenset("\uFFFE\uFEFF\uFFFF")
MASTODON_URL_LENGTH = 23


@dataclass(frozen=True)
class Measure:
    """One measure of a text: ``length`` in ``unit`` against ``limit``."""

    unit: str
    length: int
    limit: int
    over_from: int | None  # code point where the part over the limit starts

    @property
    def ok(self) -> bool:
        return self.length <= self.limit


@dataclass(frozen=True)
class Count:
    """A text counted for one network. ``length``, ``limit``, ``unit`` and ``over_from`` are those
    of the main measure; ``measures`` has every measure (Bluesky: graphemes and bytes; Instagram:
    characters, hashtags, mentions); ``ok`` is true when all hold and nothing forbidden is there."""

    network: str
    length: int
    limit: int
    unit: str
    ok: bool
    over_from: int | None
    measures: tuple[Measure, ...] = ()
    problems: tuple[str, ...] = field(default=())

    def measure(self, unit: str) -> Measure | None:
        return next((item for item in self.measures if item.unit == unit), None)

    @property
    def graphemes(self) -> int | None:
        found = self.measure("graphemes")
        return found.length if found else None

    @property
    def bytes(self) -> int | None:
        found = self.measure("utf8-bytes")
        return found.length if found else None

    def to_json(self) -> dict[str, object]:
        return {
            "network": self.network,
            "length": self.length,
            "limit": self.limit,
            "unit": self.unit,
            "ok": self.ok,
            "over_from": self.over_from,
            "measures": [
                {"unit": m.unit, "length": m.length, "limit": m.limit, "over_from": m.over_from}
                for m in self.measures
            ],
            "problems": list(self.problems),
        }


def count(text: str, network_id: str, *, limit: int | None = None) -> Count:
    """Count ``text`` for ``network_id``. ``limit`` replaces the main limit (a Mastodon server's
    configured ``max_characters``, say)."""
    rules = network(network_id).rules
    if limit is not None:
        if limit <= 0:
            raise ValueError(f"limit must be positive, got {limit}")
        rules = (Rule(rules[0].unit, limit), *rules[1:])
    measures = tuple(measure(text, rule.unit, rule.limit) for rule in rules)
    problems = list(_forbidden(text, network_id))
    if network_id == "x":
        bad = sorted({ch for ch in text if ch in X_INVALID})
        if bad:
            problems.append("X refuses the invisible character(s) " + ", ".join(f"U+{ord(ch):04X}" for ch in bad))
    overs = [m.over_from for m in measures if m.over_from is not None]
    main = measures[0]
    return Count(
        network=network_id,
        length=main.length,
        limit=main.limit,
        unit=main.unit,
        ok=all(m.ok for m in measures) and not problems,
        over_from=min(overs) if overs else None,
        measures=measures,
        problems=tuple(problems),
    )


def _forbidden(text: str, network_id: str) -> list[str]:
    chars = [ch for ch in network(network_id).forbidden if ch in text]
    if not chars:
        return []
    return [f"{network(network_id).title} does not accept " + " or ".join(repr(ch) for ch in chars)]


def measure(text: str, unit: str, limit: int) -> Measure:
    """``text`` measured in ``unit`` against ``limit``."""
    if unit == "characters":
        return Measure(unit, len(text), limit, limit if len(text) > limit else None)
    if unit == "utf16":
        size = utf16_length(text)
        return Measure(unit, size, limit, utf16_to_cp(text, limit) if size > limit else None)
    if unit == "utf8-bytes":
        size = len(text.encode("utf-8"))
        return Measure(unit, size, limit, utf8_to_cp(text, limit) if size > limit else None)
    if unit in ("hashtags", "mentions"):
        found = entities.hashtags(text) if unit == "hashtags" else entities.mentions(text)
        return Measure(unit, len(found), limit, found[limit].start if len(found) > limit else None)
    units = {
        "graphemes": _grapheme_units,
        "mastodon": _mastodon_units,
        "threads": _threads_units,
    }
    if unit == "x-weighted":
        starts, weights = _x_units(text)
        return _total(unit, starts, weights, limit * X_SCALE, scale=X_SCALE)
    if unit not in units:
        raise ValueError(f"unknown unit {unit!r}")
    starts, weights = units[unit](text)
    return _total(unit, starts, weights, limit)


def _total(unit: str, starts: list[int], weights: list[int], limit: int, scale: int = 1) -> Measure:
    total = 0
    over_from = None
    for start, weight in zip(starts, weights, strict=True):
        total += weight
        if over_from is None and total > limit:
            over_from = start
    return Measure(unit, total // scale, limit // scale, over_from)


def _grapheme_units(text: str) -> tuple[list[int], list[int]]:
    starts = [match.start() for match in GRAPHEME_RE.finditer(text)]
    return starts, [1] * len(starts)


def _mastodon_units(text: str) -> tuple[list[int], list[int]]:
    """Mastodon's countable_text: each http(s) URL counts 23, ``@user@domain`` counts as ``@user``,
    the rest counts grapheme clusters."""
    spans: list[tuple[int, int, int]] = []  # start, end, weight
    for url in entities.urls(text, without_protocol=False):
        if url.text.lower().startswith(("http://", "https://")):
            spans.append((url.start, url.end, MASTODON_URL_LENGTH))
    for match in entities.MASTODON_MENTION_RE.finditer(text):
        if entities.MASTODON_MENTION_END_RE.match(text, match.end()):
            continue  # "@a@b@c", "@user://": not a mention (twitter-text's end_mention_match)
        domain = match.group(1).partition("@")[2]
        if len(domain) > 253:
            continue  # no domain name is that long: Mastodon counts it as plain text
        spans.append((match.start(), match.end(), 1 + len(match.group(2))))
    spans.sort()
    starts: list[int] = []
    weights: list[int] = []
    position = 0
    for start, end, weight in spans:
        if start < position:
            continue  # overlapping entities: the first one wins, as in Mastodon's extractor
        _add_graphemes(text, position, start, starts, weights)
        starts.append(start)
        weights.append(weight)
        position = end
    _add_graphemes(text, position, len(text), starts, weights)
    return starts, weights


def _add_graphemes(text: str, start: int, end: int, starts: list[int], weights: list[int]) -> None:
    for match in GRAPHEME_RE.finditer(text, start, end):
        starts.append(match.start())
        weights.append(1)


def _threads_units(text: str) -> tuple[list[int], list[int]]:
    """Threads: characters, except that each emoji counts as many as its UTF-8 bytes."""
    starts: list[int] = []
    weights: list[int] = []
    position = 0
    for found in entities.emoji(text):
        starts.extend(range(position, found.start))
        weights.extend([1] * (found.start - position))
        starts.append(found.start)
        weights.append(len(found.text.encode("utf-8")))
        position = found.end
    starts.extend(range(position, len(text)))
    weights.extend([1] * (len(text) - position))
    return starts, weights


def _x_weight(ch: str) -> int:
    code = ord(ch)
    for low, high, weight in X_RANGES:
        if low <= code <= high:
            return weight
    return X_DEFAULT_WEIGHT


def _x_units(text: str) -> tuple[list[int], list[int]]:
    """twitter-text v3 parseTweet: on the NFC text, each URL weighs 23, each emoji sequence 2 (the
    default weight), every other code point its range's weight. Positions are mapped back to
    ``text`` so ``over_from`` points into what the user typed."""
    normal, to_original = _nfc(text)
    spans: dict[int, tuple[int, int]] = {}
    for found in entities.emoji(normal):
        spans[found.start] = (found.end, X_DEFAULT_WEIGHT)
    for url in entities.urls(normal):  # a URL wins over an emoji at the same place
        spans[url.start] = (url.end, X_URL_LENGTH * X_SCALE)
    starts: list[int] = []
    weights: list[int] = []
    i = 0
    while i < len(normal):
        span = spans.get(i)
        starts.append(to_original(i))
        if span is not None:
            weights.append(span[1])
            i = span[0]
        else:
            weights.append(_x_weight(normal[i]))
            i += 1
    return starts, weights


def _nfc(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` in NFC and a function from NFC positions back to positions in ``text``."""
    if unicodedata.is_normalized("NFC", text):
        return text, _identity
    # Normalise piece by piece, each piece a starter with the marks that follow it, so every
    # position in the NFC text can be traced back to the piece it came from.
    cuts = [0]
    for i in range(1, len(text)):
        ch = text[i]
        if unicodedata.combining(ch) == 0 and not 0x1160 <= ord(ch) <= 0x11FF:
            previous = text[cuts[-1]:i]
            if unicodedata.normalize("NFC", previous + ch) == unicodedata.normalize("NFC", previous) + ch:
                cuts.append(i)
    cuts.append(len(text))
    pieces = [unicodedata.normalize("NFC", text[a:b]) for a, b in itertools.pairwise(cuts)]
    normal_starts = []
    offset = 0
    for piece in pieces:
        normal_starts.append(offset)
        offset += len(piece)

    def to_original(position: int) -> int:
        index = bisect.bisect_right(normal_starts, position) - 1
        return cuts[index]

    return "".join(pieces), to_original


def _identity(position: int) -> int:
    return position
