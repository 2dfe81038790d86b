"""The two-step account flows (S'inscrire, Mot de passe oublié): a form that gets a code e-mailed,
then the code and a new password. Subclasses say which fields and which API calls."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, ContentSwitcher, Input, Static

from ..api.errors import ApiError, Code, Conflict, ValidationFailed
from ..core.auth import Checked, check_code_and_password, server_field
from ..core.i18n import _
from ..widgets.form_field import FormField, show_line
from ..widgets.nir_input import NirInput
from .bindings import back_binding
from .base import PageScreen
from ..widgets.safe import notify_plain, plain

STEP_FORM = "step-form"
STEP_CODE = "step-code"
CODE_FIELDS = ("code", "password", "confirmation")


def nir_input() -> Input:
    """The shell's NIR input: it refuses keystrokes that can never make a NIR."""
    return NirInput(id="nir-input")


class AccountFlowScreen(PageScreen):
    """Step 1 (`compose_step_form`, `check_step_form`, `send_step_form`) → a code is e-mailed →
    step 2 (code, password, confirmation → `confirm_code`) → back to login with `SUCCESS_NOTICE`.

    Nothing typed is lost on an error: fields are only ever cleared by the user.
    """

    INTRO = ""
    SEND_LABEL = "Recevoir mon code"
    CONFIRM_LABEL = "Valider"
    SUCCESS_NOTICE = ""
    CODE_SENT = "Un code à 6 chiffres vous a été envoyé par courriel à {email}."

    BINDINGS = [
        back_binding("Étape précédente ou écran de connexion"),
        Binding(
            "f6", "outbox", _("Courriel de démonstration"), id="account.outbox",
            tooltip=_("Voir le courriel de démonstration (mode démo)"),
        ),
    ]

    def __init__(self, nir: str | None = None) -> None:
        super().__init__()
        self.initial_nir = nir or ""
        self.step = STEP_FORM
        self.sent_to = ""
        """The e-mail address the code went to (the one typed at step 1)."""
        self.nir_value = ""
        self.busy = False
        self._fix_fields_banner = False
        """The banner says « Corrigez les champs signalés » (it goes with the last field error)."""

    # --- layout ---------------------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="account-scroll"):
            yield Static(_(self.INTRO), id="account-intro")
            yield Static("", id="form-error", markup=False)
            with ContentSwitcher(initial=STEP_FORM, id="account-steps"):
                with Vertical(id=STEP_FORM):
                    yield from self.compose_step_form()
                    with Horizontal(classes="account-buttons"):
                        yield Button(_(self.SEND_LABEL), id="send", variant="primary", compact=True)
                        yield Button(_("Retour à la connexion"), id="back", compact=True)
                with Vertical(id=STEP_CODE):
                    yield Static("", id="code-sent", markup=False)
                    if self.is_demo:
                        # Demo mode has no real mailbox: the mail is read inside the app.
                        with Horizontal(classes="account-buttons", id="demo-row"):
                            yield Button(
                                _("Voir le courriel de démonstration (F6)"), id="outbox", compact=True
                            )
                    yield FormField(
                        "code", _("Code reçu par courriel"),
                        Input(placeholder="123456", max_length=6, restrict=r"[0-9]*"),
                        hint=_("6 chiffres"),
                    )
                    yield FormField(
                        "password", _("Nouveau mot de passe"), Input(password=True, max_length=256),
                        hint=_("12 caractères au moins"),
                    )
                    yield FormField(
                        "confirmation", _("Confirmez le mot de passe"), Input(password=True, max_length=256)
                    )
                    with Horizontal(classes="account-buttons"):
                        yield Button(_(self.CONFIRM_LABEL), id="confirm", variant="primary", compact=True)
                        yield Button(_("Modifier mes informations"), id="edit", compact=True)

    def compose_step_form(self) -> ComposeResult:
        """The step-1 `FormField`s (override)."""
        yield from ()

    def step_form_names(self) -> list[str]:
        return [field.field_name for field in self.query_one(f"#{STEP_FORM}").query(FormField)]

    @property
    def is_demo(self) -> bool:
        return bool(getattr(self.app, "demo", False))

    def on_mount(self) -> None:
        if self.initial_nir:
            self.query_one("#nir-input", Input).value = self.initial_nir
        self.query_one("#form-error").display = False
        self.focus_first_field()

    def focus_first_field(self, *, scroll: bool = True) -> None:
        names = self.step_form_names() if self.step == STEP_FORM else list(CODE_FIELDS)
        self.field(names[0]).input.focus(scroll_visible=scroll)

    def field(self, name: str) -> FormField:
        return self.query_one(f"#{name}-field", FormField)

    def value(self, name: str) -> str:
        return self.field(name).value

    # --- errors ---------------------------------------------------------------------------

    @on(Input.Changed, "#nir-input")
    def explain_refused_key(self, event: Input.Changed) -> None:
        """A refused keystroke says why under the NIR field; typing on clears it."""
        refused = getattr(event.input, "refused", None)
        self.field("nir").set_error(refused)

    @on(Input.Changed)
    def _recheck_while_typing(self, event: Input.Changed) -> None:
        """A field's error goes as soon as the field is right (not only at the next submit)."""
        self._recheck(event.input, clear_only=True)

    @on(Input.Blurred)
    def _recheck_on_leaving(self, event: Input.Blurred) -> None:
        """Leaving a field that showed an error: the error says what is wrong now, or goes."""
        self._recheck(event.input, clear_only=False)

    def _recheck(self, field_input: Input, *, clear_only: bool) -> None:
        field = next((node for node in field_input.ancestors if isinstance(node, FormField)), None)
        if field is None or not field.error or field.field_name == "nir" or self.busy:
            return  # the NIR field explains refused keys itself (explain_refused_key)
        if self.step == STEP_FORM:
            errors = self.check_step_form().errors
        else:
            errors = check_code_and_password(*(self.value(name) for name in CODE_FIELDS)).errors
        now = errors.get(field.field_name)
        # Typing only ever clears; leaving says what is wrong now. A server's error on an unchanged
        # field is never cleared by the local rules (they do not know what the server knows).
        if now is None and clear_only:
            field.set_error(None)
        elif now is not None and not clear_only:
            field.set_error(now)
        if self._fix_fields_banner and not any(f.error for f in self.query(FormField)):
            self._fix_fields_banner = False
            self.show_form_error(None)

    def show_form_error(self, message: str | None, *, announce: bool = True) -> None:
        """A message for the whole step (not about one field), above the form.

        It takes the focus and comes into view (`announce`), unless a faulty field has just
        taken them (`announce=False`): then the field is where the member acts.
        """
        show_line(self.query_one("#form-error", Static), message, announce=announce)

    def show_errors(self, names: list[str], errors: dict[str, str]) -> None:
        """Each field of `names` shows its error or none; focus goes to the first faulty one."""
        for name in names:
            self.field(name).set_error(errors.get(name))
        faulty = [name for name in names if name in errors]
        if faulty:
            self.field(faulty[0]).input.focus()

    def show_api_error(self, error: ApiError, names: list[str], *, code_field: str | None = None) -> None:
        """A server refusal shown where it belongs: on its field when it names one, else above."""
        if isinstance(error, ValidationFailed) and error.code == Code.invalid_code and code_field:
            self.show_errors(names, {code_field: error.message})
            self.show_form_error(None)
            return
        if isinstance(error, ValidationFailed) and error.field_errors:
            mapped: dict[str, str] = {}
            for fault in error.field_errors:
                name = server_field(fault.field)
                if name in names:
                    mapped.setdefault(name, fault.message)
            if mapped:
                self.show_errors(names, mapped)
                leftover = len(mapped) < len(error.field_errors)
                self.show_form_error(error.message if leftover else None, announce=False)
                return
        self.show_errors(names, {})
        self.show_form_error(self.explain(error))

    def explain(self, error: ApiError) -> str:
        """The French sentence for a refusal that is about no single field (override to refine)."""
        if isinstance(error, Conflict):
            return error.message
        return error.message

    # --- steps ----------------------------------------------------------------------------

    def go_to(self, step: str) -> None:
        self.step = step
        self.query_one(ContentSwitcher).current = step
        self.show_form_error(None)
        self.refresh_bindings()
        # The new step starts at the top, so its first lines (where the code went) are read first. The
        # focus moves now (keys typed ahead land there), the scrolling once the new step is laid out:
        # scrolled at once, it used the old step's geometry and sometimes left the top out of view.
        self.focus_first_field(scroll=False)
        self.call_after_refresh(self._show_step_top)

    def _show_step_top(self) -> None:
        self.query_one("#account-scroll").scroll_home(animate=False)
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)  # a short terminal: the field typed into stays in view

    def check_step_form(self) -> Checked:
        """Check the step-1 fields (override)."""
        raise NotImplementedError

    async def send_step_form(self, values: dict[str, Any]) -> Any:
        """Ask the server to e-mail a code (override). Raise ApiError to refuse."""
        raise NotImplementedError

    async def confirm_code(self, code: str, password: str) -> Any:
        """Send the code and the new password (override)."""
        raise NotImplementedError

    def submit_step_form(self) -> None:
        checked = self.check_step_form()
        self.show_errors(self.step_form_names(), checked.errors)
        if not checked.ok:
            self.show_form_error(_("Corrigez les champs signalés."), announce=False)
            self._fix_fields_banner = True
            return
        self.show_form_error(None)
        self.run_api(lambda: self.send_step_form(checked.values), self._sent(checked.values), STEP_FORM)

    def _sent(self, values: dict[str, Any]) -> Callable[[Any], None]:
        def done(_result: Any) -> None:
            self.sent_to = str(values.get("email", ""))
            self.nir_value = str(values.get("nir", ""))
            self.query_one("#code-sent", Static).update(
                plain(_(self.CODE_SENT).format(email=self.sent_to))
            )
            self.go_to(STEP_CODE)

        return done

    def submit_code(self) -> None:
        checked = check_code_and_password(self.value("code"), self.value("password"), self.value("confirmation"))
        self.show_errors(list(CODE_FIELDS), checked.errors)
        if not checked.ok:
            self.show_form_error(_("Corrigez les champs signalés."), announce=False)
            self._fix_fields_banner = True
            return
        self.show_form_error(None)
        code, password = str(checked.values["code"]), str(checked.values["password"])
        self.run_api(lambda: self.confirm_code(code, password), self._confirmed, STEP_CODE)

    def _confirmed(self, _result: Any) -> None:
        self.finish(_(self.SUCCESS_NOTICE), self.nir_value)

    def finish(self, notice: str, nir: str) -> None:
        """Back to the login screen underneath, its NIR filled in and the notice shown there."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) >= 2 and stack[-1] is self else None
        if below is None:
            self.msa_app.switch_screen(self.msa_app.make_page("login", notice=notice))
            return
        self.app.pop_screen()
        prefill = getattr(below, "prefill", None)
        if prefill is not None:
            prefill(nir=nir, notice=notice)
            return
        # A login screen without `prefill`: fill its NIR input and show the notice on top of its form.
        for widget in below.query(NirInput):
            widget.value = nir
        forms = below.query("#login-form")
        if forms and not below.query("#login-notice"):
            forms.first().mount(Static(plain(notice), id="login-notice"), before=0)
        elif below.query("#login-notice"):
            below.query_one("#login-notice", Static).update(plain(notice))
        for password in below.query("#password"):
            password.focus()
        notify_plain(self.app, notice, title=_("Compte"))

    @work(exclusive=True, group="account-api", exit_on_error=False)
    async def run_api(
        self, factory: Callable[[], Awaitable[Any]], on_success: Callable[[Any], None], step: str
    ) -> None:
        names = self.step_form_names() if step == STEP_FORM else list(CODE_FIELDS)
        self.set_busy(True)
        try:
            # An unreachable server is told by `call`; the form stays as typed, with this line above it.
            result = await self.call(factory, _("La demande n'a pas abouti. Vos saisies sont conservées : réessayez."))
        except ApiError as error:
            self.show_api_error(error, names, code_field="code" if step == STEP_CODE else None)
            return
        finally:
            self.set_busy(False)
        on_success(result)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button_id in ("send", "confirm"):
            self.query_one(f"#{button_id}", Button).disabled = busy

    # --- keys and buttons -------------------------------------------------------------------

    @on(Input.Submitted)
    def next_or_submit(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the step's last field it submits the step."""
        event.stop()
        names = self.step_form_names() if self.step == STEP_FORM else list(CODE_FIELDS)
        current = next((name for name in names if self.field(name).input is event.input), None)
        if current is None:
            return
        index = names.index(current)
        if index + 1 < len(names):
            self.field(names[index + 1]).input.focus()
        elif self.step == STEP_FORM:
            self.submit_step_form()
        else:
            self.submit_code()

    @on(Button.Pressed)
    def button(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "send": self.submit_step_form,
            "confirm": self.submit_code,
            "back": self.action_back,
            "edit": lambda: self.go_to(STEP_FORM),
            "outbox": self.action_outbox,
        }
        action = actions.get(event.button.id or "")
        if action is not None and not (self.busy and event.button.id in ("send", "confirm")):
            action()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "outbox":
            return self.is_demo and self.step == STEP_CODE
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        if self.step == STEP_CODE:
            self.go_to(STEP_FORM)
        else:
            self.app.pop_screen()

    def action_outbox(self) -> None:
        if not (self.is_demo and self.step == STEP_CODE):
            return
        from ..widgets.outbox import OutboxModal

        self.app.push_screen(OutboxModal(self.api.outbox, self.sent_to), self._outbox_closed)

    def _outbox_closed(self, code: str | None) -> None:
        if code:
            self.field("code").input.value = code
            self.field("code").set_error(None)
            self.field("password").input.focus()
