"""Due-post benchmark: how late the open app sends a post after its scheduled time (issue 11, item 10).

For N posts on a folder account (no network in the way), each scheduled 1.5 s ahead while the app's
publishing service runs with its real timers (the backstop poll at the default 60 s): the delay from
the scheduled instant to the service's "published" result. Baseline, in the same run: the runner
called directly at the due instant (sleep until then, then ``Runner.run_due``), which is the
shortest possible delay. Prints the medians, the worst case and the ratio. Goal: within 2 s.

Uses a keyring and library in a temporary folder. Run: .venv/bin/python benchmarks/due_delay.py [N]
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOME = Path(tempfile.mkdtemp(prefix="studio-bench-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = str(HOME / "xdg-data")
os.environ["STUDIO_LOG_DIR"] = str(HOME / "logs")
sys.path.insert(0, str(ROOT / "tests" / "integration" / "publishing"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from servers.library import add_account, open_library  # noqa: E402

from studio.publishing.runner import Runner  # noqa: E402
from studio.settings import Settings  # noqa: E402
from studio.ui.context import AppContext, SettingsSignals  # noqa: E402
from studio.ui.messages import Messages  # noqa: E402
from studio.ui.publishing.service import INTERVAL_MS, PublishingService  # noqa: E402
from studio.ui.tasks import Tasks  # noqa: E402

AHEAD = 1.5


def next_second(ahead: float) -> datetime:
    """A whole second at least ``ahead`` seconds from now: the library stores schedules to the second."""
    return datetime.fromtimestamp(math.ceil(time.time() + ahead), UTC)


def main(count: int) -> None:
    app = QApplication.instance() or QApplication([])
    library = open_library(HOME / "library")
    account = add_account(library, "folder", str(HOME / "out"), "By hand", "")
    client_id = library.get_account(account).client_id

    baseline: list[float] = []
    for n in range(count):
        draft = library.create_draft(client_id, f"Direct {n}")
        due = next_second(AHEAD)
        library.schedule(draft.id, account, due)
        time.sleep(max(0.0, due.timestamp() - time.time()))
        report = Runner(library).run_due()
        assert report.count("published") == 1, report.to_json()
        baseline.append(time.time() - due.timestamp())

    settings = Settings(HOME / "config" / "settings.json")
    tasks = Tasks()
    context = AppContext(HOME / "library", library, settings, SettingsSignals(settings), tasks, Messages())
    service = PublishingService(context, INTERVAL_MS)
    service.start()
    delays: list[float] = []
    for n in range(count):
        loop = QEventLoop()
        sent: list[float] = []

        def heard(result: object, sent: list[float] = sent, loop: QEventLoop = loop) -> None:
            sent.append(time.time())
            loop.quit()

        service.result.connect(heard)
        draft = library.create_draft(client_id, f"In the app {n}")
        due = next_second(AHEAD)
        library.schedule(draft.id, account, due)
        QTimer.singleShot(int((AHEAD + 30) * 1000), loop.quit)  # a run that never comes ends the wait
        loop.exec()
        service.result.disconnect(heard)
        delays.append(sent[0] - due.timestamp() if sent else float("inf"))
    service.stop()
    tasks.close(10_000)
    library.close()

    app_median, base_median = statistics.median(delays), statistics.median(baseline)
    print(f"posts: {count}, each scheduled {AHEAD} s ahead; backstop poll {INTERVAL_MS / 1000:.0f} s")
    print(f"runner called at the due time (baseline): median {base_median * 1000:.0f} ms, "
          f"worst {max(baseline) * 1000:.0f} ms")
    print(f"app's publishing service:                 median {app_median * 1000:.0f} ms, "
          f"worst {max(delays) * 1000:.0f} ms")
    print(f"ratio of medians: {app_median / base_median:.2f}x; goal: worst under 2000 ms -> "
          f"{'met' if max(delays) < 2 else 'NOT met'}")
    del app


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
