"""The Write page previews the links as they will leave: with the UTM parameters the runner adds
(issue 15), or as written when the client turned tagging off."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio.analytics.links import LinkSettings, set_link_settings
from studio.ui.context import AppContext
from studio.ui.write.page import WriteWorkspace


def _open(qtbot: QtBot, page: WriteWorkspace, draft_id: int) -> None:
    qtbot.waitUntil(lambda: page.ready, timeout=10_000)
    page.open_draft(draft_id)
    qtbot.waitUntil(lambda: page.opened is not None and page.opened.draft.id == draft_id)


def test_preview_parts_carry_the_utm_parameters_that_leave(qtbot: QtBot, context: AppContext,
                                                           workspace: WriteWorkspace) -> None:
    library = context.library
    client = library.add_client("Toko Kopi Senja")
    draft = library.create_draft(client.id, "Promo Gayo https://kopisenja.com/gayo", networks=["mastodon"])
    _open(qtbot, workspace, draft.id)
    (look,) = workspace.looks()
    assert "utm_source=mastodon" in look.parts[0] and f"utm_content=draft-{draft.id}" in look.parts[0]

    set_link_settings(library, client.id, LinkSettings(utm=False))
    _open(qtbot, workspace, draft.id)
    (look,) = workspace.looks()
    assert look.parts == ("Promo Gayo https://kopisenja.com/gayo",)
