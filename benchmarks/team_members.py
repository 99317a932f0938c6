"""Twenty members editing at once against a real PostgreSQL (Debian's server binaries, started here).

Each member is its own process (as each Studio is): its own library folder, its own sync engine
(pushes, pulls, LISTEN/NOTIFY), and a bounded loop that saves an edit every 0.5-1.5 s (a person
saving) for ``--seconds``: most edits go to the member's own drafts, some to drafts the whole team
shares, where each member writes in a paragraph of their own (the three-way merge joins them). An
edit appends a marker ``[m<member>e<n>@<time saved>]``; every member watches its library and notes
when another member's marker first appears there: the sync lag.

Figures, against a baseline measured in the same run (one member alone with one watcher, the same
loop, ``--baseline-seconds``):
- sync lag (saved on one Studio -> in another's library): median and 95th percentile;
- edits saved, edits lost (a marker missing from the team's final text; goal: 0), conflicts kept as
  revisions, refusals, and whether every library ended equal to the team's.
Goal (issue #12): no lost update, sync lag median <= 2 s.

    .venv/bin/python benchmarks/team_members.py [--members 20] [--seconds 60] [--baseline-seconds 20]

Runs as root too (the server then runs as the system user ``studio-pg``); the server keeps fsync on.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OWN_DRAFTS = 3  # each member's own drafts
SHARED_DRAFTS = 4  # drafts every member writes in (a paragraph each)
MARKER = re.compile(r"\[m(\d+)e(\d+)@(\d+)\]")  # the time saved, in ms


# --- one member (a process of its own) ---------------------------------------------------------


def member(folder: Path, password: str, me: int, start_at: float, seconds: float, out: Path) -> None:
    """Edit for ``seconds`` from ``start_at``, watch the others' edits arrive, then report."""
    from studio.library import Library
    from studio.team import rights
    from studio.team.engine import SyncEngine

    library = Library.open(folder)
    engine = SyncEngine(library, password, poll_seconds=30)
    engine.start()
    mine = f"m{me}:"
    own: list[int] = []
    shared: list[int] = []
    for draft_id, text in library.query("SELECT id, text FROM drafts ORDER BY id"):
        if text.startswith(f"Own draft of member {me}."):
            own.append(int(draft_id))
        elif text.startswith("Shared draft"):
            shared.append(int(draft_id))
    lags: dict[str, float] = {}
    shared_lags: dict[str, float] = {}  # the part of ``lags`` in drafts everyone writes in
    stop = threading.Event()
    failed_rounds: list[str] = []  # rounds the engine gave up and retried later (its log says why)

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("Team sync:"):
                failed_rounds.append(record.getMessage())

    logging.getLogger("studio.team.engine").addHandler(Heard())
    logging.getLogger("studio.team.engine").setLevel(logging.INFO)

    def watch() -> None:  # a second reader of the library file, as the Library page is
        since = "0"
        while not stop.is_set():
            now = time.time()
            rows = library.query("SELECT text FROM drafts WHERE updated_at >= ?", (since,))
            since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now - 2))  # what changed lately
            for (text,) in rows:
                for found in MARKER.finditer(text):
                    if int(found.group(1)) != me and found.group(0) not in lags:
                        lags[found.group(0)] = now - int(found.group(3)) / 1000
                        if text.startswith("Shared draft"):
                            shared_lags[found.group(0)] = lags[found.group(0)]
            stop.wait(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    time.sleep(max(0.0, start_at - time.time()))
    watcher.start()
    made: list[str] = []
    rng = random.Random(me)
    end = start_at + seconds
    for n in range(int(seconds / 0.5) + 1):  # bounded: at most one edit every 0.5 s
        if time.time() >= end:
            break
        marker = f"[m{me}e{n}@{int(time.time() * 1000)}]"
        draft_id = rng.choice(shared) if shared and rng.random() < 0.3 else rng.choice(own)
        with library.transaction() as conn:  # read and write in one go: a pull cannot land between
            text = str(conn.execute("SELECT text FROM drafts WHERE id = ?", (draft_id,)).fetchone()[0])
            lines = text.split("\n")
            at = next((i for i, line in enumerate(lines) if line.startswith(mine)), None)
            if at is None:
                lines.append(f"{mine} {marker}")
            else:
                lines[at] += f" {marker}"
            library.save_text(draft_id, "\n".join(lines))
        made.append(marker)
        time.sleep(rng.uniform(0.5, 1.5))
    for _ in range(1200):  # sent: the others' final pulls will find it
        if not library.query("SELECT count(*) FROM team_outbox")[0][0]:
            break
        time.sleep(0.1)
    out.with_suffix(".edited").write_text("")
    while not Path(str(out) + ".settle").exists():  # the others may still be sending
        time.sleep(0.1)
    engine.close()
    engine = SyncEngine(library, password)
    for _ in range(3):
        engine.sync_once()
    engine.close()
    stop.set()
    watcher.join()
    texts = {uid: text for uid, text in library.query(
        "SELECT r.uid, d.text FROM drafts d JOIN team_rows r ON r.kind = 'draft' AND r.local_id = d.id")}
    report = {
        "made": made, "lags": list(lags.values()), "shared_lags": list(shared_lags.values()), "texts": texts,
        "failed_rounds": failed_rounds,
        "conflicts": int(library.query("SELECT count(*) FROM team_conflicts")[0][0]),
        "refused": len(rights.refused(library.connection)),
        "waiting": int(library.query("SELECT count(DISTINCT local_id) FROM team_outbox")[0][0]),
    }
    library.close()
    out.write_text(json.dumps(report))


# --- the run -------------------------------------------------------------------------------------


def studio(*args: str, stdin: str = "", env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "studio", *args], input=stdin, capture_output=True, text=True,
                          env=env)
    if done.returncode != 0:
        raise SystemExit(f"studio {' '.join(args[:2])} failed: {done.stderr.strip()}")
    return done.stdout


