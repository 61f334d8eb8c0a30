"""partybuild-tui: a keyboard-first terminal explorer for structured reports."""

__version__ = "0.1.0"
