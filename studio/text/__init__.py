"""Network text rules: counting in each network's unit, limits, entities, threads, brand rules.

The names here are the API the editor, the publisher and the ``studio check`` command call.
"""

from __future__ import annotations

from studio.text import positions
from studio.text.brand import brand_issues
from studio.text.counting import Count, Measure, count
from studio.text.entities import Entity, warm_up
from studio.text.networks import Network, network, networks
from studio.text.threads import split_thread

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
    "split_thread",
    "warm_up",
]
