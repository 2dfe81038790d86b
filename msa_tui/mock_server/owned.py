"""A member's own row: the one place a route looks up "this id, if it is the member's"."""

from __future__ import annotations

import sqlite3

from .problems import not_found
from .store import Store


def owned_row(store: Store, table: str, row_id: str, member_id: str, missing: str) -> sqlite3.Row:
    """The row of `table` with this id when it belongs to the member, else a 404 saying `missing` (French).

    Another member's row answers the same 404 as no row at all: ids never tell whose they are.
    `table` is a name from the code (never from a request), hence the f-string.
    """
    row = store.one(f"SELECT * FROM {table} WHERE id = ? AND member_id = ?", (row_id, member_id))
    if row is None:
        raise not_found(missing)
    return row
