"""Languages by the names people call them: the codes a client or a draft stores (LanguageTool's)
shown as words ("English (UK)", "Indonesian"), never as codes."""

from __future__ import annotations

# The languages a client usually writes in, by name; "auto" detects each draft's own.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en-US", "English (US)"),
    ("en-GB", "English (UK)"),
    ("en-AU", "English (Australia)"),
    ("id-ID", "Indonesian"),
    ("de-DE", "German (Germany)"),
    ("de-AT", "German (Austria)"),
    ("de-CH", "German (Switzerland)"),
    ("fr-FR", "French"),
    ("es-ES", "Spanish"),
    ("it-IT", "Italian"),
    ("nl-NL", "Dutch"),
    ("pt-PT", "Portuguese (Portugal)"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("pl-PL", "Polish"),
    ("sv-SE", "Swedish"),
    ("da-DK", "Danish"),
    ("ca-ES", "Catalan"),
    ("uk-UA", "Ukrainian"),
    ("ru-RU", "Russian"),
    ("ja-JP", "Japanese"),
    ("zh-CN", "Chinese"),
    ("auto", "Detect for each post"),
)
_NAMES = dict(LANGUAGES)
_BY_BASE = {code.split("-")[0]: name.split(" (")[0] for code, name in LANGUAGES}


def language_name(code: str) -> str:
    """``code`` in words: "en-GB" is "English (UK)", a bare "de" is "German"; an unknown code is
    shown as it is (it is still the user's choice)."""
    if code in _NAMES:
        return _NAMES[code]
    return _BY_BASE.get(code.split("-")[0].lower(), code)
