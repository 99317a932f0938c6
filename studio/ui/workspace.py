"""What the main window knows of a workspace (Write, Images, Library, Publishing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Workspace(QWidget):
    """A page of the main window, switched to from the side bar or with Ctrl+1, Ctrl+2, ... (one per
    page, in the side bar's order).

    Signals: ``state_changed(str)`` with a short line for the status bar (empty to clear it).

    Subclasses set ``key`` ("write", "images", "library", "publishing"), ``title`` and ``icon_name`` (a file under
    ``resources/icons/``), and override the hooks they need.
    """

    state_changed = Signal(str)
    key = ""
    title = ""
    icon_name = ""

    def set_client(self, client_id: int | None) -> None:
        """The client switcher chose ``client_id`` (``None``: all clients)."""

    def save_now(self) -> None:
        """Write anything pending to the library: called on every switch, close and quit."""

    def activated(self) -> None:
        """The workspace became the visible one."""

    def unsaved(self) -> bool:
        """Whether some work is still not in the library after :meth:`save_now` (a write failed):
        the window asks before quitting."""
        return False


@dataclass(frozen=True)
class LazyWorkspace:
    """A workspace the window builds the first time it is shown (or asked for): start-up builds
    only the page the user sees. ``build`` returns the workspace, wired to the rest of the app."""

    key: str
    title: str
    icon_name: str
    build: Callable[[], Workspace]
