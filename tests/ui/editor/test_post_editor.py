"""The post editor widget: underlines, hover text, the fixes menu, replacements after emoji, ignore,
dictionary, keyboard walk through issues, and answers for older text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from studio.editors.post.editor import PostEditor, actions_of
from studio.editors.post.highlighter import CATEGORY_COLOURS
from studio.model import BrandRules, Issue

EMOJI = "\U0001F44D\U0001F3FD"  # thumbs up with skin tone: 2 code points, 4 UTF-16 units
RULES = BrandRules(banned={"cheap": "affordable"}, forbid_all_caps=True)


def make_editor(qtbot: QtBot, text: str, rules: BrandRules = RULES) -> PostEditor:
    editor = PostEditor()
    qtbot.addWidget(editor)
    editor.brand_rules = rules
    editor.set_text(text)
    editor.resize(500, 200)
    editor.show()
    return editor


def underline_at(editor: PostEditor, position: int) -> QTextCharFormat | None:
    block = editor.document().findBlock(position)
    for item in block.layout().formats():
        inside = item.start <= position - block.position() < item.start + item.length
        if inside and item.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
            return QTextCharFormat(item.format)  # a copy: the layout's list is temporary
    return None


def qt_text(editor: PostEditor, start: int, end: int) -> str:
    """The text between two Qt positions, as Qt selects it."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def spelling(text: str, word: str, fix: str) -> Issue:
    start = text.index(word)
    return Issue(start, start + len(word), "spelling", "MORFOLOGIK_RULE_EN_US", "Possible spelling mistake.", (fix,))


def test_brand_issue_is_underlined_in_its_colour_after_emoji(qtbot: QtBot) -> None:
    text = f"{EMOJI} Our 🎉 cheap shoes"
    editor = make_editor(qtbot, text)
    (mark,) = editor.marks()
    assert (mark.start, mark.end) == (12, 17)  # UTF-16: emoji 4 + " Our " 5 + party 2 + " " 1
    assert qt_text(editor, mark.start, mark.end) == "cheap"
    fmt = underline_at(editor, mark.start + 1)
    assert fmt is not None
    assert fmt.underlineColor().name() == CATEGORY_COLOURS["brand"]
    assert underline_at(editor, mark.start - 2) is None


def test_replacement_lands_on_the_word_after_emoji(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, f"{EMOJI} Our 🎉 cheap shoes")
    (mark,) = editor.marks()
    menu = editor.issue_menu(mark)
    labels = [action.text() for action in actions_of(menu)]
    assert labels[0].startswith("“cheap” is on the client's list")
    assert "affordable" in labels
    assert "Ignore once" in labels
    assert "Ignore this brand rule in this post" in labels
    next(action for action in actions_of(menu) if action.text() == "affordable").trigger()
    assert editor.text() == f"{EMOJI} Our 🎉 affordable shoes"
    assert editor.marks() == []


def test_grammar_issue_menu_offers_the_dictionary(qtbot: QtBot) -> None:
    text = f"{EMOJI} Recieve it"
    editor = make_editor(qtbot, text)
    editor.set_grammar_issues(editor.revision, text, [spelling(text, "Recieve", "Receive")])
    (mark,) = editor.marks()
    assert qt_text(editor, mark.start, mark.end) == "Recieve"
    assert underline_at(editor, mark.start).underlineColor().name() == CATEGORY_COLOURS["spelling"]  # type: ignore[union-attr]
    labels = [action.text() for action in actions_of(editor.issue_menu(mark))]
    assert "Add “Recieve” to the client's dictionary" in labels
    with qtbot.wait_signal(editor.word_added) as signal:
        next(a for a in actions_of(editor.issue_menu(mark)) if a.text().startswith("Add ")).trigger()
    assert signal.args == ["Recieve"]
    assert editor.marks() == []
    assert underline_at(editor, mark.start) is None


def test_a_grammar_rule_can_be_ignored_in_all_of_the_clients_posts(qtbot: QtBot) -> None:
    text = "He go to work and she go home"
    editor = make_editor(qtbot, text)
    agreement = [Issue(text.index(word), text.index(word) + 5, "grammar", "HE_VERB_AGR", "Use “goes”.", ("goes",),
                       description="Agreement: 'he go' (goes)") for word in ("e go ", "e go h")]
    editor.set_grammar_issues(editor.revision, text, agreement)
    menu = editor.issue_menu(editor.marks()[0])
    (action,) = [a for a in actions_of(menu) if "all of the client's posts" in a.text()]
    # The rule in words; its id in the tooltip.
    assert action.text() == "Ignore the rule “Agreement: 'he go' (goes)” in all of the client's posts"
    assert action.toolTip() == "HE_VERB_AGR"
    with qtbot.wait_signal(editor.rule_ignored_for_client) as signal:
        action.trigger()
    assert signal.args == ["HE_VERB_AGR"]
    assert editor.marks() == []
    # Not for spelling (the client's dictionary is the way) nor brand rules (the client's own settings).
    speller = make_editor(qtbot, "I recieve mail")
    speller.set_grammar_issues(speller.revision, "I recieve mail", [spelling("I recieve mail", "recieve", "receive")])
    brand = make_editor(qtbot, "so cheap")
    for other in (speller, brand):
        labels = [a.text() for a in actions_of(other.issue_menu(other.marks()[0]))]
        assert not [label for label in labels if "all of the client's posts" in label], labels


