"""Previews: for each target network a card that looks like the post will (name, handle, text with
links and tags styled, image grid, the "more" fold of Instagram and LinkedIn)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImageReader, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from studio.text import entities, network

LINK_COLOUR = "#1d6fd1"


@dataclass(frozen=True)
class PostLook:
    """What a card shows: who posts, and what."""

    network: str
    name: str
    handle: str
    colour: str
    parts: tuple[str, ...]  # one part, or the parts of a thread
    images: tuple[Path, ...] = ()


def styled_html(text: str, fold: int | None = None) -> str:
    """``text`` as HTML with links, hashtags and mentions coloured; folded after ``fold``
    characters with "… more" as the network shows it."""
    folded = False
    if fold is not None and len(text) > fold:
        cut = text.rfind(" ", 0, fold)
        text = text[: cut if cut > fold // 2 else fold].rstrip()
        folded = True
    out: list[str] = []
    position = 0
    for entity in entities.entities(text):
        out.append(html.escape(text[position:entity.start]))
        shown = html.escape(entity.text)
        if entity.kind == "url" and len(entity.text) > 30:
            shown = html.escape(entity.text.split("://", 1)[-1][:26]) + "…"
        out.append(f'<span style="color:{LINK_COLOUR}">{shown}</span>')
        position = entity.end
    out.append(html.escape(text[position:]))
    body = "".join(out).replace("\n", "<br>")
    if folded:
        body += '… <span style="color:#6f6e77">more</span>'
    return body


def read_thumbnail(path: Path, size: int) -> QPixmap:
    """The image at ``path`` scaled to fill a ``size`` square (a null pixmap when unreadable)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    reader.setScaledSize(reader.size().scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding))
    image = reader.read()
    return QPixmap() if image.isNull() else QPixmap.fromImage(image).copy(0, 0, size, size)


class PreviewCard(QFrame):
    """One network's look of the post.

    Signals: none.
    """

    def __init__(self, look: PostLook, parent: QWidget | None = None,
                 thumbnail: Callable[[Path, int], QPixmap] | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.setObjectName(f"preview-{look.network}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("PreviewCard { background: palette(base); border-radius: 8px; }")
        info = network(look.network)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        avatar = QLabel(look.name[:1].upper() or "?")
        avatar.setFixedSize(36, 36)
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text_colour = "white" if QColor(look.colour).lightness() < 150 else "black"
        avatar.setStyleSheet(f"background:{look.colour}; color:{text_colour}; border-radius:18px; font-weight:700;")
        head.addWidget(avatar)
        who = QLabel(f"<b>{html.escape(look.name)}</b><br><span style='color:#6f6e77'>"
                     f"{html.escape(look.handle)} · {html.escape(info.title)}</span>")
        head.addWidget(who, 1)
        layout.addLayout(head)
        self.text_labels: list[QLabel] = []
        total = len(look.parts)
        for part in look.parts:
            label = QLabel(styled_html(part, info.fold if total == 1 else None))
            label.setObjectName("previewText")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if total > 1:
                label.setStyleSheet("border-left: 2px solid palette(mid); padding-left: 6px;")
            layout.addWidget(label)
            self.text_labels.append(label)
        if look.images:
            layout.addWidget(self._grid(look.images, thumbnail or read_thumbnail))

    @staticmethod
    def _grid(images: Sequence[Path], thumbnail: Callable[[Path, int], QPixmap]) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        shown = list(images)[:4]
        size = 220 if len(shown) == 1 else 108
        for index, path in enumerate(shown):
            pixmap = thumbnail(path, size)
            cell = QLabel()
            cell.setFixedSize(size, size)
            cell.setScaledContents(False)
            if pixmap.isNull():
                cell.setText("Image not readable")
            else:
                cell.setPixmap(pixmap)
            grid.addWidget(cell, index // 2 if len(shown) > 1 else 0, index % 2 if len(shown) > 1 else 0)
        return grid_widget


class PreviewsPanel(QScrollArea):
    """Cards for every target network, stacked.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.cards: list[PreviewCard] = []
        # The cards are rebuilt at each pause in the typing; the draft's images are decoded once.
        self._thumbnails: dict[tuple[Path, int], QPixmap] = {}
        self._holder = QWidget()
        self._layout = QVBoxLayout(self._holder)
        self._layout.addStretch(1)
        self.setWidget(self._holder)

    def show_looks(self, looks: Sequence[PostLook]) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        shown = {path for look in looks for path in look.images}
        self._thumbnails = {key: pixmap for key, pixmap in self._thumbnails.items() if key[0] in shown}
        for index, look in enumerate(looks):
            card = PreviewCard(look, self._holder, self._thumbnail)
            self._layout.insertWidget(index, card)
            self.cards.append(card)

    def _thumbnail(self, path: Path, size: int) -> QPixmap:
        key = (path, size)
        if key not in self._thumbnails:
            self._thumbnails[key] = read_thumbnail(path, size)
        return self._thumbnails[key]
