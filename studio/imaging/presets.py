"""Image presets: one network placement each (size, accepted ratios, byte budget, formats, safe zones).

The built-in ones are data in ``resources/presets.json`` (each with the page its numbers come from);
users add their own, which the library stores as plain dicts and hands to :func:`all_presets`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from studio.imaging.errors import PresetError

FORMATS = ("jpeg", "png", "webp")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$")
MAX_SIDE = 16384


@dataclass(frozen=True)
class SafeZone:
    """A rectangle of the rendition (fractions, origin top left) that the network never covers or cuts."""

    label: str
    x: float
    y: float
    w: float
    h: float

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "x": self.x, "y": self.y, "w": self.w, "h": self.h}


@dataclass(frozen=True)
class Preset:
    """One placement: Studio exports exactly ``width`` x ``height`` pixels in one of ``formats``."""

    id: str
    network: str
    placement: str
    label: str
    width: int
    height: int
    max_bytes: int
    formats: tuple[str, ...]
    aspect: tuple[float, float] = (0.0, 0.0)  # accepted width/height range; (0, 0): only the exact ratio
    safe_zones: tuple[SafeZone, ...] = ()
    source: str = ""
    custom: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def ratio(self) -> float:
        """Width over height of the rendition, the ratio the crop frame is locked to."""
        return self.width / self.height

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "network": self.network,
            "placement": self.placement,
            "label": self.label,
            "width": self.width,
            "height": self.height,
            "aspect": list(self.aspect),
            "max_bytes": self.max_bytes,
            "formats": list(self.formats),
            "safe_zones": [zone.to_json() for zone in self.safe_zones],
            "source": self.source,
            "custom": self.custom,
        }


def _number(data: Mapping[str, Any], key: str, where: str, *, integer: bool = False) -> Any:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PresetError(f"Preset {where}: {key} must be a number, not {value!r}.")
    if integer and int(value) != value:
        raise PresetError(f"Preset {where}: {key} must be a whole number, not {value!r}.")
    return int(value) if integer else float(value)


def preset_from_dict(data: Mapping[str, Any], *, custom: bool = False) -> Preset:
    """A :class:`Preset` from its JSON form, checked; a bad value raises :class:`PresetError`."""
    if not isinstance(data, Mapping):
        raise PresetError(f"A preset must be an object, not {type(data).__name__}.")
    preset_id = str(data.get("id") or "").strip().lower()
    if not _ID.match(preset_id):
        raise PresetError(
            f"Preset id {preset_id or '(empty)'!r} is not valid.",
            "Use network.placement in lower case, for example 'shop.banner'.",
        )
    network, placement = preset_id.split(".", 1)
    width = _number(data, "width", preset_id, integer=True)
    height = _number(data, "height", preset_id, integer=True)
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        raise PresetError(f"Preset {preset_id}: width and height must be between 1 and {MAX_SIDE} pixels.")
    max_bytes = _number(data, "max_bytes", preset_id, integer=True)
    if max_bytes < 1024:
        raise PresetError(f"Preset {preset_id}: max_bytes must be at least 1024.")
    formats = tuple(str(fmt).lower().replace("jpg", "jpeg") for fmt in data.get("formats") or ())
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if not formats or unknown:
        raise PresetError(
            f"Preset {preset_id}: formats must list some of {', '.join(FORMATS)}"
            + (f" (not {', '.join(unknown)})." if unknown else ".")
        )
    aspect_raw = data.get("aspect") or (width / height, width / height)
    try:
        low, high = (float(value) for value in aspect_raw)
    except (TypeError, ValueError) as error:
        raise PresetError(f"Preset {preset_id}: aspect must be [lowest, highest] width/height.") from error
    if not 0 < low <= high:
        raise PresetError(f"Preset {preset_id}: aspect must be two positive ratios, lowest first.")
    zones = []
    for zone in data.get("safe_zones") or ():
        values = [_number(zone, key, preset_id) for key in ("x", "y", "w", "h")]
        x, y, w, h = values
        if not (0 <= x < 1 and 0 <= y < 1 and w > 0 and h > 0 and x + w <= 1.0001 and y + h <= 1.0001):
            raise PresetError(f"Preset {preset_id}: a safe zone must lie inside the image (fractions 0..1).")
        zones.append(SafeZone(str(zone.get("label") or "Safe zone"), x, y, w, h))
    known = {"id", "network", "placement", "label", "width", "height", "aspect", "max_bytes", "formats",
             "safe_zones", "source", "custom"}
    return Preset(
        id=preset_id,
        network=network,
        placement=placement,
        label=str(data.get("label") or preset_id),
        width=width,
        height=height,
        max_bytes=max_bytes,
        formats=formats,
        aspect=(low, high),
        safe_zones=tuple(zones),
        source=str(data.get("source") or ("custom preset" if custom else "")),
        custom=custom,
        extra={key: value for key, value in data.items() if key not in known},
    )


def usable_custom(saved: Iterable[Mapping[str, Any]]) -> tuple[list[Preset], list[PresetError]]:
    """The user's saved presets that are valid, and the reason for each one that is not: one
    damaged preset in the library must not hide the others."""
    usable: list[Preset] = []
    refused: list[PresetError] = []
    for item in saved:
        try:
            usable.append(preset_from_dict(item, custom=True))
        except PresetError as error:
            refused.append(error)
    return usable, refused


def builtin_presets() -> list[Preset]:
    """The presets shipped in ``resources/presets.json``, in file order."""
    from studio.data import load_json

    return [preset_from_dict(item) for item in load_json("presets.json")["presets"]]


def all_presets(custom: Iterable[Mapping[str, Any] | Preset] = ()) -> list[Preset]:
    """Built-in presets then the user's own; a custom preset with a built-in's id replaces it."""
    result = {preset.id: preset for preset in builtin_presets()}
    for item in custom:
        preset = item if isinstance(item, Preset) else preset_from_dict(item, custom=True)
        result[preset.id] = preset
    return list(result.values())


def get_preset(preset_id: str, custom: Iterable[Mapping[str, Any] | Preset] = ()) -> Preset:
    """The preset called ``preset_id``; an unknown id raises :class:`PresetError` with the nearest ids."""
    presets = {preset.id: preset for preset in all_presets(custom)}
    wanted = preset_id.strip().lower()
    if wanted in presets:
        return presets[wanted]
    near = difflib.get_close_matches(wanted, list(presets), n=3, cutoff=0.5)
    hint = f"Did you mean {', '.join(near)}?" if near else "`studio presets` lists them."
    raise PresetError(f"There is no preset called {preset_id!r}.", hint)


def resolve(spec: str, custom: Iterable[Mapping[str, Any] | Preset] = ()) -> list[Preset]:
    """Presets named by ``spec``: ``all``, or ids separated by commas (a network name alone means all
    of its placements)."""
    custom = list(custom)
    everything = all_presets(custom)
    if spec.strip().lower() == "all":
        return everything
    chosen: list[Preset] = []
    for part in (piece.strip().lower() for piece in spec.split(",")):
        if not part:
            continue
        if "." in part:
            found = [get_preset(part, custom)]
        else:
            found = [preset for preset in everything if preset.network == part]
            if not found:
                get_preset(part, custom)  # raises with suggestions
        chosen.extend(preset for preset in found if preset not in chosen)
    if not chosen:
        raise PresetError("No preset was named.", "Give ids separated by commas, or 'all'.")
    return chosen
