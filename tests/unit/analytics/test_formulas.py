"""Engagement rates by each denominator on a hand-computed fixture, and "unknown" where one is missing."""

from __future__ import annotations

import pytest

from studio.analytics.formulas import Counts, engagement_rate, growth, roi


def test_rates_by_each_denominator_match_the_hand_computed_values() -> None:
    # 40 likes + 6 comments + 3 shares + 1 save = 50 engagements; reach 1,000; impressions 2,500;
    # 2,000 followers when posted.
    counts = Counts(likes=40, comments=6, shares=3, saves=1, reach=1000, impressions=2500)
    assert counts.engagements() == 50
    assert engagement_rate(counts, "followers", 2000).value == pytest.approx(0.025)
    assert engagement_rate(counts, "reach").value == pytest.approx(0.05)
    assert engagement_rate(counts, "impressions").value == pytest.approx(0.02)
    assert engagement_rate(counts, "reach").text() == "5.00 %"
    assert "engagements ÷ accounts reached" in engagement_rate(counts, "reach").label


def test_an_unknown_denominator_is_unknown_not_a_guess() -> None:
    mastodon = Counts(likes=5, reposts=2, replies=1)  # Mastodon gives no reach or impressions
    rate = engagement_rate(mastodon, "reach")
    assert rate.value is None and "does not report reach" in rate.reason
    assert rate.text().startswith("unknown")
    assert engagement_rate(mastodon, "followers", None).value is None
    assert engagement_rate(mastodon, "followers", 0).reason == "followers is 0"
    assert engagement_rate(Counts(reach=10), "reach").reason == "the network gave no interaction counts"


def test_counts_read_from_exports() -> None:
    assert Counts.from_mapping({"likes": "1,234", "reach": "12.345", "saves": ""}).to_json()["likes"] == 1234
    assert Counts.from_mapping({"reach": "12.345"}).reach == 12345
    assert Counts.from_mapping({"saves": ""}).saves is None
    for bad in ("1.5", "-3", "many"):
        with pytest.raises(ValueError):
            Counts.from_mapping({"likes": bad})


def test_growth_and_roi() -> None:
    assert growth(200, 230) == (30, pytest.approx(0.15))
    assert growth(None, 230) is None
    assert roi(1500.0, 1000.0) == pytest.approx(0.5)
    assert roi(None, 1000.0) is None and roi(100.0, 0.0) is None
