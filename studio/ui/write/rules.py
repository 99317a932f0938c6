"""What the Write page does when a rule is ignored or a word is added: kept with the post (by the
page's saver) or the client (off the UI thread), and the client's edited rules brought to the editors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from studio.errors import in_words
from studio.model import Account, Client

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from studio.editors.post.editor import PostEditor
    from studio.editors.post.issues_panel import IssuePanel
    from studio.editors.post.thread_editor import ThreadEditor
    from studio.ui.context import AppContext
    from studio.ui.team.conflict_notice import ConflictNotice
    from studio.ui.write.opening import Opened
    from studio.ui.write.saver import DraftSaver


class RulesMixin:
    """The Write page's ignored rules and dictionary words (mixed into
    :class:`studio.ui.write.page.WriteWorkspace`, whose attributes it uses)."""

    context: AppContext
    opened: Opened | None
    editor: PostEditor
    thread_editor: ThreadEditor
    issues: IssuePanel
    saver: DraftSaver
    conflict_notice: ConflictNotice
    state_changed: SignalInstance

    def _request_check(self, now: bool = False) -> None:
        raise NotImplementedError

    def _part_editors(self) -> list[PostEditor]:
        return [self.editor, *self.thread_editor.editors]

    def _library_changed(self, kind: str, changed_id: object) -> None:
        """A change committed anywhere (the client manager, an import, another window): the open
        post's client is read again (off the UI thread) and reaches the editor at once."""
        opened = self.opened
        if opened is not None and kind in ("publication", "schedule", "library"):
            self._reload_status()  # sent meanwhile (the publisher's timer), or unscheduled
        if opened is not None and kind in ("draft", "library") and changed_id in (None, opened.draft.id):
            self.conflict_notice.show_for(opened.draft.id)  # a team sync may have kept a conflict copy
        if opened is None or kind not in ("client", "account", "library"):
            return
        if kind == "client" and changed_id not in (None, opened.client.id):
            return
        library, client_id = self.context.library, opened.client.id
        self.context.tasks.run(lambda: (library.get_client(client_id), library.list_accounts(client_id)),
                               on_done=self._client_reloaded, on_error=lambda _error: None)

    def _client_reloaded(self, found: tuple[Client, list[Account]]) -> None:
        client, accounts = found
        if self.opened is None or self.opened.client.id != client.id:
            return
        if tuple(accounts) != self.opened.accounts:
            self.opened.accounts = tuple(accounts)
            self._accounts_changed()
        self._client_updated(client)

    def _accounts_changed(self) -> None:
        raise NotImplementedError

    def _reload_status(self) -> None:
        raise NotImplementedError

    def _client_updated(self, client: Client) -> None:
        """The client's rules, dictionary and snippets as edited meanwhile in the Library."""
        if self.opened is None or self.opened.client.id != client.id:
            return
        previous, self.opened.client = self.opened.client, client
        self.thread_editor.brand_rules = client.brand_rules
        # The same set is the thread editor's: words removed in the client manager show again.
        self.editor.dictionary.clear()
        self.editor.dictionary.update(client.dictionary)
        # Rules the client no longer ignores (edited in the client manager) are checked again.
        rules = self.editor.disabled_rules
        dropped = set(previous.ignored_rules) - set(client.ignored_rules) - set(self.opened.draft.ignored_rules)
        rules.difference_update(dropped)
        rules.update(client.ignored_rules)
        self.editor.snippets = client.snippets
        for editor in self._part_editors():
            editor.brand_rules = client.brand_rules
            editor.refresh_brand()  # and hides the rules the client ignores now
        if dropped:
            self._request_check(now=True)

    def _rule_ignored(self, rule: str) -> None:
        if not rule.startswith("BRAND_"):
            self._request_check(now=True)
        if self.opened is None:
            return
        # Kept with the post: it stays ignored when the post is opened again.
        opened = self.opened
        opened.draft = replace(opened.draft, ignored_rules=tuple(sorted({*opened.draft.ignored_rules, rule})))
        self.issues.set_ignored(len(opened.draft.ignored_rules))
        self.saver.ignored_changed(opened.draft.ignored_rules)
        self.saver.flush()  # a choice, not typing: written at once

    def show_ignored(self) -> None:
        """Check the post again for what was ignored in it ("ignore once" and its rules); the
        client's ignored rules stay ignored."""
        opened = self.opened
        if opened is None:
            return
        keep = set(opened.client.ignored_rules)
        for editor in self._part_editors():
            editor.show_ignored(keep)
        opened.draft = replace(opened.draft, ignored_rules=())
        self.issues.set_ignored(0)
        self._request_check(now=True)
        self.saver.ignored_changed(())
        self.saver.flush()

    def _rule_ignored_for_client(self, rule: str) -> None:
        self._request_check(now=True)
        if self.opened is not None:
            self._client_write(self.context.library.ignore_rule, rule,
                               lambda client: QCoreApplication.translate(
                                   "WriteWorkspace", "%1 is ignored in all of %2's posts (Library → Manage clients "
                                   "to check it again)").replace("%1", rule).replace("%2", client.name))

    def _word_added(self, word: str) -> None:
        if self.opened is not None:
            self._client_write(self.context.library.add_to_dictionary, word,
                               lambda client: QCoreApplication.translate(
                                   "WriteWorkspace", "“%1” added to %2's dictionary").replace("%1", word)
                               .replace("%2", client.name))

    def _client_write(self, write: Callable[[int, str], Client], value: str, said: Callable[[Client], str]) -> None:
        """``write(client_id, value)`` on the writes pool; then the page knows the client as stored
        and the status bar says ``said(client)``."""
        assert self.opened is not None

        def stored(client: Client) -> None:
            if self.opened is not None and self.opened.client.id == client.id:
                self.opened.client = client
            self.state_changed.emit(said(client))

        self.context.tasks.run(write, self.opened.client.id, value, pool="writes", on_done=stored,
                               on_error=self._client_not_saved)

    def _client_not_saved(self, error: BaseException) -> None:
        # The post still hides it; only the client's settings missed the change.
        self.context.messages.error(in_words(error, QCoreApplication.translate(
            "WriteWorkspace", "Studio could not save this to the client's settings")))
