"""``python -m partybuild_tui`` runs the same command line as ``partybuild-tui``."""

import sys

from partybuild_tui.cli import main

sys.exit(main())
