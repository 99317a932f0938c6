"""The grammar engine: LanguageTool, reached locally, on a server or through the public API.

``GrammarService`` knows the mode and starts, watches and stops the local server;
``IncrementalChecker(service).check(text, language, dictionary=..., disabled_rules=...)`` is what
the editor and ``studio check`` call. Nothing here imports Qt; ``studio.ui.grammar`` is the GUI face.
"""

from __future__ import annotations

from studio.grammar.checker import IncrementalChecker, Paragraph, split_paragraphs
from studio.grammar.detect import detect_language, recognised
from studio.grammar.errors import (
    GrammarUnavailable,
    JavaMissing,
    LanguageNotRecognised,
    LanguageNotSupported,
    LanguageToolMissing,
)
from studio.grammar.local import LocalServer
from studio.grammar.offsets import lt_span
from studio.grammar.service import GrammarConfig, GrammarService

__all__ = [
    "GrammarConfig",
    "GrammarService",
    "GrammarUnavailable",
    "IncrementalChecker",
    "JavaMissing",
    "LanguageNotRecognised",
    "LanguageNotSupported",
    "LanguageToolMissing",
    "LocalServer",
    "Paragraph",
    "detect_language",
    "lt_span",
    "recognised",
    "split_paragraphs",
]
