"""The pieces a preview card is made of: the avatar, an image as it will be sent (with its alt-text
badge), a grid of them, a link card and a post's text."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from studio.editors.post.previews.images import Rendered
from studio.editors.post.previews.style import LinkCard

BADGE = "background: rgba(0,0,0,0.72); color: white; border-radius: 4px; padding: 1px 5px; font-weight: 700;"
MISSING = "background: #f5b400; color: #1b1b1b; border-radius: 4px; padding: 1px 5px; font-weight: 700;"


def avatar_pixmap(name: str, colour: str, size: int, image: QImage | None = None) -> QPixmap:
    """A round avatar: the account's picture, else the name's first letter on its colour."""
    ratio = 2  # drawn at twice the size, sharp on a high-density screen
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, size * ratio, size * ratio))
    painter.setClipPath(circle)
    if image is not None and not image.isNull():
        painter.drawImage(QRectF(0, 0, size * ratio, size * ratio), image)
    else:
        background = QColor(colour or "#4f7cff")
        painter.fillPath(circle, background)
        painter.setPen(QColor("#ffffff") if background.lightness() < 150 else QColor("#111111"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * ratio * 0.42))
        painter.setFont(font)
        letter = next((ch for ch in name if ch.isalnum()), "?").upper()
        painter.drawText(QRectF(0, 0, size * ratio, size * ratio), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def avatar_label(name: str, colour: str, size: int, image: QImage | None = None) -> QLabel:
    label = QLabel()
    label.setObjectName("previewAvatar")
    label.setFixedSize(size, size)
    label.setPixmap(avatar_pixmap(name, colour, size, image))
    return label


def text_label(body: str, name: str = "previewText") -> QLabel:
    """A post's text (HTML made by :func:`style.styled_html`): wrapped, selectable, links clickable."""
    label = QLabel(body)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


def boxed(widget: QWidget, background: str, radius: int = 8, margin: int = 8) -> QFrame:
    """``widget`` on a rounded panel. The room is the layout's margin, not a style sheet's padding,
    which a wrapped label's height-for-width leaves out (and the panel would then cut the card)."""
    frame = QFrame(widget.parentWidget())
    frame.setObjectName("previewBox")
    frame.setStyleSheet(f"QFrame#previewBox {{ background: {background}; border-radius: {radius}px; }}")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.addWidget(widget)
    return frame


class ImageTile(QLabel):
    """One rendition as the network will show it, fitted in ``width`` x ``height``, with "ALT" where
    it has alt text and a warning where it has none.

    Signals: none.
    """

    def __init__(self, rendered: Rendered, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rendered = rendered
        self.setObjectName("previewImage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: rgba(127,127,127,0.18); border-radius: 6px;")
        if rendered.problem or rendered.image.isNull():
            self.setFixedSize(width, max(60, height // 3))
            self.setWordWrap(True)
            self.setText(rendered.problem or self.tr("This image could not be read."))
            self.badge = QLabel(self)
            self.badge.hide()
            return
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = _scaled(rendered, int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
        self.setFixedSize(max(1, round(pixmap.width() / ratio)), max(1, round(pixmap.height() / ratio)))
        size = self.tr("{width}×{height} px, as it will be sent").format(width=rendered.width, height=rendered.height)
        if rendered.alt:
            self.badge = QLabel(self.tr("ALT"), self)
            self.badge.setStyleSheet(BADGE)
            self.setToolTip(self.tr("Alt text: {alt}").format(alt=rendered.alt) + "\n" + size)
        else:
            self.badge = QLabel("⚠ " + self.tr("No alt text"), self)
            self.badge.setStyleSheet(MISSING)
            self.setToolTip(self.tr("No alt text: people who use a screen reader will not know what it shows.")
                            + "\n" + size)
        self.badge.setObjectName("altBadge")
        self.badge.adjustSize()
        self.badge.move(6, self.height() - self.badge.height() - 6)


_SCALED: dict[tuple[object, ...], QPixmap] = {}
SCALED_KEPT = 64  # pixmaps kept: every card of a post with a few images, at its sizes


def _scaled(rendered: Rendered, width: int, height: int) -> QPixmap:
    """The rendition fitted in ``width`` x ``height`` device pixels, scaled once: the cards are rebuilt
    at each pause in the typing, and smooth scaling is the slow part of a rebuild."""
    key = (rendered.key, str(rendered.path), width, height)
    pixmap = _SCALED.get(key)
    if pixmap is None:
        if len(_SCALED) >= SCALED_KEPT:
            _SCALED.pop(next(iter(_SCALED)))
        pixmap = _SCALED[key] = QPixmap.fromImage(rendered.image.scaled(
            width, height, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
    return QPixmap(pixmap)


def image_grid(images: Sequence[Rendered], width: int, limit: int, parent: QWidget | None = None,
               single_height: int | None = None) -> QWidget:
    """The images a network shows in a post: one at full width, else two columns (at most ``limit``;
    a "+n" on the last one for what the network would not show)."""
    holder = QWidget(parent)
    holder.setObjectName("previewMedia")
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # never cut an image
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(3)
    shown = list(images)[:limit]
    if len(shown) == 1:
        grid.addWidget(ImageTile(shown[0], width, single_height or width * 5 // 4, holder), 0, 0)
        return holder
    cell = (width - 3) // 2
    for index, rendered in enumerate(shown):
        tile = ImageTile(rendered, cell, cell, holder)
        grid.addWidget(tile, index // 2, index % 2, Qt.AlignmentFlag.AlignCenter)
    hidden = len(images) - len(shown)
    if hidden > 0:
        more = QLabel(f"+{hidden}", holder)
        more.setStyleSheet(BADGE)
        grid.addWidget(more, (len(shown) - 1) // 2, (len(shown) - 1) % 2,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return holder


class LinkCardView(QFrame):
    """The card a network makes for a post's first link (Studio fetches no page: host and address).

    Signals: none.
    """

    def __init__(self, card: LinkCard, accent: str, muted: str, telegram: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName("previewLinkCard")
        if telegram:  # Telegram's web page preview: a coloured bar at the left, no frame
            self.setStyleSheet(f"QFrame#previewLinkCard {{ border-left: 3px solid {accent}; padding-left: 6px; }}")
        else:
            self.setStyleSheet("QFrame#previewLinkCard { border: 1px solid rgba(127,127,127,0.45); "
                               "border-radius: 10px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        host = QLabel(f"<b style='color:{accent}'>{html.escape(card.host)}</b>" if telegram
                      else f"<span style='color:{muted}'>{html.escape(card.host)}</span>")
        title = QLabel(html.escape(card.path or "/"))
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(host)
        layout.addWidget(title)
        self.setToolTip(self.tr("A link card for {url}").format(url=card.url))
