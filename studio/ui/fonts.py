"""Fonts the GUI relies on: an emoji font, so emoji (the picker, a post, a preview) are drawn in
colour and never as empty boxes.

Debian's ``fonts-noto-color-emoji`` (``scripts/system-deps.sh``) installs Noto Color Emoji; Qt is
told to draw emoji with it (``QFontDatabase.setApplicationEmojiFontFamilies``, Qt 6.9). Where
fontconfig does not list it (a bundle on a system without the package), the font file is loaded from
the bundle (``build.spec`` adds it), the usual places, or ``$STUDIO_EMOJI_FONT``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from studio.editors.post.emoji_picker import EMOJI_FONT

log = logging.getLogger(__name__)

FONT_FILES = (
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf",
    "/System/Library/Fonts/Apple Color Emoji.ttc",
    "C:/Windows/Fonts/seguiemj.ttf",
)


def use_emoji_font() -> str | None:
    """Make Qt draw emoji in colour; the family used, or ``None`` (then the system's fallback)."""
    if EMOJI_FONT not in QFontDatabase.families():
        wanted = [os.environ["STUDIO_EMOJI_FONT"]] if os.environ.get("STUDIO_EMOJI_FONT") else []
        if getattr(sys, "frozen", False):  # build.spec bundles the build machine's font
            wanted.append(str(Path(getattr(sys, "_MEIPASS", "")) / "studio" / "fonts" / "NotoColorEmoji.ttf"))
        for path in (*wanted, *FONT_FILES):
            if Path(path).is_file() and QFontDatabase.addApplicationFont(path) >= 0:
                break
    families = [family for family in QFontDatabase.families()
                if family == EMOJI_FONT or family in ("Apple Color Emoji", "Segoe UI Emoji")]
    if not families:
        log.warning("No colour emoji font found: install fonts-noto-color-emoji (scripts/system-deps.sh)")
        return None
    QFontDatabase.setApplicationEmojiFontFamilies(families)
    return families[0]
