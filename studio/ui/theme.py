"""Light and dark palettes that follow the system (or the user's choice in Settings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#4f7cff"

# The one error red (a refused field, a failed state, a counter over its limit), a shade for each
# palette with enough contrast on its window and base colours. It is also each palette's BrightText,
# so widgets that must not import studio.ui (the editors) reach it as the palette's colour, in code
# (``palette().color(QPalette.ColorRole.BrightText)``) or in a style sheet (``palette(bright-text)``),
# and follow a switch between light and dark like every other colour.
ERROR_RED = {"light": "#b3261e", "dark": "#f2b8b5"}
ERROR_ROLE = QPalette.ColorRole.BrightText
ERROR_STYLE = "color: palette(bright-text);"

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f7",
    QPalette.ColorRole.WindowText: "#1d2330",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f0f2f6",
    QPalette.ColorRole.Text: "#1d2330",
    QPalette.ColorRole.Button: "#eceef2",
    QPalette.ColorRole.ButtonText: "#1d2330",
    QPalette.ColorRole.ToolTipBase: "#1d2330",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#7a8394",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#2f5fe0",
    QPalette.ColorRole.Mid: "#c9ced8",
    QPalette.ColorRole.Midlight: "#e2e5eb",
    QPalette.ColorRole.Dark: "#9aa2b1",
    QPalette.ColorRole.Shadow: "#6b7385",
    ERROR_ROLE: ERROR_RED["light"],
}

_DARK = {
    QPalette.ColorRole.Window: "#1f232b",
    QPalette.ColorRole.WindowText: "#e6e9ef",
    QPalette.ColorRole.Base: "#161a20",
    QPalette.ColorRole.AlternateBase: "#232832",
    QPalette.ColorRole.Text: "#e6e9ef",
    QPalette.ColorRole.Button: "#2a303b",
    QPalette.ColorRole.ButtonText: "#e6e9ef",
    QPalette.ColorRole.ToolTipBase: "#e6e9ef",
    QPalette.ColorRole.ToolTipText: "#161a20",
    QPalette.ColorRole.PlaceholderText: "#8a93a5",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8fb0ff",
    QPalette.ColorRole.Mid: "#3a414e",
    QPalette.ColorRole.Midlight: "#323845",
    QPalette.ColorRole.Dark: "#12151a",
    QPalette.ColorRole.Shadow: "#000000",
    ERROR_ROLE: ERROR_RED["dark"],
}

# Scoped to the side bar (and set on it, not on the application): an application-wide style sheet
# makes Qt polish every widget through the style sheet engine, which cost a third of start-up.
SIDEBAR_STYLE = """
#sidebar { background: palette(alternate-base); border: none; border-right: 1px solid palette(mid); }
#sidebar QToolButton { border: none; border-radius: 8px; padding: 4px; }
#sidebar QToolButton:hover { background: palette(midlight); }
#sidebar QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }
"""


def palette_for(dark: bool) -> QPalette:
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor("#6b7385" if dark else "#a0a7b4")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def error_colour() -> QColor:
    """The error red of the palette in use (light or dark)."""
    return QApplication.palette().color(ERROR_ROLE)


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, choice: str) -> bool:
    """Apply ``choice`` ("system", "light", "dark"); returns whether the result is dark."""
    dark = system_is_dark(app) if choice == "system" else choice == "dark"
    app.setPalette(palette_for(dark))
    QTimer.singleShot(0, lambda: restyle(app))  # once the palette has reached every widget
    return dark


def restyle(app: QApplication) -> None:
    """Apply again the style sheets that read ``palette(...)`` (the side bar's): a style sheet reads
    the palette once, when applied, and keeps its widget out of later palette changes, so a switch
    between light and dark would leave it as it was."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if "palette(" in sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def follow_system(app: QApplication, current_choice: Callable[[], str]) -> None:
    """Re-apply the palette when the system switches between light and dark."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if current_choice() == "system":
            apply_theme(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)
