"""The Indonesian checker: spelling (Hunspell ``id_ID``) and standard forms, offline, no LanguageTool.

LanguageTool has no Indonesian, so Indonesian texts come here instead (see
:func:`is_indonesian` and :class:`studio.grammar.IncrementalChecker`). What is checked:

- **spelling**: each word against Hunspell's ``id_ID``; a word Hunspell does not know is still
  accepted when it is an affixed form of a known root (me-/mem-/men-/meng-/meny-, ber-, di-, ter-,
  ke-, se-, pe-, per-, with -kan, -an, -i, -nya, -ku, -mu, -lah, -kah, -pun; Hunspell's own affix
  rules miss many of these), a reduplication (``anak-anak``, ``berlari-lari``, ``sayur-mayur``), an
  everyday colloquial word of social media (resources/indonesian/informal.txt) or a common English
  word of marketing posts (resources/indonesian/english.txt). Capitalised words inside a sentence
  (names, brands), all-capital acronyms, words with inner capitals (``WhatsApp``) or digits are not
  checked. Hashtags, mentions, links and emoji are never words (``studio.text.entities``).
- **standard forms** (kata baku) and the prepositions di/ke: :mod:`studio.grammar.baku`.

Every issue is a :class:`studio.model.Issue` in code points of the text, like LanguageTool's.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache

import regex

from studio.data import resource
from studio.grammar.hunspell import Speller
from studio.model import Issue
from studio.text.entities import emoji, entities

SPELLING_RULE = "ID_SPELLING"
LANGUAGE = "id-ID"

# A word: letters and marks, digits, inner hyphens and apostrophes ("anak-anak", "Jum'at").
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:[-'’][\p{L}\p{M}\p{Nd}]+)*")
_ELONGATED = regex.compile(r"(\p{L})\1{2,}")  # "bangettt", "yaaa"
_SENTENCE_END = ".!?:;\n…"

# Prefix -> the roots it may hide: (what follows the prefix, how the root starts).
_VOWELS = "aeiou"
# Words written with a hyphen after a prefix or before a suffix, around a foreign word
# ("di-share", "update-nya"): the foreign part is not checked.
_HYPHEN_PREFIXES = frozenset(("di", "ke", "se", "ter", "ber", "me", "nge", "pe", "per"))
_HYPHEN_SUFFIXES = frozenset(("nya", "ku", "mu", "lah", "kah", "an", "kan", "in", "i"))


def is_indonesian(language: str) -> bool:
    """Whether ``language`` ("id", "id-ID", "in") is checked here rather than by LanguageTool."""
    return language.split("-")[0].lower() in {"id", "in"}


@lru_cache(maxsize=4)
def _word_list(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in resource(f"indonesian/{name}").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def _prefix_roots(word: str) -> Iterable[str]:
    """The roots ``word`` may have under one prefix, with the sound changes of me- and pe-."""
    for head in ("me", "pe"):
        if not word.startswith(head):
            continue
        rest = word[2:]
        if rest.startswith("nge"):  # mengecat -> cat, mengebom -> bom (one-syllable roots)
            yield rest[3:]
        if rest.startswith("ng"):
            tail = rest[2:]
            if tail[:1] in _VOWELS:
                yield tail  # mengambil -> ambil
                yield "k" + tail  # mengirim -> kirim
            elif tail[:1] in ("g", "h", "k"):
                yield tail
        elif rest.startswith("ny") and rest[2:3] in _VOWELS:
            yield "s" + rest[2:]  # menyapu -> sapu
        elif rest.startswith("m"):
            tail = rest[1:]
            if tail[:1] in _VOWELS:
                yield "p" + tail  # memukul -> pukul
            elif tail[:1] in ("b", "f", "v", "p"):
                yield tail
        elif rest.startswith("n"):
            tail = rest[1:]
            if tail[:1] in _VOWELS:
                yield "t" + tail  # menulis -> tulis
            elif tail[:1] in ("c", "d", "j", "t", "z", "s"):
                yield tail
        if rest[:1] in ("l", "m", "n", "r", "w", "y"):
            yield rest  # melihat -> lihat, memakan -> makan, menikah -> nikah
    for prefix in ("ber", "ter", "per", "di", "ke", "se"):
        if word.startswith(prefix):
            yield word[len(prefix):]
    if word.startswith(("ber", "ter", "per")):
        yield word[2:]  # berenang -> renang, terasa -> rasa (ber- + r-)
    if word in ("belajar", "pelajar"):
        yield "ajar"
    if word.startswith("nge"):
        yield word[3:]  # colloquial: ngecek, ngepost
    elif word.startswith("ng") and word[2:3] in _VOWELS:
        yield word[2:]  # colloquial: ngajak -> ajak
    elif word.startswith("ny") and word[2:3] in _VOWELS:
        yield "s" + word[2:]  # colloquial: nyapu -> sapu
    elif word.startswith("n") and word[1:2] in _VOWELS:
        yield "t" + word[1:]  # colloquial: nemenin -> temen, nulis -> tulis


def _unsuffixed(word: str) -> Iterable[str]:
    """``word`` without its particle (-lah, -kah, -tah, -pun), possessive (-ku, -mu, -nya) and
    suffix (-kan, -an, -i), in that order from the end, each optional."""
    forms = [word]
    # -in is the colloquial -kan/-i of Jakarta (cobain, bikinin).
    for endings in (("lah", "kah", "tah", "pun"), ("nya", "ku", "mu"), ("kan", "an", "i", "in")):
        forms += [form[: -len(e)] for form in forms for e in endings if form.endswith(e) and len(form) - len(e) >= 3]
    return dict.fromkeys(forms)


class IndonesianChecker:
    """Checks Indonesian text. Thread-safe; the dictionary loads on the first check (0.05 s)."""

    def __init__(self, speller: Speller | None = None, english: Speller | None = None) -> None:
        self.speller = speller or Speller("id_ID")
        # Indonesian posts mix in English ("flash sale", "behind the scenes"): a word Indonesian
        # does not know but English does is taken as English, not as a mistake.
        self.english = english or Speller("en_US")
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}

    # --- words -------------------------------------------------------------------------------

    def _known_word(self, word: str) -> bool:
        """In the dictionary (as written or in lower case) or in the shipped word lists."""
        if word in _word_list("informal.txt") or word in _word_list("english.txt"):
            return True
        return self.speller.spell(word)

    @staticmethod
    def _stems(word: str) -> Iterable[str]:
        """Roots ``word`` may be built on: suffixes off, then one or two prefixes (memper-,
        diper-, keber-, ...). A root has at least four letters (three after menge-/penge-, which
        only stand before one-syllable roots); shorter "roots" accept too many typos."""
        for base in _unsuffixed(word):
            if base != word:
                yield base
            for root in _prefix_roots(base):
                short = base.startswith(("menge", "penge", "nge"))
                if len(root) >= 4 or (short and len(root) >= 3):
                    yield root
                    for inner in _prefix_roots(root):
                        if len(inner) >= 4:
                            yield inner

    def accepts(self, word: str) -> bool:
        """Whether ``word`` (one token, any case) is a correct Indonesian word as far as the
        dictionary, the affix rules and the word lists tell."""
        lower = _ELONGATED.sub(r"\1", word.lower().replace("’", "'"))
        with self._lock:
            cached = self._known.get(lower)
        if cached is not None:
            return cached
        answer = (self._accepts(lower) or (word != lower and self.speller.spell(word))
                  or self.english.spell(word) or (word != lower and self.english.spell(lower)))
        with self._lock:
            if len(self._known) > 50_000:
                self._known.clear()
            self._known[lower] = answer
        return answer

    def _accepts(self, word: str) -> bool:
        if self._known_word(word):
            return True
        if "-" in word:
            return self._reduplication(word)
        return any(self._known_word(stem) for stem in self._stems(word))

    def _accepts_part(self, word: str) -> bool:
        return self._known_word(word) or any(self._known_word(stem) for stem in self._stems(word))

    def _reduplication(self, word: str) -> bool:
        parts = word.split("-")
        if len(parts) == 2:
            first, second = parts
            if first in _HYPHEN_PREFIXES or second in _HYPHEN_SUFFIXES:
                return True  # "di-share", "follow-nya": a foreign word with an Indonesian affix
            if self._accepts_part(first) and (second in first or first in second):
                return True  # berlari-lari, sebaik-baiknya, kemerah-merahan
            first_ok, second_ok = self._accepts_part(first), self._accepts_part(second)
            if first_ok and second_ok:
                return True  # anak-anak, kupu-kupu (whole), bersama-sama
            # sayur-mayur, lauk-pauk (another first sound), bolak-balik, warna-warni (other vowels)
            return (first_ok or second_ok) and (
                (first[1:] == second[1:] and len(first) > 3) or _consonants(first) == _consonants(second))
        return all(self._accepts_part(part) for part in parts)

    def suggestions(self, word: str) -> tuple[str, ...]:
        return _suggest(self.speller, word)

    # --- texts -------------------------------------------------------------------------------

    def check(self, text: str, *, disabled_rules: Iterable[str] = ()) -> list[Issue]:
        """The issues in ``text`` (code points), sorted; rules in ``disabled_rules`` left out."""
        from studio.grammar import baku

        skipped = entities(text) + emoji(text)
        tokens: list[tuple[int, int, str]] = []
        for match in _TOKEN.finditer(text):
            start, end = match.span()
            if any(span.start < end and start < span.end for span in skipped):
                continue
            if start > 0 and text[start - 1] in "#@＃＠":
                continue
            tokens.append((start, end, match.group()))
        issues = baku.issues(text, tokens, self)
        taken = {(issue.start, issue.end) for issue in issues}
        covered = [(issue.start, issue.end) for issue in issues]
        for start, end, word in tokens:
            if (start, end) in taken or any(s <= start and end <= e for s, e in covered):
                continue
            if not self._checked_word(text, start, word) or self.accepts(word):
                continue
            issues.append(Issue(start, end, "spelling", SPELLING_RULE,
                                "Kemungkinan salah eja (possible spelling mistake).",
                                self.suggestions(word)))
        rules = set(disabled_rules)
        found = [issue for issue in issues if issue.rule not in rules]
        found.sort(key=lambda issue: (issue.start, issue.end, issue.rule))
        return found

    @staticmethod
    def _checked_word(text: str, start: int, word: str) -> bool:
        """Whether ``word`` at ``start`` is one to spell-check: not a name, acronym, code or
        number, not part of a file name or domain."""
        if len(word) < 2 or any(ch.isdigit() for ch in word) or "'" in word or "’" in word:
            return False
        letters = word.replace("-", "")
        if any(ord(ch) > 0x24F for ch in letters):
            return False  # another script (Arabic greetings, Chinese names): not Indonesian spelling
        if letters.isupper():
            return False  # COD, PPKM, UMKM
        if any(ch.isupper() for ch in letters[1:]):
            return False  # WhatsApp, iPhone, TikTok
        end = start + len(word)
        if end < len(text) - 1 and text[end] == "." and text[end + 1].isalnum():
            return False  # file.txt, a domain twitter-text did not take for a link
        # A capitalised word inside a sentence is a name or a brand.
        return not word[0].isupper() or _sentence_start(text, start)


def _consonants(word: str) -> str:
    return "".join(ch for ch in word if ch not in _VOWELS)


def _sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0:
        ch = text[index]
        if ch in _SENTENCE_END:
            return True
        if ch.isalnum():
            return False
        index -= 1
    return True


_LETTERS = "aeinrstkumlgopbdhjcyfwzvxq"  # the .aff file's TRY order: likeliest first


@lru_cache(maxsize=4096)
def _suggest(speller: Speller, word: str, limit: int = 5) -> tuple[str, ...]:
    """Words one edit away (a letter deleted, swapped, replaced or added) that the dictionary
    knows, the likeliest first. Not Hunspell's own ``suggest``: that holds the GIL for 25-80 ms a
    word, which stalled the UI thread while the checker ran on a worker (benchmarks/indonesian.py);
    these are many small calls of a few microseconds each, between which the UI thread runs."""
    lower = word.lower()
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    # The commonest slips first: a vowel left out (sekarng), a letter left out, two swapped, one
    # too many, one wrong.
    candidates = [left + letter + right for left, right in splits for letter in _VOWELS]
    candidates += [left + letter + right for left, right in splits for letter in _LETTERS]
    candidates += [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    candidates += [left + right[1:] for left, right in splits if right]
    candidates += [left + letter + right[1:] for left, right in splits if right for letter in _LETTERS]
    found: list[str] = []
    for candidate in dict.fromkeys(candidates):
        if candidate != lower and len(candidate) > 1 and speller.spell(candidate):
            found.append(candidate)
    if word[:1].isupper():
        found = [c[0].upper() + c[1:] for c in found]
    return tuple(found[:limit])
