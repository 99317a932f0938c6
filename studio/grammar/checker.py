"""Incremental checking: only the paragraphs that changed go to LanguageTool.

The text is split into paragraphs (lines separated by blank lines; a very long block is cut at its
line breaks). Each paragraph's issues are cached by (language, disabled rules, paragraph text), so
after a one-word edit only that paragraph is sent, and moving a paragraph costs nothing. Paragraphs
not in the cache are checked in parallel (a few requests at once). The client's dictionary is
applied after the cache, so editing it never needs a re-check.

Rules that look across paragraphs (a repeated paragraph start, say) are the price: LanguageTool sees
one paragraph at a time, the same way every time, which keeps cached and fresh results identical.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Protocol

from studio.grammar.detect import detect_language, recognised
from studio.grammar.errors import LanguageNotRecognised
from studio.grammar.indonesian import LANGUAGE as INDONESIAN
from studio.grammar.indonesian import IndonesianChecker, is_indonesian
from studio.model import Issue
from studio.text.dictionary import in_dictionary

MAX_PARAGRAPH = 1000  # code points; a longer block is cut at its single line breaks


class Checks(Protocol):
    """What the checker needs of a :class:`studio.grammar.GrammarService` (tests may pass another)."""

    def resolve_language(self, language: str, text: str, *, prefer: Collection[str] = (),
                         default: str = "en-US") -> str: ...

    def check(self, text: str, language: str, *,
              disabled_rules: Iterable[str] = ()) -> list[Issue]: ...


@dataclass(frozen=True)
class Paragraph:
    start: int  # code points in the whole text
    text: str


def split_paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``text`` that have something to check, with their positions."""
    paragraphs: list[Paragraph] = []
    block_start = -1
    block_end = 0
    position = 0
    for line in text.split("\n"):
        line_end = position + len(line)
        if line.strip():
            if block_start >= 0 and line_end - block_start > MAX_PARAGRAPH:
                paragraphs.append(Paragraph(block_start, text[block_start:block_end]))
                block_start = -1
            if block_start < 0:
                block_start = position
            block_end = line_end
        elif block_start >= 0:
            paragraphs.append(Paragraph(block_start, text[block_start:block_end]))
            block_start = -1
        position = line_end + 1
    if block_start >= 0:
        paragraphs.append(Paragraph(block_start, text[block_start:block_end]))
    return paragraphs


class IncrementalChecker:
    """Checks texts through ``service`` (a :class:`studio.grammar.GrammarService`), re-checking
    only paragraphs it has not seen. Thread-safe and blocking: call :meth:`check` off the UI
    thread. ``requests`` counts the paragraphs sent so far (for tests and benchmarks)."""

    def __init__(self, service: Checks, *, cache_size: int = 4000, workers: int = 4,
                 indonesian: IndonesianChecker | None = None) -> None:
        self.service = service
        self.indonesian = indonesian or IndonesianChecker()
        self.cache_size = cache_size
        self.workers = workers
        self._cache: OrderedDict[tuple[str, tuple[str, ...], str], tuple[Issue, ...]] = OrderedDict()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self.requests = 0

    def check(self, text: str, language: str, *, dictionary: Iterable[str] = (),
              disabled_rules: Iterable[str] = (), prefer: Collection[str] = (),
              default_language: str = "en-US") -> list[Issue]:
        """The issues in ``text``, sorted, in code points of ``text``.

        ``language`` is a LanguageTool code or "auto" (detected from the whole text; ``prefer``
        lists variants such as the client's "en-GB", ``default_language`` is used when the text
        is too short to tell). Spelling issues on words in ``dictionary`` (exact, or lower-case
        match) and on hashtags and mentions are left out. Raises
        :class:`studio.grammar.GrammarUnavailable` when LanguageTool cannot be reached.
        """
        resolved = self.resolve_language(language, text, prefer=prefer, default=default_language)
        rules = tuple(sorted(set(disabled_rules)))
        paragraphs = split_paragraphs(text)
        results = self._lookup(resolved, rules, paragraphs)
        missing = sorted({p.text for p in paragraphs if p.text not in results})
        if missing:
            results.update(self._check_all(resolved, rules, missing))
        words = set(dictionary)
        issues: list[Issue] = []
        for paragraph in paragraphs:
            for issue in results[paragraph.text]:
                start = paragraph.start + issue.start
                end = paragraph.start + issue.end
                if issue.category == "spelling" and _ignored_word(text, start, end, words):
                    continue
                issues.append(replace(issue, start=start, end=end))
        issues.sort(key=lambda issue: (issue.start, issue.end, issue.rule))
        return issues

    def resolve_language(self, language: str, text: str, *, prefer: Collection[str] = (),
                         default: str = "en-US") -> str:
        """The code ``text`` is checked in: Indonesian (by any code, or detected) is "id-ID" and
        never reaches LanguageTool, which has no Indonesian; anything else is the service's. A
        text to detect that is in no language Studio can tell raises
        :class:`studio.grammar.LanguageNotRecognised`: it is not checked as the default."""
        if is_indonesian(language):
            return INDONESIAN
        if (not language or language == "auto") and recognised(text, default=default, prefer=prefer) is None:
            raise LanguageNotRecognised(
                "Language not recognised: not checked.",
                "Choose the post's language beside the counters to check it.")
        if (not language or language == "auto") and is_indonesian(
                detect_language(text, default=default, prefer=prefer)):
            return INDONESIAN
        return self.service.resolve_language(language, text, prefer=prefer, default=default)

    def _lookup(self, language: str, rules: tuple[str, ...],
                paragraphs: list[Paragraph]) -> dict[str, tuple[Issue, ...]]:
        found: dict[str, tuple[Issue, ...]] = {}
        with self._lock:
            for paragraph in paragraphs:
                key = (language, rules, paragraph.text)
                cached = self._cache.get(key)
                if cached is not None:
                    self._cache.move_to_end(key)
                    found[paragraph.text] = cached
        return found

    def _check_all(self, language: str, rules: tuple[str, ...],
                   texts: list[str]) -> dict[str, tuple[Issue, ...]]:
        def one(paragraph: str) -> tuple[Issue, ...]:
            if language == INDONESIAN:
                return tuple(self.indonesian.check(paragraph, disabled_rules=rules))
            return tuple(self.service.check(paragraph, language, disabled_rules=rules))

        # The Indonesian checker is in-process and quick: threads would only add overhead.
        if len(texts) == 1 or self.workers <= 1 or language == INDONESIAN:
            answers = [one(paragraph) for paragraph in texts]
        else:
            answers = list(self._executor().map(one, texts))
        with self._lock:
            self.requests += len(texts)
            for paragraph, issues in zip(texts, answers, strict=True):
                self._cache[(language, rules, paragraph)] = issues
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return dict(zip(texts, answers, strict=True))

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="grammar-check")
            return self._pool

    def clear(self) -> None:
        """Forget every cached answer (the server or its settings changed)."""
        with self._lock:
            self._cache.clear()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _ignored_word(text: str, start: int, end: int, words: Collection[str]) -> bool:
    if in_dictionary(text[start:end], words):
        return True
    # "#launchday" and "@studio_app" are names, not misspellings.
    return start > 0 and text[start - 1] in "#@"
