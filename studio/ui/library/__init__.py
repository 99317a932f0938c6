"""The Library workspace: drafts list, calendar, client manager and backups."""

from __future__ import annotations

from studio.ui.library.workspace import LibraryWorkspace

__all__ = ["LibraryWorkspace"]
