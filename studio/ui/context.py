"""The objects every part of the GUI is given (built once in ``studio.ui.app``, passed in)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from studio.settings import Settings
from studio.ui.messages import Messages
from studio.ui.settings_signals import SettingsSignals
from studio.ui.tasks import Tasks

if TYPE_CHECKING:
    from studio.library import Library
    from studio.ui.grammar import GrammarEngine


@dataclass
class AppContext:
    library_dir: Path
    library: Library  # opened by the composition root
    settings: Settings
    settings_signals: SettingsSignals
    tasks: Tasks
    messages: Messages
    grammar: GrammarEngine | None = None  # built by the composition root; None in tests without it
