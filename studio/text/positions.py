"""The one place that converts text positions between counting systems.

Python strings (and every position in the core, see ``studio.model.Issue``) count code points; Qt
counts UTF-16 code units (an emoji outside the Basic Multilingual Plane is two); Bluesky facets count
UTF-8 bytes; LanguageTool's offsets are converted by the grammar engine with these same functions.
All functions clamp nothing: a position outside ``0..len`` raises ``IndexError``, because a wrong
position silently clamped is how underlines end up under the wrong word. A UTF-16 or byte position
that falls inside a character is moved back to that character's start.
"""

from __future__ import annotations

import bisect
from functools import lru_cache


def _check(text: str, i: int, size: int) -> None:
    if not 0 <= i <= size:
        raise IndexError(f"position {i} is outside the text (0..{size})")


def _is_astral(ch: str) -> bool:
    return ord(ch) > 0xFFFF


@lru_cache(maxsize=32)
def _astral_positions(text: str) -> tuple[int, ...]:
    """Code-point indexes of the characters that take two UTF-16 units (cached per text)."""
    if text.isascii():
        return ()
    return tuple(i for i, ch in enumerate(text) if _is_astral(ch))


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (Qt's ``len``)."""
    return len(text) + len(_astral_positions(text))


def cp_to_utf16(text: str, i: int) -> int:
    """The UTF-16 position of code-point position ``i``."""
    _check(text, i, len(text))
    return i + bisect.bisect_left(_astral_positions(text), i)


def utf16_to_cp(text: str, i: int) -> int:
    """The code-point position of UTF-16 position ``i`` (inside a surrogate pair: the pair's start)."""
    _check(text, i, utf16_length(text))
    astral = _astral_positions(text)
    # Find the largest cp such that cp + (astral chars before cp) <= i.
    lo, hi = 0, min(i, len(text))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid + bisect.bisect_left(astral, mid) <= i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def cp_to_utf8(text: str, i: int) -> int:
    """The UTF-8 byte position of code-point position ``i`` (Bluesky facets use these)."""
    _check(text, i, len(text))
    return len(text[:i].encode("utf-8"))


def utf8_to_cp(text: str, i: int) -> int:
    """The code-point position of UTF-8 byte position ``i`` (inside a character: its start)."""
    data = text.encode("utf-8")
    _check(text, i, len(data))
    # Continuation bytes are 0b10xxxxxx; step back to the start of the character.
    while i > 0 and i < len(data) and data[i] & 0xC0 == 0x80:
        i -= 1
    return len(data[:i].decode("utf-8"))


def span_cp_to_utf16(text: str, start: int, end: int) -> tuple[int, int]:
    """A ``[start, end)`` code-point span as a UTF-16 span."""
    return cp_to_utf16(text, start), cp_to_utf16(text, end)


def span_utf16_to_cp(text: str, start: int, end: int) -> tuple[int, int]:
    """A ``[start, end)`` UTF-16 span as a code-point span (a half pair at the end takes the pair)."""
    cp_start = utf16_to_cp(text, start)
    cp_end = utf16_to_cp(text, end)
    if cp_to_utf16(text, cp_end) < end:
        cp_end += 1
    return cp_start, cp_end
