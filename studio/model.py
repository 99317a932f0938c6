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
    category: str  # "spelling" | "grammar" | "punctuation" | "typography" | "style" | "brand" | "other"
    rule: str  # LanguageTool rule id, or "BRAND_BANNED", "BRAND_HASHTAG_MISSING", ...
    message: str
    replacements: tuple[str, ...] = ()
    description: str = ""  # the rule in words (LanguageTool's description), shown instead of its id

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "rule": self.rule,
            "message": self.message,
            "replacements": list(self.replacements),
            "description": self.description,
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


# --- The library's domain (studio.library stores these; times are aware UTC datetimes) -----------

# The networks Studio publishes to through an account. A draft's *targets* (counters, variants,
# threads) are the text networks of resources/networks.json instead: see studio.library.clients.
NETWORKS: tuple[str, ...] = (
    "mastodon", "bluesky", "telegram", "webhook", "folder", "instagram", "facebook", "threads", "linkedin", "postiz",
)

STATUSES: tuple[str, ...] = (
    "idea", "draft", "in_review", "approved", "scheduled", "published", "failed", "archived",
)

STATUS_LABELS: dict[str, str] = {
    "idea": "Idea",
    "draft": "Draft",
    "in_review": "In review",
    "approved": "Approved",
    "scheduled": "Scheduled",
    "published": "Published",
    "failed": "Failed",
    "archived": "Archived",
}


@dataclass(frozen=True)
class Snippet:
    """A saved phrase or hashtag set a client reuses."""

    name: str
    text: str


@dataclass(frozen=True)
class Client:
    """A workspace: one customer of a freelancer, or the user's own brand."""

    id: int
    name: str
    colour: str = "#4f7cff"
    language: str = "en-US"
    brand_rules: BrandRules = field(default_factory=BrandRules)
    dictionary: tuple[str, ...] = ()
    snippets: tuple[Snippet, ...] = ()
    archived: bool = False
    ignored_rules: tuple[str, ...] = ()  # LanguageTool rule ids never checked in this client's posts


@dataclass(frozen=True)
class Account:
    """One network identity of a client. ``secret_ref`` names the keyring entry, never the secret."""

    id: int
    client_id: int
    network: str
    handle: str
    display_name: str = ""
    server_url: str = ""
    secret_ref: str = ""
    slots: tuple[dict[str, object], ...] = ()  # {"weekday": 0-6, "time": "HH:MM"}
    settings: dict[str, object] = field(default_factory=dict)
    created_at: str = ""
    archived: bool = False


@dataclass(frozen=True)
class Variant:
    """Text for one network that overrides the base text, or a thread (a list of parts)."""

    network: str
    text: str | None = None
    parts: tuple[str, ...] = ()

    @property
    def is_thread(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class AttachedAsset:
    """An image attached to a draft, in its place, with its alt text."""

    sha: str
    position: int
    alt_text: str = ""


@dataclass(frozen=True)
class Crop:
    """A crop of an asset for one preset: a rectangle normalised to 0..1 of the oriented image,
    a rotation in degrees and flips."""

    x: float
    y: float
    w: float
    h: float
    rotation: float = 0.0
    flip_h: bool = False
    flip_v: bool = False


@dataclass(frozen=True)
class Asset:
    """An image file in the library, addressed by its SHA-256."""

    sha: str
    ext: str
    size: int
    original_name: str = ""
    focal_x: float = 0.5
    focal_y: float = 0.5
    created_at: str = ""


@dataclass(frozen=True)
class Draft:
    """A post being written: base text, per-network variants, assets and its place in the workflow."""

    id: int
    client_id: int
    text: str = ""
    language: str | None = None
    networks: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""
    status: str = "draft"
    variants: dict[str, Variant] = field(default_factory=dict)
    assets: tuple[AttachedAsset, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    ignored_rules: tuple[str, ...] = ()  # rules (LanguageTool's, or brand rules) ignored in this post


def grammar_language(draft_language: str | None, client_language: str | None) -> tuple[str, tuple[str, ...], str]:
    """How to pick the language a post is checked in, for the app and ``studio check`` alike:
    ``(language, prefer, default)``. ``language`` is the post's, else the client's, else "auto"
    (detected from the text); a detected language takes the client's variant (``prefer``: "en-GB"
    over "en-US"), and a text too short to tell is checked in ``default``, the client's language
    (en-US when the client itself says "auto")."""
    client = client_language if client_language and client_language != "auto" else None
    return draft_language or client_language or "auto", (client,) if client else (), client or "en-US"


@dataclass(frozen=True)
class DraftRow:
    """What the drafts list shows of a draft (no variants, no assets: cheap to page through)."""

    id: int
    client_id: int
    client_name: str
    client_colour: str
    text: str
    status: str
    networks: tuple[str, ...]
    tags: tuple[str, ...]
    updated_at: str
    next_schedule: str | None = None  # earliest schedule, UTC ISO text
    open_comments: int = 0  # review comment threads not resolved yet (studio.review)


@dataclass(frozen=True)
class Schedule:
    """A draft, an account and a UTC instant. ``account_id`` is ``None`` for a post planned for a
    network whose account is not set up yet (an imported plan): it is never published until one
    is chosen."""

    id: int
    draft_id: int
    account_id: int | None
    network: str
    scheduled_at: str  # "YYYY-MM-DDTHH:MM:SSZ"
    created_at: str = ""
    state: str | None = None  # the publication's state, when it has one
    client_id: int | None = None
    excerpt: str = ""


@dataclass(frozen=True)
class Revision:
    """One saved state of a draft's text and variants."""

    id: int
    draft_id: int
    created_at: str
    text: str
    variants: dict[str, object] = field(default_factory=dict)
    reason: str = "edit"  # "edit", "restore", "import", "create"


@dataclass(frozen=True)
class SearchResult:
    """One draft found by a search, with a snippet of the matching text."""

    id: int
    client: str
    status: str
    snippet: str
    updated_at: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "client": self.client,
            "status": self.status,
            "snippet": self.snippet,
            "updated_at": self.updated_at,
        }
