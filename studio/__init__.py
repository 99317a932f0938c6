"""Studio: an offline-first desktop content studio for people who run social media for a living."""

import time as _time

__version__ = "0.1.0"

# The earliest moment of our own code in this process: `studio --smoke` measures first paint from it.
STARTED = _time.perf_counter()
