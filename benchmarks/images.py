"""Export every preset from one 24-megapixel JPEG: Studio's pipeline against the naive one.

The naive pipeline, per preset: open the file, apply the EXIF orientation, ``ImageOps.fit(...,
LANCZOS)`` and save at quality 90. Studio's: decode once at the scale the largest output needs,
resample per preset, encode within the byte budget, in parallel.

Prints medians of a few alternating runs and their ratio, then the peak memory (VmHWM, each in a
fresh process) of the export against that of one full-size decode of the same file, both net of the
interpreter with the same modules imported. Machines are noisy: only ratios measured in the same
run mean anything. Exits 0.

    .venv/bin/python benchmarks/images.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio.imaging.export import export  # noqa: E402
from studio.imaging.presets import all_presets  # noqa: E402


def make_photo(path: Path) -> None:
    """A 6000 x 4000 photo-like JPEG (smooth areas, edges, texture), stored turned with orientation 6."""
    rng = random.Random(24)
    image = Image.linear_gradient("L").resize((6000, 4000)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y = rng.randrange(6000), rng.randrange(4000)
        r = rng.randrange(20, 400)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    image = image.filter(ImageFilter.GaussianBlur(3))
    grain = Image.effect_noise((6000, 4000), 18).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    exif = Image.Exif()
    exif[0x0112] = 6
    image.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=92, exif=exif.tobytes())


def naive(path: Path, out: Path) -> None:
    for preset in all_presets():
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened)
            fitted = ImageOps.fit(image, (preset.width, preset.height), Image.Resampling.LANCZOS)
            fitted.save(out / f"{preset.id}.jpg", "JPEG", quality=90)


def studio(path: Path, out: Path) -> None:
    export(path, all_presets(), out, stem="bench")


def timed(fn: object, path: Path, out: Path) -> float:
    start = time.perf_counter()
    fn(path, out)  # type: ignore[operator]
    return time.perf_counter() - start


CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from PIL import Image
from studio.imaging.export import export
from studio.imaging.presets import all_presets
what, path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if what == "decode":
    with Image.open(path) as image:
        image.load()
elif what == "export":
    export(path, all_presets(), out, stem="mem")
# VmHWM is this process's own peak; ru_maxrss would carry the parent's peak across fork and exec.
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def peak_kib(what: str, path: Path, out: Path) -> int:
    result = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), what, str(path), str(out)],
                            check=True, capture_output=True, text=True)
    return int(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="studio-bench-") as folder:
        root = Path(folder)
        photo = root / "photo.jpg"
        make_photo(photo)
        print(f"photo: 6000 x 4000 JPEG, {photo.stat().st_size / 1e6:.1f} MB, {len(all_presets())} presets")
        naive_times, studio_times = [], []
        for run in range(args.runs):
            for name, fn, times in (("naive", naive, naive_times), ("studio", studio, studio_times)):
                out = root / f"{name}-{run}"
                out.mkdir()
                times.append(timed(fn, photo, out))
        naive_median, studio_median = statistics.median(naive_times), statistics.median(studio_times)
        print(f"naive pipeline:  median {naive_median:.2f} s  ({', '.join(f'{t:.2f}' for t in naive_times)})")
        print(f"studio export:   median {studio_median:.2f} s  ({', '.join(f'{t:.2f}' for t in studio_times)})")
        print(f"speed-up: {naive_median / studio_median:.1f}x (target: at least 6x)")
        if hasattr(os, "getloadavg"):
            # Studio's export runs on every core; on a machine busy with other work it gains less.
            print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        idle = statistics.median(peak_kib("idle", photo, root) for _ in range(3))
        decode = statistics.median(peak_kib("decode", photo, root) for _ in range(3))
        exported = []
        for run in range(3):
            out = root / f"mem-{run}"
            out.mkdir()
            exported.append(peak_kib("export", photo, out))
        export_peak = statistics.median(exported)
        net_decode, net_export = decode - idle, export_peak - idle
        print(f"peak resident memory: interpreter {idle / 1024:.0f} MiB, one full-size decode {decode / 1024:.0f} MiB, "
              f"export of every preset {export_peak / 1024:.0f} MiB")
        print(f"memory ratio, net of the interpreter: {net_export / net_decode:.2f}x of one full decode "
              f"(target: under 2x); gross: {export_peak / decode:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
