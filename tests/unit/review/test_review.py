"""Approvals tied to the content, stale approvals with a per-part diff, anchored comments, the
approval-required setting and the printed pack (checked with poppler's pdftotext and pdftoppm)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from studio.cli import main
from studio.library import Library, StatusError
from studio.model import Crop
from studio.review import approval, comments
from studio.review.comments import find_anchor
from studio.review.content import content_hash, published_content


@pytest.fixture
def library(library_dir: Path) -> Iterator[Library]:
    lib = Library.open(library_dir)
    approval.watch(lib)
    yield lib
    lib.close()


def _thread_draft(library: Library) -> int:
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "Base words", networks=["mastodon", "x"])
    library.set_thread(draft.id, "mastodon", ["One part stays", "Two part will change", "Three stays too"])
    return draft.id


def test_an_approved_draft_edited_in_one_part_goes_back_to_review_with_that_parts_diff(library: Library) -> None:
    draft_id = _thread_draft(library)
    given = approval.approve(library, draft_id, "Dewi")
    assert library.get_draft(draft_id).status == "approved"
    assert given.hash == content_hash(published_content(library, draft_id))
    library.update_draft(draft_id, notes="notes are not published")  # no change to what goes out
    assert library.get_draft(draft_id).status == "approved"

    library.set_thread(draft_id, "mastodon", ["One part stays", "Two part has changed", "Three stays too"])
    assert library.get_draft(draft_id).status == "in_review"
    current = approval.state(library, draft_id)
    assert not current.fresh and current.approval is not None and current.approval.stale
    [part] = current.changes.parts
    assert (part.network, part.part, part.label) == ("mastodon", 1, "mastodon, part 2")
    assert ("removed", "will change") in part.ops and ("added", "has changed") in part.ops
    assert "".join(text for kind, text in part.ops if kind != "removed") == "Two part has changed"

    approval.approve(library, draft_id, "Dewi")
    assert approval.state(library, draft_id).fresh and library.get_draft(draft_id).status == "approved"


def test_images_crops_alt_text_and_a_moved_schedule_count_but_a_first_date_does_not(
    library: Library, tmp_path: Path
) -> None:
    client = library.add_client("Acme")
    account = library.add_account(client.id, "mastodon", "acme")
    draft = library.create_draft(client.id, "With a photo")
    photo = tmp_path / "p.png"
    Image.new("RGB", (300, 200), "teal").save(photo)
    sha = library.add_asset(photo).sha
    library.attach_asset(draft.id, sha, "A teal square")
    approval.approve(library, draft.id, "Dewi")
    library.schedule(draft.id, account.id, datetime(2026, 12, 1, 9, tzinfo=UTC))  # a first date: still approved
    assert approval.state(library, draft.id).fresh and library.get_draft(draft.id).status == "scheduled"

    library.set_alt_text(draft.id, sha, "A teal rectangle")
    assert library.get_draft(draft.id).status == "in_review"
    assert [(c.kind, c.after) for c in approval.state(library, draft.id).changes.images] == [
        ("alt", "A teal rectangle")]
    approval.approve(library, draft.id, "Dewi")
    assert library.get_draft(draft.id).status == "scheduled"
    library.set_crop(sha, "mastodon.post", Crop(0.1, 0.1, 0.5, 0.5))
    assert [c.kind for c in approval.state(library, draft.id).changes.images] == ["crop"]
    assert library.get_draft(draft.id).status == "in_review"
    approval.approve(library, draft.id, "Dewi")
    [schedule] = library.schedules_of(draft.id)
    library.reschedule(schedule.id, datetime(2026, 12, 2, 9, tzinfo=UTC))
    assert approval.state(library, draft.id).changes.schedule is not None
    assert library.get_draft(draft.id).status == "in_review"


def test_comments_follow_their_words_and_are_outdated_when_the_words_go(library: Library) -> None:
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "Our new roast is smooth and bright.")
    start = draft.text.index("smooth")
    note = comments.add(library, draft.id, "Say 'velvety'?", "Dewi", start=start, end=start + len("smooth"))
    comments.reply(library, note.id, "Fine by me", "Budi")
    library.save_text(draft.id, "Big news 🎉! Our new roast is smooth and bright, and fresh.")
    [thread] = comments.threads(library, draft.id)
    text = library.get_draft(draft.id).text
    assert text[thread.start:thread.end] == "smooth" and not thread.outdated
    assert [r.body for r in thread.replies] == ["Fine by me"]
    assert comments.open_counts(library, [draft.id]) == {draft.id: 1}
    comments.set_resolved(library, thread.id, True)
    assert comments.open_counts(library, [draft.id]) == {}
    comments.set_resolved(library, thread.replies[0].id, False)  # reopening from a reply reopens the thread
    assert not comments.threads(library, draft.id)[0].resolved

    library.save_text(draft.id, "Big news! Our new roast is bright, and fresh.")
    [thread] = comments.threads(library, draft.id)
    assert thread.outdated and thread.quote == "smooth"
    library.save_text(draft.id, "Big news! Our new roast is smooth again.")  # the words come back
    assert not comments.threads(library, draft.id)[0].outdated


def test_anchors_pick_the_occurrence_whose_surroundings_match() -> None:
    old = "tea or coffee, then more coffee please"
    start = old.rindex("coffee")
    new = "coffee first. tea or coffee, then more coffee please"
    found = find_anchor(new, start, start + 6, "coffee", old[start - 32:start], old[start + 6:start + 38])
    assert found == (new.rindex("coffee"), new.rindex("coffee") + 6)
    assert find_anchor("nothing here", 0, 6, "coffee", "", "") is None


def test_comments_on_thread_parts_and_alt_text(library: Library, tmp_path: Path) -> None:
    draft_id = _thread_draft(library)
    note = comments.add(library, draft_id, "Shorter?", "Dewi", part="thread:mastodon:2", start=0, end=5)
    assert note.quote == "Three"
    library.set_thread(draft_id, "mastodon", ["One part stays"])
    assert comments.threads(library, draft_id)[0].outdated  # the part is gone


def test_a_client_requiring_approval_cannot_schedule_an_unapproved_post(library: Library) -> None:
    client = library.add_client("Strict")
    account = library.add_account(client.id, "mastodon", "strict")
    draft = library.create_draft(client.id, "Needs a yes")
    approval.save_settings(library, client.id, approval.ReviewSettings(approval_required=True, zone="Asia/Jakarta"))
    with pytest.raises(StatusError, match="approves posts before they are scheduled"):
        library.schedule(draft.id, account.id, datetime(2026, 12, 1, 9, tzinfo=UTC))
    approval.approve(library, draft.id, "Dewi")
    library.schedule(draft.id, account.id, datetime(2026, 12, 1, 9, tzinfo=UTC))
    assert library.get_draft(draft.id).status == "scheduled"


def test_the_printed_pack_and_the_approval_sheet(library_dir: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with Library.open(library_dir) as library:
        client = library.add_client("Toko Batik", language="id-ID")
        account = library.add_account(client.id, "mastodon", "batik")
        approval.save_settings(library, client.id, approval.ReviewSettings(zone="Asia/Jakarta"))
        first = library.create_draft(client.id, "Batik tulis baru dari Pekalongan #batik")
        photo = tmp_path / "batik.jpg"
        Image.new("RGB", (800, 600), (120, 40, 30)).save(photo)
        library.attach_asset(first.id, library.add_asset(photo).sha, "Kain batik merah")
        library.schedule(first.id, account.id, datetime(2026, 12, 7, 2, tzinfo=UTC))
        second = library.create_draft(client.id, "Diskon akhir tahun")
        approval.approve(library, second.id, "Dewi")
    out, pdf = tmp_path / "pack.html", tmp_path / "pack.pdf"
    assert main(["review", "pack", "--client", "Toko Batik", "--from", "2026-12-07", "--to", "2026-12-07",
                 "--out", str(out), "--pdf", str(pdf), "--library", str(library_dir)]) == 0
    assert "1 posts, 1 images" in capsys.readouterr().out
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Batik tulis baru dari Pekalongan #batik" in text
    assert "Sen 7 Des 2026, 09:00 (Asia/Jakarta)" in text and "Deskripsi gambar: Kain batik merah" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    [page] = sorted(tmp_path.glob("page*.png"))
    with Image.open(page) as picture:  # the photo is on the page: some pixels are the batik's red
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 20) or []
        assert any(abs(r - 120) < 20 and abs(g - 40) < 20 and abs(b - 30) < 20 for _n, (r, g, b) in colours)

    sheet = tmp_path / "sheet.pdf"
    assert main(["review", "sheet", str(first.id), str(second.id), "--out", str(sheet),
                 "--library", str(library_dir)]) == 0
    text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
    assert "Lembar persetujuan: Toko Batik" in text and "Dewi" in text and "belum disetujui" in text
