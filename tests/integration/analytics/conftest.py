"""The analytics tests reuse the publishing test servers and the real PDS."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "publishing"))

from conftest import mastodon_server, pds, telegram_server  # noqa: F401  (fixtures, re-exported)
