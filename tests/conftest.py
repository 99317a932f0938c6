"""Test set-up shared by every suite.

Every test session gets its own library, config, log and keyring folders, so no test touches the
developer's real data or keyring; Qt runs on the offscreen platform.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    root = tmp_path_factory.mktemp("studio-home")
    saved = dict(os.environ)
    os.environ["STUDIO_LIBRARY"] = str(root / "library")
    os.environ["STUDIO_CONFIG_DIR"] = str(root / "config")
    os.environ["STUDIO_LOG_DIR"] = str(root / "logs")
    # keyrings.alt's plain-text file backend in a temporary folder: never the real keyring.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    os.environ["XDG_DATA_HOME"] = str(root / "xdg-data")
    os.environ["XDG_CONFIG_HOME"] = str(root / "xdg-config")
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """An empty folder for a library of the test's own."""
    path = tmp_path / "library"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def languagetool_jars() -> Path:
    """The LanguageTool jars of the real server the grammar tests use: ``LTP_JAR_DIR_PATH`` (make
    test sets it) or the repository's ``.cache/languagetool``. Never skipped: a missing
    LanguageTool fails the test with the command that fixes it."""
    folder = Path(os.environ.get("LTP_JAR_DIR_PATH") or ROOT / ".cache" / "languagetool")
    if not (folder / "languagetool-server.jar").is_file():
        pytest.fail(f"LanguageTool is not in {folder}: run scripts/fetch-languagetool.sh {folder} (make test does it)")
    os.environ["LTP_JAR_DIR_PATH"] = str(folder)
    return folder


@pytest.fixture
def screenshot(tmp_path: Path) -> Callable[[Any, str], Path]:
    """Save a widget's picture to look at: in ``$STUDIO_SCREENSHOTS`` when set, else in the test's
    own temporary folder (never a fixed shared path). Returns the file."""
    folder = Path(os.environ["STUDIO_SCREENSHOTS"]) if os.environ.get("STUDIO_SCREENSHOTS") else tmp_path

    def save(widget: Any, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        assert widget.grab().save(str(path)), f"cannot save {path}"
        return path

    return save
