"""The Analytics page: a client's numbers for a period, charts, top posts, and the ways numbers get
in (fetched from the networks, imported from an insights export, entered by hand) and out (the
client report).

Everything is read and written off the UI thread (``context.tasks``); the page redraws when the
library says metrics changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.analytics.charts import DARK, LIGHT, er_chart, followers_chart, heatmap_chart
from studio.analytics.formulas import DENOMINATORS, LABELS
from studio.analytics.readers import NO_POST_COUNTS
from studio.analytics.summary import Summary, follower_series, summarize
from studio.errors import in_words
from studio.library.times import local_zone
from studio.text.networks import title_of
from studio.ui import locale_format
from studio.ui.analytics.chart_view import ChartView
from studio.ui.context import AppContext
from studio.ui.library.signals import LibrarySignals
from studio.ui.translation import QT_TRANSLATE_NOOP, analytics_label
from studio.ui.workspace import Workspace

PERIODS = (QT_TRANSLATE_NOOP("AnalyticsWorkspace", "This month"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Last month"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Last 30 days"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Last 90 days"))
COLUMNS = (QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Published"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Network"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Post"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "Engagements"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "ER · followers"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "ER · reach"),
           QT_TRANSLATE_NOOP("AnalyticsWorkspace", "ER · impressions"))
EMPTY = QT_TRANSLATE_NOOP("AnalyticsWorkspace",
                          "No numbers yet for this client in this period. Studio measures published Mastodon and "
                          "Bluesky posts by itself, 1 hour, 24 hours, 7 days and 30 days after they go out; for "
                          "other networks, import their insights export or enter the numbers by hand.")


def period_range(choice: str, today: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of a period choice, as instants in ``zone``."""
    first = today.replace(day=1)
    if choice == "Last month":
        end_day = first
        start_day = (first - timedelta(days=1)).replace(day=1)
    elif choice == "This month":
        start_day = first
        end_day = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    else:
        end_day = today + timedelta(days=1)
        start_day = end_day - timedelta(days=90 if "90" in choice else 30)
    return (datetime(start_day.year, start_day.month, start_day.day, tzinfo=zone),
            datetime(end_day.year, end_day.month, end_day.day, tzinfo=zone))


@dataclass
class PageData:
    """What the page shows, read on a worker thread."""

    summary: Summary
    previous: Summary
    followers: list[tuple[date, int]]
    networks: list[str]
    tags: list[str]
    telegram: bool


def load(library: Any, client_id: int, start: datetime, end: datetime, zone: tzinfo,
         network: str | None, tag: str | None) -> PageData:
    networks = [network] if network else None
    summary = summarize(library, client_id, start, end, zone, networks=networks, tag=tag)
    previous = summarize(library, client_id, start - (end - start), start, zone, networks=networks, tag=tag)
    accounts = library.list_accounts(client_id, include_archived=True)
    seen = sorted({a.network for a in accounts} | {p.network for p in summary.posts})
    tags = sorted({t for p in summary.posts for t in p.tags})
    return PageData(summary, previous, follower_series(library, client_id, start, end), seen, tags,
                    any(a.network == "telegram" for a in accounts))


