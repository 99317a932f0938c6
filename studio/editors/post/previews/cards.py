"""One network's preview card: the post laid out as that network lays it out (a post card for X,
Bluesky, Threads and Mastodon; Instagram's image first with the caption under it; LinkedIn's and
Facebook's feed cards; a Telegram bubble; TikTok's video; YouTube's page; a Pin; the files a Folder
or Webhook gets), with the network's fold, links, link card, thread parts and the renditions."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from studio.editors.post.previews.images import Rendered, Who
from studio.editors.post.previews.parts import (
    ImageTile,
    LinkCardView,
    avatar_label,
    boxed,
    image_grid,
    text_label,
)
from studio.editors.post.previews.style import NetworkStyle, first_link, style_for, styled_html
from studio.model import AttachedAsset
from studio.text.networks import all_networks

DARK_CHAT = "#0e1621"  # Telegram's dark chat background (its light one is a pale blue)
WIDTH = 380  # the width of a post's media in the preview (a phone's feed, in spirit)


@dataclass(frozen=True)
class PostLook:
    """What a card shows: who posts, and what.

    ``parts`` come from :func:`studio.drafting.parts_for`; ``assets`` are the draft's images, shown
    as the renditions for ``target`` (the network version, default ``network``); ``channel`` is the
    account's own network where the post goes through one (a folder shows its files); ``client_id``
    and ``account_id`` let the panel find the account that posts (its name and avatar).
    """

    network: str
    name: str
    handle: str
    colour: str
    parts: tuple[str, ...]  # one part, or the parts of a thread
    images: tuple[Path, ...] = ()  # the draft's files (kept for callers; the renditions are shown)
    assets: tuple[AttachedAsset, ...] = ()
    target: str = ""
    channel: str = ""
    client_id: int | None = None
    account_id: int | None = None

    @property
    def sent_as(self) -> str:
        """The network version whose renditions are sent."""
        return self.target or self.network


class PreviewCard(QFrame):
    """One network's look of the post.

    Signals: none.
    """

    def __init__(self, look: PostLook, parent: QWidget | None = None, images: Sequence[Rendered] = (),
                 who: Who | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.images = tuple(images)
        self.who = who
        self.style_ = style_for(look.channel if look.channel in ("folder", "webhook") else look.network)
        self.setObjectName(f"preview-{look.channel or look.network}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # As tall as its content, always: the panel scrolls rather than squeezing a card.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: palette(base); border-radius: 10px; }}")
        self.text_labels: list[QLabel] = []
        self.folded: list[bool] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._body: QWidget | None = None
        self.rebuild()

    # -- what changes after the card is made --------------------------------------------------

    def show_made(self, images: Sequence[Rendered], who: Who | None) -> None:
        """The renditions and the account, once made (rebuilt only when they differ)."""
        images = tuple(images)
        if [(i.key, i.alt, i.problem) for i in images] == [(i.key, i.alt, i.problem) for i in self.images] \
                and who == self.who:
            return
        self.images, self.who = images, who
        self.rebuild()

    @property
    def tiles(self) -> list[ImageTile]:
        return list(self.findChildren(ImageTile))

    @property
    def link_cards(self) -> list[LinkCardView]:
        return list(self.findChildren(LinkCardView))

    # -- building -----------------------------------------------------------------------------

    def _is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark builds the card again in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._body is not None and self._dark != self._is_dark():
            self.rebuild()

    def rebuild(self) -> None:
        self._dark = self._is_dark()
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.setParent(None)  # gone from the card's children now, deleted later
            self._body.deleteLater()
        self.text_labels, self.folded = [], []
        self._sources: list[tuple[int, bool, str, str]] = []
        self._body = QWidget(self)
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        build = getattr(self, "_" + self.style_.layout.replace("-", "_"))
        build(body)
        self._layout.addWidget(self._body)
        self._body.show()  # now, not at the next turn of the event loop (a grab would miss it)

    @property
    def name(self) -> str:
        return self.who.name if self.who else self.look.name

    @property
    def handle(self) -> str:
        handle = self.who.handle if self.who else self.look.handle
        return handle if handle.startswith("@") or self.look.channel in ("folder", "webhook") else "@" + handle

    def _muted(self) -> str:
        """Secondary text: the text colour halfway to the background (readable light and dark)."""
        text, base = self.palette().color(QPalette.ColorRole.Text), self.palette().color(QPalette.ColorRole.Base)
        return QColor((text.red() + base.red()) // 2, (text.green() + base.green()) // 2,
                      (text.blue() + base.blue()) // 2).name()

    def _accent(self) -> NetworkStyle:
        """The style with its accent readable on this card's background (dark mode lightens it)."""
        from dataclasses import replace

        base = self.palette().color(QPalette.ColorRole.Base)
        accent = QColor(self.style_.accent)
        if base.lightness() < 128 and accent.lightness() < 150:  # as the networks' dark modes do
            lighter = QColor.fromHsl(accent.hslHue(), accent.hslSaturation(), 165)
            return replace(self.style_, accent=lighter.name())
        return self.style_

    def _text(self, part: int, fold: bool = True, more: str = "", prefix: str = "") -> QLabel:
        """A label with part ``part`` of the post (-1: all parts, one after the other) as the network
        shows it; remembered so :meth:`update_look` can set a new text without building the card."""
        label = text_label("")
        if self.style_.font:
            font = QFont(label.font())
            font.setFamilies([self.style_.font, *font.families()])
            label.setFont(font)
        self.text_labels.append(label)
        self.folded.append(False)
        self._sources.append((part, fold, more, prefix))
        self._set_text(len(self.text_labels) - 1)
        return label

    def _set_text(self, index: int) -> None:
        part, fold, more, prefix = self._sources[index]
        text = "\n\n".join(self.look.parts) if part < 0 else self.look.parts[part]
        body, folded = styled_html(text, self._accent(), more or self.tr("more"), self._muted(), fold)
        self.text_labels[index].setText(prefix + body)
        self.folded[index] = folded

    def update_look(self, look: PostLook) -> bool:
        """Show ``look``'s text in place when only the words changed (the card keeps its widgets:
        cheap at each pause in the typing); ``False`` when the card must be built again."""
        same = (look.network, look.channel, len(look.parts), look.assets, look.name, look.handle, look.colour) == (
            self.look.network, self.look.channel, len(self.look.parts), self.look.assets, self.look.name,
            self.look.handle, self.look.colour)
        cards = self.style_.card and [first_link(part) for part in look.parts] != [
            first_link(part) for part in self.look.parts]
        if not same or cards or self.style_.layout == "files":
            return False
        self.look = look
        for index in range(len(self.text_labels)):
            self._set_text(index)
        return True

    def _avatar(self, size: int) -> QLabel:
        return avatar_label(self.name, self.look.colour, size, self.who.avatar if self.who else None)

    def _who(self, second_line: bool, extra: str = "") -> QLabel:
        """The name in bold, then the handle (and the time) muted, on one line or two."""
        muted, name, handle = self._muted(), html.escape(self.name), html.escape(self.handle)
        tail = f" · {html.escape(extra)}" if extra else ""
        joiner = "<br>" if second_line else " "
        who = QLabel(f"<b>{name}</b>{joiner}<span style='color:{muted}'>{handle}{tail}</span>", self._body)
        who.setObjectName("previewWho")
        who.setWordWrap(True)
        return who

    def _head(self, size: int, second_line: bool, extra: str = "") -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self._avatar(size), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._who(second_line, extra), 1)
        return row

    def _media(self, body: QVBoxLayout, part: int, width: int = WIDTH, single: int | None = None) -> bool:
        if part != 0 or not self.images:
            return False
        body.addWidget(image_grid(self.images, width, self.style_.max_images, self._body, single))
        return True

    def _card_for(self, body: QVBoxLayout, text: str, telegram: bool = False) -> None:
        card = first_link(text) if self.style_.card else None
        if card is not None:
            body.addWidget(LinkCardView(card, self._accent().accent, self._muted(), telegram, self._body))

    def _no_image(self, body: QVBoxLayout, message: str) -> None:
        box = QLabel(message, self._body)
        box.setObjectName("previewNeedsImage")
        box.setWordWrap(True)
        box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.setMinimumHeight(100)
        body.addWidget(boxed(box, "rgba(127,127,127,0.18)", 6, 12))

    # -- the layouts ----------------------------------------------------------------------------

    def _post(self, body: QVBoxLayout) -> None:
        """X, Bluesky, Threads, Mastodon: avatar beside name and handle, the text, media or a link
        card; a thread part by part, joined by a line under the avatar."""
        mastodon = self.look.network == "mastodon"
        total = len(self.look.parts)
        for index, part in enumerate(self.look.parts):
            row = QHBoxLayout()
            row.setSpacing(10)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self._avatar(40))
            if index < total - 1:  # the thread's line down to the next part
                line = QFrame(self._body)
                line.setFixedWidth(2)
                line.setStyleSheet("background: rgba(127,127,127,0.5);")
                column.addWidget(line, 1, Qt.AlignmentFlag.AlignHCenter)
            else:
                column.addStretch(1)
            row.addLayout(column)
            content = QVBoxLayout()
            content.setSpacing(6)
            content.addWidget(self._who(mastodon, self.tr("now")))
            content.addWidget(self._text(index))
            if not self._media(content, index, WIDTH - 50):
                self._card_for(content, part)
            row.addLayout(content, 1)
            body.addLayout(row)

    def _image_first(self, body: QVBoxLayout) -> None:
        """Instagram: the photo first, then the actions, then the caption after the handle; the
        caption's links are plain text and it folds after about 125 characters."""
        row = QHBoxLayout()  # Instagram names the account by its username only
        row.addWidget(self._avatar(32))
        row.addWidget(QLabel(f"<b>{html.escape(self.handle.lstrip('@'))}</b>", self._body), 1)
        body.addLayout(row)
        if self.images:
            body.addWidget(image_grid(self.images[:1], WIDTH, 1, self._body))
            if len(self.images) > 1:
                dots = QLabel("● " + "○ " * (len(self.images) - 1), self._body)
                dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
                dots.setStyleSheet(f"color: {self.style_.accent}; font-size: 8px;")
                body.addWidget(dots)
        else:
            self._no_image(body, self.tr("Instagram needs a photo or a video: attach an image to post this."))
        body.addWidget(QLabel("♡   ◯   ➤", self._body))
        body.addWidget(self._text(0, prefix=f"<b>{html.escape(self.handle.lstrip('@'))}</b> "))

    def _feed(self, body: QVBoxLayout) -> None:
        """LinkedIn and Facebook: name over handle and time, the text folded with "…more" (LinkedIn)
        or "See more" (Facebook), the media or link card, the reactions."""
        body.addLayout(self._head(46, True, self.tr("now") + " · 🌐"))
        more = self.tr("See more") if self.look.network == "facebook" else self.tr("more")
        body.addWidget(self._text(0, more=more))
        if not self._media(body, 0, WIDTH, WIDTH):
            self._card_for(body, self.look.parts[0])
        actions = (self.tr("Like"), self.tr("Comment"), self.tr("Share"))
        row = QLabel("      ".join(actions), self._body)
        row.setStyleSheet(f"color: {self._muted()}; font-weight: 600;")
        body.addWidget(row)

    def _bubble(self, body: QVBoxLayout) -> None:
        """Telegram: the channel's message bubble on the chat background; media on top, the text,
        a web page preview with a coloured bar, the time."""
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: {self._chat_background()}; "
                           "border-radius: 10px; }")
        for index, part in enumerate(self.look.parts):
            bubble = QFrame(self._body)
            bubble.setObjectName("telegramBubble")
            colour = "#182533" if self._chat_background() == DARK_CHAT else "#ffffff"  # Telegram's own
            bubble.setStyleSheet(f"QFrame#telegramBubble {{ background: {colour}; border-radius: 12px; }}")
            inner = QVBoxLayout(bubble)
            inner.setContentsMargins(10, 8, 10, 6)
            title = QLabel(f"<b style='color:{self._accent().accent}'>{html.escape(self.name)}</b>", bubble)
            inner.addWidget(title)
            if not self._media(inner, index, WIDTH - 40, WIDTH):
                self._card_for(inner, part, telegram=True)
            inner.addWidget(self._text(index, fold=False))
            time = QLabel(self.tr("now"), bubble)
            time.setStyleSheet(f"color: {self._muted()}; font-size: 11px;")
            inner.addWidget(time, 0, Qt.AlignmentFlag.AlignRight)
            body.addWidget(bubble)

    def _chat_background(self) -> str:
        return DARK_CHAT if self.palette().color(QPalette.ColorRole.Base).lightness() < 128 else "#c8d9e6"

    def _video(self, body: QVBoxLayout) -> None:
        """TikTok: a 9:16 frame with the cover (the first image), the handle and caption under it."""
        frame = QLabel(self._body)
        frame.setObjectName("tiktokFrame")
        frame.setFixedSize(270, 480)
        frame.setAlignment(Qt.AlignmentFlag.AlignCenter)
        frame.setStyleSheet("background: #000000; color: white; border-radius: 8px;")
        cover = QVBoxLayout(frame)
        cover.setContentsMargins(6, 6, 6, 6)
        if self.images:
            cover.addWidget(image_grid(self.images[:1], 258, 1, frame, 460), 1, Qt.AlignmentFlag.AlignCenter)
        else:
            empty = QLabel(self.tr("TikTok posts a video or photos: attach an image."), frame)
            empty.setWordWrap(True)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cover.addWidget(empty, 1)
        body.addWidget(frame, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(QLabel(f"<b>{html.escape(self.handle)}</b>", self._body))
        body.addWidget(self._text(0))

    def _youtube(self, body: QVBoxLayout) -> None:
        """YouTube: the thumbnail (16:9), the title, the channel, the description box folded."""
        if self.images:
            body.addWidget(image_grid(self.images[:1], WIDTH, 1, self._body, WIDTH * 9 // 16))
        title_only = self.look.network == "youtube-title"
        if title_only:
            title = self._text(0, fold=False)
            title.setStyleSheet("font-size: 17px; font-weight: 700;")
            body.addWidget(title)
        body.addLayout(self._head(36, True))
        if not title_only:
            box = self._text(0, more=self.tr("...more"))
            body.addWidget(boxed(box, "rgba(127,127,127,0.16)", 10))

    def _pin(self, body: QVBoxLayout) -> None:
        """Pinterest: the image, rounded, the description under it (folded), who pinned it."""
        if self.images:
            body.addWidget(image_grid(self.images[:1], 300, 1, self._body, 450))
        else:
            self._no_image(body, self.tr("A Pin needs an image: attach one to post this."))
        body.addWidget(self._text(0))
        body.addLayout(self._head(28, False))

    def _files(self, body: QVBoxLayout) -> None:
        """A Folder (post.txt, the images, alt-text.txt, reminder.ics) or a Webhook (one JSON body
        with the text, the parts and the images) as a listing of what it gets."""
        known = all_networks().get(self.look.network)
        version = known.title if known is not None else self.tr("the base text")
        muted = self._muted()
        folder = self.look.channel == "folder"
        head = self.tr("Folder “{where}”: a package with the {version} version") if folder else \
            self.tr("Webhook “{where}”: a signed JSON POST with the {version} version")
        title = QLabel(f"<b>{html.escape(head.format(where=self.handle, version=version))}</b>", self._body)
        title.setWordWrap(True)
        body.addWidget(title)
        rows = []
        text = "\n\n".join(self.look.parts)
        if folder:
            rows.append(("post.txt", self.tr("{count} characters").format(count=len(text))))
        else:
            rows.append(("text", self.tr("{count} characters").format(count=len(text))))
            if len(self.look.parts) > 1:
                rows.append(("parts", self.tr("{count} parts").format(count=len(self.look.parts))))
        for number, image in enumerate(self.images, 1):
            name = f"{number:02d}{image.path.suffix}" if folder else f"images[{number - 1}]"
            rows.append((name, self.tr("{width}×{height} px").format(width=image.width, height=image.height)
                         + " · " + (self.tr("ALT") if image.alt else self.tr("no alt text"))))
        if folder and self.images:
            rows.append(("alt-text.txt", self.tr("the alt texts")))
        if folder:
            rows.append(("reminder.ics", self.tr("a reminder at the scheduled time")))
        listing = "".join(f"<tr><td style='padding-right:14px'><code>{html.escape(name)}</code></td>"
                          f"<td style='color:{muted}'>{html.escape(about)}</td></tr>" for name, about in rows)
        table = QLabel(f"<table>{listing}</table>", self._body)
        table.setObjectName("previewFiles")
        body.addWidget(table)
        if self.images:
            body.addWidget(image_grid(self.images, 220, self.style_.max_images, self._body, 160))
        content = self._text(-1, fold=False)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        content.setFont(mono)
        body.addWidget(boxed(content, "rgba(127,127,127,0.12)", 6))
