"""A Hunspell dictionary, offline: the one shipped in ``resources/hunspell/``.

Two bindings, measured on this machine with ``id_ID`` (31,000 stems, see benchmarks/indonesian.py):
``chunspell`` (C++ Hunspell, wheels for Linux, Windows and macOS on Apple silicon) loads in 0.04 s,
looks a word up in about 15 µs and suggests in 25-80 ms; the pure-Python ``spylls`` loads in 0.5 s,
looks up in about 0.9 ms and suggests in about 0.2 s. So chunspell is used, and spylls only where
chunspell has no wheel (macOS on Intel) or fails to load. Both read the same ``.aff``/``.dic`` files,
which ship with Studio (and inside the bundle, through build.spec's data files), so nothing is
fetched at run time.

Hunspell objects are not thread-safe: every call goes through one lock.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from contextlib import ExitStack
from importlib.resources import as_file
from pathlib import Path
from typing import Any

from studio.data import resource

log = logging.getLogger(__name__)


class Speller:
    """One Hunspell dictionary (``name`` such as "id_ID"), loaded when first used."""

    def __init__(self, name: str, folder: Path | None = None) -> None:
        self.name = name
        self._folder = folder
        self._lock = threading.Lock()
        self._engine: Any = None
        self._spylls = False
        self._files = ExitStack()

    @property
    def binding(self) -> str:
        """"chunspell" or "spylls" (loads the dictionary)."""
        self._load()
        return "spylls" if self._spylls else "chunspell"

    def _load(self) -> Any:
        if self._engine is not None:
            return self._engine
        with self._lock:
            if self._engine is None:
                folder = self._folder
                if folder is None:
                    # A real folder even inside a zipped install (as_file extracts it once).
                    folder = self._files.enter_context(as_file(resource("hunspell")))
                self._engine = self._open(Path(folder))
        return self._engine

    def _open(self, folder: Path) -> Any:
        if not (folder / f"{self.name}.dic").is_file():
            raise FileNotFoundError(f"No Hunspell dictionary {self.name} in {folder}")
        try:
            import hunspell  # chunspell's module

            return hunspell.Hunspell(self.name, hunspell_data_dir=str(folder))
        except Exception as error:  # no wheel, or a broken one: fall back
            log.info("chunspell unavailable (%s); using spylls", error)
        from spylls.hunspell import Dictionary

        self._spylls = True
        return Dictionary.from_files(str(folder / self.name))

    def spell(self, word: str) -> bool:
        """Whether the dictionary accepts ``word`` (with its own affix rules)."""
        engine = self._load()
        with self._lock:
            try:
                if self._spylls:
                    return bool(engine.lookup(word))
                return bool(engine.spell(word))
            except UnicodeError:
                return False  # not writable in the dictionary's encoding (id_ID is Latin-1): unknown

    def suggest(self, word: str, limit: int = 5) -> tuple[str, ...]:
        """Hunspell's suggestions for ``word``, best first."""
        engine = self._load()
        with self._lock, contextlib.suppress(UnicodeError):
            if self._spylls:
                found: list[str] = []
                for suggestion in engine.suggest(word):
                    found.append(suggestion)
                    if len(found) >= limit:
                        break
                return tuple(found)
            return tuple(engine.suggest(word)[:limit])
        return ()
