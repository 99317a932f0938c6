"""Downloading LanguageTool for the local mode, with progress and cancel (no Qt here).

language-tool-python does the real work: it knows the release URL for each version, checks the
archive's SHA-256 against its own manifest and extracts it safely into its download folder
(``$LTP_PATH`` or ~/.cache/language_tool_python), where :func:`studio.grammar.local.find_jar`
looks. Studio adds what a dialog needs: a progress counter any thread can read, and a cancel flag
checked between chunks. Machines without internet get a clear message instead (for CI there is
``scripts/fetch-languagetool.sh``, which uses Maven Central).
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.grammar.errors import GrammarUnavailable
from studio.grammar.local import JAR_NAMES

log = logging.getLogger(__name__)


class DownloadCancelled(GrammarUnavailable):
    """The user cancelled the download; nothing was installed."""


@dataclass
class DownloadProgress:
    """Shared between the worker (writes) and the dialog (reads on a timer); plain data."""

    done: int = 0
    total: int = 0  # 0: unknown
    phase: str = "connecting"  # connecting, downloading, extracting, done
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _CountingFile:
    """The file language-tool-python writes the archive to: counts bytes, honours cancel."""

    def __init__(self, handle: Any, progress: DownloadProgress) -> None:
        self._handle = handle
        self._progress = progress

    def write(self, chunk: bytes) -> int:
        if self._progress.cancelled:
            raise DownloadCancelled("The LanguageTool download was cancelled.", "Nothing was installed.")
        self._progress.phase = "downloading"
        self._progress.done += len(chunk)
        return int(self._handle.write(chunk))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def default_version() -> str:
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    return str(LTP_DOWNLOAD_VERSION)


def download_languagetool(progress: DownloadProgress, *, version: str = "", url: str = "") -> Path:
    """Download and install LanguageTool ``version`` (language-tool-python's default) and return
    the folder holding ``languagetool-server.jar``. ``url`` replaces the release URL (a mirror, or
    a test server). Raises :class:`DownloadCancelled` or :class:`GrammarUnavailable`."""
    import requests
    from language_tool_python.download_lt import _SAFE_ZIP_EXTRACTOR, ReleaseLocalLanguageTool
    from language_tool_python.exceptions import LanguageToolError
    from language_tool_python.utils import get_language_tool_download_path

    version = version or default_version()

    class Release(ReleaseLocalLanguageTool):
        @property
        def download_url(self) -> str:
            return url or str(super().download_url)

    release = Release(version)
    target = get_language_tool_download_path()
    source = release.download_url
    with contextlib.suppress(requests.RequestException, ValueError):
        head = requests.head(source, allow_redirects=True, timeout=15)
        progress.total = int(head.headers.get("Content-Length") or 0)
    try:
        with tempfile.TemporaryDirectory(dir=target) as work, \
                tempfile.NamedTemporaryFile(suffix=".zip", dir=work) as archive:
            counting = _CountingFile(archive, progress)
            with release._get_remote_zip(counting) as zip_file:  # type: ignore[arg-type]
                if progress.cancelled:
                    raise DownloadCancelled("The LanguageTool download was cancelled.", "Nothing was installed.")
                progress.phase = "extracting"
                _SAFE_ZIP_EXTRACTOR.extractall(zip_file, target, work_dir=Path(work))
    except DownloadCancelled:
        raise
    except (requests.RequestException, TimeoutError, OSError, zipfile.BadZipFile, ValueError) as error:
        log.warning("LanguageTool download from %s failed", source, exc_info=True)
        raise GrammarUnavailable(
            f"LanguageTool could not be downloaded: {_why(error)}.",
            "Check the internet connection and try again. Without internet, copy a LanguageTool "
            "folder to this computer and set LTP_JAR_DIR_PATH to it, or use a LanguageTool "
            "server (Settings → Grammar).",
        ) from error
    except LanguageToolError as error:
        log.warning("LanguageTool download from %s failed", source, exc_info=True)
        raise GrammarUnavailable(
            f"LanguageTool could not be downloaded: {error}",
            "Try again later, or choose a LanguageTool server in Settings → Grammar.",
        ) from error
    folder = target / f"LanguageTool-{version}"
    if not any((folder / name).is_file() for name in JAR_NAMES):
        raise GrammarUnavailable(
            f"The downloaded archive did not contain LanguageTool {version}.",
            "Try again; if it persists, set LTP_JAR_DIR_PATH to a LanguageTool folder.",
        )
    progress.phase = "done"
    log.info("LanguageTool %s installed in %s", version, folder)
    return folder


def _why(error: BaseException) -> str:
    """A download failure in a few words."""
    import requests

    if isinstance(error, requests.ConnectionError):
        return "the download server cannot be reached (no internet connection?)"
    if isinstance(error, (requests.Timeout, TimeoutError)):
        return "the download server did not answer in time"
    if isinstance(error, zipfile.BadZipFile):
        return "the file that arrived is not a LanguageTool archive"
    if isinstance(error, OSError) and error.errno is not None:
        return f"the disk said: {error.strerror}"
    return str(error)[:160] or type(error).__name__
