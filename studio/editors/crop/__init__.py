"""The image crop editor: canvas with the frame (``view``), the strip of every preset's live
thumbnail (``strip``), the editor that ties them to the presets (``editor``) and the export dialog."""
