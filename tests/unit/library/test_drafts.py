"""Drafts, variants, threads, the paged list, its filters and the change hook."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from studio.library import Change, DraftFilter, Library, LibraryError, NotFound


def test_a_draft_keeps_everything_it_is_given(library: Library) -> None:
    client = library.add_client("Acme", colour="#112233", language="de-DE")
    draft = library.create_draft(client.id, "Hallo 👋🏽", language="de-AT", networks=["Mastodon", "bluesky"],
                                 tags=["#launch", "launch", "spring"], notes="for March")
    again = library.get_draft(draft.id)
    assert again.text == "Hallo 👋🏽"
    assert again.language == "de-AT"
    assert again.networks == ("mastodon", "bluesky")
    assert again.tags == ("launch", "spring")
    assert again.notes == "for March"
    assert again.status == "draft"
    library.set_variant(draft.id, "bluesky", "Short for Bluesky")
    library.set_thread(draft.id, "mastodon", ["1/2 first", "2/2 second"])
    variants = library.get_draft(draft.id).variants
    assert variants["bluesky"].text == "Short for Bluesky" and not variants["bluesky"].is_thread
    assert variants["mastodon"].parts == ("1/2 first", "2/2 second")
    library.set_variant(draft.id, "bluesky", None)
    assert "bluesky" not in library.get_draft(draft.id).variants
    updated = library.update_draft(draft.id, language=None, tags=["autumn"], notes="", networks=["telegram"])
    assert (updated.language, updated.tags, updated.notes, updated.networks) == (None, ("autumn",), "", ("telegram",))


def test_save_text_writes_only_changes(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "one")
    assert library.save_text(draft.id, "two") is True
    assert library.save_text(draft.id, "two") is False
    assert library.get_draft(draft.id).text == "two"
    with pytest.raises(NotFound):
        library.save_text(999, "x")


def test_bad_input_is_refused_and_nothing_changes(library: Library) -> None:
    client = library.add_client("Acme")
    with pytest.raises(LibraryError, match="not a network"):
        library.create_draft(client.id, "x", networks=["myspace"])
    with pytest.raises(LibraryError, match="already a client"):
        library.add_client("acme")
    with pytest.raises(LibraryError, match="not a colour"):
        library.add_client("Beta", colour="blue")
    with pytest.raises(NotFound):
        library.create_draft(42, "x")
    assert library.count_drafts() == 0


def _fill(library: Library) -> dict[str, int]:
    acme, beta = library.add_client("Acme"), library.add_client("Beta")
    ids = {
        "a1": library.create_draft(acme.id, "apples", networks=["mastodon"], tags=["fruit"]).id,
        "a2": library.create_draft(acme.id, "avocado", networks=["bluesky"], tags=["fruit", "green"],
                                   status="idea").id,
        "b1": library.create_draft(beta.id, "bananas", networks=["mastodon", "bluesky"], status="approved").id,
        "b2": library.create_draft(beta.id, "beans", tags=["green"], status="archived").id,
    }
    return ids


def test_filters_and_sort(library: Library) -> None:
    ids = _fill(library)
    acme = library.find_client("Acme")
    assert acme is not None

    def listed(flt: DraftFilter, **kw: object) -> list[int]:
        rows = library.list_drafts(flt, **kw)  # type: ignore[arg-type]
        assert library.count_drafts(flt) == len(rows)
        return [row.id for row in rows]

    assert listed(DraftFilter()) == [ids["b1"], ids["a2"], ids["a1"]]  # archived hidden, newest first
    assert listed(DraftFilter(client_id=acme.id)) == [ids["a2"], ids["a1"]]
    assert listed(DraftFilter(statuses=("archived",))) == [ids["b2"]]
    assert listed(DraftFilter(network="bluesky")) == [ids["b1"], ids["a2"]]
    assert listed(DraftFilter(tag="#green", include_archived=True)) == [ids["b2"], ids["a2"]]
    assert listed(DraftFilter(query="ban")) == [ids["b1"]]
    assert listed(DraftFilter(query="acme")) == [ids["a2"], ids["a1"]]
    assert listed(DraftFilter(since="2000-01-01", until="2000-01-02")) == []
    assert listed(DraftFilter(), sort="client", descending=False)[0] in {ids["a1"], ids["a2"]}
    assert listed(DraftFilter(), sort="created", descending=False) == [ids["a1"], ids["a2"], ids["b1"]]
    page = library.list_drafts(DraftFilter(), offset=1, limit=1)
    assert [row.id for row in page] == [ids["a2"]]
    row = library.list_drafts(DraftFilter(ids=(ids["b1"],)))[0]
    assert (row.client_name, row.status, row.networks, row.text) == ("Beta", "approved", ("mastodon", "bluesky"), "bananas")


def test_list_tags(library: Library) -> None:
    _fill(library)
    library.create_draft(1, "x", tags=["Zebra", "apple"])
    assert library.list_tags() == ["apple", "fruit", "green", "Zebra"]


def test_scheduled_date_filter(library: Library) -> None:
    ids = _fill(library)
    account = library.add_account(library.get_draft(ids["b1"]).client_id, "mastodon", "@beta@example.social")
    library.schedule(ids["b1"], account.id, datetime(2030, 5, 1, 12, tzinfo=UTC))
    flt = DraftFilter(date_field="scheduled", since="2030-05-01", until="2030-05-02")
    assert [row.id for row in library.list_drafts(flt)] == [ids["b1"]]
    assert library.list_drafts(flt)[0].next_schedule == "2030-05-01T12:00:00Z"


def test_listeners_hear_commits_only(library: Library) -> None:
    heard: list[Change] = []
    unsubscribe = library.subscribe(heard.append)
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "x")
    with pytest.raises(RuntimeError), library.transaction():
        library.save_text(draft.id, "never")
        raise RuntimeError("boom")
    assert library.get_draft(draft.id).text == "x"
    assert heard == [Change("client", client.id), Change("draft", draft.id)]
    unsubscribe()
    library.save_text(draft.id, "y")
    assert len(heard) == 2


def test_delete(library: Library) -> None:
    draft = library.create_draft(library.add_client("Acme").id, "gone soon")
    library.delete_draft(draft.id)
    assert library.search("gone")[0] == 0
    with pytest.raises(NotFound):
        library.get_draft(draft.id)


def test_many_threads_write_and_read_safely(library: Library) -> None:
    client = library.add_client("Acme")
    drafts = [library.create_draft(client.id, "start").id for _ in range(4)]
    errors: list[BaseException] = []

    def work(draft_id: int) -> None:
        try:
            for i in range(30):
                library.save_text(draft_id, f"text {i}")
                library.list_drafts(limit=10)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert {library.get_draft(d).text for d in drafts} == {"text 29"}


@pytest.mark.parametrize("sort", ["updated", "created", "status", "client", "text"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_match_offset_pages(library: Library, sort: str, descending: bool) -> None:
    from studio.library.csvio import Row

    # ties on every key (two clients, four statuses, repeated texts, one import timestamp)
    library.import_rows([Row(i, "Acme" if i % 3 else "beta", f"text {i % 7}", (), (), ["idea", "draft",
                         "in_review", "approved"][i % 4], None) for i in range(157)])
    every = library.list_drafts(sort=sort, descending=descending, limit=1000)
    pages: list[int] = []
    after = None
    while True:
        page = library.list_drafts(sort=sort, descending=descending, limit=20, after=after)
        if not page:
            break
        pages.extend(row.id for row in page)
        after = page[-1]
    assert pages == [row.id for row in every]


def test_nested_transactions_are_savepoints(library: Library) -> None:
    client = library.add_client("Acme")
    with library.transaction():
        kept = library.create_draft(client.id, "kept")
        with pytest.raises(LibraryError):
            library.create_draft(client.id, "x", networks=["myspace"])  # refused inside: nothing written
        with pytest.raises(RuntimeError), library.transaction():
            library.save_text(kept.id, "undone")
            raise RuntimeError("inner failure")
    assert [r.text for r in library.list_drafts()] == ["kept"]


def test_duplicate(library: Library) -> None:
    client = library.add_client("Acme")
    draft = library.create_draft(client.id, "launch", networks=["mastodon"], tags=["a"], notes="n")
    library.set_thread(draft.id, "mastodon", ["one", "two"])
    asset = library.add_asset(b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)
    library.attach_asset(draft.id, asset.sha, "alt")
    library.connection.execute("UPDATE drafts SET status = 'published' WHERE id = ?", (draft.id,))
    copy = library.duplicate_draft(draft.id)
    assert copy.id != draft.id and copy.status == "draft"
    assert (copy.text, copy.networks, copy.tags, copy.notes) == ("launch", ("mastodon",), ("a",), "n")
    assert copy.variants["mastodon"].parts == ("one", "two")
    assert [(a.sha, a.alt_text) for a in copy.assets] == [(asset.sha, "alt")]
    assert library.search("two")[0] == 2
    assert len(library.revisions(copy.id)) == 1
