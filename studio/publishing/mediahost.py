"""The media host: a bucket of the user's own for the networks that fetch images by URL.

Instagram and Threads do not take an upload: they fetch each image from a public URL while they
make the post. Studio puts the rendition it was handed into an S3-compatible bucket (AWS S3,
Cloudflare R2, Backblaze B2, MinIO) under a random name, gives the network a presigned URL valid for
a few minutes, and deletes the object once the post is out or has finally failed. Objects live
under ``studio/<idempotency key>/``, so the next attempt of the same post also sweeps what a killed
one left behind.

Where it is set: the account's settings hold ``media_host`` (endpoint, bucket, region; nothing
secret); the access key pair is in the keyring under :func:`secret_ref` of the account's entry.
"""

from __future__ import annotations

import json
import logging
import secrets as random_names
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.errors import StudioError

log = logging.getLogger(__name__)

URL_MINUTES = 15  # long enough for the network to fetch, short enough to be useless if it leaks
UPLOAD_TRIES = 3
PREFIX = "studio/"
NETWORKS = frozenset({"instagram", "threads"})  # the networks that fetch images by URL


class MediaHostProblem(StudioError):
    """The bucket cannot be reached, refused the keys, or an upload failed after its retries."""


@dataclass(frozen=True)
class Hosted:
    """One object in the bucket and the presigned URL the network fetches it from."""

    key: str
    url: str


def secret_ref(account_secret_ref: str) -> str:
    """The keyring entry that holds the bucket's key pair for an account."""
    return f"{account_secret_ref}#mediahost"


def needs_media_host(network: str, has_images: bool) -> bool:
    return network in NETWORKS and has_images


def configured(settings: Mapping[str, Any]) -> bool:
    host = settings.get("media_host")
    return isinstance(host, Mapping) and bool(host.get("bucket"))


class MediaHost:
    """One bucket. ``settings`` is the account's ``media_host`` entry; ``keys`` the key pair."""

    def __init__(self, settings: Mapping[str, Any], access_key_id: str, secret_access_key: str,
                 url_minutes: int = URL_MINUTES, timeout: float = 30.0) -> None:
        import boto3
        from botocore.config import Config

        self.bucket = str(settings.get("bucket") or "")
        if not self.bucket:
            raise MediaHostProblem("The media host has no bucket.", "Enter the bucket's name in the account's settings.")
        self.url_seconds = int(url_minutes * 60)
        endpoint = str(settings.get("endpoint") or "") or None
        self._client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=str(settings.get("region") or "us-east-1"),
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            config=Config(
                signature_version="s3v4",
                connect_timeout=timeout,
                read_timeout=timeout,
                retries={"mode": "standard", "max_attempts": 2},
                # Path-style works on every S3-compatible server (MinIO, R2, B2) and on AWS.
                s3={"addressing_style": str(settings.get("addressing_style") or "path")},
            ),
        )

    @classmethod
    def for_account(cls, settings: Mapping[str, Any], account_secret_ref: str) -> MediaHost | None:
        """The account's media host with its keys from the keyring; ``None`` when none is set."""
        if not configured(settings):
            return None
        return cls(settings["media_host"], *load_keys(account_secret_ref))

    # ---- calls -------------------------------------------------------------------------------

    def verify(self) -> None:
        """Check the bucket exists and the keys may write to it (a tiny object, put then deleted)."""
        key = f"{PREFIX}check-{random_names.token_hex(8)}"
        try:
            self._client.put_object(Bucket=self.bucket, Key=key, Body=b"studio")
            self._client.delete_object(Bucket=self.bucket, Key=key)
        except Exception as error:
            raise MediaHostProblem(f"The media host refused a test upload: {_reason(error)}.",
                                   "Check the endpoint, the bucket's name and the keys.") from None

    def upload(self, path: Path, mime: str, group: str) -> Hosted:
        """Put ``path`` under a random name in ``group`` (the post's key); retried a few times
        (each try is a whole PUT of the same new name, so a repeat cannot leave two objects)."""
        suffix = path.suffix.lower() if path.suffix else ""
        key = f"{PREFIX}{_safe(group)}/{random_names.token_urlsafe(18)}{suffix}"
        data = path.read_bytes()
        last: Exception | None = None
        for attempt in range(UPLOAD_TRIES):
            try:
                self._client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=mime)
                break
            except Exception as error:  # botocore's errors have no useful common base for callers
                last = error
                log.info("Media host upload failed (try %s of %s): %s", attempt + 1, UPLOAD_TRIES, _reason(error))
                time.sleep(min(2.0, 0.2 * 2**attempt))
        else:
            raise MediaHostProblem(f"Could not upload an image to the media host: {_reason(last)}.",
                                   "Check the media host, then retry the post.")
        url = self._client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=self.url_seconds
        )
        return Hosted(key, str(url))

    def delete_group(self, group: str) -> int:
        """Delete every object of one post (this attempt's and any a killed attempt left)."""
        prefix = f"{PREFIX}{_safe(group)}/"
        deleted = 0
        try:
            listing = self._client.list_objects_v2(Bucket=self.bucket, Prefix=prefix)
            keys = [item["Key"] for item in listing.get("Contents") or []]
            if keys:
                self._client.delete_objects(Bucket=self.bucket, Delete={"Objects": [{"Key": k} for k in keys]})
                deleted = len(keys)
        except Exception as error:
            # Left for the next attempt or the next post's sweep; the URLs expire in minutes anyway.
            log.warning("Could not delete hosted images of %s: %s", group, _reason(error))
        return deleted

    def keys(self) -> list[str]:
        """Every object Studio has in the bucket (tests and the "media host" check)."""
        listing = self._client.list_objects_v2(Bucket=self.bucket, Prefix=PREFIX)
        return [str(item["Key"]) for item in listing.get("Contents") or []]


def load_keys(account_secret_ref: str) -> tuple[str, str]:
    """The media host's (access key id, secret access key) from the keyring."""
    from studio import secrets

    try:
        pair = json.loads(secrets.load(secret_ref(account_secret_ref)))
    except secrets.SecretMissing:
        raise MediaHostProblem(
            "The media host's keys are missing from the system keyring.",
            "Enter them again in the account's media host settings.",
        ) from None
    except ValueError:
        raise MediaHostProblem("The media host's keys in the keyring are damaged.",
                               "Enter them again in the account's media host settings.") from None
    return str(pair.get("access_key_id") or ""), str(pair.get("secret_access_key") or "")


def store_keys(account_secret_ref: str, access_key_id: str, secret_access_key: str) -> None:
    from studio import secrets

    secrets.store(secret_ref(account_secret_ref),
                  json.dumps({"access_key_id": access_key_id, "secret_access_key": secret_access_key}))


def _safe(group: str) -> str:
    return "".join(c for c in group if c.isalnum() or c in "-_")[:80] or "post"


def _reason(error: BaseException | None) -> str:
    if error is None:
        return "unknown error"
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        code = (response.get("Error") or {}).get("Code")
        status = (response.get("ResponseMetadata") or {}).get("HTTPStatusCode")
        if code or status:
            return f"{code or 'error'} (HTTP {status})"
    text = str(error)
    if "Could not connect" in text or "Connection refused" in text:
        return "the server could not be reached"
    return type(error).__name__
