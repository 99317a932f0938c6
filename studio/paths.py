"""Where Studio keeps its files.

Every folder can be moved with an environment variable, so tests, portable installs and servers
never touch the user's real data by accident.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Studio"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def default_library_dir() -> Path:
    """The embedded default library: ``$STUDIO_LIBRARY`` or a folder in the user's data directory."""
    return _from_env("STUDIO_LIBRARY") or data_dir() / "Library"


def data_dir() -> Path:
    """The user's data folder for Studio: the default library, LanguageTool, the running server's note."""
    return Path(platformdirs.user_data_dir(APP_NAME, False))


def config_dir() -> Path:
    """Settings live here: ``$STUDIO_CONFIG_DIR`` or the user's config directory."""
    return _from_env("STUDIO_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME, False))


def log_dir() -> Path:
    """Rotating log files: ``$STUDIO_LOG_DIR`` or the user's log directory."""
    return _from_env("STUDIO_LOG_DIR") or Path(platformdirs.user_log_dir(APP_NAME, False))


def checkout_cache_dir() -> Path | None:
    """``.cache/`` of the source checkout Studio runs from (``make run``, an editable install), where
    the set-up fetches LanguageTool; ``None`` for an installed package or the bundle."""
    if getattr(sys, "frozen", False):
        return None
    root = Path(__file__).resolve().parent.parent
    return root / ".cache" if (root / "pyproject.toml").is_file() else None


def languagetool_dir() -> Path:
    """The local LanguageTool server's jars: ``$LTP_JAR_DIR_PATH`` (language-tool-python's own
    variable) or a folder in the user's data directory."""
    return _from_env("LTP_JAR_DIR_PATH") or data_dir() / "LanguageTool"
