"""The client log: one file in the platform log dir, every record redacted before it is written.

Redacted: bearer tokens, `Authorization` headers, the values of token/password
fields (JSON, Python reprs, form or query strings), and anything shaped like a
NIR (13 or 15 characters, grouped or not, 2A/2B) — shape, not validity, so a
mistyped NIR is hidden too. A few unrelated 13-digit numbers may be hidden as
well: a lost debug detail costs less than a leaked identity.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LOG_FILE_NAME = "msa-tui.log"
REDACTED = "[REDACTED]"
NIR_PLACEHOLDER = "[NIR]"
QUIET_LIBRARIES = ("httpx", "httpcore")  # at INFO they log every URL, which may carry a NIR

_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9\-._~+/=]+")
_AUTH_HEADER = re.compile(r"""(?i)(authorization["']?\s*[:=]\s*["']?)[^"'\r\n,}]+""")
_SECRET_KEYS = r"(?:access_token|refresh_token|id_token|token|secret|mot_de_passe|[\w-]*password[\w-]*)"
_SECRET_FIELD = re.compile(
    r"""(?i)(?<![\w-])(?P<pre>(?P<q>["']?)""" + _SECRET_KEYS + r"""(?P=q)\s*[:=]\s*)"""
    r"""(?P<val>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s&,;}\]]+)"""
)
_SEP = r"[ .\u00a0]?"
_NIR = re.compile(
    r"(?<![0-9A-Za-z])[1-8](?:" + _SEP + r"\d{2}){2}" + _SEP + r"(?:\d{2}|2[ABab])"
    r"(?:" + _SEP + r"\d{3}){2}(?:" + _SEP + r"\d{2})?(?![0-9A-Za-z])"
)

_HANDLER_MARK = "_msa_tui_handler"


def _hide_value(match: re.Match[str]) -> str:
    value = match.group("val")
    quote = value[0] if value[0] in "\"'" else ""
    if value.lower() in ("null", "none", '""', "''"):
        return match.group(0)  # nothing secret in an absent value; keep it for debugging
    return f"{match.group('pre')}{quote}{REDACTED}{quote}"


def redact(text: str) -> str:
    """`text` with tokens, passwords, Authorization headers and NIRs replaced."""
    text = _BEARER.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _SECRET_FIELD.sub(_hide_value, text)
    return _NIR.sub(NIR_PLACEHOLDER, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record in place: message with its args, exception and stack text.

    In place so that every handler after ours sees the redacted record too.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not hide the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """Redacts the final line as well, in case a formatter field carried a secret."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(log_dir: Path | None = None, level: int | str | None = None) -> Path:
    """Send the app's logs (and httpx/httpcore warnings) to `msa-tui.log`, redacted; returns its path.

    Calling it again replaces the previous file handler. `level` (or the
    `MSA_TUI_LOG_LEVEL` variable) applies to the `msa_tui` loggers; INFO by default.
    """
    from logging.handlers import RotatingFileHandler

    if log_dir is None:
        from . import paths

        log_dir = paths.log_dir()
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    # Created owner-only before the handler opens it: the log says who logged in when.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))

    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    setattr(handler, _HANDLER_MARK, True)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)

    chosen = level if level is not None else os.environ.get("MSA_TUI_LOG_LEVEL", "INFO")
    if isinstance(chosen, str):
        chosen = logging.getLevelName(chosen.strip().upper())
        if not isinstance(chosen, int):
            chosen = logging.INFO
    logging.getLogger("msa_tui").setLevel(chosen)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    return path
