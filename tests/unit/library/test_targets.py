"""A draft targets any network with text rules (X, Instagram, ...), not only those with publishers."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.library import Library, LibraryError


def test_drafts_target_text_networks_and_accounts_only_publishing_ones(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib")
    try:
        client = library.add_client("Acme")
        draft = library.create_draft(client.id, "Hello", networks=("x", "instagram", "mastodon"))
        library.set_variant(draft.id, "linkedin", "Hello, professionals")
        library.set_thread(draft.id, "threads", ["one", "two"])
        again = library.get_draft(draft.id)
        assert again.networks == ("x", "instagram", "mastodon")
        assert set(again.variants) == {"linkedin", "threads"}
        with pytest.raises(LibraryError, match="not a network"):
            library.create_draft(client.id, "Hi", networks=("myspace",))
        with pytest.raises(LibraryError, match="not a network"):
            library.add_account(client.id, "x", handle="acme")
    finally:
        library.close()


def test_csv_import_accepts_every_text_network(tmp_path: Path) -> None:
    csv_file = tmp_path / "drafts.csv"
    csv_file.write_text("client,text,networks,scheduled_at,tags,status\nAcme,Hi,x linkedin,,launch,draft\n")
    library = Library.open(tmp_path / "lib")
    try:
        report = library.import_csv(csv_file)
        assert report.drafts == 1
        (draft,) = library.list_drafts()
        assert draft.networks == ("x", "linkedin")
    finally:
        library.close()
