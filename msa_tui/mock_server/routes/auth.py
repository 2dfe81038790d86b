"""Authentication: login with lockout (and the opt-in e-mailed second factor), refresh, logout,
registration and password reset by e-mailed code.

The unauthenticated routes answer alike whatever the NIR (registered, unknown, or not yet
registered) and are limited per address (throttle.py) and per NIR (security.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse

from msa_tui.api.models import (
    Code,
    Accepted, LoginChallenge, LoginCode, LoginRequest, PasswordResetConfirm, PasswordResetRequest, RefreshRequest,
    RegisterRequest, TokenPair, VerifyRequest,
)

from .. import account, security
from ..deps import Ctx, CtxDep, MemberDep, client_address
from ..outbox import send_mail
from ..passwords import fold, require_strong
from ..problems import ProblemError

router = APIRouter(prefix="/auth", tags=["auth"])

_BAD_LOGIN = "Numéro de sécurité sociale ou mot de passe incorrect."
_LIMITED: dict[int | str, dict[str, Any]] = {
    429: {"description": "Trop de demandes depuis cette adresse (problem+json, Retry-After)"}}


def _pair(issued: security.Issued) -> TokenPair:
    return TokenPair(access_token=issued.access_token, refresh_token=issued.refresh_token,
                     expires_in=issued.expires_in)


@router.post("/login", response_model=TokenPair, summary="Se connecter (NIR sans clé et mot de passe)",
             responses={202: {"model": LoginChallenge,
                              "description": "Mot de passe juste, validation en deux étapes active : un code est "
                                             "envoyé par e-mail, à donner à POST /auth/login/code"},
                        401: {"description": "NIR ou mot de passe incorrect (attempts_left)"},
                        423: {"description": "Compte verrouillé (problem+json, retry_after)"}, **_LIMITED})
def login(body: LoginRequest, ctx: CtxDep, request: Request) -> Any:
    now = ctx.ts()
    address = client_address(request)
    ctx.throttle.check_login(address, now)
    # Counted before the password is checked: parallel guesses cannot exceed the limit.
    security.reserve_attempt(ctx.store, body.nir, now)
    row = ctx.store.one("SELECT id, password_hash FROM members WHERE nir = ?", (body.nir,))
    # Unknown NIR or no password yet: check_password still does one scrypt (same timing).
    if not security.check_password(body.password, row["password_hash"] if row else None) or row is None:
        ctx.throttle.login_failed(address, now)
        left = security.record_failure(ctx.store, body.nir, now)
        # DESIGN.md: the locking failure still answers 401 invalid_credentials; its detail
        # says so, so the member learns of the lock now rather than on the next try.
        if left == 0:
            minutes = security.LOCK_SECONDS // 60
            raise ProblemError(
                401, Code.invalid_credentials,
                f"{_BAD_LOGIN} Après {security.MAX_FAILURES} essais infructueux, votre compte est "
                f"verrouillé pour {minutes} minutes. Vous pouvez le débloquer en réinitialisant "
                "votre mot de passe.",
                retry_after=security.LOCK_SECONDS, extra={"attempts_left": 0},
            )
        detail = _BAD_LOGIN
        if left <= 2:
            detail += f" Il vous reste {left} essai{'s' if left > 1 else ''} avant le verrouillage du compte."
        raise ProblemError(401, Code.invalid_credentials, detail, extra={"attempts_left": left})
    security.clear_failures(ctx.store, body.nir)
    if account.two_factor_on(ctx, row["id"]):
        member = ctx.store.one("SELECT nir, email, first_name, last_name FROM members WHERE id = ?", (row["id"],))
        challenge = account.send_login_code(ctx, member, now)
        return JSONResponse(challenge.model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED)
    return _pair(security.open_session(ctx.store, row["id"], ctx.access_ttl_s, now))


@router.post("/login/code", response_model=TokenPair,
             summary="Se connecter, deuxième étape : le code à 6 chiffres reçu par e-mail",
             responses={423: {"description": "Compte verrouillé (problem+json, retry_after)"}, **_LIMITED})
def login_code(body: LoginCode, ctx: CtxDep, request: Request) -> TokenPair:
    now = ctx.ts()
    ctx.throttle.hit(client_address(request), "code", now)
    member_id = account.use_login_code(ctx, body.nir, body.challenge, body.code, now)
    return _pair(security.open_session(ctx.store, member_id, ctx.access_ttl_s, now))


@router.post("/refresh", response_model=TokenPair, summary="Renouveler le jeton d'accès",
             responses={401: {"description": "Jeton de renouvellement expiré, révoqué ou déjà utilisé"}})
def refresh(body: RefreshRequest, ctx: CtxDep) -> TokenPair:
    return _pair(security.rotate(ctx.store, body.refresh_token, ctx.access_ttl_s, ctx.ts()))


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Se déconnecter (révoque les jetons de la session)")
def logout(me: MemberDep, ctx: CtxDep) -> Response:
    security.revoke_session(ctx.store, me.session_id)
    return Response(status_code=204)


def _same_person(row: Any, first_name: str, last_name: str, birth_date: date) -> bool:
    def key(name: str) -> str:
        return "".join(c for c in fold(name) if c.isalnum())

    return (key(row["first_name"]) == key(first_name) and key(row["last_name"]) == key(last_name)
            and row["birth_date"] == birth_date.isoformat())


def _code_requested(ctx: Ctx, request: Request, nir: str, purpose: str) -> float:
    """Counts a request for an e-mailed code (per address and per NIR, both limited); returns its time."""
    now = ctx.ts()
    ctx.throttle.hit(client_address(request), purpose, now)
    security.count_code_request(ctx.store, nir, purpose, now)
    return now


@router.post("/register", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
             summary="S'inscrire : un code à 6 chiffres est envoyé par e-mail si l'identité correspond "
                     "à un dossier MSA sans compte en ligne",
             responses=_LIMITED)
def register(body: RegisterRequest, ctx: CtxDep, request: Request) -> Accepted:
    now = _code_requested(ctx, request, body.nir, "register")
    row = ctx.store.one("SELECT * FROM members WHERE nir = ?", (body.nir,))
    if row is not None and row["password_hash"]:
        # The account's owner hears of it at the address on record; the caller learns nothing.
        send_mail(ctx.store, row["email"], "Tentative d'inscription à Mon espace privé",
                  f"Bonjour {row['first_name']} {row['last_name']},\n\nQuelqu'un a demandé à créer un compte "
                  "pour votre numéro, qui en a déjà un. Si c'est vous et que vous avez oublié votre mot de "
                  "passe, utilisez « Mot de passe oublié ».\n\nVotre MSA", ctx.now())
    elif row is not None and _same_person(row, body.first_name, body.last_name, body.birth_date):
        code = security.new_code(ctx.store, body.nir, "register", {"email": body.email}, now)
        send_mail(ctx.store, body.email, "Votre code d'inscription à Mon espace privé",
                  f"Bonjour {row['first_name']} {row['last_name']},\n\nVotre code de confirmation est : {code}\n"
                  "Il est valable 15 minutes et ne peut servir qu'une fois.\n\nVotre MSA", ctx.now())
    # The same answer whatever the NIR: nobody learns who has a record or an account.
    return Accepted(detail=f"Si ces informations correspondent à votre dossier MSA, un code de confirmation "
                           f"a été envoyé à {body.email}. Il est valable 15 minutes.")


def _strong_for(ctx: CtxDep, nir: str, password: str) -> Any:
    """A check run once the code matched, before it is spent: a refused password keeps the code."""
    def check(_: dict[str, Any]) -> None:
        row = ctx.store.one("SELECT * FROM members WHERE nir = ?", (nir,))
        if row is not None:
            require_strong(password, **account.identity_of(row))

    return check


@router.post("/register/verify", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Confirmer l'inscription avec le code reçu et choisir un mot de passe",
             responses={409: {"description": "Ce NIR a déjà un compte"}, **_LIMITED})
def verify(body: VerifyRequest, ctx: CtxDep, request: Request) -> Response:
    now = ctx.ts()
    ctx.throttle.hit(client_address(request), "code", now)
    security.use_code(ctx.store, body.nir, "register", body.code, now,
                      before_spending=_strong_for(ctx, body.nir, body.password))
    hashed = security.hash_password(body.password)
    with ctx.store.tx() as conn:
        existing = conn.execute("SELECT id, password_hash FROM members WHERE nir = ?", (body.nir,)).fetchone()
        if existing is None:  # a code is only ever sent for a member on record
            raise security.bad_code()
        if existing["password_hash"]:
            raise ProblemError(409, Code.already_registered, "Un compte existe déjà pour ce numéro.")
        conn.execute("UPDATE members SET password_hash = ? WHERE id = ?", (hashed, existing["id"]))
    return Response(status_code=204)


@router.post("/password-reset", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
             summary="Mot de passe oublié : un code est envoyé si le NIR et l'e-mail correspondent",
             responses=_LIMITED)
def password_reset(body: PasswordResetRequest, ctx: CtxDep, request: Request) -> Accepted:
    now = _code_requested(ctx, request, body.nir, "reset")
    row = ctx.store.one("SELECT email, first_name, last_name, password_hash FROM members WHERE nir = ?", (body.nir,))
    if row is not None and row["password_hash"] and row["email"].lower() == body.email.lower():
        code = security.new_code(ctx.store, body.nir, "reset", {}, now)
        send_mail(ctx.store, row["email"], "Réinitialisation de votre mot de passe",
                  f"Bonjour {row['first_name']} {row['last_name']},\n\nVotre code de réinitialisation est : "
                  f"{code}\nIl est valable 15 minutes. Si vous n'êtes pas à l'origine de cette demande, "
                  "ignorez ce message.\n\nVotre MSA", ctx.now())
    # The same answer either way: nobody learns whether an account exists.
    return Accepted(detail="Si ces informations correspondent à un compte, un code vient d'être envoyé par e-mail.")


@router.post("/password-reset/confirm", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Choisir un nouveau mot de passe avec le code reçu (lève aussi un verrouillage)",
             responses=_LIMITED)
def password_reset_confirm(body: PasswordResetConfirm, ctx: CtxDep, request: Request) -> Response:
    now = ctx.ts()
    ctx.throttle.hit(client_address(request), "code", now)
    security.use_code(ctx.store, body.nir, "reset", body.code, now,
                      before_spending=_strong_for(ctx, body.nir, body.password))
    row = ctx.store.one("SELECT id FROM members WHERE nir = ?", (body.nir,))
    if row is None:
        raise security.bad_code()
    ctx.store.run("UPDATE members SET password_hash = ? WHERE id = ?",
                  (security.hash_password(body.password), row["id"]))
    security.revoke_member(ctx.store, row["id"])
    # The member's own reset lifts a lockout: an attacker's wrong guesses cannot keep her out.
    security.clear_failures(ctx.store, body.nir)
    return Response(status_code=204)
