"""The local server's life: started lazily, restarted when it dies, stopped on quit, and never left
behind as an orphan ``java``, even when Studio is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from studio.grammar import GrammarConfig, GrammarService, IncrementalChecker, LocalServer

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("languagetool_jars")]


def java_of(guard_pid: int) -> psutil.Process:
    children = psutil.Process(guard_pid).children(recursive=True)
    javas = [child for child in children if "java" in child.name()]
    assert len(javas) == 1, children
    return javas[0]


def wait_gone(process: psutil.Process, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


def test_nothing_starts_before_the_first_check() -> None:
    service = GrammarService(GrammarConfig("local"))
    assert service.local_server is None
    service.close()  # closing an unstarted service is fine


def test_restarted_after_it_dies_and_stopped_on_close() -> None:
    service = GrammarService(GrammarConfig("local"))
    checker = IncrementalChecker(service)
    assert checker.check("We has a tset.", "en-US")
    server = service.local_server
    assert server is not None and server.pid is not None
    guard = server.pid
    java = java_of(guard)

    java.kill()  # LanguageTool crashes
    assert wait_gone(java)
    text = "Ths is the second check."
    assert "Ths" in {text[i.start:i.end] for i in checker.check(text, "en-US")}
    assert server.starts == 2

    guard = server.pid
    assert guard is not None
    java = java_of(guard)
    service.close()
    assert wait_gone(java, 15)
    assert not psutil.pid_exists(guard) or psutil.Process(guard).status() == psutil.STATUS_ZOMBIE
    checker.close()


def test_a_hung_server_is_replaced() -> None:
    service = GrammarService(GrammarConfig("local"))
    service.start()
    server = service.local_server
    assert server is not None and server.pid is not None
    java = java_of(server.pid)
    java.suspend()  # alive but deaf: the check times out, the health check fails, it is restarted
    try:
        from studio.grammar.client import LanguageToolClient

        service._client = LanguageToolClient(server.url, timeout=3, label="the local server")
        text = "Ths works again."
        assert "Ths" in {text[i.start:i.end] for i in service.check(text, "en-US")}
        assert server.starts == 2
        assert wait_gone(java, 20)
    finally:
        if java.is_running():
            java.resume()
        service.close()


CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from studio.grammar import LocalServer
server = LocalServer()
server.ensure_running()
import psutil
java = [c.pid for c in psutil.Process(server.pid).children(recursive=True) if "java" in c.name()]
print(server.pid, *java, flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_no_orphan_java_when_studio_is_killed(tmp_path: Path, how: signal.Signals, languagetool_jars: Path) -> None:
    jars = languagetool_jars
    env = dict(os.environ, LTP_JAR_DIR_PATH=str(jars))
    parent = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT))],
        stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert parent.stdout is not None
        guard_pid = int(parent.stdout.readline().split()[0])
        java = java_of(guard_pid)
        assert java.is_running()
        parent.send_signal(how)  # no atexit, no finally: only the guard can clean up
        parent.wait(10)
        assert wait_gone(java, 20), "java outlived the Studio process that started it"
        assert wait_gone(psutil.Process(guard_pid), 10) if psutil.pid_exists(guard_pid) else True
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def test_stop_on_quit_runs_at_exit(tmp_path: Path, languagetool_jars: Path) -> None:
    """A normal interpreter exit without calling stop(): the atexit hook stops the server."""
    jars = languagetool_jars
    code = CHILD.format(root=str(ROOT)).replace("time.sleep(600)", "")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env=dict(os.environ, LTP_JAR_DIR_PATH=str(jars)),
    )
    guard_pid, java_pid = (int(pid) for pid in done.stdout.split())
    for pid in (guard_pid, java_pid):
        assert not psutil.pid_exists(pid) or wait_gone(psutil.Process(pid), 10), pid


def test_shared_server_fixture_is_alive(local_server: LocalServer) -> None:
    assert local_server.health()


def test_cpu_time_tells_a_working_server_from_a_hung_one(local_server: LocalServer) -> None:
    before = local_server.cpu_seconds()
    assert before is not None
    GrammarService(GrammarConfig("local"), local=local_server).check("Ths sentence is checked.", "en-US")
    after = local_server.cpu_seconds()
    assert after is not None and after > before
    assert local_server.pid is not None
    java = java_of(local_server.pid)
    java.suspend()  # hung: its CPU time stands still
    try:
        time.sleep(0.3)
        frozen = local_server.cpu_seconds()
        time.sleep(0.5)
        assert local_server.cpu_seconds() == frozen
    finally:
        java.resume()


def test_languagetool_yields_the_cpu_to_studio(local_server: LocalServer) -> None:
    # nice only counts within one scheduling group, and Linux makes one per session: java runs
    # niced in Studio's session (its own process group, for stop()), so the UI thread wins.
    assert local_server.pid is not None
    java = java_of(local_server.pid)
    assert java.nice() == 10
    assert os.getsid(java.pid) == os.getsid(0)
    assert os.getpgid(java.pid) == local_server.pid != os.getpgid(0)


def test_leaving_local_mode_stops_the_server_and_coming_back_restarts_it() -> None:
    service = GrammarService(GrammarConfig("local"))
    service.start()
    server = service.local_server
    assert server is not None and server.is_running()
    java = java_of(server.pid or 0)
    service.reconfigure(GrammarConfig("off"))
    assert not server.is_running()
    assert wait_gone(java, 15)
    service.reconfigure(GrammarConfig("local"))
    text = "Ths is back."
    assert "Ths" in {text[i.start:i.end] for i in service.check(text, "en-US")}
    service.close()
    assert not server.is_running()


def test_quitting_while_it_starts_leaves_nothing() -> None:
    import threading

    server = LocalServer()
    outcome: list[BaseException] = []

    def start() -> None:
        try:
            server.ensure_running()
        except BaseException as error:
            outcome.append(error)

    starter = threading.Thread(target=start)
    starter.start()
    deadline = time.monotonic() + 30
    while server._process is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process = server._process
    assert process is not None
    guard = psutil.Process(process.pid)
    server.stop()
    starter.join(30)
    assert not starter.is_alive()
    assert outcome and "quitting" in str(outcome[0])
    assert wait_gone(guard, 15)
    assert not server.is_running()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # the whole process group (java too) is gone
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("a process of the LanguageTool group outlived stop()")


def test_studio_check_borrows_the_apps_server_and_survives_its_end() -> None:
    from studio.grammar.local import find_running

    app_server = LocalServer()  # what the app runs
    app_server.ensure_running()
    assert find_running() == app_server.url
    service = GrammarService(GrammarConfig("local"), reuse_running=True)  # what `studio check` does
    checker = IncrementalChecker(service)
    text = "We has a tset."
    assert "tset" in {text[i.start:i.end] for i in checker.check(text, "en-US")}
    assert service.local_server is None  # nothing started: the app's server answered
    app_server.stop()  # the app quits
    assert find_running() == ""
    second = "Ths is the next one."
    assert "Ths" in {second[i.start:i.end] for i in checker.check(second, "en-US")}
    assert service.local_server is not None and service.local_server.is_running()
    checker.close()
    service.close()
