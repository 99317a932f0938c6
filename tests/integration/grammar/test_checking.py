"""Checking real text with a real LanguageTool: English, German, positions after emoji, combining
marks and CJK, the paragraph cache, dictionaries and language detection."""

from __future__ import annotations

import pytest

from studio.grammar import (
    GrammarConfig,
    GrammarService,
    IncrementalChecker,
    LanguageNotSupported,
    LocalServer,
)

pytestmark = pytest.mark.integration


def rules(issues: list) -> set[str]:
    return {issue.rule for issue in issues}


def flagged(text: str, issues: list, phrase: str, category: str = "") -> bool:
    """Whether an issue (of ``category``) overlaps ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return any(i.start < end and start < i.end and (not category or i.category == category)
               for i in issues)


def test_english_grammar_and_spelling(checker: IncrementalChecker) -> None:
    text = "This are a tset of the new feature."
    issues = checker.check(text, "en-US")
    found = {(text[i.start:i.end], i.category) for i in issues}
    assert flagged(text, issues, "This are", "grammar"), found
    assert ("tset", "spelling") in found
    spelling = next(i for i in issues if i.category == "spelling")
    assert "test" in spelling.replacements
    assert spelling.message


def test_german(checker: IncrementalChecker) -> None:
    text = "Das ist ein Fehller. Ich habe das Auto gesehen."
    issues = checker.check(text, "de-DE")
    words = {text[i.start:i.end] for i in issues if i.category == "spelling"}
    assert words == {"Fehller"}


def test_british_and_american_english(checker: IncrementalChecker) -> None:
    text = "What a lovely colour."
    assert not [i for i in checker.check(text, "en-GB") if i.category == "spelling"]
    assert [text[i.start:i.end] for i in checker.check(text, "en-US")
            if i.category == "spelling"] == ["colour"]


@pytest.mark.parametrize(
    "prefix",
    ["😀 ", "👍🏽👩‍👩‍👧 ", "Cafe\u0301 cre\u0300me. ", "漢字かな。", "𠀋 🇩🇪 "],
)
def test_positions_after_emoji_combining_marks_and_cjk(checker: IncrementalChecker,
                                                       prefix: str) -> None:
    text = prefix + "\nWe has a tset today."
    issues = checker.check(text, "en-US")
    spans = {text[i.start:i.end] for i in issues}
    assert "tset" in spans
    assert flagged(text, issues, "has", "grammar"), spans


def test_positions_inside_one_paragraph_after_emoji(checker: IncrementalChecker) -> None:
    text = "🎉🎉🎉 Big news: we has a tset today!"
    issues = checker.check(text, "en-US")
    assert "tset" in {text[i.start:i.end] for i in issues}


def test_only_changed_paragraphs_are_rechecked(service: GrammarService) -> None:
    checker = IncrementalChecker(service)
    paragraphs = [f"Paragraph {n} talks about the launch of version {n}." for n in range(6)]
    text = "\n\n".join(paragraphs)
    first = checker.check(text, "en-US")
    assert checker.requests == 6
    edited = text.replace("launch of version 3", "lanch of version 3")
    second = checker.check(edited, "en-US")
    assert checker.requests == 7  # one paragraph sent, five from the cache
    assert "lanch" in {edited[i.start:i.end] for i in second}
    assert len(second) == len(first) + 1
    # Cached answers are placed where their paragraph is now: prepend a paragraph with an error.
    moved = "Ths is new.\n\n" + edited
    third = checker.check(moved, "en-US")
    assert checker.requests == 8
    assert {moved[i.start:i.end] for i in third} >= {"Ths", "lanch"}
    # And equal to what a fresh checker finds.
    assert third == IncrementalChecker(service).check(moved, "en-US")
    checker.close()


def test_the_cache_is_per_language_and_rules(service: GrammarService) -> None:
    checker = IncrementalChecker(service)
    text = "This are wrong."
    found = rules(checker.check(text, "en-US"))
    assert found
    assert not rules(checker.check(text, "en-US", disabled_rules=found)) & found
    checker.check(text, "en-GB")
    assert checker.requests == 3


def test_dictionary_words_are_not_misspellings(checker: IncrementalChecker) -> None:
    text = "Try Zyntrix and zyntrixify your feed with #Zyntrix and @zyntrixapp."
    plain = {text[i.start:i.end] for i in checker.check(text, "en-US") if i.category == "spelling"}
    assert "Zyntrix" in plain
    with_dictionary = checker.check(text, "en-US", dictionary=["Zyntrix", "zyntrixify"])
    words = {text[i.start:i.end] for i in with_dictionary if i.category == "spelling"}
    assert not words & {"Zyntrix", "zyntrixify", "zyntrixapp"}


def test_auto_detects_the_language(checker: IncrementalChecker) -> None:
    german = "Wir haben heute unsere neue App gestartet und sind sehr froh über das Fehller."
    issues = checker.check(german, "auto")
    assert {german[i.start:i.end] for i in issues if i.category == "spelling"} == {"Fehller"}
    british = "We love the colour of our new logo and we are so proud of it."
    assert not [i for i in checker.check(british, "auto", prefer=["en-GB"])
                if i.category == "spelling"]


def test_unknown_language_is_refused_clearly(checker: IncrementalChecker) -> None:
    with pytest.raises(LanguageNotSupported) as caught:
        checker.check("Bonjour tout le monde", "xx-YY")
    assert "xx-YY" in caught.value.message


def test_empty_text_has_no_issues(checker: IncrementalChecker) -> None:
    assert checker.check("", "en-US") == []
    assert checker.check("\n\n  \n", "auto") == []


def test_server_mode_talks_to_a_url(local_server: LocalServer) -> None:
    base = local_server.url.removesuffix("/v2/")
    service = GrammarService(GrammarConfig("server", base))
    service.start()
    text = "We has a tset."
    issues = IncrementalChecker(service).check(text, "en-US")
    assert flagged(text, issues, "has", "grammar") and flagged(text, issues, "tset", "spelling")
    assert "en-US" in service.languages() and "de-DE" in service.languages()


def test_concurrent_checks_from_many_threads(service: GrammarService) -> None:
    from concurrent.futures import ThreadPoolExecutor

    checker = IncrementalChecker(service)
    texts = [f"Post {n}: we has a tset for {n} days." for n in range(12)]
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda t: checker.check(t, "en-US"), texts))
    for text, issues in zip(texts, results, strict=True):
        assert "tset" in {text[i.start:i.end] for i in issues}
    checker.close()
