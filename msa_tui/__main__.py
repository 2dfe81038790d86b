"""`python -m msa_tui`: the same as the `msa-tui` command."""

import sys

from .cli import main

sys.exit(main())
