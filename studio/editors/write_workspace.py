"""The Write workspace: the post editor with its counters, issues, variants, threads and previews,
over the draft library.

Typing goes to the text rules at once (counters, brand rules: a few milliseconds on the UI thread,
coalesced over a burst of keys) and to the grammar engine once typing pauses (off the UI thread,
answers tagged with the text's revision). The base text is saved by the library's
:class:`~studio.ui.autosave.Autosaver`; network versions, threads and the target networks by
:class:`~studio.editors.post.saving.VariantSaver`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.editors.post.checking import GrammarRunner
from studio.editors.post.counters import CountersBar
from studio.editors.post.editor import PostEditor
from studio.editors.post.emoji_picker import EmojiPicker
from studio.editors.post.issues_panel import IssuePanel
from studio.editors.post.previews import PostLook, PreviewsPanel
from studio.editors.post.saving import VariantSaver
from studio.editors.post.snippets import snippets_menu
from studio.editors.post.thread_editor import ThreadEditor
from studio.editors.post.variants import BASE, VariantBar
from studio.errors import StudioError, in_words
from studio.model import Client, Draft, grammar_language
from studio.text import count, network, networks, server_limits, split_thread, warm_up
from studio.text.threads import join_thread as join_parts
from studio.ui.autosave import Autosaver
from studio.ui.context import AppContext
from studio.ui.workspace import Workspace

if TYPE_CHECKING:
    from studio.ui.grammar import GrammarEngine

log = logging.getLogger(__name__)

EMPTY_HINT = "Press Ctrl+N for a new post, or open one from the Library."


@dataclass
class Opened:
    """What the workspace loaded for a draft (read on a worker thread, plain data)."""

    draft: Draft
    client: Client
    handles: dict[str, str] = field(default_factory=dict)  # network -> @handle of the client's account
    limits: dict[str, int] = field(default_factory=dict)  # network -> server limit (Mastodon)
    images: tuple[Path, ...] = ()


def load_draft(library: Any, draft_id: int) -> Opened:
    """Everything the Write workspace shows of ``draft_id`` (runs on a worker thread)."""
    draft = library.get_draft(draft_id)
    client = library.get_client(draft.client_id)
    accounts = library.list_accounts(client.id)
    handles: dict[str, str] = {}
    for account in accounts:
        handles.setdefault(account.network, account.handle)
    images = tuple(library.asset_path(asset.sha) for asset in draft.assets)
    return Opened(draft, client, handles, server_limits(accounts), images)


class WriteWorkspace(Workspace):
    """The page where posts are written. The main window calls :meth:`set_client`,
    :meth:`open_draft`, :meth:`save_now` and :meth:`activated`.

    ``grammar`` is the app's ``studio.ui.grammar.GrammarEngine`` (or ``context.grammar`` when the
    context has one). Without one, the editor checks text rules and brand rules only.

    Signals: ``state_changed(str)`` (inherited) with a line for the status bar.
    """

    key = "write"
    title = "Write"
    icon_name = "write.svg"

    def __init__(self, context: AppContext, *, grammar: GrammarEngine | None = None, parent: QWidget | None = None,
                 warm: bool = True) -> None:
        super().__init__(parent)
        self.context = context
        self.client_id: int | None = None
        self.opened: Opened | None = None
        self.base_text = ""
        self.versions: dict[str, str] = {}
        self.threads: dict[str, list[str]] = {}
        self.targets: list[str] = []
        self.current = BASE
        self._loading = False
        self._waiting: Opened | None = None
        self._thread_request = 0
        self._thread_checks: dict[int, list[tuple[PostEditor, int, str, int]]] = {}
        self.ready = False  # the URL rules are loaded (see studio.text.entities.warm_up)
        self._quick = self._timer(60, self._refresh_counts)
        self._panel_timer = self._timer(120, self._refresh_panel)
        self._preview_timer = self._timer(300, self._refresh_previews)
        self._build()
        engine = grammar if grammar is not None else context.grammar
        self.runner = GrammarRunner(context.settings, engine, self)
        self.runner.ready.connect(self._grammar_ready)
        self.runner.failed.connect(self._grammar_failed)
        self.runner.busy.connect(self._grammar_busy)
        context.settings_signals.changed.connect(self._setting_changed)
        self.autosaver = Autosaver(context.library, context.tasks, parent=self)
        self.autosaver.failed.connect(context.messages.warning)
        self.autosaver.pending_changed.connect(
            lambda pending: self.state_changed.emit("Saving…" if pending else "Saved"))
        self.saver = VariantSaver(context.library, context.tasks, self)
        self.saver.failed.connect(context.messages.warning)
        self._show_empty()
        self._warming = False
        if warm:
            self.start_warm_up()

    def start_warm_up(self) -> None:
        """Load the link rules on a worker (once). The app calls this after its first paint: the
        import holds the interpreter for a few hundred milliseconds, which start-up should not wait for."""
        if self._warming:
            return
        self._warming = True
        self.context.tasks.run(warm_up, on_done=self._warmed, on_error=self._warm_failed)

    # -- building -----------------------------------------------------------------------------

    def _timer(self, msecs: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(msecs)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("writeHeading")
        header.addWidget(self.heading, 1)
        self.networks_button = QToolButton(self)
        self.networks_button.setText("Networks")
        self.networks_button.setObjectName("networksButton")
        self.networks_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.networks_menu = QMenu(self.networks_button)
        self.network_actions: dict[str, QAction] = {}
        for network_id, title in networks():
            action = self.networks_menu.addAction(title)
            action.setCheckable(True)
            action.toggled.connect(lambda on, n=network_id: self.set_target(n, on))
            self.network_actions[network_id] = action
        self.networks_button.setMenu(self.networks_menu)
        header.addWidget(self.networks_button)
        self.new_button = QToolButton(self)
        self.new_button.setText("New post")
        self.new_button.setToolTip("New post for the current client (Ctrl+N)")
        self.new_button.clicked.connect(self.new_draft)
        header.addWidget(self.new_button)
        layout.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.variant_bar = VariantBar(left)
        column.addWidget(self.variant_bar)
        self.stack = QStackedWidget(left)
        self.editor = PostEditor(self.stack)
        self.thread_editor = ThreadEditor(self.stack)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.thread_editor)
        column.addWidget(self.stack, 1)
        self.counters = CountersBar(left)
        column.addWidget(self.counters)
        self.side = QTabWidget(splitter)
        self.issues = IssuePanel(self.side)
        self.previews = PreviewsPanel(self.side)
        self.side.addTab(self.issues, "Issues")
        self.side.addTab(self.previews, "Preview")
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.editor.edited.connect(self._edited)
        self.editor.marks_changed.connect(self._panel_timer.start)
        self.editor.rule_ignored.connect(self._rule_ignored)
        self.editor.rule_ignored_for_client.connect(self._rule_ignored_for_client)
        self.editor.word_added.connect(self._word_added)
        self.editor.emoji_requested.connect(self.show_emoji_picker)
        self.editor.snippets_requested.connect(self.show_snippets)
        self.issues.jump_requested.connect(self.editor.go_to)
        self.counters.chosen.connect(lambda _n: self._mark_over())
        self.variant_bar.selected.connect(self._show_network)
        self.variant_bar.make_variant.connect(self.make_version)
        self.variant_bar.drop_variant.connect(self.drop_version)
        self.variant_bar.split_requested.connect(self.split)
        self.thread_editor.parts_changed.connect(self._parts_changed)
        self.thread_editor.part_edited.connect(self._request_check)
        self.thread_editor.word_added.connect(self._word_added)
        self.thread_editor.rule_ignored.connect(self._rule_ignored)
        self.thread_editor.rule_ignored_for_client.connect(self._rule_ignored_for_client)
        self.thread_editor.join_requested.connect(self.join_thread)
        self.thread_editor.resplit_requested.connect(self.split)
        self.thread_editor.marks_changed.connect(self._panel_timer.start)
        self.issues.part_jump_requested.connect(self.thread_editor.go_to)
        self.issues.show_ignored_requested.connect(self.show_ignored)
        self.side.currentChanged.connect(lambda _i: self._preview_timer.start())
        shortcut = QShortcut(QKeySequence.StandardKey.New, self,
                             context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_draft)

    # -- the main window's hooks --------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        """New posts go to ``client_id``; an open draft stays open."""
        self.client_id = client_id

    def activated(self) -> None:
        """Back on this page: the client's rules, dictionary and snippets may have been edited in
        the Library meanwhile, so read them again (off the UI thread)."""
        self.editor.setFocus()
        if self.opened is not None:
            self.context.tasks.run(self.context.library.get_client, self.opened.client.id,
                                   on_done=self._client_updated, on_error=lambda _error: None)

    def _client_updated(self, client: Client) -> None:
        if self.opened is None or self.opened.client.id != client.id:
            return
        previous, self.opened.client = self.opened.client, client
        self.editor.brand_rules = client.brand_rules
        self.thread_editor.brand_rules = client.brand_rules
        self.editor.dictionary.update(client.dictionary)
        # Rules the client no longer ignores (edited in the client manager) are checked again.
        rules = self.editor.disabled_rules
        dropped = set(previous.ignored_rules) - set(client.ignored_rules) - set(self.opened.draft.ignored_rules)
        rules.difference_update(dropped)
        rules.update(client.ignored_rules)
        self.editor.snippets = client.snippets
        self.editor.refresh_brand()
        for part in self.thread_editor.editors:
            part.brand_rules = client.brand_rules
            part.refresh_brand()  # and hides the rules the client ignores now
        if dropped:
            self._request_check(now=True)

    def save_now(self) -> None:
        """Write the text, versions and threads now."""
        self.thread_editor.flush()
        self.autosaver.flush_now()
        self.saver.flush()

    def open_draft(self, draft_id: int) -> None:
        """Show ``draft_id`` (loaded off the UI thread)."""
        self.save_now()
        self.context.tasks.run(load_draft, self.context.library, draft_id,
                               on_done=self._show_opened, on_error=self._open_failed)

    def new_draft(self) -> None:
        """A new empty post for the current client (the first client, or a new "My brand")."""
        library, wanted = self.context.library, self.client_id

        def create() -> Opened:
            client_id = wanted
            if client_id is None:
                clients = library.list_clients()
                client_id = clients[0].id if clients else library.add_client("My brand").id
            draft = library.create_draft(client_id)
            return load_draft(library, draft.id)

        self.save_now()
        self.context.tasks.run(create, pool="writes", on_done=self._show_opened, on_error=self._open_failed)

    # -- showing a draft ----------------------------------------------------------------------

    def _show_empty(self) -> None:
        self.editor.setReadOnly(True)
        self.editor.setPlaceholderText(EMPTY_HINT)
        self.heading.setText("No post open")
        self.variant_bar.setEnabled(False)
        self.networks_button.setEnabled(False)

    def _show_opened(self, opened: Opened) -> None:
        if not self.ready:
            # The link rules are still loading on a worker (a fraction of a second after start):
            # show the draft when they are there rather than load them here, on the UI thread.
            self._waiting = opened
            self.heading.setText("Opening…")
            return
        self.runner.cancel()
        self.opened = opened
        draft, client = opened.draft, opened.client
        self.autosaver.track(draft.id)
        self.saver.track(draft.id)
        self.base_text = draft.text
        self.versions = {n: v.text for n, v in draft.variants.items() if v.text is not None}
        self.threads = {n: list(v.parts) for n, v in draft.variants.items() if v.parts}
        known = {n for n, _ in networks()}
        self.targets = [n for n in (*draft.networks, *self.versions, *self.threads) if n in known]
        self.targets = list(dict.fromkeys(self.targets))
        self.counters.limits = dict(opened.limits)
        self.editor.brand_rules = client.brand_rules
        self.thread_editor.brand_rules = client.brand_rules
        self.editor.dictionary = set(client.dictionary)
        self.thread_editor.dictionary = self.editor.dictionary
        self.editor.disabled_rules = {*client.ignored_rules, *draft.ignored_rules}
        self.thread_editor.disabled_rules = self.editor.disabled_rules
        self.issues.set_ignored(len(draft.ignored_rules))
        self.editor.snippets = client.snippets
        self.editor.setReadOnly(False)
        self.editor.setPlaceholderText("Write your post…")
        self.variant_bar.setEnabled(True)
        self.networks_button.setEnabled(True)
        self.heading.setText(f"<b>{client.name}</b> · post {draft.id} · {draft.status.replace('_', ' ')}")
        for network_id, action in self.network_actions.items():
            action.blockSignals(True)
            action.setChecked(network_id in self.targets)
            action.blockSignals(False)
        self._targets_changed(save=False)
        self.current = BASE
        self.variant_bar.select(BASE)
        self._show_network(BASE)
        self.state_changed.emit(f"Editing post {draft.id} for {client.name}")

    def _open_failed(self, error: BaseException) -> None:
        self.context.messages.error(in_words(error, "Studio could not open the post"))

    def _targets_changed(self, save: bool = True) -> None:
        self.variant_bar.set_networks(self.targets, self.current)
        self.counters.set_networks(self.targets)
        if save:
            self.saver.targets(list(self.targets))
        self._quick.start()
        self._preview_timer.start()

    def set_target(self, network_id: str, on: bool) -> None:
        """Add or remove ``network_id`` from the networks this post is for."""
        if self.opened is None:
            return
        if on and network_id not in self.targets:
            self.targets.append(network_id)
        elif not on and network_id in self.targets:
            self.targets.remove(network_id)
        self._targets_changed()

    def _show_network(self, network_id: str) -> None:
        """Show the text of ``network_id`` (its thread, its own version, or the base text)."""
        self.thread_editor.flush()
        self.current = network_id
        self.variant_bar.describe(network_id, has_variant=network_id in self.versions,
                                  has_thread=network_id in self.threads)
        if network_id in self.threads:
            limit = self.counters.limits.get(network_id)
            self._thread_checks = {}  # answers about the previous part editors have nowhere to go
            self.thread_editor.set_parts(network_id, network(network_id).title, self.threads[network_id], limit)
            self.stack.setCurrentWidget(self.thread_editor)
            self._request_check(now=True)
        else:
            self._loading = True  # the text shown is not an edit of this network's text
            try:
                self.editor.set_text(self.versions.get(network_id, self.base_text))
            finally:
                self._loading = False
            self.stack.setCurrentWidget(self.editor)
            self._request_check(now=True)
        self._quick.start()
        self._panel_timer.start()  # the panel lists what is on screen: the text, or the parts

    def text_for(self, network_id: str) -> str:
        """What ``network_id`` gets: its own version, or the base text (a thread: its parts joined)."""
        if network_id in self.threads:
            return "\n\n".join(self.threads[network_id])
        return self.versions.get(network_id, self.base_text)

    # -- typing -------------------------------------------------------------------------------

    def _edited(self, revision: int) -> None:
        if self.opened is None or self._loading:
            return
        text = self.editor.text()
        if self.current == BASE:
            self.base_text = text
            self.autosaver.text_changed(text)
        elif self.current not in self.threads:
            self.versions[self.current] = text
            self.saver.variant(self.current, text)
        self._quick.start()
        self._preview_timer.start()
        self._request_check()

    def _ask(self, revision: int, text: str, disabled: list[str], now: bool) -> None:
        """Ask the runner to check ``text`` in the post's language, the client's way."""
        if self.opened is None:
            return
        language, prefer, default = grammar_language(self.opened.draft.language, self.opened.client.language)
        self.runner.request(revision, text, language, sorted(self.editor.dictionary), disabled, now=now,
                            prefer=prefer, default_language=default)

    def _request_check(self, now: bool = False) -> None:
        if self.opened is None:
            return
        disabled = sorted(rule for rule in self.editor.disabled_rules if not rule.startswith("BRAND_"))
        if self.stack.currentWidget() is self.thread_editor:
            self._request_thread_check(disabled, now)
            return
        self._ask(self.editor.revision, self.editor.text(), disabled, now)

    def _request_thread_check(self, disabled: list[str], now: bool) -> None:
        """Check a thread's parts as the paragraphs of one text (one request, cached per part);
        the answer is handed back to each part with the revision it had when asked."""
        pieces: list[str] = []
        snapshot: list[tuple[PostEditor, int, str, int]] = []
        offset = 0
        for part in self.thread_editor.editors:
            text = part.text()
            snapshot.append((part, part.revision, text, offset))
            pieces.append(text)
            offset += len(text) + 2
        if not snapshot:
            return
        self._thread_request -= 1  # negative ids: never confused with the main editor's revisions
        self._thread_checks[self._thread_request] = snapshot
        self._ask(self._thread_request, "\n\n".join(pieces), disabled, now)

    def _grammar_ready(self, revision: int, text: str, issues: list[Any]) -> None:
        if revision >= 0:
            self.editor.set_grammar_issues(revision, text, issues)
            return
        snapshot = self._thread_checks.pop(revision, None)
        for older in [key for key in self._thread_checks if key > revision]:
            del self._thread_checks[older]  # answered by a newer check
        for part, part_revision, part_text, offset in snapshot or ():
            end = offset + len(part_text)
            mine = [replace(issue, start=issue.start - offset, end=issue.end - offset)
                    for issue in issues if offset <= issue.start and issue.end <= end]
            part.set_grammar_issues(part_revision, part_text, mine)

    def _grammar_failed(self, message: str) -> None:
        self.state_changed.emit(f"Grammar: {message}")

    def _grammar_busy(self, busy: bool) -> None:
        self.issues.set_checking(busy)

    def _setting_changed(self, key: str, value: object) -> None:
        if key == "grammar.delay_ms" and isinstance(value, int):
            self.runner.set_delay(value)

    def _rule_ignored(self, rule: str) -> None:
        if not rule.startswith("BRAND_"):
            self._request_check(now=True)
        if self.opened is None:
            return
        # Kept with the post: it stays ignored when the post is opened again.
        opened = self.opened
        opened.draft = replace(opened.draft, ignored_rules=tuple(sorted({*opened.draft.ignored_rules, rule})))
        self.issues.set_ignored(len(opened.draft.ignored_rules))
        self.context.tasks.run(self.context.library.ignore_rule_in_draft, opened.draft.id, rule, pool="writes",
                               on_error=self._post_not_saved)

    def show_ignored(self) -> None:
        """Check the post again for what was ignored in it ("ignore once" and its rules); the
        client's ignored rules stay ignored."""
        opened = self.opened
        if opened is None:
            return
        keep = set(opened.client.ignored_rules)
        self.editor.show_ignored(keep)
        for part in self.thread_editor.editors:
            part.show_ignored(keep)
        opened.draft = replace(opened.draft, ignored_rules=())
        self.issues.set_ignored(0)
        self._request_check(now=True)
        self.context.tasks.run(self.context.library.clear_ignored_rules, opened.draft.id, pool="writes",
                               on_error=self._post_not_saved)

    def _post_not_saved(self, error: BaseException) -> None:
        # The post still hides it; only the library missed the change.
        self.context.messages.error(in_words(error, "Studio could not save the ignored rule with the post"))

    def _rule_ignored_for_client(self, rule: str) -> None:
        self._request_check(now=True)
        if self.opened is None:
            return

        def stored(client: Client) -> None:
            if self.opened is not None and self.opened.client.id == client.id:
                self.opened.client = client
            self.state_changed.emit(f"{rule} is ignored in all of {client.name}'s posts "
                                    "(Library → Manage clients to check it again)")

        self.context.tasks.run(self.context.library.ignore_rule, self.opened.client.id, rule, pool="writes",
                               on_done=stored, on_error=self._client_not_saved)

    def _word_added(self, word: str) -> None:
        if self.opened is None:
            return
        client_id = self.opened.client.id

        def stored(client: Client) -> None:
            if self.opened is not None and self.opened.client.id == client.id:
                self.opened.client = client
            self.state_changed.emit(f"“{word}” added to {client.name}'s dictionary")

        self.context.tasks.run(self.context.library.add_to_dictionary, client_id, word, pool="writes",
                               on_done=stored, on_error=self._client_not_saved)

    def _client_not_saved(self, error: BaseException) -> None:
        # The post still hides it; only the client's settings missed the change.
        self.context.messages.error(in_words(error, "Studio could not save this to the client's settings"))

    # -- counters, issues, previews -----------------------------------------------------------

    def _warmed(self, _result: object) -> None:
        self.ready = True
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._show_opened(waiting)
        self._refresh_counts()

    def _warm_failed(self, error: BaseException) -> None:
        log.error("Loading the link rules failed: %s", error)
        self.context.messages.error(in_words(error, "Studio could not load its link rules, counters are off"))

    def _refresh_counts(self) -> None:
        if not self.ready or self.opened is None:
            return
        texts = {}
        for network_id in self.targets:
            if network_id in self.threads:
                texts[network_id] = self._longest_part(network_id)
            else:
                texts[network_id] = self.text_for(network_id)
        self.counters.update_counts(texts)
        self._mark_over()

    def _longest_part(self, network_id: str) -> str:
        """The thread part the counter shows: the longest one, in the network's unit."""
        limit = self.counters.limits.get(network_id)
        parts = self.threads[network_id] or [""]
        lengths = [count(part, network_id, limit=limit).length for part in parts]
        return parts[lengths.index(max(lengths))]

    def _mark_over(self) -> None:
        """Mark in the editor the part over the limit of the chosen (or first failing) network."""
        chosen = self.counters.worst()
        over = None
        if chosen is not None and chosen not in self.threads:
            shows_it = self.current == chosen or (self.current == BASE and chosen not in self.versions)
            if shows_it:
                over = self.counters.counts[chosen].over_from
        self.editor.set_over_from(over)

    def _refresh_panel(self) -> None:
        if self.stack.currentWidget() is self.thread_editor:
            self.issues.set_parts([(part.text(), part.marks()) for part in self.thread_editor.editors])
        else:
            self.issues.set_marks(self.editor.text(), self.editor.marks())

    def _refresh_previews(self) -> None:
        if self.opened is None or self.side.currentWidget() is not self.previews:
            return
        client = self.opened.client
        default_handle = "@" + "".join(ch for ch in client.name.lower() if ch.isalnum())
        looks = []
        for network_id in self.targets:
            parts = self.threads.get(network_id) or [self.text_for(network_id)]
            handle = self.opened.handles.get(network_id, default_handle)
            looks.append(PostLook(network_id, client.name, handle if handle.startswith("@") else "@" + handle,
                                  client.colour, tuple(parts), self.opened.images))
        self.previews.show_looks(looks)

    # -- versions and threads -----------------------------------------------------------------

    def make_version(self) -> None:
        """Give the current network its own text, starting from the base text."""
        network_id = self.current
        if network_id == BASE:
            return
        self.versions[network_id] = self.base_text
        self.saver.variant(network_id, self.base_text)
        self._show_network(network_id)

    def drop_version(self) -> None:
        """The current network uses the base text again (its own version is removed)."""
        network_id = self.current
        if self.versions.pop(network_id, None) is not None:
            self.saver.variant(network_id, None)
        self._show_network(network_id)

    def split(self, numbered: bool) -> None:
        """Split the current network's text into a thread whose parts each fit; a thread already
        there is split again from its parts (without their "i/n" numbers)."""
        self.thread_editor.flush()  # what was just typed in a part is part of what is split
        network_id = self.current
        if network_id == BASE or not network(network_id).thread:
            return
        if network_id in self.threads:
            text = join_parts(self.threads[network_id])
        else:
            text = self.versions.get(network_id, self.base_text)
        try:
            parts = split_thread(text, network_id, numbered, limit=self.counters.limits.get(network_id))
        except StudioError as error:
            self.context.messages.warning(error.for_humans())
            return
        if not parts:
            self.context.messages.info("There is no text to split yet.")
            return
        self.threads[network_id] = parts
        self.saver.thread_parts(network_id, parts)
        self._show_network(network_id)

    def join_thread(self) -> None:
        """Turn the current network's thread back into one text (its own version)."""
        self.thread_editor.flush()
        network_id = self.current
        parts = self.threads.pop(network_id, None)
        if parts is None:
            return
        self.versions[network_id] = join_parts(parts)
        self.saver.variant(network_id, self.versions[network_id])
        self._show_network(network_id)

    def _parts_changed(self, parts: list[str]) -> None:
        network_id = self.thread_editor.network
        if network_id in self.threads:
            self.threads[network_id] = parts
            self.saver.thread_parts(network_id, parts)
            self._quick.start()
            self._preview_timer.start()

    # -- emoji and snippets -------------------------------------------------------------------

    def show_emoji_picker(self) -> EmojiPicker:
        picker = EmojiPicker(self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.chosen.connect(self.editor.insert)
        picker.show()
        picker.search.setFocus()
        return picker

    def show_snippets(self) -> QMenu:
        menu = snippets_menu(self.editor.snippets, self.editor.insert, self)
        rect = self.editor.cursorRect()
        menu.popup(self.editor.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))
        return menu
