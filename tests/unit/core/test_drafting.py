"""The draft's text model: which text each network gets, threads split and joined, a thread's
grammar issues handed back to its parts (emoji and CJK before the spot that matters), and the one
"New draft" policy."""

from __future__ import annotations

from pathlib import Path

from studio.drafting import BASE, FIRST_CLIENT, DraftText, ThreadText, parts_for, start_draft
from studio.library import Library
from studio.model import Draft, Issue, Variant

LONG = " ".join(f"Sentence {i} tells the story of our trail shoes in the mountains." for i in range(12))


def _issue(start: int, end: int) -> Issue:
    return Issue(start, end, "grammar", "RULE", "message")


def test_each_network_gets_its_thread_its_variant_or_the_base_text() -> None:
    draft = Draft(1, 1, text="base", networks=("x", "zz"), variants={
        "bluesky": Variant("bluesky", parts=("one", "two")), "linkedin": Variant("linkedin", text="own")})
    assert parts_for(draft, "bluesky") == ("one", "two")
    assert parts_for(draft, "linkedin") == ("own",)
    assert parts_for(draft, "x") == ("base",)
    assert parts_for(draft, "mastodon") == ("base",)
    text = DraftText.of(draft, known=["x", "bluesky", "linkedin"])
    assert text.targets == ["x", "linkedin", "bluesky"]  # unknown "zz" left out; variants are targets
    assert text.text_for("bluesky") == "one\n\ntwo" and text.text_for(BASE) == "base"


def test_edit_split_join_and_variants() -> None:
    text = DraftText(LONG, targets=["bluesky"])
    text.set_text(BASE, LONG + " More.")
    assert text.make_variant("bluesky") == LONG + " More." and text.has_variant("bluesky")
    parts = text.split("bluesky", numbered=True)
    assert len(parts) == 3 and parts[0].endswith("1/3")
    assert text.has_thread("bluesky") and not text.has_variant("bluesky")
    text.set_text("bluesky", "ignored: a thread is edited part by part")
    assert text.parts_for("bluesky") == tuple(parts)
    assert text.set_parts("bluesky", ["Edited. " + parts[0], *parts[1:]])
    assert text.split("bluesky", numbered=False)[0].startswith("Edited. Sentence 0")  # again, without numbers
    joined = text.join("bluesky")
    assert joined is not None and joined.startswith("Edited. Sentence 0") and text.variants["bluesky"] == joined
    assert text.join("bluesky") is None
    assert text.drop_variant("bluesky") and text.parts_for("bluesky") == (text.text,)
    assert text.split("bluesky", numbered=False) and not DraftText().split("bluesky", numbered=False)
    assert text.set_target("x", True) and not text.set_target("x", True) and text.set_target("x", False)


def test_a_threads_issues_go_back_to_their_parts() -> None:
    parts = ["Hi 👋🏽 thre", "漢字 teh end", "e\u0301 last eror"]
    thread = ThreadText.of(parts)
    assert thread.text == "\n\n".join(parts)
    for index, part in enumerate(parts):
        assert thread.text[thread.offsets[index]:thread.offsets[index] + len(part)] == part
    wrong = [thread.text.index("thre"), thread.text.index("teh"), thread.text.index("eror")]
    across = _issue(thread.offsets[1] - 3, thread.offsets[1] + 2)  # spans the gap: nobody's
    found = thread.issues_by_part([_issue(w, w + 3 + (w == wrong[2])) for w in wrong] + [across])
    assert [[part[i.start:i.end] for i in mine] for part, mine in zip(parts, found, strict=True)] == [
        ["thr"], ["teh"], ["eror"]]


def test_a_new_draft_goes_to_the_client_or_the_first_or_a_new_one(tmp_path: Path) -> None:
    with Library.open(tmp_path / "library") as library:
        first = start_draft(library)  # an empty library: a client is made for it
        assert library.get_client(first.client_id).name == FIRST_CLIENT
        other = library.add_client("Acme")
        assert start_draft(library, other.id).client_id == other.id
        assert start_draft(library).client_id == library.list_clients()[0].id
