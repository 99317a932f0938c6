"""Split a long text into a thread whose every part fits the network's limit.

Each cut falls at the best boundary the part allows: a paragraph break, then the end of a sentence,
then a space, and only as a last resort inside a word (at a grapheme boundary, never inside an emoji
or a link). Parts may be numbered "1/3" at their end; the numbers are counted in the limit.
"""

from __future__ import annotations

import itertools

import regex

from studio.errors import UsageError
from studio.text import entities
from studio.text.counting import GRAPHEME_RE, count
from studio.text.networks import network

NUMBER_RE = regex.compile(r"\s+(\d+)/(\d+)$")
SENTENCE_END_RE = regex.compile(r"[.!?…。！？]+[\"'’”)\]]*(?=\s)")
SPACE_RE = regex.compile(r"\s+")


def split_thread(text: str, network_id: str, numbered: bool = False, *, limit: int | None = None) -> list[str]:
    """``text`` as thread parts that each fit ``network_id`` (``limit`` overrides its limit)."""
    if not network(network_id).thread:
        raise UsageError(
            f"{network(network_id).title} has no threads to split a post into.",
            "Threads can be made for X, Bluesky, Mastodon and Threads.",
        )
    text = text.strip()
    if not text:
        return []
    if count(text, network_id, limit=limit).ok:
        return [text]
    if not numbered:
        return _split(text, network_id, limit, lambda i, n: "")
    total = 2
    for _ in range(6):  # the width of "i/n" depends on n: repeat until the count is stable
        parts = _split(text, network_id, limit, lambda i, n: f" {i}/{n}", total)
        if len(parts) == total:
            break
        total = len(parts)
    return [f"{part} {i}/{len(parts)}" for i, part in enumerate(parts, 1)]


def join_thread(parts: list[str]) -> str:
    """The parts of a thread as one text again, without their "i/n" numbers.

    The numbers go only when every part ends with one, all "of" the same n, counting up from 1 to
    at most n (a part may have been deleted since): a part that merely ends with a date or a score
    ("Sale on 10/11") keeps it.
    """
    kept = [part.strip() for part in parts if part.strip()]
    found = [NUMBER_RE.search(part) for part in kept]
    if kept and all(found):
        numbers = [(int(m.group(1)), int(m.group(2))) for m in found if m]
        counting = all(a < b for (a, _), (b, _) in itertools.pairwise(numbers))
        totals = {total for _, total in numbers}
        in_range = all(1 <= i <= total for i, total in numbers) and max(totals) >= len(kept)
        if counting and in_range and len(totals) == 1:
            kept = [part[:m.start()].rstrip() for part, m in zip(kept, found, strict=True) if m]
    return " ".join(kept)


def _split(text: str, network_id: str, limit: int | None, suffix: object, total: int = 0) -> list[str]:
    parts: list[str] = []
    rest = text
    while rest:
        mark = suffix(len(parts) + 1, total) if callable(suffix) else ""
        if count(rest + mark, network_id, limit=limit).ok:
            parts.append(rest)
            break
        cut = _best_cut(rest, mark, network_id, limit)
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return parts


def _fits(piece: str, mark: str, network_id: str, limit: int | None) -> bool:
    return count(piece.rstrip() + mark, network_id, limit=limit).ok


def _best_cut(rest: str, mark: str, network_id: str, limit: int | None) -> int:
    """The position to end this part at: the longest prefix that fits, moved back to a boundary."""
    bounds = [match.end() for match in GRAPHEME_RE.finditer(rest)]
    lo, hi = 0, len(bounds) - 1  # find the last grapheme boundary whose prefix fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _fits(rest[: bounds[mid]], mark, network_id, limit):
            lo = mid
        else:
            hi = mid - 1
    longest = bounds[lo]
    if not _fits(rest[:longest], mark, network_id, limit):
        raise UsageError(
            "The text cannot be split: a single character is already longer than the limit.",
            "Check the limit of the network.",
        )
    head = rest[:longest]
    links = entities.urls(rest)
    for candidates, minimum in (
        ([m.end() for m in regex.finditer(r"\n\s*\n", head)], longest // 2),
        ([m.end() for m in SENTENCE_END_RE.finditer(rest) if m.end() <= longest], longest // 3),
        ([m.start() for m in SPACE_RE.finditer(head) if m.start() > 0], 1),
    ):
        good = [c for c in candidates if c >= minimum and not _inside_link(c, links)]
        if good:
            return good[-1]
    for link in links:  # never cut a link in two: end the part before it
        if link.start < longest < link.end and link.start > 0:
            return link.start
    return longest


def _inside_link(position: int, links: list[entities.Entity]) -> bool:
    return any(link.start < position < link.end for link in links)
