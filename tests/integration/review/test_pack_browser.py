"""The review pack in a real browser: answered, coded, imported; tampering and late edits caught."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from studio.cli import main
from studio.library import Library
from studio.review import approval, codes, comments
from studio.review.pack import build_pack


def _library(folder: Path, tmp_path: Path) -> tuple[Library, list[int]]:
    library = Library.open(folder)
    client = library.add_client("Kopi Nusantara", language="id-ID")
    account = library.add_account(client.id, "mastodon", "kopinusantara", "Kopi Nusantara", "https://social.example")
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (1600, 1000), (190, 120, 60)).save(photo, "JPEG")
    first = library.create_draft(client.id, "Kopi susu baru sudah hadir! Pesan di https://kopi.co.id #kopisusu @teman\n\n"
                                 "Gula aren dari Banten, susu segar dari Lembang, dan es batu yang tidak cepat cair. "
                                 "Tersedia di semua gerai mulai Senin.", networks=["instagram", "x"])
    library.attach_asset(first.id, library.add_asset(photo).sha, "Segelas kopi susu di meja kayu")
    library.schedule(first.id, account.id, datetime(2026, 12, 7, 2, 0, tzinfo=UTC))
    second = library.create_draft(client.id, "Utas tentang biji kopi", networks=["mastodon"])
    library.set_thread(second.id, "mastodon", ["Biji kopi kami dari Aceh.", "Dipanggang setiap Senin."])
    third = library.create_draft(client.id, "Promo akhir pekan: diskon 20%", networks=["x"])
    return library, [first.id, second.id, third.id]


def _answer(page: Any, draft_id: int, verdict: str, comment: str = "") -> None:
    page.click(f"#post-{draft_id} [data-verdict={verdict}]")
    if comment:
        page.fill(f"#post-{draft_id} textarea", comment)


def test_a_client_answers_in_chromium_and_studio_imports_the_code(
    browser: Any, library_dir: Path, tmp_path: Path, screenshot_dir: Path
) -> None:
    library, (first, second, third) = _library(library_dir, tmp_path)
    approval.watch(library)
    pack = build_pack(library, [first, second, third], tmp_path / "pack.html")
    assert pack.images == 3  # one photo, cut for Instagram, X and Mastodon: each rendition embedded once
    text = pack.path.read_text(encoding="utf-8")
    assert "http://" not in text.replace("https://kopi.co.id", "")  # nothing is loaded from anywhere

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(pack.path.as_uri())
    page.wait_for_selector("html[data-ready='1']")
    assert page.locator("h1").inner_text().startswith("Postingan untuk ditinjau")
    assert page.locator(f"#post-{first} .tabs button").all_inner_texts() == ["Instagram", "X", "Mastodon"]
    assert page.locator(f"#post-{first} .net:not([hidden]) img").evaluate("img => img.naturalWidth") > 0
    assert page.locator(f"#post-{first} .net:not([hidden]) .tag").inner_text() == "#kopisusu"
    assert page.locator(f"#post-{first} .net:not([hidden]) a").get_attribute("href") == "https://kopi.co.id"
    more = page.locator(f"#post-{first} .net:not([hidden]) .more")  # Instagram folds a long caption
    assert more.is_visible() and "selengkapnya" in more.inner_text()
    more.click()
    assert not more.is_visible()
    page.click(f"#post-{first} .tabs button:text('X')")  # X shows the whole text, with no fold
    assert page.locator(f"#post-{first} .net:not([hidden]) .more").count() == 0
    assert "Tersedia di semua gerai" in page.locator(f"#post-{first} .net:not([hidden]) .text").inner_text()
    assert page.locator(f"#post-{second} .net .text").all_inner_texts() == [
        "Biji kopi kami dari Aceh.", "Dipanggang setiap Senin."]
    page.fill("#reviewer", "Sari")
    _answer(page, first, "a")
    _answer(page, second, "c", "Tolong sebut harga per kilo.")
    _answer(page, third, "a")
    page.screenshot(path=str(screenshot_dir / "pack-desktop.png"), full_page=True)

    page.reload()  # the answers stay in the browser
    page.wait_for_selector("html[data-ready='1']")
    assert page.get_attribute(f"#post-{second} [data-verdict=c]", "aria-pressed") == "true"
    assert page.input_value(f"#post-{second} textarea") == "Tolong sebut harga per kilo."
    code = page.input_value("#reply-code")
    assert code.startswith("STUDIO1-") and len(code) < 400
    assert page.get_attribute("#mail", "href").startswith("mailto:")
    assert page.get_attribute("#download", "href").startswith("data:text/plain")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(screenshot_dir / "pack-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than a phone
    page.close()

    # One character changed anywhere in the code: refused, nothing applied.
    for at in (len("STUDIO1-") + 10, code.index(".") - 3, len(code) - 5):
        tampered = code[:at] + ("A" if code[at] != "A" else "B") + code[at + 1:]
        with pytest.raises(codes.ReplyError, match="cannot trust this reply code"):
            codes.import_code(library, tampered)
    assert library.get_draft(second).status == "draft"

    library.save_text(third, "Promo akhir pekan: diskon 25%")  # edited after the pack was made
    library.close()
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Ini jawaban saya:\n{code}\nTerima kasih!", encoding="utf-8")
    assert main(["review", "import", str(reply), "--library", str(library_dir)]) == 3  # 3: something flagged

    library = Library.open(library_dir)
    assert library.get_draft(first).status == "scheduled"  # approved, and it has a schedule
    assert approval.state(library, first).fresh
    assert approval.latest_approval(library, first).author == "Sari (client)"  # type: ignore[union-attr]
    assert library.get_draft(second).status == "in_review"
    [note] = comments.threads(library, second)
    assert note.author == "Sari (client)" and "harga per kilo" in note.body
    assert library.get_draft(third).status == "draft" and approval.latest_approval(library, third) is None
    with pytest.raises(codes.ReplyError, match="imported already"):
        codes.import_code(library, code)
    library.close()
