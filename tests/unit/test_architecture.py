"""The walls of the architecture: arrows that point one way, and a package list that covers every folder.

The layers, from the bottom (docs/architecture.md, "Layers"):

- **core**: every module of ``studio/`` outside the two faces and the entry point. Plain Python: it
  imports no Qt, and nothing of ``studio.ui``, ``studio.editors``, ``studio.cli`` or ``studio.__main__``.
- **editors** (``studio/editors/``): reusable Qt editing widgets. They import the core, never
  ``studio.ui`` (what they need from the app, such as the grammar engine, comes in as an argument
  typed by a protocol) and never the entry point. The pages (Write, Images) and their dialogs are not
  editors: they live in ``studio/ui/``.
- **ui** (``studio/ui/``): the app (pages, dialogs, main window, task helper, composition root). It
  imports the core and the editors, never the entry point (what the faces share is
  ``studio.commandline``).
- **entry** (``studio/cli.py``, ``studio/__main__.py``): the ``studio`` command. It sits above both
  faces because it chooses between them: a sub-command runs core code, no sub-command opens the GUI.
  Its one arrow into a face is ``studio.ui.app`` (the GUI's composition root), imported inside the
  function that opens the GUI, so a command line never loads Qt. Any other arrow from the entry
  point into ``studio.ui`` or ``studio.editors``, or that one at module level, is a breach.
  ``__main__`` imports only ``studio.cli``.

What counts as an arrow. Every ``import`` statement in a module counts, wherever it is written:
at module level, inside a function (a lazy import is still a dependency; it only runs later), and
under ``if TYPE_CHECKING:`` (the module still knows the other's types, and mypy reads it: a type
arrow back up the layers is the same coupling). The command modules that ``studio.cli.COMMANDS``
imports by name count as arrows of ``studio.cli``. Not counted: the implicit import of a package's
``__init__`` when one of its modules is imported (every package would then be a circle with the
modules it re-exports), and imports of things outside ``studio``.

Circles: no two modules of ``studio/`` may reach each other through arrows, with the same counting
(lazy and type-only imports included), whatever their layers. A lazy import only hides a circle
until the day someone moves it to the top of the file.
"""

from __future__ import annotations

import ast
import functools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
FACES = ("studio/ui/", "studio/editors/")
ENTRY = ("studio.cli", "studio.__main__")
GUI_ROOT = "studio.ui.app"  # the one module of a face that the entry point may import, lazily


@dataclass(frozen=True)
class Arrow:
    """``source`` imports ``target`` at ``line``; ``lazy`` inside a function, ``typing`` under
    ``if TYPE_CHECKING:``."""

    source: str
    target: str
    line: int
    lazy: bool = False
    typing: bool = False

    def __str__(self) -> str:
        how = " (inside a function)" if self.lazy else " (for types only)" if self.typing else ""
        return f"{self.source}:{self.line} imports {self.target}{how}"


# ---- reading the modules ------------------------------------------------------------------------


