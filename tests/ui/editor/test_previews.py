"""Previews you can trust (issue 11, point 4): each network's card shows what that network will show:
its fold, its links (none clickable on Instagram, a card on Bluesky), a thread part by part, and the
images as the renditions the publisher sends, with their alt-text badges."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from studio.drafting import parts_for
from studio.editors.post.previews import PostLook, PreviewsPanel, style_for
from studio.editors.post.previews.parts import ImageTile
from studio.library import Library
from studio.model import Crop
from studio.publishing.renditions import preset_for, rendition
from studio.text import networks
from studio.ui import theme
from studio.ui.context import AppContext

LINK = "https://acmeshoes.com/shoes/trail-runner-2026?colour=red"
TEXT = f"New trail shoes for the rainy season #trail @bob see {LINK} " + "and a long story " * 20


def _look(network: str, parts: tuple[str, ...], **more: Any) -> PostLook:
    return PostLook(network, "Acme Shoes", "@acme", "#e0663d", parts, **more)


def _panel(qtbot: QtBot, context: AppContext | None = None) -> PreviewsPanel:
    panel = PreviewsPanel(None, context.library if context else None, context.tasks if context else None)
    qtbot.addWidget(panel)
    panel.resize(520, 740)
    return panel


def _photo(library: Library, tmp_path: Path, alt: str = "") -> tuple[int, str]:
    """A draft with a 4000x3000 photo, cropped by hand for Instagram's preset, the focal point set."""
    path = tmp_path / "photo.jpg"
    image = Image.new("RGB", (4000, 3000), (30, 90, 160))
    image.paste((230, 60, 40), (2000, 0, 4000, 3000))  # right half red: the crop keeps only red
    image.save(path, "JPEG")
    client = library.add_client("Acme Shoes")
    draft = library.create_draft(client.id, TEXT, networks=["instagram", "bluesky", "x"])
    sha = library.add_asset(path).sha
    library.attach_asset(draft.id, sha, alt)
    library.set_focal_point(sha, 0.8, 0.5)
    library.set_crop(sha, preset_for("instagram"), Crop(0.55, 0.1, 0.4, 0.5))
    return draft.id, sha


