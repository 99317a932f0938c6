"""Full-text search: what the user types is searched as text, never as FTS5 syntax."""

from __future__ import annotations

from dataclasses import replace

import pytest

from studio.library import Library

TEXTS = [
    'She said "NEAR" twice',
    "The e-mail (draft) is * ready",
    "Launch AND party OR not",
    "Unbalanced ( parenthesis here",
    "50% off: use code_X \\ today",
    "Café crème for everyone",
]

HOSTILE = [
    '"', '""', "'", "*", "**", "-", "--", "-launch", "NEAR", "NEAR(", "NEAR(a b)", "a NEAR/2 b", "(", ")",
    "((", "launch)", "AND", "OR", "NOT", "launch AND", "OR party", "NOT not", "text:launch", "^launch",
    "launch*", "*launch", "{text}: x", '"unbalanced', "\\", "%", "_", "\x00", "🙂", "  ", "a' OR '1'='1",
    "launch; DROP TABLE drafts; --",
]


@pytest.fixture
def filled(library: Library) -> Library:
    client = library.add_client("Acme")
    for text in TEXTS:
        library.create_draft(client.id, text)
    return library


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_break(filled: Library, query: str) -> None:
    total, results = filled.search(query)
    assert total == len(results) or total > len(results)
    assert filled.count_drafts() == len(TEXTS)  # nothing was harmed either


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("NEAR", [TEXTS[0]]),
        ('"NEAR"', [TEXTS[0]]),
        ("e-mail", [TEXTS[1]]),
        ("(draft)", [TEXTS[1]]),
        ("AND party", [TEXTS[2]]),
        ("Unbalanced (", [TEXTS[3]]),
        ("(", [TEXTS[1], TEXTS[3]]),  # no words at all: looked up as a substring
        ("*", [TEXTS[1]]),
        ("%", [TEXTS[4]]),
        ("\\", [TEXTS[4]]),
        ("cafe", [TEXTS[5]]),  # diacritics folded
        ("laun", [TEXTS[2]]),  # the last word is a prefix: results while typing
        ("launch xyz", []),
    ],
)
def test_queries_are_searched_as_text(filled: Library, query: str, expected: list[str]) -> None:
    total, results = filled.search(query)
    found = [filled.get_draft(r.id).text for r in results]
    assert total == len(expected)
    assert sorted(found) == sorted(expected)


def test_search_covers_variants_tags_notes_and_client(library: Library) -> None:
    client = library.add_client("Kettle Co")
    draft = library.create_draft(client.id, "base", tags=["springsale"], notes="ask Maria")
    library.set_thread(draft.id, "mastodon", ["first toot", "second toot"])
    library.set_variant(draft.id, "bluesky", "skeet text")
    for query in ("springsale", "maria", "toot", "skeet", "kettle"):
        assert library.search(query)[0] == 1, query
    library.update_client(replace(library.get_client(client.id), name="Teapot Ltd"))
    assert library.search("kettle")[0] == 0
    assert library.search("teapot")[0] == 1
    _, results = library.search("toot")
    assert results[0].client == "Teapot Ltd" and "toot" in results[0].snippet


def test_paging(library: Library) -> None:
    client = library.add_client("Acme")
    for i in range(25):
        library.create_draft(client.id, f"common word {i}")
    total, first = library.search("common", limit=10)
    _, third = library.search("common", limit=10, offset=20)
    assert total == 25 and len(first) == 10 and len(third) == 5
    assert library.search("")[0] == 0
