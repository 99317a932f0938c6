"""The publications panel: per post and account, the state, the attempts, the last error in words,
and the buttons to retry, cancel, or mark an uncertain post as published."""

from __future__ import annotations

from datetime import UTC, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.errors import in_words
from studio.library.times import parse_iso
from studio.publishing.queue import CANCELLABLE, MARKABLE, RETRYABLE, Publication, Queue
from studio.ui import locale_format
from studio.ui.context import AppContext
from studio.ui.library.signals import LibrarySignals
from studio.ui.locale_format import counted, number
from studio.ui.publishing.accounts_panel import AccountsPanel
from studio.ui.publishing.service import PublishingService
from studio.ui.theme import error_colour
from studio.ui.translation import QT_TRANSLATE_NOOP
from studio.ui.workspace import Workspace

STATE_WORDS = {
    "scheduled": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Scheduled"),
    "sending": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Sending…"),
    "published": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Published"),
    "failed-retry": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Will retry"),
    "failed-permanent": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Failed"),
    "uncertain": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Check: may be posted"),
    "cancelled": QT_TRANSLATE_NOOP("PublicationsWorkspace", "Cancelled"),
}
STATE_COLOURS = {"published": "#1e7d32", "uncertain": "#a15c00", "failed-retry": "#a15c00"}  # + the error red
ATTENTION = ("failed-permanent", "uncertain", "failed-retry")
FILTERS = (
    (QT_TRANSLATE_NOOP("PublicationsWorkspace", "Upcoming and failed"), ("failed-permanent", "uncertain", "failed-retry", "scheduled", "sending")),
    (QT_TRANSLATE_NOOP("PublicationsWorkspace", "Needs attention"), ATTENTION),
    (QT_TRANSLATE_NOOP("PublicationsWorkspace", "Upcoming"), ("scheduled", "sending", "failed-retry")),
    (QT_TRANSLATE_NOOP("PublicationsWorkspace", "Published"), ("published",)),
    (QT_TRANSLATE_NOOP("PublicationsWorkspace", "All"), ()),
)
EMPTY = QT_TRANSLATE_NOOP("PublicationsWorkspace", "Nothing here yet. Scheduled posts and their outcomes show up in this list.")
COLUMNS = (QT_TRANSLATE_NOOP("PublicationsWorkspace", "When"), QT_TRANSLATE_NOOP("PublicationsWorkspace", "Account"), QT_TRANSLATE_NOOP("PublicationsWorkspace", "Post"),
           QT_TRANSLATE_NOOP("PublicationsWorkspace", "State"), QT_TRANSLATE_NOOP("PublicationsWorkspace", "Attempts"), QT_TRANSLATE_NOOP("PublicationsWorkspace", "Next attempt"), QT_TRANSLATE_NOOP("PublicationsWorkspace", "Last error"))


def _local(text: str | None, zone: tzinfo | None) -> str:
    if not text:
        return ""
    moment = parse_iso(text)
    if zone is None:
        return f"{locale_format.moment(moment.astimezone(UTC), locale_format.DATE_TIME)} UTC"
    return f"{locale_format.moment(moment, locale_format.DATE_TIME, zone)} {moment.astimezone(zone).tzname()}"


