"""Everything that would be published of a draft, as plain JSON data, and its hash.

:func:`published_content` is the one place that decides what an approval covers: each network's
parts (its thread, its variant, or the base text), each image as that network gets it (the asset,
the preset its rendition is made for, the crop and focal point the rendition is cut from, the alt
text) and the schedule. Renditions are a pure function of (asset, preset, crop, focal point), so
their inputs stand for their bytes: the hash is cheap enough to compute on every change.

It reads the draft the way the runner renders it (``Runner._render``); once the draft model of
issue 10 lands (``studio.drafting.parts_for(network)``), the body of :func:`_parts` becomes that
call and nothing else here changes.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

BASE = "post"  # the key of a draft's own text when it names no network

# The preset each network's rendition is made with; the runner's choice first (what it sends).
_NETWORK_PRESET: dict[str, str] = {
    "instagram": "instagram.feed-portrait",
    "facebook": "facebook.post",
    "linkedin": "linkedin.post",
    "tiktok": "tiktok.photo",
    "pinterest": "pinterest.pin",
}


@cache
def _preset_ids() -> frozenset[str]:
    from studio.imaging.presets import builtin_presets

    return frozenset(preset.id for preset in builtin_presets())


# The post preset of each network Studio publishes to (as studio.publishing.renditions picks when the
# user cropped none by hand).
_POST_PRESET = {"mastodon": "mastodon.post", "bluesky": "bluesky.post", "telegram": "telegram.photo",
                "instagram": "instagram.feed-portrait", "threads": "threads.post", "facebook": "facebook.post",
                "linkedin": "linkedin.post"}


def preset_for(network: str) -> str | None:
    """The preset a network's images are rendered with (``None``: the original file)."""
    chosen = _POST_PRESET.get(network) or _NETWORK_PRESET.get(network) or f"{network}.post"
    return chosen if chosen in _preset_ids() else None


def _parts(draft: Any, network: str) -> list[str]:
    """The texts ``network`` gets, part by part (as ``Runner._render`` picks them)."""
    variant = draft.variants.get(network)
    if variant is not None and variant.parts:
        return list(variant.parts)
    if variant is not None and variant.text is not None:
        return [variant.text]
    return [draft.text]


def _images(library: Any, draft: Any, network: str) -> list[dict[str, Any]]:
    preset = preset_for(network) if network != BASE else None
    images: list[dict[str, Any]] = []
    for attached in sorted(draft.assets, key=lambda a: (a.position, a.sha)):
        asset = library.get_asset(attached.sha)
        crop = library.get_crops(attached.sha).get(preset) if preset else None
        images.append({
            "sha": attached.sha,
            "preset": preset,
            "crop": [crop.x, crop.y, crop.w, crop.h, crop.rotation, crop.flip_h, crop.flip_v] if crop else None,
            "focal": [asset.focal_x, asset.focal_y],
            "alt": attached.alt_text,
        })
    return images


def targets(library: Any, draft: Any) -> list[str]:
    """The networks a draft goes to: the ones it is written for, then those it is scheduled on."""
    names = list(draft.networks)
    for schedule in library.schedules_of(draft.id):
        names.append(_schedule_target(library, schedule))
    return list(dict.fromkeys(names)) or [BASE]


def _schedule_target(library: Any, schedule: Any) -> str:
    if schedule.account_id is None:
        return str(schedule.network)
    account = library.get_account(schedule.account_id)
    return str(account.settings.get("variant") or account.network)


def published_content(library: Any, draft_id: int) -> dict[str, Any]:
    """What publishing ``draft_id`` would send, as JSON-ready data (see the module's docstring)."""
    draft = library.get_draft(draft_id)
    networks = {
        network: {"parts": _parts(draft, network), "images": _images(library, draft, network)}
        for network in targets(library, draft)
    }
    schedule = sorted(
        ({"network": _schedule_target(library, s), "account": s.account_id, "at": s.scheduled_at}
         for s in library.schedules_of(draft_id)),
        key=lambda item: (item["at"], item["network"]),
    )
    return {"draft": draft_id, "networks": networks, "schedule": schedule}


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the content's canonical JSON (keys sorted, no spaces), in hex."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _seen(images: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(image["sha"], image["alt"]) for image in images]


def still_approved(approved: dict[str, Any], current: dict[str, Any]) -> bool:
    """Whether ``current`` is still what was approved.

    A network in both must be unchanged (its parts, images, crops, alt text). A network the
    approval did not show is accepted when it carries the approved words and pictures unchanged
    (the post is scheduled on one more account, say), and a network dropped since is no change to
    what goes out. The schedule counts when the approval had one: a client who approved "Monday
    9:00" has not approved Friday; an approval given before any date is not undone by the date.
    """
    old, new = approved["networks"], current["networks"]
    for network, entry in new.items():
        if network in old:
            if old[network] != entry:
                return False
        elif not any(entry["parts"] == seen["parts"] and _seen(entry["images"]) == _seen(seen["images"])
                     for seen in old.values()):
            return False
    def when(content: dict[str, Any]) -> list[tuple[str, str]]:
        return [(s["network"], s["at"]) for s in content["schedule"]]

    return not approved["schedule"] or when(approved) == when(current)