def round_of(work: Path, server: Any, env: dict[str, str], name: str, count: int, seconds: float) -> dict[str, Any]:
    """One team database with ``count`` members editing for ``seconds``; returns the figures."""
    from studio.library import Library
    from studio.team import members
    from studio.team.engine import SyncEngine

    server.psql(f"CREATE DATABASE {name}").check_returncode()
    head = work / name / "head"
    with Library.open(head) as library:
        client = library.add_client("Acme")
        for me in range(count):
            for n in range(OWN_DRAFTS):
                library.create_draft(client.id, f"Own draft of member {me}.\n\nDraft {n}.\n\nm{me}:")
        paragraphs = "\n\n".join(f"m{me}:" for me in range(count))  # a paragraph each: edits apart
        for n in range(SHARED_DRAFTS):
            library.create_draft(client.id, f"Shared draft {n}.\n\n{paragraphs}")
    studio("team", "init", server.url(dbname=name), "--password-stdin", "--library", str(head),
           stdin=server.password + "\n", env=env)
    folders, passwords = [], []
    with Library.open(head) as library:
        engine = SyncEngine(library)
        try:
            for me in range(max(count, 2)):  # alone, a member still needs a teammate who watches
                invitation = members.invite(engine, f"{name}_m{me}", ["writer"], ["Acme"])
                folder = work / name / f"m{me}"
                with Library.open(folder) as joined:
                    members.join(joined, invitation.url, invitation.password)
                    first = SyncEngine(joined, invitation.password)
                    first.sync_once()
                    first.close()
                folders.append(folder)
                passwords.append(invitation.password)
        finally:
            engine.close()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start_at = time.time() + 8.0  # every process open and listening first
    outs = [work / name / f"m{me}.json" for me in range(len(folders))]
    processes = [
        subprocess.Popen([sys.executable, __file__, "--member", str(folder), str(me), str(start_at),
                          str(seconds if me < count else 0.0), str(out)], stdin=subprocess.PIPE, env=env,
                         text=True)
        for me, (folder, out) in enumerate(zip(folders, outs, strict=True))
    ]
    for process, password in zip(processes, passwords, strict=True):
        assert process.stdin is not None
        process.stdin.write(password + "\n")  # never on the command line
        process.stdin.close()
    deadline = start_at + seconds + 120
    while not all(out.with_suffix(".edited").exists() for out in outs):
        if time.time() > deadline or any(p.poll() not in (None, 0) for p in processes):
            raise SystemExit("a member stopped before the end")
        time.sleep(0.2)
    for out in outs:
        Path(str(out) + ".settle").write_text("")
    for process in processes:
        if process.wait(timeout=180) != 0:
            raise SystemExit("a member failed")
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    reports = [json.loads(out.read_text()) for out in outs]
    load = os.getloadavg()[0]  # the machine is shared: a long tail with a high load is CPU waiting
    team = server.psql("SELECT json_object_agg(uid, data->>'text') FROM studio.drafts", dbname=name)
    texts: dict[str, str] = json.loads(team.stdout)
    everything = " ".join(texts.values())
    made = [marker for report in reports for marker in report["made"]]
    lags = sorted(lag for report in reports for lag in report["lags"])
    shared = sorted(lag for report in reports for lag in report["shared_lags"])
    failed = [said for report in reports for said in report["failed_rounds"]]
    return {
        "members": count, "seconds": seconds, "edits": len(made),
        "edits_per_second": round(len(made) / seconds, 1) if seconds else 0,
        "lost": sum(marker not in everything for marker in made),
        "lag_median_s": round(statistics.median(lags), 3) if lags else None,
        "lag_p95_s": round(statistics.quantiles(lags, n=20)[18], 3) if len(lags) > 1 else None,
        "lag_samples": len(lags),
        "shared_drafts_lag_median_s": round(statistics.median(shared), 3) if shared else None,
        "shared_drafts_lag_p95_s": round(statistics.quantiles(shared, n=20)[18], 3) if len(shared) > 1 else None,
        "rounds_retried": len(failed),
        "retry_reasons": sorted(set(failed))[:5],
        "conflicts_kept": sum(report["conflicts"] for report in reports),
        "refused": sum(report["refused"] for report in reports),
        "left_waiting": sum(report["waiting"] for report in reports),
        "libraries_equal_to_team": sum(report["texts"] == texts for report in reports),
        "libraries": len(reports),
        "members_cpu_s": round(cpu, 1),  # all member processes together, editing and settling
        "load_average_1min_at_end": round(load, 1),
        "cpu_cores": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--baseline-seconds", type=float, default=20.0)
    parser.add_argument("--member", nargs=5, metavar=("FOLDER", "N", "START", "SECONDS", "OUT"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.member:
        folder, me, start_at, seconds, out = options.member
        member(Path(folder), sys.stdin.readline().rstrip("\n"), int(me), float(start_at), float(seconds), Path(out))
        return

    import importlib.util

    # By path: a package in site-packages may own the top-level name "tests".
    spec = importlib.util.spec_from_file_location("pgserver", ROOT / "tests/integration/team/pgserver.py")
    assert spec is not None and spec.loader is not None
    pgserver = importlib.util.module_from_spec(spec)
    sys.modules["pgserver"] = pgserver  # dataclasses look their module up
    spec.loader.exec_module(pgserver)
    running_server = pgserver.running_server

    work = Path(tempfile.mkdtemp(prefix="studio-team-members-"))
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "XDG_DATA_HOME": str(work / "xdg"), "STUDIO_CONFIG_DIR": str(work / "config"),
           "STUDIO_LOG_DIR": str(work / "logs"), "PYTHONPATH": str(ROOT)}
    os.environ.update(env)
    try:
        with running_server(durable=True) as server:
            alone = round_of(work, server, env, "alone", 1, options.baseline_seconds)
            team = round_of(work, server, env, "team", options.members, options.seconds)
    finally:
        subprocess.run(["rm", "-rf", str(work)], check=False)
    ratio = (team["lag_median_s"] / alone["lag_median_s"]) if alone["lag_median_s"] and team["lag_median_s"] else None
    print(json.dumps({"baseline_one_member": alone, "team": team,
                      "lag_median_vs_baseline": round(ratio, 2) if ratio else None,
                      "goal_met": team["lost"] == 0 and (team["lag_median_s"] or 99) <= 2.0}, indent=2))


if __name__ == "__main__":
    main()
