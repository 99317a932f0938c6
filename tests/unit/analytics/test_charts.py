"""The charts come from matplotlib (issue 15): SVG for the HTML report, PNG at a given size and
pixel ratio for the page and the PDF, in light and dark; matplotlib loads only when one is drawn."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

from PIL import Image

from studio.analytics import charts
from studio.analytics.formulas import Counts, Rate
from studio.analytics.summary import PostStats, Summary


def _posts(count: int) -> list[PostStats]:
    now = datetime(2026, 11, 30, 9, tzinfo=UTC)
    return [PostStats(n, None, "mastodon", 1, f"Post {n}", now - timedelta(days=n), (), Counts(likes=n), 100,
                      {"followers": Rate("followers", n / 100, n, 100), "reach": Rate("reach", None, None, None),
                       "impressions": Rate("impressions", None, None, None)}) for n in range(1, count + 1)]


def test_importing_the_analytics_modules_does_not_load_matplotlib() -> None:
    code = ("import sys, studio.analytics.charts, studio.analytics.report, studio.analytics.summary; "
            "print('matplotlib' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_png_has_the_asked_pixels_and_follows_the_colours() -> None:
    png = charts.er_chart(_posts(12), "#0a7d6b", 400, 150, charts.DARK, "png", 2.0)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (800, 300)
    assert image.getpixel((2, 2)) == (0x1F, 0x23, 0x29)  # DARK's background
    assert (10, 125, 107) in {colour for _count, colour in image.getcolors(800 * 300) or []}  # the line
    light = Image.open(io.BytesIO(charts.followers_chart([(date(2026, 11, d), 1000 + d) for d in range(1, 29)],
                                                         "#0a7d6b", 400, 150, fmt="png"))).convert("RGB")
    assert light.size == (400, 150) and light.getpixel((2, 2)) == (255, 255, 255)


def test_svg_sits_inline_and_an_empty_period_still_draws() -> None:
    summary = Summary(1, datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
    summary.heatmap[1][9] = 40.0
    svg = charts.heatmap_chart(summary, "not a colour", ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"])
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>") and "<?xml" not in svg
    assert charts.er_chart([], "#0a7d6b").startswith("<svg")  # no posts: the axes alone
    assert charts.followers_chart([(date(2026, 11, 3), 10)], "#0a7d6b").startswith("<svg")  # one day


def test_axes_write_dates_and_numbers_in_the_readers_language() -> None:
    """The page passes its QLocale's months and separators, the report its client's language's:
    no English month under an Indonesian chart (matplotlib's own formatter writes English)."""
    import re

    indonesian = charts.ChartWords(tuple(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]), ",", ".")
    svg = charts.followers_chart([(date(2026, 12, d), 1000 + d * 100) for d in range(1, 20)], "#0a7d6b",
                                 words=indonesian)
    labels = re.findall(r"<!-- (.*?) -->", svg)  # matplotlib keeps each label's text beside its glyphs
    assert "1 Des" in labels and "2.000" in labels and not any("Dec" in label for label in labels)
    assert indonesian.number(12345.678, 2) == "12.345,68"
    assert charts.ENGLISH.number(12345.678, 2) == "12,345.68"
    english = re.findall(r"<!-- (.*?) -->", charts.er_chart(_posts(12), "#0a7d6b"))
    assert any(label.endswith(" Nov") for label in english) and any(label.endswith("%") for label in english)
