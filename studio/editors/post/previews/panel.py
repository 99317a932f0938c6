"""The previews of a post, stacked: one card per network (or per account), refreshed at each pause in
the typing. The text shows at once; the renditions and the account's avatar are made on a pool
thread and land on the cards when ready, so typing never waits for an image."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from studio.editors.post.previews.cards import PostLook, PreviewCard
from studio.editors.post.previews.images import Key, Made, Rendered, Wanted, Who, make_all
from studio.editors.translation import QT_TRANSLATE_NOOP
from studio.errors import in_words
from studio.text.networks import all_networks

if TYPE_CHECKING:
    from studio.library import Library

CHANNELS = {"folder": QT_TRANSLATE_NOOP("PreviewsPanel", "Folder"), "webhook": QT_TRANSLATE_NOOP("PreviewsPanel", "Webhook")}


class Tasks(Protocol):
    """The application's pools (``studio.ui.tasks.Tasks``, handed in: editors import no ``studio.ui``)."""

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], object] | None = None) -> None: ...


def _wanted(look: PostLook) -> Wanted:
    return Wanted(look.sent_as, look.assets, look.client_id, look.account_id)


class PreviewsPanel(QScrollArea):
    """Cards for every target network (or ticked account), stacked.

    Signals: ``images_shown()`` once the renditions of the latest looks are on their cards.
    """

    images_shown = Signal()

    def __init__(self, parent: QWidget | None = None, library: Library | None = None,
                 tasks: Tasks | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("previews")
        self.library, self.tasks = library, tasks
        self.cards: list[PreviewCard] = []
        self.titles: list[QLabel] = []
        # Made once, kept while shown: renditions by (asset, crop and focal point, preset); what each
        # look showed last (so a card rebuilt at a pause shows its images at once); avatars by address.
        self._known: dict[Key, Rendered] = {}
        self._last: dict[Wanted, Made] = {}
        self._avatars: dict[str, QImage] = {}
        self._asked = 0
        self._holder = QWidget()
        self._layout = QVBoxLayout(self._holder)
        self._layout.setSpacing(6)
        self.empty = QLabel(self.tr("Choose a network above to see how the post will look there."))
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        self.setWidget(self._holder)

    def use(self, library: Library, tasks: Tasks) -> None:
        """Where the renditions come from (the Write page hands its library and pools over)."""
        self.library, self.tasks = library, tasks

    def show_looks(self, looks: Sequence[PostLook]) -> None:
        """Show ``looks`` now (text at once, images as they are made). At a pause in the typing only
        the words changed: the cards keep their widgets and get the new text."""
        if len(looks) == len(self.cards) and all(card.update_look(look) for card, look in zip(self.cards, looks,
                                                                                               strict=True)):
            self._ask(looks)
            return
        for widget in (*self.cards, *self.titles):
            self._layout.removeWidget(widget)
            widget.hide()  # gone from the screen now, deleted later
            widget.deleteLater()
        self.cards, self.titles = [], []
        self.empty.setVisible(not looks)
        for index, look in enumerate(looks):
            title = QLabel(self._title(look), self._holder)
            title.setObjectName("previewTitle")
            made = self._last.get(_wanted(look))
            card = PreviewCard(look, self._holder, made.images if made else (), made.who if made else None)
            self._layout.insertWidget(2 * index, title)
            self._layout.insertWidget(2 * index + 1, card)
            title.show()  # now: a grab or a paint before the next turn of the event loop sees them
            card.show()
            self.titles.append(title)
            self.cards.append(card)
        self._ask(looks)

    def _ask(self, looks: Sequence[PostLook]) -> None:
        """Have the renditions and the accounts of ``looks`` made on a pool thread."""
        self._asked += 1
        if self.library is None or self.tasks is None or not looks:
            self.images_shown.emit()
            return
        asked, wanted = self._asked, [_wanted(look) for look in looks]
        self.tasks.run(make_all, self.library, wanted, dict(self._known), dict(self._avatars),
                       on_done=lambda answers: self._made(asked, wanted, answers),
                       on_error=lambda error: self._failed(asked, error))

    def drop_pending(self) -> None:
        """Images still being made are not shown when they come (the panel is going away)."""
        self._asked += 1

    def _title(self, look: PostLook) -> str:
        known = all_networks().get(look.network)
        title = known.title if known is not None else self.tr("the base text")
        if look.channel in CHANNELS:
            channel = self.tr(CHANNELS[look.channel])
            return f"<b>{html.escape(channel)}</b> · {html.escape(self.tr('sends {version}').format(version=title))}"
        return f"<b>{html.escape(title)}</b>"

    def _made(self, asked: int, wanted: list[Wanted], answers: list[Made]) -> None:
        if asked != self._asked:
            return  # the text changed since: a newer answer is on its way
        self._last = dict(zip(wanted, answers, strict=True))
        self._known = {image.key: image for made in answers for image in made.images if not image.problem}
        for made in answers:
            who: Who | None = made.who
            if who is not None and who.avatar is not None and who.avatar_url:  # a null image: none there
                self._avatars[who.avatar_url] = who.avatar
        for card, made in zip(self.cards, answers, strict=True):
            card.show_made(made.images, made.who)
        self.images_shown.emit()

    def _failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.empty.setText(in_words(error, self.tr("The images of the previews could not be made")))
        self.empty.show()
        self.images_shown.emit()
