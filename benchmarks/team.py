"""The team library against a real PostgreSQL on loopback (Debian's server binaries, started here).

Figures, each beside a baseline measured in the same run:
- an edit saved on one Studio, visible in another Studio's library (both engines running, woken by
  LISTEN/NOTIFY): median and 95th percentile over ``--edits`` edits (goal: <= 1 s and <= 2 s);
- the first sync of a ``--drafts``-draft team library into an empty Studio (``studio team join``)
  against ``studio drafts import`` of the same drafts as CSV (goal: <= 2x); the push of the same
  library by ``studio team init`` is printed too;
- the resident memory of an idle, linked library with its sync engine running (psycopg loaded as
  the app loads it, :func:`studio.team.lean_driver`), against the same library unlinked, each in
  its own headless process (goal: within 20 MB).

The CSV's scheduled rows (one in ten) travel as team schedules too, so the first sync carries
their schedules as well as the drafts the import made.

    .venv/bin/python benchmarks/team.py [--drafts 100000] [--edits 100]

Runs as root too (the server then runs as the system user ``studio-pg``). The server keeps fsync on.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IDLE = """
import json, sys, time, gc
from pathlib import Path
import psutil
from studio.library import Library
library = Library.open(Path(sys.argv[1]))
engine = None
if sys.argv[2] == "linked":  # as the app's TeamFace starts it
    from studio.team import lean_driver
    lean_driver()
    from studio.team.engine import SyncEngine
    engine = SyncEngine(library)
    engine.start()
time.sleep(4)
gc.collect()
print(json.dumps({"rss_mb": psutil.Process().memory_info().rss / 2**20}))
if engine is not None:
    engine.close()
"""


def studio(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> float:
    """Seconds ``studio ARGS`` took (a fresh process, as a person or a script runs it)."""
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "studio", *args], input=stdin, capture_output=True, text=True,
                          env=env)
    if done.returncode != 0:
        raise SystemExit(f"studio {' '.join(args[:2])} failed: {done.stderr.strip()}")
    return time.perf_counter() - begin


def invite(folder: Path, name: str, clients: list[str], env: dict[str, str]) -> dict[str, str]:
    args = ["team", "invite", name, "--role", "writer", "--json", "--library", str(folder)]
    for client in clients:
        args += ["--client", client]
    done = subprocess.run([sys.executable, "-m", "studio", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    invitation: dict[str, str] = json.loads(done.stdout)
    return invitation


def edit_latency(head: Path, member: Path, edits: int) -> list[float]:
    from studio.library import Library
    from studio.team.engine import SyncEngine

    lib_a, lib_b = Library.open(head), Library.open(member)
    engine_a, engine_b = SyncEngine(lib_a, poll_seconds=600), SyncEngine(lib_b, poll_seconds=600)
    engine_a.start()
    engine_b.start()
    try:
        time.sleep(1.0)
        ids_b = {row.text: row.id for row in lib_b.list_drafts(limit=5)}
        target_b = next(iter(ids_b.values()))
        uid = lib_b.query("SELECT uid FROM team_rows WHERE kind = 'draft' AND local_id = ?", (target_b,))[0][0]
        target_a = lib_a.query("SELECT local_id FROM team_rows WHERE kind = 'draft' AND uid = ?", (uid,))[0][0]
        latencies = []
        for n in range(edits):
            text = f"Suntingan nomor {n}: {time.time()}"
            begin = time.perf_counter()
            lib_a.save_text(target_a, text)
            while lib_b.get_draft(target_b).text != text:
                if time.perf_counter() - begin > 30:
                    raise SystemExit(f"edit {n} never arrived")
                time.sleep(0.002)
            latencies.append(time.perf_counter() - begin)
            time.sleep(0.05)
        return latencies
    finally:
        engine_a.close()
        engine_b.close()
        lib_a.close()
        lib_b.close()


def idle_rss(folder: Path, mode: str) -> float:
    done = subprocess.run([sys.executable, "-c", IDLE, str(folder), mode], capture_output=True, text=True,
                          check=True)
    return float(json.loads(done.stdout)["rss_mb"])


def pg_server_module() -> Any:
    """The tests' PostgreSQL starter, by its path (a dependency installs a package named ``tests``
    into site-packages, which hides the checkout's)."""
    path = ROOT / "tests" / "integration" / "team" / "pgserver.py"
    spec = importlib.util.spec_from_file_location("studio_bench_pgserver", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=100)
    options = parser.parse_args()

    from benchmarks.library import make_csv
    running_server = pg_server_module().running_server

    work = Path(tempfile.mkdtemp(prefix="studio-team-bench-"))
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "XDG_DATA_HOME": str(work / "xdg"), "STUDIO_CONFIG_DIR": str(work / "config"),
           "STUDIO_LOG_DIR": str(work / "logs")}
    os.environ.update(env)
    csv_path = work / "drafts.csv"
    make_csv(csv_path, options.drafts)
    clients = [f"Client {i}" for i in range(20)]
    with running_server(durable=True) as server:
        server.psql("CREATE DATABASE team").check_returncode()
        head, member, imported = work / "head", work / "member", work / "imported"
        import_s = studio("drafts", "import", str(csv_path), "--library", str(imported), env=env)
        studio("drafts", "import", str(csv_path), "--library", str(head), env=env)
        init_s = studio("team", "init", server.url(dbname="team"), "--password-stdin", "--library", str(head),
                        stdin=server.password + "\n", env=env)
        invitation = invite(head, "bench", clients, env)
        join_s = studio("team", "join", invitation["url"], "--password-stdin", "--library", str(member),
                        stdin=invitation["password"] + "\n", env=env)
        latencies = edit_latency(head, member, options.edits)
        unlinked = work / "unlinked"
        subprocess.run(["cp", "-r", str(member), str(unlinked)], check=True)
        from studio.library import Library
        from studio.team import members

        with Library.open(unlinked) as library, library.transaction() as conn:
            conn.execute("DELETE FROM team_state")
        rss_linked, rss_unlinked = idle_rss(member, "linked"), idle_rss(unlinked, "unlinked")
        with Library.open(member) as library:
            synced = members.status(library)["synced_rows"]
    latencies.sort()
    p95 = statistics.quantiles(latencies, n=20)[18]
    print(json.dumps({
        "drafts": options.drafts,
        "edit_visible_median_s": round(statistics.median(latencies), 3),
        "edit_visible_p95_s": round(p95, 3),
        "edits": len(latencies),
        "csv_import_s": round(import_s, 2),
        "team_init_push_s": round(init_s, 2),
        "first_sync_join_s": round(join_s, 2),
        "first_sync_vs_import": round(join_s / import_s, 2),
        "rows_synced_to_member": synced,
        "idle_rss_linked_mb": round(rss_linked, 1),
        "idle_rss_unlinked_mb": round(rss_unlinked, 1),
        "idle_rss_difference_mb": round(rss_linked - rss_unlinked, 1),
    }, indent=2))
    subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
