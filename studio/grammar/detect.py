"""Which language a draft is written in, for "auto".

LanguageTool can guess a language, but only per request: the incremental checker sends one
paragraph at a time, and a short paragraph ("Thanks!", a list of hashtags) would get a different
guess from its neighbours. So the whole text is classified once, here, by its most common words:
cheap (well under a millisecond for a post), offline, the same in every mode, and stable as the
user types. Texts too short to tell fall back to the caller's default (the client's language).
"""

from __future__ import annotations

import re
from collections.abc import Collection


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The most frequent short words of each language (function words: they occur in any topic).
_COMMON: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to a in is it you that he was for on are with as his they be at one have this "
        "from or had by but not what all were we when your can said there use an each which she do "
        "how their if will up about out many then them these so some her would make like him into "
        "has more our just i my me am is isn't don't we're it's new get our"
    ),
    "de": _words(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es "
        "an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so "
        "zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich wir ihr unser "
        "jetzt heute neue euch uns mich dich"
    ),
    "es": _words(
        "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya "
        "o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde "
        "todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos "
        "qué unos yo otro otras otra él tanto esa estos mucho nuevo hoy"
    ),
    "pt": _words(
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele "
        "das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela "
        "entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa "
        "num nem suas meu às minha têm numa pelos elas havia seja qual será nós hoje novo"
    ),
    "ca": _words(
        "de la i el que a les en els per un una amb no es del al com més però dels ha són aquest "
        "aquesta també seu seva hi ho ens molt quan sense fins on tot tots perquè jo vostè nosaltres "
        "avui nou"
    ),
    "fr": _words(
        "le de un à être et en avoir que pour dans ce il qui ne sur se pas plus par je avec tout faire "
        "son mettre autre on mais nous comme ou si leur y dire elle devant bien où aussi les des la "
        "une du est au aux sont vous ces cette nouveau aujourd'hui"
    ),
    "it": _words(
        "di e il la che in a per un è non una con del da sono al le si dei come io ma lo più anche "
        "gli della questo ha nel alla ci mi se su delle tutto nuovo oggi"
    ),
    "nl": _words(
        "de en van het een in is dat op te zijn met voor niet aan er die maar om ook als dan bij of "
        "uit nog wel naar kan door je ik we ons hebben heeft was wordt nieuwe vandaag"
    ),
}

# Indonesian and Malay share most of their function words; what tells them apart on a short post is
# the everyday vocabulary each one has and the other does not use (bisa/boleh, karena/kerana,
# uang/wang, gratis/percuma, kantor/pejabat, ...) and their colloquial particles (nggak, aja, banget;
# nak, je, jom). A post that shows no such word is Indonesian unless the client says Malay: Studio's
# writers are Indonesian.
_MALAY_FAMILY = (
    "yang dan di ke dari untuk dengan ini itu tidak akan ada pada dalam juga atau kami kita anda saya "
    "mereka sudah telah lebih hari baru semua sangat bagi oleh jika kalau tapi tetapi jadi lagi masih "
    "belum seperti hanya setiap banyak sekarang terima kasih selamat jangan mari apa siapa bagaimana "
    "mengapa kenapa dia ia kalian tak adalah ialah sebagai secara serta tentang antara hingga sampai "
    "agar supaya bersama kini nanti sekali segera harga beli dapatkan hubungi sini sana"
)
_COMMON["id"] = _words(
    _MALAY_FAMILY + " bisa karena saja kamu nggak gak enggak ngga banget aja dong sih nih yuk kok deh "
    "gimana udah kayak bikin cuma mau uang mobil teman gratis pemerintah kantor besok kemarin coba ayo "
    "enak cek paket kualitas aktivitas fasilitas informasi ponsel karyawan setelah bilang harus lho "
    "kakak kak ongkir pekan silakan toko perusahaan pariwisata bus baru lewat punya ikut "
    "belanja hadir tersedia buruan persen ukuran resmi kirim dikirim bahwa cabang selalu bisnis usaha "
    "kabar senin email ditemukan lebaran"
)
_COMMON["ms"] = _words(
    _MALAY_FAMILY + " boleh kerana sahaja awak nak je jom mahu wang kereta kawan percuma kerajaan "
    "pejabat esok semalam cuba sedap semak pakej kualiti aktiviti kemudahan maklumat telefon bimbit "
    "kakitangan pekerja selepas sila kedai syarikat baharu membeli-belah berkongsi kongsi ringgit rm "
    "encik cik puan tempahan tempah laman sesawang universiti bas teksi pelancongan hujung apabila "
    "manakala tahniah betul macam mcm lepas dah ni tu berjaya sentiasa diskaun peratus saiz rasmi emel "
    "hantar dihantar bahawa cawangan perniagaan isnin didapati sambilan"
)

