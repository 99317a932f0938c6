"""What changed between two versions of a post's published content: a word diff per part and the
images added, removed, recropped or re-described."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from studio.review.content import BASE

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class PartChange:
    """One part that differs: ``ops`` is the word diff, a list of ``(kind, text)`` with kind
    "same", "added" or "removed"."""

    network: str
    part: int  # 0-based; -1 for the network as a whole (added or removed)
    before: str
    after: str
    ops: tuple[tuple[str, str], ...] = field(default=())

    @property
    def label(self) -> str:
        if self.part < 0:
            return self.network
        return f"{self.network}, part {self.part + 1}"

    def to_json(self) -> dict[str, Any]:
        return {"network": self.network, "part": self.part, "before": self.before, "after": self.after,
                "ops": [list(op) for op in self.ops]}


@dataclass(frozen=True)
class ImageChange:
    """An image of one network that differs: kind is "added", "removed", "crop" or "alt"."""

    network: str
    sha: str
    kind: str
    before: str = ""
    after: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Changes:
    parts: tuple[PartChange, ...] = ()
    images: tuple[ImageChange, ...] = ()
    schedule: tuple[str, str] | None = None  # (before, after) in words, when it moved

    def __bool__(self) -> bool:
        return bool(self.parts or self.images or self.schedule)

    def to_json(self) -> dict[str, Any]:
        return {"parts": [p.to_json() for p in self.parts], "images": [i.to_json() for i in self.images],
                "schedule": list(self.schedule) if self.schedule else None}


def word_ops(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """A word-level diff of two texts (whitespace kept, so joining the "same" and "added" texts
    gives ``after`` back)."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    ops: list[tuple[str, str]] = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("same", "".join(old[a1:a2])))
            continue
        if a2 > a1:
            ops.append(("removed", "".join(old[a1:a2])))
        if b2 > b1:
            ops.append(("added", "".join(new[b1:b2])))
    return _merged(ops)


def _merged(ops: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Changes separated only by a space read as one change ("will change" -> "has changed")."""
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(ops):
        kind, text = ops[index]
        if kind == "same":
            out.append(ops[index])
            index += 1
            continue
        removed, added = "", ""
        while index < len(ops):
            kind, text = ops[index]
            if kind == "same":
                following = index + 1 < len(ops) and ops[index + 1][0] != "same"
                if not (text.isspace() and following and (removed or added)):
                    break
                removed, added = removed + text, added + text
            elif kind == "removed":
                removed += text
            else:
                added += text
            index += 1
        if removed:
            out.append(("removed", removed))
        if added:
            out.append(("added", added))
    return tuple(out)


def diff_content(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    """The changes from ``old`` to ``new`` (two results of ``published_content``)."""
    parts: list[PartChange] = []
    images: list[ImageChange] = []
    before, after = old["networks"], new["networks"]
    for network, now in after.items():
        # A network the approval did not show is compared with what it did show (its own entry,
        # else the post's base text, else its first network): networks dropped since are no change
        # to what goes out.
        was = before.get(network) or before.get(BASE) or next(iter(before.values()), None)
        if was is None:
            continue
        count = max(len(was["parts"]), len(now["parts"]))
        for index in range(count):
            a = was["parts"][index] if index < len(was["parts"]) else ""
            b = now["parts"][index] if index < len(now["parts"]) else ""
            if a != b:
                parts.append(PartChange(network, index, a, b, word_ops(a, b)))
        images.extend(_image_changes(network, was["images"], now["images"]))
    schedule = None
    when = [s["at"] for s in old["schedule"]], [s["at"] for s in new["schedule"]]
    if old["schedule"] and when[0] != when[1]:
        schedule = (", ".join(when[0]) or "none", ", ".join(when[1]) or "none")
    return Changes(tuple(parts), tuple(images), schedule)


def _image_changes(network: str, was: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[ImageChange]:
    old = {image["sha"]: image for image in was}
    new = {image["sha"]: image for image in now}
    changes = [ImageChange(network, sha, "removed") for sha in old if sha not in new]
    for sha, image in new.items():
        previous = old.get(sha)
        if previous is None:
            changes.append(ImageChange(network, sha, "added"))
            continue
        if previous["crop"] != image["crop"] or previous["focal"] != image["focal"]:
            changes.append(ImageChange(network, sha, "crop"))
        if previous["alt"] != image["alt"]:
            changes.append(ImageChange(network, sha, "alt", previous["alt"], image["alt"]))
    return changes
