"""The images a preview shows: the renditions the publisher will send, made by the same call
(:func:`studio.publishing.renditions.media_for`), decoded at the preview's size. Runs on a pool
thread (plain data in, plain data and ``QImage`` out), and skips what the panel has already made:
an image is known by its asset, its crop and focal point, and its preset."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QImageReader

from studio.errors import in_words
from studio.model import Account, AttachedAsset

if TYPE_CHECKING:
    from studio.library import Library

SHOWN = 720  # the longest side a preview decodes a rendition at (sharp on a 2x screen at 360 px)
AVATAR_PIXELS = 96

Key = tuple[str, str, str]  # (asset sha, crop and focal point, preset id)


@dataclass(frozen=True)
class Rendered:
    """One image as it will be sent: the rendition's file and pixel size, and its alt text."""

    key: Key
    path: Path
    width: int
    height: int
    alt: str
    image: QImage  # the rendition decoded at most SHOWN pixels wide or high
    problem: str = ""  # why there is no rendition (the image is missing, unreadable...)


@dataclass(frozen=True)
class Who:
    """Who posts: the account where the post goes through one, else the client."""

    name: str
    handle: str
    avatar: QImage | None = None
    avatar_url: str = ""


@dataclass(frozen=True)
class Wanted:
    """What one preview needs made: its target's renditions, and the account that posts it."""

    target: str
    assets: tuple[AttachedAsset, ...]
    client_id: int | None = None
    account_id: int | None = None


@dataclass(frozen=True)
class Made:
    """The answer for one :class:`Wanted`."""

    images: tuple[Rendered, ...]
    who: Who | None = None


def key_of(library: Library, sha: str, target: str) -> Key:
    """What a rendition of ``sha`` for ``target`` depends on (the crop, focal point and preset)."""
    from studio.publishing.renditions import preset_for

    asset = library.get_asset(sha)
    crops = library.get_crops(sha)
    preset = preset_for(target, crops)
    return sha, repr((crops.get(preset), asset.focal_x, asset.focal_y)), preset


def decode(path: Path, longest: int = SHOWN) -> tuple[QImage, int, int]:
    """The image at ``path`` scaled to fit ``longest``, with the file's own width and height."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.width() > longest or size.height() > longest:
        reader.setScaledSize(size.scaled(longest, longest, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read(), size.width(), size.height()


def make_images(library: Library, assets: Sequence[AttachedAsset], target: str,
                known: Mapping[Key, Rendered]) -> tuple[Rendered, ...]:
    """The renditions of ``assets`` for ``target`` as the publisher gets them (on a pool thread)."""
    from studio.publishing.renditions import media_for

    made = []
    for attached in sorted(assets, key=lambda a: a.position):
        key: Key = (attached.sha, "", "")
        try:
            key = key_of(library, attached.sha, target)
            if key in known:
                made.append(replace(known[key], alt=attached.alt_text))
                continue
            media = media_for(library, attached, target)  # the publisher's own call
            image, width, height = decode(media.path)
            made.append(Rendered(key, media.path, width, height, attached.alt_text, image))
        except Exception as error:  # one bad image must not hide the others' previews
            made.append(Rendered(key, Path(), 0, 0, attached.alt_text, QImage(),
                                 in_words(error, QCoreApplication.translate("PreviewsPanel", "This image could not be made"))))
    return tuple(made)


def who_posts(library: Library, wanted: Wanted, avatars: Mapping[str, QImage]) -> Who | None:
    """The account that posts ``wanted`` (given, or the client's account for its target), with its
    avatar (fetched once per address); ``None``: no account, the client posts."""
    from studio.publishing.renditions import target_of

    account: Account | None = None
    if wanted.account_id is not None:
        account = library.get_account(wanted.account_id)
    elif wanted.client_id is not None:
        for candidate in library.list_accounts(wanted.client_id):
            if target_of(candidate.network, candidate.settings) == wanted.target:
                account = candidate
                break
    if account is None:
        return None
    url = str(account.settings.get("avatar_url") or "")
    avatar = avatars.get(url) if url else None
    if url and url not in avatars:  # asked once a session: a failure is remembered as a null image
        from studio.publishing.accounts import fetch_avatar

        try:
            data = fetch_avatar(url, timeout=5.0)
        except Exception:  # offline, or the server is gone: the initials are shown instead
            data = None
        avatar = QImage.fromData(data).scaled(AVATAR_PIXELS, AVATAR_PIXELS) if data else QImage()
    return Who(account.display_name or account.handle, account.handle, avatar, url)


def make_all(library: Library, wanted: Sequence[Wanted], known: Mapping[Key, Rendered],
             avatars: Mapping[str, QImage]) -> list[Made]:
    """Everything the previews need, for each :class:`Wanted` in order (on a pool thread)."""
    done: dict[Key, Rendered] = dict(known)
    answers = []
    for item in wanted:
        images = make_images(library, item.assets, item.target, done)
        done.update((image.key, image) for image in images if not image.problem)
        answers.append(Made(images, who_posts(library, item, avatars)))
    return answers
