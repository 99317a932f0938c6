"""Reply codes: a review pack's answers as one short, signed line, checked and applied here.

A code reads ``STUDIO1-<payload>.<signature>``: the payload is URL-safe base64 of the JSON
``{"p": pack id, "n": reviewer's name, "a": [[draft id, "a"|"c"|"r", hash, comment], ...]}`` (hash:
the first 12 hex digits of the post's content hash in the pack), the signature the first 16 bytes
of HMAC-SHA256 over the payload's text, URL-safe base64, with the pack's key.

The pack's key is derived from one secret kept in the OS keyring (``review-packs``), so the library
keeps no key at all and each pack has its own: ``HMAC-SHA256(secret, "studio-review-pack:" + id)``.
The key is inside the pack (the browser signs with it), so the signature tells an untouched code
from one edited on the way (a changed letter, "Reject" turned into "Approve" by someone without the
pack); it does not prove who answered: anyone the pack is forwarded to can answer it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from studio.errors import StudioError
from studio.library.store import utc_now

PREFIX = "STUDIO1-"
CODE_RE = re.compile(r"STUDIO1-([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})")  # 16 bytes of signature
SECRET_REF = "review-packs"
HASH_DIGITS = 12
VERDICTS = {"a": "approved", "c": "changes requested", "r": "rejected"}


class ReplyError(StudioError):
    """A reply code that cannot be used; the message says why."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _secret() -> bytes:
    """The keyring secret packs' keys are derived from (made on first use)."""
    from studio import secrets

    try:
        return bytes.fromhex(secrets.load(SECRET_REF))
    except secrets.SecretMissing:
        value = os.urandom(32).hex()
        secrets.store(SECRET_REF, value)
        return bytes.fromhex(value)


def pack_key(pack_id: str) -> bytes:
    return hmac.new(_secret(), f"studio-review-pack:{pack_id}".encode(), hashlib.sha256).digest()


def sign(key: bytes, payload: str) -> str:
    return _b64(hmac.new(key, payload.encode("ascii"), hashlib.sha256).digest()[:16])


