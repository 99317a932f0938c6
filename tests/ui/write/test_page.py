"""The Write workspace over a real library: open, type, save, counters, versions, threads,
dictionary, emoji and snippets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio.editors.post.editor import actions_of
from studio.library import Library
from studio.model import BrandRules, Snippet
from studio.text import count
from studio.ui.context import AppContext
from studio.ui.write.page import WriteWorkspace

LONG = " ".join(f"Sentence {i} tells the story of our trail shoes in the mountains." for i in range(12))


def client_with_rules(library: Library) -> int:
    client = library.add_client("Acme Shoes", "#e0663d")
    client = library.update_client(replace(
        client,
        brand_rules=BrandRules(banned={"cheap": "affordable"}, forbid_all_caps=True),
        snippets=(Snippet("Sign-off", "Run with us! #AcmeRun"),),
    ))
    return client.id


def test_opening_a_draft_shows_its_text_and_brand_issues(workspace: WriteWorkspace, library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text="Not cheap, just GOOD.")
    workspace.open_draft(draft.id)
    assert workspace.editor.text() == "Not cheap, just GOOD."
    assert [m.issue.rule for m in workspace.editor.marks()] == ["BRAND_BANNED", "BRAND_ALL_CAPS"]
    workspace._refresh_panel()
    assert workspace.issues.list.count() == 2
    assert "Acme Shoes" in workspace.heading.text()


def test_typed_text_is_saved_to_the_library(qtbot: QtBot, workspace: WriteWorkspace, library: Library) -> None:
    draft = library.create_draft(client_with_rules(library))
    workspace.open_draft(draft.id)
    workspace.editor.setFocus()
    qtbot.keyClicks(workspace.editor, "Hello trail runners")
    workspace.save_now()
    assert library.get_draft(draft.id).text == "Hello trail runners"


def test_new_post_with_ctrl_n_goes_to_the_current_client(qtbot: QtBot, workspace: WriteWorkspace,
                                                          library: Library) -> None:
    client_id = client_with_rules(library)
    workspace.set_client(client_id)
    workspace.new_draft()
    assert workspace.opened is not None
    assert workspace.opened.client.id == client_id
    assert not workspace.editor.isReadOnly()


def test_counters_follow_typing_and_mark_the_excess(qtbot: QtBot, workspace: WriteWorkspace,
                                                    library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text="x" * 295)
    workspace.open_draft(draft.id)
    workspace.network_actions["bluesky"].setChecked(True)
    workspace._refresh_counts()
    bluesky = workspace.counters.counts["bluesky"]
    assert (bluesky.length, bluesky.limit) == (295, 300)
    assert workspace.counters.buttons["bluesky"].text() == "Bluesky 295/300 · 295/3000 B"
    workspace.editor.moveCursor(workspace.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(workspace.editor, "y" * 10)
    qtbot.waitUntil(lambda: workspace.counters.counts["bluesky"].length == 305)
    assert workspace.editor.over_from() == 300
    workspace.save_now()
    assert library.get_draft(draft.id).networks == ("bluesky",)


def test_a_network_variant_is_edited_and_saved(qtbot: QtBot, workspace: WriteWorkspace, library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text="Base text")
    workspace.open_draft(draft.id)
    workspace.network_actions["bluesky"].setChecked(True)
    workspace.variant_bar.select("bluesky")
    assert workspace.variant_bar.info.text() == "Bluesky uses the base text."
    workspace.make_variant()
    workspace.editor.moveCursor(workspace.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(workspace.editor, " for Bluesky")
    workspace.save_now()
    variants = library.get_draft(draft.id).variants
    assert variants["bluesky"].text == "Base text for Bluesky"
    assert library.get_draft(draft.id).text == "Base text"
    workspace.drop_variant()
    workspace.save_now()
    assert "bluesky" not in library.get_draft(draft.id).variants


def test_split_into_a_numbered_thread_and_join(workspace: WriteWorkspace, library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text=LONG)
    workspace.open_draft(draft.id)
    workspace.network_actions["bluesky"].setChecked(True)
    workspace.variant_bar.select("bluesky")
    workspace.split(numbered=True)
    parts = workspace.draft.threads["bluesky"]
    assert len(parts) == 3
    assert all(count(part, "bluesky").ok for part in parts)
    assert parts[0].endswith(" 1/3")
    assert workspace.stack.currentWidget() is workspace.thread_editor
    assert [e.text() for e in workspace.thread_editor.editors] == parts
    # the parts stay editable
    workspace.thread_editor.editors[1].insert("Also: ")
    workspace.save_now()
    stored = library.get_draft(draft.id).variants["bluesky"].parts
    assert stored[1].startswith("Also: ")
    workspace.join_thread()
    workspace.save_now()
    second = parts[1].rsplit(" ", 1)[0]  # without its "2/3"
    assert library.get_draft(draft.id).variants["bluesky"].text == LONG.replace(second, "Also: " + second, 1)


def test_splitting_a_thread_again_starts_from_its_parts_without_numbers(workspace: WriteWorkspace,
                                                                        library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text=LONG)
    workspace.open_draft(draft.id)
    workspace.network_actions["bluesky"].setChecked(True)
    workspace.variant_bar.select("bluesky")
    workspace.split(numbered=True)
    numbered = list(workspace.draft.threads["bluesky"])
    workspace.split(numbered=False)  # the toolbar's "Split into thread" on a thread
    plain = workspace.draft.threads["bluesky"]
    assert not any(part.endswith(("/3", "/2")) for part in plain), plain
    assert " ".join(plain) == LONG
    workspace.split(numbered=True)
    assert workspace.draft.threads["bluesky"] == numbered
    # typed into a part a moment ago (its save still waiting): split again keeps it
    workspace.thread_editor.editors[0].moveCursor(workspace.thread_editor.editors[0].textCursor().MoveOperation.Start)
    workspace.thread_editor.editors[0].insert("Fresh: ")
    workspace.split(numbered=False)
    parts = workspace.draft.threads["bluesky"]
    assert parts[0].startswith("Fresh: Sentence 0") and not parts[0].endswith("/2"), parts
    workspace.save_now()
    assert list(library.get_draft(draft.id).variants["bluesky"].parts) == parts


def test_auto_language_is_detected_the_clients_way_as_studio_check_does(workspace: WriteWorkspace,
                                                                       library: Library) -> None:
    client = library.add_client("Tea Rooms", language="en-GB")
    draft = library.create_draft(client.id, text="Our colour of the season.", language="auto")
    asked: list[tuple[object, ...]] = []
    workspace.runner.request = lambda *args, **kwargs: asked.append(  # type: ignore[method-assign]
        (args[2], kwargs["prefer"], kwargs["default_language"]))
    workspace.open_draft(draft.id)
    workspace._request_check(now=True)
    assert asked[-1] == ("auto", ("en-GB",), "en-GB")  # detected English is checked as en-GB


def test_add_to_dictionary_reaches_the_client(workspace: WriteWorkspace, library: Library) -> None:
    client_id = client_with_rules(library)
    draft = library.create_draft(client_id, text="Acmeflex soles")
    workspace.open_draft(draft.id)
    workspace.editor.add_word("Acmeflex")
    assert "Acmeflex" in library.get_client(client_id).dictionary


def test_a_rule_ignored_for_the_client_stays_ignored_in_its_other_posts(
        qtbot: QtBot, workspace: WriteWorkspace, library: Library) -> None:
    client_id = client_with_rules(library)
    first = library.create_draft(client_id, text="First post")
    second = library.create_draft(client_id, text="Second post")
    other = library.create_draft(library.add_client("Beta").id, text="Other client")
    workspace.open_draft(first.id)
    workspace.editor.ignore_rule_for_client("EN_QUOTES")
    assert library.get_client(client_id).ignored_rules == ("EN_QUOTES",)
    requests: list[tuple[str, ...]] = []
    workspace.runner.request = lambda *args, **kwargs: requests.append(tuple(args[4]))  # type: ignore[method-assign]
    workspace.open_draft(second.id)
    assert "EN_QUOTES" in workspace.editor.disabled_rules
    workspace._request_check(now=True)
    assert requests[-1] == ("EN_QUOTES",)  # LanguageTool is not even asked for it
    workspace.open_draft(other.id)
    assert "EN_QUOTES" not in workspace.editor.disabled_rules
    # checked again once the client manager drops it
    workspace.open_draft(second.id)
    library.update_client(replace(library.get_client(client_id), ignored_rules=()))
    workspace.activated()
    assert "EN_QUOTES" not in workspace.editor.disabled_rules


def test_a_rule_ignored_in_a_post_stays_ignored_when_it_is_opened_again(workspace: WriteWorkspace,
                                                                        library: Library) -> None:
    client_id = client_with_rules(library)
    post = library.create_draft(client_id, text="Not cheap, just GOOD.")
    other = library.create_draft(client_id, text="Also GOOD.")
    workspace.open_draft(post.id)
    workspace.editor.ignore_rule("BRAND_ALL_CAPS")
    assert [m.issue.rule for m in workspace.editor.marks()] == ["BRAND_BANNED"]
    assert library.get_draft(post.id).ignored_rules == ("BRAND_ALL_CAPS",)
    workspace.open_draft(other.id)
    assert [m.issue.rule for m in workspace.editor.marks()] == ["BRAND_ALL_CAPS"]  # only in that post
    workspace.open_draft(post.id)
    assert [m.issue.rule for m in workspace.editor.marks()] == ["BRAND_BANNED"]
    assert library.duplicate_draft(post.id).ignored_rules == ("BRAND_ALL_CAPS",)
    # ... until "Show again" in the issues panel; the client's own ignored rules stay ignored.
    library.ignore_rule(client_id, "EN_QUOTES")
    workspace.activated()  # reads the client again, as coming back to the page does
    button = workspace.issues.ignored
    assert not button.isHidden() and button.text().startswith("1 rule ignored in this post")
    button.click()
    assert [m.issue.rule for m in workspace.editor.marks()] == ["BRAND_BANNED", "BRAND_ALL_CAPS"]
    assert workspace.editor.disabled_rules == {"EN_QUOTES"} and button.isHidden()
    assert library.get_draft(post.id).ignored_rules == ()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_snippets_and_emoji_are_inserted(qtbot: QtBot, workspace: WriteWorkspace, library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text="Go ")
    workspace.open_draft(draft.id)
    workspace.editor.moveCursor(workspace.editor.textCursor().MoveOperation.End)
    menu = workspace.show_snippets()
    (action,) = actions_of(menu)
    assert "Sign-off" in action.text()
    action.trigger()
    menu.close()
    assert workspace.editor.text() == "Go Run with us! #AcmeRun"
    picker = workspace.show_emoji_picker()
    qtbot.keyClicks(picker.search, "rocket")
    assert picker.visible_emoji() == ["\U0001F680"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert workspace.editor.text() == "Go Run with us! #AcmeRun\U0001F680"


def test_a_draft_opened_at_start_waits_for_the_link_rules_off_the_ui_thread(
        qtbot: QtBot, context: AppContext, library: Library) -> None:
    draft = library.create_draft(client_with_rules(library), text="cheap #trail")
    page = WriteWorkspace(context)  # real threads: the rules load on a worker
    qtbot.addWidget(page)
    page.open_draft(draft.id)
    qtbot.waitUntil(lambda: page.opened is not None, timeout=10_000)
    assert page.ready
    assert page.editor.text() == "cheap #trail"
    assert [m.issue.rule for m in page.editor.marks()] == ["BRAND_BANNED"]


def test_rules_edited_in_the_library_apply_when_the_page_is_shown_again(
        workspace: WriteWorkspace, library: Library) -> None:
    client_id = client_with_rules(library)
    draft = library.create_draft(client_id, text="Cheap and bold")
    workspace.open_draft(draft.id)
    assert [m.issue.rule for m in workspace.editor.marks()] == ["BRAND_BANNED"]
    client = library.get_client(client_id)
    library.update_client(replace(client, brand_rules=BrandRules(banned={"bold": "brave"}),
                                  snippets=(Snippet("Tags", "#AcmeRun #Trail"),)))
    workspace.activated()
    assert [workspace.editor.text()[m.start:m.end] for m in workspace.editor.marks()] == ["bold"]
    assert workspace.editor.snippets == (Snippet("Tags", "#AcmeRun #Trail"),)


def test_nothing_typed_is_lost_when_writes_fail_once(qtbot: QtBot, workspace: WriteWorkspace, library: Library,
                                                      full_disk_once: Callable[[Library, BaseException], set[str]]
                                                      ) -> None:
    """The base text, a variant, a thread and the targets typed while the disk is full (each
    first write fails) are all in the library after the next save."""
    draft = library.create_draft(client_with_rules(library), text=LONG)
    workspace.open_draft(draft.id)
    failed = full_disk_once(library, OSError(28, "No space left on device"))
    said: list[str] = []
    workspace.context.messages.connect_view(lambda level, text: said.append(text))
    workspace.network_actions["bluesky"].setChecked(True)
    workspace.network_actions["linkedin"].setChecked(True)
    workspace.variant_bar.select("linkedin")
    workspace.make_variant()
    qtbot.keyClicks(workspace.editor, "In short: ")
    workspace.variant_bar.select("bluesky")
    workspace.split(numbered=False)
    workspace.variant_bar.select("")
    qtbot.keyClicks(workspace.editor, "New! ")
    workspace.save_now()
    assert said and "No space left" in said[0]
    assert failed == {"save_text", "set_variant", "set_thread", "update_draft"}
    workspace.save_now()  # the disk has room again (or the retry a moment later)
    stored = library.get_draft(draft.id)
    assert stored.text == "New! " + LONG
    assert stored.variants["linkedin"].text == "In short: " + LONG
    assert " ".join(stored.variants["bluesky"].parts) == LONG
    assert stored.networks == ("bluesky", "linkedin")
    assert not workspace.saver.pending


def test_new_draft_in_a_library_without_clients_is_the_same_from_both_buttons(
        qtbot: QtBot, workspace: WriteWorkspace, library: Library, context: AppContext) -> None:
    from studio.ui.library import LibraryWorkspace

    workspace.new_draft()  # Ctrl+N (the window's action calls this)
    assert workspace.opened is not None and workspace.opened.client.name == "My brand"
    page = LibraryWorkspace(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.open_draft_requested) as created:
        page.new_button.click()
    assert library.get_draft(created.args[0]).client_id == workspace.opened.client.id