def studio_sources() -> dict[str, tuple[str, bool]]:
    """Every module of ``studio/``: dotted name -> (source text, whether it is a package)."""
    modules: dict[str, tuple[str, bool]] = {}
    for path in sorted((ROOT / "studio").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        package = parts[-1] == "__init__"
        modules[".".join(parts[:-1] if package else parts)] = (path.read_text(encoding="utf-8"), package)
    return modules


def layer(module: str) -> str:
    if module in ENTRY:
        return "entry"
    if module == "studio.ui" or module.startswith("studio.ui."):
        return "ui"
    if module == "studio.editors" or module.startswith("studio.editors."):
        return "editors"
    return "core"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(name: str, known: Iterable[str]) -> str | None:
    """The module of ``studio`` that ``name`` (a module or a name inside one) belongs to."""
    modules = set(known)
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


@functools.cache
def _parsed(text: str) -> ast.Module:
    return ast.parse(text)


def arrows(sources: Mapping[str, tuple[str, bool]]) -> list[Arrow]:
    """Every import between the modules of ``sources``, resolved to the module it reaches:
    ``from studio.library import schema`` reaches ``studio.library.schema``, ``from studio.library
    import Library`` reaches the package ``studio.library``."""
    found: list[Arrow] = []
    for module, (text, package) in sources.items():
        here = module if package else module.rpartition(".")[0]

        def visit(node: ast.AST, lazy: bool, typing: bool, module: str = module, here: str = here) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                    visit(child, True, typing)
                    continue
                if isinstance(child, ast.If) and _is_type_checking(child.test):
                    for statement in child.body:
                        visit(ast.Module(body=[statement], type_ignores=[]), lazy, True)
                    for statement in child.orelse:
                        visit(ast.Module(body=[statement], type_ignores=[]), lazy, typing)
                    continue
                targets: list[str] = []
                line = getattr(child, "lineno", 0)
                if isinstance(child, ast.Import):
                    targets = [alias.name for alias in child.names]
                elif isinstance(child, ast.ImportFrom):
                    if child.level:
                        base = here.split(".")[: len(here.split(".")) - (child.level - 1)]
                        origin = ".".join(base + ([child.module] if child.module else []))
                    else:
                        origin = child.module or ""
                    targets = [
                        f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in sources else origin
                        for alias in child.names
                    ]
                for target in targets:
                    resolved = _resolve(target, sources) if target.split(".")[0] == "studio" else None
                    if resolved is not None and resolved != module:
                        found.append(Arrow(module, resolved, line, lazy, typing))
                visit(child, lazy, typing)

        visit(_parsed(text), False, False)
    return list(dict.fromkeys(found))  # `from x import a, b` is one arrow, not two


def command_arrows(sources: Mapping[str, tuple[str, bool]]) -> list[Arrow]:
    """The modules ``studio.cli`` imports by name (``COMMANDS``), as its lazy arrows."""
    from studio.cli import COMMANDS

    return [Arrow("studio.cli", target, 0, lazy=True) for target in sorted(set(COMMANDS.values())) if target in sources]


# ---- the rules ----------------------------------------------------------------------------------


def layer_breaches(found: Iterable[Arrow]) -> list[str]:
    """Every arrow that points up the layers or between the faces, in words."""
    breaches = []
    for arrow in found:
        source, target = layer(arrow.source), layer(arrow.target)
        if source == "core" and target != "core":
            breaches.append(f"{arrow}: the core imports no {target} code")
        elif source == "editors" and target in ("ui", "entry"):
            breaches.append(f"{arrow}: studio.editors imports only the core (pass what it needs in)")
        elif source == "ui" and target == "entry":
            breaches.append(f"{arrow}: the GUI never imports the command line (share studio.commandline)")
        elif source == "entry" and target in ("ui", "editors") and not (arrow.target == GUI_ROOT and arrow.lazy):
            breaches.append(f"{arrow}: the entry point opens the GUI only through {GUI_ROOT}, inside a function")
        elif arrow.source == "studio.__main__" and arrow.target != "studio.cli":
            breaches.append(f"{arrow}: __main__ only runs studio.cli")
    return breaches


def circles(found: Iterable[Arrow]) -> list[list[str]]:
    """The groups of modules that reach each other (strongly connected, more than one module)."""
    graph: dict[str, set[str]] = {}
    for arrow in found:
        graph.setdefault(arrow.source, set()).add(arrow.target)
        graph.setdefault(arrow.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)


def _explain(groups: list[list[str]], found: Iterable[Arrow]) -> str:
    inside = [[str(a) for a in found if a.source in group and a.target in group] for group in groups]
    return "\n".join("circle: " + "; ".join(lines) for lines in inside)


# ---- the tests ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources() -> dict[str, tuple[str, bool]]:
    return studio_sources()


@pytest.fixture(scope="module")
def studio_arrows(sources: dict[str, tuple[str, bool]]) -> list[Arrow]:
    return arrows(sources) + command_arrows(sources)


def core_modules() -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "studio").rglob("*.py"))
        if not path.relative_to(ROOT).as_posix().startswith(FACES)
    ]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


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


def test_the_core_imports_no_face_and_no_entry_point(studio_arrows: list[Arrow]) -> None:
    breaches = layer_breaches(a for a in studio_arrows if layer(a.source) == "core")
    assert not breaches, "\n".join(breaches)


