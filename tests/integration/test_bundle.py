"""The PyInstaller bundle builds from build.spec and starts: --version, and --smoke on a library."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studio import __version__

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("PyInstaller is missing: `make test` installs it with the 'bundle' extra")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run(
        [str(Path(sys.executable).parent / "pyinstaller"), "--noconfirm", "--clean",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        cwd=ROOT, check=True, capture_output=True, text=True, timeout=900,
    )
    executable = work / "dist" / "studio" / "studio"
    assert executable.is_file()
    return executable


def test_bundle_prints_its_version(bundle: Path) -> None:
    result = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == f"studio {__version__}"


def test_bundle_opens_the_main_window(bundle: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONFIG_DIR=str(tmp_path / "config"),
               STUDIO_LOG_DIR=str(tmp_path / "logs"))
    result = subprocess.run([str(bundle), "--smoke", "--library", str(tmp_path / "library")],
                            capture_output=True, text=True, timeout=180, env=env, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["startup_ms"] > 0
    assert report["drafts"] == 0
    assert (tmp_path / "library" / "library.sqlite3").is_file()
