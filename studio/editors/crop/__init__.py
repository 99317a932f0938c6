"""The image crop editor's reusable widgets: canvas with the frame (``view``), the strip of every
preset's live thumbnail (``strip``), the editor that ties them to the presets (``editor``). They
import only the core; the Images page and its dialogs live in :mod:`studio.ui.images`."""
