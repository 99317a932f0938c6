"""JSON export and import: a lossless round trip, assets' metadata included."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from studio.errors import UsageError
from studio.library import Library
from studio.model import BrandRules, Crop, Snippet

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 20


def _rich(library: Library) -> None:
    client = library.add_client("Acme", colour="#aa3300", language="de-DE")
    from dataclasses import replace

    library.update_client(replace(client, brand_rules=BrandRules(banned={"cheap": "affordable"},
                                                                  required_hashtags=("#acme",), max_hashtags=3),
                                  dictionary=("Acmé",), snippets=(Snippet("sig", "— the Acme team"),),
                                  ignored_rules=("EN_QUOTES",)))
    account = library.add_account(client.id, "mastodon", "@acme@example.social", server_url="https://example.social",
                                  secret_ref="studio:mastodon:1", slots=[{"weekday": 0, "time": "09:30"}],
                                  settings={"max_characters": 500})
    draft = library.create_draft(client.id, "Grüße 👋", language="de-AT", networks=["mastodon", "bluesky"],
                                 tags=["launch"], notes="check price")
    library.set_variant(draft.id, "bluesky", "short one")
    library.set_thread(draft.id, "mastodon", ["1/2", "2/2"])
    library.ignore_rule_in_draft(draft.id, "BRAND_ALL_CAPS")
    asset = library.add_asset(PNG, "kettle.png")
    library.set_focal_point(asset.sha, 0.25, 0.75)
    library.set_crop(asset.sha, "instagram-square", Crop(0.1, 0.0, 0.8, 0.8, rotation=90, flip_h=True))
    library.attach_asset(draft.id, asset.sha, "A red kettle")
    library.save_custom_preset({"id": "mine", "name": "My banner", "width": 1500, "height": 500})
    sent = library.schedule(draft.id, account.id, datetime(2030, 1, 2, 9, tzinfo=UTC))
    library.connection.execute(
        "UPDATE publications SET state = 'published', attempts = 1, remote_id = '1', remote_url = 'https://x/1', "
        "parts = '[{\"remote_id\": \"1\"}]' WHERE schedule_id = ?", (sent.id,))
    library.create_draft(library.add_client("Beta").id, "plain", status="idea")


def _without_ids(data: dict[str, Any]) -> dict[str, Any]:
    for draft in data["drafts"]:
        draft.pop("id")
    return data


def test_round_trip_is_lossless(library: Library, tmp_path: Path) -> None:
    _rich(library)
    first = tmp_path / "first.json"
    assert library.export_json(first) == 2
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    with Library.open(other_dir) as other:
        assert other.import_json(first) == 2
        second = tmp_path / "second.json"
        other.export_json(second)
        assert _without_ids(json.loads(first.read_text())) == _without_ids(json.loads(second.read_text()))
        imported = other.list_drafts()[-1]
        draft = other.get_draft(imported.id)
        assert draft.assets[0].alt_text == "A red kettle"
        assert other.get_crops(draft.assets[0].sha)["instagram-square"].rotation == 90
        assert other.find_client("Acme").ignored_rules == ("EN_QUOTES",)  # type: ignore[union-attr]
        assert other.get_draft(other.list_drafts(sort="created", descending=False)[0].id).ignored_rules == (
            "BRAND_ALL_CAPS",)
        assert other.search("kettle")[0] == 0 and other.search("short")[0] == 1


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"drafts": [{"client": "A", "status": "done"}]}, "drafts[0].status"),
        ({"drafts": [{"text": "no client"}]}, "drafts[0].client"),
        ({"drafts": [{"client": "A"}, {"client": "A", "networks": ["myspace"]}]}, "drafts[1].networks"),
        ({"drafts": [{"client": "A", "schedules": [{"scheduled_at": "soon", "network": "mastodon"}]}]},
         "drafts[0].schedules[0].scheduled_at"),
        ({"format": "something-else"}, "format"),
        ([{"client": "A", "variants": {"bluesky": 3}}], "drafts[0].variants.bluesky"),
    ],
)
def test_bad_json_names_the_place_and_imports_nothing(library: Library, tmp_path: Path, data: Any,
                                                      where: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(UsageError) as caught:
        library.import_json(path)
    assert where in caught.value.message and "Nothing" in caught.value.hint
    assert library.count_drafts() == 0 and library.list_clients() == []
