"""Read the data files under ``resources/`` (installed as the package ``studio.resources``)."""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


@cache
def _root() -> Traversable:
    if getattr(sys, "frozen", False):  # PyInstaller bundle: build.spec copies resources/ here
        return Path(getattr(sys, "_MEIPASS", ".")) / "studio" / "resources"
    try:
        return resources.files("studio.resources")
    except ModuleNotFoundError:
        # A source checkout imported from its own folder (``python -m studio.cli`` in the repo):
        # the package mapping of the install does not apply, the folder is right beside studio/.
        return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Traversable:
    """A file under ``resources/``, by its relative path (``"icons/write.svg"``)."""
    node = _root()
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


@cache
def load_json(name: str) -> Any:
    """A JSON resource, parsed once per process. Callers must not mutate the result."""
    return json.loads(resource(name).read_text(encoding="utf-8"))
