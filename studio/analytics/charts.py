"""Charts as SVG, drawn from a period's numbers: engagement rate over time, followers over time and
the weekday × hour map. The report embeds them (HTML inline, PDF as images) and the Analytics page
shows them, so both show the same pictures. :class:`ChartColours` lets the page follow a dark theme.

No chart library is used here on purpose: the CLI makes reports headless (no Qt in the core), the
shapes are few, and the same SVG then serves the HTML, the PDF and the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from studio.analytics.summary import PostStats, Summary


@dataclass(frozen=True)
class ChartColours:
    background: str = "#ffffff"
    text: str = "#333333"
    axis: str = "#888888"
    empty: str = "#f2f2f2"


LIGHT = ChartColours()
DARK = ChartColours("#1f2329", "#e6e6e6", "#8a8f98", "#2b3038")


def er_chart(posts: list[PostStats], colour: str, width: int = 640, height: int = 200,
             colours: ChartColours = LIGHT) -> str:
    """Engagement rate by followers per post, over time, as SVG."""
    points = [(p.published_at, p.rates["followers"].value) for p in posts
              if p.published_at is not None and p.rates["followers"].value is not None]
    pad = 36
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="{colours.background}"/>',
             f'<line x1="{pad}" y1="{height - pad}" x2="{width - 8}" y2="{height - pad}" stroke="{colours.axis}"/>',
             f'<line x1="{pad}" y1="8" x2="{pad}" y2="{height - pad}" stroke="{colours.axis}"/>']
    if points:
        times = [t.timestamp() for t, _ in points]
        top = max(v for _, v in points if v is not None) or 1.0
        low, span = min(times), (max(times) - min(times)) or 1.0
        coords = [(pad + (t - low) / span * (width - pad - 16), height - pad - (v or 0) / top * (height - pad - 16))
                  for t, (_, v) in zip(times, points, strict=True)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in coords]
        parts.append(f'<text x="4" y="16" font-size="10" fill="{colours.text}">{top * 100:.1f}%</text>')
    parts.append("</svg>")
    return "".join(parts)


def heatmap_chart(summary: Summary, colour: str, weekdays: list[str], width: int = 640, height: int = 190,
                  colours: ChartColours = LIGHT) -> str:
    """The weekday × hour map as SVG: darker = more engagements on average."""
    left, top_pad = 34, 14
    cell_w, cell_h = (width - left - 4) / 24, (height - top_pad - 4) / 7
    values = [v for row in summary.heatmap for v in row if v is not None]
    peak = max(values) if values else 1.0
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5)) if is_colour(colour) else (79, 124, 255)
    base = tuple(int(colours.background[i:i + 2], 16) for i in (1, 3, 5))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="{colours.background}"/>']
    for hour in range(0, 24, 3):
        parts.append(f'<text x="{left + hour * cell_w:.1f}" y="10" font-size="9" fill="{colours.text}">{hour:02d}</text>')
    for day, row in enumerate(summary.heatmap):
        y = top_pad + day * cell_h
        parts.append(f'<text x="2" y="{y + cell_h * 0.7:.1f}" font-size="9" fill="{colours.text}">{weekdays[day]}</text>')
        for hour, value in enumerate(row):
            share = 0.0 if value is None else 0.15 + 0.85 * (value / peak if peak else 0)
            fill = colours.empty if value is None else "#" + "".join(
                f"{int(b + (c - b) * share):02x}" for c, b in zip((red, green, blue), base, strict=True))
            parts.append(f'<rect x="{left + hour * cell_w:.1f}" y="{y:.1f}" width="{cell_w - 1:.1f}" '
                         f'height="{cell_h - 1:.1f}" fill="{fill}"/>')
    parts.append("</svg>")
    return "".join(parts)


def is_colour(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])




def followers_chart(points: list[tuple[date, int]], colour: str, width: int = 640, height: int = 160,
                    colours: ChartColours = LIGHT) -> str:
    """Followers per day as SVG (one account, or the client's accounts added up)."""
    pad = 44
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f'<rect x="0" y="0" width="{width}" height="{height}" fill="{colours.background}"/>',
             f'<line x1="{pad}" y1="{height - 20}" x2="{width - 8}" y2="{height - 20}" stroke="{colours.axis}"/>']
    if points:
        low, high = min(v for _, v in points), max(v for _, v in points)
        span = (high - low) or 1
        first, last = points[0][0].toordinal(), points[-1][0].toordinal()
        days = (last - first) or 1
        coords = [(pad + (d.toordinal() - first) / days * (width - pad - 16),
                   height - 24 - (v - low) / span * (height - 44)) for d, v in points]
        parts.append('<polyline points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
                     + f'" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in coords[-1:]]
        parts.append(f'<text x="2" y="18" font-size="10" fill="{colours.text}">{high:,}</text>')
        if low != high:
            parts.append(f'<text x="2" y="{height - 22}" font-size="10" fill="{colours.text}">{low:,}</text>')
    parts.append("</svg>")
    return "".join(parts)
