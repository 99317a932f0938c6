"""The Images page: open a photo, crop it once for every preset, write its alt text, export.

Opening reads the file on a worker (a reduced decode for the screen, a first guess of the focal
point), copies it into the library (content-addressed) and restores its saved focal point and crops.
Edits are written to the library shortly after they happen, on the single writer thread, and at
once on :meth:`save_now`. Drag an image file onto the workspace or press Ctrl+O to open one; Ctrl+E
exports.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.editors.crop.editor import CropEditor
from studio.errors import in_words
from studio.imaging.presets import Preset, all_presets, usable_custom
from studio.ui.context import AppContext
from studio.ui.images.export_dialog import ExportDialog
from studio.ui.images.photo import Prepared, alt_text_of, glimpse, list_posts, prepare, save_edits
from studio.ui.images.preset_dialog import PresetDialog
from studio.ui.locale_format import number
from studio.ui.translation import QT_TRANSLATE_NOOP, shown_presets
from studio.ui.workspace import Workspace

log = logging.getLogger(__name__)

IMAGE_FILTER = QT_TRANSLATE_NOOP("ImagesWorkspace", "Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.bmp *.avif *.heic *.heif)")
ALT_TEXT_LIMIT = 1000  # the strictest of the networks (X); Mastodon takes 1500, Bluesky 2000


class ImagesWorkspace(Workspace):
    """Crop one photo for every network placement and export it.

    Signals (from :class:`Workspace`): ``state_changed(str)``.
    """

    key = "images"
    title = "Images"
    icon_name = "images.svg"

    def __init__(self, context: AppContext, presets: list[Preset] | None = None) -> None:
        super().__init__()
        self.context = context
        self.library = context.library
        self.client_id: int | None = None
        self.photo: Prepared | None = None
        self.draft_id: int | None = None
        self.export_folder = Path.home() / "Pictures" / "Studio exports"
        self.dialog: ExportDialog | None = None
        self._dirty = False
        self._request = 0  # the latest open asked for; its glimpse and photo are shown, older ones dropped
        self._shown = -1
        self.setAcceptDrops(True)

        self.available: list[Preset] = list(presets if presets is not None else shown_presets(all_presets()))
        self.hidden: set[str] = set()  # presets the user took out of the strip (for this session)
        self.editor = CropEditor(self.available)
        if presets is None and self.library is not None:  # the user's own presets join when read
            context.tasks.run(self.library.list_custom_presets, on_done=self._custom_presets_loaded,
                              on_error=self._failed)
        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.setToolTip(self.tr("Open an image file (Ctrl+O), or drop one here"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export every preset (Ctrl+E)"))
        self.export_button.setEnabled(False)
        self.name_label = QLabel("")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self.open_button)
        header.addWidget(self.name_label, 1)
        self.preset_button = QPushButton(self.tr("New preset…"))
        self.preset_button.setToolTip(self.tr("Add a size of your own (a shop banner, a newsletter header)"))
        self.preset_button.setEnabled(self.library is not None)
        self.choose_button = QToolButton()
        self.choose_button.setText(self.tr("Presets"))
        self.choose_button.setToolTip(self.tr("Choose the placements to crop and export"))
        self.choose_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.choose_menu = QMenu(self.choose_button)
        self.choose_menu.aboutToShow.connect(self._fill_choose_menu)
        self.choose_button.setMenu(self.choose_menu)
        header.addWidget(self.choose_button)
        header.addWidget(self.preset_button)
        header.addWidget(self.export_button)

        self.hint = QLabel(self.tr("Drop an image here, or press Ctrl+O to open one.\n\n"
                                   "Crop it once and see every network's placement; export them all in one go, "
                                   "without the location the photo was taken at."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)
        self.pages.addWidget(self.editor)

        self.post_box = QComboBox()
        self.post_box.setAccessibleName(self.tr("Post this image belongs to"))
        self.post_box.addItem(self.tr("Not attached to a post"), None)
        self.alt_text = QPlainTextEdit()
        self.alt_text.setAccessibleName(self.tr("Alt text"))
        self.alt_text.setPlaceholderText(self.tr("Describe the image for people who cannot see it: who or what, "
                                                 "doing what, where; any text it shows."))
        self.alt_count = QLabel("")
        self.focus_button = QPushButton(self.tr("Find the subject"))
        self.focus_button.setToolTip(self.tr("Guess the focal point from the photo's detail and colour"))
        self.info = QLabel("")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        form = QFormLayout()
        form.addRow(self.tr("Post"), self.post_box)
        side_layout.addLayout(form)
        side_layout.addWidget(QLabel(self.tr("Alt text")))
        side_layout.addWidget(self.alt_text, 1)
        side_layout.addWidget(self.alt_count)
        side_layout.addWidget(self.focus_button)
        side_layout.addWidget(self.info)
        side.setMinimumWidth(220)

        splitter = QSplitter()
        splitter.addWidget(self.pages)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_now)
        self._alt_timer = QTimer(self)
        self._alt_timer.setSingleShot(True)
        self._alt_timer.setInterval(600)
        self._alt_timer.timeout.connect(self._save_alt_text)

        self.open_button.clicked.connect(self.choose_file)
        self.preset_button.clicked.connect(self.new_preset)
        self.export_button.clicked.connect(self.export)
        self.editor.crops_edited.connect(self._edited)
        self.editor.current_changed.connect(lambda _id: self._say_state())
        self.focus_button.clicked.connect(self.guess_focal)
        self.alt_text.textChanged.connect(self._alt_changed)
        self.post_box.activated.connect(self._post_chosen)
        for sequence, slot in ((QKeySequence.StandardKey.Open, self.choose_file), (QKeySequence("Ctrl+E"),
                                                                                     self.export)):
            shortcut = QShortcut(sequence, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._enable_side(False)

    # -- the main window's hooks ----------------------------------------------------------------

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self._load_posts()

    def activated(self) -> None:
        self._load_posts()
        (self.editor.view if self.photo else self.open_button).setFocus()

    def save_now(self) -> None:
        """Write the pending crops, focal point and alt text to the library."""
        self._save_timer.stop()
        if self._dirty and self.photo is not None and self.photo.sha and self.library is not None:
            self._dirty = False
            self.context.tasks.run(save_edits, self.library, self.photo.sha, self.editor.focal,
                                   self.editor.crops_to_save(), on_error=self._failed, pool="writes")
        if self._alt_timer.isActive():
            self._alt_timer.stop()
            self._save_alt_text()

    def new_preset(self) -> None:
        """Ask for a preset of the user's own and save it in the library."""
        dialog = PresetDialog(self)
        if dialog.exec() != PresetDialog.DialogCode.Accepted or dialog.result_preset is None:
            return
        self.save_custom_preset(dialog.data())

    def save_custom_preset(self, data: dict[str, Any]) -> None:
        if self.library is None:
            return
        library = self.library

        def save() -> list[dict[str, Any]]:
            library.save_custom_preset(data)
            return list(library.list_custom_presets())

        def saved(custom: list[dict[str, Any]]) -> None:
            self._custom_presets_loaded(custom)
            self.editor.select_preset(str(data["id"]))
            self.context.messages.info(f"Preset {data['label']} saved in the library.")

        self.context.tasks.run(save, on_done=saved, on_error=self._failed, pool="writes")

    def _fill_choose_menu(self) -> None:
        self.choose_menu.clear()
        network = ""
        for preset in self.available:
            if preset.network != network:
                network = preset.network
                self.choose_menu.addSection(network.capitalize())
            action = self.choose_menu.addAction(f"{preset.label} ({preset.width} x {preset.height})")
            action.setCheckable(True)
            action.setChecked(preset.id not in self.hidden)
            action.toggled.connect(lambda on, preset_id=preset.id: self.show_preset(preset_id, on))

    def show_preset(self, preset_id: str, shown: bool) -> None:
        """Put a preset in the strip (and the export) or take it out; one always stays."""
        if shown:
            self.hidden.discard(preset_id)
        elif len(self.hidden) + 1 < len(self.available):
            self.hidden.add(preset_id)
        self._apply_choice()

    def _apply_choice(self) -> None:
        self.editor.set_presets([preset for preset in self.available if preset.id not in self.hidden])

    def _custom_presets_loaded(self, custom: list[dict[str, Any]]) -> None:
        if not custom:
            return
        usable, refused = usable_custom(custom)
        for error in refused:
            self.context.messages.warning(self.tr("A custom preset was skipped: %1").replace("%1", error.for_humans()))
        self.available = shown_presets(all_presets(usable))
        self._apply_choice()

    # -- opening --------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Open image"), str(Path.home()), self.tr(IMAGE_FILTER))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Open an image file (copied into the library) in the editor, off the UI thread.

        Two reads run at once: a glimpse decoded at the size the canvas shows (on screen in about
        the time of one decode at screen size), and the photo for editing (the sharper decode for
        zooming, the library's copy, the saved crops or a guessed focal point), which replaces it."""
        self.save_now()
        self._say(self.tr("Opening %1…").replace("%1", path.name))
        self._request += 1
        request = self._request
        ratio = self.devicePixelRatioF()
        canvas = self.editor.view.viewport().size() if self.photo is not None else self.pages.size()
        size = (max(200, round(canvas.width() * ratio)), max(150, round(canvas.height() * ratio)))
        self.context.tasks.run(glimpse, Path(path), size, on_done=lambda image: self._glimpsed(request, image),
                               on_error=lambda _error: None)  # the full read reports what is wrong
        self.context.tasks.run(prepare, self.library, Path(path), None,
                               on_done=lambda prepared: self._opened(prepared, request), on_error=self._failed)

    def _glimpsed(self, request: int, image: QImage) -> None:
        if request != self._request or self._shown == request:
            return  # another photo was asked for since, or this one is already open
        self.photo = None
        self.export_button.setEnabled(False)
        self._enable_side(False)
        self.editor.show_glimpse(image)
        self.pages.setCurrentWidget(self.editor)

    def open_asset(self, sha: str, draft_id: int | None = None) -> None:
        """Open an image already in the library; with ``draft_id`` its alt text is that post's."""
        self.save_now()
        self.draft_id = draft_id
        self._request += 1
        request = self._request
        self.context.tasks.run(prepare, self.library, None, sha, on_done=lambda prepared: self._opened(prepared, request),
                               on_error=self._failed)

    def _opened(self, prepared: Prepared, request: int = 0) -> None:
        if request and request != self._request:
            return  # another photo was asked for since
        self._shown = request
        self.photo = prepared
        self.editor.set_photo(prepared.image, prepared.full_size, prepared.focal, prepared.crops)
        self.pages.setCurrentWidget(self.editor)
        self.export_button.setEnabled(True)
        self._enable_side(True)
        width, height = prepared.full_size
        self.name_label.setText(f"<b>{prepared.name}</b> — {width} x {height} {prepared.format}")
        lines = list(prepared.notices)
        if prepared.guessed:
            lines.append(self.tr("The focal point is a first guess: drag the circle to the subject."))
        self.info.setText("\n".join(lines))
        for notice in prepared.notices:
            self.context.messages.info(notice)
        if self.draft_id is not None:
            self._select_post(self.draft_id)
        else:
            self.post_box.setCurrentIndex(0)
            self._set_alt_text("")
        if prepared.guessed:
            self._dirty = True
            self._save_timer.start()
        self.editor.view.setFocus()
        self._say_state()

    def _failed(self, error: BaseException) -> None:
        text = in_words(error, self.tr("Studio could not do that"))
        self.context.messages.error(text)
        self._say("")

    # -- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not files:
            return
        event.acceptProposedAction()
        if len(files) > 1:
            self.context.messages.info(self.tr("Opened %1; Studio crops one image at a time.").replace("%1", files[0].name))
        self.open_file(files[0])

    # -- edits ----------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._dirty = True
        self._save_timer.start()
        self._say_state()

    def guess_focal(self) -> None:
        if self.photo is None:
            return
        from studio.imaging.saliency import guess_focal

        image = self.photo.image

        def guess() -> tuple[float, float]:
            from PIL import Image

            converted = image.convertToFormat(QImage.Format.Format_RGB888)
            pixels = Image.frombuffer("RGB", (converted.width(), converted.height()), bytes(converted.constBits()),
                                      "raw", "RGB", converted.bytesPerLine(), 1)
            return guess_focal(pixels)

        self.context.tasks.run(guess, on_done=lambda point: self.editor.set_focal(*point), on_error=self._failed)

    # -- posts and alt text ---------------------------------------------------------------------

    def _enable_side(self, on: bool) -> None:
        for widget in (self.post_box, self.alt_text, self.focus_button):
            widget.setEnabled(on)

    def _load_posts(self) -> None:
        if self.library is None:
            return
        self.context.tasks.run(list_posts, self.library, self.client_id, on_done=self._posts_loaded,
                               on_error=self._failed)

    def _posts_loaded(self, posts: list[tuple[int, str]]) -> None:
        current = self.post_box.currentData()
        self.post_box.blockSignals(True)
        self.post_box.clear()
        self.post_box.addItem(self.tr("Not attached to a post"), None)
        for draft_id, title in posts:
            self.post_box.addItem(title, draft_id)
        self.post_box.blockSignals(False)
        self._select_post(current)

    def _select_post(self, draft_id: int | None) -> None:
        index = self.post_box.findData(draft_id) if draft_id is not None else 0
        self.post_box.setCurrentIndex(max(index, 0))
        self.draft_id = draft_id if index > 0 else None
        self._load_alt_text()

    def _post_chosen(self, index: int) -> None:
        data = self.post_box.itemData(index)
        self.draft_id = int(data) if data is not None else None
        if self.draft_id is not None and self.photo is not None and self.photo.sha and self.library is not None:
            library, draft_id, sha, typed = self.library, self.draft_id, self.photo.sha, self.alt_text.toPlainText()

            def attach() -> str:
                draft = library.get_draft(draft_id)
                attached = next((asset for asset in draft.assets if asset.sha == sha), None)
                if attached is not None:  # already there: keep its place and its alt text
                    return str(attached.alt_text)
                library.attach_asset(draft_id, sha, typed)
                return typed

            self.context.tasks.run(attach, on_done=self._set_alt_text, on_error=self._failed, pool="writes")
        self._say_state()

    def _load_alt_text(self) -> None:
        if self.draft_id is None or self.photo is None or not self.photo.sha or self.library is None:
            return
        self.context.tasks.run(alt_text_of, self.library, self.draft_id, self.photo.sha,
                               on_done=self._set_alt_text, on_error=self._failed)

    def _set_alt_text(self, text: str) -> None:
        self.alt_text.blockSignals(True)
        self.alt_text.setPlainText(text)
        self.alt_text.blockSignals(False)
        self._count_alt_text()

    def _alt_changed(self) -> None:
        self._count_alt_text()
        if self.draft_id is not None:
            self._alt_timer.start()

    def _count_alt_text(self) -> None:
        count = len(self.alt_text.toPlainText())
        over = count > ALT_TEXT_LIMIT
        self.alt_count.setText(f"{count} / {ALT_TEXT_LIMIT}" + (self.tr(" — too long for X") if over else ""))
        self.alt_count.setStyleSheet("color: #b42318;" if over else "")

    def _save_alt_text(self) -> None:
        if self.draft_id is None or self.photo is None or not self.photo.sha or self.library is None:
            return
        draft_id, sha, text = self.draft_id, self.photo.sha, self.alt_text.toPlainText()
        self.context.tasks.run(self.library.set_alt_text, draft_id, sha, text, on_error=self._failed,
                               pool="writes")

    # -- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        """Open the export dialog for the open photo."""
        if self.photo is None:
            self.context.messages.info(self.tr("Open an image first (Ctrl+O)."))
            return
        self.save_now()
        stem = f"draft-{self.draft_id}" if self.draft_id is not None else Path(self.photo.name).stem
        if self.dialog is not None and not self.dialog.running:
            self.dialog.deleteLater()  # one dialog at a time; a running export keeps its own
        self.dialog = ExportDialog(self.context.tasks, self.photo.path, self.editor.presets,
                                   self.editor.crops_to_save(), self.editor.focal, self.export_folder, stem, self)
        self.dialog.exported.connect(self._exported)
        self.dialog.open()

    def _exported(self, renditions: list[Any]) -> None:
        if renditions:
            self.export_folder = renditions[0].path.parent
            self._say(self.tr("Exported %1 image(s) to %2").replace("%1", number(len(renditions)))
                      .replace("%2", str(self.export_folder)))

    # -- status ---------------------------------------------------------------------------------

    def _say_state(self) -> None:
        if self.photo is None:
            self._say("")
            return
        preset = self.editor.preset() if self.editor.current else None
        self._say(f"{self.photo.name} — {preset.label if preset else ''}")

    def _say(self, text: str) -> None:
        self.state_changed.emit(text)
