"""The grammar service: which LanguageTool to use, and checking one piece of text with it.

Three modes, from the settings ``grammar.mode`` / ``grammar.server_url`` / ``grammar.public_consent``:

- ``local`` (default): a LanguageTool server on loopback, started by Studio on first use
  (:class:`studio.grammar.local.LocalServer`), restarted if it dies, stopped on :meth:`close`;
- ``server``: a LanguageTool server at a URL (a team's, or the user's own);
- ``public``: the public LanguageTool API, only once the user has agreed that texts leave the
  computer; without that consent the service refuses to send anything;
- ``off``: nothing is checked.

Every failure is a :class:`GrammarUnavailable` with a message and a hint. Thread-safe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from studio.grammar.client import PUBLIC_API_URL, LanguageToolClient
from studio.grammar.detect import detect_language
from studio.grammar.errors import GrammarUnavailable, LanguageNotSupported
from studio.grammar.local import LocalServer, find_running
from studio.model import Issue

log = logging.getLogger(__name__)

MODES = ("local", "server", "public", "off")
# A local server that fails its health check but used this much CPU meanwhile is starved, not
# hung; after MAX_STARVED such failures in a row it is restarted all the same (it may be spinning).
BUSY_CPU_SECONDS = 0.05
MAX_STARVED = 3


@dataclass(frozen=True)
class GrammarConfig:
    """How to reach LanguageTool (the three ``grammar.*`` settings)."""

    mode: str = "local"
    server_url: str = ""
    public_consent: bool = False

    @classmethod
    def from_settings(cls, settings: Any) -> GrammarConfig:
        """Read from a :class:`studio.settings.Settings`."""
        return cls(
            mode=str(settings.get("grammar.mode")),
            server_url=str(settings.get("grammar.server_url")),
            public_consent=bool(settings.get("grammar.public_consent")),
        )


def api_url(server_url: str) -> str:
    """``http://host:8081`` or ``.../v2`` as the API base ``http://host:8081/v2/``."""
    url = server_url.strip()
    if not url:
        raise GrammarUnavailable(
            "No LanguageTool server address is set.",
            "Enter one in Settings → Grammar (for example http://localhost:8081).",
        )
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if not url.endswith("/v2"):
        url += "/v2"
    return url + "/"


