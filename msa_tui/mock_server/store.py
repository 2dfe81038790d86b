"""The mock server's storage: one SQLite file plus content-addressed blobs, guarded by a lock."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DB_NAME = "msa.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
    id TEXT PRIMARY KEY, nir TEXT UNIQUE NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
    birth_date TEXT, email TEXT NOT NULL, phone TEXT, address TEXT NOT NULL, caisse TEXT NOT NULL,
    password_hash TEXT, doctor TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS household (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
    relation TEXT NOT NULL, birth_date TEXT, ord INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS login_failures (nir TEXT PRIMARY KEY, count INTEGER NOT NULL, locked_until REAL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, revoked INTEGER NOT NULL, started_at REAL);
CREATE TABLE IF NOT EXISTS tokens (
    hash TEXT PRIMARY KEY, session_id TEXT NOT NULL, kind TEXT NOT NULL, expires_at REAL NOT NULL,
    spent INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS code_guards (
    nir TEXT NOT NULL, purpose TEXT NOT NULL, period_start REAL NOT NULL, sends INTEGER NOT NULL,
    failures INTEGER NOT NULL, PRIMARY KEY (nir, purpose));
CREATE TABLE IF NOT EXISTS codes (
    nir TEXT NOT NULL, purpose TEXT NOT NULL, code_hash TEXT NOT NULL, expires_at REAL NOT NULL,
    attempts INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (nir, purpose));
CREATE TABLE IF NOT EXISTS idempotency (
    member_id TEXT NOT NULL, route TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (member_id, route, key));
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, subject TEXT NOT NULL,
    body TEXT NOT NULL, sent_at TEXT NOT NULL, attachment TEXT, attachment_size INTEGER);
CREATE TABLE IF NOT EXISTS payments (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, date TEXT NOT NULL, amount REAL NOT NULL,
    domain TEXT NOT NULL, label TEXT NOT NULL, beneficiary TEXT);
-- Each list's index leads with its filter and follows its ORDER BY (tie-breaker id included), so a page
-- is an index seek plus LIMIT rows whatever the history's length.
DROP INDEX IF EXISTS payments_by_member;
CREATE INDEX IF NOT EXISTS payments_page ON payments (member_id, date DESC, id);
CREATE INDEX IF NOT EXISTS payments_page_domain ON payments (member_id, domain, date DESC, id);
CREATE TABLE IF NOT EXISTS threads (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, subject TEXT NOT NULL, topic TEXT NOT NULL,
    updated_at TEXT NOT NULL, awaiting_reply INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL,
    sent_at TEXT NOT NULL, read INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS threads_page ON threads (member_id, updated_at DESC, id);
CREATE INDEX IF NOT EXISTS messages_by_thread ON messages (thread_id, sent_at, id);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, title TEXT NOT NULL, direction TEXT NOT NULL,
    date TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, submission_reference TEXT,
    sha256 TEXT NOT NULL, file_name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_page ON documents (member_id, date DESC, id);
CREATE INDEX IF NOT EXISTS documents_page_direction ON documents (member_id, direction, date DESC, id);
CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, object TEXT NOT NULL, status TEXT NOT NULL,
    created_at TEXT NOT NULL, documents TEXT NOT NULL, idempotency_key TEXT, receipt TEXT);
CREATE TABLE IF NOT EXISTS files (
    file_id TEXT PRIMARY KEY, submission_id TEXT NOT NULL, doc_index INTEGER NOT NULL, name TEXT NOT NULL,
    size INTEGER NOT NULL, sha256 TEXT NOT NULL, content_type TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS requests (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL,
    status TEXT NOT NULL, filed_at TEXT NOT NULL, updated_at TEXT NOT NULL, answers TEXT NOT NULL,
    timeline TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS requests_page ON requests (member_id, updated_at DESC, id);
CREATE TABLE IF NOT EXISTS declarations (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, benefit TEXT NOT NULL, quarter TEXT NOT NULL,
    status TEXT NOT NULL, due_date TEXT NOT NULL, filed_at TEXT, resources TEXT);
CREATE INDEX IF NOT EXISTS declarations_page ON declarations (member_id, due_date DESC, id);
CREATE TABLE IF NOT EXISTS quotients (
    member_id TEXT PRIMARY KEY, value INTEGER NOT NULL, year INTEGER NOT NULL, parts REAL NOT NULL,
    reference_income REAL NOT NULL, computed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS slots (
    id TEXT PRIMARY KEY, caisse TEXT NOT NULL, starts_at TEXT NOT NULL, duration_minutes INTEGER NOT NULL,
    place TEXT NOT NULL, mode TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS appointments (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, slot_id TEXT UNIQUE NOT NULL, topic TEXT NOT NULL,
    booked_at TEXT NOT NULL);
-- Ordered by the slot's start, which lives in another table: a member's few appointments are sorted.
CREATE INDEX IF NOT EXISTS appointments_by_member ON appointments (member_id);
CREATE TABLE IF NOT EXISTS procurations (
    id TEXT PRIMARY KEY, grantor_id TEXT NOT NULL, grantee_id TEXT, grantor_name TEXT NOT NULL,
    grantee_name TEXT NOT NULL, grantee_nir TEXT NOT NULL, scope TEXT NOT NULL, status TEXT NOT NULL,
    since TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS procurations_given ON procurations (grantor_id, since DESC, id);
CREATE INDEX IF NOT EXISTS procurations_received ON procurations (grantee_id, since DESC, id);
-- Message attachments: uploaded first (message_id NULL: pending, counted in the quota), then carried by one message.
CREATE TABLE IF NOT EXISTS message_attachments (
    id TEXT PRIMARY KEY, member_id TEXT NOT NULL, message_id TEXT, name TEXT NOT NULL, size INTEGER NOT NULL,
    sha256 TEXT NOT NULL, content_type TEXT NOT NULL, nature TEXT, created_at TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS attachments_by_message ON message_attachments (message_id, seq);
-- Procurations: a session opened by a grantee to act for the principal (its member_id is the principal's).
CREATE TABLE IF NOT EXISTS delegations (
    session_id TEXT PRIMARY KEY, procuration_id TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL,
    parent_session_id TEXT NOT NULL);
-- « Mes envois » (issue 14): every sent submission by reception; the amounts of declarations (pre-filled, filed).
CREATE TABLE IF NOT EXISTS envois (
    submission_id TEXT PRIMARY KEY, member_id TEXT NOT NULL, received_at TEXT NOT NULL, reference TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS envois_page ON envois (member_id, received_at DESC, submission_id);
CREATE TABLE IF NOT EXISTS declaration_amounts (
    declaration_id TEXT NOT NULL, source TEXT NOT NULL, person_id TEXT NOT NULL, month TEXT NOT NULL,
    kind TEXT NOT NULL, amount REAL NOT NULL, PRIMARY KEY (declaration_id, source, person_id, month, kind));
-- account security (issue 14, item 7): a row while the member has the e-mailed second factor on.
CREATE TABLE IF NOT EXISTS two_factor (member_id TEXT PRIMARY KEY, enabled_at TEXT NOT NULL);
-- payments at a glance (issue 14, item 8): totals per month and domain read from the index alone.
CREATE INDEX IF NOT EXISTS payments_month_totals ON payments (member_id, date, domain, amount);
-- Dashboard alerts (issue 14): each member's visits (one per session: seen_at is the end of the current one,
-- previous_seen_at of the one before), the pieces the MSA asks for on a démarche, the démarches' references.
CREATE TABLE IF NOT EXISTS visits (
    member_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, seen_at TEXT NOT NULL, previous_seen_at TEXT);
CREATE TABLE IF NOT EXISTS requested_pieces (
    request_id TEXT PRIMARY KEY, object TEXT NOT NULL, natures TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS request_references (reference TEXT PRIMARY KEY, request_id TEXT UNIQUE NOT NULL);
"""

