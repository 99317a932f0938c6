"""Previews you can trust: each network's (or account's) post as that network will show it, with the
renditions the publisher will send. ``PreviewsPanel`` is what the Write page and the schedule dialog
show; ``PostLook`` what it shows; ``styled_html`` a network's HTML of a text."""

from studio.editors.post.previews.cards import PostLook, PreviewCard
from studio.editors.post.previews.panel import PreviewsPanel
from studio.editors.post.previews.style import NetworkStyle, first_link, style_for, styled_html

__all__ = ["NetworkStyle", "PostLook", "PreviewCard", "PreviewsPanel", "first_link", "style_for", "styled_html"]
