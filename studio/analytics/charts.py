"""Charts drawn with matplotlib from a period's numbers: engagement rate over time, followers over
time and the weekday × hour map. The report embeds them (the HTML inline as SVG, the PDF as PNG)
and the Analytics page shows them (PNG at the widget's size and pixel ratio, drawn off the UI thread),
so every place shows the same pictures. :class:`ChartColours` lets the page follow a dark theme.

Why matplotlib (issue 15 asks for "a well-kept library that fits the app"): the report is made
headless by the core, which imports no Qt, so QtCharts (only in the full ``pyside6``, whose
add-ons wheel is about ten times the size of matplotlib's) could draw the page but not the report.
matplotlib is the maintained plotting library of the Python world, draws to SVG and PNG without a
display (its object API here, never ``pyplot``, so no global figure state and no GUI backend), and
is imported only when a chart is drawn, so start-up and an idle app do not pay for it.
"""

from __future__ import annotations

import functools
import io
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from studio.analytics.summary import PostStats, Summary

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Format = Literal["svg", "png"]
DPI = 100  # one chart pixel per point at scale 1: ``width``/``height`` are pixels
# matplotlib's object API keeps no figure registry, but its font and text caches are shared: the
# page's three charts (drawn on pool threads) and a report being written take turns.
_DRAWING = threading.Lock()
F = TypeVar("F", bound=Callable[..., Any])


def _one_at_a_time(draw: F) -> F:
    @functools.wraps(draw)
    def serial(*args: Any, **kwargs: Any) -> Any:
        with _DRAWING:
            return draw(*args, **kwargs)
    return cast(F, serial)


@dataclass(frozen=True)
class ChartColours:
    background: str = "#ffffff"
    text: str = "#333333"
    axis: str = "#888888"
    empty: str = "#f2f2f2"


LIGHT = ChartColours()


@dataclass(frozen=True)
class ChartWords:
    """How the axes write dates and numbers: the reader's month abbreviations (January first) and
    separators. The page passes its ``QLocale``'s, the report the client's language's; matplotlib's
    own date formatter would write English months whatever the language."""

    months: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    decimal: str = "."
    group: str = ","

    def number(self, value: float, decimals: int = 0) -> str:
        return "".join(self.group if ch == "," else self.decimal if ch == "." else ch
                       for ch in f"{value:,.{decimals}f}")

    def day(self, when: date) -> str:
        return f"{when.day} {self.months[when.month - 1]}"


ENGLISH = ChartWords()
DARK = ChartColours("#1f2329", "#e6e6e6", "#8a8f98", "#2b3038")


def is_colour(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])


@_one_at_a_time
def er_chart(posts: list[PostStats], colour: str, width: int = 640, height: int = 200,
             colours: ChartColours = LIGHT, fmt: Format = "svg", scale: float = 1.0,
             words: ChartWords = ENGLISH) -> Any:
    """Engagement rate by followers per post, over time (SVG text, or PNG bytes with ``fmt="png"``)."""
    from matplotlib.ticker import FuncFormatter

    points = sorted((p.published_at, p.rates["followers"].value) for p in posts
                    if p.published_at is not None and p.rates["followers"].value is not None)
    figure, axes = _figure(width, height, colours)
    if points:
        days = _days([when for when, _ in points])
        axes.plot(days, [value for _, value in points], color=_colour(colour), linewidth=1.8, marker="o",
                  markersize=3.5)
        axes.set_ylim(bottom=0)
        _dates(axes, days, words)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{words.number(value * 100, 1)}%"))
    return _output(figure, fmt, scale)


