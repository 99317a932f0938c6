"""Network text rules: counting in each network's unit, limits, entities, threads, brand rules.

The names here are the API the editor, the publisher and the ``studio check`` command call. They
are loaded on first use (PEP 562): code that needs only ``studio.text.positions`` (the editor's
start-up path) does not pay for the regular expressions of the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Loaded now, and bound after the import: the functions ``network`` and ``networks`` share their
# name with the submodule ``studio.text.networks``, which Python would otherwise leave here.
from studio.text.networks import Network, network, networks, server_limits

if TYPE_CHECKING:
    from studio.text import positions
    from studio.text.brand import brand_issues
    from studio.text.counting import Count, Measure, count
    from studio.text.entities import Entity, warm_up
    from studio.text.threads import split_thread

_WHERE = {
    "positions": "studio.text.positions",
    "brand_issues": "studio.text.brand",
    "Count": "studio.text.counting",
    "Measure": "studio.text.counting",
    "count": "studio.text.counting",
    "Entity": "studio.text.entities",
    "warm_up": "studio.text.entities",
    "split_thread": "studio.text.threads",
}

__all__ = [
    "Count",
    "Entity",
    "Measure",
    "Network",
    "brand_issues",
    "count",
    "network",
    "networks",
    "positions",
    "server_limits",
    "split_thread",
    "warm_up",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'studio.text' has no attribute {name!r}")
    loaded = importlib.import_module(module)
    value = loaded if name == "positions" else getattr(loaded, name)
    globals()[name] = value
    return value
