"""Review and approval: comments anchored to a draft's words, approvals tied to the exact content
that would be published (and going stale when it changes), and the review pack a client answers
in a browser without an account (:mod:`studio.review.pack`, :mod:`studio.review.codes`)."""
