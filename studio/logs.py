"""Logging to a rotating file in the user's log directory (and to stderr for warnings)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from studio.paths import log_dir

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is now, not the one there was when logging was set up
    (test runners and embedding hosts swap it, and a closed one would lose the record)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def setup_logging(verbose: bool = False) -> Path | None:
    """Send log records to ``<log dir>/studio.log`` (1 MB x 5 files). Returns the file, or ``None``
    if the folder cannot be written (read-only home, full disk): Studio then logs to stderr only."""
    root = logging.getLogger()
    if any(getattr(handler, "_studio", False) for handler in root.handlers):
        return log_file()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = _Stderr()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("studio: %(levelname)s: %(message)s"))
    console._studio = True  # type: ignore[attr-defined]
    root.addHandler(console)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("Cannot write the log file %s: %s", path, error)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._studio = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path


def log_file() -> Path:
    return log_dir() / "studio.log"
