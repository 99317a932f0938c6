"""Plain data shared by the areas of the core (no behaviour that needs a database or a display).

Positions are in Python code points of the text they were found in; the editors convert them to
Qt's UTF-16 positions in one place (``studio.text.positions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Issue:
    """One problem found in a text: a grammar or spelling error, a style hint, a brand rule."""

    start: int  # code points, inclusive
    end: int  # code points, exclusive
    category: str  # "spelling" | "grammar" | "style" | "brand" | "typography" | "other"
    rule: str  # LanguageTool rule id, or "BRAND_BANNED", "BRAND_HASHTAG_MISSING", ...
    message: str
    replacements: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "rule": self.rule,
            "message": self.message,
            "replacements": list(self.replacements),
        }


@dataclass(frozen=True)
class BrandRules:
    """A client's house rules, checked as issues of the category ``brand``."""

    banned: dict[str, str] = field(default_factory=dict)  # phrase -> suggested replacement ("" = none)
    required_hashtags: tuple[str, ...] = ()
    max_hashtags: int | None = None
    forbid_all_caps: bool = False
    notes: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "banned": dict(self.banned),
            "required_hashtags": list(self.required_hashtags),
            "max_hashtags": self.max_hashtags,
            "forbid_all_caps": self.forbid_all_caps,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: dict[str, object] | None) -> BrandRules:
        if not data:
            return cls()
        banned = data.get("banned") or {}
        required = data.get("required_hashtags") or ()
        max_hashtags = data.get("max_hashtags")
        return cls(
            banned={str(k): str(v) for k, v in dict(banned).items()},  # type: ignore[call-overload]
            required_hashtags=tuple(str(tag) for tag in required),  # type: ignore[attr-defined]
            max_hashtags=int(max_hashtags) if max_hashtags is not None else None,  # type: ignore[call-overload]
            forbid_all_caps=bool(data.get("forbid_all_caps", False)),
            notes=str(data.get("notes") or ""),
        )
