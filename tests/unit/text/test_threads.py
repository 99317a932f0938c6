"""Splitting a long text into a thread: every part fits, cuts fall at good boundaries."""

from __future__ import annotations

import pytest

from studio.errors import UsageError
from studio.text import count, split_thread
from studio.text.threads import join_thread

SENTENCES = " ".join(f"This is sentence number {i} of a long story about writing well." for i in range(30))


@pytest.mark.parametrize("network", ["x", "bluesky", "mastodon", "threads"])
@pytest.mark.parametrize("numbered", [False, True])
def test_every_part_fits_and_nothing_is_lost(network: str, numbered: bool) -> None:
    parts = split_thread(SENTENCES, network, numbered=numbered)
    assert len(parts) > 1
    for part in parts:
        assert count(part, network).ok, part
    if numbered:
        assert parts[0].endswith(f" 1/{len(parts)}")
        parts = [part.rsplit(" ", 1)[0] for part in parts]
    assert " ".join(parts).split() == SENTENCES.split()


def test_cuts_fall_at_sentence_ends() -> None:
    for part in split_thread(SENTENCES, "x")[:-1]:
        assert part.endswith("well.")


def test_a_short_text_is_one_part_without_number() -> None:
    assert split_thread("  Hello world  ", "x", numbered=True) == ["Hello world"]
    assert split_thread("", "x") == []


def test_a_long_word_is_cut_at_a_grapheme_boundary_and_links_stay_whole() -> None:
    family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"
    text = family * 400
    parts = split_thread(text, "bluesky")
    assert "".join(parts) == text
    assert all(part.startswith(family) for part in parts)
    link = "https://example.com/" + "p" * 40
    text = "word " * 50 + link + " end"
    for part in split_thread(text, "bluesky", limit=260):
        assert link in part or "example" not in part


def test_mastodon_split_honours_a_server_limit() -> None:
    parts = split_thread(SENTENCES, "mastodon", limit=200)
    assert all(count(part, "mastodon", limit=200).ok for part in parts)


def test_networks_without_threads_refuse() -> None:
    with pytest.raises(UsageError):
        split_thread(SENTENCES, "linkedin")


def test_join_thread_undoes_a_numbered_split() -> None:
    parts = split_thread(SENTENCES, "x", numbered=True)
    assert join_thread(parts) == SENTENCES


def test_join_thread_keeps_what_only_looks_like_a_number() -> None:
    # A date or a score at the end of a part is text, not the thread's numbering.
    assert join_thread(["Sale starts 10/11", "Ends 12/11"]) == "Sale starts 10/11 Ends 12/11"
    assert join_thread(["First part 1/3", "Won 3/1"]) == "First part 1/3 Won 3/1"
    # Numbered parts lose their numbers, even after the user deleted one of them.
    assert join_thread(["One. 1/3", "  ", "Three. 3/3"]) == "One. Three."
    assert join_thread(["Only on 24/7 1/2", "support 2/2"]) == "Only on 24/7 support"
    assert join_thread([]) == ""
