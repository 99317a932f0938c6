"""The GrammarEngine, and the editor's GrammarRunner around it, with a real LanguageTool and real
worker threads."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.grammar import GrammarConfig, GrammarService, LocalServer
from studio.settings import Settings
from studio.ui.context import SettingsSignals
from studio.ui.grammar import GrammarEngine
from studio.ui.tasks import Tasks
from studio.ui.write.checking import GrammarRunner

pytestmark = pytest.mark.integration


def test_creating_the_engine_starts_nothing(settings: Settings, tasks: Tasks) -> None:
    signals = SettingsSignals(settings)  # kept alive: Settings holds its emit
    engine = GrammarEngine(settings, tasks, signals)
    assert engine.state == "not started"
    assert engine.service.local_server is None  # no process, no thread, no port
    assert engine.status_text() == "Grammar: not started"


def test_first_check_starts_languagetool_off_the_ui_thread(qtbot: QtBot, engine: GrammarEngine) -> None:
    states: list[str] = []
    engine.state_changed.connect(states.append)
    results: list[list] = []
    text = "We has a tset."
    with qtbot.wait_signal(engine.state_changed, timeout=120_000,
                           check_params_cb=lambda state: state == "ready"):
        assert engine.check(text, "en-US", on_done=results.append)
    qtbot.wait_until(lambda: bool(results), timeout=60_000)
    assert states[0] == "starting" and states[-1] == "ready"
    assert "tset" in {text[i.start:i.end] for i in results[0]}
    assert engine.status_text() == "Grammar: ready (local)"


def test_missing_languagetool_asks_for_a_download(qtbot: QtBot, tmp_path: Path, settings: Settings,
                                                  tasks: Tasks, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-downloads"))
    signals = SettingsSignals(settings)  # kept alive: Settings holds its emit
    engine = GrammarEngine(settings, tasks, signals)
    with qtbot.wait_signal(engine.download_needed, timeout=30_000):
        engine.ensure_started()
    assert engine.state.startswith("unavailable: LanguageTool is not installed")
    assert engine.status_text().startswith("Grammar: LanguageTool is not installed")
    assert engine.error is not None and engine.error.hint in engine.status_text()  # what to do, too
    assert not engine.available()  # no retry storm while typing
    assert engine.check("x", "en-US", on_done=lambda issues: None) is False


def test_missing_java_is_said_plainly(qtbot: QtBot, tmp_path: Path, settings: Settings, tasks: Tasks,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    signals = SettingsSignals(settings)  # kept alive: Settings holds its emit
    engine = GrammarEngine(settings, tasks, signals)
    with qtbot.wait_signal(engine.state_changed, timeout=30_000,
                           check_params_cb=lambda state: state.startswith("unavailable")):
        engine.ensure_started()
    assert "Java 17" in engine.state
    assert engine.error is not None and "Settings" in engine.error.hint


def test_settings_switch_modes(qtbot: QtBot, settings: Settings, tasks: Tasks) -> None:
    signals = SettingsSignals(settings)  # kept alive: Settings holds its emit
    engine = GrammarEngine(settings, tasks, signals)
    settings.set("grammar.mode", "off")
    assert engine.state == "off"
    assert engine.check("text", "en-US", on_done=lambda issues: None) is False
    settings.set("grammar.mode", "public")  # without consent: refuses, sends nothing
    assert engine.state == "not started"
    with qtbot.wait_signal(engine.state_changed, timeout=30_000,
                           check_params_cb=lambda state: state.startswith("unavailable")):
        engine.ensure_started()
    assert "agreed" in engine.state
    tasks.wait(10_000)


def test_server_mode_from_settings(qtbot: QtBot, settings: Settings, tasks: Tasks, local_server) -> None:
    local_server.restartable()
    local_server.ensure_running()
    signals = SettingsSignals(settings)  # kept alive: Settings holds its emit
    engine = GrammarEngine(settings, tasks, signals)
    settings.set("grammar.server_url", local_server.url.removesuffix("/v2/"))
    settings.set("grammar.mode", "server")
    tasks.wait(10_000)
    assert engine.service.config == GrammarConfig("server", settings.get("grammar.server_url"))
    with qtbot.wait_signal(engine.state_changed, timeout=30_000,
                           check_params_cb=lambda state: state == "ready"):
        engine.ensure_started()
    assert engine.status_text() == "Grammar: ready (server)"


def runner_for(engine: GrammarEngine) -> GrammarRunner:
    """The editor's side of checking, as the Write workspace builds it around the app's engine."""
    return GrammarRunner(engine.settings, engine)


def test_runner_checks_one_text_at_a_time_and_the_newest_last(qtbot: QtBot, engine: GrammarEngine) -> None:
    runner = runner_for(engine)
    got: list[tuple[int, str, list]] = []
    runner.ready.connect(lambda revision, text, issues: got.append((revision, text, issues)))
    texts = [f"Ths is draft number {n}." for n in range(5)] + ["🎉 Final text with a tset."]
    for revision, text in enumerate(texts, 1):
        runner.request(revision, text, "en-US", now=True)  # no debounce: sent while one is in flight
    qtbot.wait_until(lambda: bool(got) and got[-1][0] == len(texts), timeout=120_000)
    # The first text went at once; the ones asked for meanwhile were replaced by the newest.
    assert [revision for revision, _, _ in got] == [1, len(texts)]
    for _revision, text, issues in got:  # each answer is in code points of the text it names
        assert all(0 <= issue.start < issue.end <= len(text) for issue in issues)
    _, final, issues = got[-1]
    assert final == texts[-1]
    assert "tset" in {final[i.start:i.end] for i in issues}


def test_runner_waits_for_a_pause(qtbot: QtBot, engine: GrammarEngine, settings: Settings) -> None:
    settings.set("grammar.delay_ms", 200)
    runner = runner_for(engine)
    got: list[int] = []
    runner.ready.connect(lambda revision, text, issues: got.append(revision))
    text = ""
    for revision, ch in enumerate("We has a tset", 1):
        text += ch
        runner.request(revision, text, "en-US")
        qtbot.wait(5)
    qtbot.wait_until(lambda: bool(got), timeout=120_000)
    qtbot.wait(300)
    assert got == [len(text)]  # one check, for the whole word, after the pause


def test_unknown_language_is_reported_by_the_runner(qtbot: QtBot, engine: GrammarEngine) -> None:
    runner = runner_for(engine)
    answers: list[object] = []
    runner.ready.connect(lambda revision, text, issues: answers.append(issues))
    # Said where the post's language is chosen (not as an engine failure); old underlines go.
    with qtbot.wait_signal(runner.unsupported, timeout=120_000,
                           check_params_cb=lambda message, _recognised: bool(message)) as blocker:
        runner.request(1, "Hello", "xx-YY", now=True)
    assert "xx-YY" in blocker.args[0] and blocker.args[1]  # a language, just not one it checks
    assert answers == [[]]
    assert not engine.state.startswith("unavailable")


def test_shutdown_stops_the_local_server(qtbot: QtBot, settings: Settings, tasks: Tasks) -> None:
    service = GrammarService(GrammarConfig("local"))
    engine = GrammarEngine(settings, tasks, service=service)
    with qtbot.wait_signal(engine.state_changed, timeout=120_000,
                           check_params_cb=lambda state: state == "ready"):
        engine.ensure_started()
    server = service.local_server
    assert server is not None and server.is_running()
    engine.shutdown()
    assert not server.is_running()


def test_a_crashed_server_is_restarted_without_waiting_for_a_check(qtbot: QtBot, settings: Settings,
                                                                   tasks: Tasks) -> None:
    import psutil

    service = GrammarService(GrammarConfig("local"))
    engine = GrammarEngine(settings, tasks, service=service)
    with qtbot.wait_signal(engine.state_changed, timeout=120_000,
                           check_params_cb=lambda state: state == "ready"):
        engine.ensure_started()
    server = service.local_server
    assert server is not None and server.pid is not None
    java = next(p for p in psutil.Process(server.pid).children(recursive=True) if "java" in p.name())
    states: list[str] = []
    engine.state_changed.connect(states.append)
    java.kill()
    qtbot.wait_until(lambda: states[-2:] == ["starting", "ready"], timeout=120_000)
    assert server.is_running() and server.starts == 2
    engine.shutdown()
    assert not server.is_running()


def test_an_error_stays_in_the_status_bar_with_its_hint_until_a_check_goes_through(
        qtbot: QtBot, settings: Settings, tasks: Tasks, local_server: LocalServer) -> None:
    settings.set("grammar.mode", "server")
    settings.set("grammar.server_url", "http://127.0.0.1:9")  # nothing listens there
    signals = SettingsSignals(settings)  # kept alive: Settings holds its emit
    engine = GrammarEngine(settings, tasks, signals)
    errors: list[object] = []
    with qtbot.wait_signal(engine.state_changed, timeout=60_000,
                           check_params_cb=lambda state: state.startswith("unavailable")):
        engine.check("We has a tset.", "en-US", on_done=lambda _issues: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    shown = engine.status_text()
    assert shown.startswith("Grammar: Cannot reach") and "Check the address in Settings → Grammar" in shown
    # Trying again (the next pause in typing) keeps the error in view: no "connecting…" flicker.
    states: list[str] = []
    engine.state_changed.connect(states.append)
    engine.check("We has a tset.", "en-US", on_done=lambda _issues: None, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) >= 2, timeout=60_000)
    tasks.wait(30_000)
    assert engine.status_text() == shown and not [s for s in states if not s.startswith("unavailable")], states
    # The server is there now: the next check that goes through clears the error.
    local_server.ensure_running()
    engine.service.reconfigure(GrammarConfig("server", server_url=local_server.url))
    done: list[object] = []
    engine.check("We has a tset.", "en-US", on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    assert engine.status_text() == "Grammar: ready (server)"
    tasks.wait(30_000)
    engine.checker.close()
