"""Pre-flight checks: run when a post is scheduled, and again just before it is sent.

Each problem says what to do in the user's words ("Shorten the text by 12 characters"). The checks:
the text (each part of a thread) within that network's limit (the server's own ``max_characters``
when the account knows it), images that match one of the network's presets and fit its byte budget,
alt text where the network expects it, no more images than it takes, and the account still
connected (its secret in the keyring, its credentials not refused since).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from studio.publishing.base import Part, image_size
from studio.wording import counted

# Networks whose counting rules live in studio.text (webhook and folder have no limit of their own).
TEXT_NETWORKS = {"mastodon": "mastodon", "bluesky": "bluesky", "telegram": "telegram", "instagram": "instagram",
                 "threads": "threads", "facebook": "facebook", "linkedin": "linkedin"}
MAX_IMAGES = {"mastodon": 4, "bluesky": 4, "telegram": 10, "instagram": 10, "threads": 20, "facebook": 10, "linkedin": 1}
NEEDS_IMAGE = frozenset({"instagram"})  # Instagram has no text-only post
ONE_PART = frozenset({"instagram", "facebook", "linkedin"})  # no reply chains: one post only
ALT_EXPECTED = frozenset({"mastodon", "bluesky", "webhook"})


@dataclass(frozen=True)
class Problem:
    """One thing that stops the post from going out as it is."""

    code: str  # "text-too-long" | "too-many-images" | "image-size" | "image-bytes" | "alt-missing" | "account"
    message: str
    part: int | None = None


def _unit_words(unit: str, amount: int) -> str:
    names = {"graphemes": "characters", "chars": "characters", "characters": "characters", "utf8-bytes": "bytes",
             "weighted": "characters", "utf16": "characters", "mastodon": "characters", "x": "characters"}
    word = names.get(unit, unit)
    return word[:-1] if amount == 1 and word.endswith("s") else word


def check_text(parts: Sequence[Part], network: str, limit: int | None = None) -> list[Problem]:
    problems: list[Problem] = []
    text_network = TEXT_NETWORKS.get(network)
    for index, part in enumerate(parts):
        where = f"Part {index + 1} of the thread" if len(parts) > 1 else "The text"
        part_no = index if len(parts) > 1 else None
        if not part.text.strip() and not part.media:
            problems.append(Problem("text-empty", f"{where} is empty. Write something or remove the part.", part_no))
            continue
        if text_network is None:
            continue
        from studio.text import count

        counted = count(part.text, text_network, limit=limit)
        for measure in counted.measures:
            if not measure.ok:
                over = measure.length - measure.limit
                unit = _unit_words(measure.unit, over)
                problems.append(Problem(
                    "text-too-long",
                    f"{where} is {measure.length} {_unit_words(measure.unit, measure.length)} for "
                    f"{network.capitalize()}'s limit of {measure.limit}. Shorten it by {over} {unit}.",
                    part_no,
                ))
        for problem in counted.problems:
            problems.append(Problem("text-invalid", f"{where}: {problem}.", part_no))
    return problems


def check_images(parts: Sequence[Part], network: str) -> list[Problem]:
    """Images: count, alt text, and (for networks with presets) dimensions and byte budget."""
    problems: list[Problem] = []
    presets = _presets(network)
    for index, part in enumerate(parts):
        part_no = index if len(parts) > 1 else None
        most = MAX_IMAGES.get(network)
        if most is not None and len(part.media) > most:
            problems.append(Problem("too-many-images", f"{network.capitalize()} takes {counted(most, 'image')} per post; this one "
                                    f"has {len(part.media)}. Remove {len(part.media) - most}.", part_no))
        for number, media in enumerate(part.media, 1):
            name = f"Image {number}" + (f" of part {index + 1}" if len(parts) > 1 else "")
            if network in ALT_EXPECTED and not media.alt.strip():
                problems.append(Problem("alt-missing", f"{name} has no alt text. Describe it for people who "
                                        "cannot see it.", part_no))
            if not presets:
                continue
            try:
                size_bytes = media.path.stat().st_size
            except OSError:
                problems.append(Problem("image-missing", f"{name} ({media.path.name}) is missing. Export it again.", part_no))
                continue
            dimensions = image_size(media.path)
            fitting = [p for p in presets if dimensions and _fits(p, dimensions)]
            if not fitting:
                wanted = ", ".join(
                    f"at most {p.width}×{p.height}" if p.aspect[0] else f"{p.width}×{p.height}" for p in presets
                )
                got = f"{dimensions[0]}×{dimensions[1]}" if dimensions else "unreadable"
                problems.append(Problem("image-size", f"{name} is {got}; {network.capitalize()} expects {wanted}. "
                                        "Export it with the network's preset.", part_no))
            elif size_bytes > max(p.max_bytes for p in fitting):
                budget = max(p.max_bytes for p in fitting)
                problems.append(Problem("image-bytes", f"{name} is {size_bytes:,} bytes, over "
                                        f"{network.capitalize()}'s {budget:,}. Export it again to fit.", part_no))
    return problems


def check_shape(parts: Sequence[Part], network: str, settings: Mapping[str, Any]) -> list[Problem]:
    """What a network's kind of post needs: an image (Instagram), one part (no threads), and a
    media host for the networks that fetch images by URL."""
    from studio.publishing import mediahost

    problems: list[Problem] = []
    name = network.capitalize()
    if network in NEEDS_IMAGE and parts and not parts[0].media:
        problems.append(Problem("image-needed", f"{name} posts need at least one image. Attach one."))
    if network in ONE_PART and len(parts) > 1:
        problems.append(Problem("thread", f"{name} takes one post, not a thread of {len(parts)}. Join the parts "
                                "or write a single variant for it."))
    has_images = any(part.media for part in parts)
    if mediahost.needs_media_host(network, has_images) and not mediahost.configured(settings):
        problems.append(Problem("media-host", f"{name} fetches images from a web address, so this post needs a "
                                "media host, and the account has none. Set one up in the account's settings "
                                "(an S3-compatible bucket: see the README)."))
    return problems


def check_account(settings: Mapping[str, Any], secret_ok: bool) -> list[Problem]:
    if not secret_ok:
        return [Problem("account", "The account's secret is missing from the system keyring. Reconnect the account.")]
    if settings.get("needs_reconnect"):
        return [Problem("account", "The network refused this account's credentials. Reconnect the account.")]
    return []


def check(
    parts: Sequence[Part],
    network: str,
    settings: Mapping[str, Any] | None = None,
    secret_ok: bool = True,
) -> list[Problem]:
    """Every check for one post on one account; an empty list means it may go out."""
    settings = settings or {}
    return [
        *check_account(settings, secret_ok),
        *check_text(parts, network, server_limit(settings)),
        *check_images(parts, network),
        *check_shape(parts, network, settings),
    ]


def server_limit(settings: Mapping[str, Any]) -> int | None:
    """The server's own text limit the account knows (a Mastodon server's ``max_characters``)."""
    limit = settings.get("max_characters")
    return int(limit) if isinstance(limit, int | float | str) and str(limit).isdigit() else None


def summary(problems: Sequence[Problem]) -> str:
    return " ".join(problem.message for problem in problems)


@cache
def _presets(network: str) -> list[Any]:
    """The network's built-in presets (data files: read once per process)."""
    if network not in MAX_IMAGES:
        return []
    try:
        from studio.imaging.presets import all_presets
    except ImportError:  # imaging not installed in this build: skip the size checks, never fake them
        return []
    return [preset for preset in all_presets() if preset.network == network]


def _fits(preset: Any, size: tuple[int, int]) -> bool:
    width, height = size
    if (width, height) == (preset.width, preset.height):
        return True
    low, high = preset.aspect
    if low and high and width <= preset.width and height <= preset.height:
        return low - 1e-3 <= width / height <= high + 1e-3
    return False
