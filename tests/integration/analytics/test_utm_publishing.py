"""Links leave with the client's UTM parameters (issue 15): a post published to the Mastodon test
server carries them, a link the user tagged keeps its own, and a retry sends the same text with the
same idempotency key."""

from __future__ import annotations

from pathlib import Path

from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon

from studio.analytics.links import LinkSettings, link_settings, set_link_settings
from studio.publishing.runner import Runner


def _texts(server: FakeMastodon) -> list[str]:
    return [str(status.get("text") or status.get("content")) for status in server.statuses.values()]


def test_a_published_post_carries_the_utm_link_and_a_tagged_link_keeps_its_own(
    tmp_path: Path, mastodon_server: FakeMastodon
) -> None:
    library = open_library(tmp_path / "library")
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    client_id = library.get_account(account).client_id
    assert link_settings(library, client_id) == LinkSettings(utm=True, campaign="")  # on by default
    publication = due_post(library, account, "Menu baru: https://kopinusantara.id/menu?ref=bio dan "
                                             "https://kopinusantara.id/promo?utm_source=newsletter&utm_medium=email")
    draft_id = int(library.query("SELECT s.draft_id FROM schedules s JOIN publications p ON p.schedule_id = s.id "
                                 "WHERE p.id = ?", (publication,))[0][0])
    library.update_draft(draft_id, tags=["promo-desember"])
    campaign = "promo-desember"  # no campaign named for the client: the post's first tag

    # The first answer is lost after the server made the status: the retry must not post it twice.
    mastodon_server.inject(r"/api/v1/statuses$", "drop-after")
    assert Runner(library).run_due().results[0].state == "failed-retry"
    library.connection.execute("UPDATE publications SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ?",
                               (publication,))
    assert Runner(library).run_due().results[0].state == "published"

    [text] = _texts(mastodon_server)
    expected = "https://kopinusantara.id/menu?ref=bio&utm_source=mastodon&utm_medium=social"
    expected += f"&utm_campaign={campaign}"
    assert f"{expected}&utm_content=draft-{draft_id} " in text
    assert text.endswith("https://kopinusantara.id/promo?utm_source=newsletter&utm_medium=email")  # as written
    posts = [r for r in mastodon_server.requests if r.method == "POST" and r.path == "/api/v1/statuses"]
    keys = {r.headers.get("idempotency-key") for r in posts}
    bodies = {str((r.json or {}).get("status") or r.fields.get("status")) for r in posts}
    # The retry: the same key and the same text, so the server answered with the first status.
    assert len(posts) == 2 and len(keys) == 1 and None not in keys and len(bodies) == 1


def test_a_client_without_utm_and_a_named_campaign(tmp_path: Path, mastodon_server: FakeMastodon) -> None:
    library = open_library(tmp_path / "library")
    account = add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token)
    client_id = library.get_account(account).client_id
    set_link_settings(library, client_id, LinkSettings(utm=False))
    due_post(library, account, "Plain: https://kopinusantara.id/a")
    Runner(library).run_due()
    assert _texts(mastodon_server) == ["Plain: https://kopinusantara.id/a"]

    set_link_settings(library, client_id, LinkSettings(utm=True, campaign="Ramadan 2027"))
    due_post(library, account, "Named: https://kopinusantara.id/b")
    Runner(library).run_due()
    assert any("https://kopinusantara.id/b?utm_source=mastodon&utm_medium=social&utm_campaign=Ramadan+2027&utm_content="
               in text for text in _texts(mastodon_server))
