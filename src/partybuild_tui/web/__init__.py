"""Serving the app to a browser (``partybuild-tui serve``), on textual-serve.

No Textual import here: the served app is a separate process per browser tab,
started with a fixed command line, so a browser can only send it keys.
"""
