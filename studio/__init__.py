"""Studio: an offline-first desktop content studio for people who run social media for a living."""

__version__ = "0.1.0"