# Tables that hold business data (what the seed writes); auth state is left out of dumps.
DATA_TABLES = (
    "meta", "members", "household", "payments", "threads", "messages", "documents", "submissions",
    "files", "requests", "declarations", "quotients", "slots", "appointments", "procurations",
    "message_attachments",  # message attachments
    "envois", "declaration_amounts",  # Mes envois, declarations per month (issue 14)
    "visits", "requested_pieces", "request_references",  # dashboard alerts, request references (issue 14)
)


ADDED_COLUMNS = (
    ("sessions", "started_at", "REAL"),
    ("tokens", "spent", "INTEGER NOT NULL DEFAULT 0"),
    ("procurations", "rights", "TEXT NOT NULL DEFAULT '[]'"),  # procurations: acting for a principal
    ("messages", "acting_by", "TEXT"),  # procurations: who wrote in the principal's name
    ("submissions", "request_id", "TEXT"),  # pieces sent for a démarche (issue 14)
    ("appointments", "phone", "TEXT"),  # the number a phone appointment calls (issue 14)
)


class Store:
    """A single connection shared by threads: every use holds `lock` (sqlite3 is not re-entrant)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.blob_dir = self.data_dir / "blobs"
        self.blob_dir.mkdir(exist_ok=True)
        self.tmp_dir = self.data_dir / "tmp"
        self.tmp_dir.mkdir(exist_ok=True)
        self.lock = threading.RLock()
        self.db = sqlite3.connect(self.data_dir / DB_NAME, check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        with self.lock:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA)
            self._add_missing_columns()
        self.collect_garbage()

    def _add_missing_columns(self) -> None:
        """Data dirs made by an older version get the columns added since (SQLite has no ADD IF NOT EXISTS)."""
        for table, column, decl in ADDED_COLUMNS:
            names = {r["name"] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if column not in names:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")

    def close(self) -> None:
        with self.lock:
            self.db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """A locked transaction: committed on success, rolled back on any error."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def all(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.db.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> sqlite3.Row | None:
        with self.lock:
            return self.db.execute(sql, params).fetchone()

    def run(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> int:
        with self.lock:
            return self.db.execute(sql, params).rowcount

    def get_meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return row["value"] if row else None

    def insert(self, conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(_cell(v) for v in row.values()))

    # --- blobs ------------------------------------------------------------------------

    def blob_path(self, sha256: str) -> Path:
        return self.blob_dir / sha256

    def put_blob(self, data: bytes) -> str:
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
        path = self.blob_path(digest)
        if not path.exists():
            tmp = self.tmp_dir / f"{digest}.part"
            tmp.write_bytes(data)
            tmp.replace(path)
        return digest

    def drop_blob_if_unused(self, conn: sqlite3.Connection, sha256: str) -> None:
        """Within the transaction that removed a reference: the blob goes when nothing points to it."""
        used = conn.execute("SELECT 1 FROM files WHERE sha256 = ? UNION ALL SELECT 1 FROM documents WHERE sha256 = ? "
                            "UNION ALL SELECT 1 FROM message_attachments WHERE sha256 = ? "  # message attachments
                            "LIMIT 1", (sha256, sha256, sha256)).fetchone()
        if used is None:
            self.blob_path(sha256).unlink(missing_ok=True)

    def collect_garbage(self) -> None:
        """At start: uploads cut short by a stop leave `.part` files; blobs may have lost their last reference."""
        for part in self.tmp_dir.glob("*.part"):
            part.unlink(missing_ok=True)
        with self.lock:
            used = {r[0] for r in self.db.execute("SELECT sha256 FROM files UNION SELECT sha256 FROM documents "
                                                  "UNION SELECT sha256 FROM message_attachments")}
            for blob in self.blob_dir.iterdir():
                if blob.is_file() and blob.name not in used:
                    blob.unlink(missing_ok=True)

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every business row, ordered, for comparing two data dirs."""
        out: dict[str, list[dict[str, Any]]] = {}
        for table in DATA_TABLES:
            rows = self.all(f"SELECT * FROM {table}")
            out[table] = sorted((dict(r) for r in rows), key=lambda r: json.dumps(r, sort_keys=True))
        return out


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return int(value)
    return value