@_one_at_a_time
def followers_chart(points: list[tuple[date, int]], colour: str, width: int = 640, height: int = 160,
                    colours: ChartColours = LIGHT, fmt: Format = "svg", scale: float = 1.0,
                    words: ChartWords = ENGLISH) -> Any:
    """Followers per day (one account, or the client's accounts added up)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure, axes = _figure(width, height, colours)
    if points:
        days = _days([datetime(d.year, d.month, d.day) for d, _ in points])
        axes.plot(days, [value for _, value in points], color=_colour(colour), linewidth=1.8,
                  marker="o" if len(points) < 3 else "", markersize=3.5)
        _dates(axes, days, words)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: words.number(int(value))))
    return _output(figure, fmt, scale)


@_one_at_a_time
def heatmap_chart(summary: Summary, colour: str, weekdays: list[str], width: int = 640, height: int = 190,
                  colours: ChartColours = LIGHT, fmt: Format = "svg", scale: float = 1.0) -> Any:
    """The weekday × hour map: the stronger the colour, the more engagements on average; cells
    without posts in the ``empty`` colour."""
    import numpy
    from matplotlib.colors import LinearSegmentedColormap

    figure, axes = _figure(width, height, colours, margins=(36, 6, 18, 4))
    cells = numpy.array([[numpy.nan if value is None else value for value in row] for row in summary.heatmap],
                        dtype=float)
    ramp = LinearSegmentedColormap.from_list("engagements", [_mix(colours.background, _colour(colour), 0.15),
                                                             _colour(colour)]).with_extremes(bad=colours.empty)
    peak = numpy.nanmax(cells) if not numpy.isnan(cells).all() else 1.0
    axes.imshow(numpy.ma.masked_invalid(cells), cmap=ramp, vmin=0, vmax=peak or 1.0, aspect="auto",
                interpolation="nearest")
    axes.set_yticks(range(7), weekdays[:7])
    axes.set_xticks(range(0, 24, 3), [f"{hour:02d}" for hour in range(0, 24, 3)])
    axes.xaxis.tick_top()
    axes.set_xticks([x - 0.5 for x in range(1, 24)], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, 7)], minor=True)
    axes.grid(False, which="major")
    axes.grid(which="minor", color=colours.background, linewidth=1)
    axes.tick_params(which="both", length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)
    return _output(figure, fmt, scale)


# ---- drawing ------------------------------------------------------------------------------------


def _figure(width: int, height: int, colours: ChartColours,
            margins: tuple[int, int, int, int] = (52, 26, 10, 24)) -> tuple[Figure, Axes]:
    """A figure of ``width`` × ``height`` pixels (at scale 1) with one set of axes in ``colours``,
    ``margins`` (left, right, top, bottom) in pixels: fixed, so the charts line up and no layout
    engine runs (it would double the drawing time)."""
    from matplotlib.figure import Figure

    width, height = max(width, 120), max(height, 80)
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor=colours.background)
    left, right, top, bottom = margins
    figure.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)
    axes = figure.add_subplot()
    axes.set_facecolor(colours.background)
    for name, spine in axes.spines.items():
        spine.set_color(colours.axis)
        spine.set_visible(name in ("left", "bottom"))
    axes.tick_params(colors=colours.axis, labelcolor=colours.text, labelsize=8)
    axes.grid(axis="y", color=colours.axis, alpha=0.25, linewidth=0.6)
    axes.set_axisbelow(True)
    return figure, axes


def _days(moments: list[datetime]) -> Any:
    """Moments as matplotlib's day numbers (what its date locators and formatters read)."""
    from matplotlib.dates import date2num

    return date2num(moments)


def _dates(axes: Axes, days: Any, words: ChartWords) -> None:
    """Date ticks under ``days`` ("3 Des"); a single day (or moments within an hour) gets a day
    either side."""
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import FuncFormatter

    if float(days.max() - days.min()) < 1 / 24:
        axes.set_xlim(float(days.min()) - 1, float(days.max()) + 1)

    locator = AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: words.day(num2date(value).date())))


def _output(figure: Figure, fmt: Format, scale: float) -> Any:
    """SVG text (the XML prologue and metadata left out, to sit inline in HTML) or PNG bytes."""
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
        text = buffer.getvalue().decode()
        return text[text.index("<svg"):]
    figure.savefig(buffer, format="png", dpi=DPI * scale, metadata={"Software": None})
    return buffer.getvalue()


def _colour(colour: str) -> str:
    return colour if is_colour(colour) else "#4f7cff"


def _mix(first: str, second: str, share: float) -> str:
    """``share`` of the way from colour ``first`` to ``second`` (both #rrggbb)."""
    def parts(text: str) -> Iterable[int]:
        return (int(text[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(a + (b - a) * share):02x}" for a, b in zip(parts(first), parts(second), strict=True))
