"""The Images page: open a photo, crop it for every preset, alt text, export; and its dialogs."""

from __future__ import annotations

from studio.ui.images.workspace import ImagesWorkspace

__all__ = ["ImagesWorkspace"]
