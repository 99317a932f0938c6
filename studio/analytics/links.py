"""UTM parameters on the links of a post, per network and post, so the client's web analytics can
tell which post brought a visit (and ROI can be measured from it).

``utm_source`` is the network, ``utm_medium`` is ``social``, ``utm_campaign`` the campaign (a tag or
a name the user gives), ``utm_content`` the post (``draft-<id>``). Parameters a link already carries
are kept as the user wrote them; links without a scheme get ``https://`` only where needed to
parse them and are written back without it.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from studio.text.entities import urls


def utm_parameters(network: str, campaign: str, draft_id: int | None = None) -> dict[str, str]:
    found = {"utm_source": network, "utm_medium": "social"}
    if campaign.strip():
        found["utm_campaign"] = campaign.strip()
    if draft_id is not None:
        found["utm_content"] = f"draft-{draft_id}"
    return found


def tag_link(url: str, parameters: dict[str, str]) -> str:
    """``url`` with ``parameters`` added (a parameter the link already has is kept as it is)."""
    bare = "://" not in url
    parts = urlsplit(f"https://{url}" if bare else url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {name for name, _ in query}
    query += [(name, value) for name, value in parameters.items() if name not in present]
    tagged = urlunsplit(parts._replace(query=urlencode(query)))
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
