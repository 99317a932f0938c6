"""The Write page listens: the client's dictionary words, snippets and brand rules edited anywhere
(the client manager, an import) reach the open editor at once, an account connected meanwhile
becomes a chip, and an applied fix is checked at once, without the typing pause."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.model import BrandRules, Issue, Snippet
from studio.ui.context import AppContext
from studio.ui.grammar import GrammarEngine
from studio.ui.write.page import WriteWorkspace

TEXT = "Kopiku is cheap and tasty."


def _opened(workspace: WriteWorkspace, library: Library) -> int:
    client = library.add_client("Kopi Nusantara")
    workspace.open_draft(library.create_draft(client.id, text=TEXT).id)
    assert workspace.opened is not None
    return client.id


def test_words_snippets_and_brand_rules_reach_the_open_editor(workspace: WriteWorkspace, library: Library) -> None:
    client_id = _opened(workspace, library)
    editor = workspace.editor
    editor.set_grammar_issues(editor.revision, TEXT, [Issue(0, 6, "spelling", "MORFOLOGIK_RULE_EN_US", "Typo?")])
    assert [m.issue.rule for m in editor.marks()] == ["MORFOLOGIK_RULE_EN_US"]
    # The client manager stores a word, a snippet and a banned phrase; nothing else is done here.
    client = library.get_client(client_id)
    library.update_client(replace(client, dictionary=(*client.dictionary, "Kopiku"),
                                  snippets=(Snippet("Sign-off", "Ngopi dulu!"),),
                                  brand_rules=BrandRules(banned={"cheap": "affordable"})))
    assert [m.issue.rule for m in editor.marks()] == ["BRAND_BANNED"]
    assert [s.name for s in editor.snippets] == ["Sign-off"]
    # A word taken out of the dictionary is flagged again.
    client = library.get_client(client_id)
    library.update_client(replace(client, dictionary=tuple(w for w in client.dictionary if w != "Kopiku")))
    assert "MORFOLOGIK_RULE_EN_US" in [m.issue.rule for m in editor.marks()]


def test_an_account_connected_meanwhile_becomes_a_chip(workspace: WriteWorkspace, library: Library) -> None:
    client_id = _opened(workspace, library)
    assert workspace.header.channels.chips == {}
    library.add_account(client_id, "mastodon", "@kopi@mastodon.social", server_url="https://mastodon.social")
    assert [chip.text() for chip in workspace.header.channels.chips.values()] == ["@kopi@mastodon.social"]


def test_other_clients_changes_are_not_read(workspace: WriteWorkspace, library: Library) -> None:
    _opened(workspace, library)
    asked: list[object] = []
    workspace.context.tasks.run = lambda *args, **kwargs: asked.append(args)  # type: ignore[method-assign]
    library.add_client("Toko Batik")
    assert asked == []


@pytest.mark.integration
def test_a_fix_is_checked_at_once(qtbot: QtBot, context: AppContext, library: Library,
                                  engine: GrammarEngine) -> None:
    page = WriteWorkspace(context, grammar=engine)
    page.runner.set_delay(60_000)  # a check after a typing pause would not come in this test
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.ready, timeout=10_000)
    client = library.add_client("Acme Shoes")
    page.open_draft(library.create_draft(client.id, text="Our shoes are realy light.").id)
    qtbot.waitUntil(lambda: page.opened is not None, timeout=10_000)
    qtbot.waitUntil(lambda: any(m.issue.category == "spelling" for m in page.editor.marks()), timeout=60_000)
    mark = next(m for m in page.editor.marks() if m.issue.category == "spelling")
    with qtbot.waitSignal(page.runner.ready, timeout=20_000,
                          check_params_cb=lambda revision, _text, _issues: revision == page.editor.revision):
        page.editor.apply(mark, "really")
    assert page.editor.text() == "Our shoes are really light."
