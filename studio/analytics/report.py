"""The client report: a month's numbers, charts, top posts, changes since the previous period and
the definitions used, in the client's language (English or Indonesian), with the agency's name and
colour; written as one self-contained HTML file or a PDF (fpdf2, no Qt: the CLI makes it headless).

Charts come from :mod:`studio.analytics.charts` (matplotlib): SVG inline in the HTML, PNG at twice
the pixels in the PDF (crisp on paper at 180 mm; fpdf2's own SVG reader is a subset that matplotlib's
glyph references and clip paths go beyond), so both show the same pictures.
"""

from __future__ import annotations

import argparse
import html
import io
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.analytics.charts import ChartWords, er_chart, heatmap_chart, is_colour
from studio.analytics.formulas import DENOMINATORS
from studio.analytics.summary import PostStats, Summary, summarize
from studio.errors import StudioError

if TYPE_CHECKING:
    from studio.library import Library

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Social media report", "period": "Period", "posts": "Posts measured",
        "engagements": "Engagements", "avg_er": "Average engagement rate", "followers": "Followers",
        "top": "Top posts", "worst": "Posts that did least", "changes": "Since the previous period",
        "definitions": "Definitions", "er_over_time": "Engagement rate by followers, per post",
        "heatmap": "When the audience engaged (average engagements by weekday and hour)",
        "per_network": "Per network", "network": "Network", "unknown": "unknown", "campaigns": "Campaigns and ROI",
        "cost": "Cost", "revenue": "Revenue", "roi": "ROI", "prepared_by": "Prepared by", "none": "No measured posts in this period.",
        "weekdays": "Mon Tue Wed Thu Fri Sat Sun", "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "decimal": ".", "group": ",", "up": "up", "down": "down", "same": "unchanged",
        "roi_def": "ROI = (revenue − cost) ÷ cost", "no_earlier": "no earlier numbers",
        "followers_d": "followers", "reach_d": "reach", "impressions_d": "impressions",
        "followers_def": "ER by followers = engagements ÷ followers when posted",
        "reach_def": "ER by reach = engagements ÷ accounts reached",
        "impressions_def": "ER by impressions = engagements ÷ times shown",
        "engagements_def": "Engagements = likes + reposts + replies + quotes + comments + shares + saves + link clicks",
        "unknown_def": "“unknown”: the network does not report that denominator; Studio does not guess it.",
    },
    "id": {
        "title": "Laporan media sosial", "period": "Periode", "posts": "Postingan terukur",
        "engagements": "Interaksi", "avg_er": "Rata-rata tingkat interaksi", "followers": "Pengikut",
        "top": "Postingan terbaik", "worst": "Postingan terlemah", "changes": "Dibandingkan periode sebelumnya",
        "definitions": "Definisi", "er_over_time": "Tingkat interaksi per pengikut, per postingan",
        "heatmap": "Kapan audiens berinteraksi (rata-rata interaksi per hari dan jam)",
        "per_network": "Per jaringan", "network": "Jaringan", "unknown": "tidak diketahui", "campaigns": "Kampanye dan ROI",
        "cost": "Biaya", "revenue": "Pendapatan", "roi": "ROI", "prepared_by": "Disusun oleh",
        "none": "Tidak ada postingan terukur pada periode ini.",
        "weekdays": "Sen Sel Rab Kam Jum Sab Min", "months": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
        "decimal": ",", "group": ".", "up": "naik", "down": "turun", "same": "tetap",
        "roi_def": "ROI = (pendapatan − biaya) ÷ biaya", "no_earlier": "belum ada angka sebelumnya",
        "followers_d": "pengikut", "reach_d": "jangkauan", "impressions_d": "tayangan",
        "followers_def": "Tingkat interaksi per pengikut = interaksi ÷ pengikut saat diposting",
        "reach_def": "Tingkat interaksi per jangkauan = interaksi ÷ akun yang dijangkau",
        "impressions_def": "Tingkat interaksi per tayangan = interaksi ÷ jumlah ditampilkan",
        "engagements_def": "Interaksi = suka + repost + balasan + kutipan + komentar + dibagikan + disimpan + klik tautan",
        "unknown_def": "“tidak diketahui”: jaringan tidak melaporkan pembagi itu; Studio tidak menebaknya.",
    },
}


