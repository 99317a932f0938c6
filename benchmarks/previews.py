"""Previews benchmark: what the Write page's previews cost the UI thread at each pause in the typing.

A post for all 13 text networks with a 4000x3000 photo. The baseline, measured in the same run, is
the work the previews keep off the UI thread: making the 13 renditions (the publisher's own call,
``renditions.media_for``) and decoding them, cold. Then 20 pauses in the typing (a new text each) on
a panel with the real task pools: the time ``show_looks`` holds the UI thread (the cards with their
text, and the images already made), and the time the answer from the pool takes when it lands.
Prints medians and maxima in milliseconds, and their ratios to the baseline.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/previews.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.drafting import parts_for  # noqa: E402
from studio.editors.post.previews import PostLook, PreviewsPanel  # noqa: E402
from studio.editors.post.previews.images import make_all  # noqa: E402
from studio.editors.post.previews.panel import _wanted  # noqa: E402
from studio.library import Library  # noqa: E402
from studio.text import networks  # noqa: E402
from studio.text.entities import warm_up  # noqa: E402
from studio.ui.tasks import Tasks  # noqa: E402

PAUSES = 20
TEXT = "Sepatu lari trail baru sudah datang! #trailrun @acmeshoes https://acmeshoes.com/trail "


def main() -> None:
    app = QApplication.instance() or QApplication([])
    warm_up()
    folder = Path(tempfile.mkdtemp(prefix="studio-bench-previews-"))
    library = Library.open(folder / "library")
    client = library.add_client("Acme Shoes")
    every = [network_id for network_id, _ in networks()]
    photo = folder / "photo.jpg"
    Image.effect_noise((4000, 3000), 40).convert("RGB").save(photo, "JPEG", quality=90)
    draft = library.create_draft(client.id, TEXT, networks=every)
    library.attach_asset(draft.id, library.add_asset(photo).sha, "Trail shoes on a rock")
    draft = library.get_draft(draft.id)

    def looks(text: str) -> list[PostLook]:
        return [PostLook(n, client.name, "@acme", client.colour, (text,) if n != "x" else parts_for(draft, n),
                         assets=draft.assets, client_id=client.id) for n in every]

    started = time.perf_counter()
    make_all(library, [_wanted(look) for look in looks(TEXT)], {}, {})
    baseline = (time.perf_counter() - started) * 1000

    tasks = Tasks()
    panel = PreviewsPanel(None, library, tasks)
    panel.resize(520, 740)
    panel.show()
    landed: list[float] = []
    made = panel._made

    def timed(*args: object) -> None:
        at = time.perf_counter()
        made(*args)  # type: ignore[arg-type]
        landed.append((time.perf_counter() - at) * 1000)

    panel._made = timed  # type: ignore[method-assign]
    held: list[float] = []
    shown: list[int] = []
    panel.images_shown.connect(lambda: shown.append(1))
    for pause in range(PAUSES):
        at = time.perf_counter()
        panel.show_looks(looks(f"{TEXT} pause {pause}"))
        held.append((time.perf_counter() - at) * 1000)
        while len(shown) <= pause:
            app.processEvents()
            time.sleep(0.001)
    tasks.close()
    first, rest = held[0], held[1:]
    print(f"baseline: 13 renditions made and decoded (off the UI thread): {baseline:.0f} ms")
    print(f"UI thread per pause, first (no image made yet): {first:.1f} ms ({first / baseline:.2f}x baseline)")
    print(f"UI thread per pause, next {len(rest)}: median {statistics.median(rest):.1f} ms, "
          f"max {max(rest):.1f} ms ({statistics.median(rest) / baseline:.3f}x baseline)")
    print(f"answer landing on the cards: first {landed[0]:.1f} ms, then median "
          f"{statistics.median(landed[1:]):.1f} ms, max {max(landed[1:]):.1f} ms")


if __name__ == "__main__":
    main()
