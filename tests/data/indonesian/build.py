"""Turns the hand-written posts (errors.txt, clean.txt) into the JSON the tests read, with each
mistake's code-point offsets worked out once from its {wrong|right} mark:

    .venv/bin/python tests/data/indonesian/build.py

Run it after editing a .txt file; tests/unit/grammar/test_indonesian.py fails when the JSON and
the .txt files disagree."""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\{([^|}]*)\|([^}]*)\}")


def posts(name: str) -> list[dict[str, object]]:
    result: list[dict[str, object]] = []
    for line in (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, expected, last = "", [], 0
        for match in MARK.finditer(line):
            text += line[last:match.start()]
            start = len(text)
            text += match.group(1)
            expected.append({"start": start, "end": len(text), "found": match.group(1),
                             "replacement": match.group(2)})
            last = match.end()
        text += line[last:]
        result.append({"text": text, "expected": expected})
    return result


def build() -> dict[str, list[dict[str, object]]]:
    return {"errors": posts("errors"), "clean": posts("clean")}


if __name__ == "__main__":
    (HERE / "posts.json").write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