PDF_SCALE = 2.0  # a 640-pixel chart at 1,280 pixels over 180 mm: about 180 dpi


class ReportError(StudioError):
    """The report could not be written."""


@dataclass
class Report:
    client: str
    language: str
    agency: str
    colour: str
    summary: Summary
    previous: Summary
    strings: dict[str, str] = field(default_factory=dict)
    handles: dict[int, str] = field(default_factory=dict)  # account id -> "@handle (network)"

    def to_json(self) -> dict[str, Any]:
        return {"client": self.client, "language": self.language, "agency": self.agency,
                "period": self.summary.to_json(), "previous": self.previous.totals(), "totals": self.summary.totals()}


def build_report(library: Library, client: Any, summary: Summary, args: argparse.Namespace | None = None, *,
                 agency: str = "", colour: str = "") -> Report:
    """The report of ``summary``, with the period of the same length before it for comparison."""
    language = "id" if str(client.language or "").lower().startswith("id") else "en"
    length = summary.end - summary.start
    zone = summary.start.tzinfo
    assert zone is not None
    previous = summarize(library, client.id, summary.start - length, summary.start, zone,
                         networks=getattr(args, "network", None) or None, tag=getattr(args, "tag", None))
    handles = {a.id: f"{a.handle} ({a.network})" for a in library.list_accounts(client.id, include_archived=True)}
    return Report(client.name, language, agency, colour or str(client.colour or "#4f7cff"), summary, previous,
                  STRINGS[language], handles)


