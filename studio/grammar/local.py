"""The local LanguageTool server: found, started, watched, restarted and stopped by Studio.

The server is a ``java`` process listening on a free loopback port. It must never outlive Studio,
however Studio ends:

- a normal quit calls :meth:`LocalServer.stop` (and an ``atexit`` hook does it for any forgotten
  server), which signals the server's whole process group, then kills it if it lingers;
- a crash or ``kill -9`` of Studio runs no Python at all, so on POSIX the server is started under a
  tiny ``sh`` guard that holds the read end of a pipe whose only write end is in Studio: when Studio
  dies, the kernel closes the pipe, the guard's ``read`` returns and it stops ``java``
  (``tests/integration/grammar/test_lifecycle.py`` kills a parent with SIGKILL and checks).
  On Windows only the quit path and ``atexit`` apply (no guard yet).

Where the jars are: ``LTP_JAR_DIR_PATH`` or Studio's data folder (``studio.paths.languagetool_dir``),
then language-tool-python's own download folder (``LanguageTool-<version>/`` there), which is
where the download dialog puts them.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from pathlib import Path

from studio.files import write_atomically
from studio.grammar.errors import GrammarUnavailable, JavaMissing, LanguageToolMissing

log = logging.getLogger(__name__)

MIN_JAVA = 17
JAR_NAMES = ("languagetool-server.jar", "languagetool.jar")

# The guard: runs java in the background, stops it when fd 3 (the pipe from Studio) reaches EOF,
# and exits with java's status when java ends by itself (so Popen.poll() sees a dead server).
_GUARD = r"""
exec 3<&0
"$@" </dev/null 3<&- &
child=$!
( read -r _ <&3; kill -TERM "$child" 2>/dev/null; sleep 5; kill -KILL "$child" 2>/dev/null ) &
watcher=$!
exec 3<&-
trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
while :; do
  wait "$child"; status=$?
  kill -0 "$child" 2>/dev/null || break
