"""A client's own words (its name, handles and brand words) are in its dictionary from the start."""

from __future__ import annotations

from dataclasses import replace

from studio.library import Library
from studio.model import BrandRules
from studio.text.dictionary import in_dictionary, own_words


def test_own_words_of_a_name_handles_and_brand_rules() -> None:
    handles = [("mastodon", "@kopi_ken@mastodon.social"), ("bluesky", "kopiken.bsky.social"), ("x", "@KopiKen"),
               ("folder", "/srv/exports/kopi"), ("webhook", "https://hooks.example/kopi"), ("telegram", "-100123")]
    rules = BrandRules(banned={"cheap": "affordable", "gojek": "GoFood"}, required_hashtags=("#NgopiDulu", "#1"))
    assert own_words("Kopi Kenangan & Co.", handles, rules) == (
        "Kopi", "Kenangan", "Co", "kopi_ken", "kopiken", "KopiKen", "NgopiDulu", "affordable", "GoFood")
    assert own_words("O'Neil Co-op") == ("O'Neil", "Co-op")
    assert own_words("A & B") == ()  # nothing a spell checker could flag
    assert in_dictionary("KOPI", own_words("Kopi"))


def test_the_library_puts_them_in_the_dictionary(library: Library) -> None:
    client = library.add_client("Zyntrix Labs")
    assert set(client.dictionary) == {"Zyntrix", "Labs"}
    heard: list[tuple[str, object]] = []
    library.subscribe(lambda change: heard.append((change.kind, change.id)))
    library.add_account(client.id, "mastodon", "@zyntrixhq@example.social")
    assert ("client", client.id) in heard  # an open editor hears of the new word
    client = library.get_client(client.id)
    assert "zyntrixhq" in client.dictionary
    saved = library.update_client(replace(client, name="Zyntrix Studio", dictionary=("Flurbo",),
                                          brand_rules=BrandRules(required_hashtags=("#ZynDrop",))))
    assert set(saved.dictionary) == {"Flurbo", "Zyntrix", "Studio", "zyntrixhq", "ZynDrop"}