class Tile(QFrame):
    """A number with its name and how it moved since the previous period."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.name = QLabel(name)
        self.name.setWordWrap(True)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel("")
        self.change.setWordWrap(True)
        for label in (self.name, self.value, self.change):
            layout.addWidget(label)

    def show_value(self, value: str, change: str = "", tooltip: str = "") -> None:
        self.value.setText(value)
        self.change.setText(change)
        self.setToolTip(tooltip)


class AnalyticsWorkspace(Workspace):
    """The "Analytics" page. Signals: those of :class:`Workspace`."""

    key = "analytics"
    title = "Analytics"
    icon_name = "analytics.svg"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.client_id: int | None = None
        self.data: PageData | None = None
        self._generation = 0
        self._signals = LibrarySignals(context.library, self)
        self._signals.changed.connect(self._library_changed)
        self._build()

    # ---- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.period = QComboBox()
        for period in PERIODS:
            self.period.addItem(self.tr(period), period)
        self.period.setToolTip(self.tr("The period shown"))
        self.network = QComboBox()
        self.network.addItem(self.tr("All networks"), None)
        self.tag = QComboBox()
        self.tag.addItem(self.tr("All tags"), None)
        self.fetch_button = QPushButton(self.tr("Fetch now"))
        self.fetch_button.setToolTip(self.tr("Read the numbers that are due from Mastodon, Bluesky and Telegram now"))
        self.import_button = QPushButton(self.tr("Import insights…"))
        self.import_button.setToolTip(self.tr("Import the CSV that Instagram, Facebook, TikTok, LinkedIn, X or YouTube export"))
        self.enter_button = QPushButton(self.tr("Enter numbers…"))
        self.enter_button.setToolTip(self.tr("Enter the numbers of the selected post by hand"))
        self.report_button = QPushButton(self.tr("Client report…"))
        self.links_button = QPushButton(self.tr("Links…"))
        self.links_button.setToolTip(self.tr("UTM parameters on this client's links when posts go out"))
        for widget in (self.period, self.network, self.tag):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.fetch_button, self.import_button, self.enter_button, self.links_button,
                       self.report_button):
            bar.addWidget(button)
        outer.addLayout(bar)

        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.notice = QLabel("")
        self.notice.setWordWrap(True)
        self.body.addWidget(self.notice)
        tiles = QGridLayout()
        self.posts_tile = Tile(self.tr("Posts measured"))
        self.engagements_tile = Tile(self.tr("Engagements"))
        self.er_tile = Tile(self.tr("Average ER by followers"))
        self.followers_tile = Tile(self.tr("Followers"))
        for column, tile in enumerate((self.posts_tile, self.engagements_tile, self.er_tile, self.followers_tile)):
            tiles.addWidget(tile, 0, column)
        self.body.addLayout(tiles)
        self.er_chart = self._chart(self.tr("Engagement rate by followers, per post"), analytics_label(LABELS["followers"]), 200)
        self.followers_chart = self._chart(self.tr("Followers"), self.tr("The client's accounts added up, per day"), 150)
        self.heatmap = self._chart(self.tr("When the audience engaged"),
                                   self.tr("Average engagements of the posts that went out in each hour of each weekday"),
                                   190)
        self.body.addWidget(QLabel(self.tr("<b>Posts</b> (best first; “unknown” where the network does not give the "
                                           "denominator: hover for why)")))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, name in enumerate(DENOMINATORS, start=4):
            heading = self.table.horizontalHeaderItem(column)
            if heading is not None:
                heading.setToolTip(analytics_label(LABELS[name]))
        self.table.setMinimumHeight(220)
        self.body.addWidget(self.table)
        self.definitions = QLabel("<br>".join(analytics_label(label) for label in LABELS.values()) + "<br>"
                                  + self.tr("Engagements = likes + reposts + replies + quotes + comments + shares + "
                                            "saves + link clicks. ROI = (revenue − cost) ÷ cost."))
        self.definitions.setWordWrap(True)
        self.definitions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.definitions)
        self.body.addStretch(1)
        self.scroller.setWidget(body)
        outer.addWidget(self.scroller, 1)

        self.period.currentIndexChanged.connect(self.reload)
        self.network.currentIndexChanged.connect(self.reload)
        self.tag.currentIndexChanged.connect(self.reload)
        self.fetch_button.clicked.connect(self.fetch_now)
        self.import_button.clicked.connect(self.import_insights)
        self.enter_button.clicked.connect(self.enter_numbers)
        self.report_button.clicked.connect(self.write_report)
        self.links_button.clicked.connect(self.edit_links)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._set_enabled()

    def _chart(self, title: str, caption: str, height: int) -> ChartView:
        heading = QLabel(f"<b>{title}</b>")
        heading.setToolTip(caption)
        self.body.addWidget(heading)
        note = QLabel(caption)
        note.setWordWrap(True)
        note.setEnabled(False)
        self.body.addWidget(note)
        chart = ChartView(height, self.context.tasks)
        self.body.addWidget(chart)
        return chart

    # ---- Workspace hooks ---------------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.reload()

    def activated(self) -> None:
        self.reload()

    # ---- loading -----------------------------------------------------------------------------

    def _range(self) -> tuple[datetime, datetime, tzinfo]:
        zone = local_zone()
        start, end = period_range(str(self.period.currentData()), datetime.now(zone).date(), zone)
        return start, end, zone

    def reload(self) -> None:
        self._set_enabled()
        if self.client_id is None:
            self.data = None
            self.notice.setText(self.tr("Choose a client in the switcher at the top to see its numbers."))
            self._show_empty()
            return
        start, end, zone = self._range()
        self._generation += 1
        generation = self._generation
        self.context.tasks.run(
            load, self.context.library, self.client_id, start, end, zone,
            self.network.currentData(), self.tag.currentData(),
            on_done=lambda data: self._loaded(generation, data),
            on_error=lambda error: self.context.messages.error(in_words(error, self.tr("Analytics"))),
        )

    def _loaded(self, generation: int, data: PageData) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.data = data
        self._fill_filters(data)
        summary = data.summary
        notes = [] if summary.posts else [self.tr(EMPTY)]
        if data.telegram:
            notes.append(analytics_label(NO_POST_COUNTS["telegram"]))
        self.notice.setText("\n\n".join(notes))
        self._fill_tiles(data)
        colour = self._accent()
        colours = self._colours()
        posts, followers = summary.posts, data.followers
        # Drawn on a pool thread at each view's size (matplotlib loads there, with the first chart).
        words, weekdays = locale_format.chart_words(), locale_format.weekdays()
        self.er_chart.set_chart(lambda w, h, ratio: er_chart(posts, colour, w, h, colours, "png", ratio, words))
        self.followers_chart.set_chart(lambda w, h, ratio: followers_chart(followers, colour, w, h, colours, "png",
                                                                           ratio, words))
        self.heatmap.set_chart(lambda w, h, ratio: heatmap_chart(summary, colour, weekdays, w, h, colours, "png", ratio))
        self._fill_table(summary)
        self._set_enabled()

    def _show_empty(self) -> None:
        for tile in (self.posts_tile, self.engagements_tile, self.er_tile, self.followers_tile):
            tile.show_value("—")
        self.table.setRowCount(0)

    def _fill_filters(self, data: PageData) -> None:
        for box, names, everything in ((self.network, data.networks, self.tr("All networks")),
                                       (self.tag, data.tags, self.tr("All tags"))):
            current = box.currentData()
            wanted = [None, *names] if current is None or current in names else [None, current, *names]
            if [box.itemData(i) for i in range(box.count())] == wanted:
                continue
            box.blockSignals(True)
            box.clear()
            for name in wanted:
                box.addItem(everything if name is None else str(name) if box is self.tag else title_of(str(name)), name)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def _fill_tiles(self, data: PageData) -> None:
        now, before = data.summary.totals(), data.previous.totals()
        self.posts_tile.show_value(_number(now["posts"]), _moved(now["posts"], before["posts"]))
        self.engagements_tile.show_value(_number(now["engagements"]), _moved(now["engagements"], before["engagements"]))
        self.er_tile.show_value(_percent(now["er_followers"]), _moved(now["er_followers"], before["er_followers"], percent=True),
                                analytics_label(LABELS["followers"]))
        if data.followers:
            first, last = data.followers[0][1], data.followers[-1][1]
            self.followers_tile.show_value(_number(last), self.tr("%1 in this period").replace(
                "%1", ("+" if last >= first else "-") + _number(abs(last - first))))
        else:
            self.followers_tile.show_value("—", self.tr("not counted yet"))

    def _fill_table(self, summary: Summary) -> None:
        ranked = summary.ranked() + [p for p in summary.posts if p.engagements is None]
        self.table.setRowCount(len(ranked))
        zone = summary.start.tzinfo
        for row, post in enumerate(ranked):
            when = locale_format.moment(post.published_at, locale_format.SHORT_DATE_TIME, zone) if post.published_at else ""
            cells = [when, post.network, post.excerpt, _number(post.engagements)]
            cells += [_percent(post.rates[d].value) if post.rates[d].value is not None else self.tr("unknown")
                      for d in DENOMINATORS]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 4:
                    rate = post.rates[DENOMINATORS[column - 4]]
                    item.setToolTip(_reason(rate) or f"{_number(rate.engagements)} ÷ {_number(rate.base)}")
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (post.draft_id, post.network))
                self.table.setItem(row, column, item)

    def selected_post(self) -> tuple[int, str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return (int(found[0]), str(found[1])) if found else None

    def _selection_changed(self) -> None:
        self._set_enabled()

    def _set_enabled(self) -> None:
        has_client = self.client_id is not None
        for button in (self.import_button, self.report_button, self.fetch_button, self.links_button):
            button.setEnabled(has_client)
        self.enter_button.setEnabled(has_client and self.selected_post() is not None)

    def _library_changed(self, kind: str, _id: object) -> None:
        if kind in ("metrics", "library", "account") and self.isVisible():
            self.reload()

    def _accent(self) -> str:
        if self.client_id is None:
            return "#4f7cff"
        try:
            return str(self.context.library.get_client(self.client_id).colour)
        except Exception:
            return "#4f7cff"

    def _colours(self) -> Any:
        return DARK if self.palette().color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT

    # ---- actions (dialogs in studio.ui.analytics.dialogs) ------------------------------------

    def fetch_now(self) -> None:
        from studio.analytics.fetch import fetch_due

        self.fetch_button.setEnabled(False)
        self.state_changed.emit(self.tr("Fetching numbers…"))

        def done(report: Any) -> None:
            self.fetch_button.setEnabled(self.client_id is not None)
            self.state_changed.emit(self.tr("Fetched %1 posts' numbers and %2 follower counts").replace(
                "%1", _number(report.snapshots)).replace("%2", _number(report.followers)))
            for problem in report.problems.values():
                self.context.messages.warning(problem)
            self.reload()

        def failed(error: BaseException) -> None:
            self.fetch_button.setEnabled(self.client_id is not None)
            self.state_changed.emit("")
            self.context.messages.error(in_words(error, self.tr("Fetching numbers")))

        # The general pool: a slow network must not hold up the saves queued on the writes pool.
        self.context.tasks.run(fetch_due, self.context.library, on_done=done, on_error=failed)

    def import_insights(self) -> None:
        from studio.ui.analytics.dialogs import import_insights

        if self.client_id is not None:
            import_insights(self, self.context, self.client_id)

    def enter_numbers(self) -> None:
        from studio.ui.analytics.dialogs import NumbersDialog

        chosen = self.selected_post()
        if chosen is not None:
            NumbersDialog(self.context, chosen[0], chosen[1], self).open()

    def edit_links(self) -> None:
        from studio.ui.analytics.dialogs import LinksDialog

        if self.client_id is not None:
            self.links_dialog = LinksDialog(self.context, self.client_id, self)
            self.links_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.links_dialog.open()

    def write_report(self) -> None:
        from studio.ui.analytics.dialogs import write_report

        if self.client_id is not None:
            start, end, zone = self._range()
            write_report(self, self.context, self.client_id, start, end, zone)


def _reason(rate: Any) -> str:
    """Why a rate is unknown (``studio.analytics.formulas.engagement_rate``'s reasons), in the
    interface's language."""
    if not rate.reason:
        return ""
    if rate.engagements is None:
        return QCoreApplication.translate("AnalyticsWorkspace", "the network gave no interaction counts")
    what = {"followers": QCoreApplication.translate("AnalyticsWorkspace", "followers"),
            "reach": QCoreApplication.translate("AnalyticsWorkspace", "reach"),
            "impressions": QCoreApplication.translate("AnalyticsWorkspace", "impressions")}.get(rate.denominator,
                                                                                              rate.denominator)
    if rate.base is None:
        return QCoreApplication.translate("AnalyticsWorkspace", "the network does not report %1").replace("%1", what)
    return QCoreApplication.translate("AnalyticsWorkspace", "%1 is 0").replace("%1", what)


def _number(value: int | None) -> str:
    return "—" if value is None else locale_format.number(value)


def _percent(value: float | None) -> str:
    return QCoreApplication.translate("AnalyticsWorkspace", "unknown") if value is None else f"{locale_format.number(value * 100, 2)} %"


def _moved(now: float | int | None, before: float | int | None, percent: bool = False) -> str:
    if now is None or before is None:
        return QCoreApplication.translate("AnalyticsWorkspace", "no earlier numbers")
    delta = now - before
    if not delta:
        return QCoreApplication.translate("AnalyticsWorkspace", "same as the period before")
    amount = (QCoreApplication.translate("AnalyticsWorkspace", "%1 points").replace("%1", locale_format.number(abs(delta) * 100, 2))
              if percent else locale_format.number(abs(delta)))
    return f"{'▲' if delta > 0 else '▼'} " + QCoreApplication.translate("AnalyticsWorkspace", "%1 since the period before").replace("%1", amount)
