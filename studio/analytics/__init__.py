"""Analytics: what the posts Studio published did afterwards.

``formulas`` holds the measures and their denominators (said out loud: engagement rate by followers,
by reach and by impressions are three different numbers, and a missing denominator is "unknown",
never a guess); ``store`` keeps snapshots of each post's counters at fixed ages and the accounts'
follower counts; ``fetch`` reads them from the networks that give them with the account's own token;
``insights`` maps a network's own insights export (CSV) onto the same counters.
"""
