"""The app's publishing pass sends a team library's posts too, but an unlinked library loads no
team module: psycopg stays out of an idle app's memory (issue 12's memory goal compares the two)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_an_unlinked_pass_loads_no_team_driver(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from studio.library import Library; "
            "from studio.publishing.runner import Runner; from studio.ui.publishing.service import _run; "
            f"library = Library.open(Path({str(tmp_path / 'library')!r})); _run(Runner, library); "
            "print('psycopg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]
