"""Publishing in the GUI: the "Connect account" dialog, the publications panel, the in-app runner on a
timer and the tray notifications. The work itself is the core's (:mod:`studio.publishing`)."""
