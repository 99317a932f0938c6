"""UTM parameters added per network and post, keeping what the link already has."""

from __future__ import annotations

from studio.analytics.links import tag_link, tag_links


def test_links_get_utm_parameters_and_the_rest_of_the_text_stays() -> None:
    text = "Promo ☕ di https://kopinusantara.id/menu?ref=ig dan kopinusantara.id/promo #kopi"
    tagged = tag_links(text, "instagram", "promo-november", 42)
    assert tagged.startswith("Promo ☕ di https://kopinusantara.id/menu?ref=ig&utm_source=instagram&utm_medium=social"
                             "&utm_campaign=promo-november&utm_content=draft-42 dan kopinusantara.id/promo?utm_source=")
    assert tagged.endswith(" #kopi")


def test_a_parameter_the_user_wrote_is_kept() -> None:
    assert tag_link("https://a.example/?utm_source=newsletter", {"utm_source": "x", "utm_medium": "social"}) == (
        "https://a.example/?utm_source=newsletter&utm_medium=social")
