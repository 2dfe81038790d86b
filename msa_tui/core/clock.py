"""The one clock of the client: Paris time, freezable for tests and snapshots."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
FROZEN_TIME_ENV = "MSA_TUI_FROZEN_TIME"

_frozen: datetime | None = None
_bad_env_reported: str | None = None

log = logging.getLogger(__name__)


def _to_paris(moment: datetime) -> datetime:
    # A naive moment is read as Paris wall-clock time: that is what a test or a
    # snapshot writer means by "2026-11-15T10:00".
    if moment.tzinfo is None:
        return moment.replace(tzinfo=PARIS)
    return moment.astimezone(PARIS)


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date or date-time as an aware Paris datetime (ValueError if not ISO)."""
    return _to_paris(datetime.fromisoformat(text.strip()))


def _from_env() -> datetime | None:
    global _bad_env_reported
    raw = os.environ.get(FROZEN_TIME_ENV, "").strip()
    if not raw:
        return None
    try:
        return parse_moment(raw)
    except ValueError:
        # A typo in a test variable must not crash a running app: say it once, run on real time.
        if _bad_env_reported != raw:
            _bad_env_reported = raw
            log.warning("%s ignored: %r is not an ISO 8601 date-time", FROZEN_TIME_ENV, raw)
        return None


def now() -> datetime:
    """The current moment, aware, in Europe/Paris.

    Precedence: `freeze()` > the `MSA_TUI_FROZEN_TIME` environment variable
    (read at every call, so a test may set it late) > the real clock.
    A frozen clock does not advance.
    """
    if _frozen is not None:
        return _frozen
    from_env = _from_env()
    if from_env is not None:
        return from_env
    return datetime.now(PARIS)


def today() -> date:
    """Today's date in Paris (what the portal calls "today")."""
    return now().date()


def freeze(moment: datetime | date | str | None) -> None:
    """Pin `now()` to `moment`; `None` unfreezes.

    A naive datetime is Paris time; a bare date means its midnight in Paris
    (as the ISO text "2026-11-15" does); ISO text is accepted.
    """
    global _frozen
    if moment is None:
        _frozen = None
    elif isinstance(moment, str):
        _frozen = parse_moment(moment)
    elif isinstance(moment, datetime):
        _frozen = _to_paris(moment)
    else:
        _frozen = datetime(moment.year, moment.month, moment.day, tzinfo=PARIS)


def is_frozen() -> bool:
    """Whether time is pinned, by `freeze()` or by the environment."""
    return _frozen is not None or _from_env() is not None


@contextmanager
def frozen(moment: datetime | date | str) -> Iterator[datetime]:
    """`with frozen("2026-11-15T10:00"):` — time pinned inside, the previous state restored after."""
    global _frozen
    previous = _frozen
    freeze(moment)
    try:
        yield now()
    finally:
        _frozen = previous
