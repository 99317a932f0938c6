"""A post already out is not edited without a word: the Write page shows a bar saying where it was
published, the text stays read-only until "Edit anyway", and "Duplicate as new post" starts a new
post from it (:meth:`studio.library.Library.duplicate_draft`). Edits after "Edit anyway" change
Studio's copy only (and what is still to be sent); the bar keeps saying so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.errors import in_words
from studio.ui.write.opening import load_status

if TYPE_CHECKING:
    from studio.model import Draft, Schedule
    from studio.ui.context import AppContext
    from studio.ui.write.opening import Opened

    _Widget = QWidget  # what the mixin is mixed into, for the type checker
else:
    _Widget = object

class PublishedBar(QFrame):
    """The bar above the text of a post that went out.

    Signals: ``edit_anyway()``; ``duplicate()``.
    """

    edit_anyway = Signal()
    duplicate = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishedBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#publishedBar { background: palette(alternate-base); "
                           "border: 1px solid palette(highlight); border-radius: 4px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("publishedNotice")
        layout.addWidget(self.label, 1)
        self.edit_button = QPushButton(self.tr("Edit anyway"))
        self.edit_button.setToolTip(self.tr("Change Studio's copy; what was published stays as it is"))
        self.duplicate_button = QPushButton(self.tr("Duplicate as new post"))
        self.duplicate_button.setToolTip(self.tr("A new draft with this text, its versions and images"))
        layout.addWidget(self.edit_button)
        layout.addWidget(self.duplicate_button)
        self.edit_button.clicked.connect(self.edit_anyway.emit)
        self.duplicate_button.clicked.connect(self.duplicate.emit)
        self.hide()

    def show_sent(self, where: list[str], editing: bool) -> None:
        """Say the post went out on ``where`` (network names); ``editing``: after "Edit anyway"."""
        places = ", ".join(where) or self.tr("its networks")
        if editing:
            text = self.tr("You are editing a post already published on {places}. What was published "
                           "does not change; only Studio's copy does.").format(places=places)
        else:
            text = self.tr("This post was published on {places}. Editing it here does not change what "
                           "was published.").format(places=places)
        self.label.setText(text)
        self.edit_button.setVisible(not editing)
        self.show()


class PublishedMixin(_Widget):
    """The published bar's part of the Write page (mixed into
    :class:`studio.ui.write.page.WriteWorkspace`, whose attributes it uses)."""

    context: AppContext
    opened: Opened | None
    published_bar: PublishedBar
    sent: tuple[Schedule, ...]
    _unlocked: int | None  # the draft "Edit anyway" was chosen for

    def open_draft(self, draft_id: int) -> None:
        raise NotImplementedError

    def _show_heading(self) -> None:
        raise NotImplementedError

    def _set_editable(self, editable: bool) -> None:
        raise NotImplementedError

    @property
    def locked(self) -> bool:
        """Whether the open post went out and "Edit anyway" was not chosen for it."""
        return self.opened is not None and self._went_out() and self._unlocked != self.opened.draft.id

    def _went_out(self) -> bool:
        return self.opened is not None and (self.opened.draft.status == "published" or bool(self.sent))

    def _show_published(self) -> None:
        """The bar and the read-only text, as the open post's status says."""
        if not self._went_out():
            self.published_bar.hide()
            self._set_editable(self.opened is not None)
            return
        assert self.opened is not None
        handles = {account.id: account.handle for account in self.opened.accounts}
        names = [handles.get(s.account_id or 0) or s.network.capitalize() for s in self.sent]
        self.published_bar.show_sent(list(dict.fromkeys(names)), editing=not self.locked)
        self._set_editable(not self.locked)

    def _reload_status(self) -> None:
        """The open post's status and sends as stored (scheduled, published…), shown at once."""
        if self.opened is not None:
            self.context.tasks.run(load_status, self.context.library, self.opened.draft.id,
                                   on_done=self._status_loaded, on_error=lambda _error: None)

    def _status_loaded(self, found: tuple[Draft, tuple[Schedule, ...]]) -> None:
        from dataclasses import replace

        draft, sent = found
        if self.opened is None or self.opened.draft.id != draft.id:
            return
        self.opened.draft = replace(self.opened.draft, status=draft.status)
        self.sent = sent
        self._show_heading()
        self._show_published()

    def edit_post_anyway(self) -> None:
        if self.opened is not None:
            self._unlocked = self.opened.draft.id
            self._show_published()

    def duplicate_post(self) -> None:
        """A new draft from the open post, opened in its place."""
        if self.opened is not None:
            self.context.tasks.run(self.context.library.duplicate_draft, self.opened.draft.id, pool="writes",
                                   on_done=lambda copy: self.open_draft(copy.id),
                                   on_error=lambda error: self.context.messages.error(
                                       in_words(error, QCoreApplication.translate("WriteWorkspace", "Studio could not duplicate the post"))))
