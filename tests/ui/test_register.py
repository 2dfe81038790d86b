"""S'inscrire by keys: form → code e-mailed (demo outbox) → code and password → first login."""

from __future__ import annotations

import re

from tests.support.account_keys import (
    code_from_outbox_modal,
    field_error,
    field_value,
    fill,
    form_error,
    login_with_prefilled_nir,
    open_from_login,
    outbox_of,
    wait_step_code,
)
from msa_tui.api.models import RegisterRequest
from tests.support.ui import DEMO_NIR, make_app, type_text, wait_for, wait_screen

NEW_NIR = "2880375123456"
NEW_EMAIL = "jeanne.roux@example.fr"
IDENTITY = [NEW_NIR, "Jeanne", "Roux", "14/03/1988", NEW_EMAIL]
PASSWORD = "jardin-potager-42"


async def test_register_new_member_then_first_login(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, IDENTITY)
        await wait_step_code(pilot)
        sent = str(app.screen.query_one("#code-sent").render())
        assert "Un code à 6 chiffres vous a été envoyé par courriel à" in sent and NEW_EMAIL in sent

        code = await code_from_outbox_modal(pilot)
        assert field_value(app, "code") == code
        assert app.screen.focused.id == "password-input"
        await fill(pilot, [PASSWORD, PASSWORD])

        await wait_screen(pilot, "LoginScreen")
        await pilot.pause()
        assert "Votre compte est créé. Vous pouvez vous connecter." in str(
            app.screen.query_one("#login-notice").render()
        )
        assert app.screen.query_one("#nir").value == NEW_NIR
        await login_with_prefilled_nir(pilot, PASSWORD)
        assert app.me.first_name == "Jeanne" and app.me.last_name == "Roux"


async def test_field_errors_are_inline_in_french_and_nothing_is_sent(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, [NEW_NIR, "Jeanne", "", "31/02/1988", "jeanne@"])
        await pilot.pause()
        assert app.screen.step == "step-form"
        assert field_error(app, "last_name") == "Saisissez votre nom."
        assert field_error(app, "birth_date") == "Cette date n'existe pas."
        assert "Adresse e-mail invalide" in field_error(app, "email")
        assert field_error(app, "nir") == "" and field_error(app, "first_name") == ""
        assert "Corrigez les champs signalés" in form_error(app)
        # Nothing typed is lost, and the cursor waits on the first faulty field.
        assert [field_value(app, n) for n in ("nir", "first_name", "birth_date", "email")] == [
            NEW_NIR, "Jeanne", "31/02/1988", "jeanne@"
        ]
        assert app.screen.focused.id == "last_name-input"
        assert await outbox_of(server_app) == []


async def test_wrong_code_shows_an_error_and_keeps_every_field(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, IDENTITY)
        await wait_step_code(pilot)
        (mail,) = await outbox_of(server_app)
        wrong = "000000" if "000000" not in mail.body else "111111"
        await fill(pilot, [wrong, PASSWORD, PASSWORD])
        await wait_for(pilot, lambda: field_error(app, "code") != "")
        assert app.screen.step == "step-code"
        assert "code" in field_error(app, "code").lower()
        assert [field_value(app, n) for n in ("code", "password", "confirmation")] == [wrong, PASSWORD, PASSWORD]
        # Going back to the form keeps the identity as typed.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.step == "step-form"
        assert [field_value(app, n) for n in ("nir", "first_name", "last_name", "birth_date", "email")] == IDENTITY


async def test_passwords_must_match_before_anything_is_sent(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, IDENTITY)
        await wait_step_code(pilot)
        await fill(pilot, ["123456", "court", "autre"])
        await pilot.pause()
        assert "12 caractères" in field_error(app, "password")
        assert field_error(app, "confirmation") == "Les deux mots de passe ne correspondent pas."
        assert app.screen.query_one("#password-input").password is True


async def test_already_registered_member_gets_no_code_and_the_form_learns_nothing(server_app):
    # The server answers alike whatever the NIR (issue 10): the screen moves on to the code
    # step as for anyone, no code is mailed, and the account's owner is told at his own address.
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, [DEMO_NIR, "Pierre", "Martin", "19/07/1985", "intrus@example.fr"])
        await wait_step_code(pilot)
        assert form_error(app) == ""
        mails = await outbox_of(server_app)
        assert [m.to for m in mails] == ["pierre.martin@example.fr"]
        assert "déjà" in mails[0].body and not re.search(r"\b\d{6}\b", mails[0].body)


async def test_server_field_errors_land_on_their_fields(server_app, monkeypatch):
    from msa_tui.api.errors import ValidationFailed
    from msa_tui.api.models import FieldError, Problem

    async def refuse(self, req: RegisterRequest):
        raise ValidationFailed(problem=Problem(
            title="Invalide", status=422, detail="Certaines informations sont invalides.",
            code="validation_error", errors=[FieldError(field="body.email", message="Domaine inconnu.")],
        ))

    monkeypatch.setattr("msa_tui.api.client.MsaClient.register", refuse)
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, IDENTITY)
        await wait_for(pilot, lambda: field_error(app, "email") == "Domaine inconnu.")
        assert field_value(app, "email") == NEW_EMAIL
        assert app.screen.focused.id == "email-input"


async def test_escape_goes_back_to_login(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await type_text(pilot, "185")
        await pilot.press("escape")
        await wait_screen(pilot, "LoginScreen")


async def test_a_birth_date_typed_as_8_digits_is_written_as_a_date(server_app):
    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, [NEW_NIR, "Jeanne", "Roux"])
        await type_text(pilot, "03061992")
        assert field_value(app, "birth_date") == "03/06/1992"
        await pilot.press("enter")
        await type_text(pilot, NEW_EMAIL)
        await pilot.press("enter")
        await wait_step_code(pilot)  # the server took the date: the code is on its way
