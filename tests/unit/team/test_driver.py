"""The app's engine loads psycopg over the system's libpq when there is one (lighter when idle),
and leaves the environment of child processes as it was."""

from __future__ import annotations

import ctypes.util
import json
import subprocess
import sys

import pytest

PROBE = """
import json, os, sys
from studio.team import lean_driver
chosen = lean_driver()
print(json.dumps([chosen, os.environ.get("PSYCOPG_IMPL"), lean_driver()]))
"""


@pytest.mark.skipif(ctypes.util.find_library("pq") is None, reason="no system libpq (scripts/system-deps.sh: libpq5)")
def test_lean_driver_uses_the_system_libpq_and_leaves_the_environment() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(done.stdout) == ["python", None, "python"]
