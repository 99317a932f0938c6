"""The walls of the architecture: a Qt-free core, and a package list that covers every folder."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
FACES = ("studio/ui/", "studio/editors/")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def core_modules() -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "studio").rglob("*.py"))
        if not path.relative_to(ROOT).as_posix().startswith(FACES)
    ]


def test_core_imports_no_qt() -> None:
    offenders = {
        path.relative_to(ROOT).as_posix(): sorted(
            name for name in _imported_modules(path) if name.split(".")[0] in QT_MODULES
        )
        for path in core_modules()
    }
    offenders = {path: names for path, names in offenders.items() if names}
    assert not offenders, f"core modules import Qt (move the Qt part to studio/ui or studio/editors): {offenders}"


def test_the_walk_sees_the_core() -> None:
    walked = {path.relative_to(ROOT).as_posix() for path in core_modules()}
    assert "studio/cli.py" in walked
    assert not any(path.startswith(FACES) for path in walked)


def test_every_package_folder_is_installed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "studio").rglob("__init__.py")
    }
    folders.add("studio.resources")
    assert folders <= listed, f"add these to [tool.setuptools] packages: {sorted(folders - listed)}"
