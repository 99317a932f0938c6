"""How each network shows a post, as data: its layout, where it folds the text behind "more", how it
shows links (clickable or not, shortened or whole, a link card), and its colours; and the post's
text as that network's HTML.

The numbers are approximate by nature (a feed folds by lines on a given screen, not by characters);
each says where it comes from. Instagram, LinkedIn and Facebook read their fold from
``resources/networks.json`` (the text rules' one source), the others from :data:`FOLDS` here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlsplit

from studio.text import entities
from studio.text.networks import all_networks

# Layouts: a social post card (avatar, name, handle, text, media), Instagram's image-first post, a
# professional feed card, Telegram's message bubble, a vertical video with its caption, a video page
# with title and description, a pin, and the files a Folder or Webhook account gets.
LAYOUTS = ("post", "image-first", "feed", "bubble", "video", "youtube", "pin", "files")

# Characters shown before "more", for the networks networks.json has no "fold" for.
FOLDS: dict[str, int] = {
    # TikTok's feed shows about one line and a half of the caption over the video before "more"
    # (TikTok app, For You feed, measured on a 390 pt wide phone screen).
    "tiktok": 80,
    # YouTube's watch page shows the description's first ~3 lines (about 157 characters on desktop)
    # before "...more" (YouTube Help, "Add video descriptions": the first lines are shown).
    "youtube-description": 157,
    # Pinterest shows the first ~50-60 characters of a Pin's description in the close-up view
    # (Pinterest Business help, "Pin descriptions").
    "pinterest": 60,
    # Threads folds after about 500 characters only when the post is long; X shows the whole of a
    # post up to 280 (longer Premium posts fold at 280: X Help, "About longer posts").
    "x": 280,
}


@dataclass(frozen=True)
class NetworkStyle:
    """What a network does with a post when it shows it."""

    layout: str
    accent: str  # the network's brand colour, for its links, tags and badge
    links: str = "short"  # "short" (host/path…), "full" (as written) or "text" (never clickable)
    short_length: int = 26  # characters of a shortened link shown before "…"
    card: bool = True  # a link card (the page's host and address) when the post has no image
    font: str = ""  # a family in spirit of the network's own ("" = the application's)
    max_images: int = 4
    fold: int | None = None


def _styles() -> dict[str, NetworkStyle]:
    # Link display: X shows t.co links by their expanded address cut at 23 characters (X Developer
    # docs, "entities: display_url"); Mastodon cuts the shown address at 30 characters (Mastodon's
    # TextFormatter, "ellipsis" span); Bluesky's app cuts at about 25 (social-app, toShortUrl);
    # Instagram and TikTok captions are never links; LinkedIn, Facebook, Telegram and YouTube show the
    # address as written. Cards: X, Bluesky, Mastodon, Threads, LinkedIn, Facebook and Telegram show a
    # card for a post's first link when it carries no image.
    return {
        "x": NetworkStyle("post", "#1d9bf0", "short", 23, font="Helvetica Neue"),
        "bluesky": NetworkStyle("post", "#0a7aff", "short", 25, font="Inter"),
        "threads": NetworkStyle("post", "#0095f6", "short", 25, max_images=10, font="Helvetica Neue"),
        "mastodon": NetworkStyle("post", "#6364ff", "short", 30, font="Roboto"),
        "instagram": NetworkStyle("image-first", "#00376b", "text", card=False, max_images=10,
                                  font="Helvetica Neue"),
        "linkedin": NetworkStyle("feed", "#0a66c2", "full", font="Segoe UI", max_images=9),
        "facebook": NetworkStyle("feed", "#1877f2", "full", font="Segoe UI", max_images=5),
        "telegram": NetworkStyle("bubble", "#2481cc", "full", max_images=10),
        "telegram-caption": NetworkStyle("bubble", "#2481cc", "full", card=False, max_images=10),
        "tiktok": NetworkStyle("video", "#fe2c55", "text", card=False, max_images=35),
        "youtube-title": NetworkStyle("youtube", "#065fd4", "text", card=False, max_images=1, font="Roboto"),
        "youtube-description": NetworkStyle("youtube", "#065fd4", "full", card=False, max_images=1,
                                            font="Roboto"),
        "pinterest": NetworkStyle("pin", "#e60023", "text", card=False, max_images=1),
        "folder": NetworkStyle("files", "#6f6e77", "full", card=False, max_images=99),
        "webhook": NetworkStyle("files", "#6f6e77", "full", card=False, max_images=99),
    }


_STYLES = _styles()


def style_for(network_id: str) -> NetworkStyle:
    """``network_id``'s style, with its fold (networks.json's, else :data:`FOLDS`)."""
    from dataclasses import replace

    style = _STYLES.get(network_id, NetworkStyle("post", "#4f7cff"))
    known = all_networks().get(network_id)
    fold = known.fold if known is not None else None
    return replace(style, fold=fold or FOLDS.get(network_id))


@dataclass(frozen=True)
class LinkCard:
    """A link card as the network shows it (Studio fetches nothing: the host and the address)."""

    url: str
    host: str
    path: str


def first_link(text: str) -> LinkCard | None:
    """The card for the first link of ``text`` (networks make it from the first link)."""
    for entity in entities.urls(text):
        url = entity.text if "://" in entity.text else "https://" + entity.text
        parts = urlsplit(url)
        host = parts.netloc.removeprefix("www.")
        if host:
            return LinkCard(url, host, (parts.path + ("?" + parts.query if parts.query else "")).rstrip("/"))
    return None


def fold_text(text: str, fold: int | None) -> tuple[str, bool]:
    """``text`` cut where the network folds it (at a word, not inside one), and whether it was."""
    if fold is None or len(text) <= fold:
        return text, False
    cut = text.rfind(" ", 0, fold)
    return text[: cut if cut > fold // 2 else fold].rstrip(), True


def shown_link(url: str, style: NetworkStyle) -> str:
    """A link as the network writes it in the post."""
    if style.links != "short":
        return url
    bare = url.split("://", 1)[-1].removeprefix("www.")
    return bare if len(bare) <= style.short_length else bare[: style.short_length - 1] + "…"


def styled_html(text: str, style: NetworkStyle, more: str = "more", muted: str = "#6f6e77",
                fold: bool = True) -> tuple[str, bool]:
    """``text`` as the network's HTML: links as it shows them (a link only where it makes one),
    hashtags and mentions in its colour, folded behind "… more" where it folds. Returns the HTML and
    whether it was folded."""
    if fold:
        text, folded = fold_text(text, style.fold)
    else:
        folded = False
    out: list[str] = []
    position = 0
    for entity in entities.entities(text):
        if entity.kind == "emoji":
            continue
        out.append(html.escape(text[position:entity.start]))
        if entity.kind == "url" and style.links == "text":
            out.append(html.escape(entity.text))  # a caption's address is plain text there
        elif entity.kind == "url":
            target = entity.text if "://" in entity.text else "https://" + entity.text
            out.append(f'<a href="{html.escape(target, quote=True)}" style="color:{style.accent}; '
                       f'text-decoration:none">{html.escape(shown_link(entity.text, style))}</a>')
        else:
            out.append(f'<span style="color:{style.accent}">{html.escape(entity.text)}</span>')
        position = entity.end
    out.append(html.escape(text[position:]))
    body = "".join(out).replace("\n", "<br>")
    if folded:
        body += f'… <span style="color:{muted}">{html.escape(more)}</span>'
    return body, folded
