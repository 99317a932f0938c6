"""The Analytics page and its dialogs."""
