"""``python -m partybuild_tui`` runs the same command line as ``partybuild-tui``."""

import sys

from .cli import main

sys.exit(main())
