"""A fresh library per test, in a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.library import Library


@pytest.fixture
def library(library_dir: Path) -> Iterator[Library]:
    lib = Library.open(library_dir)
    yield lib
    lib.close()
