"""Studio in Indonesian: every page and dialog, built in English and then in Indonesian, shows no
text alike in both (left untranslated, or never wrapped in tr()) and no English source string of
the .ts: the dialogs of PAGES, and the real window's pages, menus, tool bar, status bar, side bar
and the dialogs reached from them; Qt's own buttons and the locale's dates and numbers are
Indonesian; the .ts files are in step with the code.

To cover another page or dialog: its file in FILES of scripts/translations.py,
``scripts/translations.py update``, translate (``scripts/translations.py todo`` lists what is
left), and a factory in PAGES below.
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
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from studio.errors import StudioError
from studio.library.drafts import DraftFilter
from studio.text.networks import networks
from studio.ui.context import AppContext
from studio.ui.translation import Translation, interface_language

ROOT = Path(__file__).resolve().parents[2]
TS_FOLDER = ROOT / "resources" / "translations"
# Names that stay as they are in every language.
KEPT = {"Studio", "LanguageTool", "OK", "English", "Bahasa Indonesia", "Qt", "Python", "Pillow", "Mastodon",
        "Bluesky", "Telegram", "Instagram", "X", "LinkedIn", "Threads", "Facebook", "TikTok", "Webhook", "Postiz",
        "JPEG", "PNG", "WebP", "PDF", "CSV", "HTML", "URL", "API", "GNU GPL", "YouTube", "Pinterest",
        "Bucket", "Endpoint", "Zapier", "Make", "n8n…", "Meta", "S3",  # S3 terms stay in Indonesian too
        *(title for _key, title in networks())}


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
    """Every English source string that no translation keeps as it is, tags and accelerators removed."""
    translations: dict[str, set[str]] = {}
    for ts in TS_FOLDER.glob("*.ts"):
        for (_, source), (translation, _) in _messages(ts).items():
            translations.setdefault(_plain(source), set()).add(_plain(translation))
    # not a word kept as it is in some context ("Status", "Format", "Folder" are Indonesian too)
    return {source for source, translated in translations.items() if source not in translated and source not in KEPT}


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
    group boxes, placeholders, table headings and cells, menus and their actions, tooltips and the
    names screen readers say."""
    found: list[str] = [root.windowTitle()]
    actions: list[QAction] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.accessibleName(), widget.statusTip()]
        actions += widget.actions()
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QAbstractSpinBox):
            found.append(widget.specialValueText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            found.append(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _model_texts(widget.model())
    for action in actions:
        found += [action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""]
        if action.menu() is not None:
            menu = action.menu()
            assert isinstance(menu, QMenu)
            found += [menu.title(), *(item.text() for item in menu.actions())]
    return [_plain(text) for text in found if text and text.strip()]


def _model_texts(model: QAbstractItemModel) -> list[str]:
    """Headings, and the cells of the first rows (display text and tooltip), of an item view."""
    found = []
    top = QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list model (QListWidget's): one column, its count not public
        columns = 1
    for section in range(columns):
        found.append(str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""))
    for row in range(min(model.rowCount(top), 40)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    found.append(value)
    return found


def untranslated(root: QWidget, sources: set[str]) -> list[str]:
    """Texts of ``root`` that are, or contain, an English source string (never a kept name)."""
    left: list[str] = []
    for text in texts(root):
        if text in sources or any(len(source.split()) >= 4 and source in text for source in sources):
            left.append(text)
    return sorted(set(left))


def _locale_words() -> set[str]:
    """Month and weekday names of the Indonesian locale (a date reads the same in both languages
    when its month is, say, November)."""
    locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    words = set()
    for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        words |= {locale.monthName(month, form) for month in range(1, 13)}
        words |= {locale.dayName(day, form) for day in range(1, 8)}
    return words


def _same_word() -> set[str]:
    """Sources their Indonesian translation keeps as they are ("Status", "Format", "Folder")."""
    return {_plain(source) for ts in TS_FOLDER.glob("*.ts") for (_, source), (translation, _) in _messages(ts).items()
            if translation == source}


def same_in_both(english: list[str], indonesian: list[str], data: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Texts shown alike in English and in Indonesian: left untranslated (wrapped in tr() or not),
    unless a kept name, the page's own data (client names, posts, handles), or numbers, dates and
    signs only."""
    months_and_days = _locale_words()
    kept = KEPT | set(data) | _same_word()
    left = []
    for text in set(english) & set(indonesian):
        words = re.findall(r"[^\W\d_]+", text)
        if text in kept or re.fullmatch(r"#[0-9a-fA-F]{6}|\S+://\S+", text) or (
                len(text) >= 20 and any(item.startswith(text) for item in kept)):  # data cut short
            continue  # a name, a colour, an address
        if not [word for word in words if word not in months_and_days]:
            continue
        if all(any(name in part for name in kept) for part in re.split(r"[·,—:()]", text) if part.strip()):
            continue  # made of names (e.g. "Acme · @acme@example.social")
        left.append(text)
    return sorted(left)


# --- the pages and dialogs walked ----------------------------------------------------------------

def _client(context: AppContext, name: str = "Acme") -> Any:
    """The client ``name`` (made on the first call: each page is built twice, English then Indonesian)."""
    library = context.library
    found = [client for client in library.list_clients(include_archived=True) if client.name == name]
    return found[0] if found else library.add_client(name, language="id-ID")


def _draft(context: AppContext) -> Any:
    library = context.library
    client = _client(context)
    drafts = library.list_drafts(DraftFilter(client_id=client.id), limit=5)
    if drafts:
        return library.get_draft(drafts[0].id)
    return library.create_draft(client.id, "Promo akhir pekan: diskon 20% untuk semua kopi susu.", networks=["mastodon"])
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

    return RestoreBackupDialog(context.library, context.tasks)


def _recovery(_context: AppContext, tmp: Path) -> QWidget:
    from studio.ui.library.recovery import RecoveryDialog

    return RecoveryDialog(tmp / "rusak", StudioError("Berkas pustaka rusak.", ""))


def _revisions(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.library.revisions_dialog import RevisionsDialog

    draft = _draft(context)
    context.library.save_text(draft.id, "Promo akhir pekan: diskon 25% untuk semua kopi susu.")
    return RevisionsDialog(context.library, context.tasks, draft.id)


def _reschedule(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.library.reschedule_dialog import RescheduleDialog

    draft, account = _draft(context), _account(context)
    if not context.library.list_schedules(datetime.now(UTC), datetime.now(UTC) + timedelta(days=9), None):
        context.library.schedule(draft.id, account.id, datetime.now(UTC) + timedelta(days=3))
    return RescheduleDialog(context.library, context.tasks, draft.id)


def _schedule(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.publishing.schedule_dialog import ScheduleDialog

    _account(context)  # an account: the dialog lists it
    draft = _draft(context)
    return ScheduleDialog(context.library, context.tasks, draft.id)


def _write(context: AppContext, _tmp: Path) -> QWidget:
    """The Write page with a post open: its header, counters, versions bar, issues and previews."""
    from studio.ui.write.page import WriteWorkspace

    _account(context)  # an account: the dialog lists it
    draft = _draft(context)
    page = WriteWorkspace(context)  # the link rules load inline (context.tasks.inline)
    page.open_draft(draft.id)
    page.variant_bar.select("mastodon")  # a network's version: what it uses, "Write a separate version", threads
    page.issues.set_ignored(2)
    return page


def _sidebar(_context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.sidebar import Sidebar

    return Sidebar()


def _account(context: AppContext) -> Any:
    library = context.library
    client = _client(context)
    found = [account for account in library.list_accounts(client.id)] if hasattr(library, "list_accounts") else []
    return found[0] if found else library.add_account(client.id, "mastodon", "@acme@example.social")


def _clients(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.library.client_dialog import ClientManagerDialog

    _client(context)
    return ClientManagerDialog(context.library, context.tasks)


def _preset(_context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.images.preset_dialog import PresetDialog

    return PresetDialog()


def _connect(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.publishing.connect_dialog import ConnectAccountDialog

    dialog = ConnectAccountDialog(context.library, context.tasks, _client(context).id)
    dialog.network.setCurrentIndex(dialog.network.findData("instagram"))  # the guide and the media host
    return dialog


def _insights(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.analytics.dialogs import InsightsDialog

    return InsightsDialog(context, _client(context).id)


def _numbers(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.analytics.dialogs import NumbersDialog

    return NumbersDialog(context, _draft(context).id, "instagram")


def _send_review(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.review.send_dialog import SendForReviewDialog

    return SendForReviewDialog(context.library, context.tasks, [_draft(context).id])


def _reply_code(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.review.reply_dialog import ReplyCodeDialog

    return ReplyCodeDialog(context.library, context.tasks)


def _changes(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.review.changes_view import ChangesDialog

    return ChangesDialog(context.library, context.tasks, _draft(context).id, author="dewi")


def _comments(context: AppContext, _tmp: Path) -> QWidget:
    from studio.ui.review.comments_panel import CommentsPanel

    panel = CommentsPanel(context.library, context.tasks, author="dewi")
    panel.set_draft(_draft(context).id) if hasattr(panel, "set_draft") else None
    return panel


def _tray(context: AppContext, _tmp: Path) -> QWidget:
    from PySide6.QtGui import QIcon

    from studio.ui.publishing.service import PublishingService
    from studio.ui.publishing.tray import PublishingTray

    holder = QWidget()  # a menu shown offscreen warns: its actions are read from a plain widget
    tray = PublishingTray(PublishingService(context, interval_ms=3_600_000), QIcon(), parent=holder)
    holder.addActions(tray.menu.actions())
    return holder


PAGES: dict[str, Callable[[AppContext, Path], QWidget]] = {
    "settings": _settings, "about": _about, "welcome": _welcome, "error": _error, "download": _download,
    "restore": _restore, "recovery": _recovery, "revisions": _revisions, "reschedule": _reschedule,
    "sidebar": _sidebar, "clients": _clients, "preset": _preset, "connect": _connect, "insights": _insights,
    "numbers": _numbers, "send-review": _send_review, "reply-code": _reply_code, "changes": _changes,
    "comments": _comments, "tray": _tray, "schedule": _schedule, "write": _write,
}
# The page's own data, shown alike in both languages.
DATA = {"Acme", "@acme@example.social", "dewi", "Kopi Kenangan Nusantara Raya", "rusak", "review-pack.html",
        "Berkas pustaka rusak.", "Traceback ...", "LanguageTool siap.", "STUDIO1-…", "postgresql://name@team.example.com:5432/studio?sslmode=require",
        "Acme, Toko Kopi", "Kettles TikTok", "studio-media", "http://localhost:8081", "#brand #campaign",
        "us-east-1 (R2: auto)", "Promo akhir pekan: diskon 20% untuk semua kopi susu."}


@pytest.fixture(scope="module")
def qm_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files built from the .ts sources, once for this module."""
    folder = tmp_path_factory.mktemp("qm")
    _script().build(TS_FOLDER, folder)
    return folder


def _walk_twice(build: Callable[[], QWidget], qtbot: QtBot, qm: Path, shot: Callable[[QWidget, str], None]
                ) -> tuple[list[str], list[str], QWidget]:
    """``build()`` in English, then again in Indonesian: what each showed, and the Indonesian widget."""
    translation = Translation()
    shown = []
    widget: QWidget | None = None
    for language in ("en", "id"):
        assert translation.apply(language, qm)
        widget = build()
        qtbot.addWidget(widget)
        widget.show()
        qtbot.wait(30)  # lists fill (inline tasks), layouts settle
        shot(widget, language)
        shown.append(texts(widget))
        if language == "en":
            widget.close()
    assert widget is not None
    return shown[0], shown[1], widget


@pytest.fixture
def back_to_english() -> Iterator[None]:
    yield
    Translation().apply("en")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_no_english_left_in_indonesian(page: str, qm_folder: Path, context: AppContext, qtbot: QtBot, tmp_path: Path,
                                       english_sources: set[str], screenshot: Any, back_to_english: None) -> None:
    """Every page and dialog listed in PAGES, built in English and then in Indonesian, shows no text
    alike in both (a string never wrapped in tr(), or left untranslated) and no English source
    string of the .ts."""
    context.tasks.inline = True
    english, indonesian, widget = _walk_twice(
        lambda: PAGES[page](context, tmp_path), qtbot, qm_folder,
        lambda shown, language: screenshot(shown, f"{page}-{language}.png") if language == "id" else None)
    assert indonesian, "nothing was read: the walker is broken"
    assert same_in_both(english, indonesian, DATA) == []
    assert untranslated(widget, english_sources) == []


WINDOW_PAGES = ("images", "library", "publishing", "analytics")


def _studio(tmp: Path, qtbot: QtBot, photo: Path) -> Any:
    """The real window over a library with a client, a draft, an account and a schedule."""
    from PySide6.QtWidgets import QApplication

    from studio.library import Library
    from studio.settings import Settings
    from studio.ui.app import Studio

    fresh = not (tmp / "library").exists()
    library = Library.open(tmp / "library")
    if fresh:
        client = library.add_client("Kopi Kenangan Nusantara Raya", language="id-ID")
        draft = library.create_draft(client.id, text="Ngopi dulu sebelum kerja! Promo hari ini: beli dua gratis satu.",
                                     networks=["x", "instagram", "mastodon"])
        account = library.add_account(client.id, "mastodon", "@kopi@example.social")
        library.schedule(draft.id, account.id, datetime.now(UTC) + timedelta(days=2))
    settings = Settings(tmp / "config" / "settings.json")
    settings.set("grammar.mode", "off")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = Studio(app, tmp / "library", library, settings)
    qtbot.addWidget(running.window)
    running.window.reload_clients(select=library.list_clients()[0].id)
    running.start(welcome=False, background=False)
    running.window.resize(1366, 768)
    qtbot.waitExposed(running.window)
    return running


def _walk_studio(tmp: Path, qtbot: QtBot, photo: Path, shot: Callable[[QWidget, str], Any]) -> dict[str, list[str]]:
    """What each page of the window (its menus, tool bar, status bar and side bar as "window"), and
    each dialog reached from them, shows."""
    running = _studio(tmp, qtbot, photo)
    window = running.window
    found: dict[str, list[str]] = {}
    try:
        for key in (*WINDOW_PAGES, "write"):
            window.show_workspace(key)
            if key == "images":
                running.images.open_file(photo)
                qtbot.waitUntil(lambda: running.images.photo is not None, timeout=10_000)
            if key == "library":
                qtbot.waitUntil(lambda: running.library_view.model.rowCount() == 1, timeout=5000)
                found["library-menu"] = _context_menu_texts(running.library_view)
            qtbot.wait(80)
            shot(window, key)
            found[key] = texts(window.workspace(key))
            if key == "publishing":
                page = window.workspace(key)
                page.tabs.setCurrentIndex(1)  # the accounts
                qtbot.wait(80)
                found[key] += texts(page)
                page.tabs.setCurrentIndex(0)
        chrome = [window.menuBar(), window.statusBar(), window.sidebar, *window.findChildren(QToolBar)]
        found["window"] = [text for part in chrome for text in texts(part)] + [window.windowTitle()]
        window.show_workspace("images")
        running.images.export()
        export = running.images.dialog
        qtbot.waitExposed(export)
        found["export"] = texts(export)
        export.close()
        from studio.ui.team.dialog import TeamDialog

        team = TeamDialog(window.team, window)
        found["team"] = texts(team)
        team.close()
    finally:
        window.close()
        running.shutdown()
    return found


def _context_menu_texts(view: Any) -> list[str]:
    """The drafts list's context menu on its first row (with its Status and Review menus), read
    instead of shown (a menu popped up offscreen warns)."""
    menus: list[QMenu] = []
    original = QMenu.popup
    QMenu.popup = lambda menu, *_args: menus.append(menu)  # type: ignore[method-assign,assignment]
    try:
        view._context_menu(view.table.visualRect(view.model.index(0, 1)).center())
    finally:
        QMenu.popup = original  # type: ignore[method-assign]
    assert menus, "the context menu did not open"
    holder = QWidget()
    holder.addActions(menus[0].actions())
    return texts(holder)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "pasar.jpg"
    Image.linear_gradient("L").resize((1600, 1200)).convert("RGB").save(path, "JPEG", quality=85)
    return path


def _window_in_both(tmp: Path, qtbot: QtBot, photo: Path, qm: Path, screenshot: Any
                    ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    translation = Translation()
    walked = []
    for language in ("en", "id"):
        assert translation.apply(language, qm)
        walked.append(_walk_studio(tmp, qtbot, photo,
                                   lambda widget, name, language=language: screenshot(widget, f"window-{name}-{language}.png")))
    return walked[0], walked[1]


def test_every_page_of_the_window_is_indonesian(qm_folder: Path, qtbot: QtBot, tmp_path: Path, photo: Path,
                                                english_sources: set[str], screenshot: Any,
                                                back_to_english: None) -> None:
    """The real window, in English then in Indonesian: its menus, tool bar, status bar and side bar,
    the Images, Library, Publishing and Analytics pages (with a photo, a draft, an account and a
    schedule), the export and team dialogs: nothing alike in both, no English source string."""
    english, indonesian = _window_in_both(tmp_path, qtbot, photo, qm_folder, screenshot)
    assert {"Jadwalkan ulang…", "Tinjauan", "Setujui", "Ide"} <= set(indonesian["library-menu"])  # menus read
    assert {"Berkas", "Draf baru", "Keluar", "Tentang Studio"} <= set(indonesian["window"])
    data = DATA | {"Kopi Kenangan Nusantara Raya", "@kopi@example.social", "pasar.jpg", "pasar",
                   "Ngopi dulu sebelum kerja! Promo hari ini: beli dua gratis satu."}
    left = {page: same_in_both(english[page], indonesian[page], data) for page in indonesian}
    left = {page: found for page, found in left.items() if found}
    assert left == {}
    sources = {page: [text for text in indonesian[page] if text in english_sources] for page in indonesian}
    assert {page: found for page, found in sources.items() if found} == {}


def test_the_walker_finds_english_when_there_is_no_translation(context: AppContext, qtbot: QtBot, tmp_path: Path,
                                                               english_sources: set[str]) -> None:
    widget = _settings(context, tmp_path)  # no translator installed: English
    qtbot.addWidget(widget)
    left = untranslated(widget, english_sources)
    assert "Settings" in left and "Grammar checking" in left


def test_the_walk_in_both_languages_finds_a_string_never_wrapped(qm_folder: Path, qtbot: QtBot,
                                                                 back_to_english: None) -> None:
    """A label built without tr() reads the same in both languages and is found; a translated one,
    a kept name and a date are not."""
    from studio.ui import locale_format

    def build() -> QWidget:
        root = QWidget()
        root.setToolTip("Nobody wrapped this")
        QLabel(QCoreApplication.translate("Studio", "Library"), root)
        QLabel("Mastodon", root)
        QLabel(locale_format.moment(datetime(2026, 11, 30), locale_format.MONTH), root)
        return root

    english, indonesian, _widget = _walk_twice(build, qtbot, qm_folder, lambda _widget, _language: None)
    assert "Library" in english and "Pustaka" in indonesian
    assert same_in_both(english, indonesian) == ["Nobody wrapped this"]


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


def test_translations_keep_placeholders_accelerators_and_tags() -> None:
    """A translation has the source's %1, %2..., an accelerator (&) where the source has one, and
    the same HTML tags: a lost %1 would show the text without its value."""
    wrong = []
    for ts in TS_FOLDER.glob("*.ts"):
        for (context, source), (translation, _) in _messages(ts).items():
            if sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", translation)):
                wrong.append((context, source, "placeholders"))
            if ("&" in source.replace("&&", "")) != ("&" in translation.replace("&&", "")) and "<" not in source:
                wrong.append((context, source, "accelerator"))
            tags = r"</?(?:b|i|p|br|code|h\d|a|span|table|tr|td)\b"
            if sorted(re.findall(tags, source)) != sorted(re.findall(tags, translation)):
                wrong.append((context, source, "tags"))
    assert wrong == []


def test_the_publishing_notifications_are_indonesian(qapp: Any, qm_folder: Path, back_to_english: None) -> None:
    """The status bar's line and the tray's notifications, built outside any widget, follow the
    interface's language too (counts in agreement, network names kept)."""
    from studio.publishing.runner import Result
    from studio.ui.publishing.service import describe, status_text

    translation = Translation()
    assert translation.apply("id", qm_folder)
    assert status_text(3) == "3 unggahan menunggu dikirim"
    assert status_text(1, offline=True, reconnect=2) == ("1 unggahan menunggu koneksi · "
                                                         "2 akun perlu dihubungkan ulang (halaman Penerbitan)")
    out = Result(1, 1, 1, "mastodon", "published")
    assert describe(out, "@kopi@example.social") == ("Terbit di Mastodon (@kopi@example.social)",
                                                     "Unggahan sudah terbit.")
    assert describe(Result(1, 1, 1, "bluesky", "failed-retry", "timeout"))[0] == "Akan dicoba lagi di Bluesky"
    translation.apply("en")
    assert status_text(3) == "3 posts waiting to be sent"
