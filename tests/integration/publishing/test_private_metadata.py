"""Private image metadata never leaves Studio (issue 11's privacy defect).

One photo with a GPS position, a camera and a photographer in its EXIF is published through every
publisher: the Mastodon and Telegram test servers, the real Bluesky PDS, a webhook receiver and two
folder accounts. Every image that left is read back from where it arrived: none holds EXIF (GPS,
camera, photographer), and each has the size of the preset for the account's network version, cut
with the user's crop where there is one.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image
from servers.base import FakeServer, Request, Response
from servers.library import add_account, due_post, open_library
from servers.mastodon import FakeMastodon
from servers.pds import PDS
from servers.telegram import FakeTelegram

from studio.imaging.geometry import Crop
from studio.imaging.presets import get_preset
from studio.library import Library
from studio.publishing.renditions import DEFAULT_PRESET, preset_for
from studio.publishing.runner import Runner
from studio.publishing.webhook import SIGNATURE_HEADER, verify_signature

SECRET = "whsec-private-test"
CAMERA = b"PrivateCam 3000"
PHOTOGRAPHER = b"Siti Photographer"


class Receiver(FakeServer):
    """A webhook receiver that keeps the signed bodies it accepted."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[dict[str, object]] = []
        self.route("POST", r"/hook", self._hook)

    def _hook(self, request: Request, match: re.Match[str]) -> Response:
        if not verify_signature(SECRET, request.body, request.headers.get(SIGNATURE_HEADER.lower(), "")):
            return Response(401, {"error": "bad signature"})
        self.bodies.append(request.json)
        return Response(200, {"id": f"run-{len(self.bodies)}"})


def gps_photo(path: Path, size: tuple[int, int] = (4000, 3000)) -> Path:
    """A JPEG as a phone makes it: camera, photographer and a GPS position in its EXIF."""
    image = Image.new("RGB", size)
    pixels = image.load()
    assert pixels is not None
    for x in range(0, size[0], 40):  # some structure, so the encoder has real work
        for y in range(0, size[1], 40):
            pixels[x, y] = (x % 256, y % 256, (x + y) % 256)
    exif = Image.Exif()
    exif[0x010F] = CAMERA.decode()  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x013B] = PHOTOGRAPHER.decode()  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 10.0, 30.0)  # Jakarta
    gps[3], gps[4] = "E", (106.0, 49.0, 0.0)
    image.save(path, "JPEG", exif=exif.tobytes(), quality=85)
    with Image.open(path) as check:  # the fixture really carries what must not leave
        assert 0x8825 in check.getexif() and check.getexif()[0x010F] == CAMERA.decode()
    return path


def assert_clean(data: bytes, preset_id: str, where: str) -> None:
    assert CAMERA not in data and PHOTOGRAPHER not in data, f"{where}: EXIF text left in the file"
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert 0x8825 not in exif and 0x010F not in exif and 0x013B not in exif, f"{where}: EXIF {dict(exif)}"
        assert "exif" not in image.info or CAMERA not in image.info["exif"], where
        preset = get_preset(preset_id)
        assert image.size == (preset.width, preset.height), f"{where}: {image.size} is not {preset_id}'s size"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "library")
    yield lib
    lib.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    server.start()
    yield server
    server.stop()


def test_every_publisher_sends_renditions_without_private_metadata(
    library: Library, tmp_path: Path, mastodon_server: FakeMastodon, telegram_server: FakeTelegram,
    receiver: Receiver, pds: PDS,
) -> None:
    photo = gps_photo(tmp_path / "IMG_0001.jpg")
    handle, password, did = pds.create_account("privacy")
    folder_root, plain_root = tmp_path / "instagram by hand", tmp_path / "base text by hand"
    accounts = {
        "mastodon": add_account(library, "mastodon", mastodon_server.url, "studio", mastodon_server.token),
        "telegram": add_account(library, "telegram", telegram_server.url, "channel", telegram_server.token,
                                {"chat_id": telegram_server.chat_id}),
        "bluesky": add_account(library, "bluesky", pds.url, handle, password),
        "webhook": add_account(library, "webhook", f"{receiver.url}/hook", "zapier", SECRET, {"variant": "x"}),
        "folder": add_account(library, "folder", str(folder_root), "Instagram", "", {"variant": "instagram"}),
        "plain folder": add_account(library, "folder", str(plain_root), "By hand", ""),
    }
    # The user cropped the photo by hand for Instagram's square feed: the folder must get that crop.
    sha = library.add_asset(photo).sha
    library.set_crop(sha, "instagram.feed-square", Crop(0.1, 0.1, 0.45, 0.6))
    library.set_focal_point(sha, 0.3, 0.3)
    for name, account in accounts.items():
        due_post(library, account, f"Photo for {name}", images=[(photo, "A street in Jakarta")])
    report = Runner(library).run_due()
    assert sorted(result.state for result in report.results) == ["published"] * len(accounts), report.to_json()

    left: list[tuple[str, bytes, str]] = []  # (where, bytes, expected preset)
    for request in mastodon_server.requests:
        left += [("mastodon", data, "mastodon.post") for _name, _mime, data in request.files.values()]
    for request in telegram_server.requests:
        left += [("telegram", data, "telegram.photo") for _name, _mime, data in request.files.values()]
    for record in pds.list_posts(did):
        for image in record["value"]["embed"]["images"]:  # type: ignore[index]
            cid = image["image"]["ref"]["$link"]
            blob = httpx.get(f"{pds.url}/xrpc/com.atproto.sync.getBlob", params={"did": did, "cid": cid}, timeout=30)
            blob.raise_for_status()
            left.append(("bluesky", blob.content, "bluesky.post"))
    for body in receiver.bodies:
        for image in body["images"]:  # type: ignore[attr-defined]
            left.append(("webhook", base64.b64decode(image["data_base64"]), "x.post"))
    for root, preset_id in ((folder_root, "instagram.feed-square"), (plain_root, DEFAULT_PRESET)):
        for path in root.glob("*/*"):
            if path.suffix in (".jpg", ".png", ".webp"):
                left.append((f"folder {root.name}", path.read_bytes(), preset_id))
    assert sorted({where for where, _data, _preset in left}) == sorted(
        ["mastodon", "telegram", "bluesky", "webhook", f"folder {folder_root.name}", f"folder {plain_root.name}"]
    )
    original = photo.read_bytes()
    for where, data, preset_id in left:
        assert data != original, f"{where} got the original photo"
        assert_clean(data, preset_id, where)


def test_the_preset_follows_the_network_version_and_the_users_crop() -> None:
    assert preset_for("mastodon") == "mastodon.post"
    assert preset_for("telegram-caption") == "telegram.photo"
    assert preset_for("instagram") == "instagram.feed-portrait"
    assert preset_for("instagram", {"instagram.feed-square": object()}) == "instagram.feed-square"
    assert preset_for("") == DEFAULT_PRESET and preset_for("youtube-title") == "youtube.thumbnail"
