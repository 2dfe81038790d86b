"""A logger that loads `logging` only when a record could go somewhere.

A quick command (`msa-tui payments list`) configures no logging: its debug and info records
would be dropped, and only warnings reach stderr (logging's last resort). Importing `logging`
(and `threading`, `traceback`, `string` with it) for records that go nowhere is most of what
logging costs such a command, so until something else has imported `logging`, debug and info
records are dropped here, exactly as logging would drop them, and a warning or error imports it
and goes through the real logger. Once `logging` is loaded (the app sets up its log file), every
record goes through the real logger.
"""

from __future__ import annotations

import sys
from typing import Any


class LazyLogger:
    def __init__(self, name: str) -> None:
        self.name = name

    def _log(self, method: str, quiet: bool, msg: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if quiet and "logging" not in sys.modules:
            return  # nobody configured logging: the root logger's WARNING level would drop it
        import logging

        getattr(logging.getLogger(self.name), method)(msg, *args, **kwargs)

    def debug(self, msg: str, *args: Any, **kwargs: Any) -> None:
        self._log("debug", True, msg, args, kwargs)

    def info(self, msg: str, *args: Any, **kwargs: Any) -> None:
        self._log("info", True, msg, args, kwargs)

    def warning(self, msg: str, *args: Any, **kwargs: Any) -> None:
        self._log("warning", False, msg, args, kwargs)

    def error(self, msg: str, *args: Any, **kwargs: Any) -> None:
        self._log("error", False, msg, args, kwargs)

    def exception(self, msg: str, *args: Any, **kwargs: Any) -> None:
        self._log("exception", False, msg, args, kwargs)
