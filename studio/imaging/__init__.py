"""Images for social networks: presets, safe loading, crop geometry, focal guess and export.

Plain Python over Pillow; no Qt here. The crop editor (``studio.editors.crop``) and the CLI
(``studio export-image``) are two faces over :func:`studio.imaging.export.export`.
"""