def test_instagram_shows_no_clickable_link_and_folds_at_its_cut(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show_looks([_look("instagram", (TEXT,)), _look("bluesky", (TEXT[:280],))])
    instagram, bluesky = panel.cards
    caption = instagram.text_labels[0].text()
    assert "<a " not in caption and "href" not in caption  # captions are never links there
    assert instagram.folded == [True] and caption.endswith(">more</span>")
    assert not instagram.link_cards
    assert "<a href=\"https://acmeshoes.com/shoes/trail-runner-2026?colour=red\"" in bluesky.text_labels[0].text()
    assert ">acmeshoes.com/shoes/trai…</a>" in bluesky.text_labels[0].text()  # shortened as Bluesky shows it
    assert [card.card.host for card in bluesky.link_cards] == ["acmeshoes.com"]
    assert "#trail</span>" in caption and "@bob</span>" in caption  # tags and mentions coloured


@pytest.mark.parametrize("network", ["instagram", "linkedin", "facebook", "tiktok", "youtube-description"])
def test_the_fold_comes_only_past_the_networks_cut(qtbot: QtBot, network: str) -> None:
    fold = style_for(network).fold
    assert fold is not None
    short, long = "word " * ((fold - 10) // 5), "word " * (fold // 5 + 10)
    panel = _panel(qtbot)
    panel.show_looks([_look(network, (short.strip(),)), _look(network, (long.strip(),))])
    assert [card.folded for card in panel.cards] == [[False], [True]]


def test_typing_changes_the_text_in_place(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show_looks([_look("instagram", ("Hello",)), _look("x", ("Hello",))])
    cards = list(panel.cards)
    panel.show_looks([_look("instagram", ("Hello there #trail",)), _look("x", ("Hello there",))])
    assert panel.cards == cards  # the same widgets: a pause in the typing builds nothing
    assert "#trail</span>" in cards[0].text_labels[0].text() and cards[0].text_labels[0].text().startswith("<b>acme")
    panel.show_looks([_look("instagram", ("Hello there",)), _look("x", (f"Hello {LINK}",))])
    assert panel.cards != cards and len(panel.cards[1].link_cards) == 1  # a new link: a new card


def test_a_thread_shows_part_by_part(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show_looks([_look("x", ("One 1/3", "Two 2/3", f"Three 3/3 {LINK}"))])
    (card,) = panel.cards
    assert [label.text().split(" <a")[0] for label in card.text_labels] == ["One 1/3", "Two 2/3", "Three 3/3"]
    assert len(card.link_cards) == 1  # the part with the link gets its card


def test_the_image_is_the_rendition_that_will_be_sent(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    library = context.library
    draft_id, sha = _photo(library, tmp_path, alt="Red trail shoes on a rock")
    draft = library.get_draft(draft_id)
    panel = _panel(qtbot, context)
    looks = [_look(n, parts_for(draft, n), assets=draft.assets) for n in ("instagram", "bluesky")]
    with qtbot.waitSignal(panel.images_shown, timeout=30_000):
        panel.show_looks(looks)
    for card in panel.cards:
        (tile,) = card.findChildren(ImageTile)
        sent = rendition(library, sha, card.look.network)  # what the publisher's media_for sends
        assert tile.rendered.path == sent
        with Image.open(sent) as image:
            assert (tile.rendered.width, tile.rendered.height) == image.size
            shown = tile.pixmap()
            assert abs(shown.width() / shown.height() - image.width / image.height) < 0.02
        assert tile.badge.text() == "ALT"
    instagram = panel.cards[0].findChildren(ImageTile)[0].rendered
    red = instagram.image.pixelColor(instagram.image.width() // 2, instagram.image.height() // 2)
    assert red.red() > 180 and red.blue() < 90  # the user's crop (right, red half), not the middle


def test_a_missing_alt_text_gets_a_warning_badge_and_images_do_not_block(qtbot: QtBot, context: AppContext,
                                                                         tmp_path: Path) -> None:
    draft_id, _ = _photo(context.library, tmp_path)
    draft = context.library.get_draft(draft_id)
    panel = _panel(qtbot, context)
    look = _look("x", parts_for(draft, "x"), assets=draft.assets)
    panel.show_looks([look])
    assert not panel.cards[0].tiles  # the text is there at once; the rendition is still being made
    assert panel.cards[0].text_labels
    qtbot.waitUntil(lambda: bool(panel.cards[0].tiles), timeout=30_000)
    assert "No alt text" in panel.cards[0].tiles[0].badge.text()
    panel.show_looks([look])  # the next pause in the typing: the images are there at once
    assert panel.cards[0].tiles


def test_the_account_posts_with_its_name_and_avatar(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    Image.new("RGB", (96, 96), (10, 200, 30)).save(tmp_path / "avatar.png")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    library = context.library
    client = library.add_client("Acme Shoes")
    account = library.add_account(client.id, "bluesky", "acme.bsky.social", display_name="Acme Trail Team",
                                  settings={"avatar_url": f"http://127.0.0.1:{server.server_port}/avatar.png"})
    panel = _panel(qtbot, context)
    with qtbot.waitSignal(panel.images_shown, timeout=10_000):
        panel.show_looks([_look("bluesky", ("Hello",), client_id=client.id), _look("x", ("Hello",),
                                                                                     client_id=client.id)])
    bluesky, x = (card.findChild(type(card.text_labels[0]), "previewWho").text() for card in panel.cards)
    assert "Acme Trail Team" in bluesky and "@acme.bsky.social" in bluesky and account.id
    assert "Acme Shoes" in x  # no X account: the client's name
    server.shutdown()
    server.server_close()
    who = panel.cards[0].who
    assert who is not None and who.avatar is not None and who.avatar.pixelColor(48, 48).green() > 180
    assert panel.cards[1].who is None


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_networks_preview_at_1366x768(qtbot: QtBot, context: AppContext, tmp_path: Path, dark: bool,
                                            screenshot: Callable[[Any, str], Path]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "dark" if dark else "light")
    try:
        draft_id, _ = _photo(context.library, tmp_path, alt="Red trail shoes")
        draft = context.library.get_draft(draft_id)
        client = context.library.get_client(draft.client_id)
        every = [n for n, _ in networks()]
        looks = [_look(n, parts_for(draft, n), assets=draft.assets, client_id=client.id) for n in every]
        looks.append(_look("bluesky", ("First part 1/2 #trail", f"Second part 2/2 {LINK}")))
        looks += [_look("instagram", parts_for(draft, "instagram"), assets=draft.assets, channel=channel)
                  for channel in ("folder", "webhook")]
        panel = _panel(qtbot, context)
        panel.resize(560, 760)
        panel.show()
        with qtbot.waitSignal(panel.images_shown, timeout=60_000):
            panel.show_looks(looks)
        qtbot.wait(100)
        for card in panel.cards:
            name = f"preview-{card.look.channel or card.look.network}-{len(card.look.parts)}"
            screenshot(card, f"{name}-{'dark' if dark else 'light'}.png")
        assert len(panel.cards) == len(looks)
    finally:
        theme.apply_theme(app, "light")


def test_each_rendition_is_made_once_while_the_text_changes(qtbot: QtBot, context: AppContext, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from studio.publishing import renditions

    draft_id, _ = _photo(context.library, tmp_path, alt="Shoes")
    draft = context.library.get_draft(draft_id)
    made: list[str] = []
    media_for = renditions.media_for
    monkeypatch.setattr(renditions, "media_for", lambda *args: made.append(args[2]) or media_for(*args))
    panel = _panel(qtbot, context)
    for text in ("Look", "Look at", "Look at this"):  # what each pause in the typing shows
        with qtbot.waitSignal(panel.images_shown, timeout=30_000):
            panel.show_looks([_look(n, (text,), assets=draft.assets) for n in ("x", "instagram")])
    assert made == ["x", "instagram"]  # once per (asset, crop, preset), not once per pause
    context.library.set_crop(draft.assets[0].sha, preset_for("instagram"), Crop(0.0, 0.0, 0.5, 0.5))
    with qtbot.waitSignal(panel.images_shown, timeout=30_000):
        panel.show_looks([_look(n, ("Look",), assets=draft.assets) for n in ("x", "instagram")])
    assert made == ["x", "instagram", "instagram"]  # a new crop: a new rendition


def test_a_switch_to_dark_rebuilds_the_cards_in_dark_colours(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    panel = _panel(qtbot)
    panel.show()
    panel.show_looks([_look("linkedin", (f"Hello #trail {LINK}",))])
    (card,) = panel.cards
    light = card.text_labels[0].text()
    assert "#0a66c2" in light  # LinkedIn's blue on white
    try:
        theme.apply_theme(app, "dark")
        qtbot.waitUntil(lambda: "#0a66c2" not in card.text_labels[0].text(), timeout=5_000)
    finally:
        theme.apply_theme(app, "light")
    qtbot.waitUntil(lambda: card.text_labels[0].text() == light, timeout=5_000)