def test_hover_shows_the_message(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "so cheap")
    (mark,) = editor.marks()
    tip = editor.tooltip_for(mark)
    assert "list of words not to use" in tip and "affordable" in tip and "Ctrl+." in tip
    assert editor.mark_at(mark.start + 2) == mark
    assert editor.mark_at(0) is None


def test_ignore_once_and_ignore_rule(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "cheap and cheap. HUGE SALE")
    assert [m.issue.rule for m in editor.marks()] == ["BRAND_BANNED", "BRAND_BANNED", "BRAND_ALL_CAPS",
                                                      "BRAND_ALL_CAPS"]
    editor.ignore_once(editor.marks()[0])
    assert [m.issue.rule for m in editor.marks()] == ["BRAND_BANNED", "BRAND_ALL_CAPS", "BRAND_ALL_CAPS"]
    # typing after it keeps the first one ignored once the rules run again
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " ok")
    editor.refresh_brand()
    assert len([m for m in editor.marks() if m.issue.rule == "BRAND_BANNED"]) == 1
    with qtbot.wait_signal(editor.rule_ignored) as signal:
        editor.ignore_rule("BRAND_ALL_CAPS")
    assert signal.args == ["BRAND_ALL_CAPS"]
    assert [m.issue.rule for m in editor.marks()] == ["BRAND_BANNED"]


def test_answer_for_older_text_is_moved_or_dropped(qtbot: QtBot) -> None:
    text = "I recieve mail and teh news"
    editor = make_editor(qtbot, text, BrandRules())
    old = editor.revision
    issues = [spelling(text, "recieve", "receive"), spelling(text, "teh", "the")]
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    editor.insertPlainText(EMOJI)  # pasted before both words while the check ran (QTest cannot type
    qtbot.keyClicks(editor, " ")  # characters outside the BMP: it sends UTF-16 halves)
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("teh") + 1 + 2)  # + 2: the emoji's extra UTF-16 units
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "x")  # and inside the second one
    editor.set_grammar_issues(old, text, issues)
    (mark,) = editor.marks()
    assert qt_text(editor, mark.start, mark.end) == "recieve"


def test_answer_for_a_newer_revision_than_the_editor_is_ignored(qtbot: QtBot) -> None:
    text = "teh"
    editor = make_editor(qtbot, text, BrandRules())
    editor.set_grammar_issues(editor.revision + 5, text, [spelling(text, "teh", "the")])
    assert editor.marks() == []


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # a popup menu, offscreen
def test_keyboard_walks_and_fixes_every_issue(qtbot: QtBot) -> None:
    text = "cheap recieve HUGE"
    editor = make_editor(qtbot, text)
    editor.set_grammar_issues(editor.revision, text, [spelling(text, "recieve", "receive")])
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert editor.textCursor().selectedText() == "cheap"
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert editor.textCursor().selectedText() == "recieve"
    qtbot.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectedText() == "cheap"
    while editor.marks():
        menu = editor.open_issue_menu()
        assert menu is not None
        first_fix = next(a for a in actions_of(menu) if a.isEnabled())
        with qtbot.wait_signal(editor.fix_applied) as fixed:  # the page checks a fix at once
            first_fix.trigger()  # what Enter on the menu's first suggestion does
        assert fixed.args == [editor.revision]
        menu.close()
    assert editor.text() == "affordable receive Huge"


def test_missing_hashtag_is_offered_at_the_end(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "Run with us", BrandRules(required_hashtags=("#AcmeRun",)))
    (mark,) = editor.marks()
    assert mark.start == mark.end == len("Run with us")
    editor.apply(mark, mark.issue.replacements[0])
    assert editor.text() == "Run with us #AcmeRun"
    editor.refresh_brand()
    assert editor.marks() == []


def test_over_limit_part_is_marked(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, f"{EMOJI}abcdef", BrandRules())
    editor.set_over_from(4)  # code point 4 = "cd..." after emoji (UTF-16 6)
    assert editor.over_from() == 6
    block = editor.document().firstBlock()
    backgrounds = [(r.start, r.length) for r in list(block.layout().formats())
                   if QTextCharFormat(r.format).background().color().name() == "#ffd8d6"]
    assert backgrounds == [(6, 4)]  # "cdef"


def test_underlines_in_later_paragraphs_stay_on_their_words_while_typing_above(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "First paragraph.\n\nSecond one is cheap.")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.insertPlainText(EMOJI)
    qtbot.keyClicks(editor, " Hi")
    editor.refresh_brand()
    (mark,) = editor.marks()
    assert qt_text(editor, mark.start, mark.end) == "cheap"
    block = editor.document().findBlock(mark.start)
    assert underline_at(editor, mark.start + 1) is not None
    assert underline_at(editor, block.position()) is None


def test_a_dictionary_word_is_hidden_in_any_case_as_the_checker_drops_it(qtbot: QtBot) -> None:
    text = "ACMEFLEX soles, acmeflex laces"
    editor = make_editor(qtbot, text, BrandRules())
    editor.set_grammar_issues(editor.revision, text, [spelling(text, "ACMEFLEX", "Acme flex"),
                                                      spelling(text, "acmeflex", "Acme flex")])
    assert len(editor.marks()) == 2
    editor.add_word("Acmeflex")
    assert editor.marks() == []
