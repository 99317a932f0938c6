"""Talking to a LanguageTool server over its HTTP API (``/v2/check``, ``/v2/languages``).

One small client for all three modes (the local server, a team's server, the public API), so the
answers are read, categorised and converted to code points in one place. Each thread keeps its own
HTTP session (keep-alive to the server; ``requests`` sessions are not shared across threads).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from studio.grammar.errors import GrammarUnavailable, LanguageNotSupported
from studio.grammar.offsets import lt_span
from studio.model import Issue

log = logging.getLogger(__name__)

PUBLIC_API_URL = "https://api.languagetool.org/v2/"

# LanguageTool's issue types and categories, in the words the editor colours and titles by. The
# category comes first: LanguageTool gives "typographical" as the issue type of most punctuation
# rules (a missing comma, a space before a full stop), which people call punctuation.
_ISSUE_TYPES = {
    "misspelling": "spelling",
    "grammar": "grammar",
    "style": "style",
    "register": "style",
    "locale-violation": "style",
    "typographical": "typography",
    "whitespace": "typography",
    "duplication": "grammar",
    "inconsistency": "style",
}
_CATEGORIES = {
    "TYPOS": "spelling",
    "GRAMMAR": "grammar",
    "CASING": "grammar",
    "CONFUSED_WORDS": "grammar",
    "COMPOUNDING": "grammar",
    "COLLOCATIONS": "grammar",
    "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "typography",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "WIKIPEDIA": "style",
    "SEMANTICS": "grammar",
}


def category_of(match: dict[str, Any]) -> str:
    """One of "spelling", "grammar", "punctuation", "typography", "style", "other" for a
    LanguageTool match: its rule's category where Studio knows it, else its issue type."""
    rule = match.get("rule") or {}
    category_id = str((rule.get("category") or {}).get("id") or "")
    issue_type = str(rule.get("issueType") or "")
    if category_id == "TYPOS" or issue_type == "misspelling":
        return "spelling"
    return _CATEGORIES.get(category_id) or _ISSUE_TYPES.get(issue_type) or "other"


def issues_from_matches(text: str, matches: Iterable[dict[str, Any]]) -> list[Issue]:
    """LanguageTool's matches for ``text`` as :class:`Issue` objects in code points of ``text``."""
    issues = []
    for match in matches:
        start, end = lt_span(text, int(match["offset"]), int(match["length"]))
        rule = match.get("rule") or {}
        issues.append(
            Issue(
                start=start,
                end=end,
                category=category_of(match),
                rule=str(rule.get("id") or "UNKNOWN"),
                message=str(match.get("message") or rule.get("description") or ""),
                replacements=tuple(
                    str(item["value"]) for item in (match.get("replacements") or [])[:8]
                    if isinstance(item, dict) and "value" in item
                ),
                description=str(rule.get("description") or ""),
            )
        )
    return issues


class LanguageToolClient:
    """The HTTP API of one LanguageTool server at ``base_url`` (ending in ``/v2/``)."""

    def __init__(self, base_url: str, *, timeout: float = 60.0, label: str = "") -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout
        self.label = label or self.base_url
        self._local = threading.local()

    def _session(self) -> Any:
        session = getattr(self._local, "session", None)
        if session is None:
            import requests

            session = requests.Session()
            session.headers["User-Agent"] = "Studio (LanguageTool client)"
            self._local.session = session
        return session

    def _request(self, method: str, path: str, data: dict[str, str] | None = None) -> Any:
        import requests

        try:
            response = self._session().request(
                method, self.base_url + path, data=data, timeout=self.timeout
            )
        except requests.RequestException as error:
            raise GrammarUnavailable(
                f"Cannot reach {self.label}: {_reason(error)}.",
                "Check the address in Settings → Grammar and that the server is running.",
            ) from error
        if response.status_code in (426, 429):
            raise GrammarUnavailable(
                f"{self.label} asks Studio to slow down (too many checks).",
                "Wait a minute, or run LanguageTool locally (Settings → Grammar).",
            )
        if response.status_code == 400 and "language" in response.text.lower():
            language = (data or {}).get("language", "")
            raise LanguageNotSupported(
                f"{self.label} cannot check the language {language!r}.",
                "Choose another language for the draft, or install that LanguageTool language module.",
            )
        if not response.ok:
            raise GrammarUnavailable(
                f"{self.label} answered with an error ({response.status_code}): "
                f"{response.text.strip()[:200]}",
                "Try again; if it persists, check the server's log.",
            )
        try:
            return response.json()
        except ValueError as error:
            raise GrammarUnavailable(
                f"{self.label} did not answer like a LanguageTool server.",
                "Check the address in Settings → Grammar (for example http://localhost:8081).",
            ) from error

    def check(self, text: str, language: str, *, disabled_rules: Iterable[str] = ()) -> list[Issue]:
        """The issues in ``text`` (code points of ``text``)."""
        data = {"text": text, "language": language}
        rules = sorted(set(disabled_rules))
        if rules:
            data["disabledRules"] = ",".join(rules)
        answer = self._request("POST", "check", data)
        return issues_from_matches(text, answer.get("matches") or [])

    def languages(self) -> list[dict[str, str]]:
        """The server's languages: ``[{"name", "code", "longCode"}, ...]``."""
        answer = self._request("GET", "languages")
        return [item for item in answer if isinstance(item, dict)]


def _reason(error: Exception) -> str:
    text = str(error)
    if "Connection refused" in text:
        return "the connection was refused"
    if "timed out" in text.lower():
        return "it did not answer in time"
    if "Name or service not known" in text or "getaddrinfo" in text:
        return "the host name is unknown"
    return type(error).__name__
