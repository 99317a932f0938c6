"""The preset data: every network the issue names, with sources, valid numbers and custom presets."""

from __future__ import annotations

import pytest

from studio.imaging.errors import PresetError
from studio.imaging.presets import (
    all_presets,
    builtin_presets,
    get_preset,
    preset_from_dict,
    resolve,
    usable_custom,
)

REQUIRED = [
    "x.post", "x.header", "mastodon.post", "bluesky.post", "threads.post",
    "instagram.feed-square", "instagram.feed-portrait", "instagram.feed-landscape", "instagram.story",
    "instagram.reel-cover", "facebook.post", "facebook.cover", "linkedin.post", "linkedin.banner",
    "tiktok.photo", "pinterest.pin", "youtube.thumbnail", "youtube.banner", "telegram.photo",
]


def test_every_required_placement_is_there_with_a_source() -> None:
    presets = {preset.id: preset for preset in builtin_presets()}
    assert set(REQUIRED) <= set(presets)
    for preset in presets.values():
        assert preset.source.startswith("https://"), preset.id
        assert preset.formats and preset.max_bytes > 100_000
        low, high = preset.aspect
        assert low <= preset.ratio * 1.01 and preset.ratio <= high * 1.01, preset.id


def test_well_known_sizes() -> None:
    portrait = get_preset("instagram.feed-portrait")
    assert (portrait.width, portrait.height) == (1080, 1350)
    assert get_preset("pinterest.pin").ratio == pytest.approx(2 / 3)
    banner = get_preset("youtube.banner")
    (zone,) = banner.safe_zones
    assert round(zone.w * banner.width) == 1546 and round(zone.h * banner.height) == 423
    assert get_preset("instagram.story").safe_zones


def test_custom_presets_are_checked_and_can_replace_builtins() -> None:
    shop = {"id": "Shop.Banner", "width": 1200, "height": 400, "max_bytes": 500_000, "formats": ["jpg"]}
    presets = {preset.id: preset for preset in all_presets([shop])}
    assert presets["shop.banner"].custom and presets["shop.banner"].formats == ("jpeg",)
    override = dict(shop, id="x.post", width=1200, height=675)
    assert get_preset("x.post", [override]).width == 1200


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"id": "nodot"}, "not valid"),
        ({"width": 0}, "between 1 and"),
        ({"height": "tall"}, "must be a number"),
        ({"formats": ["gif"]}, "formats must list"),
        ({"max_bytes": 10}, "at least 1024"),
        ({"safe_zones": [{"x": 0.5, "y": 0, "w": 0.9, "h": 1}]}, "inside the image"),
        ({"aspect": [2, 1]}, "lowest first"),
    ],
)
def test_bad_custom_presets_are_refused(change: dict[str, object], words: str) -> None:
    base = {"id": "shop.banner", "width": 1200, "height": 400, "max_bytes": 500_000, "formats": ["jpeg"]}
    with pytest.raises(PresetError, match=words):
        preset_from_dict({**base, **change}, custom=True)


def test_resolve_ids_networks_and_all() -> None:
    assert len(resolve("all")) == len(all_presets())
    assert [p.id for p in resolve("x.post, youtube.thumbnail")] == ["x.post", "youtube.thumbnail"]
    assert {p.network for p in resolve("instagram")} == {"instagram"}
    with pytest.raises(PresetError) as caught:
        resolve("x.pots")
    assert "Did you mean x.post" in caught.value.for_humans()


def test_usable_custom_keeps_the_good_presets_and_says_why_the_others_are_not() -> None:
    good = {"id": "shop.banner", "width": 1200, "height": 400, "max_bytes": 500_000, "formats": ["jpeg"]}
    usable, refused = usable_custom([{"id": "broken.one", "width": -5}, good])
    assert [preset.id for preset in usable] == ["shop.banner"] and usable[0].custom
    assert len(refused) == 1 and "broken.one" in refused[0].for_humans()
