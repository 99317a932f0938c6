"""Qt's marker for texts translated where they are shown, for the editors (which import no studio.ui);
studio.ui.translation re-exports it."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker for a text translated where it is shown, typed (PySide6's returns ``object``):
    returns ``text``; ``pyside6-lupdate`` collects (context, text) from calls by this name."""
    return text
