"""Record keys: the idempotency key each publication carries from its first attempt.

A key is chosen once, stored with the publication before the first call, and sent again on every
retry, so a post that went out before a timeout or a crash is never written twice. Every network
has one; Bluesky's is also the record's address in the repository (a TID, see
https://atproto.com/specs/record-key#record-key-type-tid), so its keys must be TIDs and part ``n``
of a thread takes the TID ``n`` microseconds after the first. The queue picks keys here and the
Bluesky publisher reads them here: neither imports the other.
"""

from __future__ import annotations

import secrets
import time

_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def tid_from(micros: int, clock_id: int) -> str:
    """A TID: 53 bits of microseconds since the epoch and 10 bits of clock id, base32-sortable."""
    value = ((micros & ((1 << 53) - 1)) << 10) | (clock_id & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(_TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def new_tid(now: float | None = None) -> str:
    """A fresh TID for a new post (stored as its idempotency key before the first attempt)."""
    micros = int((time.time() if now is None else now) * 1_000_000)
    return tid_from(micros, secrets.randbelow(1024))


def parse_tid(tid: str) -> tuple[int, int]:
    """``(microseconds, clock_id)`` of a TID; ``ValueError`` when it is not one."""
    if len(tid) != 13 or any(ch not in _TID_ALPHABET for ch in tid) or tid[0] not in _TID_ALPHABET[:16]:
        raise ValueError(f"not a TID: {tid!r}")
    value = 0
    for ch in tid:
        value = (value << 5) | _TID_ALPHABET.index(ch)
    return value >> 10, value & 0x3FF


def part_tid(key: str, index: int) -> str:
    """The key of part ``index`` of a thread whose first part has ``key``."""
    micros, clock = parse_tid(key)
    return tid_from(micros + index, clock)


def new_key(network: str) -> str:
    """A fresh idempotency key in the form ``network`` needs."""
    return new_tid() if network == "bluesky" else secrets.token_hex(16)


def key_fits(network: str, key: str | None) -> bool:
    """Whether a stored ``key`` can be used for ``network`` (a Bluesky key must be a TID)."""
    if not key:
        return False
    if network == "bluesky":
        try:
            parse_tid(key)
        except ValueError:
            return False
    return True
