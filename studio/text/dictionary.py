"""A client's dictionary: the words its posts may use that a spell checker does not know."""

from __future__ import annotations

import re
from collections.abc import Iterable

from studio.model import BrandRules


def in_dictionary(word: str, words: Iterable[str]) -> bool:
    """Whether ``words`` accepts ``word``, in any case: "Acmeflex" added covers "ACMEFLEX" and
    "acmeflex" too (the checker drops those issues, the editor hides them until it does)."""
    folded = word.casefold()
    return any(folded == known.casefold() for known in words)


# Words of a name or a handle: letters and digits, with inner apostrophes and hyphens ("O'Neil", "Co-op").
_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
# Accounts whose "handle" is a place, not a name people write (a folder, a webhook URL).
_NOT_NAMES = ("folder", "webhook")


def own_words(name: str, handles: Iterable[tuple[str, str]] = (), rules: BrandRules | None = None) -> tuple[str, ...]:
    """The words that are a client's own from the start, so never spelling mistakes in its posts: the
    words of its ``name``, its accounts' ``handles`` ((network, handle) pairs: "@acme_bakes@mastodon.social"
    gives "acme_bakes", the Bluesky "acmebakes.bsky.social" gives "acmebakes") and its brand words
    (the required hashtags without "#", the words of the suggested replacements). The library adds
    them to a client's dictionary when the client is made or saved and when an account is connected;
    ``studio check --client`` adds them too, for clients made before."""
    words: list[str] = [word for word in _WORD.findall(name) if _is_word(word)]
    for network, handle in handles:
        if network in _NOT_NAMES:
            continue
        local = handle.strip().lstrip("@").split("@")[0]
        if network == "bluesky":
            local = local.split(".")[0]
        if local and _is_word(local) and not any(mark in local for mark in "/:\\ "):
            words.append(local)
    if rules is not None:
        words.extend(tag.lstrip("#") for tag in rules.required_hashtags if _is_word(tag.lstrip("#")))
        for replacement in rules.banned.values():
            words.extend(word for word in _WORD.findall(replacement) if _is_word(word))
    return tuple(dict.fromkeys(words))


def _is_word(text: str) -> bool:
    """Something a spell checker could flag: two characters or more, at least one a letter."""
    return len(text) >= 2 and any(character.isalpha() for character in text)
