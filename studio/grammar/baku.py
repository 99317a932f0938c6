"""Standard Indonesian (kata baku) and the prepositions di/ke, the mistakes editors catch most.

- ``ID_KATA_BAKU`` (style): a non-standard spelling from resources/indonesian/kata_baku.json
  (``resiko`` -> ``risiko``, also with -nya, -lah, -kah, -ku, -mu, -pun after it), each entry with
  the source of its standard form.
- ``ID_DI_KE_APART`` (grammar): the prepositions di and ke are written apart from a place, a
  direction or a time (``dirumah`` -> ``di rumah``, ``dimana`` -> ``di mana``, ``kesana`` ->
  ``ke sana``), when Hunspell does not know the joined form as a word of its own.
- ``ID_DI_KE_JOINED`` (grammar): the prefixes di- and ke- are joined to their word (``di tulis`` ->
  ``ditulis``, ``ke dua`` -> ``kedua``), when Hunspell knows the joined form and the word after it
  is not a place, a direction or a time (``di bawah`` stays).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from studio.data import load_json
from studio.model import Issue

BAKU_RULE = "ID_KATA_BAKU"
APART_RULE = "ID_DI_KE_APART"
JOINED_RULE = "ID_DI_KE_JOINED"

# Places, directions and times that di/ke stand before as prepositions (written apart).
_PLACE_WORDS = """
mana sini sana situ atas bawah dalam luar depan belakang samping antara sekitar tengah pinggir
sebelah seberang rumah kantor sekolah kampus pasar toko kota desa jalan kamar dapur taman pantai
kafe mal bandara stasiun pojok ujung kelas saat akhir awal tahun bulan minggu hari pagi malam sore
siang masa era dunia tempat lokasi gedung daerah wilayah halaman akun grup kolom link bagian foto
video postingan mana-mana meja hati
"""
PLACES = frozenset(_PLACE_WORDS.split())
_NUMBER_WORDS = "dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas seratus seribu berapa"
_NUMBERS = frozenset(_NUMBER_WORDS.split())
_ENDINGS = ("nya", "lah", "kah", "ku", "mu", "pun")


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """Non-standard spelling (lower case) -> (standard form, source)."""
    entries = load_json("indonesian/kata_baku.json")["entries"]
    return {str(e["nonstandard"]).lower(): (str(e["standard"]), str(e["source"])) for e in entries}


def standard_form(word: str) -> tuple[str, str] | None:
    """``(standard form, source)`` when ``word`` is a non-standard spelling, keeping its case and
    the particle after it (``Resikonya`` -> ``Risikonya``); else ``None``."""
    lower = word.lower().replace("’", "'")
    table = _table()
    found = table.get(lower)
    ending = ""
    if found is None:
        for suffix in _ENDINGS:
            if lower.endswith(suffix) and lower[: -len(suffix)] in table:
                found, ending = table[lower[: -len(suffix)]], suffix
                break
    if found is None:
        return None
    standard, source = found
    standard += ending
    if word[:1].isupper() and not standard[:1].isupper():
        standard = standard[0].upper() + standard[1:]
    return standard, source


def issues(text: str, tokens: list[tuple[int, int, str]], checker: Any) -> list[Issue]:
    """The kata-baku and di/ke issues among ``tokens`` (``(start, end, word)`` of ``text``)."""
    found: list[Issue] = []
    for index, (start, end, word) in enumerate(tokens):
        standard = standard_form(word)
        if standard is not None:
            form, source = standard
            where = source.split(" (")[0].split(",")[0]  # "KBBI Daring", "EYD V"
            found.append(Issue(start, end, "style", BAKU_RULE,
                               f"Bentuk baku: “{form}” (the standard form, {where}).", (form,)))
            continue
        lower = word.lower()
        if lower[:2] in ("di", "ke") and lower[2:] in PLACES and not checker.speller.spell(lower):
            fixed = word[:2] + " " + word[2:]
            found.append(Issue(start, end, "grammar", APART_RULE,
                               f"Kata depan “{lower[:2]}” ditulis terpisah: “{fixed}” "
                               "(the preposition is written apart).", (fixed,)))
            continue
        if lower in ("di", "ke") and index + 1 < len(tokens):
            next_start, next_end, following = tokens[index + 1]
            if text[end:next_start] != " " or not following.islower():
                continue
            joined = word + following
            if following in PLACES or "-" in following:
                continue
            if lower == "ke" and following not in _NUMBERS:
                if checker.speller.spell(following) or not checker.speller.spell(joined):
                    continue
            elif lower == "di" and not checker.speller.spell(joined):
                continue
            found.append(Issue(start, next_end, "grammar", JOINED_RULE,
                               f"Awalan “{lower}-” ditulis serangkai: “{joined}” "
                               "(the prefix is joined to its word).", (joined,)))
    return found
