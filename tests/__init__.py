"""The test suite (a package, so test modules import their helpers absolutely).

It starts four workers and a hundred or so `python -m partybuild_tui`: where
PYTHONDONTWRITEBYTECODE is set (some images set it), each compiled the package again
and pytest rewrote every test module again, on every run. Bytecode is written here,
before anything of ours is imported; `__pycache__` is in .gitignore.
"""

import sys

sys.dont_write_bytecode = False
