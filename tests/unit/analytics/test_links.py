"""UTM parameters added per network and post, keeping what the link already has."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.analytics.links import (
    LinkSettings,
    link_settings,
    outgoing_texts,
    set_link_settings,
    tag_link,
    tag_links,
)
from studio.library import Library


def test_links_get_utm_parameters_and_the_rest_of_the_text_stays() -> None:
    text = "Promo ☕ di https://kopinusantara.id/menu?ref=ig dan kopinusantara.id/promo #kopi"
    tagged = tag_links(text, "instagram", "promo-november", 42)
    assert tagged.startswith("Promo ☕ di https://kopinusantara.id/menu?ref=ig&utm_source=instagram&utm_medium=social"
                             "&utm_campaign=promo-november&utm_content=draft-42 dan kopinusantara.id/promo?utm_source=")
    assert tagged.endswith(" #kopi")


def test_a_link_the_user_tagged_is_kept_as_written() -> None:
    assert tag_link("https://a.example/?utm_source=newsletter", {"utm_source": "x", "utm_medium": "social"}) == (
        "https://a.example/?utm_source=newsletter")
    # The link's own query is kept byte for byte (no re-encoding), the fragment stays last.
    assert tag_link("https://a.example/p?q=a%20b&flag#top", {"utm_medium": "social"}) == (
        "https://a.example/p?q=a%20b&flag&utm_medium=social#top")


def test_outgoing_texts_follow_the_client_setting_and_the_limit(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library")
    client = library.add_client("Kopi")
    draft = library.create_draft(client.id, "Baca https://kopinusantara.id/menu", tags=["menu-baru"])
    [tagged] = outgoing_texts(library, draft, "bluesky", [draft.text])
    assert tagged == (f"Baca https://kopinusantara.id/menu?utm_source=bluesky&utm_medium=social"
                      f"&utm_campaign=menu-baru&utm_content=draft-{draft.id}")
    assert outgoing_texts(library, draft, "bluesky", [draft.text]) == (tagged,)  # the same on every call
    set_link_settings(library, client.id, LinkSettings(utm=True, campaign="  Promo   Desember "))
    assert link_settings(library, client.id).campaign == "Promo Desember"
    assert "utm_campaign=Promo+Desember" in outgoing_texts(library, draft, "x", [draft.text])[0]
    # Bluesky counts every character of a link: a part that only the parameters would take past 300
    # goes out untagged; one already too long is tagged (the pre-flight check stops it either way).
    near = "a" * 250 + " https://kopinusantara.id/menu"
    assert outgoing_texts(library, draft, "bluesky", [near]) == (near,)
    assert "utm_source=mastodon" in outgoing_texts(library, draft, "mastodon", [near])[0]  # a link counts 23
    set_link_settings(library, client.id, LinkSettings(utm=False))
    assert outgoing_texts(library, draft, "bluesky", [draft.text]) == (draft.text,)
    library.close()


def test_the_links_command_shows_and_changes_the_setting(tmp_path: Path, capsys: Any) -> None:
    from studio.cli import main

    library = Library.open(tmp_path / "library")
    client = library.add_client("Kopi")
    library.close()
    base = ["metrics", "links", "--client", "Kopi", "--library", str(tmp_path / "library")]
    assert main(base) == 0
    assert "UTM parameters: on; campaign: each post’s first tag" in capsys.readouterr().out
    assert main([*base, "--off", "--campaign", "Lebaran"]) == 0
    assert "UTM parameters: off; campaign: Lebaran" in capsys.readouterr().out
    library = Library.open(tmp_path / "library")
    assert link_settings(library, client.id) == LinkSettings(False, "Lebaran")
    library.close()
