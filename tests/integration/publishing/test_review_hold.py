"""The runner holds back a post whose approval no longer matches its content (studio.review)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon

from studio.library import Library
from studio.publishing.runner import Runner
from studio.review import approval


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


def _draft_of(library: Library, publication: int) -> int:
    return int(library.query("SELECT s.draft_id FROM publications p JOIN schedules s ON s.id = p.schedule_id "
                             "WHERE p.id = ?", (publication,))[0][0])


def test_a_post_edited_after_its_approval_is_not_sent_and_the_server_sees_no_request(
    library: Library, mastodon_server: FakeMastodon
) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    publication = due_post(library, account, "Approved words")
    draft_id = _draft_of(library, publication)
    approval.approve(library, draft_id, "Head of content")
    library.save_text(draft_id, "Approved words, then an edit nobody saw")  # no watcher: the runner checks
    report = Runner(library).run_due()
    assert [r.state for r in report.results] == ["failed-permanent"]
    assert "changed after Head of content approved it" in report.results[0].message
    assert "mastodon" in report.results[0].message
    assert mastodon_server.requests == [] and mastodon_server.posted_texts() == []


def test_a_fresh_approval_goes_out_and_a_client_requiring_approval_holds_unapproved_posts(
    library: Library, mastodon_server: FakeMastodon
) -> None:
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    approved = due_post(library, account, "Signed off")
    approval.approve(library, _draft_of(library, approved), "Head")
    client_id = library.get_account(account).client_id
    unapproved = due_post(library, account, "Nobody looked")
    approval.save_settings(library, client_id, approval.ReviewSettings(approval_required=True))
    report = Runner(library).run_due()
    states = {r.publication_id: (r.state, r.message) for r in report.results}
    assert states[approved][0] == "published"
    assert states[unapproved][0] == "failed-permanent" and "requires approval" in states[unapproved][1]
    assert mastodon_server.posted_texts() == ["Signed off"]
