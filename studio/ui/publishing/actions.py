"""Schedule…, Add to queue and Send now for one draft: the same three actions on every page.

A page makes one :class:`PublishActions` with a function that names its current draft (the
Library's selected row, the Write page's open draft) and gets three ``QAction``s with their
shortcuts, active while the page (or a child) has focus:

- ``Ctrl+Shift+D`` Schedule…: the schedule dialog, its accounts ticked, at a chosen time;
- ``Ctrl+Shift+Q`` Add to queue: each ticked account's next free posting slot;
- ``Ctrl+Shift+Return`` Send now.

Add to queue and Send now act at once on the accounts the post is for
(:func:`studio.publishing.scheduling.accounts_for`); when it is for none, or the pre-flight check
finds a problem (or an account has no posting slots), the schedule dialog opens in that mode and
says why. When an account has no posting slots and the client's measured history is rich enough
(:func:`studio.analytics.summary.suggest_slots`), Add to queue first offers "Use the best times
from your history: Tue 09:00, …", saying what they are based on; accepting gives those accounts the
slots and queues the post.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from studio.errors import StudioError, in_words
from studio.publishing import scheduling
from studio.ui.context import AppContext
from studio.ui.locale_format import counted

SCHEDULE_KEYS = "Ctrl+Shift+D"  # D for date; Ctrl+Shift+S is the Write page's snippets
QUEUE_KEYS = "Ctrl+Shift+Q"
SEND_NOW_KEYS = "Ctrl+Shift+Return"


class NoAccounts(Exception):
    """The draft is for no connected account: the user chooses in the dialog."""


class NoSlots(Exception):
    """Accounts without posting slots, and the slots the client's history suggests for them."""

    def __init__(self, accounts: list[int], handles: list[str], suggestion: Any) -> None:
        super().__init__(", ".join(handles))
        self.accounts = accounts
        self.handles = handles
        self.suggestion = suggestion


