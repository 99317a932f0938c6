"""The Write page's side parts: the link rules its counters need, counters, the issues panel, the
previews, emoji and snippets."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu, QStackedWidget, QTabWidget, QWidget

from studio.analytics.links import tagged_texts
from studio.drafting import BASE, DraftText
from studio.editors.post.counters import CountersBar
from studio.editors.post.editor import PostEditor
from studio.editors.post.emoji_picker import EmojiPicker
from studio.editors.post.issues_panel import IssuePanel
from studio.editors.post.previews import PostLook, PreviewsPanel
from studio.editors.post.snippets import snippets_menu
from studio.editors.post.thread_editor import ThreadEditor
from studio.errors import in_words
from studio.text import count, warm_up

if TYPE_CHECKING:
    from studio.ui.context import AppContext
    from studio.ui.write.opening import Opened

    _Widget = QWidget  # what the mixin is mixed into, for the type checker
else:
    _Widget = object

log = logging.getLogger(__name__)


class PanelsMixin(_Widget):
    """What the Write page shows beside the text (mixed into
    :class:`studio.ui.write.page.WriteWorkspace`, whose attributes it uses)."""

    context: AppContext
    opened: Opened | None
    _waiting: Opened | None
    _warming: bool
    draft: DraftText
    current: str
    ready: bool
    editor: PostEditor
    thread_editor: ThreadEditor
    stack: QStackedWidget
    counters: CountersBar
    issues: IssuePanel
    previews: PreviewsPanel
    side: QTabWidget

    def _show_opened(self, opened: Opened) -> None:
        raise NotImplementedError

    def start_warm_up(self) -> None:
        """Load the link rules on a worker (once). The app calls this after its first paint: the
        import holds the interpreter for a few hundred milliseconds, which start-up should not wait for."""
        if not self._warming:
            self._warming = True
            self.context.tasks.run(warm_up, on_done=self._warmed, on_error=self._warm_failed)

    def _warmed(self, _result: object) -> None:
        self.ready = True
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._show_opened(waiting)
        self._refresh_counts()

    def _warm_failed(self, error: BaseException) -> None:
        log.error("Loading the link rules failed: %s", error)
        self.context.messages.error(in_words(error, QCoreApplication.translate("WriteWorkspace",
            "Studio could not load its link rules, counters are off")))

    def _refresh_counts(self) -> None:
        """Each target's count: its text, or its thread's longest part in the network's unit."""
        if not self.ready or self.opened is None:
            return
        texts = {}
        for network_id in self.draft.targets:
            limit = self.counters.limits.get(network_id)
            lengths = {part: count(part, network_id, limit=limit).length for part in self.draft.parts_for(network_id)}
            texts[network_id] = max(lengths, key=lengths.__getitem__)
        self.counters.update_counts(texts)
        self._mark_over()

    def _mark_over(self) -> None:
        """Mark in the editor the part over the limit of the chosen (or first failing) network."""
        chosen = self.counters.worst()
        shown = chosen is not None and not self.draft.has_thread(chosen) and (
            self.current == chosen or (self.current == BASE and not self.draft.has_variant(chosen)))
        self.editor.set_over_from(self.counters.counts[chosen].over_from if shown and chosen else None)

    def _refresh_panel(self) -> None:
        if self.stack.currentWidget() is self.thread_editor:
            self.issues.set_parts([(part.text(), part.marks()) for part in self.thread_editor.editors])
        else:
            self.issues.set_marks(self.editor.text(), self.editor.marks())

    def looks(self) -> list[PostLook]:
        """The previews: one per target network, with the parts :meth:`DraftText.parts_for` gives it."""
        if self.opened is None:
            return []
        client = self.opened.client
        default_handle = "@" + "".join(ch for ch in client.name.lower() if ch.isalnum())
        looks = []
        for network_id in self.draft.targets:
            handle = self.opened.handles.get(network_id, default_handle)
            looks.append(PostLook(network_id, client.name, handle if handle.startswith("@") else "@" + handle,
                                  client.colour, self._leaving(network_id), self.opened.images,
                                  assets=self.opened.draft.assets, client_id=client.id))
        return looks

    def _leaving(self, network_id: str) -> tuple[str, ...]:
        """The parts as they will leave for ``network_id``: with the UTM parameters the runner adds."""
        assert self.opened is not None
        return tagged_texts(self.opened.links, self.opened.draft, network_id, self.draft.parts_for(network_id),
                            self.counters.limits.get(network_id))

    def _refresh_previews(self) -> None:
        if self.side.currentWidget() is self.previews:
            self.previews.use(self.context.library, self.context.tasks)  # the renditions the publisher sends
            self.previews.show_looks(self.looks())

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
