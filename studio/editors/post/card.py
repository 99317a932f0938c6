"""The issue card: what clicking an underlined word opens (as Grammarly's cards do).

One small popup with everything about one issue in one place: its category (in the underline's
colour), the message, the rule in words (its id in a tooltip), the replacements as buttons (a
click applies one), "Ignore" (in this post) and, for a spelling issue, "Add to dictionary". Esc or a
click elsewhere closes it; Tab walks its buttons, Enter or Space presses the one with the focus,
and typing a letter closes it and types the letter in the text (a click was to put the cursor there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.editors.post.highlighter import category_colour
from studio.editors.post.issues_panel import category_title
from studio.editors.post.marks import Mark

MAX_BUTTONS = 6
COLUMNS = 3
WIDTH = 360  # points wide at most: a card, not a dialog (narrower when the editor is)


class IssueCard(QFrame):
    """A popup card for ``mark`` (``word`` is the text under it).

    Signals: ``replacement_chosen(str replacement)``; ``ignore_requested()``;
    ``add_word_requested(str word)`` (spelling only). The card closes itself after each.
    """

    replacement_chosen = Signal(str)
    ignore_requested = Signal()
    add_word_requested = Signal(str)

    def __init__(self, mark: Mark, word: str, parent: QWidget | None = None, *, width: int = WIDTH) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("issueCard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A visible edge in light and dark themes alike (a plain panel's frame vanishes on dark).
        self.setStyleSheet("QFrame#issueCard { border: 1px solid palette(mid); border-radius: 6px;"
                           " background: palette(window); }")
        self.setAccessibleName(self.tr("Issue"))
        self.mark = mark
        issue = mark.issue
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        inner = max(200, min(WIDTH, width)) - 24

        self.category = QLabel(category_title(issue.category))
        self.category.setObjectName("issueCardCategory")
        colour = category_colour(issue.category).name()
        self.category.setStyleSheet(f"color: {colour}; font-weight: 600;")
        layout.addWidget(self.category)

        self.message = QLabel(issue.message)
        self.message.setObjectName("issueCardMessage")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(inner)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)

        self.rule = QLabel(issue.description or issue.rule)
        self.rule.setObjectName("issueCardRule")
        self.rule.setWordWrap(True)
        self.rule.setFixedWidth(inner)
        self.rule.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # the secondary line, muted
        self.rule.setToolTip(self.tr("Rule: {0}").format(issue.rule))
        # Only when it says more than the message ("Possible spelling mistake" says nothing new).
        self.rule.setVisible(bool(issue.description) and issue.description.casefold() not in issue.message.casefold())
        layout.addWidget(self.rule)

        self.buttons: list[QPushButton] = []
        grid = QGridLayout()
        grid.setSpacing(4)
        for index, replacement in enumerate(issue.replacements[:MAX_BUTTONS]):
            label = replacement if replacement.strip() else (self.tr("Remove") if not replacement else f"“{replacement}”")
            elided = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, inner // COLUMNS * 2)
            button = QPushButton(elided.replace("&", "&&"))
            button.setObjectName("issueCardReplacement")
            button.setToolTip(self.tr("Replace “{0}” with “{1}”").format(word, replacement))
            button.setAutoDefault(True)
            button.clicked.connect(lambda _=False, r=replacement: self._choose(r))
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons.append(button)
        if self.buttons:
            layout.addLayout(grid)
        else:
            none = QLabel(self.tr("No suggestion"))
            none.setEnabled(False)
            layout.addWidget(none)

        actions = QHBoxLayout()
        self.ignore = QPushButton(self.tr("Ignore"))
        self.ignore.setObjectName("issueCardIgnore")
        self.ignore.setToolTip(self.tr("Hide this issue in this post"))
        self.ignore.setAutoDefault(True)
        self.ignore.clicked.connect(self._ignore)
        actions.addWidget(self.ignore)
        self.add_word: QPushButton | None = None
        if issue.category == "spelling" and word.strip():
            self.add_word = QPushButton(self.tr("Add to dictionary"))
            self.add_word.setObjectName("issueCardAddWord")
            self.add_word.setToolTip(self.tr("Add “{0}” to the client's dictionary").format(word))
            self.add_word.setAutoDefault(True)
            self.add_word.clicked.connect(lambda: self._add(word))
            actions.addWidget(self.add_word)
        actions.addStretch(1)
        layout.addLayout(actions)

    def popup_at(self, point: QPoint) -> None:
        """Show the card with its top left at global ``point``, kept on the screen, and put the
        focus on its first button (so the keyboard can go on from there)."""
        self.adjustSize()
        screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(point, self.size())
        x = max(area.left(), min(point.x(), area.right() - self.width()))
        y = point.y() if point.y() + self.height() <= area.bottom() else max(area.top(), point.y() - self.height() - 24)
        self.move(x, y)
        self.show()
        (self.buttons[0] if self.buttons else self.ignore).setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        owner = self.parentWidget()
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            if owner is not None:  # back to the text, where the keyboard was
                owner.setFocus(Qt.FocusReason.PopupFocusReason)
            return
        typed = event.text()
        if owner is not None and typed and typed.isprintable() and typed != " " and not (
                event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            # Someone clicked into the word to type there: the card goes and the key reaches the text.
            self.close()
            owner.setFocus(Qt.FocusReason.PopupFocusReason)
            QCoreApplication.sendEvent(owner, QKeyEvent(event.type(), event.key(), event.modifiers(), typed))
            return
        super().keyPressEvent(event)

    def _choose(self, replacement: str) -> None:
        self.close()
        self.replacement_chosen.emit(replacement)

    def _ignore(self) -> None:
        self.close()
        self.ignore_requested.emit()

    def _add(self, word: str) -> None:
        self.close()
        self.add_word_requested.emit(word)
