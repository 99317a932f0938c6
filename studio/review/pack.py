"""The review pack: one self-contained HTML file a client opens in any browser, without an account.

Each post is shown as each network shows it (its parts, links, mentions and hashtags, the caption's
fold, its images at their crop with the alt text, the time in the client's zone), in the client's
language, with Approve / Request changes / Reject. Images are embedded once each (as data URIs at
the width the page shows them); the page script signs the answers into a reply code with the pack's
key (:mod:`studio.review.codes`). The pack records the content each post had, so an answer for a
post edited since is flagged when it comes back.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.errors import StudioError, UsageError
from studio.library.store import utc_now
from studio.review import codes
from studio.review.content import BASE, content_hash, published_content
from studio.review.page import CSS, JS
from studio.review.strings import language_of, when_in_words, words

IMAGE_WIDTH = 540  # CSS pixels: the widest an image is shown (a 720 px column less its padding)
JPEG_QUALITY = 72

# How many lines of a caption a network shows before its "more" (0: the whole text). Approximate:
# the apps fold by lines on screen, not by characters.
FOLD_LINES: dict[str, int] = {"instagram": 2, "linkedin": 3, "facebook": 5, "tiktok": 2, "threads": 0}


@dataclass(frozen=True)
class PackInfo:
    path: Path
    pack_id: str
    posts: int
    images: int
    bytes: int


def drafts_in_period(library: Any, client_id: int, start: datetime, end: datetime) -> list[int]:
    """The client's drafts scheduled from ``start`` to ``end`` (not yet published), in time order."""
    from studio.library.times import to_utc_text

    rows = library.query(
        "SELECT s.draft_id, min(s.scheduled_at) FROM schedules s JOIN drafts d ON d.id = s.draft_id "
        "WHERE d.client_id = ? AND s.scheduled_at >= ? AND s.scheduled_at < ? "
        "AND d.status NOT IN ('published', 'archived') GROUP BY s.draft_id ORDER BY 2, 1",
        (client_id, to_utc_text(start), to_utc_text(end)),
    )
    return [row[0] for row in rows]


def render_image(library: Any, image: dict[str, Any], width: int = IMAGE_WIDTH) -> tuple[bytes, int, int]:
    """The image as the network shows it (its preset's crop), ``width`` pixels wide, as JPEG."""
    from studio.imaging import geometry
    from studio.imaging.export import crop_for
    from studio.imaging.loading import flatten, load
    from studio.imaging.presets import get_preset
    from studio.model import Crop

    loaded = load(library.asset_path(image["sha"]), max_side=width * 3)
    if image["preset"]:
        preset = get_preset(image["preset"])
        crops = {preset.id: Crop(*image["crop"])} if image["crop"] else None
        crop = crop_for(preset, loaded.full_size, crops, tuple(image["focal"]))
        size = (width, max(1, round(width / preset.ratio)))
    else:
        crop = Crop(0.0, 0.0, 1.0, 1.0)
        full_w, full_h = loaded.full_size
        size = (min(width, full_w), max(1, round(min(width, full_w) * full_h / full_w)))
    picture = geometry.render(loaded.image, crop, size)
    if picture.mode != "RGB":
        picture = flatten(picture)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)  # no metadata kept
    return out.getvalue(), size[0], size[1]


def _text_html(text: str) -> str:
    """``text`` as HTML, with links, hashtags and mentions marked as the networks show them."""
    from studio.text.entities import entities

    out: list[str] = []
    position = 0
    for entity in entities(text):
        if entity.kind == "emoji":
            continue
        out.append(html.escape(text[position:entity.start]))
        shown = html.escape(entity.text)
        if entity.kind == "url":
            href = entity.text if "://" in entity.text else f"https://{entity.text}"
            out.append(f'<a href="{html.escape(href)}" rel="noopener noreferrer" target="_blank">{shown}</a>')
        else:
            out.append(f'<span class="{"tag" if entity.kind == "hashtag" else "mention"}">{shown}</span>')
        position = entity.end
    out.append(html.escape(text[position:]))
    return "".join(out)