class GrammarService:
    """Checks text with the LanguageTool chosen by ``config``.

    ``local`` may be given (tests, the app's composition root) to share one local server; by
    default the service makes its own the first time the local mode needs it.
    """

    def __init__(self, config: GrammarConfig | None = None, *, local: LocalServer | None = None,
                 public_url: str = PUBLIC_API_URL,
                 on_local_exit: Callable[[int], None] | None = None,
                 reuse_running: bool = False) -> None:
        self._config = config or GrammarConfig()
        # Local mode may use a server another Studio process runs (``studio check`` next to the
        # app) instead of starting one; if it goes away, this service starts its own.
        self.reuse_running = reuse_running
        self._borrowed = ""
        self._local = local
        self.on_local_exit = on_local_exit  # given to the local server this service makes
        self._public_url = public_url
        self._lock = threading.Lock()
        self._starved = 0  # checks in a row that failed on a server slow but working (see check)
        self._client: LanguageToolClient | None = None
        self._languages: dict[str, frozenset[str]] = {}

    @property
    def config(self) -> GrammarConfig:
        return self._config

    @property
    def mode(self) -> str:
        return self._config.mode

    @property
    def local_server(self) -> LocalServer | None:
        return self._local

    def reconfigure(self, config: GrammarConfig, *, stop: bool = True) -> LocalServer | None:
        """Switch to ``config`` (at once, cheaply). A local server that is no longer needed is
        stopped, or with ``stop=False`` returned for the caller to stop off the UI thread."""
        with self._lock:
            if config == self._config:
                return None
            self._config = config
            self._client = None
            local = self._local
            if local is None:
                return None
            if config.mode == "local":
                local.restartable()
                return None
        if stop:
            local.terminate()
            return None
        return local

    def describe(self) -> str:
        """Where texts go, in a few words (status bar, CLI messages)."""
        config = self._config
        if config.mode == "local":
            return "LanguageTool on this computer"
        if config.mode == "server":
            return f"the LanguageTool server at {config.server_url.strip() or '(no address)'}"
        if config.mode == "public":
            return "the public LanguageTool API"
        return "nothing (grammar checking is off)"

    def _client_now(self) -> LanguageToolClient:
        """The client for the current mode; in local mode starts the server first (blocking)."""
        config = self._config
        if config.mode == "off":
            raise GrammarUnavailable(
                "Grammar checking is off.", "Turn it on in Settings → Grammar."
            )
        if config.mode not in MODES:
            raise GrammarUnavailable(
                f"Unknown grammar mode {config.mode!r}.", "Choose one in Settings → Grammar."
            )
        if config.mode == "public" and not config.public_consent:
            raise GrammarUnavailable(
                "The public LanguageTool API is chosen, but you have not agreed to send your "
                "texts to it.",
                "Tick the agreement in Settings → Grammar, or choose local checking.",
            )
        if config.mode == "local":
            if self.reuse_running and self._local is None:
                if not self._borrowed:
                    self._borrowed = find_running()
                if self._borrowed:
                    client = self._client
                    if client is None or client.base_url != self._borrowed:
                        client = LanguageToolClient(self._borrowed, label="The local LanguageTool server")
                        self._client = client
                    return client
            with self._lock:
                if self._local is None:
                    self._local = LocalServer(on_exit=self.on_local_exit)
                local = self._local
            url = local.ensure_running()
            client = self._client
            if client is None or client.base_url != url:
                client = LanguageToolClient(url, label="The local LanguageTool server")
                self._client = client
            return client
        client = self._client
        if client is None:
            if config.mode == "server":
                client = LanguageToolClient(api_url(config.server_url),
                                            label=f"The LanguageTool server at {config.server_url}")
            else:
                client = LanguageToolClient(self._public_url, label="The public LanguageTool API")
            self._client = client
        return client

    def start(self) -> None:
        """Make sure checks can run (start the local server, reach the remote one); blocking, so
        call it off the UI thread. Raises :class:`GrammarUnavailable` saying why not."""
        self.languages()

    def languages(self) -> frozenset[str]:
        """The language codes the server can check (short and long: "en", "en-US", ...)."""
        client = self._client_now()
        known = self._languages.get(client.base_url)
        if known is None:
            codes: set[str] = set()
            try:
                answer = client.languages()
            except GrammarUnavailable:
                if not self._forget_borrowed():
                    raise
                return self.languages()
            for item in answer:
                codes.update(str(item.get(key)) for key in ("code", "longCode") if item.get(key))
            known = frozenset(codes)
            self._languages[client.base_url] = known
        return known

    def resolve_language(self, language: str, text: str, *, prefer: Collection[str] = (),
                         default: str = "en-US") -> str:
        """``language`` as the code to send: "auto" is detected from the whole ``text`` (among
        the server's languages); an unknown code raises :class:`LanguageNotSupported`."""
        available = self.languages()
        if not language or language == "auto":
            return detect_language(text, default=default, prefer=prefer, available=available)
        if language not in available:
            raise LanguageNotSupported(
                f"{self.describe()[0].upper() + self.describe()[1:]} cannot check the language "
                f"{language!r}.",
                "It knows: " + ", ".join(sorted(code for code in available if "-" in code)[:30]),
            )
        return language

    def check(self, text: str, language: str, *, disabled_rules: Iterable[str] = ()) -> list[Issue]:
        """The issues LanguageTool finds in ``text`` (one request; code points of ``text``).

        ``language`` must be a concrete code (see :meth:`resolve_language`). In local mode a
        server that died since the last check is started again and the check retried once.
        """
        rules = tuple(disabled_rules)
        client = self._client_now()
        try:
            issues = client.check(text, language, disabled_rules=rules)
            self._starved = 0
            return issues
        except LanguageNotSupported:
            raise
        except GrammarUnavailable:
            if self._forget_borrowed():
                return self._client_now().check(text, language, disabled_rules=rules)
            local = self._local
            if self._config.mode != "local" or local is None:
                raise
            if local.url and local.url == client.base_url and local.health():
                raise  # the server is fine: the failure is about this request
            before = local.cpu_seconds()
            if not local.health():
                after = local.cpu_seconds()
                working = before is not None and after is not None and after - before >= BUSY_CPU_SECONDS
                if working and self._starved < MAX_STARVED:
                    # Slow, not hung: its CPU time moves (the computer is busy and it runs at a
                    # lower priority). A restart would start from nothing on the same busy CPU.
                    self._starved += 1
                    raise GrammarUnavailable(
                        "The local LanguageTool server is slow to answer: the computer is busy.",
                        "Checking goes on by itself once it catches up.",
                    ) from None
                self._starved = 0
                log.warning("The local LanguageTool server stopped answering; restarting it")
                local.restart()
            # Restarted (here, or by the engine's watcher meanwhile): once more, on the new port.
            return self._client_now().check(text, language, disabled_rules=rules)

    def _forget_borrowed(self) -> bool:
        """After a failure on another process's server: use our own from now on. Returns whether
        there was one to forget."""
        if not (self._borrowed and self._local is None and self._config.mode == "local"):
            return False
        log.info("The shared LanguageTool server went away; starting one of our own")
        self.reuse_running = False
        self._borrowed = ""
        self._client = None
        return True

    def close(self) -> None:
        """Stop the local server, if this service started one (on quit)."""
        with self._lock:
            if self._local is not None:
                self._local.stop()
            self._client = None
