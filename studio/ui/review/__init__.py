"""Review and approval in the app: the comments panel, "Send for review...", the reply-code dialog and the what-changed view."""
