"""The Analytics page tests use the fake Mastodon server of the publishing tests."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "integration" / "publishing"))
