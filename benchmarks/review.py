"""Review pack figures, each against a baseline measured in the same run.

1. Building a pack of 100 posts with 200 photos (each post on Instagram and scheduled on Mastodon,
   so every photo is cut twice), time and size, against exporting the same renditions alone with
   Studio's export pipeline (the presets' full sizes, what publishing sends).
2. The pack's first paint in headless Chromium (/usr/bin/chromium through Playwright), against the
   first paint of a one-line page in the same browser (medians of several loads).
3. The size of a pack of 30 posts with 60 photos (what a client gets on WhatsApp: 16 MB is its
   limit for media, 2 GB for documents).

    .venv/bin/python benchmarks/review.py [--posts 100] [--loads 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
TEXT = ("Kopi susu gula aren kami kini hadir dalam ukuran besar! Mampir ke gerai terdekat atau pesan "
        "lewat https://kopi.co.id sebelum hari Minggu. #kopisusu #ngopi @temankopi")


def photo(path: Path, seed: int, size: tuple[int, int] = (2400, 1600)) -> None:
    """A photo-like JPEG: a gradient, soft shapes and sensor-like noise (compresses like a photo)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 8, size[1] // 8))
    draw = ImageDraw.Draw(small)
    top, bottom = [rng.randrange(256) for _ in range(3)], [rng.randrange(256) for _ in range(3)]
    for y in range(small.height):
        t = y / small.height
        draw.line([(0, y), (small.width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(25):
        x, y, r = rng.randrange(small.width), rng.randrange(small.height), rng.randrange(5, 60)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = small.filter(ImageFilter.GaussianBlur(3)).resize(size, Image.Resampling.BICUBIC)
    noise = Image.effect_noise(size, 12).convert("RGB")
    Image.blend(image, noise, 0.06).save(path, "JPEG", quality=88)


def make_library(folder: Path, posts: int) -> tuple[object, list[int]]:
    from studio.library import Library

    library = Library.open(folder / "library")
    client = library.add_client("Kopi Nusantara", language="id-ID")
    account = library.add_account(client.id, "mastodon", "kopinusantara")
    ids = []
    start = datetime(2026, 12, 1, 2, tzinfo=UTC)
    for number in range(posts):
        draft = library.create_draft(client.id, f"{TEXT} ({number + 1})", networks=["instagram"])
        for index in range(2):
            path = folder / f"photo-{number}-{index}.jpg"
            photo(path, number * 2 + index)
            library.attach_asset(draft.id, library.add_asset(path).sha, f"Foto kopi {number + 1}.{index + 1}")
        library.schedule(draft.id, account.id, start + timedelta(hours=8 * number))
        ids.append(draft.id)
    return library, ids


def export_alone(library: object, ids: list[int], out: Path) -> tuple[float, int, int]:
    """Export every rendition the pack shows, at the presets' own sizes: seconds, files, bytes."""
    from studio.imaging.export import export
    from studio.imaging.presets import get_preset
    from studio.review.content import published_content

    started = time.perf_counter()
    files = size = 0
    for draft_id in ids:
        content = published_content(library, draft_id)
        for entry in content["networks"].values():
            for image in entry["images"]:
                preset = get_preset(image["preset"])
                made = export(library.asset_path(image["sha"]), [preset], out,  # type: ignore[attr-defined]
                              focal=tuple(image["focal"]), stem=f"{image['sha'][:12]}-{preset.id}", workers=1)
                files += len(made)
                size += sum(r.bytes for r in made)
    return time.perf_counter() - started, files, size


def first_paint(pages: list[Path], loads: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    medians = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        for page_path in pages:
            times = []
            for _ in range(loads):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(page_path.as_uri(), wait_until="load")
                page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
                times.append(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime"))
                page.close()
            medians.append(statistics.median(times))
        browser.close()
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
        os.environ.setdefault("XDG_DATA_HOME", str(folder / "xdg"))
        from studio.review.pack import build_pack

        print(f"Making {args.posts} posts with {args.posts * 2} photos (2400x1600 JPEG)...", flush=True)
        library, ids = make_library(folder, args.posts)

        started = time.perf_counter()
        pack = build_pack(library, ids, folder / "pack.html")
        pack_s = time.perf_counter() - started
        export_s, files, export_bytes = export_alone(library, ids, folder / "renditions")
        print(f"\n1. Pack of {pack.posts} posts, {args.posts * 2} photos ({pack.images} renditions embedded): "
              f"{pack_s:.1f} s, {pack.bytes / 1e6:.1f} MB")
        print(f"   Baseline, the same {files} renditions exported alone: {export_s:.1f} s, {export_bytes / 1e6:.1f} MB"
              f"  -> pack/export time {pack_s / export_s:.2f}x, size {pack.bytes / export_bytes:.2f}x")

        blank = folder / "blank.html"
        blank.write_text("<!doctype html><meta charset=utf-8><title>x</title><p>Hello</p>", encoding="utf-8")
        pack_paint, blank_paint = first_paint([pack.path, blank], args.loads)
        print(f"\n2. First contentful paint in headless Chromium (median of {args.loads}): pack {pack_paint:.0f} ms, "
              f"one-line page {blank_paint:.0f} ms  -> {pack_paint / blank_paint:.1f}x")

        small = build_pack(library, ids[:30], folder / "pack-30.html")
        verdict = "fits" if small.bytes < 16e6 else "does NOT fit"
        print(f"\n3. Pack of {small.posts} posts with {small.posts * 2} photos: {small.bytes / 1e6:.2f} MB ({verdict} WhatsApp's 16 MB "
              f"for media; sent as a document the limit is 2 GB)")
        library.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
