"""LanguageTool's offsets, converted to the core's code points in one place.

LanguageTool is Java: its ``offset`` and ``length`` count UTF-16 code units of the text it was sent
(an emoji outside the Basic Multilingual Plane is two units; a combining mark or a CJK character is
one unit, like one code point). Everything in the core counts code points, so each match goes through
:func:`lt_span` once, as it arrives; the conversion itself is ``studio.text.positions``'.
"""

from __future__ import annotations

from studio.text.positions import span_utf16_to_cp, utf16_length


def lt_span(text: str, offset: int, length: int) -> tuple[int, int]:
    """The ``[start, end)`` code-point span of a LanguageTool match at UTF-16 ``offset``/``length``
    in ``text`` (the exact text sent). A span that reaches past the end, which a server answering
    for other text would send, raises ``IndexError`` rather than underline the wrong word."""
    if offset < 0 or length < 0:
        raise IndexError(f"negative LanguageTool span {offset}+{length}")
    end = offset + length
    if end > utf16_length(text):
        raise IndexError(f"LanguageTool span {offset}+{length} is outside the text")
    return span_utf16_to_cp(text, offset, end)
