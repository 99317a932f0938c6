"""The drafts model pages with fetchMore, never loads everything, and updates single rows."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from studio.library import DraftFilter, Library
from studio.library.csvio import Row
from studio.ui.context import AppContext
from studio.ui.library.model import PAGE, DraftsModel
from studio.ui.library.signals import LibrarySignals


def _fill(library: Library, count: int) -> None:
    library.import_rows([Row(i + 2, "Acme" if i % 2 else "Beta", f"draft number {i}", ("mastodon",), ("t",),
                             "draft", None) for i in range(count)])


def _model(context: AppContext) -> DraftsModel:
    context.tasks.inline = True
    model = DraftsModel(context.library, context.tasks)
    signals = LibrarySignals(context.library, model)
    signals.changed.connect(model.library_changed)
    model.reload()
    return model


def test_pages_arrive_with_fetch_more(context: AppContext) -> None:
    _fill(context.library, 2 * PAGE + 50)
    model = _model(context)
    assert model.total == 2 * PAGE + 50
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE + 50
    assert not model.canFetchMore()
    ids = [model.draft_id(row) for row in range(model.rowCount())]
    assert len(set(ids)) == len(ids)


def test_one_change_updates_one_row_without_a_reset(context: AppContext, qtbot: QtBot) -> None:
    _fill(context.library, 30)
    model = _model(context)
    resets, changed, inserted, removed = [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    model.rowsRemoved.connect(lambda _p, first, _last: removed.append(first))
    target = model.draft_id(5)
    assert target is not None
    context.library.save_text(target, "edited in the editor")
    qtbot.waitUntil(lambda: bool(changed))
    assert changed == [5] and model.data(model.index(5, 1)) == "edited in the editor"
    new = context.library.create_draft(1, "brand new")
    qtbot.waitUntil(lambda: bool(inserted))
    assert inserted == [0] and model.draft_id(0) == new.id and model.total == 31
    context.library.delete_draft(target)
    qtbot.waitUntil(lambda: bool(removed))
    assert model.row_of(target) is None and model.total == 30
    assert resets == []


def test_a_new_draft_appears_where_the_current_sort_puts_it(context: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    _fill(context.library, 30)
    model = _model(context)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by text, A to Z: "draft number 0", "draft number 1", ...
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    new = context.library.create_draft(1, "Draft number 10b")  # NOCASE: just after "draft number 10"
    qtbot.waitUntil(lambda: bool(inserted))
    texts = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert texts[inserted[0]] == "Draft number 10b" and model.draft_id(inserted[0]) == new.id
    assert texts == sorted(texts, key=str.lower) and model.total == 31
    model.sort(0, Qt.SortOrder.DescendingOrder)  # by client, Z to A
    inserted.clear()
    context.library.create_draft(context.library.add_client("Zeta").id, "from a new client")
    qtbot.waitUntil(lambda: bool(inserted))
    assert inserted == [0] and model.data(model.index(0, 0)) == "Zeta"


def test_a_new_draft_that_sorts_after_the_loaded_pages_comes_with_its_page(context: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    _fill(context.library, PAGE + 10)
    model = _model(context)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    total: list[int] = []
    model.total_changed.connect(total.append)
    new = context.library.create_draft(1, "zz at the very end")
    qtbot.waitUntil(lambda: bool(total))
    assert model.row_of(new.id) is None and model.rowCount() == PAGE and model.total == PAGE + 11
    model.fetchMore()
    assert model.row_of(new.id) == PAGE + 10


def test_filter_sort_and_search(context: AppContext) -> None:
    _fill(context.library, 40)
    model = _model(context)
    client = context.library.find_client("Acme")
    assert client is not None
    model.set_filter(DraftFilter(client_id=client.id))
    assert model.total == 20
    assert {model.data(model.index(r, 0)) for r in range(model.rowCount())} == {"Acme"}
    model.set_filter(DraftFilter(query="number 17"))
    assert model.total == 1 and model.data(model.index(0, 1)) == "draft number 17"
    model.set_filter(DraftFilter())
    model.sort(1, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.SortOrder.AscendingOrder)
    texts = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert texts == sorted(texts, key=str.lower)


def test_pages_load_on_real_threads(context: AppContext, qtbot: QtBot) -> None:
    _fill(context.library, PAGE + 10)
    model = DraftsModel(context.library, context.tasks)
    with qtbot.waitSignal(model.total_changed, timeout=10_000):
        model.reload()
    assert model.rowCount() == PAGE
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE + 10, timeout=10_000)
