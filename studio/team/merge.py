"""Three-way merges of a draft or a client, against the version both sides last saw.

Texts (base text, notes, each network's text, each thread part) are cut into sentences and line
ends and merged with ``merge3`` (the merge of Bazaar and Breezy): edits in different sentences or
paragraphs both stay; where both sides changed the same sentence, the team's (the server's) text
wins and the merge says so, and the caller keeps the member's whole version as a conflict revision.
Sets (tags, networks) merge by what each side added and removed; other fields by "the side that
changed it", the team's when both did.
"""

from __future__ import annotations

import re
from typing import Any

import merge3

_UNITS = re.compile(r"(?<=[.!?…\n])")
_TEXT_FIELDS = ("text", "notes")
_SET_FIELDS = ("tags", "networks", "dictionary", "ignored_rules")


def units(text: str) -> list[str]:
    """``text`` cut after each sentence end and line end (joined again, it is ``text``)."""
    return [piece for piece in _UNITS.split(text) if piece]


def merge_text(base: str, mine: str, theirs: str) -> tuple[str, bool]:
    """``(merged, conflicted)``: both sides' edits, the team's where they overlap."""
    if mine in (theirs, base):
        return theirs, False
    if theirs == base:
        return mine, False
    merged: list[str] = []
    conflicted = False
    for group in merge3.Merge3(units(base), units(mine), units(theirs)).merge_groups():
        if group[0] == "conflict":
            conflicted = True
            merged.extend(group[3])
        else:
            merged.extend(group[1])
    return "".join(merged), conflicted


def merge_set(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    removed = {item for item in base if item not in mine}
    added = [item for item in mine if item not in base]
    return [item for item in dict.fromkeys([*theirs, *added]) if item not in removed]


def merge_field(base: Any, mine: Any, theirs: Any) -> Any:
    return mine if mine != base and theirs == base else theirs


def merge_variants(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    merged: dict[str, Any] = {}
    conflicted = False
    for network in dict.fromkeys([*theirs, *mine, *base]):
        b, m, t = base.get(network), mine.get(network), theirs.get(network)
        if m == b:
            value = t
        elif t == b:
            value = m
        elif m is None or t is None:  # removed on one side, changed on the other: keep the text
            value, conflicted = (m if t is None else t), True
        else:
            value, clash = _merge_variant(b or {"text": "", "parts": None}, m, t)
            conflicted = conflicted or clash
        if value is not None:
            merged[network] = value
    return merged, conflicted


def _merge_variant(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    bp, mp, tp = base.get("parts"), mine.get("parts"), theirs.get("parts")
    if mp and tp and len(mp) == len(tp):
        old = bp if bp and len(bp) == len(tp) else [""] * len(tp)
        results = [merge_text(b, m, t) for b, m, t in zip(old, mp, tp, strict=True)]
        return {"text": None, "parts": [text for text, _ in results]}, any(clash for _, clash in results)
    if mp is None and tp is None:
        text, clash = merge_text(base.get("text") or "", mine.get("text") or "", theirs.get("text") or "")
        return {"text": text, "parts": None}, clash
    return theirs, True


def merge_doc(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The merged document and whether any text overlapped (then the caller keeps ``mine``)."""
    base = base or {}
    merged: dict[str, Any] = {}
    conflicted = False
    for key in dict.fromkeys([*theirs, *mine]):
        b, m, t = base.get(key), mine.get(key), theirs.get(key)
        if key in _TEXT_FIELDS:
            merged[key], clash = merge_text(b or "", m or "", t or "")
            conflicted = conflicted or clash
        elif key in _SET_FIELDS:
            merged[key] = merge_set(b or [], m or [], t or [])
        elif key == "variants":
            merged[key], clash = merge_variants(b or {}, m or {}, t or {})
            conflicted = conflicted or clash
        else:
            merged[key] = merge_field(b, m, t)
    return merged, conflicted
