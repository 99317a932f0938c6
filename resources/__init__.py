"""Data files of Studio (installed as the package ``studio.resources``); no code lives here."""
