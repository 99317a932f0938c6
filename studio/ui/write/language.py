"""The post's language on the Write page: shown beside the counters, changed in one click, kept
with the draft, and said plainly when the post cannot be checked in it.

What is shown is what the grammar runner was asked to check in (:attr:`GrammarRunner.asked`): the
draft's language, else the client's, else detected from the text (:func:`studio.grammar.recognised`,
the same rule the checker uses, so the control and the underlines never disagree).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from studio.editors.post.counters import DETECT
from studio.ui.debounce import Debounce
from studio.ui.translation import language_label

if TYPE_CHECKING:
    from studio.editors.post.counters import CountersBar
    from studio.editors.post.editor import PostEditor
    from studio.editors.post.issues_panel import IssuePanel
    from studio.ui.write.checking import GrammarRunner
    from studio.ui.write.opening import Opened
    from studio.ui.write.saver import DraftSaver


class Page(Protocol):
    """What this needs of the Write page (:class:`studio.ui.write.page.WriteWorkspace`; a
    protocol, so the page's module and this one do not import each other)."""

    counters: CountersBar
    runner: GrammarRunner
    issues: IssuePanel
    saver: DraftSaver
    opened: Opened | None

    def _part_editors(self) -> list[PostEditor]: ...

    def _request_check(self, now: bool = False) -> None: ...


class PostLanguage(QObject):
    """Wires the page's :class:`studio.editors.post.counters.LanguageControl` to its draft, its
    saver and its grammar runner.

    Signals: none (it acts on the page).
    """

    def __init__(self, page: Page, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.control = page.counters.language
        self._unrecognised = False
        self._refresh = Debounce(150, self.refresh, parent=self)  # detection follows typing, not each key
        self.control.chosen.connect(self.choose)
        self.control.noted.connect(page.issues.set_not_checked)  # the issues panel says it too
        page.runner.requested.connect(self._refresh)
        page.runner.unsupported.connect(self._unsupported)

    def refresh(self) -> None:
        """Show the language of the newest check asked for."""
        from studio.grammar import recognised  # its word lists load with the first post, not the page

        asked = self.page.runner.asked
        if asked is None or self.page.opened is None:
            return
        if asked.language in ("", DETECT):
            code = recognised(asked.text, default=asked.default_language, prefer=asked.prefer)
        else:
            code = asked.language
        self.control.show_language(code, asked.language or DETECT)
        if code is None:
            self._unrecognised = True
        elif self._unrecognised:  # recognised now: the note goes (the check will follow)
            self._unrecognised = False
            self.control.set_note("")

    def choose(self, code: str) -> None:
        """The user chose ``code`` ("auto": detect it) for the open post: kept with the draft,
        its old underlines cleared at once and the post checked again in that language."""
        page = self.page
        opened = page.opened
        if opened is None:
            return
        opened.draft = replace(opened.draft, language=code)
        page.saver.language_changed(code)
        page.saver.flush()  # a choice, not typing: written at once
        self._unrecognised = False
        self.control.set_note("")
        for editor in page._part_editors():
            editor.set_grammar_issues(editor.revision, editor.text(), [])
        page._request_check(now=True)
        self._refresh.now()

    def _unsupported(self, message: str, recognised: bool) -> None:
        if not message:
            if not self._unrecognised:
                self.control.set_note("")
            return
        asked = self.page.runner.asked
        if not recognised or asked is None:
            self.control.set_note(self.tr("Language not recognised: not checked"), message)
        else:  # a language this LanguageTool has no module for: by its name, the details in the tooltip
            name = (language_label(asked.language) if asked.language not in ("", DETECT)
                    else asked.language)
            self.control.set_note(self.tr("{0} cannot be checked here: not checked").format(name), message)
