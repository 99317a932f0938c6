"""Errors of the image pipeline, in the user's words."""

from __future__ import annotations

from typing import Any

from studio.errors import StudioError, UsageError


class ImageError(UsageError):
    """A file that cannot be used as an image: the message is one line that says why."""


class PresetError(UsageError):
    """An unknown preset id, or a custom preset with a missing or impossible value."""


class ExportCancelled(StudioError):
    """The user cancelled an export; ``done`` lists the renditions already written (complete files)."""

    def __init__(self, done: list[Any]) -> None:
        super().__init__("Export cancelled.", f"{len(done)} file(s) were already written." if done else "")
        self.done = done
