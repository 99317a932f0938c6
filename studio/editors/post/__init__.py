"""The post editor: text with live checks, per-network counters, issues, variants, threads, previews.

``PostEditor`` is the text widget; the Write page puts it
together with the counters bar, the issues panel, the previews and the library.
"""

from __future__ import annotations

from studio.editors.post.editor import PostEditor
from studio.editors.post.marks import Mark

__all__ = ["Mark", "PostEditor"]