class _Images:
    """Each rendition embedded once, however many posts and networks show it."""

    def __init__(self, library: Any) -> None:
        self.library = library
        self.uris: dict[str, str] = {}
        self.sizes: dict[str, tuple[int, int]] = {}
        self._ids: dict[str, str] = {}

    def id_for(self, image: dict[str, Any]) -> str:
        key = json.dumps({k: v for k, v in image.items() if k != "alt"}, sort_keys=True)
        found = self._ids.get(key)
        if found is None:
            data, w, h = render_image(self.library, image)
            found = self._ids[key] = f"i{len(self._ids)}"
            self.uris[found] = "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")
            self.sizes[found] = (w, h)
        return found


def _network_title(network: str, table: dict[str, str]) -> str:
    if network == BASE:
        return table["post"]
    from studio.text.networks import all_networks

    known = all_networks().get(network)
    return str(known.title) if known is not None else network.title()


def _post_html(library: Any, draft: Any, content: dict[str, Any], digest: str, images: _Images,
               table: dict[str, str], language: str, zone: str, who: tuple[str, str]) -> str:
    when = [s["at"] for s in content["schedule"]]
    scheduled = table["scheduled"].format(when=html.escape(when_in_words(when[0], zone, language))) if when \
        else table["not_scheduled"]
    heading = html.escape((draft.text.strip().splitlines() or [table["post"]])[0][:80])
    tabs, panels = [], []
    for index, (network, entry) in enumerate(content["networks"].items()):
        title = html.escape(_network_title(network, table))
        tabs.append(f'<button type="button" role="tab" aria-selected="{str(index == 0).lower()}">{title}</button>')
        cards = []
        total = len(entry["parts"])
        for number, part in enumerate(entry["parts"]):
            lines = FOLD_LINES.get(network, 0)
            fold = (f' class="folded" style="--lines:{lines}"', f'<button type="button" class="more" hidden>… '
                    f'{table["more"]}</button>') if lines else ("", "")
            pictures = ""
            if number == 0 and entry["images"]:
                figures = []
                for image in entry["images"]:
                    ident = images.id_for(image)
                    w, h = images.sizes[ident]
                    alt = html.escape(image["alt"])
                    caption = f'<figcaption><b>ALT</b>{alt}</figcaption>' if image["alt"] else ""
                    figures.append(f'<figure><img data-img="{ident}" width="{w}" height="{h}" alt="{alt}">{caption}</figure>')
                one = " one" if len(figures) == 1 else ""
                pictures = f'<div class="images{one}">{"".join(figures)}</div>'
            partno = f'<div class="partno">{table["part"].format(n=number + 1, total=total)}</div>' if total > 1 else ""
            cards.append(
                f'<div class="card">{"" if number else _who_html(*who)}{partno}<div{fold[0]}>'
                f'<div class="text">{_text_html(part)}</div>{fold[1]}</div>{pictures}</div>'
            )
        hidden = "" if index == 0 else " hidden"
        panels.append(f'<section class="net" data-net="{html.escape(network)}"{hidden}>{"".join(cards)}</section>')
    verdicts = "".join(
        f'<button type="button" data-verdict="{key}" aria-pressed="false">{table[word]}</button>'
        for key, word in (("a", "approve"), ("c", "changes"), ("r", "reject"))
    )
    return (
        f'<article class="post" id="post-{draft.id}" data-draft="{draft.id}" data-hash="{digest}">'
        f'<div class="post-head"><b>{heading}</b><span class="muted">{scheduled}</span></div>'
        f'<div class="tabs" role="tablist">{"".join(tabs)}</div>{"".join(panels)}'
        f'<div class="answer"><div class="verdicts">{verdicts}</div>'
        f'<textarea placeholder="{html.escape(table["comment"])}" aria-label="{html.escape(table["comment"])}" hidden>'
        f'</textarea><div class="state"></div></div></article>'
    )