done
kill "$watcher" 2>/dev/null
exit "$status"
"""


def find_java() -> Path:
    """The ``java`` to run: ``$JAVA_HOME/bin/java`` or the first on ``PATH``; raise
    :class:`JavaMissing` when there is none or it is older than Java 17."""
    candidates = []
    java_home = os.environ.get("JAVA_HOME", "").strip()
    if java_home:
        candidates.append(Path(java_home) / "bin" / ("java.exe" if os.name == "nt" else "java"))
    found = shutil.which("java")
    if found:
        candidates.append(Path(found))
    for java in candidates:
        if java.is_file():
            major = java_major_version(java)
            if major >= MIN_JAVA:
                return java
            raise JavaMissing(
                f"Local grammar checking needs Java {MIN_JAVA} or newer; this computer has Java {major}.",
                "Install a newer Java runtime (for example: apt install default-jre-headless), "
                "or choose a LanguageTool server in Settings → Grammar.",
            )
    raise JavaMissing(
        f"Local grammar checking needs Java {MIN_JAVA} or newer, and no Java was found.",
        "Install a Java runtime (for example: apt install default-jre-headless, or adoptium.net), "
        "or choose a LanguageTool server in Settings → Grammar.",
    )


def java_major_version(java: Path) -> int:
    """The major version of ``java`` (8 for "1.8.0_392", 17 for "17.0.15"), 0 when unreadable."""
    try:
        result = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return 0
    return parse_java_version(result.stderr + result.stdout)


def parse_java_version(output: str) -> int:
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    if not match:
        return 0
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8.0": the old scheme
        major = int(match.group(2))
    return major


def jar_search_dirs() -> list[Path]:
    """Where :func:`find_jar` looks, in order: ``$LTP_JAR_DIR_PATH`` or Studio's data folder, the
    versions language-tool-python (or Settings → Grammar) downloaded, newest first, and last, when
    ``$LTP_JAR_DIR_PATH`` is not set, the checkout's ``.cache/languagetool`` that ``make run``
    fetched: ``.venv/bin/studio check`` finds it without the variable ``make run`` sets for the app,
    and a variable someone did set is never second-guessed."""
    from studio.paths import checkout_cache_dir, languagetool_dir

    dirs = [languagetool_dir()]
    downloads = _ltp_download_dir()
    if downloads is not None and downloads.is_dir():
        versions = sorted(
            (path for path in downloads.glob("LanguageTool-*") if path.is_dir()),
            key=lambda path: _version_key(path.name),
            reverse=True,
        )
        dirs.extend(versions)
    cache = checkout_cache_dir()
    if cache is not None and (cache / "languagetool").is_dir() and not os.environ.get("LTP_JAR_DIR_PATH", "").strip():
        dirs.append(cache / "languagetool")
    return dirs


def find_jar() -> Path:
    """The LanguageTool server jar, or :class:`LanguageToolMissing` saying where it was looked for."""
    searched = jar_search_dirs()
    for folder in searched:
        for name in JAR_NAMES:
            if (folder / name).is_file():
                return folder / name
    raise LanguageToolMissing(
        "LanguageTool is not installed on this computer, so texts cannot be checked locally.",
        "Download it from Settings → Grammar, set LTP_JAR_DIR_PATH to a folder "
        "with languagetool-server.jar, or choose a LanguageTool server. Looked in: "
        + ", ".join(str(path) for path in searched[:2]),
    )


def _ltp_download_dir() -> Path | None:
    """language-tool-python's download folder (``$LTP_PATH`` or ~/.cache/language_tool_python),
    without creating it the way its own helper does."""
    value = os.environ.get("LTP_PATH", "").strip()
    return Path(value) if value else Path.home() / ".cache" / "language_tool_python"


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)


def free_port() -> int:
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def registry_file() -> Path:
    """Where a running local server is announced, so ``studio check`` can use the app's server
    instead of starting its own (in the user's data folder: per user, never shared)."""
    from studio.paths import data_dir

    return data_dir() / "languagetool-server.json"


def find_running() -> str:
    """The base URL of a local server another Studio process announced and that answers, or ""."""
    import json

    import requests

    try:
        entry = json.loads(registry_file().read_text(encoding="utf-8"))
        url, owner = str(entry["url"]), int(entry["owner"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    if not url.startswith("http://127.0.0.1:") or not _alive(owner):
        return ""
    try:
        return url if requests.get(url + "healthcheck", timeout=2).ok else ""
    except requests.RequestException:
        return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_LIVE: weakref.WeakSet[LocalServer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for server in list(_LIVE):
        server.stop()


class LocalServer:
    """One LanguageTool server process on loopback, started on demand.

    Thread-safe: :meth:`ensure_running` may be called from any worker; the first call starts the
    server (blocking that worker, never the UI thread), later calls return at once while it lives,
    and restart it if it died. ``startup_timeout`` bounds one start.
    """

    def __init__(self, *, java: Path | None = None, jar: Path | None = None,
                 startup_timeout: float = 90.0, heap: str = "",
                 on_exit: Callable[[int], None] | None = None) -> None:
        self._java = java
        # Called (on a background thread) with the exit code when a running server ends by
        # itself (a crash, the OOM killer), never for a stop Studio asked for.
        self.on_exit = on_exit
        self._stopping: set[int] = set()
        self._served: set[int] = set()  # pids that became ready (a failed start is reported anyway)
        self._jar = jar
        self.startup_timeout = startup_timeout
        self.heap = heap or os.environ.get("STUDIO_LT_HEAP", "")
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._log: deque[str] = deque(maxlen=40)
        self._log_file: Path | None = None
        self.starts = 0
        self._closed = False

    @property
    def url(self) -> str:
        """The base URL (``http://127.0.0.1:PORT/v2/``) of the running server, or ""."""
        return f"http://127.0.0.1:{self._port}/v2/" if self._port else ""

    @property
    def pid(self) -> int | None:
        """The process id of the server's guard (its process group), while it runs."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def is_running(self) -> bool:
        process = self._process
        return process is not None and process.poll() is None

    def cpu_seconds(self) -> float | None:
        """The CPU time the server's processes (its process group) have used so far; ``None``
        where it cannot be read (not running, or not Linux). Tells a server starved of CPU,
        whose time still moves, from a hung one."""
        group = self.pid
        if group is None or not os.path.exists("/proc/self/stat"):
            return None
        ticks = 0
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(os.path.join(entry.path, "stat"), encoding="ascii", errors="replace") as handle:
                    stat = handle.read()
                # After "pid (comm) ": state, ppid, pgrp, ... utime and stime are fields 14 and 15.
                fields = stat[stat.rindex(")") + 2:].split()
                if int(fields[2]) == group:
                    ticks += int(fields[11]) + int(fields[12])
            except (OSError, ValueError, IndexError):
                continue  # gone meanwhile, or not ours to read
        return ticks / os.sysconf("SC_CLK_TCK")

    def ensure_running(self) -> str:
        """Start the server if it is not running (again); return its base URL."""
        with self._lock:
            if self._closed:
                raise GrammarUnavailable("Grammar checking has stopped because Studio is quitting.")
            if self.is_running():
                return self.url
            if self._process is not None:
                log.warning("LanguageTool server ended (code %s); starting it again",
                            self._process.returncode)
                self._cleanup()
            self._start()
            return self.url

    def restart(self) -> str:
        """Stop the server, hung or not, and start a new one; return its base URL."""
        with self._lock:
            if self._closed:
                raise GrammarUnavailable("Grammar checking has stopped because Studio is quitting.")
            self._terminate()
            self._start()
            return self.url

    def _command(self, port: int) -> list[str]:
        java = self._java or find_java()
        jar = self._jar or find_jar()
        command = [str(java)]
        if self.heap:
            command.append(f"-Xmx{self.heap}")
        # -cp + main class, not -jar: a full LanguageTool download's languagetool-server.jar has
        # no Main-Class of its own (the same invocation language-tool-python uses).
        command += ["-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", str(port)]
        nice = shutil.which("nice") if os.name == "posix" else None
        if nice:
            # Checks are bursts of CPU on every core; the editor's UI thread must win them.
            command = [nice, "-n", "10", *command]
        return command

    def _start(self) -> None:
        last_error = ""
        for _attempt in range(3):  # a port taken between free_port() and java's bind: try another
            port = free_port()
            command = self._command(port)
            log.info("Starting LanguageTool: %s", " ".join(command))
            self.starts += 1
            self._process = self._spawn(command)
            _LIVE.add(self)
            self._port = port
            try:
                self._wait_ready()
                self._served.add(self._process.pid)
                log.info("LanguageTool is ready on port %d (pid %d)", port, self._process.pid)
                self._announce(self._process.pid)
                return
            except GrammarUnavailable as error:
                last_error = error.message
                self._terminate()
                if "Address already in use" not in "\n".join(self._log):
                    break
        raise GrammarUnavailable(
            f"The local LanguageTool server did not start: {last_error}",
            "See the log for details, or choose a LanguageTool server in Settings → Grammar. "
            + self.log_tail(),
        )

    def _spawn(self, command: list[str]) -> subprocess.Popen[bytes]:
        if os.name == "posix":
            process = subprocess.Popen(
                ["/bin/sh", "-c", _GUARD, "studio-languagetool", *command],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                # Its own process group (stop() signals java and guard), but Studio's session:
                # Linux gives each session its own scheduling group ("autogroup"), in which nice
                # counts for nothing against Studio; in the same one, java's nice 10 lets the UI
                # thread win the CPU while LanguageTool checks.
                process_group=0,
            )
        else:
            flags = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) | getattr(
                subprocess, "CREATE_NO_WINDOW", 0)
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                creationflags=flags,
            )
        self._log.clear()
        threading.Thread(
            target=self._drain, args=(process,), name="languagetool-log", daemon=True
        ).start()
        return process

    def _drain(self, process: subprocess.Popen[bytes]) -> None:
        """Keep the last lines of the server's output (for error messages) and never let its pipe
        fill up, which would freeze the server."""
        assert process.stdout is not None
        with contextlib.suppress(ValueError, OSError):  # the pipe closed under us by a stop
            for raw in process.stdout:
                line = raw.decode("utf-8", "replace").rstrip()
                self._log.append(line)
                log.debug("languagetool: %s", line)
        try:
            code = process.wait(30)
        except subprocess.TimeoutExpired:
            return
        if process.pid in self._stopping or process.pid not in self._served or self._closed:
            return
        log.warning("LanguageTool (pid %d) ended by itself with code %s. %s", process.pid, code,
                    self.log_tail())
        if self.on_exit is not None:
            self.on_exit(code)

    def log_tail(self, lines: int = 3) -> str:
        tail = [line for line in list(self._log) if line.strip()][-lines:]
        return ("Last output: " + " | ".join(tail)) if tail else ""

    def _wait_ready(self) -> None:
        import requests

        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        url = self.url + "healthcheck"
        with requests.Session() as session:
            while time.monotonic() < deadline:
                if self._closed:
                    raise GrammarUnavailable("Studio is quitting")
                code = self._process.poll()
                if code is not None:
                    time.sleep(0.1)  # let the log thread catch the last words
                    raise GrammarUnavailable(f"it exited with code {code}")
                with contextlib.suppress(requests.RequestException):
                    if session.get(url, timeout=2).ok:
                        return
                time.sleep(0.2)
        raise GrammarUnavailable(f"it did not answer within {self.startup_timeout:.0f} seconds")

    def health(self) -> bool:
        """Whether the server answers its health check now (no start, no restart)."""
        import requests

        if not self.is_running():
            return False
        try:
            return bool(requests.get(self.url + "healthcheck", timeout=5).ok)
        except requests.RequestException:
            return False

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server and everything it started; safe to call more than once. A start in
        progress gives up within a fraction of a second, so quitting never waits for it."""
        self._closed = True  # read by _wait_ready without the lock, which a start is holding
        with self._lock:
            self._terminate(timeout)

    def terminate(self) -> None:
        """Stop the server for now (the mode left local); a later :meth:`ensure_running` starts
        it again."""
        with self._lock:
            self._terminate()

    def restartable(self) -> None:
        """Allow :meth:`ensure_running` again after :meth:`stop` (the mode went back to local)."""
        with self._lock:
            self._closed = False

    def _terminate(self, timeout: float = 10.0) -> None:
        process = self._process
        if process is None:
            return
        self._stopping.add(process.pid)
        self._withdraw(process.pid)
        if process.poll() is None:
            log.info("Stopping LanguageTool (pid %d)", process.pid)
            self._signal(process, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal(process, getattr(signal, "SIGKILL", signal.SIGTERM))
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(5)
        if os.name == "posix":
            # The guard may be gone while java lingers in the group: make sure of it.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        self._cleanup()

    def _announce(self, pid: int) -> None:
        import json

        path = registry_file()
        entry = {"url": self.url, "pid": pid, "owner": os.getpid()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, json.dumps(entry))
        except OSError as error:  # sharing is a convenience; checking works without it
            log.info("Cannot announce the LanguageTool server in %s: %s", path, error)

    def _withdraw(self, pid: int) -> None:
        import json

        path = registry_file()
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            if int(json.loads(path.read_text(encoding="utf-8"))["pid"]) == pid:
                path.unlink()

    def _cleanup(self) -> None:
        process = self._process
        if process is not None:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        self._process = None
        self._port = 0

    @staticmethod
    def _signal(process: subprocess.Popen[bytes], sig: int) -> None:
        try:
            if os.name == "posix":
                os.killpg(process.pid, sig)
            else:
                process.send_signal(sig)
        except (ProcessLookupError, PermissionError, OSError):
            pass
