"""Studio in the user's language: Qt translators and the locale, chosen once at start.

The language is the setting ``general.language``: "system" (the default) follows the system's
locale, "en" and "id" choose one. For Indonesian, two translators are installed: Studio's own
strings (``resources/translations/studio_id.qm``) and Qt's own dialog texts (buttons, the text
fields' context menu, file dialogs: ``qt_id.qm``, written for Studio because Qt ships no Indonesian
``qtbase``). The ``.qm`` files are built from the ``.ts`` sources by ``make translations``
(``pyside6-lrelease``); without them Studio is in English. The default ``QLocale`` is set too, so
dates, times, weekdays and numbers written through ``QLocale()`` follow the language.

A change of language takes effect at the next start (widgets are built with their texts).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from studio.data import resource
from studio.editors.translation import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # the marker, for studio.ui
from studio.imaging.presets import Preset
from studio.languages import language_name
from studio.model import STATUS_LABELS

log = logging.getLogger(__name__)

LANGUAGES = ("en", "id")  # the interface languages Studio has
CATALOGUES = ("studio", "qt")  # .qm files per language: studio_id.qm, qt_id.qm


def interface_language(setting: str, system: QLocale | None = None) -> str:
    """The interface language for the setting's value: "en" or "id"."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    return "id" if locale.language() == QLocale.Language.Indonesian else "en"


MODEL = "studio.model"  # the translation context of the core's labels (scripts/translations.py adds them)


def status_label(status: str) -> str:
    """A draft status's label (``studio.model.STATUS_LABELS``) in the interface's language."""
    return QCoreApplication.translate(MODEL, STATUS_LABELS.get(status, status))


def language_label(code: str) -> str:
    """A writing language's name (``studio.languages``) in the interface's language."""
    return QCoreApplication.translate("studio.languages", language_name(code))


def analytics_label(text: str) -> str:
    """One of the analytics core's texts (``studio.analytics.formulas.LABELS``, ``readers.NO_POST_COUNTS``)
    in the interface's language."""
    return QCoreApplication.translate("studio.analytics", text)


def shown_presets(presets: Iterable[Preset]) -> list[Preset]:
    """The presets with their labels in the interface's language (the built-in labels of
    ``resources/presets.json`` are collected for translation; a custom preset's label is the
    user's own and stays)."""
    return [replace(preset, label=QCoreApplication.translate("studio.presets", preset.label)) for preset in presets]


def translations_folder() -> Path:
    return Path(str(resource("translations")))


class Translation:
    """The translators installed on the application (keeps them alive)."""

    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []

    def apply(self, language: str, folder: Path | None = None) -> bool:
        """Install the translators of ``language`` ("en" removes them) and set the default
        locale. Returns whether Studio's own translation was found."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        self.language = language
        if language == "en":
            QLocale.setDefault(QLocale.system())
            return True
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        folder = folder or translations_folder()
        found = False
        for catalogue in CATALOGUES:
            translator = QTranslator()
            if translator.load(f"{catalogue}_{language}", str(folder)):
                if app is not None:
                    app.installTranslator(translator)
                self._translators.append(translator)
                found = found or catalogue == "studio"
            else:
                log.warning("No %s_%s.qm in %s: run 'make translations'", catalogue, language, folder)
        return found
