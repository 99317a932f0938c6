"""The composition root: builds the application's object graph once and passes it in.

Nothing else in the GUI creates long-lived shared objects; every widget gets what it needs from
here (through :class:`studio.ui.context.AppContext`).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studio import __version__
from studio.errors import StudioError, in_words
from studio.logs import setup_logging
from studio.paths import config_dir
from studio.settings import Settings
from studio.ui.context import AppContext
from studio.ui.error_dialog import ExceptionHook
from studio.ui.main_window import MainWindow, icon
from studio.ui.messages import Messages
from studio.ui.settings_signals import SettingsSignals
from studio.ui.tasks import Tasks
from studio.ui.theme import apply_theme, follow_system
from studio.ui.translation import Translation, interface_language
from studio.ui.workspace import LazyWorkspace, Workspace

if TYPE_CHECKING:
    from studio.library import Library
    from studio.ui.grammar import GrammarEngine
    from studio.ui.images import ImagesWorkspace
    from studio.ui.library import LibraryWorkspace
    from studio.ui.publishing.panel import PublicationsWorkspace
    from studio.ui.publishing.tray import PublishingTray
    from studio.ui.write.page import WriteWorkspace

log = logging.getLogger(__name__)


def _no_display() -> bool:
    """On Linux, Qt's default platform needs an X11 or Wayland display."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Studio")
    app.setOrganizationName("Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("studio")
    app.setStyle("Fusion")
    app.setWindowIcon(icon("studio.svg"))
    from studio.ui.fonts import use_emoji_font

    use_emoji_font()
    return app


def open_library(library_dir: Path) -> Library:
    """Open (or create) the library, or raise a :class:`StudioError` that says what to do."""
    from studio.library import Library

    return Library.open(library_dir)


class Studio:
    """The running application: the context, the window and the services behind the status bar."""

    def __init__(self, app: QApplication, library_dir: Path, library: Library, settings: Settings) -> None:
        from studio.ui.publishing.service import PublishingService

        self.app = app
        tasks = Tasks(app)
        messages = Messages(app)
        signals = SettingsSignals(settings, app)
        self.context = AppContext(
            library_dir=library_dir,
            library=library,
            settings=settings,
            settings_signals=signals,
            tasks=tasks,
            messages=messages,
        )
        self._grammar: GrammarEngine | None = None
        # An edit to an approved post sends it back to review, and comments follow their words.
        from studio.review.approval import watch

        self._unwatch_review = watch(library)
        self.publishing = PublishingService(self.context, settings.get("publisher.interval_s") * 1000, app)
        self.window = MainWindow(self.context, self._workspaces())
        self.window.first_painted.connect(self._first_painted)
        self._add_actions()
        messages.connect_view(self.window.show_message)
        self.hook = ExceptionHook(self.window)
        signals.changed.connect(self._setting_changed)
        self.window.set_grammar_state(QCoreApplication.translate("Studio", "Grammar: off") if settings.get("grammar.mode") == "off"
                                      else QCoreApplication.translate("Studio", "Grammar: not started"))
        self.publishing.state_changed.connect(self.window.set_publisher_state)
        self.publishing.failed.connect(messages.error)
        self.window.set_publisher_state("")
        self.window.set_network_state("")
        self.tray: PublishingTray | None = None  # made after the first paint (see _first_painted)
        # A day's backup is checked at start and every hour: an app left open for days backs up daily.
        self._backup_timer = QTimer(app)
        self._backup_timer.setInterval(60 * 60 * 1000)
        self._backup_timer.timeout.connect(self.daily_backup)
        self.online = True
        self._download_offered = False
        self._background = False

    # -- the parts, built when first needed (start-up builds only what the first paint shows) ----

    @property
    def grammar(self) -> GrammarEngine:
        """The LanguageTool engine: built with the Write page; LanguageTool itself starts only on
        the first check, in the background."""
        if self._grammar is None:
            from studio.ui.grammar import GrammarEngine

            engine = GrammarEngine(self.context.settings, self.context.tasks, self.context.settings_signals,
                                   self.app)
            engine.state_changed.connect(lambda _state: self.window.set_grammar_state(engine.status_text()))
            engine.download_needed.connect(self._offer_download)
            self.window.set_grammar_state(engine.status_text())
            self._grammar = self.context.grammar = engine
        return self._grammar

    @property
    def write(self) -> WriteWorkspace:
        return self.window.workspace("write")  # type: ignore[return-value]

    @property
    def images(self) -> ImagesWorkspace:
        return self.window.workspace("images")  # type: ignore[return-value]

    @property
    def library_view(self) -> LibraryWorkspace:
        return self.window.workspace("library")  # type: ignore[return-value]

    @property
    def publications(self) -> PublicationsWorkspace:
        return self.window.workspace("publishing")  # type: ignore[return-value]

    def _workspaces(self) -> list[LazyWorkspace]:
        return [
            LazyWorkspace("write", QCoreApplication.translate("Studio", "Write"), "write.svg", self._build_write),
            LazyWorkspace("images", QCoreApplication.translate("Studio", "Images"), "images.svg", self._build_images),
            LazyWorkspace("library", QCoreApplication.translate("Studio", "Library"), "library.svg", self._build_library),
            LazyWorkspace("publishing", QCoreApplication.translate("Studio", "Publishing"), "publishing.svg", self._build_publications),
            LazyWorkspace("analytics", QCoreApplication.translate("Studio", "Analytics"), "analytics.svg",
                          self._build_analytics),
        ]

    def _build_write(self) -> Workspace:
        from studio.ui.write.opening import remembered
        from studio.ui.write.page import WriteWorkspace

        # Before the first paint the page is built without its grammar engine (which then only
        # costs start-up time: no check can be asked for before the window is on screen);
        # _first_painted hands it over.
        painted = self.window.first_paint_at > 0
        page = WriteWorkspace(self.context, grammar=self.grammar if painted else None, warm=painted)
        last = remembered(self.context.settings, self.context.library_dir)
        if last is not None:  # the draft open when Studio quit
            page.reopen(last)
        return page

    def _build_images(self) -> Workspace:
        from studio.ui.images import ImagesWorkspace

        return ImagesWorkspace(self.context)

    def _build_library(self) -> Workspace:
        from studio.ui.library import LibraryWorkspace

        view = LibraryWorkspace(self.context)
        view.open_draft_requested.connect(self._open_draft)
        view.draft_restored.connect(self._draft_restored)
        return view

    def _build_analytics(self) -> Workspace:
        from studio.ui.analytics.page import AnalyticsWorkspace

        return AnalyticsWorkspace(self.context)

    def _build_publications(self) -> Workspace:
        from studio.ui.publishing.panel import PublicationsWorkspace

        panel = PublicationsWorkspace(self.context, self.publishing)
        panel.connect_requested.connect(self.connect_account)
        panel.reconnect_requested.connect(self.connect_account)
        return panel

    def _first_painted(self) -> None:
        """What the window's first paint does not wait for: the network watch, the daily backup,
        the publisher's timer and tray, the Write page's link rules."""
        self.tray = self._make_tray()
        self._watch_network()
        if self._background:
            self.daily_backup()
            self._backup_timer.start()
            self._start_publishing()
        if self.window.is_built("write"):
            self.write.runner.engine = self.grammar
            self.write.start_warm_up()

    def _add_actions(self) -> None:
        """Window-wide actions that belong to a workspace's work (so they work from anywhere)."""
        window = self.window
        new_draft = window.add_file_action(QCoreApplication.translate("Studio", "&New draft"), self._new_draft, "Ctrl+N", position=0)
        new_draft.setStatusTip(QCoreApplication.translate("Studio", "Start a new draft for the current client"))
        window.add_file_action(QCoreApplication.translate("Studio", "&Import drafts…"), lambda: self.library_view.import_file(), "Ctrl+Shift+I",
                               position=1)
        window.add_file_action(QCoreApplication.translate("Studio", "Restore from &backup…"), lambda: self.library_view.restore_from_backup(), None,
                               position=2)
        window.add_client_action(QCoreApplication.translate("Studio", "&Manage clients…"), lambda: self.library_view.manage_clients(), "Ctrl+Shift+M")
        window.add_client_action(QCoreApplication.translate("Studio", "&Connect account…"), lambda: self.connect_account(), None)

    def _new_draft(self) -> None:
        self.window.show_workspace("write")
        self.write.new_draft()

    def connect_account(self, account_id: int | None = None) -> None:
        """Connect a new account to the current client, or reconnect ``account_id`` (new secret)."""
        from studio.ui.publishing.connect_dialog import ConnectAccountDialog

        dialog = ConnectAccountDialog(self.context.library, self.context.tasks, self.window.current_client_id(),
                                      self.window, account_id=account_id)
        if dialog.exec():
            self.publications.reload()

    def _offer_download(self) -> None:
        """Local mode and no LanguageTool on this computer: offer the download (once a session)."""
        if self._download_offered:
            return
        self._download_offered = True
        from studio.ui.grammar_download import GrammarDownloadDialog

        dialog = GrammarDownloadDialog(self.context.tasks, self.window)
        dialog.installed.connect(lambda _path: self.grammar.retry())
        dialog.open()

    def _make_tray(self) -> PublishingTray:
        from studio.ui.publishing.tray import PublishingTray

        library = self.context.library

        def handle_of(account_id: int) -> str:
            try:
                return str(library.get_account(account_id).handle)
            except StudioError:
                return ""

        tray = PublishingTray(self.publishing, self.app.windowIcon(), handle_of, self.app)
        tray.open_requested.connect(self._raise_window)
        tray.quit_requested.connect(self.quit)
        return tray

    def _raise_window(self) -> None:
        self.window.show()
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.raise_()
        self.window.activateWindow()

    def quit(self) -> None:
        self.window.close()
        self.app.quit()

    def _draft_restored(self, draft_id: int) -> None:
        """A revision was restored in the Library: the Write page must not keep (and later save
        over it) the text it showed before."""
        if not self.window.is_built("write"):
            return  # it will read the draft from the library when it opens one
        opened = self.write.opened
        if opened is not None and opened.draft.id == draft_id:
            self.write.open_draft(draft_id)

    def daily_backup(self) -> None:
        """Back the library up once a day (the library skips it when today's copy exists), keeping
        as many as Settings says; whichever workspace the user works in."""
        keep = int(self.context.settings.get("library.backups_keep"))
        self.context.tasks.run(
            self.context.library.daily_backup, keep, pool="writes",
            on_error=lambda error: self.context.messages.warning(in_words(error, "The daily backup failed")))

    def _watch_network(self) -> None:
        """Show "Offline" in the status bar while the system says there is no network (where Qt
        has a backend for it: NetworkManager, glib, Windows, macOS)."""
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is None:
            return

        def update(reachability: QNetworkInformation.Reachability) -> None:
            self.online = reachability in (QNetworkInformation.Reachability.Online,
                                           QNetworkInformation.Reachability.Unknown)
            self.window.set_network_state("" if self.online else QCoreApplication.translate("Studio", "Offline: due posts wait for the network"))
            self.publishing.set_offline(not self.online)

        info.reachabilityChanged.connect(update)
        update(info.reachability())

    def _open_draft(self, draft_id: int) -> None:
        self.window.show_workspace("write")
        self.write.open_draft(draft_id)

    def _setting_changed(self, key: str, value: object) -> None:
        if key == "appearance.theme":
            apply_theme(self.app, str(value))
        elif key == "publisher.interval_s" and isinstance(value, int):
            self.publishing.timer.setInterval(value * 1000)
        elif key == "publisher.enabled":
            self._start_publishing()

    def _start_publishing(self) -> None:
        """Publish due posts while the app runs (and from the tray once the window is closed),
        unless the user leaves it to cron or systemd."""
        if self.tray is None:
            return  # before the first paint: started then
        if self.context.settings.get("publisher.enabled"):
            self.publishing.start()
            self.tray.show()
            self.app.setQuitOnLastWindowClosed(not self.tray.available)
        else:
            self.publishing.stop()
            self.tray.hide()
            self.app.setQuitOnLastWindowClosed(True)

    def start(self, welcome: bool = True, background: bool = True) -> None:
        """Show the window. ``background`` starts the daily backups and the publisher after the
        first paint (``--smoke`` and most tests leave them out)."""
        self.hook.install()
        self.window.restore_layout()
        self._background = background
        self.window.show()
        if welcome and not self.context.settings.get("general.welcome_done"):
            QTimer.singleShot(0, self.welcome)

    def welcome(self) -> None:
        from studio.ui.welcome_dialog import WelcomeDialog

        library = self.context.library
        if library.list_clients(include_archived=True):
            self.context.settings.set("general.welcome_done", True)
            return
        dialog = WelcomeDialog(self.grammar_status(), self.window)
        if dialog.exec():
            name, colour, language = dialog.client_values()
            client = library.add_client(name, colour=colour, language=language)
            self.window.reload_clients(select=client.id)
        self.context.settings.set("general.welcome_done", True)

    def grammar_status(self) -> str:
        mode = self.context.settings.get("grammar.mode")
        if mode == "off":
            return QCoreApplication.translate("Studio", "Grammar checking is off. Turn it on in Settings → Grammar.")
        if mode == "server":
            return QCoreApplication.translate("Studio", "Texts are checked by the LanguageTool server at %1.").replace(
                "%1", self.context.settings.get("grammar.server_url"))
        if mode == "public":
            return QCoreApplication.translate("Studio", "Texts are checked by the public LanguageTool API (you agreed to send them there).")
        return QCoreApplication.translate("Studio", "Texts are checked by LanguageTool on this computer, privately.")

    def shutdown(self) -> None:
        """Stop background work and close the library; called once the event loop has ended."""
        self.hook.uninstall()
        self.publishing.stop()
        self._backup_timer.stop()
        if self.tray is not None:
            self.tray.hide()
        if self._grammar is not None:
            self._grammar.shutdown()
        if not self.context.tasks.close(30_000):
            log.error("Background work did not finish within 30 s of quitting")
        self.window.detach_library()
        close = getattr(self.context.library, "close", None)
        if close is not None:
            close()


def run_gui(library_dir: Path, smoke: bool = False) -> int:
    """Open the main window on ``library_dir``; with ``smoke``, exit after the first paint and
    print one JSON line of timings."""
    from studio import STARTED

    setup_logging()
    if _no_display():
        print(
            "studio: no display found. Run Studio from a desktop session, or set "
            "QT_QPA_PLATFORM=offscreen (tests) or use xvfb-run (servers).",
            file=sys.stderr,
        )
        return 1
    app = make_application()
    settings = Settings(config_dir() / "settings.json")
    translation = Translation()  # before any widget: texts are translated as widgets are built
    translation.apply(interface_language(str(settings.get("general.language"))))
    apply_theme(app, settings.get("appearance.theme"))
    follow_system(app, lambda: str(settings.get("appearance.theme")))
    try:
        library = open_library(library_dir)
    except StudioError as error:
        log.error("Cannot open the library %s: %s", library_dir, error.for_humans())
        if smoke:
            print(f"studio: {error.for_humans()}", file=sys.stderr)
            return 1
        recovered = recover_library(library_dir, error)
        if recovered is None:
            return 1
        library = recovered
    studio = Studio(app, library_dir, library, settings)
    if smoke:
        def report() -> None:
            elapsed = (studio.window.first_paint_at - STARTED) * 1000
            drafts = library.count_drafts()
            print(json.dumps({
                "startup_ms": round(elapsed, 1),
                "drafts": drafts,
                "library": str(library_dir),
                "version": __version__,
            }), flush=True)
            app.quit()

        studio.window.first_painted.connect(report)
    studio.start(welcome=not smoke, background=not smoke)
    try:
        return app.exec()
    finally:
        studio.shutdown()


def recover_library(library_dir: Path, error: StudioError) -> Library | None:
    """The library cannot be opened: say so plainly and offer the backups, never a crash."""
    from studio.ui.library.recovery import RecoveryDialog

    dialog = RecoveryDialog(library_dir, error)
    if not dialog.exec():
        return None
    try:
        return open_library(library_dir)
    except StudioError as again:
        QMessageBox.critical(None, "Studio", again.for_humans())
        return None
