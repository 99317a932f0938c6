"""Folder: a ready-to-post package for networks posted by hand.

Each post becomes one folder: ``post.txt`` (the text, or the thread's parts), the images with their
alt text in ``alt-text.txt``, and ``reminder.ics`` (a calendar event at the scheduled time with an
alarm). The package is written in a hidden temporary folder and renamed into place, and it is named
after the post's idempotency key, so a repeat finds it and never writes a second one.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from studio.publishing.base import (
    AccountInfo,
    ConnectionProblem,
    Credentials,
    Outcome,
    PartCallback,
    Permanent,
    Post,
    Published,
    RetryLater,
    Sent,
)

EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}


def _slug(text: str) -> str:
    words = re.sub(r"[^\w\s-]", "", text, flags=re.UNICODE).split()
    return "-".join(words)[:40].strip("-") or "post"


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def reminder_ics(post: Post, summary: str) -> str:
    start = post.scheduled_at.astimezone(UTC)
    stamp = "%Y%m%dT%H%M%SZ"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Studio//Publishing//EN",
        "BEGIN:VEVENT",
        f"UID:{post.idempotency_key}@studio",
        f"DTSTAMP:{datetime.now(UTC).strftime(stamp)}",
        f"DTSTART:{start.strftime(stamp)}",
        f"DTEND:{(start + timedelta(minutes=15)).strftime(stamp)}",
        f"SUMMARY:{_ics_text(summary)}",
        f"DESCRIPTION:{_ics_text(post.parts[0].text if post.parts else '')[:1000]}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_ics_text(summary)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


class FolderMissing(ConnectionProblem):
    """The account's folder does not exist (yet)."""


def create_folder(path: str) -> None:
    """Create a folder account's folder, once the user said yes."""
    try:
        Path(path).expanduser().mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConnectionProblem(f"The folder {path} cannot be created ({error.strerror}).",
                                "Choose a folder you may write to.") from None


class FolderPublisher:
    """Writes packages under ``account.server_url`` (a folder path)."""

    network = "folder"
    idempotent = True

    def __init__(self, account: Credentials) -> None:
        self._account = account
        self._root = Path(account.server_url).expanduser()

    def verify(self) -> AccountInfo:
        """Checks the folder is there and writable; a missing folder is not created here (the
        connect dialog asks first, then calls :func:`create_folder`)."""
        if not self._root.is_dir():
            raise FolderMissing(f"The folder {self._root} does not exist.", "Create it, or choose another folder.")
        if not os.access(self._root, os.W_OK):
            raise ConnectionProblem(f"The folder {self._root} cannot be written.", "Choose a folder you may write to.")
        return AccountInfo(handle=self._account.handle or self._root.name, display_name=str(self._root))

    def package_name(self, post: Post) -> str:
        """"<date> <time> <title> <key>", the time in the user's zone (as the calendar shows it)."""
        from studio.library.times import local_zone

        when = post.scheduled_at.astimezone(local_zone()).strftime("%Y-%m-%d %H%M")
        return f"{when} {_slug(post.title or (post.parts[0].text if post.parts else ''))} {post.idempotency_key[:8]}"

    def written(self, post: Post) -> Path | None:
        """The package an earlier attempt wrote for ``post``, found by its key: the date and title
        in the name may have changed since (a reschedule, an edit). The name holds 8 characters
        of the key; the whole key, in the reminder's UID, confirms it is this post's."""
        uid = f"UID:{post.idempotency_key}@studio".encode()
        try:
            for path in self._root.glob(f"* {glob.escape(post.idempotency_key[:8])}*"):
                with contextlib.suppress(OSError):
                    if uid in (path / "reminder.ics").read_bytes():
                        return path
        except OSError:
            pass
        return None

    def publish(self, post: Post, on_part: PartCallback) -> Outcome:
        final = self.written(post)
        if final is None:
            final = self._root / self.package_name(post)
            if final.exists():  # another post's package by the same name: the whole key tells them apart
                final = final.with_name(f"{final.name}-{post.idempotency_key}")
            try:
                self._write(post, final)
            except FileNotFoundError as error:
                return Permanent(f"An image is missing ({error.filename}). Export the image again.")
            except OSError as error:
                return RetryLater(f"The package could not be written to {self._root} ({error.strerror}).")
        done = Sent(final.name, final.as_uri())
        on_part(0, done)
        return Published(done.remote_id, done.remote_url, (done,))

    def _write(self, post: Post, final: Path) -> None:
        self._root.mkdir(parents=True, exist_ok=True)
        temporary = self._root / f".partial-{post.idempotency_key}"
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir()
        try:
            texts, alts, number = [], [], 0
            for index, part in enumerate(post.parts, 1):
                texts.append(part.text if len(post.parts) == 1 else f"[{index}/{len(post.parts)}]\n{part.text}")
                for media in part.media:
                    number += 1
                    name = f"{number:02d}{EXTENSIONS.get(media.mime, media.path.suffix)}"
                    shutil.copyfile(media.path, temporary / name)
                    alts.append(f"{name}: {media.alt}" if media.alt else f"{name}: (no alt text)")
            (temporary / "post.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
            if alts:
                (temporary / "alt-text.txt").write_text("\n".join(alts) + "\n", encoding="utf-8")
            summary = f"Post to {self._account.handle or 'your network'}: {post.title or _slug(post.parts[0].text)}"
            (temporary / "reminder.ics").write_text(reminder_ics(post, summary), encoding="utf-8", newline="")
            os.rename(temporary, final)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
