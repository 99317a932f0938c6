"""The snippets menu (Ctrl+Shift+S): the client's saved phrases and hashtag sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from studio.model import Snippet


def snippets_menu(snippets: Sequence[Snippet], insert: Callable[[str], None], parent: QWidget) -> QMenu:
    """A menu with one entry per snippet (name and the start of its text); choosing one inserts it."""
    menu = QMenu(parent)
    menu.setObjectName("snippetsMenu")
    menu.setToolTipsVisible(True)
    if not snippets:
        menu.addAction(QCoreApplication.translate("PostEditor", "This client has no saved snippets yet")).setEnabled(False)
        return menu
    for index, snippet in enumerate(snippets):
        preview = " ".join(snippet.text.split())
        preview = preview if len(preview) <= 40 else preview[:39] + "…"
        prefix = f"&{index + 1} " if index < 9 else ""
        action = menu.addAction(f"{prefix}{snippet.name.replace('&', '&&')} — {preview.replace('&', '&&')}")
        action.setToolTip(snippet.text)
        action.triggered.connect(lambda _=False, text=snippet.text: insert(text))
    return menu
