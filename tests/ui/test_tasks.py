"""The task helper with real threads: results and errors come back on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from studio.ui.tasks import Tasks


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    tasks = Tasks()
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(x: int) -> tuple[int, str]:
        return x * 2, threading.current_thread().name

    def done(result: tuple[int, str]) -> None:
        seen["result"] = result[0]
        seen["worker"] = result[1]
        seen["on_gui"] = QThread.currentThread() is gui

    tasks.run(work, 21, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42 and seen["on_gui"] is True
    assert seen["worker"] != threading.current_thread().name
    tasks.wait()


def test_errors_arrive_and_writes_keep_their_order(qtbot: QtBot) -> None:
    tasks = Tasks()
    errors: list[BaseException] = []
    order: list[int] = []

    def fail() -> None:
        raise ValueError("disk full")

    tasks.run(fail, on_error=errors.append)
    for i in range(20):
        tasks.run(order.append, i, pool="writes")
    qtbot.waitUntil(lambda: bool(errors) and len(order) == 20, timeout=5000)
    assert str(errors[0]) == "disk full"
    assert order == list(range(20))
    tasks.wait()


def test_inline_mode_runs_synchronously() -> None:
    tasks = Tasks()
    tasks.inline = True
    out: list[int] = []
    tasks.run(lambda: 7, on_done=out.append)
    assert out == [7]


def test_closing_refuses_new_work_and_drops_undelivered_outcomes(qtbot: QtBot) -> None:
    tasks = Tasks()
    delivered: list[int] = []
    tasks.run(lambda: 1, on_done=delivered.append)
    assert tasks.close()
    tasks.run(lambda: 2, on_done=delivered.append)
    qtbot.wait(50)
    assert delivered == []  # the first outcome was dropped at close, the second never started


def test_a_pool_that_does_not_exist_is_refused() -> None:
    tasks = Tasks()
    pool: Any = "write"  # a name built at run time, past mypy
    with pytest.raises(ValueError, match="no pool named 'write'"):
        tasks.run(print, pool=pool)
    tasks.wait()


def test_mypy_refuses_a_misspelt_pool(tmp_path: Path) -> None:
    """The pool is a Literal: ``pool="write"`` is a type error, not a write run out of order."""
    api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "typo.py"
    snippet.write_text("from studio.ui.tasks import Tasks\n\n\ndef f(t: Tasks) -> None:\n"
                       "    t.run(print, pool=\"writes\")\n    t.run(print, pool=\"write\")\n")
    out, _err, status = api.run([str(snippet), "--no-error-summary", "--follow-imports=silent",
                                 "--ignore-missing-imports", "--cache-dir", str(tmp_path / "cache")])
    assert status == 1 and out.count("error") == 1 and "typo.py:6" in out, out