def _who_html(name: str, handle: str) -> str:
    initial = html.escape((name.strip()[:1] or "?").upper())
    return (f'<div class="who"><div class="avatar">{initial}</div><div><b>{html.escape(name)}</b>'
            f'<small>{html.escape(handle)}</small></div></div>')


def build_pack(library: Any, draft_ids: list[int], out: Path, *, period: tuple[str, str] | None = None,
               reply_to: str = "") -> PackInfo:
    """Write the pack of ``draft_ids`` (one client's) to ``out`` and record it in the library."""
    from studio.files import write_atomically
    from studio.review.approval import settings

    if not draft_ids:
        raise UsageError("There are no posts to put in the pack.", "Choose drafts, or a period with scheduled posts.")
    drafts = [library.get_draft(draft_id) for draft_id in dict.fromkeys(draft_ids)]
    clients = {draft.client_id for draft in drafts}
    if len(clients) != 1:
        raise UsageError("A review pack is for one client; these posts belong to several.",
                         "Select one client's posts.")
    client = library.get_client(clients.pop())
    language = language_of(client.language)
    table = words(language)
    zone = settings(library, client.id).zone
    handle = next((f"@{a.handle}" for a in library.list_accounts(client.id) if a.handle), "")
    pack_id = os.urandom(5).hex()
    images = _Images(library)
    articles, posts = [], {}
    for draft in drafts:
        content = published_content(library, draft.id)
        digest = content_hash(content)[:codes.HASH_DIGITS]
        posts[str(draft.id)] = content
        articles.append(_post_html(library, draft, content, digest, images, table, language, zone,
                                   (client.name, handle)))
    data = {"id": pack_id, "key": codes.pack_key(pack_id).hex(), "words": table, "images": images.uris,
            "total": len(drafts), "reply_to": reply_to}
    subtitle = table["period"].format(start=period[0], end=period[1]) if period else ""
    page = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<title>{html.escape(table["title"])}: {html.escape(client.name)}</title><style>{CSS}</style></head><body>'
        f'<header><h1>{html.escape(table["title"])}: {html.escape(client.name)}</h1>'
        f'<div class="muted">{html.escape(subtitle)}</div><p>{html.escape(table["intro"])}</p>'
        f'<label class="name">{html.escape(table["your_name"])} <input id="reviewer" autocomplete="name"></label>'
        f'</header><main>{"".join(articles)}</main>'
        f'<footer><b>{html.escape(table["reply_title"])}</b> <span id="summary" class="muted"></span>'
        f'<p class="muted">{html.escape(table["reply_help"])}</p>'
        f'<textarea id="reply-code" readonly aria-label="{html.escape(table["reply_title"])}"></textarea>'
        f'<div class="actions"><button type="button" id="copy">{html.escape(table["copy"])}</button>'
        f'<a id="download" class="secondary">{html.escape(table["download"])}</a>'
        f'<a id="mail" class="secondary">{html.escape(table["email"])}</a></div></footer>'
        f'<script type="application/json" id="pack-data">{_script_json(data)}</script>'
        f'<script>{JS}</script></body></html>'
    )
    try:
        write_atomically(out, page)
    except OSError as error:
        raise StudioError(f"Studio cannot write the pack to {out}: {error.strerror}.", "Choose another file.") from error
    with library.transaction() as conn:
        conn.execute("INSERT INTO review_packs(id, client_id, created_at, posts) VALUES (?, ?, ?, ?)",
                     (pack_id, client.id, utc_now(), json.dumps(posts, ensure_ascii=False)))
    return PackInfo(out, pack_id, len(drafts), len(images.uris), out.stat().st_size)


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element (no "</script>" or "<!--" can end it early)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
