"""LazyLogger: records that logging would drop cost no import; the others go through logging."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_debug_and_info_load_nothing_and_a_warning_reaches_stderr():
    probe = textwrap.dedent("""
        import sys
        from msa_tui.api.lazy_log import LazyLogger
        log = LazyLogger("msa_tui.test")
        log.debug("not shown %s", 1)
        log.info("not shown either")
        print("BEFORE", "logging" in sys.modules)
        log.warning("shown %s", "here")
        print("AFTER", "logging" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["BEFORE", "False", "AFTER", "True"]
    assert done.stderr.strip() == "shown here"  # logging's last resort, as for a plain logger


def test_once_logging_is_configured_every_record_goes_through_it(caplog):
    import logging

    from msa_tui.api.lazy_log import LazyLogger

    with caplog.at_level(logging.DEBUG, logger="msa_tui.test"):
        LazyLogger("msa_tui.test").debug("kept %d", 7)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("DEBUG", "kept 7")]
