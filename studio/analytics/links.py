"""UTM parameters on the links of a post, per network and post, so the client's web analytics can
tell which post brought a visit (and ROI can be measured from it).

``utm_source`` is the network, ``utm_medium`` is ``social``, ``utm_campaign`` the campaign (the
client's campaign name, else the post's first tag), ``utm_content`` the post (``draft-<id>``). A link
that already carries a ``utm_`` parameter was tagged by the user and is left exactly as written; the
others keep their own query as written and get the parameters after it. Links without a scheme get
``https://`` only where needed to parse them and are written back without it.

When a post goes out, :func:`outgoing_texts` is the one place that decides the text that leaves:
the runner calls it on the parts it renders (so do the schedule dialog's pre-flight check and the
server-side schedules, through ``Runner.render``), and the post editor's preview can call it to show
the same text. It is **on by default** for every client: UTM parameters are what lets the client's
own web analytics tell which post brought a visit (the ROI half of the report), and a post that went
out untagged can never be tagged afterwards, whereas a client who does not want them turns them off
once (Analytics page, "Links…", or ``studio metrics links --client NAME --off``). A part that would
pass its network's limit only because of the parameters (Bluesky counts a link's every character)
goes out untagged rather than not at all. The text is the same on every retry (it depends on the
draft, the network and the setting only), and the idempotency key is the queue's, never the text's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from studio.errors import UsageError
from studio.text.entities import urls

if TYPE_CHECKING:
    from studio.library import Library


def utm_parameters(network: str, campaign: str, draft_id: int | None = None) -> dict[str, str]:
    found = {"utm_source": network, "utm_medium": "social"}
    if campaign.strip():
        found["utm_campaign"] = campaign.strip()
    if draft_id is not None:
        found["utm_content"] = f"draft-{draft_id}"
    return found


def tag_link(url: str, parameters: dict[str, str]) -> str:
    """``url`` with ``parameters`` added after its own query (kept as written); a link that already
    has a ``utm_`` parameter is returned as it is."""
    bare = "://" not in url
    try:
        parts = urlsplit(f"https://{url}" if bare else url)
    except ValueError:  # not a link after all (a bad IPv6 host): leave it as written
        return url
    present = {name for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if any(name.lower().startswith("utm_") for name in present):
        return url
    added = urlencode(parameters)
    if not added:
        return url
    tagged = urlunsplit(parts._replace(query=f"{parts.query}&{added}" if parts.query else added))
    return tagged.removeprefix("https://") if bare else tagged


def tag_links(text: str, network: str, campaign: str, draft_id: int | None = None) -> str:
    """``text`` with UTM parameters on each of its links; everything else untouched."""
    parameters = utm_parameters(network, campaign, draft_id)
    pieces: list[str] = []
    last = 0
    for link in urls(text):
        pieces.append(text[last:link.start])
        pieces.append(tag_link(text[link.start:link.end], parameters))
        last = link.end
    pieces.append(text[last:])
    return "".join(pieces)


@dataclass(frozen=True)
class LinkSettings:
    """A client's link tagging: on or off, and the campaign name ('' = each post's first tag)."""

    utm: bool = True
    campaign: str = ""


def link_settings(library: Library, client_id: int) -> LinkSettings:
    rows = library.query("SELECT utm, campaign FROM client_links WHERE client_id = ?", (client_id,))
    return LinkSettings(bool(rows[0]["utm"]), str(rows[0]["campaign"])) if rows else LinkSettings()


def set_link_settings(library: Library, client_id: int, settings: LinkSettings) -> None:
    with library.transaction() as conn:
        conn.execute(
            "INSERT INTO client_links (client_id, utm, campaign) VALUES (?, ?, ?) ON CONFLICT (client_id) "
            "DO UPDATE SET utm = excluded.utm, campaign = excluded.campaign",
            (client_id, int(settings.utm), " ".join(settings.campaign.split())),
        )
        library.changed("client", client_id)


def campaign_of(settings: LinkSettings, tags: Iterable[str]) -> str:
    """The campaign a post's links name: the client's, else the post's first tag (without ``#``)."""
    if settings.campaign.strip():
        return settings.campaign.strip()
    return next((tag.lstrip("#") for tag in tags if tag.strip("# ")), "")


def outgoing_texts(library: Library, draft: Any, network: str, texts: Iterable[str],
                   limit: int | None = None) -> tuple[str, ...]:
    """The texts that leave for ``network`` (a text network, e.g. the account's network version):
    ``texts`` with UTM parameters on their links when the draft's client wants them, each part
    kept untagged when only the parameters would take it past the network's limit (``limit``: the
    server's own, as the pre-flight check reads it)."""
    return tagged_texts(link_settings(library, int(draft.client_id)), draft, network, texts, limit)


def tagged_texts(settings: LinkSettings, draft: Any, network: str, texts: Iterable[str],
                 limit: int | None = None) -> tuple[str, ...]:
    """:func:`outgoing_texts` with the client's link settings already read (the Write page reads
    them with the draft, off the UI thread, and previews each pause in typing with them)."""
    chosen = tuple(texts)
    if not settings.utm:
        return chosen
    campaign = campaign_of(settings, getattr(draft, "tags", ()))
    return tuple(_fitting(text, tag_links(text, network, campaign, int(draft.id)), network, limit) for text in chosen)


def _fitting(text: str, tagged: str, network: str, limit: int | None) -> str:
    if tagged == text:
        return text
    from studio.text import count

    try:
        if count(tagged, network, limit=limit).ok or not count(text, network, limit=limit).ok:
            return tagged
    except (UsageError, ValueError):  # a network without counting rules (a webhook's own): no limit
        return tagged
    return text