class PublishActions(QObject):
    """The publishing actions for the draft ``current()`` names (``None``: no draft, nothing happens
    but a message).

    Signals: ``scheduled(list schedule_ids)`` after any of the three stored schedules;
    ``failed(str message)`` when one could not (the message is also shown by ``context.messages``).
    """

    scheduled = Signal(list)
    failed = Signal(str)

    def __init__(self, context: AppContext, host: QWidget, current: Callable[[], int | None],
                 run_now: Callable[[], None] | None = None) -> None:
        super().__init__(host)
        self.context = context
        self.host = host
        self.current = current
        self.run_now = run_now
        self.dialog: Any = None  # the schedule dialog last opened (tests and the caller may look at it)
        self.offer: Any = None  # the "best times from your history" question last asked
        self.schedule_action = self._action(self.tr("&Schedule…"), SCHEDULE_KEYS, lambda: self.schedule())
        self.queue_action = self._action(self.tr("Add to &queue"), QUEUE_KEYS, lambda: self.add_to_queue())
        self.send_action = self._action(self.tr("Send &now"), SEND_NOW_KEYS, lambda: self.send_now())

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.host)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text.replace('&', '')} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.host.addAction(action)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [self.schedule_action, self.queue_action, self.send_action]

    def _draft(self, draft_id: int | None) -> int | None:
        chosen = draft_id if draft_id is not None else self.current()
        if chosen is None:
            self.context.messages.info(self.tr("Select a draft first."))
        return chosen

    def schedule(self, draft_id: int | None = None, at: datetime | None = None, mode: str = "at",
                 error: BaseException | None = None) -> Any:
        """Open the schedule dialog for the draft (at ``at``, an aware time, when given)."""
        from studio.ui.publishing.schedule_dialog import ScheduleDialog

        chosen = self._draft(draft_id)
        if chosen is None:
            return None
        try:
            dialog = ScheduleDialog(self.context.library, self.context.tasks, chosen, parent=self.host, at=at,
                                    mode=mode)
        except Exception as failure:  # a draft deleted meanwhile
            self._failed(failure)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.scheduled.connect(self._scheduled)
        if error is not None:
            dialog.show_problem(error)
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_to_queue(self, draft_id: int | None = None) -> None:
        """Give the draft the next free posting slot of each account it is for."""
        chosen = self._draft(draft_id)
        if chosen is not None:
            self.context.tasks.run(_queue, self.context.library, chosen, on_done=self._scheduled,
                                   on_error=lambda error: self._refused(chosen, "queue", error), pool="writes")

    def send_now(self, draft_id: int | None = None) -> None:
        """Schedule the draft now on each account it is for; the publisher sends it at once."""
        chosen = self._draft(draft_id)
        if chosen is not None:
            self.context.tasks.run(_now, self.context.library, chosen, on_done=self._scheduled,
                                   on_error=lambda error: self._refused(chosen, "now", error), pool="writes")

    def _scheduled(self, schedule_ids: list[int]) -> None:
        count = len(schedule_ids)
        self.context.messages.info(counted(count, self.tr("Scheduled on 1 account."), self.tr("Scheduled on %1 accounts.")))
        self.scheduled.emit(schedule_ids)
        if self.run_now is not None:
            self.run_now()

    def _refused(self, draft_id: int, mode: str, error: BaseException) -> None:
        if isinstance(error, NoSlots):
            self._offer_slots(draft_id, error)
            return
        if isinstance(error, NoAccounts | StudioError):  # a pre-flight problem, an account without slots
            self.schedule(draft_id, mode=mode, error=None if isinstance(error, NoAccounts) else error)
            return
        self._failed(error)

    def _offer_slots(self, draft_id: int, missing: NoSlots) -> None:
        """Ask whether the accounts without slots take the ones the client's history suggests."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.host)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Add to queue"))
        box.setText(self.tr("{accounts} has no posting slots. Use the best times from your history: {slots}?").format(
            accounts=", ".join(missing.handles), slots=missing.suggestion.text()))
        box.setInformativeText(self.tr(
            "Based on the average engagements of the {posts} posts this client published in the last {days} "
            "days, in the hours that drew the most (your time zone). You can change the slots later (Publishing "
            "page, Edit slots).").format(posts=missing.suggestion.posts, days=missing.suggestion.days))
        use = box.addButton(self.tr("Use these times"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Choose a time…"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(use)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: Any) -> None:
            if button is use:
                self.context.tasks.run(_use_slots, self.context.library, draft_id, missing.accounts,
                                       missing.suggestion.slots, on_done=self._scheduled,
                                       on_error=lambda error: self._refused(draft_id, "queue", error), pool="writes")
            else:
                self.schedule(draft_id, mode="queue")

        box.buttonClicked.connect(answered)
        self.offer = box
        box.open()

    def _failed(self, error: BaseException) -> None:
        message = in_words(error)
        self.context.messages.error(message)
        self.failed.emit(message)


def _accounts(library: Any, draft_id: int) -> list[int]:
    ids = scheduling.accounts_for(library, library.get_draft(draft_id))
    if not ids:
        raise NoAccounts()
    return ids


def _queue(library: Any, draft_id: int) -> list[int]:
    ids = _accounts(library, draft_id)
    bare = [library.get_account(account) for account in ids]
    bare = [account for account in bare if not account.slots]
    if bare:
        from studio.analytics.summary import suggest_slots
        from studio.library.times import local_zone

        suggestion = suggest_slots(library, library.get_draft(draft_id).client_id, local_zone(), datetime.now(UTC))
        if suggestion is not None:
            raise NoSlots([account.id for account in bare], [account.handle for account in bare], suggestion)
    return [s.id for s in scheduling.add_to_queue(library, draft_id, ids)]


def _use_slots(library: Any, draft_id: int, accounts: list[int], slots: list[dict[str, Any]]) -> list[int]:
    """Give ``accounts`` the suggested ``slots`` (those that still have none), then queue the draft."""
    from dataclasses import replace

    for account_id in accounts:
        account = library.get_account(account_id)
        if not account.slots:
            library.update_account(replace(account, slots=tuple(slots)))
    return _queue(library, draft_id)


def _now(library: Any, draft_id: int) -> list[int]:
    return [s.id for s in scheduling.schedule(library, draft_id, _accounts(library, draft_id), datetime.now(UTC))]
