"""NIR entry: refuses impossible keystrokes, explains in French under the field, trims a pasted key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from ..core.i18n import _
from ..core.nir import NIR_LENGTH, NIR_WITH_KEY_LENGTH, could_be_nir, normalize_nir, validate_nir

MSG_REFUSED = "« {char} » refusé : {reason}"
MSG_COMPLETE = "Numéro complet."
MSG_KEY_TRIMMED = "Clé vérifiée puis retirée : l'identifiant est le numéro sans la clé."


class NirValidator(Validator):
    """The complete-NIR check of `msa_tui.core.nir`, as a Textual validator (sets the -invalid class)."""

    def validate(self, value: str) -> ValidationResult:
        result = validate_nir(value)
        return self.success() if result.valid else self.failure(result.message or "")


class NirInput(Input):
    """An Input whose value is always a possible NIR prefix (separators dropped, letters upper-cased).

    A keystroke or paste that can never lead to a valid NIR is refused and `refused`
    (a French reason) is set; the enclosing `NirField` shows it.
    """

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(value=normalize_nir(value), placeholder=_("ex. 1 85 07 12 345 678"),
                         validators=[NirValidator()], id=id)
        self.refused: str | None = None

    def replace(self, text: str, start: int, end: int) -> None:
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        candidate = f"{value[:start]}{text}{value[end:]}"
        if not could_be_nir(candidate):
            reason = validate_nir(candidate).message or ""
            shown = text if len(text) == 1 else text.strip()[:20]
            self.refused = _(MSG_REFUSED).format(char=shown, reason=reason)
            self.restricted()
            # Re-announce even though the value did not change.
            self.post_message(self.Changed(self, self.value, self.validate(self.value)))
            return
        self.refused = None
        cleaned = normalize_nir(candidate)
        cursor = len(normalize_nir(f"{value[:start]}{text}"))
        self.value = cleaned
        self.cursor_position = min(cursor, len(cleaned))

    def restricted(self) -> None:
        # The message under the field says why; a bell over SSH is only noise.
        pass

    @property
    def nir(self) -> str | None:
        """The 13-character NIR when the value is complete and valid, else None."""
        return validate_nir(self.value).value


class NirField(Vertical):
    """A NirInput with its live message line underneath."""

    DEFAULT_CSS = """
    NirField { height: auto; }
    NirField > .nir-message { height: auto; color: $text-muted; padding: 0 1; }
    NirField > .nir-message.-error { color: $text-error; }
    """

    def __init__(self, value: str = "", *, input_id: str = "nir", id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial = value
        self._input_id = input_id
        self._trimmed = False

    def compose(self) -> ComposeResult:
        yield NirInput(self._initial, id=self._input_id)
        yield Static(self._hint(self._initial), classes="nir-message", id=f"{self._input_id}-message", markup=False)

    @property
    def input(self) -> NirInput:
        return self.query_one(NirInput)

    @property
    def nir(self) -> str | None:
        return self.input.nir

    @property
    def message(self) -> str:
        return str(self.query_one(".nir-message", Static).render())

    def _hint(self, value: str) -> str:
        result = validate_nir(value)
        if result.valid:
            return _(MSG_COMPLETE)
        return result.message or ""

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is not self.query_one(NirInput):
            return
        nir_input = self.input
        message = self.query_one(".nir-message", Static)
        value = event.value
        result = validate_nir(value)
        if result.valid and len(value) == NIR_WITH_KEY_LENGTH and result.value:
            # A pasted NIR with its right key: keep the 13 characters the portal asks for.
            self._trimmed = True
            nir_input.value = result.value
            nir_input.cursor_position = NIR_LENGTH
            return
        if self._trimmed and result.valid:
            self._trimmed = False
            message.update(_(MSG_KEY_TRIMMED))
            message.remove_class("-error")
            return
        self._trimmed = False
        if nir_input.refused:
            message.update(nir_input.refused)
            message.add_class("-error")
            return
        text = self._hint(value)
        is_problem = bool(value) and not result.valid and len(normalize_nir(value)) >= NIR_LENGTH
        message.update(text)
        message.set_class(is_problem or (not result.valid and _is_rule_message(result.message)), "-error")

    def show_error(self, text: str) -> None:
        """Show a message from outside (e.g. submit with an incomplete number)."""
        message = self.query_one(".nir-message", Static)
        message.update(text)
        message.add_class("-error")


def _is_rule_message(text: str | None) -> bool:
    """A broken rule (not merely "keep typing")."""
    from ..core.nir import MSG_EMPTY, MSG_LENGTH, MSG_LENGTH_ONE

    if not text:
        return False
    pending = {_(MSG_EMPTY)}
    prefixes = (_(MSG_LENGTH).split("{n}")[0], _(MSG_LENGTH_ONE).split("{n}")[0])
    return text not in pending and not text.startswith(prefixes)