def write_report(report: Report, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise ReportError(f"{path.name}: a report is .html or .pdf.")
    from studio.files import write_atomically

    data = render_html(report).encode() if suffix != ".pdf" else render_pdf(report)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise ReportError(f"Could not write {path}: {error.strerror}.", "Check the folder and the free space.") from None


# ---- pieces both formats share ------------------------------------------------------------------


def _words(s: dict[str, str]) -> ChartWords:
    """The charts' (and the numbers') months and separators in the report's language."""
    return ChartWords(tuple(s["months"].split()), s["decimal"], s["group"])


def _percent(value: float | None, s: dict[str, str]) -> str:
    return s["unknown"] if value is None else f"{_words(s).number(value * 100, 2)} %"


def _change(now: float | int | None, before: float | int | None, s: dict[str, str], percent: bool = False) -> str:
    if now is None or before is None:
        return s["no_earlier"]
    delta = now - before
    word = s["up"] if delta > 0 else s["down"] if delta < 0 else s["same"]
    amount = f"{abs(delta) * 100:.2f} pt" if percent else f"{abs(delta):,}"
    return f"{word} {amount}" if delta else word


def _facts(report: Report) -> list[tuple[str, str, str]]:
    s = report.strings
    now, before = report.summary.totals(), report.previous.totals()
    facts = [
        (s["posts"], str(now["posts"]), _change(now["posts"], before["posts"], s)),
        (s["engagements"], f"{now['engagements']:,}" if now["engagements"] is not None else s["unknown"],
         _change(now["engagements"], before["engagements"], s)),
        (s["avg_er"] + " (" + s["followers"].lower() + ")", _percent(now["er_followers"], s),
         _change(now["er_followers"], before["er_followers"], s, percent=True)),
    ]
    for account, grown in report.summary.growth().items():
        last = report.summary.followers[account][1]
        if grown is not None and last is not None:
            gained, fraction = grown
            share = f", {fraction * 100:+.1f} %" if fraction is not None else ""
            name = report.handles.get(account, f"#{account}")
            facts.append((f"{s['followers']} {name}", f"{last:,}", f"{gained:+,}{share}"))
    return facts


def _when(report: Report, post: PostStats) -> str:
    """The post's time in the report's zone (the user's), not UTC."""
    if post.published_at is None:
        return ""
    return post.published_at.astimezone(report.summary.start.tzinfo).strftime("%Y-%m-%d %H:%M")


def _money(amount: float | None, currency: str) -> str:
    if amount is None:
        return "—"
    text = f"{amount:,.2f}".removesuffix(".00")
    return f"{currency} {text}".strip()


def _period_text(report: Report) -> str:
    last = report.summary.end - timedelta(days=1)
    return f"{report.summary.start:%Y-%m-%d} – {last:%Y-%m-%d}"


# ---- HTML --------------------------------------------------------------------------------------


def render_html(report: Report) -> str:
    s = report.strings
    colour = report.colour if is_colour(report.colour) else "#4f7cff"
    e = html.escape
    weekdays = s["weekdays"].split()
    rows = "".join(f"<tr><th>{e(name)}</th><td>{e(value)}</td><td class='muted'>{e(change)}</td></tr>"
                   for name, value, change in _facts(report))
    ranked = report.summary.ranked()

    def post_card(post: PostStats) -> str:
        rates = " · ".join(f"{s[d + '_d']}: {e(_percent(post.rates[d].value, s))}" for d in DENOMINATORS)
        when = _when(report, post)
        return (f"<div class='post'><div class='meta'>{e(post.network)} · {e(when)}</div>"
                f"<p>{e(post.excerpt)}</p><div class='meta'>{s['engagements']}: {post.engagements} · {rates}</div></div>")

    networks = "".join(
        f"<tr><td>{e(name)}</td><td>{values['posts']}</td>"
        + "".join(f"<td>{e(_percent(values[f'er_{d}'], s))}</td>" for d in DENOMINATORS) + "</tr>"
        for name, values in report.summary.by("network").items()
    )
    campaigns = "".join(
        f"<tr><td>{e(str(c['campaign']))}</td><td>{e(_money(c['cost'], c['currency']))}</td>"
        f"<td>{e(_money(c['revenue'], c['currency']))}</td><td>{e(_percent(c['roi'], s))}</td></tr>"
        for c in report.summary.campaigns
    )
    definitions = "".join(f"<li>{e(s[key])}</li>" for key in
                          ("engagements_def", "followers_def", "reach_def", "impressions_def", "roi_def", "unknown_def"))
    body = (
        f"<header style='border-color:{colour}'><h1>{e(s['title'])}: {e(report.client)}</h1>"
        f"<div class='muted'>{e(s['period'])}: {e(_period_text(report))}"
        + (f" · {e(s['prepared_by'])} {e(report.agency)}" if report.agency else "") + "</div></header>"
        f"<table class='facts'>{rows}</table>"
        + (f"<p>{e(s['none'])}</p>" if not report.summary.posts else "")
        + f"<h2>{e(s['er_over_time'])}</h2>{er_chart(report.summary.posts, colour, words=_words(s))}"
        f"<h2>{e(s['heatmap'])}</h2>{heatmap_chart(report.summary, colour, weekdays)}"
        f"<h2>{e(s['per_network'])}</h2><table><tr><th>{e(s['network'])}</th><th>#</th>"
        + "".join(f"<th>ER · {e(s[d + '_d'])}</th>" for d in DENOMINATORS) + f"</tr>{networks}</table>"
        f"<h2>{e(s['top'])}</h2>{''.join(post_card(p) for p in ranked[:5])}"
        + (f"<h2>{e(s['worst'])}</h2>{''.join(post_card(p) for p in ranked[-3:][::-1])}" if len(ranked) > 5 else "")
        + (f"<h2>{e(s['campaigns'])}</h2><table><tr><th></th><th>{e(s['cost'])}</th><th>{e(s['revenue'])}</th>"
           f"<th>{e(s['roi'])}</th></tr>{campaigns}</table>" if campaigns else "")
        + f"<h2>{e(s['definitions'])}</h2><ul>{definitions}</ul>"
    )
    return (
        f"<!doctype html><html lang='{report.language}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{e(s['title'])}: {e(report.client)}</title><style>"
        "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:760px;margin:24px auto;padding:0 12px;color:#222}"
        "header{border-left:6px solid;padding-left:12px}h1{font-size:22px;margin:0}h2{font-size:15px;margin-top:26px}"
        ".muted,.meta{color:#666;font-size:12px}table{border-collapse:collapse;width:100%}"
        "td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;font-size:13px}"
        ".post{border:1px solid #ddd;border-radius:8px;padding:8px 12px;margin:8px 0}.post p{margin:6px 0}"
        "svg{max-width:100%;height:auto}</style></head><body>" + body + "</body></html>"
    )


# ---- PDF ---------------------------------------------------------------------------------------


def render_pdf(report: Report) -> bytes:
    from importlib.resources import as_file

    from fpdf import FPDF

    from studio.data import resource

    s = report.strings
    colour = report.colour if is_colour(report.colour) else "#4f7cff"
    rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    with as_file(resource("fonts/DejaVuSans.ttf")) as regular, as_file(resource("fonts/DejaVuSans-Bold.ttf")) as bold:
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
    pdf.add_page()
    pdf.set_fill_color(*rgb)
    pdf.rect(10, 10, 3, 16, style="F")
    pdf.set_font("DejaVu", "B", 17)
    pdf.set_xy(16, 10)
    pdf.cell(0, 9, f"{s['title']}: {report.client}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.set_x(16)
    line = f"{s['period']}: {_period_text(report)}" + (f" · {s['prepared_by']} {report.agency}" if report.agency else "")
    pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for name, value, change in _facts(report):
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(80, 6, name)
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(45, 6, value)
        pdf.cell(0, 6, change, new_x="LMARGIN", new_y="NEXT")
    if not report.summary.posts:
        pdf.ln(2)
        pdf.cell(0, 6, s["none"], new_x="LMARGIN", new_y="NEXT")

    def heading(text: str) -> None:
        pdf.ln(4)
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)

    heading(s["er_over_time"])
    pdf.image(io.BytesIO(er_chart(report.summary.posts, colour, fmt="png", scale=PDF_SCALE, words=_words(s))), w=180)
    heading(s["heatmap"])
    pdf.image(io.BytesIO(heatmap_chart(report.summary, colour, s["weekdays"].split(), fmt="png", scale=PDF_SCALE)),
              w=180)
    heading(s["per_network"])
    for name, values in report.summary.by("network").items():
        rates = "   ".join(f"{s[d + '_d']}: {_percent(values[f'er_{d}'], s)}" for d in DENOMINATORS)
        pdf.multi_cell(0, 5, f"{name} ({values['posts']}):  {rates}", new_x="LMARGIN", new_y="NEXT")
    heading(s["top"])
    for post in report.summary.ranked()[:5]:
        when = _when(report, post)
        pdf.set_font("DejaVu", "B", 9)
        pdf.multi_cell(0, 5, f"{post.network} · {when} · {s['engagements']}: {post.engagements}",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(0, 5, _pdf_text(post.excerpt), new_x="LMARGIN", new_y="NEXT")
    if report.summary.campaigns:
        heading(s["campaigns"])
        for c in report.summary.campaigns:
            pdf.multi_cell(0, 5, f"{c['campaign']}: {s['cost']} {_money(c['cost'], c['currency'])}, "
                                 f"{s['revenue']} {_money(c['revenue'], c['currency'])}, "
                                 f"{s['roi']} {_percent(c['roi'], s)}", new_x="LMARGIN", new_y="NEXT")
    heading(s["definitions"])
    for key in ("engagements_def", "followers_def", "reach_def", "impressions_def", "roi_def", "unknown_def"):
        pdf.multi_cell(0, 5, "• " + s[key], new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pdf_text(text: str) -> str:
    """Characters the PDF font has: emoji and other astral characters become a placeholder."""
    return "".join(ch if ord(ch) < 0x10000 else "□" for ch in text)
