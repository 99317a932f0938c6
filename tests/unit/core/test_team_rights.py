"""The library's side of team rights, without a server: the roles the last sync cached, the
approver check before trying, and refused changes kept until the team's version moves on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.library import Library
from studio.review.approval import approve
from studio.team import Refused, local, rights


def _link(library: Library, roles: list[str] | None) -> None:
    with library.transaction() as conn:
        local.set_state(conn, "url", json.dumps({"user": "dewi"}))
        local.set_state(conn, "member", "dewi")
        if roles is not None:
            local.set_state(conn, "roles", json.dumps(roles))


def test_only_an_approver_approves_in_a_team_library(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        draft = library.create_draft(library.add_client("Acme").id, "Promo.")
        assert rights.roles(library.connection) is None  # unlinked: no question asked
        rights.check_approver(library.connection, [draft.id])
        _link(library, None)
        rights.check_approver(library.connection, [draft.id])  # roles not known yet: the server decides
        _link(library, ["writer", "designer"])
        with pytest.raises(Refused) as refused:
            approve(library, draft.id, "dewi")
        assert refused.value.message == "Only an approver can approve posts for Acme; dewi is designer and writer."
        assert library.get_draft(draft.id).status == "draft"
        _link(library, ["owner"])  # whoever set the team up holds every role
        assert rights.roles(library.connection) == {"writer", "designer", "manager", "approver"}
        assert approve(library, draft.id, "dewi").author == "dewi"


def test_a_refusal_holds_while_the_team_version_is_the_one_refused(tmp_path: Path) -> None:
    assert rights.role_for("studio-refused role=approver field=status") == ("approver", "status")
    assert rights.role_for("some other detail") is None
    message = rights.said("Only an approver can approve posts for Acme.", "studio-refused role=approver field=status")
    with Library.open(tmp_path / "lib") as library:
        draft = library.create_draft(library.add_client("Acme").id, "Promo.")
        with library.transaction() as conn:
            local.remember(conn, "draft", draft.id, "uid-1", 3, {"text": "Promo."})
            said = rights.keep_refused(conn, "draft", draft.id, 3, message)
        assert said == "Only an approver can approve posts for Acme; your change is kept on this computer."
        [kept] = rights.refused(library.connection)
        assert (kept.local_id, kept.role, kept.field, kept.sentence) == (draft.id, "approver", "status", said)
        with library.transaction() as conn:  # the team's version moved on (pulled or pushed)
            local.remember(conn, "draft", draft.id, "uid-1", 4, {"text": "Promo."})
        assert rights.refused(library.connection) == []