def make_code(key: bytes, pack_id: str, name: str, answers: list[list[Any]]) -> str:
    """A code as the pack's page makes it (for tests and for answers typed into Studio)."""
    payload = _b64(json.dumps({"p": pack_id, "n": name, "a": answers}, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8"))
    return f"{PREFIX}{payload}.{sign(key, payload)}"


@dataclass(frozen=True)
class Answer:
    draft_id: int
    verdict: str  # "a", "c" or "r"
    comment: str
    applied: bool
    reason: str = ""  # why it was not applied


@dataclass
class ImportReport:
    pack_id: str
    reviewer: str
    answers: list[Answer] = field(default_factory=list)

    @property
    def applied(self) -> list[Answer]:
        return [a for a in self.answers if a.applied]

    @property
    def flagged(self) -> list[Answer]:
        return [a for a in self.answers if not a.applied]

    def to_json(self) -> dict[str, Any]:
        return {"pack": self.pack_id, "reviewer": self.reviewer,
                "answers": [dict(a.__dict__, verdict=VERDICTS[a.verdict]) for a in self.answers]}


def read_code(text: str) -> tuple[str, str]:
    """The payload and signature of the code in ``text`` (a pasted message may hold more words)."""
    found = CODE_RE.search("".join(text.split()))  # a chat app may have wrapped it
    if found is None:
        raise ReplyError("This is not a Studio reply code.", "Paste the whole code, starting with STUDIO1-.")
    return found.group(1), found.group(2)


def verify(library: Any, text: str) -> tuple[str, dict[str, Any], dict[int, dict[str, Any]]]:
    """Check a code's signature: ``(payload, data, pack's posts)`` or :class:`ReplyError`."""
    payload, signature = read_code(text)
    try:
        data = json.loads(_unb64(payload).decode("utf-8"))
        pack_id = str(data["p"])
    except (ValueError, KeyError, TypeError):
        raise ReplyError("Studio cannot trust this reply code: part of it is missing or changed.",
                         "Ask the client to copy the whole code again.") from None
    rows = library.query("SELECT posts FROM review_packs WHERE id = ?", (pack_id,))
    if not rows:
        raise ReplyError("Studio cannot trust this reply code: it matches no review pack of this library "
                         "(it was changed on the way, or the pack was made in another library).",
                         "Ask the client to copy the code from the review pack again.")
    if not hmac.compare_digest(sign(pack_key(pack_id), payload), signature):
        raise ReplyError("Studio cannot trust this reply code: it was changed after the client made it.",
                         "Ask the client to copy the code from the review pack again.")
    posts = {int(k): v for k, v in json.loads(rows[0][0]).items()}
    return payload, data, posts


def import_code(library: Any, text: str) -> ImportReport:
    """Verify a reply code and apply each answer to its draft: Approve records an approval of the
    version the pack showed, Request changes and Reject add the comment and move the draft back.
    An answer for a post changed since the pack was made is flagged, not applied. All or nothing."""
    from studio.review import approval, comments
    from studio.review.content import content_hash, published_content, still_approved

    payload, data, posts = verify(library, text)
    code_hash = hashlib.sha256(payload.encode()).hexdigest()
    if library.query("SELECT 1 FROM review_imports WHERE code_hash = ?", (code_hash,)):
        raise ReplyError("This reply code was imported already.", "Nothing was changed.")
    name = " ".join(str(data.get("n") or "").split())[:80]
    pack_id = str(data["p"])
    client = library.query("SELECT c.name FROM review_packs p JOIN clients c ON c.id = p.client_id WHERE p.id = ?",
                           (pack_id,))
    author = f"{name or (client[0][0] if client else 'Client')} (client)"
    report = ImportReport(pack_id, author)
    with library.transaction() as conn:
        refused = False
        for item in data.get("a") or []:
            try:
                draft_id, verdict, digest, comment = int(item[0]), str(item[1]), str(item[2]), str(item[3] or "")
            except (ValueError, TypeError, IndexError):
                raise ReplyError("This reply code holds an answer Studio cannot read.") from None
            shown = posts.get(draft_id)
            if verdict not in VERDICTS or shown is None:
                report.answers.append(Answer(draft_id, verdict if verdict in VERDICTS else "c", comment, False,
                                             "This post was not in the pack."))
                continue
            if content_hash(shown)[:HASH_DIGITS] != digest:
                report.answers.append(Answer(draft_id, verdict, comment, False,
                                             "The answer is for another version of the post."))
                continue
            try:
                current = published_content(library, draft_id)
            except StudioError:
                report.answers.append(Answer(draft_id, verdict, comment, False, "The post was deleted."))
                continue
            if not still_approved(shown, current):
                report.answers.append(Answer(draft_id, verdict, comment, False,
                                             "The post was edited after the pack was made: show the client the "
                                             "new version."))
                continue
            if verdict == "a":  # in a team library, only an approver records a client's approval
                from studio.team import Refused
                from studio.team.rights import check_approver

                try:
                    check_approver(conn, [draft_id])
                except Refused as refusal:
                    report.answers.append(Answer(draft_id, verdict, comment, False, refusal.message))
                    refused = True  # an approver may import the same code later
                    continue
            _apply(library, conn, draft_id, verdict, comment, author, shown, pack_id, approval, comments)
            report.answers.append(Answer(draft_id, verdict, comment, True))
        if not refused:
            conn.execute("INSERT INTO review_imports(code_hash, pack_id, imported_at) VALUES (?, ?, ?)",
                         (code_hash, pack_id, utc_now()))
    return report


def _apply(library: Any, conn: Any, draft_id: int, verdict: str, comment: str, author: str,
           shown: dict[str, Any], pack_id: str, approval: Any, comments: Any) -> None:
    if verdict == "a":
        approval.approve(library, draft_id, author, content=shown, source=f"pack:{pack_id}")
        if comment:
            comments.add(library, draft_id, comment, author)
        return
    label = "Changes requested" if verdict == "c" else "Rejected"
    comments.add(library, draft_id, f"{label}: {comment}" if comment else label, author)
    conn.execute("UPDATE review_approvals SET stale_at = ? WHERE draft_id = ? AND stale_at IS NULL",
                 (utc_now(), draft_id))
    approval.move_status(conn, draft_id, "in_review" if verdict == "c" else "draft")
    library.changed("draft", draft_id)
