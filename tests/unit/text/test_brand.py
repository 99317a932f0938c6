"""Brand rules as issues of the category "brand"."""

from __future__ import annotations

from studio.model import BrandRules
from studio.text import brand_issues


def test_banned_phrases_are_found_whole_and_case_insensitively() -> None:
    rules = BrandRules(banned={"cheap": "affordable", "click here": ""})
    text = "Cheap deals! Not cheapest. CLICK  HERE now."
    issues = brand_issues(text, rules)
    assert [(i.rule, text[i.start:i.end]) for i in issues] == [
        ("BRAND_BANNED", "Cheap"),
        ("BRAND_BANNED", "CLICK  HERE"),
    ]
    assert issues[0].replacements == ("Affordable",)
    assert issues[1].replacements == ()
    assert all(i.category == "brand" for i in issues)


def test_banned_phrase_after_emoji_has_code_point_positions() -> None:
    text = "\U0001F600 cheap"
    (issue,) = brand_issues(text, BrandRules(banned={"cheap": "affordable"}))
    assert (issue.start, issue.end) == (2, 7)


def test_required_hashtags_missing_are_offered_at_the_end() -> None:
    rules = BrandRules(required_hashtags=("#Acme", "ad"))
    text = "New shoes #acme"
    issues = brand_issues(text, rules)
    assert len(issues) == 1
    issue = issues[0]
    assert issue.rule == "BRAND_HASHTAG_MISSING"
    assert (issue.start, issue.end) == (len(text), len(text))
    assert issue.replacements == (" #ad",)


def test_too_many_hashtags_marks_the_extra_ones() -> None:
    text = "#one #two #three #four"
    issues = brand_issues(text, BrandRules(max_hashtags=2))
    assert [text[i.start:i.end] for i in issues] == ["#three", "#four"]
    assert issues[0].replacements == ("",)


def test_all_caps_words_when_forbidden() -> None:
    text = "HUGE SALE today at https://EXAMPLE.com #BIGSALE @ACME ok OK A1"
    issues = brand_issues(text, BrandRules(forbid_all_caps=True))
    assert [text[i.start:i.end] for i in issues] == ["HUGE", "SALE"]
    assert issues[0].replacements == ("Huge", "huge")
    assert brand_issues(text, BrandRules()) == []
