"""The review pack's words in the client's language: English or Indonesian."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Posts for review",
        "intro": "Check each post as it will appear, then approve it, ask for changes or reject it. "
                 "Your answers stay in this browser, so you can close the page and come back.",
        "period": "Posts from {start} to {end}",
        "your_name": "Your name",
        "scheduled": "Scheduled for {when}",
        "not_scheduled": "Not scheduled yet",
        "approve": "Approve",
        "changes": "Request changes",
        "reject": "Reject",
        "comment": "What should change?",
        "answered_a": "Approved",
        "answered_c": "Changes requested",
        "answered_r": "Rejected",
        "pending": "No answer yet",
        "more": "more",
        "alt": "Image description",
        "part": "Part {n} of {total}",
        "reply_title": "Send your answers",
        "reply_help": "Copy this code and paste it into WhatsApp or an e-mail to us, or download it as a file.",
        "copy": "Copy code",
        "copied": "Copied",
        "download": "Download file",
        "email": "Send by e-mail",
        "summary": "{done} of {total} posts answered",
        "mail_subject": "Review answers",
        "post": "Post",
        "needs_comment": "Please say what should change.",
        "days": "Mon Tue Wed Thu Fri Sat Sun",
        "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        # the PDF and the approval sheet
        "sheet_title": "Approval sheet",
        "sheet_post": "Post",
        "sheet_status": "Status",
        "sheet_by": "Approved by",
        "sheet_when": "When",
        "sheet_hash": "Content hash",
        "sheet_none": "not approved",
        "printed": "Made on {when}",
    },
    "id": {
        "title": "Postingan untuk ditinjau",
        "intro": "Periksa setiap postingan seperti yang akan tampil, lalu setujui, minta perubahan, atau tolak. "
                 "Jawaban Anda tersimpan di peramban ini, jadi halaman boleh ditutup dan dibuka lagi.",
        "period": "Postingan dari {start} sampai {end}",
        "your_name": "Nama Anda",
        "scheduled": "Dijadwalkan {when}",
        "not_scheduled": "Belum dijadwalkan",
        "approve": "Setujui",
        "changes": "Minta perubahan",
        "reject": "Tolak",
        "comment": "Apa yang perlu diubah?",
        "answered_a": "Disetujui",
        "answered_c": "Perubahan diminta",
        "answered_r": "Ditolak",
        "pending": "Belum dijawab",
        "more": "selengkapnya",
        "alt": "Deskripsi gambar",
        "part": "Bagian {n} dari {total}",
        "reply_title": "Kirim jawaban Anda",
        "reply_help": "Salin kode ini dan tempel di WhatsApp atau e-mail kepada kami, atau unduh sebagai berkas.",
        "copy": "Salin kode",
        "copied": "Tersalin",
        "download": "Unduh berkas",
        "email": "Kirim lewat e-mail",
        "summary": "{done} dari {total} postingan dijawab",
        "mail_subject": "Jawaban tinjauan",
        "post": "Postingan",
        "needs_comment": "Mohon tuliskan apa yang perlu diubah.",
        "days": "Sen Sel Rab Kam Jum Sab Min",
        "months": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
        "sheet_title": "Lembar persetujuan",
        "sheet_post": "Postingan",
        "sheet_status": "Status",
        "sheet_by": "Disetujui oleh",
        "sheet_when": "Waktu",
        "sheet_hash": "Hash konten",
        "sheet_none": "belum disetujui",
        "printed": "Dibuat pada {when}",
    },
}


def language_of(client_language: str | None) -> str:
    """The pack's language for a client: Indonesian for "id"/"id-ID" (and "in", its old code), else English."""
    code = (client_language or "").lower().replace("_", "-").split("-")[0]
    return "id" if code in {"id", "in"} else "en"


def words(language: str) -> dict[str, str]:
    return STRINGS.get(language, STRINGS["en"])


def when_in_words(instant_utc: str, zone_name: str, language: str) -> str:
    """A UTC instant in the client's zone, e.g. "Mon 7 Dec 2026, 09:00 (Asia/Jakarta)"."""
    from studio.library.times import local_zone, parse_utc

    zone = _zone(zone_name) or local_zone()
    local = parse_utc(instant_utc).astimezone(zone)
    table = words(language)
    day = table["days"].split()[local.weekday()]
    month = table["months"].split()[local.month - 1]
    name = zone_name or str(getattr(zone, "key", "")) or local.strftime("%Z")
    return f"{day} {local.day} {month} {local.year}, {local:%H:%M} ({name})"


def _zone(name: str):  # type: ignore[no-untyped-def]
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
