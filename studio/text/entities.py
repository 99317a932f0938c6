"""Links, hashtags, mentions and emoji sequences in a text, with their code-point spans.

URLs are found by twitter-text's own extractor (the ``twitter-text-parser`` package, which passes the
reference conformance cases for URLs, including those without ``http://`` and with international
domains). Its import builds large regular expressions (about 0.4 s), so it is loaded on first use;
the GUI calls :func:`warm_up` on a worker thread at start.

Emoji sequences are found here rather than with that package's emoji table, which stops at Unicode
12 and splits newer sequences (a black bird, a handshake with two skin tones) into their parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

_PICT = r"\p{Extended_Pictographic}"
_MOD = r"[\U0001F3FB-\U0001F3FF]"
_ELEMENT = rf"(?:{_PICT}(?:\uFE0F|{_MOD})?\uFE0F?|{_MOD})"
EMOJI_RE = regex.compile(
    rf"""
    \p{{Regional_Indicator}}{{2}}                              # a flag
  | [0-9#*]\uFE0F?\u20E3                                    # a keycap
  | \U0001F3F4[\U000E0020-\U000E007E]+\U000E007F            # a subdivision flag (tag sequence)
  | {_ELEMENT}(?:\u200D{_ELEMENT})+                         # a ZWJ sequence
  | (?:\p{{Emoji_Presentation}}|{_PICT}\uFE0F){_MOD}?\uFE0F?  # an emoji with emoji presentation
  | {_PICT}{_MOD}                                           # a text-style emoji with a skin tone
    """,
    regex.VERBOSE,
)

# Hashtags as twitter-text finds them: not after a letter, digit, '&' or '_'; at least one letter;
# never the '#' of a keycap emoji.
HASHTAG_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{Nd}_&])[#＃](?!\uFE0F|\u20E3)"
    r"([\p{L}\p{M}\p{Nd}_\u200C\u200D]*[\p{L}\p{M}][\p{L}\p{M}\p{Nd}_\u200C\u200D]*)"
)
# A mention: @user (X, Instagram, Threads), @handle.domain (Bluesky) or @user@server (Mastodon).
MENTION_RE = regex.compile(
    r"(?<![\p{L}\p{Nd}_!#$%&*@＠/=.])[@＠]([A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*)"
    r"(?:@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+))?"
)
# Mastodon's own mention pattern (Account::MENTION_RE): @user or @user@domain, case-insensitive.
MASTODON_MENTION_RE = regex.compile(
    r"(?<![=/\w])@(([a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*)(?:@[\w.\-]+\w+)?)", regex.IGNORECASE
)
# What may not follow a mention (twitter-text's end_mention_match): another @, an accented Latin
# letter, or "://".
MASTODON_MENTION_END_RE = regex.compile(r"[@＠\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F]|://")


@dataclass(frozen=True)
class Entity:
    """A link, hashtag, mention or emoji at ``[start, end)`` (code points)."""

    kind: str  # "url" | "hashtag" | "mention" | "emoji"
    start: int
    end: int
    text: str


def warm_up() -> None:
    """Load the URL extractor now (call on a worker thread so the UI never waits for it)."""
    _url_extractor()


def _url_extractor() -> Any:
    from twitter_text import extract_urls_with_indices

    return extract_urls_with_indices


def urls(text: str, *, without_protocol: bool = True) -> list[Entity]:
    """Links as twitter-text finds them; ``without_protocol=False`` keeps only http(s):// ones."""
    if "." not in text:
        return []
    return list(_urls(text, without_protocol))


@lru_cache(maxsize=16)
def _urls(text: str, without_protocol: bool) -> tuple[Entity, ...]:
    # Cached: counting for several networks, brand rules and the highlighter ask for the same text.
    found = _url_extractor()(text, without_protocol)
    return tuple(Entity("url", item["indices"][0], item["indices"][1], item["url"]) for item in found)


def hashtags(text: str) -> list[Entity]:
    """Hashtags (``#tag``), outside links."""
    if "#" not in text and "＃" not in text:
        return []
    links = urls(text)
    return [
        Entity("hashtag", match.start(), match.end(), match.group())
        for match in HASHTAG_RE.finditer(text)
        if not _inside(match.start(), links)
    ]


def mentions(text: str) -> list[Entity]:
    """Mentions (``@user``, ``@handle.bsky.social``, ``@user@server``), outside links."""
    if "@" not in text and "＠" not in text:
        return []
    links = urls(text)
    return [
        Entity("mention", match.start(), match.end(), match.group())
        for match in MENTION_RE.finditer(text)
        if not _inside(match.start(), links)
    ]


def emoji(text: str) -> list[Entity]:
    """Emoji sequences: each one is a single picture however many code points it takes."""
    if text.isascii():
        return []
    return [Entity("emoji", match.start(), match.end(), match.group()) for match in EMOJI_RE.finditer(text)]


def entities(text: str) -> list[Entity]:
    """Links, hashtags and mentions, sorted by position and never overlapping."""
    found = urls(text) + hashtags(text) + mentions(text)
    found.sort(key=lambda entity: (entity.start, -entity.end))
    result: list[Entity] = []
    for entity in found:
        if result and entity.start < result[-1].end:
            continue
        result.append(entity)
    return result


def _inside(position: int, spans: list[Entity]) -> bool:
    return any(span.start <= position < span.end for span in spans)
