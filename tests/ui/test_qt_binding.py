"""Guards against a known-bad Qt binding: PySide6 6.12.0 drops a reference to ``None`` on every call
of a Python override (paintEvent, highlightBlock, ...), and CPython 3.11 aborts with
"none_dealloc" after a few thousand of them. pyproject.toml keeps 6.12 out; this test says why if a
future range lets it back in."""

from __future__ import annotations

import sys

from PySide6.QtGui import QSyntaxHighlighter, QTextDocument


class Quiet(QSyntaxHighlighter):
    def highlightBlock(self, text: str) -> None:
        return None


def test_python_overrides_do_not_leak_references_to_none() -> None:
    document = QTextDocument()
    highlighter = Quiet(document)
    document.setPlainText("one\ntwo\nthree")
    before = sys.getrefcount(None)
    for _ in range(500):
        highlighter.rehighlight()  # 1,500 override calls
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding lost {lost} references to None in 1,500 override calls"
