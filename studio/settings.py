"""Settings, declared once.

Each setting is declared here with its type, default, title and (where it has them) choices; the
Settings dialog is built from these declarations, and every read and write goes through
:class:`Settings`, which validates the value and tells its listeners. The file is plain JSON in the
config directory, written atomically, so a crash mid-write never loses the previous settings.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.files import write_atomically

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    """One declared setting. ``section`` groups it on a page of the Settings dialog; a setting
    without a section (window geometry, say) is kept but never shown."""

    key: str
    kind: type
    default: Any
    title: str
    section: str = ""
    description: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    minimum: int = 0
    maximum: int = 0

    def coerce(self, value: Any) -> Any:
        """``value`` as this setting's type, or ``ValueError`` with a readable reason."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            raise ValueError(f"{self.title}: expected yes or no, got {value!r}")
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{self.title}: expected a whole number, got {value!r}")
            if self.maximum and not self.minimum <= value <= self.maximum:
                raise ValueError(f"{self.title}: must be between {self.minimum} and {self.maximum}")
            return value
        if not isinstance(value, str):
            raise ValueError(f"{self.title}: expected text, got {value!r}")
        if self.choices and value not in {choice for choice, _ in self.choices}:
            raise ValueError(f"{self.title}: {value!r} is not one of the choices")
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "appearance.theme", str, "system", "Colour scheme", "General",
        "Follow the system's light or dark mode, or choose one.",
        choices=(("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")),
    ),
    Setting(
        "general.language", str, "system", "Language", "General",
        "The language of Studio's menus and dialogs, dates and numbers. Takes effect when Studio "
        "starts again.",
        choices=(("system", "Follow the system"), ("en", "English"), ("id", "Bahasa Indonesia")),
    ),
    Setting(
        "general.welcome_done", bool, False, "Welcome shown",
    ),
    Setting(
        "grammar.mode", str, "local", "Grammar checking", "Grammar",
        "Local runs LanguageTool on this computer: nothing you write leaves it.",
        choices=(
            ("local", "Local LanguageTool on this computer (private)"),
            ("server", "A LanguageTool server of my own or my team's"),
            ("public", "The public LanguageTool API (sends text to languagetool.org)"),
            ("off", "Off"),
        ),
    ),
    Setting(
        "grammar.server_url", str, "", "LanguageTool server URL", "Grammar",
        "For example http://localhost:8081 or https://lt.example.com.",
    ),
    Setting(
        "grammar.public_consent", bool, False, "I understand that the public API receives my text",
        "Grammar",
        "The public LanguageTool API sends each paragraph you check to LanguageTool GmbH's servers.",
    ),
    Setting(
        # 100 ms: underlines within 150 ms of the check's own time after a pause (issue 11,
        # benchmarks/grammar.py); only changed paragraphs are sent and one check runs at a time, so
        # checking this soon costs LanguageTool little and never stalls typing (the same benchmark).
        "grammar.delay_ms", int, 100, "Check after a pause of (ms)", "Grammar",
        "How long typing must pause before the changed paragraphs are checked.",
        minimum=100, maximum=3000,
    ),
    Setting(
        "library.backups_keep", int, 7, "Daily backups to keep", "Library",
        "Studio copies the library once a day and keeps this many copies.",
        minimum=1, maximum=365,
    ),
    Setting(
        "publisher.enabled", bool, True, "Publish due posts while Studio is open", "Publishing",
        "Turn off if a cron job or systemd timer runs `studio publish --due` instead.",
    ),
    Setting(
        "publisher.interval_s", int, 30, "Look for due posts every (seconds)", "Publishing",
        minimum=5, maximum=3600,
    ),
    Setting(
        "report.agency", str, "", "Agency name on client reports", "Analytics",
        "Shown as “Prepared by …” on the client reports Studio writes.",
    ),
    Setting("window.geometry", str, "", "Window geometry"),
    Setting("window.state", str, "", "Window layout"),
    Setting("window.workspace", str, "write", "Last workspace"),
    Setting("window.client", str, "", "Last client"),
    Setting("write.last_draft", str, "", "Last draft open"),
)

_BY_KEY = {setting.key: setting for setting in SETTINGS}

Listener = Callable[[str, Any], None]


class Settings:
    """The values of :data:`SETTINGS`, stored as JSON in ``path``.

    Listeners registered with :meth:`subscribe` are called as ``listener(key, value)`` after each
    change; the GUI adapts them to a Qt signal.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._listeners: list[Listener] = []
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            # A damaged settings file must not stop the app: start from the defaults, keep the file.
            log.warning("Ignoring unreadable settings file %s: %s", self.path, error)
            return
        if not isinstance(raw, dict):
            return
        for key, value in raw.items():
            setting = _BY_KEY.get(key)
            if setting is None:
                continue
            try:
                self._values[key] = setting.coerce(value)
            except ValueError as error:
                log.warning("Ignoring setting %s: %s", key, error)

    def get(self, key: str) -> Any:
        """The value of ``key``, or its default."""
        return self._values.get(key, _BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        """Validate, store and save ``value``; listeners hear of it only if it changed."""
        value = _BY_KEY[key].coerce(value)
        if self.get(key) == value and key in self._values:
            return
        self._values[key] = value
        self._save()
        for listener in list(self._listeners):
            listener(key, value)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, json.dumps(self._values, indent=2, sort_keys=True))


def declared(key: str) -> Setting:
    """The declaration of ``key``."""
    return _BY_KEY[key]
