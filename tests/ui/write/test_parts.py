"""What is previewed is what goes out: the Write page's previews and the runner that publishes get
each network's parts from the same call (studio.drafting.parts_for), for every network and a thread."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio.library import Library
from studio.publishing.runner import Runner
from studio.text import networks
from studio.ui.context import AppContext
from studio.ui.write.page import WriteWorkspace

LONG = " ".join(f"Sentence {i} tells the story of our trail shoes in the mountains." for i in range(12))


def test_the_previews_show_the_parts_the_runner_sends(qtbot: QtBot, context: AppContext, library: Library) -> None:
    context.tasks.inline = True
    page = WriteWorkspace(context)
    qtbot.addWidget(page)
    page.show()
    client = library.add_client("Acme Shoes")
    every = [network_id for network_id, _ in networks()]
    draft = library.create_draft(client.id, text=LONG, networks=every)
    page.open_draft(draft.id)
    # Typed as a person would: a variant for LinkedIn, a thread for Bluesky, base text for the rest.
    page.variant_bar.select("linkedin")
    page.make_variant()
    qtbot.keyClicks(page.editor, "On LinkedIn: ")
    page.variant_bar.select("bluesky")
    page.split(numbered=True)
    page.thread_editor.editors[1].insert("Also: ")
    page.variant_bar.select("")
    qtbot.keyClicks(page.editor, "Fresh! ")
    page.save_now()

    looks = {look.network: look.parts for look in page.looks()}
    assert set(looks) == set(every)
    assert len(looks["bluesky"]) == 3 and looks["bluesky"][1].startswith("Also: ")
    assert looks["linkedin"][0].startswith("On LinkedIn: ")
    assert looks["x"] == (library.get_draft(draft.id).text,) and looks["x"][0].startswith("Fresh! ")
    runner = Runner(library)
    for network_id in every:
        # A folder account posting that network's text (an account of the network itself where
        # Studio has one), as the runner renders it for the publisher.
        if network_id in {"mastodon", "bluesky", "telegram"}:
            account = library.add_account(client.id, network_id, f"acme-{network_id}",
                                          server_url="https://example.social" if network_id == "mastodon" else "")
        else:
            account = library.add_account(client.id, "folder", f"acme-{network_id}", server_url="/tmp",
                                          settings={"variant": network_id})
        sent = tuple(part.text for part in runner.render(draft.id, account))
        assert sent == looks[network_id], network_id