def test_the_entry_point_opens_the_gui_only_lazily(studio_arrows: list[Arrow]) -> None:
    breaches = layer_breaches(a for a in studio_arrows if layer(a.source) in ("entry", "ui"))
    assert not breaches, "\n".join(breaches)
    assert any(a.source == "studio.cli" and a.target == GUI_ROOT and a.lazy for a in studio_arrows)


def test_editors_import_only_the_core(studio_arrows: list[Arrow]) -> None:
    breaches = layer_breaches(a for a in studio_arrows if layer(a.source) == "editors")
    assert not breaches, "\n".join(breaches)


def _pages_and_dialogs(sources: Mapping[str, tuple[str, bool]]) -> list[str]:
    """Modules of ``studio.editors`` that hold a page (a ``Workspace``) or a page's dialog
    (``*_dialog.py``): those belong in ``studio/ui/``."""
    found = []
    for module, (text, _package) in sources.items():
        if layer(module) != "editors":
            continue
        tree = ast.parse(text)
        pages = [
            node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
            and any(isinstance(base, ast.Name) and base.id == "Workspace" for base in node.bases)
        ]
        if pages or module.endswith("_dialog"):
            found.append(module)
    return sorted(found)


def test_pages_and_their_dialogs_live_in_the_ui(sources: dict[str, tuple[str, bool]]) -> None:
    assert _pages_and_dialogs(sources) == []


def test_no_import_circles(studio_arrows: list[Arrow]) -> None:
    groups = circles(studio_arrows)
    assert not groups, _explain(groups, studio_arrows)


# ---- the checker catches what it should (synthetic modules, never a committed wrong import) -----


def _with(sources: dict[str, tuple[str, bool]], **extra: str) -> dict[str, tuple[str, bool]]:
    added = {name.replace("__", "."): (text, False) for name, text in extra.items()}
    return {**sources, **added}


@pytest.mark.parametrize(
    ("module", "text", "words"),
    [
        ("studio__text__sneaky", "from studio.ui.tasks import Tasks\n", "the core imports no ui code"),
        ("studio__text__sneaky", "def f():\n    from studio.editors.post import editor\n",
         "the core imports no editors code"),
        ("studio__library__sneaky", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import studio.cli\n",
         "the core imports no entry code"),
        ("studio__editors__sneaky", "from studio.ui.context import AppContext\n", "studio.editors imports only the core"),
        ("studio__ui__sneaky", "from studio.cli import main\n", "the GUI never imports the command line"),
    ],
)
def test_the_checker_catches_an_arrow_up_the_layers(
    sources: dict[str, tuple[str, bool]], module: str, text: str, words: str
) -> None:
    found = arrows(_with(sources, **{module: text}))
    breaches = layer_breaches(a for a in found if a.source == module.replace("__", "."))
    assert len(breaches) == 1 and words in breaches[0], breaches


def test_the_checker_allows_only_the_lazy_gui_arrow_from_the_entry_point() -> None:
    lazy = Arrow("studio.cli", GUI_ROOT, 1, lazy=True)
    assert layer_breaches([lazy]) == []
    assert layer_breaches([Arrow("studio.cli", GUI_ROOT, 1)])  # at module level: every command loads Qt
    assert layer_breaches([Arrow("studio.cli", "studio.ui.tasks", 1, lazy=True)])
    assert layer_breaches([Arrow("studio.__main__", "studio.library", 1)])


def test_the_checker_catches_circles_lazy_and_type_only(sources: dict[str, tuple[str, bool]]) -> None:
    extra = {
        "studio__library__one": "from studio.library import two\n",
        "studio__library__two": "def later():\n    from studio.library.three import x\n",
        "studio__library__three": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                  "    from studio.library.one import y\n",
    }
    found = arrows(_with(sources, **extra))
    assert circles(found) == [["studio.library.one", "studio.library.three", "studio.library.two"]]
    relative = {"studio__publishing__sneaky": "from . import queue\n"}
    found = [*arrows(_with(sources, **relative)), Arrow("studio.publishing.queue", "studio.publishing.sneaky", 1)]
    assert ["studio.publishing.queue", "studio.publishing.sneaky"] in circles(found)


def test_every_package_folder_is_installed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "studio").rglob("__init__.py")
    }
    folders.add("studio.resources")
    assert folders <= listed, f"add these to [tool.setuptools] packages: {sorted(folders - listed)}"
