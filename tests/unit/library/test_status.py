"""The status workflow: sensible moves pass, the others are refused with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from studio.library import Library, StatusError


def _draft(library: Library, status: str = "draft") -> int:
    client = library.find_client("Acme") or library.add_client("Acme")
    return library.create_draft(client.id, "text", status=status).id


@pytest.mark.parametrize(
    ("path"),
    [
        ["idea", "draft", "in_review", "approved"],
        ["draft", "approved"],
        ["in_review", "draft", "idea"],
        ["approved", "archived", "draft"],
    ],
)
def test_the_workflow_moves_forward_and_back(library: Library, path: list[str]) -> None:
    draft_id = _draft(library, path[0])
    for status in path[1:]:
        assert library.set_status(draft_id, status).status == status


@pytest.mark.parametrize(
    ("start", "wanted", "reason"),
    [
        ("draft", "scheduled", "giving it a date"),
        ("draft", "published", "Only publishing"),
        ("idea", "approved", "cannot go from Idea to Approved"),
        ("archived", "approved", "cannot go from Archived to Approved"),
    ],
)
def test_nonsense_is_refused_with_a_reason(library: Library, start: str, wanted: str, reason: str) -> None:
    draft_id = _draft(library, start)
    with pytest.raises(StatusError, match=reason):
        library.set_status(draft_id, wanted)
    assert library.get_draft(draft_id).status == start


def test_a_scheduled_draft_must_be_unscheduled_first(library: Library) -> None:
    draft_id = _draft(library, "approved")
    account = library.add_account(library.get_draft(draft_id).client_id, "mastodon", "@acme@example.social")
    schedule = library.schedule(draft_id, account.id, datetime(2030, 1, 1, 9, tzinfo=UTC))
    assert library.get_draft(draft_id).status == "scheduled"
    with pytest.raises(StatusError, match="scheduled; it cannot become Draft") as caught:
        library.set_status(draft_id, "draft")
    assert caught.value.hint == "Unschedule it first."
    library.unschedule(schedule.id)
    assert library.get_draft(draft_id).status == "approved"
    assert library.set_status(draft_id, "draft").status == "draft"


def test_a_published_draft_cannot_go_back(library: Library) -> None:
    draft_id = _draft(library)
    library.connection.execute("UPDATE drafts SET status = 'published' WHERE id = ?", (draft_id,))
    with pytest.raises(StatusError, match="already published"):
        library.set_status(draft_id, "draft")
    with pytest.raises(StatusError, match="Published cannot be scheduled"):
        library.schedule(draft_id, library.add_account(1, "bluesky", "acme.bsky.social").id,
                         datetime(2030, 1, 1, tzinfo=UTC))
    assert library.set_status(draft_id, "archived").status == "archived"


def test_labels_and_unknown_statuses(library: Library) -> None:
    draft_id = _draft(library)
    assert library.set_status(draft_id, "In review").status == "in_review"
    with pytest.raises(StatusError, match="“done” is not a status"):
        library.set_status(draft_id, "done")
    with pytest.raises(Exception, match="cannot start as scheduled"):
        library.create_draft(1, "x", status="scheduled")
