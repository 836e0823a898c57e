"""``python -m liza_async`` runs the ``liza`` command."""

import sys

from .cli import main

sys.exit(main())
