"""`python -m msa_tui`: the same as the `msa-tui` command."""

import gc
import sys

gc.disable()  # start-up: see cli.main (imports before it allocate a lot, and collect nothing)

from .cli import main  # noqa: E402

sys.exit(main())
