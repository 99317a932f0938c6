"""The text widget of the post editor.

It keeps the issues of its text as :class:`~studio.editors.post.marks.Mark` objects in UTF-16
positions, carries them through every edit (so an underline never sits under the wrong word while a
check is running), and offers the fixes: hover for the message, a click on an underline (or
Ctrl+.) for its card (:class:`~studio.editors.post.card.IssueCard`), right click or Alt+Enter for the
menu of replacements, "ignore once", "ignore rule" and "add to dictionary", F8 / Shift+F8 to walk the
issues. Grammar answers arrive tagged with the revision of the text they were computed for; brand
issues come from ``studio.text.brand_issues`` on every change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QToolTip, QWidget, QWidgetAction

from studio.editors.post.card import IssueCard
from studio.editors.post.highlighter import PostHighlighter
from studio.editors.post.marks import Edit, Mark, common_prefix, common_suffix, place, remap
from studio.model import BrandRules, Issue, Snippet
from studio.text import brand_issues
from studio.text.dictionary import in_dictionary
from studio.text.positions import cp_to_utf16, utf16_length, utf16_to_cp

MAX_REPLACEMENTS = 6
EDIT_LOG_SIZE = 2000


def raw_text(editor: QPlainTextEdit) -> str:
    """The document's text with its own line breaks as ``\\n`` and non-breaking spaces kept
    (``toPlainText`` would turn them into plain spaces); same length in UTF-16 as the document."""
    return editor.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


class PostEditor(QPlainTextEdit):
    """Plain-text editor with issues, entity colours and the over-limit mark.

    Signals: ``edited(int revision)`` after each change of the text; ``marks_changed()`` when the
    visible issues change; ``rule_ignored(str rule)`` (in this post);
    ``rule_ignored_for_client(str rule)`` (in all of the client's posts); ``word_added(str word)`` (add it to the
    client's dictionary); ``emoji_requested()`` (Ctrl+Shift+E); ``snippets_requested()``
    (Ctrl+Shift+S); ``current_mark_changed(object mark_or_None)``; ``fix_applied(int revision)``
    after a fix from the issue menu (a deliberate change: check it now, without waiting for a pause).
    """

    edited = Signal(int)
    marks_changed = Signal()
    rule_ignored = Signal(str)
    rule_ignored_for_client = Signal(str)
    word_added = Signal(str)
    emoji_requested = Signal()
    snippets_requested = Signal()
    current_mark_changed = Signal(object)
    fix_applied = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postEditor")
        self.setMouseTracking(True)
        self.setTabChangesFocus(True)
        font = self.font()  # a writing surface: larger than the UI text, so underlines read well
        font.setPointSizeF(max(11.0, font.pointSizeF() * 1.2))
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.revision = 0
        self.brand_rules = BrandRules()
        self.dictionary: set[str] = set()
        self.disabled_rules: set[str] = set()
        self.snippets: tuple[Snippet, ...] = ()
        self._text = ""
        self._edits: list[Edit] = []
        self._grammar: list[Mark] = []
        self._brand: list[Mark] = []
        self._ignored: list[Mark] = []
        self._visible: list[Mark] = []
        self._keys: set[tuple[int, int, int, int, str]] = set()
        self._over_from: int | None = None
        self.card: IssueCard | None = None  # the issue card open now
        self.highlighter = PostHighlighter(self.document(), self.marks, lambda: self._over_from, self)
        self._brand_timer = QTimer(self)
        self._brand_timer.setSingleShot(True)
        self._brand_timer.setInterval(40)  # coalesce a burst of keys into one pass of the rules
        self._brand_timer.timeout.connect(self.refresh_brand)
        self.textChanged.connect(self._text_changed)
        for keys, slot in (
            ("Ctrl+.", self.open_card),
            ("Alt+Return", self.open_issue_menu),
            ("F8", self.next_issue),
            ("Shift+F8", self.previous_issue),
            ("Ctrl+Shift+E", self.emoji_requested.emit),
            ("Ctrl+Shift+S", self.snippets_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- text ---------------------------------------------------------------------------------

    def text(self) -> str:
        """The text as the core sees it (code points; line breaks as ``\\n``)."""
        return self._text

    def set_text(self, text: str) -> None:
        """Replace the whole text (a new draft, another variant); drops every issue."""
        self._grammar, self._brand, self._ignored = [], [], []
        self.setPlainText(text)
        self._text = raw_text(self)
        self.refresh_brand()

    def _text_changed(self) -> None:
        new = raw_text(self)
        old = self._text
        if new == old:
            return  # a format-only change (highlighting)
        prefix = common_prefix(old, new)
        suffix = common_suffix(old, new, min(len(old), len(new)) - prefix)
        position = cp_to_utf16(old, prefix)
        removed = cp_to_utf16(old, len(old) - suffix) - position
        added = cp_to_utf16(new, len(new) - suffix) - position
        self._text = new
        self.revision += 1
        edit = Edit(self.revision, position, removed, added)
        self._edits.append(edit)
        del self._edits[:-EDIT_LOG_SIZE]
        self._grammar = remap(self._grammar, [edit])
        self._brand = remap(self._brand, [edit])
        self._ignored = remap(self._ignored, [edit])
        if self._over_from is not None and self._over_from > position:
            self._over_from = None  # the counters say again where it goes over, in a moment
        self._update_visible()
        self._brand_timer.start()
        self.edited.emit(self.revision)

    # -- issues -------------------------------------------------------------------------------

    def set_grammar_issues(self, revision: int, text: str, issues: Sequence[Issue]) -> None:
        """Issues the grammar engine found in ``text``, the text of ``revision``. An answer for an
        older revision is carried through the edits since; one older than the edit log is dropped."""
        if revision > self.revision:
            return
        later = [edit for edit in self._edits if edit.revision > revision]
        if revision < self.revision and (not self._edits or self._edits[0].revision > revision + 1):
            return  # the log no longer reaches back to that text
        self._grammar = remap(place(text, issues), later)
        self._update_visible()

    def refresh_brand(self) -> None:
        """Check the brand rules again now (they take a few milliseconds)."""
        self._brand_timer.stop()
        self._brand = place(self._text, brand_issues(self._text, self.brand_rules))
        self._update_visible()

    def marks(self) -> list[Mark]:
        """The issues shown now, sorted by position."""
        return self._visible

    def _hidden(self, mark: Mark) -> bool:
        issue = mark.issue
        if issue.rule in self.disabled_rules:
            return True
        if issue.category == "spelling" and in_dictionary(self._word(mark), self.dictionary):
            return True
        return any(ignored.key == mark.key for ignored in self._ignored)

    def _update_visible(self) -> None:
        visible = sorted(
            (mark for mark in self._grammar + self._brand if not self._hidden(mark)),
            key=lambda mark: (mark.start, mark.end),
        )
        if visible == self._visible:
            return
        keys = self._block_keys(visible)
        # Only blocks whose underlines differ are painted again: marks that moved along with their
        # block (text typed in an earlier paragraph) keep the same place inside it.
        changed = keys ^ self._keys
        self._visible, self._keys = visible, keys
        for number in sorted({n for key in changed for n in range(key[0], key[2] + 1)}):
            self.highlighter.rehighlightBlock(self.document().findBlockByNumber(number))
        self.marks_changed.emit()

    def _block_keys(self, marks: list[Mark]) -> set[tuple[int, int, int, int, str]]:
        """Each mark as (first block, start in it, last block, end in it, category)."""
        document = self.document()
        keys = set()
        for mark in marks:
            first, last = document.findBlock(mark.start), document.findBlock(mark.end)
            if not last.isValid():
                last = document.lastBlock()
            keys.add((first.blockNumber(), mark.start - first.position(), last.blockNumber(),
                      mark.end - last.position(), mark.issue.category))
        return keys

    def _rehighlight(self, spans: set[tuple[int, int]]) -> None:
        document = self.document()
        blocks = set()
        size = document.characterCount()
        for start, end in spans:
            first = document.findBlock(min(start, size - 1))
            last = document.findBlock(min(end, size - 1))
            for number in range(first.blockNumber(), last.blockNumber() + 1):
                blocks.add(number)
        for number in sorted(blocks):
            self.highlighter.rehighlightBlock(document.findBlockByNumber(number))

    def set_over_from(self, position_cp: int | None) -> None:
        """Mark the text from code point ``position_cp`` on as over the limit (``None``: nothing)."""
        position = None if position_cp is None else cp_to_utf16(self._text, min(position_cp, len(self._text)))
        if position == self._over_from:
            return
        old, self._over_from = self._over_from, position
        starts = [p for p in (old, position) if p is not None]
        if starts:
            self._rehighlight({(min(starts), utf16_length(self._text))})

    def over_from(self) -> int | None:
        """Where the over-limit mark starts, in UTF-16 positions (``None``: nowhere)."""
        return self._over_from

    def _word(self, mark: Mark) -> str:
        start = utf16_to_cp(self._text, mark.start)
        end = utf16_to_cp(self._text, mark.end)
        return self._text[start:end]

    def mark_at(self, position: int) -> Mark | None:
        """The issue under UTF-16 ``position`` (the last one when several overlap)."""
        found = [m for m in self._visible if m.start <= position < m.end or m.start == m.end == position]
        if not found:
            found = [m for m in self._visible if m.start <= position <= m.end]
        return found[-1] if found else None

    # -- fixing -------------------------------------------------------------------------------

    def apply(self, mark: Mark, replacement: str) -> None:
        """Replace the text under ``mark`` with ``replacement`` (one undo step)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        self.setTextCursor(cursor)
        self.fix_applied.emit(self.revision)

    def ignore_once(self, mark: Mark) -> None:
        """Hide this one issue (it stays hidden while the text under it is unchanged)."""
        self._ignored.append(mark)
        self._update_visible()

    def ignore_rule(self, rule: str) -> None:
        """Hide every issue of ``rule`` (and tell the workspace, which stops checking for it)."""
        self.disabled_rules.add(rule)
        self._update_visible()
        self.rule_ignored.emit(rule)

    def show_ignored(self, keep: set[str]) -> None:
        """Show again what was ignored in this post ("ignore once" and its rules), except the
        rules in ``keep`` (the client's)."""
        self._ignored = []
        self.disabled_rules.intersection_update(keep)  # in place: the thread parts share the set
        self._update_visible()

    def ignore_rule_for_client(self, rule: str) -> None:
        """Hide every issue of ``rule`` here and in all of the client's posts (the workspace
        stores it for the client)."""
        self.disabled_rules.add(rule)
        self._update_visible()
        self.rule_ignored_for_client.emit(rule)

    def add_word(self, word: str) -> None:
        """Stop flagging ``word`` as a spelling mistake (the workspace stores it for the client)."""
        self.dictionary.add(word)
        self._update_visible()
        self.word_added.emit(word)

    def issue_menu(self, mark: Mark, parent: QWidget | None = None, *, then_next: bool = False) -> QMenu:
        """The menu of fixes for ``mark``; ``then_next`` moves on to the next issue after a fix."""
        menu = QMenu(parent or self)
        menu.setObjectName("issueMenu")
        menu.setToolTipsVisible(True)
        width = max(220, self.width())  # never wider than the editor: long messages wrap
        menu.setMaximumWidth(width)
        header = QWidgetAction(menu)
        header.setText(mark.issue.message)
        header.setToolTip(mark.issue.rule)
        label = QLabel(mark.issue.message)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(10, 4, 10, 4)
        label.setMaximumWidth(width - 8)
        label.setEnabled(False)
        header.setDefaultWidget(label)
        header.setEnabled(False)
        menu.addAction(header)
        menu.addSeparator()

        def fix(replacement: str) -> None:
            self.apply(mark, replacement)
            if then_next:
                self.next_issue()

        for replacement in mark.issue.replacements[:MAX_REPLACEMENTS]:
            shown = replacement if replacement.strip() else (self.tr("Remove") if not replacement else f"“{replacement}”")
            shown = menu.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, width - 60)
            action = menu.addAction(shown.replace("&", "&&"))
            action.setData(replacement)
            action.triggered.connect(lambda _=False, r=replacement: fix(r))
        if not mark.issue.replacements:
            menu.addAction(self.tr("No suggestion")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.tr("Ignore once"), lambda: self.ignore_once(mark))
        issue = mark.issue
        # The rule in words (LanguageTool's description), its id in the tooltip.
        metrics = menu.fontMetrics()  # the menu's font, not the larger writing font

        def ignoring(template: str) -> str:
            if issue.category == "brand":
                return template.format(self.tr("this brand rule"))
            words = self.tr("the rule “{0}”")
            room = width - 60 - metrics.horizontalAdvance(template.format(words.format("")))
            name = metrics.elidedText(issue.description or issue.rule, Qt.TextElideMode.ElideRight, max(60, room))
            return template.format(words.format(name))

        ignore = menu.addAction(ignoring(self.tr("Ignore {0} in this post")), lambda: self.ignore_rule(issue.rule))
        ignore.setToolTip(issue.rule)
        # Not for brand rules (the client's own settings) nor spelling (that would stop every
        # spelling check for the client; the dictionary is the way there).
        if issue.category not in ("brand", "spelling"):
            everywhere = menu.addAction(ignoring(self.tr("Ignore {0} in all of the client's posts")),
                                        lambda: self.ignore_rule_for_client(issue.rule))
            everywhere.setToolTip(issue.rule)
        if issue.category == "spelling":
            word = self._word(mark)
            menu.addAction(self.tr("Add “{0}” to the client's dictionary").format(word), lambda: self.add_word(word))
        return menu

    def open_card(self, mark: Mark | None = None, *, then_next: bool = True) -> IssueCard | None:
        """Show the card of ``mark`` (by default the issue at the cursor, or the next one: Ctrl+.)
        under its text; ``then_next`` moves on to the next issue after a fix."""
        if mark is None:
            cursor = self.textCursor()
            mark = self.mark_at(cursor.selectionStart()) or self.mark_at(cursor.position())
            if mark is None:
                mark = self.next_issue()
                if mark is None:
                    return None
        if self.card is not None:
            self.card.close()
        word = self._word(mark)
        card = IssueCard(mark, word, self, width=self.viewport().width())
        card.replacement_chosen.connect(lambda replacement: self._card_fix(mark, replacement, then_next))
        card.ignore_requested.connect(lambda: self.ignore_once(mark))
        card.add_word_requested.connect(self.add_word)
        card.destroyed.connect(lambda _=None: self._card_closed(card))
        self.card = card
        cursor = QTextCursor(self.document())
        cursor.setPosition(mark.start)
        rect = self.cursorRect(cursor)
        card.popup_at(self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4)))
        return card

    def _card_fix(self, mark: Mark, replacement: str, then_next: bool) -> None:
        self.apply(mark, replacement)
        self.setFocus()
        if then_next:
            self.next_issue()

    def _card_closed(self, card: IssueCard) -> None:
        if self.card is card:
            self.card = None

    def open_issue_menu(self) -> QMenu | None:
        """Show the fixes for the issue at the cursor (Ctrl+. or Alt+Enter)."""
        cursor = self.textCursor()
        mark = self.mark_at(cursor.selectionStart()) or self.mark_at(cursor.position())
        if mark is None:
            self.next_issue()
            cursor = self.textCursor()
            mark = self.mark_at(cursor.selectionStart())
            if mark is None:
                return None
        menu = self.issue_menu(mark, then_next=True)
        rect = self.cursorRect(cursor)
        menu.popup(self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))
        return menu

    def next_issue(self) -> Mark | None:
        """Select the next issue after the cursor (F8), wrapping at the end."""
        position = self.textCursor().selectionEnd() if self.textCursor().hasSelection() else self.textCursor().position()
        after = [m for m in self._visible if m.start >= position and (m.start, m.end) != self._selection()]
        return self._select(after[0] if after else (self._visible[0] if self._visible else None))

    def previous_issue(self) -> Mark | None:
        """Select the issue before the cursor (Shift+F8), wrapping at the start."""
        position = self.textCursor().selectionStart()
        before = [m for m in self._visible if m.start < position]
        return self._select(before[-1] if before else (self._visible[-1] if self._visible else None))

    def _selection(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()

    def _select(self, mark: Mark | None) -> Mark | None:
        if mark is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.current_mark_changed.emit(mark)
        return mark

    def go_to(self, mark: Mark) -> None:
        """Select ``mark`` and give the editor the focus (the issues panel's jump)."""
        self._select(mark)
        self.setFocus()

    def insert(self, text: str) -> None:
        """Insert ``text`` at the cursor (emoji, snippets)."""
        self.textCursor().insertText(text)
        self.setFocus()

    # -- Qt events ----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        # A plain click on underlined text opens its card (a drag that selects text does not).
        if (event.button() == Qt.MouseButton.LeftButton and not event.modifiers()
                and not self.textCursor().hasSelection()):
            mark = self.mark_at(self.cursorForPosition(event.position().toPoint()).position())
            if mark is not None and mark.end > mark.start:
                self.open_card(mark, then_next=False)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        position = self.cursorForPosition(event.pos()).position()
        mark = self.mark_at(position)
        standard = self.createStandardContextMenu(event.pos())
        if mark is None:
            standard.exec(event.globalPos())
            return
        menu = self.issue_menu(mark)
        menu.addSeparator()
        for action in standard.actions():
            menu.addAction(action)
        menu.exec(event.globalPos())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event = event if isinstance(event, QHelpEvent) else None
            if help_event is not None:
                point = self.viewport().mapFromGlobal(help_event.globalPos())
                mark = self.mark_at(self.cursorForPosition(point).position())
                if mark is not None:
                    QToolTip.showText(help_event.globalPos(), self.tooltip_for(mark), self)
                else:
                    QToolTip.hideText()
                return True
        return super().event(event)

    @staticmethod
    def tooltip_for(mark: Mark) -> str:
        """What hovering shows: the message, the suggestions and how to apply them."""
        text = mark.issue.message
        if mark.issue.replacements:
            removed = QCoreApplication.translate("PostEditor", "(remove)")
            shown = [r if r.strip() else removed for r in mark.issue.replacements[:3]]
            text += "\n" + QCoreApplication.translate("PostEditor", "Suggestions: %1").replace("%1", ", ".join(shown))
        return text + "\n" + QCoreApplication.translate("PostEditor", "Ctrl+. for fixes")


def actions_of(menu: QMenu) -> list[QAction]:
    """The actions of ``menu`` that do something (tests and accessibility use this)."""
    return [action for action in menu.actions() if not action.isSeparator()]
