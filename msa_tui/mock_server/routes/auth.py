"""Authentication: login with lockout, refresh, logout, registration and password reset by e-mailed code."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Response, status

from msa_tui.api.models import (
    Code,
    Accepted, LoginRequest, PasswordResetConfirm, PasswordResetRequest, RefreshRequest, RegisterRequest,
    TokenPair, VerifyRequest,
)

from .. import security
from ..caisses import caisse_for_nir
from ..deps import CtxDep, MemberDep
from ..outbox import send_mail
from ..problems import ProblemError

router = APIRouter(prefix="/auth", tags=["auth"])

_BAD_LOGIN = "Numéro de sécurité sociale ou mot de passe incorrect."


def _pair(issued: security.Issued) -> TokenPair:
    return TokenPair(access_token=issued.access_token, refresh_token=issued.refresh_token,
                     expires_in=issued.expires_in)


@router.post("/login", response_model=TokenPair, summary="Se connecter (NIR sans clé et mot de passe)",
             responses={423: {"description": "Compte verrouillé (problem+json, retry_after)"}})
def login(body: LoginRequest, ctx: CtxDep) -> TokenPair:
    now = ctx.ts()
    security.check_not_locked(ctx.store, body.nir, now)
    row = ctx.store.one("SELECT id, password_hash FROM members WHERE nir = ?", (body.nir,))
    if row is None or not security.check_password(body.password, row["password_hash"]):
        left = security.record_failure(ctx.store, body.nir, now)
        # DESIGN.md: the locking failure still answers 401 invalid_credentials; its detail
        # says so, so the member learns of the lock now rather than on the next try.
        if left == 0:
            minutes = security.LOCK_SECONDS // 60
            raise ProblemError(
                401, Code.invalid_credentials,
                f"{_BAD_LOGIN} Après {security.MAX_FAILURES} essais infructueux, votre compte est "
                f"verrouillé pour {minutes} minutes.",
                retry_after=security.LOCK_SECONDS, extra={"attempts_left": 0},
            )
        detail = _BAD_LOGIN
        if left <= 2:
            detail += f" Il vous reste {left} essai{'s' if left > 1 else ''} avant le verrouillage du compte."
        raise ProblemError(401, Code.invalid_credentials, detail, extra={"attempts_left": left})
    security.clear_failures(ctx.store, body.nir)
    return _pair(security.open_session(ctx.store, row["id"], ctx.access_ttl_s, now))


@router.post("/refresh", response_model=TokenPair, summary="Renouveler le jeton d'accès")
def refresh(body: RefreshRequest, ctx: CtxDep) -> TokenPair:
    return _pair(security.rotate(ctx.store, body.refresh_token, ctx.access_ttl_s, ctx.ts()))


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Se déconnecter (révoque les jetons de la session)")
def logout(me: MemberDep, ctx: CtxDep) -> Response:
    security.revoke_session(ctx.store, me.session_id)
    return Response(status_code=204)


@router.post("/register", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
             summary="S'inscrire : un code à 6 chiffres est envoyé par e-mail",
             responses={409: {"description": "Ce NIR a déjà un compte"}})
def register(body: RegisterRequest, ctx: CtxDep) -> Accepted:
    row = ctx.store.one("SELECT password_hash FROM members WHERE nir = ?", (body.nir,))
    if row is not None and row["password_hash"]:
        raise ProblemError(409, Code.already_registered,
                           "Un compte existe déjà pour ce numéro. Connectez-vous ou réinitialisez votre mot de passe.")
    payload = body.model_dump(mode="json")
    code = security.new_code(ctx.store, body.nir, "register", payload, ctx.ts())
    send_mail(ctx.store, body.email, "Votre code d'inscription à Mon espace privé",
              f"Bonjour {body.first_name} {body.last_name},\n\nVotre code de confirmation est : {code}\n"
              "Il est valable 15 minutes et ne peut servir qu'une fois.\n\nVotre MSA", ctx.now())
    return Accepted(detail=f"Un code de confirmation a été envoyé à {body.email}. Il est valable 15 minutes.")


@router.post("/register/verify", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Confirmer l'inscription avec le code reçu et choisir un mot de passe")
def verify(body: VerifyRequest, ctx: CtxDep) -> Response:
    payload = security.use_code(ctx.store, body.nir, "register", body.code, ctx.ts())
    hashed = security.hash_password(body.password)
    now = ctx.now().isoformat()
    with ctx.store.tx() as conn:
        existing = conn.execute("SELECT id, password_hash FROM members WHERE nir = ?", (body.nir,)).fetchone()
        if existing is not None and existing["password_hash"]:
            raise ProblemError(409, Code.already_registered, "Un compte existe déjà pour ce numéro.")
        if existing is not None:
            conn.execute("UPDATE members SET password_hash = ? WHERE id = ?", (hashed, existing["id"]))
        else:
            ctx.store.insert(conn, "members", {
                "id": f"mbr-{secrets.token_hex(6)}", "nir": body.nir, "first_name": payload["first_name"],
                "last_name": payload["last_name"], "birth_date": payload["birth_date"], "email": payload["email"],
                "phone": None, "caisse": caisse_for_nir(body.nir), "password_hash": hashed, "doctor": None,
                # Registration does not ask for the address: the member completes it in "Mes coordonnées".
                "address": {"line1": "Adresse à compléter", "line2": None, "postal_code": "00000", "city": "—"},
                "created_at": now,
            })
    return Response(status_code=204)


@router.post("/password-reset", response_model=Accepted, status_code=status.HTTP_202_ACCEPTED,
             summary="Mot de passe oublié : un code est envoyé si le NIR et l'e-mail correspondent")
def password_reset(body: PasswordResetRequest, ctx: CtxDep) -> Accepted:
    row = ctx.store.one("SELECT email, first_name, last_name, password_hash FROM members WHERE nir = ?", (body.nir,))
    if row is not None and row["password_hash"] and row["email"].lower() == body.email.lower():
        code = security.new_code(ctx.store, body.nir, "reset", {}, ctx.ts())
        send_mail(ctx.store, row["email"], "Réinitialisation de votre mot de passe",
                  f"Bonjour {row['first_name']} {row['last_name']},\n\nVotre code de réinitialisation est : "
                  f"{code}\nIl est valable 15 minutes. Si vous n'êtes pas à l'origine de cette demande, "
                  "ignorez ce message.\n\nVotre MSA", ctx.now())
    # The same answer either way: nobody learns whether an account exists.
    return Accepted(detail="Si ces informations correspondent à un compte, un code vient d'être envoyé par e-mail.")


@router.post("/password-reset/confirm", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Choisir un nouveau mot de passe avec le code reçu")
def password_reset_confirm(body: PasswordResetConfirm, ctx: CtxDep) -> Response:
    security.use_code(ctx.store, body.nir, "reset", body.code, ctx.ts())
    row = ctx.store.one("SELECT id FROM members WHERE nir = ?", (body.nir,))
    if row is None:
        raise ProblemError(422, Code.invalid_code, "Code incorrect.")
    ctx.store.run("UPDATE members SET password_hash = ? WHERE id = ?",
                  (security.hash_password(body.password), row["id"]))
    security.revoke_member(ctx.store, row["id"])
    security.clear_failures(ctx.store, body.nir)
    return Response(status_code=204)
