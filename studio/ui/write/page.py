"""The Write page: the post editor with its counters, issues, variants, threads and previews.

View code over :class:`studio.drafting.DraftText` (the draft's text: which text each network gets,
threads, targets), saved by one :class:`~studio.ui.write.saver.DraftSaver`. Typing goes to the text
rules at once (counters, brand rules, coalesced over a burst of keys) and to the grammar engine
once typing pauses (off the UI thread, answers tagged with the text's revision).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from studio.drafting import BASE, DraftText, remember_channels
from studio.editors.post.counters import CountersBar
from studio.editors.post.editor import PostEditor
from studio.editors.post.issues_panel import IssuePanel
from studio.editors.post.previews import PreviewsPanel
from studio.editors.post.thread_editor import ThreadEditor
from studio.editors.post.variants import VariantBar
from studio.errors import StudioError, in_words
from studio.model import grammar_language
from studio.text import network, networks
from studio.ui.context import AppContext
from studio.ui.debounce import Debounce
from studio.ui.library.signals import LibrarySignals
from studio.ui.publishing.actions import PublishActions
from studio.ui.team.conflict_notice import ConflictNotice
from studio.ui.translation import QT_TRANSLATE_NOOP, status_label
from studio.ui.workspace import Workspace
from studio.ui.write.checking import GrammarRunner, ThreadChecks
from studio.ui.write.comments import CommentsMixin
from studio.ui.write.header import WriteHeader
from studio.ui.write.opening import Opened, load_draft, remember, start_and_load
from studio.ui.write.panels import PanelsMixin
from studio.ui.write.published import PublishedBar, PublishedMixin
from studio.ui.write.rules import RulesMixin
from studio.ui.write.saver import DraftSaver

if TYPE_CHECKING:
    from studio.model import Issue, Schedule
    from studio.ui.grammar import GrammarEngine

EMPTY_HINT = QT_TRANSLATE_NOOP("WriteWorkspace", "Press Ctrl+N for a new post, or open one from the Library.")


class WriteWorkspace(CommentsMixin, PublishedMixin, RulesMixin, PanelsMixin, Workspace):
    """The page where posts are written. The main window calls :meth:`set_client`,
    :meth:`open_draft`, :meth:`new_draft`, :meth:`save_now` and :meth:`activated`.

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
        self.draft = DraftText()
        self.current = BASE
        self._loading = False
        self._waiting: Opened | None = None
        self._thread_checks = ThreadChecks()
        self.sent: tuple[Schedule, ...] = ()  # the open post's sends (it is not edited without a word)
        self._unlocked: int | None = None
        self.ready = False  # the URL rules are loaded (see studio.text.entities.warm_up)
        self._counts = Debounce(60, self._refresh_counts, parent=self)
        self._panel = Debounce(120, self._refresh_panel, parent=self)
        self._previews = Debounce(300, self._refresh_previews, parent=self)
        self._build()
        self.runner = GrammarRunner(context.settings, grammar if grammar is not None else context.grammar, self)
        self.runner.ready.connect(self._grammar_ready)
        self.runner.failed.connect(lambda message: self.state_changed.emit(self.tr("Grammar: %1").replace("%1", message)))
        self.runner.busy.connect(self.issues.set_checking)
        self._wire_feedback()
        context.settings_signals.changed.connect(self._setting_changed)  # a method: disconnected with the page
        self.saver = DraftSaver(context.library, context.tasks, parent=self)
        self.saver.failed.connect(context.messages.warning)
        self.saver.pending_changed.connect(lambda pending: self.state_changed.emit(self.tr("Saving…") if pending else self.tr("Saved")))
        self._show_empty()
        self._warming = False
        if warm:
            self.start_warm_up()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = WriteHeader(self)
        self.heading, self.network_actions = self.header.heading, self.header.network_actions
        layout.addWidget(self.header)
        self.published_bar = PublishedBar(self)
        self.published_bar.edit_anyway.connect(self.edit_post_anyway)
        self.published_bar.duplicate.connect(self.duplicate_post)
        layout.addWidget(self.published_bar)
        # A team sync kept this member's overlapping words as a revision: said above the text.
        self.conflict_notice = ConflictNotice(self.context.library, self.context.tasks, self)
        self.conflict_notice.compared.connect(self.open_draft)  # a restore there may have changed it
        layout.addWidget(self.conflict_notice)
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
        self.side.addTab(self.issues, self.tr("Issues"))
        self.side.addTab(self.previews, self.tr("Preview"))
        self._build_comments()
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.header.target_toggled.connect(self.set_target)
        self.header.new_requested.connect(self.new_draft)
        for source in (self.editor, self.thread_editor):
            source.marks_changed.connect(self._panel)
            source.rule_ignored.connect(self._rule_ignored)
            source.rule_ignored_for_client.connect(self._rule_ignored_for_client)
            source.word_added.connect(self._word_added)
        self.editor.edited.connect(self._edited)
        self.editor.emoji_requested.connect(self.show_emoji_picker)
        self.editor.snippets_requested.connect(self.show_snippets)
        self.issues.jump_requested.connect(self.editor.go_to)
        self.issues.part_jump_requested.connect(self.thread_editor.go_to)
        self.issues.show_ignored_requested.connect(self.show_ignored)
        self.counters.chosen.connect(lambda _n: self._mark_over())
        self.variant_bar.selected.connect(self._show_network)
        self.variant_bar.make_variant.connect(self.make_variant)
        self.variant_bar.drop_variant.connect(self.drop_variant)
        self.variant_bar.split_requested.connect(self.split)
        self.thread_editor.parts_changed.connect(self._parts_changed)
        self.thread_editor.part_edited.connect(self._request_check)
        self.thread_editor.join_requested.connect(self.join_thread)
        self.thread_editor.resplit_requested.connect(self.split)
        self.side.currentChanged.connect(lambda _i: self._previews())
        # Schedule…, Add to queue, Send now: the Library's actions and shortcuts, for the open post.
        self.publish = PublishActions(self.context, self, self._draft_to_publish)
        for action in self.publish.actions:
            self.header.add_publish_action(action)
        self.publish.scheduled.connect(lambda _ids: self._reload_status())
        # The page listens: the client's words, snippets and rules edited anywhere reach the editor at
        # once, and a fix applied is checked at once (no pause to wait for).
        self._library_signals = LibrarySignals(self.context.library, self)
        self._library_signals.changed.connect(self._library_changed)
        self.editor.fix_applied.connect(lambda _revision: self._request_check(now=True))
        # Ctrl+N is the window's "New draft" action (one shortcut, one action, on every page).

    # -- grammar feedback (helper s4w2's block: the language is in studio.ui.write.language) --

    def _wire_feedback(self) -> None:
        """The language control beside the counters, kept with the draft; a fix applied from a
        card or the menu (a deliberate change) is checked at once, not after a pause."""
        from studio.ui.write.language import PostLanguage

        self.language = PostLanguage(self, self)
        self.editor.fix_applied.connect(lambda _revision: self._request_check(now=True))
        self.thread_editor.fix_applied.connect(lambda: self._request_check(now=True))

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

    def save_now(self) -> None:
        """Write the text, variants, threads and targets now (switch, close, quit)."""
        self.saver.flush_now()

    def unsaved(self) -> bool:
        return self.saver.pending

    def open_draft(self, draft_id: int) -> None:
        """Show ``draft_id`` (loaded off the UI thread)."""
        self.saver.flush()  # read on the writes pool, after what was pending, so it reads it back
        self.context.tasks.run(load_draft, self.context.library, draft_id, pool="writes",
                               on_done=self._show_opened, on_error=self._open_failed)

    def reopen(self, draft_id: int) -> None:
        """Show ``draft_id``, the draft open when Studio quit, unless another is opened meanwhile;
        nothing when it is gone."""
        self.context.tasks.run(load_draft, self.context.library, draft_id, on_error=lambda _error: None,
                               on_done=lambda opened: None if self.opened or self._waiting else self._show_opened(opened))

    def new_draft(self) -> None:
        """A new empty post for the current client (:func:`studio.drafting.start_draft` decides)."""
        self.saver.flush()
        self.context.tasks.run(start_and_load, self.context.library, self.client_id, pool="writes",
                               on_done=self._show_opened, on_error=self._open_failed)

    # -- showing a draft ----------------------------------------------------------------------

    def _show_empty(self) -> None:
        self.editor.setReadOnly(True)
        self.editor.setPlaceholderText(self.tr(EMPTY_HINT))
        self.heading.setText(self.tr("No post open"))
        self.variant_bar.setEnabled(False)
        self.header.channels.setEnabled(False)

    def _show_opened(self, opened: Opened) -> None:
        if not self.ready:
            # The link rules are still loading on a worker (a fraction of a second after start):
            # show the draft when they are there rather than load them here, on the UI thread.
            self._waiting = opened
            self.heading.setText(self.tr("Opening…"))
            return
        self.runner.cancel()
        self.opened = opened
        draft, client = opened.draft, opened.client
        self.saver.track(draft.id)
        remember(self.context.settings, self.context.library_dir, draft.id)
        self.draft = DraftText.of(draft, known=(n for n, _ in networks()))
        self.counters.limits = dict(opened.limits)
        self.editor.dictionary = set(client.dictionary)
        self.editor.disabled_rules = {*client.ignored_rules, *draft.ignored_rules}
        self.editor.snippets = client.snippets
        for target in (self.editor, self.thread_editor):
            target.brand_rules = client.brand_rules
        self.thread_editor.dictionary = self.editor.dictionary
        self.thread_editor.disabled_rules = self.editor.disabled_rules
        self.issues.set_ignored(len(draft.ignored_rules))
        self.editor.setPlaceholderText(self.tr("Write your post…"))
        self.sent = opened.sent
        self.comments.set_draft(draft.id)
        self.conflict_notice.show_for(draft.id)
        self._show_heading()
        self.header.channels.set_accounts(opened.accounts, client.colour)
        self.header.show_targets(self.draft.targets)
        self.current = BASE
        self._targets_changed(save=False)
        self._show_network(BASE)
        self._show_published()
        self.state_changed.emit(self.tr("Editing post %1 for %2").replace("%1", str(draft.id)).replace("%2", client.name))

    def _accounts_changed(self) -> None:
        """An account connected, edited or removed: the chips follow."""
        if self.opened is not None:
            self.header.channels.set_accounts(self.opened.accounts, self.opened.client.colour)

    def _draft_to_publish(self) -> int | None:
        """The open post, written to the library first: what is scheduled is what is on screen."""
        if self.opened is None:
            return None
        self.saver.flush_now()
        return self.opened.draft.id

    def _show_heading(self) -> None:
        assert self.opened is not None
        draft, client = self.opened.draft, self.opened.client
        self.heading.setText(self.tr("<b>{client}</b> · post {number} · {status}").format(
            client=html.escape(client.name), number=draft.id, status=html.escape(status_label(draft.status))))

    def _open_failed(self, error: BaseException) -> None:
        self.context.messages.error(in_words(error, self.tr("Studio could not open the post")))

    def _targets_changed(self, save: bool = True) -> None:
        self.header.show_targets(self.draft.targets)
        self.variant_bar.set_networks(self.draft.targets, self.current)
        self.counters.set_networks(self.draft.targets)
        if save:
            self.saver.targets_changed(self.draft.targets)
        self._counts()
        self._previews()

    def set_target(self, network_id: str, on: bool) -> None:
        """Add or remove ``network_id`` from the networks this post is for; the client's next
        posts start with the same channels."""
        if self.opened is not None and self.draft.set_target(network_id, on):
            self._targets_changed()
            self.context.tasks.run(remember_channels, self.context.library, self.opened.client.id,
                                   list(self.draft.targets), pool="writes", on_error=self._channels_not_kept)

    def _channels_not_kept(self, error: BaseException) -> None:
        self.context.messages.warning(in_words(error, self.tr("Studio could not remember the client's channels")))

    def _show_network(self, network_id: str) -> None:
        """Show the text of ``network_id`` (its thread, its own variant, or the base text)."""
        self.current = network_id
        self.variant_bar.describe(network_id, has_variant=self.draft.has_variant(network_id),
                                  has_thread=self.draft.has_thread(network_id))
        if self.draft.has_thread(network_id):
            self._thread_checks.forget()
            self.thread_editor.set_parts(network_id, network(network_id).title, self.draft.threads[network_id],
                                         self.counters.limits.get(network_id))
            self._watch_parts()
            self.stack.setCurrentWidget(self.thread_editor)
        else:
            self._loading = True  # the text shown is not an edit of this network's text
            try:
                self.editor.set_text(self.draft.text_for(network_id))
            finally:
                self._loading = False
            self.stack.setCurrentWidget(self.editor)
        if self.locked:
            self._set_editable(False)  # new part editors of a thread that went out
        self._request_check(now=True)
        self._counts()
        self._panel()  # the panel lists what is on screen: the text, or the parts

    def _set_editable(self, editable: bool) -> None:
        """Typing, versions and channels on or off (a post that went out, until "Edit anyway")."""
        for editor in (self.editor, *self.thread_editor.editors):
            editor.setReadOnly(not editable)
        self.variant_bar.setEnabled(editable)
        self.header.channels.setEnabled(editable)

    # -- typing and checking ------------------------------------------------------------------

    def _edited(self, _revision: int) -> None:
        if self.opened is None or self._loading:
            return
        text = self.editor.text()
        self.draft.set_text(self.current, text)
        if self.current == BASE:
            self.saver.text_changed(text)
        elif not self.draft.has_thread(self.current):
            self.saver.variant_changed(self.current, text)
        self._counts()
        self._previews()
        self._request_check()

    def _request_check(self, now: bool = False) -> None:
        """Ask the runner to check what is on screen in the post's language, the client's way."""
        if self.opened is None:
            return
        if self.stack.currentWidget() is self.thread_editor:
            asked = self._thread_checks.ask(self.thread_editor.editors)
            if asked is None:
                return
            revision, text = asked
        else:
            revision, text = self.editor.revision, self.editor.text()
        disabled = sorted(rule for rule in self.editor.disabled_rules if not rule.startswith("BRAND_"))
        language, prefer, default = grammar_language(self.opened.draft.language, self.opened.client.language)
        self.runner.request(revision, text, language, sorted(self.editor.dictionary), disabled, now=now,
                            prefer=prefer, default_language=default)

    def _setting_changed(self, key: str, value: object) -> None:
        if key == "grammar.delay_ms" and isinstance(value, int):
            self.runner.set_delay(value)

    def _grammar_ready(self, revision: int, text: str, issues: list[Issue]) -> None:
        if revision >= 0:
            self.editor.set_grammar_issues(revision, text, issues)
        else:
            self._thread_checks.answer(revision, issues)

    # -- variants and threads -----------------------------------------------------------------

    def make_variant(self) -> None:
        """Give the current network its own text, starting from the base text."""
        if self.current != BASE:
            self.saver.variant_changed(self.current, self.draft.make_variant(self.current))
            self._show_network(self.current)

    def drop_variant(self) -> None:
        """The current network uses the base text again (its own variant is removed)."""
        if self.draft.drop_variant(self.current):
            self.saver.variant_changed(self.current, None)
        self._show_network(self.current)

    def split(self, numbered: bool) -> None:
        """Split the current network's text into a thread whose parts each fit; a thread already
        there is split again from its parts (without their "i/n" numbers)."""
        network_id = self.current
        if network_id == BASE or not network(network_id).thread:
            return
        try:
            parts = self.draft.split(network_id, numbered, self.counters.limits.get(network_id))
        except StudioError as error:
            self.context.messages.warning(error.for_humans())
            return
        if not parts:
            self.context.messages.info("There is no text to split yet.")
            return
        self.saver.thread_changed(network_id, parts)
        self.saver.flush()
        self._show_network(network_id)

    def join_thread(self) -> None:
        """Turn the current network's thread back into one text (its own variant)."""
        text = self.draft.join(self.current)
        if text is not None:
            self.saver.variant_changed(self.current, text)
            self.saver.flush()
            self._show_network(self.current)

    def _parts_changed(self, parts: list[str]) -> None:
        if self.draft.set_parts(self.thread_editor.network, parts):
            self.saver.thread_changed(self.thread_editor.network, parts)
            self._counts()
            self._previews()