class PublicationsWorkspace(Workspace):
    """The "Publishing" page.

    Signals: ``connect_requested()`` when the user asks to connect an account;
    ``reconnect_requested(int account_id)`` when a post failed because its account must be
    connected again (a revoked token);
    ``state_changed(str)`` (from :class:`Workspace`) with "N posts waiting" for the status bar.
    """

    connect_requested = Signal()
    reconnect_requested = Signal(int)
    key = "publishing"
    title = "Publishing"
    icon_name = "publishing.svg"

    def __init__(self, context: AppContext, service: PublishingService | None = None, zone: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from studio.library.times import local_zone

        self.context = context
        self.service = service
        self.zone = zone or local_zone()
        self.queue = Queue(context.library)
        self.items: list[Publication] = []
        self.loading = False
        self._again = False

        self.filter = QComboBox()
        for label, _states in FILTERS:
            self.filter.addItem(self.tr(label))
        self.filter.setAccessibleName(self.tr("Show"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 220)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.cancel_button = QPushButton(self.tr("Cancel post"))
        self.mark_button = QPushButton(self.tr("Mark as published"))
        self.reconnect_button = QPushButton(self.tr("Reconnect account…"))
        self.reconnect_button.setToolTip(self.tr("Enter a new token or app password for this post's account"))
        self.publish_button = QPushButton(self.tr("Publish due posts now"))
        self.connect_button = QPushButton(self.tr("Connect account…"))
        self.tokens = QLabel()  # tokens that expire within a week (see studio.publishing.tokens)
        self.tokens.setObjectName("tokenWarnings")
        self.tokens.setWordWrap(True)
        self.tokens.setVisible(False)
        self.tokens.setStyleSheet("font-weight: bold;")
        self.tokens.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.always_on = QLabel(
            self.tr("Posts go out while Studio runs. With the laptop closed: let Mastodon publish (Connect account → "
                    "“Let the server publish”), run <code>studio scheduler</code> on an always-on machine, or hand off "
                    "to your Postiz server (see the README)."))
        self.always_on.setObjectName("alwaysOnHint")
        self.always_on.setWordWrap(True)
        self.empty = QLabel(self.tr(EMPTY))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.publish_button)
        top.addWidget(self.connect_button)
        actions = QHBoxLayout()
        actions.addWidget(self.retry_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.mark_button)
        actions.addStretch(1)
        actions.addWidget(self.reconnect_button)
        queue_page = QWidget()
        layout = QVBoxLayout(queue_page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tokens)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(self.always_on)
        self.accounts = AccountsPanel(context, self.zone)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(queue_page, self.tr("Queue"))
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        QVBoxLayout(self).addWidget(self.tabs)
        self.accounts.reconnect_requested.connect(self.reconnect_requested)
        self.accounts.connect_requested.connect(self.connect_requested)

        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(200)
        self.reload_timer.timeout.connect(self.reload)
        self.library_signals = LibrarySignals(context.library, self)
        self.library_signals.changed.connect(self._library_changed)
        self.filter.currentIndexChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retry_button.clicked.connect(lambda: self._act("retry"))
        self.cancel_button.clicked.connect(lambda: self._act("cancel"))
        self.mark_button.clicked.connect(lambda: self._act("mark_published"))
        self.connect_button.clicked.connect(self.connect_requested)
        self.reconnect_button.clicked.connect(self._reconnect)
        if service is not None:
            self.publish_button.clicked.connect(service.run_now)
            service.state_changed.connect(self.state_changed)
            service.finished.connect(lambda report: self.reload())
            service.tokens_expiring.connect(self.show_token_warnings)
        else:
            self.publish_button.setVisible(False)
        self._selection_changed()
        self.reload()
        self.accounts.reload()

    def show_token_warnings(self, warnings: list[str]) -> None:
        self.tokens.setText("⚠ " + "\n⚠ ".join(warnings) if warnings else "")
        self.tokens.setVisible(bool(warnings))

    # ---- loading -------------------------------------------------------------------------------

    def activated(self) -> None:
        self.reload()
        self.accounts.reload()

    def _library_changed(self, kind: str, _id: int | None) -> None:
        if kind in ("publication", "schedule", "draft", "account", "library"):
            self.reload_timer.start()
        if kind in ("account", "client", "library"):
            self.accounts.reload()

    def states(self) -> tuple[str, ...]:
        return FILTERS[self.filter.currentIndex()][1]

    def reload(self) -> None:
        if self.loading:
            self._again = True
            return
        self.loading = True
        self.context.tasks.run(_list, self.queue, self.states(), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, found: tuple[list[Publication], int]) -> None:
        self.loading = False
        selected = self.selected()
        items, total = found
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            values = (
                _local(item.scheduled_at, self.zone),
                f"{item.network.capitalize()} {item.handle}".strip(),
                item.excerpt,
                self.tr(STATE_WORDS.get(item.state, item.state)),
                number(item.attempts),
                _local(item.next_attempt_at, self.zone) if item.state == "failed-retry" else "",
                item.last_error or "",
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value if column in (2, 6) else "")
                if column == 3 and item.state == "failed-permanent":
                    cell.setForeground(error_colour())
                elif column == 3 and item.state in STATE_COLOURS:
                    cell.setForeground(QColor(STATE_COLOURS[item.state]))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        if total:
            self.empty.setText(self.tr("No posts in “%1”. %2 in “All”.").replace("%1", self.filter.currentText())
                               .replace("%2", number(total)))
        else:
            self.empty.setText(self.tr(EMPTY))
        self.empty.setVisible(not items)
        self.table.setVisible(bool(items))
        if selected is not None:
            for row, item in enumerate(items):
                if item.id == selected.id:
                    self.table.selectRow(row)
        self._selection_changed()
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        text = in_words(error, type(error).__name__)
        self.detail.setText(text)
        self.context.messages.error(text)

    # ---- selection and actions -----------------------------------------------------------------

    def selected(self) -> Publication | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def select(self, publication_id: int) -> None:
        for row, item in enumerate(self.items):
            if item.id == publication_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        item = self.selected()
        state = item.state if item else ""
        self.retry_button.setEnabled(state in RETRYABLE)
        self.retry_button.setText({"uncertain": self.tr("Not posted: send again"),
                                   "scheduled": self.tr("Send now")}.get(state, self.tr("Retry")))
        self.cancel_button.setEnabled(state in CANCELLABLE)
        self.mark_button.setEnabled(state in MARKABLE)
        self.reconnect_button.setEnabled(item is not None and item.account_id is not None)
        if item is None:
            self.detail.setText("")
            return
        lines = [f"{self.tr(STATE_WORDS.get(item.state, item.state))} · "
                 + counted(item.attempts, self.tr("1 attempt"), self.tr("%1 attempts"))]
        if item.remote_url:
            lines.append(f"<a href='{item.remote_url}'>{item.remote_url}</a>")
        if item.last_error:
            lines.append(item.last_error)
        self.detail.setText("<br>".join(lines))
        self.detail.setOpenExternalLinks(True)

    def _reconnect(self) -> None:
        item = self.selected()
        if item is not None and item.account_id is not None:
            self.reconnect_requested.emit(item.account_id)

    def _act(self, action: str) -> None:
        item = self.selected()
        if item is None:
            return
        method = getattr(self.queue, action)
        self.context.tasks.run(method, item.id, on_done=lambda _result: self._acted(action), on_error=self._failed,
                               pool="writes")

    def _acted(self, action: str) -> None:
        if action == "retry" and self.service is not None:
            self.service.run_now()
        self.reload()


def _list(queue: Queue, states: tuple[str, ...]) -> tuple[list[Publication], int]:
    """On a pool thread: the view's posts, those that need attention first, then by time; and how
    many posts there are in all (an empty view says where the others are)."""
    items = queue.list(states)
    items.sort(key=lambda item: (item.state not in ATTENTION, item.scheduled_at, item.id))
    if items or not states:
        return items, 0
    return items, int(queue.library.query("SELECT count(*) FROM publications")[0][0])
