"""`python -m msa_tui`: the same as the `msa-tui` command."""

import sys

from .first_frame import hold

hold()  # as early as can be: see first_frame (cli.main holds it too, for the `msa-tui` script)

from .cli import main  # noqa: E402

sys.exit(main())
