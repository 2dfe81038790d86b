"""Acting for a principal: the sessions a grantee opens through a procuration, and what they may reach.

A delegated session belongs to the principal (its `member_id`), so every route serves the principal's
data unchanged; the one current-member dependency (deps.py) asks `check()` before any route runs:
the procuration must still be active, the grantee's own session still open, and the route within
the procuration's rights. Nothing else in the server knows about procurations."""

from __future__ import annotations

import json
from dataclasses import dataclass

from msa_tui.api.models import Code, ProcurationRight

from .problems import ProblemError
from .security import Issued, open_session, token_hash
from .store import Store

ALWAYS = "always"
NEVER = "never"
Rule = tuple[str, str]
"""What reading (GET) and what writing (any other method) a path asks: a right, ALWAYS or NEVER."""

RULES: dict[str, Rule] = {
    "/auth/logout": (ALWAYS, ALWAYS),
    "/me": (ALWAYS, NEVER),
    # The principal's contact details lead to their password reset: a grantee never changes them.
    "/me/contact": (NEVER, NEVER),
    # Account security stays the principal's own (reading whether a second factor is on included).
    "/me/password": (NEVER, NEVER),
    "/me/security": (NEVER, NEVER),
    "/me/two-factor": (NEVER, NEVER),
    "/me/mail-copy": (NEVER, ProcurationRight.consulter),
    "/me/service-medical": (ProcurationRight.echanger, NEVER),
    "/services": (ALWAYS, NEVER),
    "/payments": (ProcurationRight.consulter, NEVER),
    "/documents": (ProcurationRight.consulter, NEVER),
    "/attestations": (ProcurationRight.consulter, NEVER),
    "/threads": (ProcurationRight.echanger, ProcurationRight.echanger),
    "/attachments": (ProcurationRight.echanger, ProcurationRight.echanger),
    # The principal's to-do list is theirs: reading it records their visit (what changed "since").
    "/alerts": (NEVER, NEVER),
    "/submissions": (ProcurationRight.echanger, ProcurationRight.echanger),
    "/requests": (ProcurationRight.demarches, ProcurationRight.demarches),
    "/declarations": (ProcurationRight.demarches, ProcurationRight.demarches),
    "/quotient-familial": (ProcurationRight.demarches, NEVER),
    "/appointments": (ProcurationRight.demarches, ProcurationRight.demarches),
    # A grantee does not manage the principal's procurations (nor give one in their name).
    "/procurations": (NEVER, NEVER),
}
"""Path prefixes (under /api/v1) → what they need; the longest prefix wins; a path not listed is refused."""

RIGHT_WORDS = {
    ProcurationRight.consulter: "consulter ses paiements et ses documents",
    ProcurationRight.echanger: "échanger avec la MSA en son nom",
    ProcurationRight.demarches: "effectuer ses démarches en ligne",
}


def needed(method: str, path: str) -> str:
    """The right (or ALWAYS / NEVER) that `method path` needs in a delegated session."""
    for prefix in sorted(RULES, key=len, reverse=True):
        if path == prefix or path.startswith(prefix + "/"):
            read, write = RULES[prefix]
            return read if method in ("GET", "HEAD") else write
    return NEVER


@dataclass(frozen=True)
class Actor:
    """The grantee acting in a delegated session."""

    id: str
    full_name: str
    procuration_id: str


def _of(name: str) -> str:
    """"d'Antoine Santoni" / "de Sophie Le Gall"."""
    return f"d'{name}" if name[:1].lower() in "aeiouyàâéèêîôû" else f"de {name}"


def not_active(grantor_name: str) -> ProblemError:
    return ProblemError(403, Code.procuration_not_active,
                        f"La procuration {_of(grantor_name)} n'est pas active (révoquée, ou pas encore acceptée) : "
                        "vous ne pouvez pas agir pour son compte.")


def out_of_scope(grantor_name: str, rights: list[str]) -> ProblemError:
    allowed = [RIGHT_WORDS[ProcurationRight(r)] for r in rights]
    what = (" Elle vous permet seulement de " + ", ".join(allowed) + ".") if allowed else ""
    return ProblemError(403, Code.procuration_out_of_scope,
                        f"Cette action n'entre pas dans la procuration {_of(grantor_name)}.{what}")


def check(store: Store, session_id: str, method: str, path: str) -> Actor | None:
    """None for a member's own session; for a delegated one, its actor once the call is allowed, else 403.

    `path` is under /api/v1. Logging out is always allowed, so a revoked procuration's session can still end."""
    row = store.one(
        "SELECT d.*, p.status, p.rights, p.grantor_name, s.revoked AS parent_revoked FROM delegations d "
        "JOIN procurations p ON p.id = d.procuration_id LEFT JOIN sessions s ON s.id = d.parent_session_id "
        "WHERE d.session_id = ?", (session_id,))
    if row is None:
        return None
    actor = Actor(row["actor_id"], row["actor_name"], row["procuration_id"])
    if path == "/auth/logout":
        return actor
    if row["parent_revoked"] is None or row["parent_revoked"]:
        raise ProblemError(401, Code.unauthorized, "Votre session a pris fin. Veuillez vous reconnecter.",
                           headers={"WWW-Authenticate": "Bearer"})
    if row["status"] != "active":
        raise not_active(row["grantor_name"])
    rights = json.loads(row["rights"] or "[]")
    need = needed(method, path)
    if need == NEVER or (need != ALWAYS and need not in rights):
        raise out_of_scope(row["grantor_name"], rights)
    return actor


def open_delegated(store: Store, grantor_id: str, actor: Actor, parent_session_id: str, access_ttl: int,
                   now: float) -> Issued:
    """A session of the principal's, carrying its actor: the tokens it answers act for the principal.

    The tokens are handed out only after the delegation is written, so no one ever holds them unchecked."""
    issued = open_session(store, grantor_id, access_ttl, now)
    session = store.one("SELECT session_id FROM tokens WHERE hash = ?", (token_hash(issued.access_token),))
    assert session is not None
    store.run("INSERT INTO delegations (session_id, procuration_id, actor_id, actor_name, parent_session_id) "
              "VALUES (?, ?, ?, ?, ?)",
              (session["session_id"], actor.procuration_id, actor.id, actor.full_name, parent_session_id))
    return issued
