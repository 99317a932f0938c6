"""Studio's translations: collect the strings (.ts) and build what Qt loads (.qm).

    .venv/bin/python scripts/translations.py update   # after adding or changing a string
    .venv/bin/python scripts/translations.py todo     # what is still to translate (context, source)
    .venv/bin/python scripts/translations.py build    # .ts -> .qm (make translations runs this)

``update`` runs ``pyside6-lupdate`` over the GUI files (FILES and FOLDERS) into
``resources/translations/studio_<lang>.ts``: new strings come in unfinished, translations already
made are kept, strings gone from the code are marked obsolete. The texts of the settings
declarations (``studio/settings.py``, Qt-free, so with no ``tr`` for lupdate to see) are added in
the context ``studio.settings``. Translate with ``pyside6-linguist resources/translations/studio_id.ts``
(or any editor: it is XML). ``qt_<lang>.ts`` holds Qt's own texts (dialog buttons, the text fields'
context menu), written for Studio because Qt ships no Indonesian; it is edited by hand.

``build`` runs ``pyside6-lrelease`` on every .ts into a .qm beside it (not committed: built by the
set-up, ``make translations``, which ``make run``, ``make pytest`` and ``make bundle`` depend on).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("id",)
# The GUI files whose strings go through tr(). Add a file here once its strings are wrapped.
FILES = (
    "studio/ui/app.py",
    "studio/ui/main_window.py",
    "studio/ui/grammar.py",
    "studio/ui/settings_dialog.py",
    "studio/ui/about_dialog.py",
    "studio/ui/welcome_dialog.py",
    "studio/ui/error_dialog.py",
    "studio/ui/grammar_download.py",
    "studio/ui/sidebar.py",
    "studio/ui/library/backup_list.py",
    "studio/ui/library/calendar.py",
    "studio/ui/library/client_dialog.py",
    "studio/ui/library/filters.py",
    "studio/ui/library/model.py",
    "studio/ui/library/workspace.py",
    "studio/ui/library/restore_dialog.py",
    "studio/ui/library/revisions_dialog.py",
    "studio/ui/library/recovery.py",
    "studio/ui/library/reschedule_dialog.py",
    "studio/ui/images/export_dialog.py",
    "studio/ui/images/photo.py",
    "studio/ui/images/preset_dialog.py",
    "studio/ui/images/workspace.py",
    "studio/editors/crop/editor.py",
    "studio/editors/crop/strip.py",
    "studio/editors/crop/view.py",
    "studio/ui/publishing/accounts_panel.py",
    "studio/ui/publishing/actions.py",
    "studio/ui/publishing/connect_dialog.py",
    "studio/ui/publishing/network_fields.py",
    "studio/ui/publishing/panel.py",
    "studio/ui/publishing/tray.py",
    "studio/ui/publishing/schedule_dialog.py",
    "studio/ui/publishing/service.py",
    "studio/ui/analytics/dialogs.py",
    "studio/ui/analytics/page.py",
    "studio/ui/team/__init__.py",
    "studio/ui/team/dialog.py",
    "studio/ui/team/audit_dialog.py",
    "studio/ui/team/conflict_notice.py",
    "studio/ui/review/actions.py",
    "studio/ui/review/changes_view.py",
    "studio/ui/review/client_settings.py",
    "studio/ui/review/comments_panel.py",
    "studio/ui/review/reply_dialog.py",
    "studio/ui/review/send_dialog.py",
)
# Folders: every .py file in them (their files come and go as the Write page grows).
FOLDERS = (
    "studio/ui/write/",
    "studio/editors/post/",
)


def sources() -> list[Path]:
    """The Python files ``update`` reads: FILES and FOLDERS, a folder meaning its .py files."""
    found: list[Path] = []
    for name in (*FILES, *FOLDERS):
        path = ROOT / name
        found += sorted(path.rglob("*.py")) if name.endswith("/") else [path]
    return found


def tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease`` from the venv running this script (PySide6's wheel)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def settings_strings() -> str:
    """A Python file that lupdate reads: the texts of the settings declarations and the core's labels
    (draft statuses, writing languages, analytics' definitions, image presets' labels), marked for translation."""
    sys.path.insert(0, str(ROOT))
    from studio.analytics.formulas import LABELS
    from studio.analytics.readers import NO_POST_COUNTS
    from studio.imaging.presets import builtin_presets
    from studio.languages import LANGUAGES as WRITING_LANGUAGES
    from studio.model import STATUS_LABELS
    from studio.settings import SETTINGS

    texts: list[str] = []
    for setting in SETTINGS:
        if not setting.section:
            continue
        texts += [setting.section, setting.title, setting.description]
        texts += [label for _, label in setting.choices]
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({'studio.settings'!r}, {text!r})" for text in dict.fromkeys(texts) if text]
    lines += [f"QT_TRANSLATE_NOOP({'studio.model'!r}, {label!r})" for label in STATUS_LABELS.values()]
    names = dict.fromkeys([name for _, name in WRITING_LANGUAGES] + [name.split(" (")[0] for _, name in WRITING_LANGUAGES])
    lines += [f"QT_TRANSLATE_NOOP({'studio.languages'!r}, {name!r})" for name in names]
    lines += [f"QT_TRANSLATE_NOOP({'studio.analytics'!r}, {text!r})" for text in [*LABELS.values(), *NO_POST_COUNTS.values()]]
    lines += [f"QT_TRANSLATE_NOOP({'studio.presets'!r}, {preset.label!r})" for preset in builtin_presets()]
    return "\n".join(lines) + "\n"


def update(ts_folder: Path = FOLDER) -> list[Path]:
    """Refresh the .ts files of Studio's strings in ``ts_folder``; returns them."""
    ts_folder.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as temporary:
        declarations = Path(temporary) / "settings_declarations.py"
        declarations.write_text(settings_strings(), encoding="utf-8")
        for language in LANGUAGES:
            target = ts_folder / f"studio_{language}.ts"
            subprocess.run(
                [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-target-language", language,
                 *[str(path) for path in sources()], str(declarations), "-ts", str(target)],
                check=True, capture_output=True, text=True,
            )
            written.append(target)
    return written


def build(ts_folder: Path = FOLDER, qm_folder: Path | None = None) -> list[Path]:
    """Compile every .ts in ``ts_folder`` into a .qm (in ``qm_folder``, by default beside it)."""
    out = qm_folder or ts_folder
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(ts_folder.glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def todo(ts_folder: Path = FOLDER) -> list[tuple[str, str]]:
    """(context, source) of every message of the .ts files still to translate."""
    import xml.etree.ElementTree as ET

    left = []
    for ts in sorted(ts_folder.glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") == "unfinished":
                    left.append((context.findtext("name") or "", message.findtext("source") or ""))
    return left


def main(argv: list[str]) -> int:
    if argv[1:] == ["update"]:
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
        return 0
    if argv[1:] == ["todo"]:
        for context, source in todo():
            print(f"{context}\t{source!r}")
        return 0
    if argv[1:] == ["build"]:
        for path in build():
            print(f"built {path.relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
