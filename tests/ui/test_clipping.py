"""No clipped text at 1366 x 768 (issue 11): every page of the real window and the dialogs reached
from them, in light and dark, in English and in Indonesian, with every visible label and button's text measured against the room
it has (QFontMetrics; word-wrapped labels by the height their lines need at their width).

Screenshots of each page and dialog go to the test's folder (or ``$STUDIO_SCREENSHOTS``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.settings import Settings
from studio.ui.app import Studio
from studio.ui.theme import apply_theme

SCREEN = (1366, 768)
TOLERANCE = 2  # pixels: rounding in the styles' own margins

# Clipped text found in pages and dialogs that other work owns, named here so the lead can clear
# them; the test fails on anything not listed (and says so when one of these is fixed).
KNOWN: set[str] = set()


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text) if "<" in text and ">" in text else text
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped(root: QWidget) -> list[str]:
    """The visible labels and buttons under ``root`` whose text needs more room than they have."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            text = _plain(widget.text())
            if not text.strip() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
                continue
            room = widget.contentsRect()
            margin = widget.margin() * 2 + max(widget.indent(), 0)
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + TOLERANCE:
                    found.append(f"{_where(widget)} label {text[:40]!r}: needs {needed} px high, has {widget.height()}")
                continue
            metrics = widget.fontMetrics()
            needed = max(metrics.horizontalAdvance(line) for line in text.splitlines()) + margin
            if needed > room.width() + TOLERANCE:
                found.append(f"{_where(widget)} label {text[:40]!r}: needs {needed} px, has {room.width()}")
        elif isinstance(widget, QAbstractButton):
            text = _plain(widget.text())
            if not text.strip():
                continue
            hint = widget.sizeHint().width()  # text, icon, the style's margins (a check box's mark too)
            if hint > widget.width() + TOLERANCE:
                found.append(f"{_where(widget)} button {text[:40]!r}: needs {hint} px, has {widget.width()}")
    return found


def _where(widget: QWidget) -> str:
    """The widget's place: its window's title and the nearest named ancestor."""
    named = widget
    while named is not None and not named.objectName() and not named.accessibleName():
        named = named.parentWidget()
    inside = (named.objectName() or named.accessibleName()) if named is not None else ""
    return f"[{widget.window().windowTitle() or type(widget.window()).__name__}/{inside or type(widget).__name__}]"


@pytest.fixture(params=["en", "id"])
def language(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The interface language the window is built in: English, and Indonesian (longer words), its
    .qm files built from the .ts sources for the test."""
    import importlib.util

    from studio.ui.translation import Translation

    script = Path(__file__).resolve().parents[2] / "scripts" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(qm_folder=tmp_path / "qm")
    translation = Translation()
    assert translation.apply(request.param, tmp_path / "qm")
    yield request.param
    translation.apply("en")


@pytest.fixture
def studio(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> Iterator[Studio]:
    library = Library.open(tmp_path / "library")
    client = library.add_client("Kopi Kenangan Nusantara Raya", language="id-ID")
    library.add_client("Acme Bakery")
    library.create_draft(client.id, text="Ngopi dulu sebelum kerja! Promo hari ini: beli dua gratis satu. "
                         "#NgopiDulu", networks=["x", "instagram", "bluesky", "mastodon"])
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set("grammar.mode", "off")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    running = Studio(app, tmp_path / "library", library, settings)
    qtbot.addWidget(running.window)
    monkeypatch.setattr(running.hook, "_show", lambda summary, details: None)
    running.window.reload_clients(select=client.id)
    running.start(welcome=False, background=False)
    running.window.resize(*SCREEN)
    qtbot.waitExposed(running.window)
    yield running
    running.window.close()
    running.shutdown()
    apply_theme(app, "light")


def _photo(folder: Path) -> Path:
    image = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    path = folder / "market.jpg"
    image.save(path, "JPEG", quality=85)
    return path


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_text_is_clipped_at_1366x768(studio: Studio, qtbot: QtBot, tmp_path: Path, theme: str, language: str,
                                        screenshot: Callable[[Any, str], Path]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    window = studio.window
    found: list[str] = []

    def look(widget: QWidget, name: str) -> None:
        qtbot.wait(60)  # layouts settle, lists fill
        found.extend(clipped(widget))
        screenshot(widget, f"{name}-{theme}-{language}.png")

    for key in list(window.keys()):
        window.show_workspace(key)
        if key == "library":
            qtbot.waitUntil(lambda: studio.library_view.model.rowCount() == 1, timeout=5000)
        if key == "images":
            studio.images.open_file(_photo(tmp_path))
            qtbot.waitUntil(lambda: studio.images.photo is not None, timeout=10_000)
        look(window, f"page-{key}")

    from studio.ui.images.preset_dialog import PresetDialog
    from studio.ui.library.client_dialog import ClientManagerDialog
    from studio.ui.settings_dialog import SettingsDialog

    window.show_workspace("images")
    studio.images.export()
    export = studio.images.dialog
    assert export is not None
    qtbot.waitExposed(export)
    look(export, "dialog-export")
    export.close()
    for name, dialog in (("preset", PresetDialog(window)),
                         ("clients", ClientManagerDialog(studio.context.library, studio.context.tasks, window)),
                         ("settings", SettingsDialog(studio.context.settings, window))):
        dialog.show()
        qtbot.waitExposed(dialog)
        look(dialog, f"dialog-{name}")
        if name == "settings":
            tabs = dialog.tabs  # type: ignore[attr-defined]
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                look(dialog, f"dialog-settings-{index}")
        if name == "clients":
            tabs = dialog.tabs  # type: ignore[attr-defined]
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                look(dialog, f"dialog-clients-{index}")
        dialog.close()
        assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1]

    new = sorted(set(found) - KNOWN)
    assert new == [], "clipped text:\n" + "\n".join(new)
    assert window.isVisible()  # the window stayed up through it all


def test_the_walk_finds_clipped_text(qtbot: QtBot) -> None:
    """The measure itself: a cut label, a squeezed wrapped label and a narrow button are found;
    the same with room are not."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    cut = QLabel("Kopi Kenangan Nusantara Raya")
    cut.setFixedWidth(60)
    squeezed = QLabel("A long warning that needs several lines at this width to be read whole. " * 3)
    squeezed.setWordWrap(True)
    squeezed.setFixedSize(200, 20)
    narrow = QPushButton("Export every preset")
    narrow.setFixedWidth(50)
    roomy = QLabel("Fits")
    for widget in (cut, squeezed, narrow, roomy):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    found = clipped(root)
    assert len(found) == 3, found
    assert any("Kopi Kenangan" in line for line in found) and any("Export every" in line for line in found)
    cut.setFixedWidth(400)
    squeezed.setFixedSize(200, squeezed.heightForWidth(200))
    narrow.setFixedWidth(narrow.sizeHint().width())
    assert clipped(root) == []
