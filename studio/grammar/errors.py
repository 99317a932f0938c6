"""Why grammar checking cannot run, in the user's words (each with a hint that says what to do)."""

from __future__ import annotations

from studio.errors import StudioError


class GrammarUnavailable(StudioError):
    """LanguageTool cannot check right now: off, unreachable, not installed, or no Java."""


class JavaMissing(GrammarUnavailable):
    """No Java runtime, or one older than LanguageTool needs (17)."""


class LanguageToolMissing(GrammarUnavailable):
    """The local LanguageTool jars are not on this computer (the app offers to download them)."""


class LanguageNotSupported(GrammarUnavailable):
    """The LanguageTool in use has no module for the language asked for."""


class LanguageNotRecognised(LanguageNotSupported):
    """A post that should be detected is in a language Studio cannot tell (it is not checked)."""
