"""One module per command-line command; each has ``add_arguments`` and ``run``."""
