"""Studio in Indonesian: every page or dialog listed in PAGES, walked widget by widget under the
Indonesian translation, shows no English source string left untranslated; Qt's own buttons and the
locale's dates and numbers are Indonesian; the .ts files are in step with the code.

To cover another page once its strings go through ``tr``: add its file to FILES in
scripts/translations.py, run ``scripts/translations.py update``, translate, and add a factory to
PAGES below.
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studio.errors import StudioError
from studio.ui.context import AppContext
from studio.ui.translation import Translation, interface_language

ROOT = Path(__file__).resolve().parents[2]
TS_FOLDER = ROOT / "resources" / "translations"
# Names that stay as they are in every language.
KEPT = {"Studio", "LanguageTool", "OK", "English", "Bahasa Indonesia", "Qt", "Python", "Pillow", "Mastodon",
        "Bluesky", "Telegram", "Instagram", "X", "LinkedIn", "Threads", "Facebook", "TikTok"}


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, type) of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (translation.text or "", translation.get("type", ""))
    return found


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "").split())


@pytest.fixture(scope="module")
def english_sources() -> set[str]:
    """Every English source string whose translation differs from it, tags and accelerators removed."""
    sources: set[str] = set()
    for ts in TS_FOLDER.glob("*.ts"):
        for (_, source), (translation, _) in _messages(ts).items():
            if translation != source and _plain(source) not in KEPT:
                sources.add(_plain(source))
    return sources


@pytest.fixture
def indonesian(tmp_path: Path) -> Iterator[Translation]:
    """The Indonesian translation, its .qm files built from the .ts sources for this test."""
    _script().build(TS_FOLDER, tmp_path / "qm")
    translation = Translation()
    assert translation.apply("id", tmp_path / "qm")
    yield translation
    translation.apply("en")


def texts(root: QWidget) -> list[str]:
    """What a person can read in ``root`` and its children: titles, labels, buttons, items, tabs,
    placeholders, tooltips and the names screen readers say."""
    found: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            found += [widget.item(i).text() for i in range(widget.count())]
    return [_plain(text) for text in found if text and text.strip()]


def untranslated(root: QWidget, sources: set[str]) -> list[str]:
    """Texts of ``root`` that are, or contain, an English source string (never a kept name)."""
    left: list[str] = []
    for text in texts(root):
        if text in sources or any(len(source.split()) >= 4 and source in text for source in sources):
            left.append(text)
    return sorted(set(left))


# --- the pages and dialogs walked (the lead adds the remaining pages after merging) ---------------

def _settings(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.settings_dialog import SettingsDialog

    return SettingsDialog(context.settings)


def _about(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.about_dialog import AboutDialog

    return AboutDialog(context)


def _welcome(_context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.welcome_dialog import WelcomeDialog

    return WelcomeDialog("LanguageTool siap.")


def _error(_context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.error_dialog import ErrorDialog

    return ErrorDialog("Berkas tidak dapat dibaca.", "Traceback ...")


def _download(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.grammar_download import GrammarDownloadDialog

    return GrammarDownloadDialog(context.tasks)


def _restore(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.library.restore_dialog import RestoreBackupDialog

    context.tasks.inline = True
    return RestoreBackupDialog(context.library, context.tasks)


def _recovery(_context: AppContext, tmp: Path) -> QWidget:
    from studio.ui.library.recovery import RecoveryDialog

    return RecoveryDialog(tmp / "rusak", StudioError("Berkas pustaka rusak.", ""))


def _revisions(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.library.revisions_dialog import RevisionsDialog

    context.tasks.inline = True
    library = context.library
    draft = library.create_draft(library.add_client("Acme").id, "versi pertama")
    library.save_text(draft.id, "versi kedua")
    return RevisionsDialog(library, context.tasks, draft.id)


def _reschedule(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.library.reschedule_dialog import RescheduleDialog

    context.tasks.inline = True
    library = context.library
    client = library.add_client("Acme")
    account = library.add_account(client.id, "mastodon", "@acme@example.social")
    draft = library.create_draft(client.id, "unggahan", status="approved")
    library.schedule(draft.id, account.id, datetime.now(UTC) + timedelta(days=3))
    return RescheduleDialog(library, context.tasks, draft.id)


def _sidebar(_context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.sidebar import Sidebar

    return Sidebar()


PAGES: dict[str, Callable[[AppContext, Path], QWidget]] = {
    "settings": _settings, "about": _about, "welcome": _welcome, "error": _error, "download": _download,
    "restore": _restore, "recovery": _recovery, "revisions": _revisions, "reschedule": _reschedule,
    "sidebar": _sidebar,
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_english_left_in_indonesian(page: str, indonesian: Translation, context: AppContext, qtbot: QtBot,
                                       tmp_path: Path, english_sources: set[str], screenshot: Any) -> None:
    widget = PAGES[page](context, tmp_path)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.wait(10)
    screenshot(widget, f"indonesian-{page}.png")
    assert untranslated(widget, english_sources) == []
    assert texts(widget), "nothing was read: the walker is broken"


def test_the_walker_finds_english_when_there_is_no_translation(context: AppContext, qtbot: QtBot, tmp_path: Path,
                                                               english_sources: set[str]) -> None:
    widget = _settings(context, tmp_path)  # no translator installed: English
    qtbot.addWidget(widget)
    left = untranslated(widget, english_sources)
    assert "Settings" in left and "Grammar checking" in left


def test_qt_buttons_dates_and_numbers_are_indonesian(indonesian: Translation, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
    locale = QLocale()
    assert locale.language() == QLocale.Language.Indonesian
    assert locale.toString(QDate(2026, 11, 30), "dddd, d MMMM yyyy") == "Senin, 30 November 2026"
    assert locale.toString(1234567.5, "f", 1) == "1.234.567,5"


def test_the_language_follows_the_system_or_the_setting() -> None:
    indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    assert interface_language("system", indonesian) == "id"
    assert interface_language("system", QLocale(QLocale.Language.German)) == "en"
    assert interface_language("id", QLocale(QLocale.Language.German)) == "id"
    assert interface_language("en", indonesian) == "en"


def test_the_ts_files_are_in_step_with_the_code_and_fully_translated(tmp_path: Path) -> None:
    """``scripts/translations.py update`` would change nothing, and nothing is left unfinished."""
    folder = tmp_path / "ts"
    shutil.copytree(TS_FOLDER, folder)
    _script().update(folder)
    committed = _messages(TS_FOLDER / "studio_id.ts")
    fresh = _messages(folder / "studio_id.ts")
    assert set(fresh) == set(committed), "run scripts/translations.py update, then translate the new strings"
    for ts in TS_FOLDER.glob("*.ts"):
        unfinished = [source for (_, source), (_, kind) in _messages(ts).items() if kind]
        assert unfinished == [], f"{ts.name}: untranslated strings"


def test_the_welcome_dialog_offers_indonesian_first_in_indonesian(indonesian: Translation, qtbot: QtBot) -> None:
    from studio.ui.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog("")
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "id-ID"
    assert dialog.language.findData("id-ID") >= 0


def test_core_settings_texts_are_declared_for_translation() -> None:
    declared = _script().settings_strings()
    assert "'Language'" in declared and "'Bahasa Indonesia'" in declared
