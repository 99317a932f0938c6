"""The Write page (``page.WriteWorkspace``) and its parts: the draft's saver, grammar checks while
typing, the header, the side panels. The reusable editing widgets it is made of live in
``studio.editors.post``; the draft's text model in ``studio.drafting``."""
