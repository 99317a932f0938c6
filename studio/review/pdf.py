"""The printable review pack and the approval sheet, as PDF (fpdf2: pure Python, headless).

Text is set in a Unicode TrueType font found on the system (DejaVu Sans on Linux, Arial or Segoe
UI elsewhere), so Indonesian and other Latin text, and most scripts, print as typed; without one,
the PDF falls back to a core font and shows "?" for what Latin-1 lacks.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from studio.errors import StudioError
from studio.review.content import BASE, content_hash, published_content
from studio.review.strings import language_of, when_in_words, words

_FONTS = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ("C:/Windows/Fonts/segoeui.ttf", "C:/Windows/Fonts/segoeuib.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
)


def _document() -> Any:
    from fpdf import FPDF

    pdf: Any = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(15, 15, 15)
    for regular, bold in _FONTS:
        if Path(regular).is_file() and Path(bold).is_file():
            pdf.add_font("body", "", regular)
            pdf.add_font("body", "B", bold)
            pdf.studio_font = "body"
            break
    else:
        pdf.studio_font = "helvetica"
    return pdf


def _text(pdf: Any, value: str) -> str:
    if pdf.studio_font == "helvetica":
        return value.encode("latin-1", "replace").decode("latin-1")
    return value


def _save(pdf: Any, out: Path) -> None:
    from studio.files import write_atomically

    try:
        write_atomically(out, bytes(pdf.output()))
    except OSError as error:
        raise StudioError(f"Studio cannot write {out}: {error.strerror}.", "Choose another file.") from error


def _client_of(library: Any, draft_ids: list[int]) -> tuple[Any, str, dict[str, str], str]:
    from studio.review.approval import settings

    client = library.get_client(library.get_draft(draft_ids[0]).client_id)
    language = language_of(client.language)
    return client, language, words(language), settings(library, client.id).zone


def write_pack_pdf(library: Any, draft_ids: list[int], out: Path) -> None:
    """The review pack on paper: each post, network by network, with its images and alt text."""
    from studio.review.pack import render_image
    from studio.text.networks import all_networks

    client, language, table, zone = _client_of(library, draft_ids)
    pdf = _document()
    font = pdf.studio_font
    titles = {key: net.title for key, net in all_networks().items()}
    pdf.add_page()
    pdf.set_font(font, "B", 18)
    pdf.multi_cell(0, 9, _text(pdf, f"{table['title']}: {client.name}"), new_x="LMARGIN", new_y="NEXT")
    for draft_id in draft_ids:
        draft = library.get_draft(draft_id)
        content = published_content(library, draft_id)
        pdf.ln(4)
        pdf.set_font(font, "B", 13)
        heading = (draft.text.strip().splitlines() or [table["post"]])[0][:80]
        pdf.multi_cell(0, 7, _text(pdf, heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(font, "", 9)
        when = [s["at"] for s in content["schedule"]]
        line = table["scheduled"].format(when=when_in_words(when[0], zone, language)) if when else table["not_scheduled"]
        pdf.multi_cell(0, 5, _text(pdf, f"{line} · #{draft_id} · {content_hash(content)[:12]}"),
                       new_x="LMARGIN", new_y="NEXT")
        for network, entry in content["networks"].items():
            pdf.ln(2)
            pdf.set_font(font, "B", 11)
            pdf.cell(0, 6, _text(pdf, table["post"] if network == BASE else titles.get(network, network)),
                     new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(font, "", 10)
            for number, part in enumerate(entry["parts"]):
                if len(entry["parts"]) > 1:
                    pdf.set_font(font, "", 8)
                    pdf.cell(0, 5, _text(pdf, table["part"].format(n=number + 1, total=len(entry["parts"]))),
                             new_x="LMARGIN", new_y="NEXT")
                    pdf.set_font(font, "", 10)
                pdf.multi_cell(0, 5, _text(pdf, part), new_x="LMARGIN", new_y="NEXT")
            for image in entry["images"]:
                data, width, height = render_image(library, image, 360)
                shown_w = 70.0
                shown_h = shown_w * height / width
                if pdf.get_y() + shown_h > pdf.h - 20:
                    pdf.add_page()
                pdf.image(io.BytesIO(data), w=shown_w, h=shown_h)
                if image["alt"]:
                    pdf.set_font(font, "", 8)
                    pdf.multi_cell(0, 4, _text(pdf, f"{table['alt']}: {image['alt']}"), new_x="LMARGIN", new_y="NEXT")
                    pdf.set_font(font, "", 10)
    _save(pdf, out)


def write_approval_sheet(library: Any, draft_ids: list[int], out: Path) -> None:
    """A table of the posts: status, who approved which version and when, and whether it holds."""
    from studio.model import STATUS_LABELS
    from studio.review.approval import state

    client, _language, table, _zone = _client_of(library, draft_ids)
    pdf = _document()
    font = pdf.studio_font
    pdf.add_page()
    pdf.set_font(font, "B", 18)
    pdf.multi_cell(0, 9, _text(pdf, f"{table['sheet_title']}: {client.name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 9)
    from studio.library.store import utc_now

    pdf.cell(0, 6, _text(pdf, table["printed"].format(when=utc_now()[:16].replace("T", " ") + " UTC")),
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(font, "", 9)
    with pdf.table(col_widths=(60, 22, 40, 30, 28), text_align="LEFT") as rows:
        header = rows.row()
        for key in ("sheet_post", "sheet_status", "sheet_by", "sheet_when", "sheet_hash"):
            header.cell(_text(pdf, table[key]))
        for draft_id in draft_ids:
            draft = library.get_draft(draft_id)
            current = state(library, draft_id)
            approval = current.approval
            row = rows.row()
            row.cell(_text(pdf, f"#{draft_id} " + " ".join(draft.text.split())[:70]))
            row.cell(_text(pdf, STATUS_LABELS.get(draft.status, draft.status)))
            if approval is None:
                row.cell(_text(pdf, table["sheet_none"]))
                row.cell("")
                row.cell("")
            else:
                holds = "" if current.fresh else " (!)"
                row.cell(_text(pdf, approval.author + holds))
                row.cell(approval.approved_at[:16].replace("T", " ") + " UTC")
                row.cell(approval.hash[:12])
    _save(pdf, out)