# The LanguageTool code to use for each base language, unless the caller prefers a variant.
DEFAULT_VARIANTS = {
    "en": "en-US", "de": "de-DE", "es": "es", "pt": "pt-PT", "ca": "ca-ES", "fr": "fr",
    "it": "it", "nl": "nl", "id": "id-ID", "ms": "ms-MY",
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_HITS = 2
# Hashtags, mentions and links say nothing about the language a post is written in.
_NAMES = re.compile(r"[#@][\w.]+|\b\w+://\S+|\bwww\.\S+")
# A text with this many words (or letters, for scripts written without spaces) and fewer than one
# common word of any language Studio knows in _WORDS_PER_HIT is in a language it cannot tell (a few
# short words such as "bei" or "sana" are common words of some language by chance): it is not
# checked at all, rather than checked as the client's English and underlined from end to end.
_UNRECOGNISED_WORDS = 6
_UNRECOGNISED_LETTERS = 40
_WORDS_PER_HIT = 12


def recognised(text: str, *, default: str = "en-US", prefer: Collection[str] = (),
               available: Collection[str] | None = None) -> str | None:
    """:func:`detect_language`, except that a text long enough to tell but with no common word of
    any language Studio knows is ``None`` (not recognised) instead of ``default``."""
    plain = _NAMES.sub(" ", text[:20_000])
    words = [word.lower().replace("’", "'") for word in _WORD.findall(plain)]
    letters = sum(len(word) for word in words)
    if len(words) >= _UNRECOGNISED_WORDS or letters >= _UNRECOGNISED_LETTERS:
        best = max(sum(1 for word in words if word in common) for common in _COMMON.values())
        if best * _WORDS_PER_HIT < max(len(words), _UNRECOGNISED_WORDS):
            return None
    return detect_language(text, default=default, prefer=prefer, available=available)


def detect_language(text: str, *, default: str = "en-US", prefer: Collection[str] = (),
                    available: Collection[str] | None = None) -> str:
    """The LanguageTool code of the language ``text`` is written in.

    ``prefer`` lists variants to use when their base language is found (the client's "en-GB"
    turns a detected English into en-GB); ``available``, when given, limits the answer to codes
    the server has. Returns ``default`` when the text is too short or too mixed to tell.
    """
    words = [word.lower().replace("’", "'") for word in _WORD.findall(text[:20_000])]
    if not words:
        return default
    scores = {
        language: sum(1 for word in words if word in common) for language, common in _COMMON.items()
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, hits = ranked[0]
    runner_up = ranked[1][1]
    if hits >= _MIN_HITS and hits == runner_up and {best, ranked[1][0]} == {"id", "ms"}:
        # Nothing tells the two apart: Indonesian, unless the client writes Malay.
        best = "ms" if any(code.split("-")[0].lower() == "ms" for code in (*prefer, default)) else "id"
    elif hits < _MIN_HITS or hits == runner_up:
        return default
    chosen = next((code for code in prefer if code.split("-")[0].lower() == best), "")
    if not chosen:
        default_base = default.split("-")[0].lower()
        chosen = default if default_base == best else DEFAULT_VARIANTS[best]
    if available is not None and chosen not in available:
        matching = sorted(code for code in available if code.split("-")[0].lower() == best)
        if not matching:
            return default
        chosen = matching[0]
    return chosen
