"""Time to first paint: `studio --smoke` on an empty library against a bare QMainWindow (the floor).

Both are measured the same way, in the same run, alternating: from the first line of the program's
own code to the window's first paint (reported by the program), plus the wall time of the whole
process as seen from outside. Goal (issue 2): Studio within 2.5x of the floor, by the median.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--runs 9] [--library DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = r"""
import time
started = time.perf_counter()
import json, sys
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Window(QMainWindow):
    painted_at = 0.0
    def event(self, event):
        result = super().event(event)
        if not self.painted_at and event.type() == QEvent.Type.UpdateRequest:
            self.painted_at = time.perf_counter()  # as studio.ui.main_window does
            QTimer.singleShot(0, report)
        return result

def report():
    print(json.dumps({"startup_ms": round((window.painted_at - started) * 1000, 1)}), flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
window = Window()
window.setCentralWidget(QLabel("floor"))
window.resize(1200, 780)
window.show()
app.exec()
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(first paint ms reported by the program, wall ms of the process)."""
    begin = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    wall = (time.perf_counter() - begin) * 1000
    if result.returncode != 0:
        raise SystemExit(f"{command} failed ({result.returncode}):\n{result.stderr}")
    line = [line for line in result.stdout.splitlines() if line.startswith("{")][-1]
    return float(json.loads(line)["startup_ms"]), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--library", type=Path, help="library to open (default: a new empty one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   STUDIO_CONFIG_DIR=str(Path(tmp) / "config"), STUDIO_LOG_DIR=str(Path(tmp) / "logs"))
        # As installed: Python keeps compiled bytecode (this workplace sets PYTHONDONTWRITEBYTECODE,
        # which would charge Studio for compiling its sources on every start).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        library = args.library or Path(tmp) / "library"
        studio = [sys.executable, "-m", "studio", "--smoke", "--library", str(library)]
        floor = [sys.executable, "-c", FLOOR]
        run(studio, env)  # warm the disk cache and create the library once, outside the figures
        run(floor, env)
        studio_paint, studio_wall, floor_paint, floor_wall = [], [], [], []
        for _ in range(args.runs):
            paint, wall = run(floor, env)
            floor_paint.append(paint)
            floor_wall.append(wall)
            paint, wall = run(studio, env)
            studio_paint.append(paint)
            studio_wall.append(wall)
    median = statistics.median
    ratio = median(studio_paint) / median(floor_paint)
    print(f"runs: {args.runs} each, alternating; library: {args.library or 'new empty library'}")
    print(f"floor  (bare QMainWindow): first paint median {median(floor_paint):7.1f} ms, "
          f"process wall median {median(floor_wall):7.1f} ms")
    print(f"studio --smoke           : first paint median {median(studio_paint):7.1f} ms, "
          f"process wall median {median(studio_wall):7.1f} ms")
    print(f"ratio first paint: {ratio:.2f}x (goal <= 2.50x)   "
          f"ratio wall: {median(studio_wall) / median(floor_wall):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
