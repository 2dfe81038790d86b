"""Account security while logged in: the current password proven again, a new password, and the
opt-in second factor (a 6-digit code e-mailed at each login, after the password).

The current password is counted like a login attempt (the same per-NIR lockout), so an open session
left on a shared screen cannot try passwords faster than the login form. Login codes use the same
machinery as registration and reset codes (security.py): single use, 15 minutes, 5 guesses per code,
10 wrong guesses and 5 new codes per NIR and hour."""

from __future__ import annotations

import hmac
import secrets
from datetime import date
from typing import Any

from msa_tui.api.models import Code, FieldError, LoginChallenge

from . import security
from .deps import Ctx, Member
from .outbox import send_mail
from .passwords import problem_with
from .problems import ProblemError

LOGIN_PURPOSE = "login"
WRONG_PASSWORD = "Mot de passe actuel incorrect."


def masked_email(email: str) -> str:
    """« p…@example.org »: enough for the member to recognise, not enough to harvest."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def identity_of(row: Any) -> dict[str, Any]:
    """What the password policy compares a password with (passwords.problem_with)."""
    born = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    return {"nir": row["nir"], "first_name": row["first_name"], "last_name": row["last_name"], "birth_date": born}


def check_current_password(ctx: Ctx, me: Member, password: str) -> None:
    """422 `wrong_password` on `current_password`, counted toward the login lockout (then 423)."""
    now = ctx.ts()
    security.reserve_attempt(ctx.store, me.nir, now)
    row = ctx.store.one("SELECT password_hash FROM members WHERE id = ?", (me.id,))
    if row is None or not security.check_password(password, row["password_hash"]):
        left = security.record_failure(ctx.store, me.nir, now)
        detail = WRONG_PASSWORD
        if left == 0:
            detail += (f" Après {security.MAX_FAILURES} essais infructueux, votre compte est verrouillé pour "
                       f"{security.LOCK_SECONDS // 60} minutes.")
        elif left <= 2:
            detail += f" Il vous reste {left} essai{'s' if left > 1 else ''} avant le verrouillage du compte."
        raise ProblemError(422, Code.wrong_password, detail,
                           errors=[FieldError(field="current_password", message=detail)],
                           extra={"attempts_left": left})
    security.clear_failures(ctx.store, me.nir)


def change_password(ctx: Ctx, me: Member, current: str, new: str) -> None:
    """The policy of registration (passwords.py) plus « not the same »; other sessions are revoked."""
    check_current_password(ctx, me, current)
    row = ctx.store.one("SELECT * FROM members WHERE id = ?", (me.id,))
    assert row is not None
    message = problem_with(new, **identity_of(row))
    if message is None and new == current:
        message = "Choisissez un mot de passe différent de l'actuel."
    if message is not None:
        raise ProblemError(422, Code.weak_password, message, errors=[FieldError(field="new_password", message=message)])
    ctx.store.run("UPDATE members SET password_hash = ? WHERE id = ?", (security.hash_password(new), me.id))
    # Whoever else held a session (another device, a thief) must log in with the new password.
    for other in ctx.store.all("SELECT id FROM sessions WHERE member_id = ? AND revoked = 0 AND id != ?",
                               (me.id, me.session_id)):
        security.revoke_session(ctx.store, other["id"])
    send_mail(ctx.store, row["email"], "Votre mot de passe a été modifié",
              f"Bonjour {row['first_name']} {row['last_name']},\n\nLe mot de passe de votre espace privé vient "
              "d'être modifié ; vos autres sessions ont été fermées. Si vous n'êtes pas à l'origine de ce "
              "changement, réinitialisez votre mot de passe et contactez votre MSA.\n\nVotre MSA", ctx.now())


# --- the second factor ---------------------------------------------------------------------


def two_factor_on(ctx: Ctx, member_id: str) -> bool:
    return ctx.store.one("SELECT 1 FROM two_factor WHERE member_id = ?", (member_id,)) is not None


def set_two_factor(ctx: Ctx, me: Member, enabled: bool, current_password: str) -> None:
    check_current_password(ctx, me, current_password)
    if enabled == two_factor_on(ctx, me.id):
        return
    if enabled:
        ctx.store.run("INSERT INTO two_factor (member_id, enabled_at) VALUES (?, ?)", (me.id, ctx.now().isoformat()))
    else:
        ctx.store.run("DELETE FROM two_factor WHERE member_id = ?", (me.id,))
    row = ctx.store.one("SELECT email FROM members WHERE id = ?", (me.id,))
    assert row is not None
    state = "activée" if enabled else "désactivée"
    send_mail(ctx.store, row["email"], f"Validation en deux étapes {state}",
              f"Bonjour {me.full_name},\n\nLa validation en deux étapes (code par e-mail à chaque connexion) "
              f"vient d'être {state} sur votre espace privé. Si vous n'êtes pas à l'origine de ce "
              "changement, changez votre mot de passe.\n\nVotre MSA", ctx.now())


def send_login_code(ctx: Ctx, row: Any, now: float) -> LoginChallenge:
    """After a right password: a code e-mailed, and the challenge that the code step sends back."""
    security.count_code_request(ctx.store, row["nir"], LOGIN_PURPOSE, now)
    challenge = secrets.token_urlsafe(24)
    code = security.new_code(ctx.store, row["nir"], LOGIN_PURPOSE, {"challenge": security.token_hash(challenge)}, now)
    send_mail(ctx.store, row["email"], "Votre code de connexion à Mon espace privé",
              f"Bonjour {row['first_name']} {row['last_name']},\n\nVotre code de connexion est : {code}\n"
              "Il est valable 15 minutes et ne peut servir qu'une fois. Si vous n'êtes pas à l'origine de "
              "cette connexion, changez votre mot de passe.\n\nVotre MSA", ctx.now())
    minutes = security.CODE_TTL_S // 60
    return LoginChallenge(
        challenge=challenge, expires_in=security.CODE_TTL_S,
        detail=f"Un code à 6 chiffres vient de vous être envoyé par e-mail à {masked_email(row['email'])}. "
               f"Il est valable {minutes} minutes.")


def use_login_code(ctx: Ctx, nir: str, challenge: str, code: str, now: float) -> str:
    """The member id once the code matches (and was sent for this challenge); else 422 `invalid_code`."""
    security.require_unlocked(ctx.store, nir, now)

    def same_login(payload: dict[str, Any]) -> None:
        if not hmac.compare_digest(str(payload.get("challenge", "")), security.token_hash(challenge)):
            raise security.bad_code()

    security.use_code(ctx.store, nir, LOGIN_PURPOSE, code, now, before_spending=same_login)
    row = ctx.store.one("SELECT id FROM members WHERE nir = ?", (nir,))
    if row is None:  # a code is only ever sent to a member on record
        raise security.bad_code()
    security.clear_failures(ctx.store, nir)
    return str(row["id"])
