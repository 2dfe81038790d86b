"""Obtenir mes attestations (PORTAL.md 4): choose a kind (and a period), get the PDF in the Downloads dir."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label, RadioSet, Select, Static

from ..api.errors import ApiError, NetworkDown, NotEligible, ServerUnavailable
from ..api.models import AttestationKind
from ..core.attestations import HOUSEHOLD_KINDS, attestation_people, file_name_for, person_for
from ..core.i18n import _
from ..core.payments import (
    ATTESTATION_LABELS,
    ATTESTATION_PRESETS,
    PRESET_LABELS,
    Period,
    Preset,
    attestation_name,
    preset_period,
    takes_period,
)
from ..widgets.custom_period import CustomPeriod
from .base import PageScreen
from .downloads import save_in_downloads
from .bindings import page_bindings
from .kiosk_papers import KioskPapers, paper_bindings
from .wizard_steps.panes import ChoiceButton
from ..widgets.safe import notify_plain, plain


class AttestationsScreen(KioskPapers, PageScreen):
    """The kinds as radio buttons, the period when the kind takes one, « Obtenir » and where the PDF went."""

    PAGE_TITLE = "Obtenir mes attestations"
    PAPER_LINE = "#attestation-result"
    BINDINGS = [
        *page_bindings(("ctrl+s", "obtain", "Obtenir", "attestations.obtain",
                        "Obtenir l'attestation choisie et l'enregistrer dans votre dossier Téléchargements")),
        *paper_bindings(),
    ]
    BUTTON_ACTIONS = {"obtain": "obtain"}

    def __init__(self) -> None:
        super().__init__()
        self.kind = AttestationKind.paiement
        self.preset = Preset.last_12_months
        self.custom: Period | None = None
        self.busy = False
        self.paper: Path | None = None
        """The attestation just saved for the kind and period shown (what F6/F7 hand over)."""

    def compose_body(self) -> ComposeResult:
        yield Label(_("Quelle attestation voulez-vous ?"), classes="field-label")
        yield Static(_("↑ ↓ puis Entrée : choisir · Tab : période · Ctrl+S : obtenir"), id="attestation-hint")
        with RadioSet(id="kind-choices"):
            for kind, label in ATTESTATION_LABELS.items():
                yield ChoiceButton(_(label), value=kind is self.kind, id=f"kind-{kind.value}")
        with Horizontal(id="attestation-period"):
            yield Label(_("Période :"), classes="field-label")
            yield Select([(_(PRESET_LABELS[p]), p.value) for p in ATTESTATION_PRESETS],
                         value=self.preset.value, allow_blank=False, compact=True, id="attestation-period-select")
        with Horizontal(id="attestation-person"):
            yield Label(_("Pour :"), classes="field-label")
            # The names come from the server: prompts as plain Text, never read as markup.
            yield Select([(plain(label), person_id) for person_id, label in self._people()], value=self._me_id(),
                         allow_blank=False, compact=True,
                         id="attestation-person-select")
        yield CustomPeriod(id="attestation-custom")
        yield Static("", id="attestation-no-period", markup=False)
        yield Button(_("Obtenir l'attestation (Ctrl+S)"), id="obtain", variant="primary", compact=True)
        yield Static("", id="attestation-result", markup=False)

    def _people(self) -> list[tuple[str, str]]:
        me = self.msa_app.me
        return attestation_people(me) if me is not None else [("", _("Vous-même"))]

    def _me_id(self) -> str:
        return self._people()[0][0]

    def on_mount(self) -> None:
        self.query_one(CustomPeriod).display = False
        self.show_kind()
        self.query_one(RadioSet).focus()

    def show_kind(self) -> None:
        with_period = takes_period(self.kind)
        self.query_one("#attestation-period").display = with_period
        # Droits maladie may be asked for a child or a spouse: whom it is for, chosen from the household.
        self.query_one("#attestation-person").display = self.kind in HOUSEHOLD_KINDS and len(self._people()) > 1
        self.query_one(CustomPeriod).display = with_period and self.preset is Preset.custom
        note = self.query_one("#attestation-no-period", Static)
        note.display = not with_period
        note.update(_("Cette attestation décrit votre situation à la date d'aujourd'hui."))

    @on(RadioSet.Changed, "#kind-choices")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        self.kind = AttestationKind(str(event.pressed.id).removeprefix("kind-"))
        self.show_kind()
        self._clear_result()

    @on(Select.Changed, "#attestation-period-select")
    def _period_changed(self, event: Select.Changed) -> None:
        self.preset = Preset(str(event.value))
        self.show_kind()
        self._clear_result()
        if self.preset is Preset.custom:
            self.query_one(CustomPeriod).focus_start()

    @on(Select.Changed, "#attestation-person-select")
    def _person_changed(self) -> None:
        self._clear_result()

    def person_id(self) -> str | None:
        """The household member chosen, when the kind allows one (None: the member)."""
        me = self.msa_app.me
        if me is None:
            return None
        value = self.query_one("#attestation-person-select", Select).value
        return person_for(self.kind, value if isinstance(value, str) else None, me)

    @on(CustomPeriod.Applied)
    def _custom_applied(self, event: CustomPeriod.Applied) -> None:
        self.custom = event.period
        self.query_one("#obtain", Button).focus()

    def _clear_result(self) -> None:
        self.paper = None
        self.query_one("#attestation-result", Static).update("")

    def period(self) -> Period | None:
        """The period to certify; None when the typed dates are wrong (their errors are then shown)."""
        if self.preset is Preset.custom:
            return self.query_one(CustomPeriod).check()
        from ..core.clock import today

        return preset_period(self.preset, today())

    def action_obtain(self) -> None:
        if self.busy:
            return
        choice = self._choice()
        if choice is not None:
            self.obtain(*choice)

    def _choice(self) -> tuple[AttestationKind, Period | None] | None:
        """The kind and period chosen; None when the typed dates are wrong (their errors are shown)."""
        # Read the choice from the radio set itself: a key typed right after a change may
        # arrive before the Changed message does.
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is not None:
            self.kind = AttestationKind(str(pressed.id).removeprefix("kind-"))
            self.show_kind()
        period: Period | None = None
        if takes_period(self.kind):
            period = self.period()
            if period is None:
                return None
        return self.kind, period

    async def paper_to_hand(self) -> Path | None:
        if self.paper is not None and self.paper.is_file():
            return self.paper
        if self.busy:
            return None
        choice = self._choice()
        return None if choice is None else await self._obtain(*choice)

    @work(exclusive=True, group="attestation", exit_on_error=False)
    async def obtain(self, kind: AttestationKind, period: Period | None) -> None:
        await self._obtain(kind, period)

    async def _obtain(self, kind: AttestationKind, period: Period | None) -> Path | None:
        from ..core.clock import today

        self.busy = True
        result = self.query_one("#attestation-result", Static)
        result.set_class(False, "-refused")
        result.update(_("Préparation de l'attestation…"))
        start = period.start if period else None
        end = period.end if period else None
        refused = True
        person_id = self.person_id()
        name = attestation_name(kind, period, today())
        if self.msa_app.me is not None:
            name = file_name_for(name, person_id, self.msa_app.me)
        try:
            path, problem = await save_in_downloads(
                self, name,
                lambda dest: self.api.attestation(kind, dest, date_from=start, date_to=end, person_id=person_id),
                _("L'attestation n'a pas été obtenue. Réessayez avec Ctrl+S."))
        except NotEligible as error:
            # The server says why in French; the choices stay as they are for another try.
            path, problem = None, _("Attestation non délivrée : {reason}").format(reason=error.message)
        except ApiError as error:
            path, problem = None, error.message
            # Out of reach is no refusal: the line keeps its ordinary colour.
            refused = not isinstance(error, (NetworkDown, ServerUnavailable))
        finally:
            self.busy = False
        if path is None:
            result.set_class(refused, "-refused")
            result.update(f"⚠ {problem}")
            return None
        self.paper = path
        result.update(_("Attestation enregistrée : {path}").format(path=path))
        notify_plain(self, path, title=_("Attestation enregistrée"))
        return path
