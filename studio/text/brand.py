"""A client's house rules as issues of the category "brand" (banned phrases, required hashtags,
too many hashtags, ALL-CAPS words)."""

from __future__ import annotations

import regex

from studio.model import BrandRules, Issue
from studio.text import entities

# An ALL-CAPS word: three or more upper-case letters (digits may follow: "COVID19" is one).
CAPS_RE = regex.compile(r"(?<![\p{L}\p{Nd}_#@$])\p{Lu}{3,}[\p{Lu}\p{Nd}]*(?![\p{L}\p{Nd}_])")


def brand_issues(text: str, rules: BrandRules) -> list[Issue]:
    """Every place where ``text`` breaks ``rules``, sorted by position (code points)."""
    issues: list[Issue] = []
    issues += _banned(text, rules)
    issues += _hashtags(text, rules)
    if rules.forbid_all_caps:
        issues += _all_caps(text)
    issues.sort(key=lambda issue: (issue.start, issue.end))
    return issues


def _phrase_pattern(phrase: str) -> regex.Pattern[str]:
    body = r"\s+".join(regex.escape(word) for word in phrase.split())
    before = r"(?<![\p{L}\p{Nd}_])" if regex.match(r"[\p{L}\p{Nd}_]", phrase) else ""
    after = r"(?![\p{L}\p{Nd}_])" if regex.search(r"[\p{L}\p{Nd}_]$", phrase) else ""
    return regex.compile(before + body + after, regex.IGNORECASE)


def _banned(text: str, rules: BrandRules) -> list[Issue]:
    issues = []
    for phrase, replacement in rules.banned.items():
        if not phrase.strip():
            continue
        for match in _phrase_pattern(phrase.strip()).finditer(text):
            message = f"“{match.group()}” is on the client's list of words not to use"
            if replacement:
                message += f"; they prefer “{replacement}”."
            else:
                message += "."
            issues.append(
                Issue(match.start(), match.end(), "brand", "BRAND_BANNED", message,
                      (_match_case(match.group(), replacement),) if replacement else ())
            )
    return issues


def _match_case(found: str, replacement: str) -> str:
    """Keep a capital at the start of a sentence: "Cheap" -> "Affordable"."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _normal_tag(tag: str) -> str:
    return tag.lstrip("#＃").casefold()


def _hashtags(text: str, rules: BrandRules) -> list[Issue]:
    issues = []
    found = entities.hashtags(text)
    present = {_normal_tag(tag.text) for tag in found}
    end = len(text)
    for tag in rules.required_hashtags:
        if not tag.strip() or _normal_tag(tag) in present:
            continue
        wanted = "#" + tag.strip().lstrip("#＃")
        glue = "" if not text or text[-1].isspace() else " "
        issues.append(
            Issue(end, end, "brand", "BRAND_HASHTAG_MISSING",
                  f"The client's posts always carry {wanted}.", (glue + wanted,))
        )
    if rules.max_hashtags is not None and len(found) > rules.max_hashtags:
        for number, extra in enumerate(found[rules.max_hashtags:], rules.max_hashtags + 1):
            issues.append(
                Issue(extra.start, extra.end, "brand", "BRAND_TOO_MANY_HASHTAGS",
                      f"The client allows at most {rules.max_hashtags} hashtags per post; "
                      f"this is number {number}.", ("",))
            )
    return issues


def _all_caps(text: str) -> list[Issue]:
    skip = entities.entities(text)
    issues = []
    for match in CAPS_RE.finditer(text):
        if any(item.start <= match.start() < item.end for item in skip):
            continue
        word = match.group()
        issues.append(
            Issue(match.start(), match.end(), "brand", "BRAND_ALL_CAPS",
                  f"The client's style avoids words in capitals like “{word}”.",
                  (word.capitalize(), word.lower()))
        )
    return issues
