"""Indonesian checking figures, each against a baseline measured in the same run (medians).

1. Checking a 5,000-character Indonesian post (Hunspell id_ID, kata baku, di/ke), the whole text
   and after a one-word edit, against LanguageTool checking an English post of the same length the
   same two ways.
2. The UI thread while 2,000 characters of Indonesian are typed with the Indonesian checker on,
   against the same typing with checking off (benchmarks/grammar.py's measure). Goal: the longest
   gap never more than 50 ms, the editor's goal.
3. The hand-written samples of tests/data/indonesian: language detection on posts of 50-300
   characters (Indonesian, Malay, English), and false spelling errors on Indonesian posts mixed
   with English trade words, against Hunspell id_ID alone.
4. The two Hunspell bindings on this machine: chunspell (chosen) against spylls.

    QT_QPA_PLATFORM=offscreen LTP_JAR_DIR_PATH=.cache/languagetool .venv/bin/python benchmarks/indonesian.py
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from grammar import bench_typing, draft, edit_one_word  # noqa: E402  (benchmarks/grammar.py)

DATA = ROOT / "tests" / "data" / "indonesian"


def lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def indonesian_draft(seed: int, size: int = 5000) -> str:
    """About ``size`` characters of Indonesian posts (clean ones and a few with mistakes) in
    paragraphs of two or three, emoji and all."""
    import re

    rng = random.Random(seed)
    posts = lines("clean.txt") + [re.sub(r"\{([^|}]*)\|[^}]*\}", r"\1", line) for line in lines("errors.txt")[:10]]
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(posts) for _ in range(rng.randint(2, 3)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def edit_one_indonesian_word(text: str, n: int) -> str:
    words = text.split(" ")
    words[len(words) // 2 + n] = f"menulis{'kan' if n % 2 else 'nya'}"
    return " ".join(words)


def bench_checks(check: object, make: object, edit: object, language: str, runs: int) -> tuple[float, float]:
    """(whole text, after a one-word edit) median seconds; ``check(checker, text)``."""
    from studio.grammar import IncrementalChecker

    whole: list[float] = []
    after_edit: list[float] = []
    for run in range(runs):
        text = make(seed=run)  # type: ignore[operator]
        checker: IncrementalChecker = check(run)  # type: ignore[operator]
        started = time.perf_counter()
        checker.check(text, language)
        whole.append(time.perf_counter() - started)
        edited = edit(text, run)  # type: ignore[operator]
        started = time.perf_counter()
        checker.check(edited, language)
        after_edit.append(time.perf_counter() - started)
        checker.close()
    return statistics.median(whole), statistics.median(after_edit)


def bench_samples() -> None:
    import regex

    from studio.grammar import detect_language
    from studio.grammar.hunspell import Speller
    from studio.grammar.indonesian import IndonesianChecker

    rows = [line.split("\t", 1) for line in lines("languages.txt")]
    right = sum(1 for code, text in rows if detect_language(text, default="?").split("-")[0] == code)
    per = {code: sum(1 for c, _ in rows if c == code) for code, _ in rows}
    print(f"language detection on {len(rows)} posts of 50-300 characters ({per}): {right}/{len(rows)} right "
          f"({right / len(rows):.0%})")
    mixed = lines("mixed.txt")
    words = [w for post in mixed for w in regex.findall(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*", post)]
    bare = Speller("id_ID")
    hunspell_alone = sum(1 for w in words if not bare.spell(w) and not bare.spell(w.lower()))
    checker = IndonesianChecker()
    flagged = sum(len(checker.check(post)) for post in mixed)
    print(f"Indonesian mixed with English trade words ({len(mixed)} posts, {len(words)} words): Hunspell "
          f"id_ID alone rejects {hunspell_alone} ({hunspell_alone / len(words):.0%}); Studio's checker flags "
          f"{flagged} ({flagged / len(words):.0%})")


def bench_bindings(runs: int) -> None:
    import importlib

    hunspell = importlib.import_module("hunspell")
    from spylls.hunspell import Dictionary

    folder = ROOT / "resources" / "hunspell"
    words = [w.strip(".,!?") for w in " ".join(lines("clean.txt")).lower().split() if w.strip(".,!?").isalpha()]
    loads: dict[str, list[float]] = {"chunspell": [], "spylls": []}
    lookups: dict[str, list[float]] = {"chunspell": [], "spylls": []}
    for _ in range(runs):
        started = time.perf_counter()
        fast = hunspell.Hunspell("id_ID", hunspell_data_dir=str(folder))
        loads["chunspell"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for word in words:
            fast.spell(word)
        lookups["chunspell"].append((time.perf_counter() - started) / len(words))
        started = time.perf_counter()
        slow = Dictionary.from_files(str(folder / "id_ID"))
        loads["spylls"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for word in words[:200]:
            slow.lookup(word)
        lookups["spylls"].append((time.perf_counter() - started) / 200)
    c_load, s_load = statistics.median(loads["chunspell"]), statistics.median(loads["spylls"])
    c_word, s_word = statistics.median(lookups["chunspell"]), statistics.median(lookups["spylls"])
    print(f"Hunspell bindings (median of {runs}): load chunspell {c_load * 1000:.0f} ms, spylls "
          f"{s_load * 1000:.0f} ms ({s_load / c_load:.0f}x); one word chunspell {c_word * 1e6:.1f} µs, spylls "
          f"{s_word * 1e6:.0f} µs ({s_word / c_word:.0f}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--typing-runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from studio.grammar import GrammarConfig, GrammarService, IncrementalChecker, LocalServer
    from studio.grammar.indonesian import IndonesianChecker
    from studio.settings import Settings
    from studio.ui.grammar import GrammarEngine
    from studio.ui.tasks import Tasks

    app = QApplication.instance() or QApplication(sys.argv[:1])
    bench_samples()
    bench_bindings(args.runs)

    shared = IndonesianChecker()
    shared.check("Pemanasan kamus.")  # load the dictionaries once, as the app does on first use
    # Each run a new checker: no word or paragraph seen before (only the loaded dictionaries shared).
    id_whole, id_edit = bench_checks(
        lambda _run: IncrementalChecker(None, indonesian=IndonesianChecker(shared.speller, shared.english)),  # type: ignore[arg-type]
        indonesian_draft, edit_one_indonesian_word, "id", args.runs)
    server = LocalServer()
    server.ensure_running()
    service = GrammarService(GrammarConfig("local"), local=server)
    service.check("Warm up the English rules.", "en-US")
    lt_whole, lt_edit = bench_checks(lambda _run: IncrementalChecker(service), draft, edit_one_word, "en-US",
                                     args.runs)
    print(f"5,000 characters (median of {args.runs}): Indonesian whole {id_whole * 1000:.1f} ms, after a one-word "
          f"edit {id_edit * 1000:.2f} ms; LanguageTool English whole {lt_whole * 1000:.1f} ms, after a one-word "
          f"edit {lt_edit * 1000:.1f} ms; Indonesian is {lt_whole / id_whole:.1f}x (whole) and "
          f"{lt_edit / id_edit:.1f}x (edit) faster")
    server.stop()

    # QTest types ASCII only: the clean posts' words without their emoji.
    sample = " ".join(" ".join(lines("clean.txt")[:8]).lower().encode("ascii", "ignore").decode().split())
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(Path(folder) / "settings.json")
        settings.set("grammar.delay_ms", 100)
        tasks = Tasks()
        engine = GrammarEngine(settings, tasks)
        # Warm-up with checking on: the first check loads both dictionaries (about 0.1 s, once per
        # run of the app, in C++ that holds the GIL), which is not a typing stall.
        started = time.perf_counter()
        engine.checker.indonesian.check("Pemanasan.")
        loading = time.perf_counter() - started
        bench_typing(engine, True, 300, language="id-ID", sample=sample)
        off: list[float] = []
        on: list[float] = []
        drawn: list[int] = []
        for _ in range(args.typing_runs):
            off.append(bench_typing(engine, False, args.chars, language="id-ID", sample=sample)[0])
            longest, _median, answers = bench_typing(engine, True, args.chars, language="id-ID", sample=sample)
            on.append(longest)
            drawn.append(answers)
        tasks.wait(30_000)
        engine.shutdown()
    print(f"typing {args.chars} chars of Indonesian ({args.typing_runs} runs each), longest UI gap: Indonesian "
          f"checker on median {statistics.median(on):.1f} ms, worst {max(on):.1f} ms "
          f"({statistics.median(drawn):.0f} answers drawn per run); checking off median "
          f"{statistics.median(off):.1f} ms, worst {max(off):.1f} ms; ratio of medians "
          f"{statistics.median(on) / statistics.median(off):.2f}x (goal: on <= 50 ms); loading the "
          f"dictionaries once, before: {loading * 1000:.0f} ms")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
