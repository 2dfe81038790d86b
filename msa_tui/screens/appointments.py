"""Demander un rendez-vous (PORTAL.md 4): my appointments (cancel one), « Prendre rendez-vous » on a free slot."""

from __future__ import annotations

from collections.abc import Sequence


from .list_page import ListPage, ListWords


from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ..api.errors import ApiError
from ..api.models import Appointment, AppointmentCreate, Slot
from ..core.appointments import (
    MODES,
    called_line,
    calls,
    check_number_to_call,
    TOPIC_MAX,
    appointment_words,
    check_topic,
    count_slots,
    group_by_day,
    mode_label,
    moment_words,
    slot_line,
)
from ..core.fields import Checked
from ..core.i18n import _
from ..widgets.form_field import FormField
from ..widgets.load_panel import LoadPanel
from ..widgets.model_list import ModelList
from .bindings import page_bindings
from .base import AlreadyShown
from .form_page import FormPage
from .loading_page import LoadingPage
from ..widgets.safe import plain

SLOT_TAKEN = ("Ce créneau vient d'être pris par une autre personne : choisissez-en un autre. "
              "Votre motif est conservé.")


def appointment_prompt(appointment: Appointment) -> Text:
    """One appointment: when · mode · place, then its topic (two lines)."""
    words = appointment_words(appointment)
    text = Text(words[:1].upper() + words[1:], style="bold")
    text.append("\n  " + _("Motif : {topic}").format(topic=appointment.topic), style="")
    called = called_line(appointment)
    if called is not None:
        text.append("\n  " + called, style="")
    return text


class AppointmentsScreen(ListPage[Appointment]):
    """My appointments, soonest first; A cancels the highlighted one (after a yes), P books another."""

    PAGE_TITLE = "Demander un rendez-vous"
    BINDINGS = page_bindings(
        ("p", "book", "Prendre RDV", "appointments.book", "Choisir un créneau libre et prendre rendez-vous"),
        ("a", "cancel_appointment", "Annuler RDV", "appointments.cancel", "Annuler le rendez-vous sélectionné"),
        retry="Recharger la liste de vos rendez-vous",
    )

    WORDS = ListWords("appointments", "P : prendre rendez-vous · A : annuler le rendez-vous choisi · Échap : retour",
                      "Vous n'avez aucun rendez-vous. Appuyez sur P pour prendre rendez-vous.",
                      "Vos rendez-vous n'ont pas pu être chargés.", heading="Mes rendez-vous")
    RELOAD_ON_RESUME = False
    RESULT_LINE = True

    def __init__(self) -> None:
        super().__init__(ModelList(appointment_prompt, id="appointments"))

    async def rows(self) -> Sequence[Appointment]:
        return (await self.fetch_rows(self.api.appointments)).items

    def action_cancel_appointment(self) -> None:
        appointment = self.selected()
        if appointment is None:
            self.notify(_("Aucun rendez-vous sélectionné."), severity="warning")
            return
        from .dialogs import ConfirmDialog

        slot = appointment.slot
        # The dialog does not wrap: the moment and mode fit its width, the place may not.
        question = _("Annuler ce rendez-vous ?") + f"\n{moment_words(slot.starts_at)} · {mode_label(slot.mode)}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.cancel(appointment)

        dialog = ConfirmDialog(question, _("Oui, l'annuler"), id="confirm-cancel", cancel_label=_("Le garder"))
        self.app.push_screen(dialog, answered)

    @work(exclusive=True, group="appointments-cancel", exit_on_error=False)
    async def cancel(self, appointment: Appointment) -> None:
        await self.call(lambda: self.api.cancel_appointment(appointment.id),
                        _("Le rendez-vous n'a pas été annulé. Réessayez avec A."))
        self.show_result(_("Rendez-vous annulé : {what}.").format(what=appointment_words(appointment)))
        self.load()

    def action_book(self) -> None:
        def booked(appointment: Appointment | None) -> None:
            if appointment is None:
                return
            self.listing.wanted = appointment.id
            line = _("Rendez-vous pris : {what}.").format(what=appointment_words(appointment))
            called = called_line(appointment)
            if called is not None:
                line += " " + called + "."
            self.show_result(line)
            self.load()

        self.app.push_screen(BookingScreen(), booked)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_appointment":
            return bool(self.listing.models)
        return super().check_action(action, parameters)


class BookingScreen(FormPage, LoadingPage):
    """« Prendre rendez-vous »: free slots grouped by day (M filters by mode), a topic, and for a phone slot
    the number to call (the member's, changeable for this appointment); Ctrl+S books.

    Dismissed with the new Appointment. A slot taken meanwhile keeps the topic and reloads the slots.
    """

    PAGE_TITLE = "Prendre rendez-vous"
    FORM_ERROR = "#booking-error"
    NOT_SENT = "Corrigez les champs signalés : le rendez-vous n'est pas pris."
    BINDINGS = page_bindings(
        ("ctrl+s", "confirm", "Confirmer", "booking.confirm", "Prendre rendez-vous sur le créneau choisi"),
        ("m", "next_mode", "Mode", "booking.mode",
         "Afficher les créneaux de tous les modes, en agence, par téléphone ou en visio"),
        retry="Recharger les créneaux libres",
        back="Revenir à vos rendez-vous sans rien réserver",
    )

    def __init__(self) -> None:
        super().__init__()
        self.slots: list[Slot] = []
        self.mode_index = 0

    def compose_body(self) -> ComposeResult:
        yield Static("", id="booking-mode", markup=False)
        yield LoadPanel(id="slots-load")
        yield OptionList(id="slots")
        yield Static("", id="booking-choice", markup=False)
        yield FormField("topic", _("Motif du rendez-vous (obligatoire, {n} caractères au plus)").format(n=TOPIC_MAX),
                        Input(max_length=TOPIC_MAX, placeholder=_("ex. Question sur ma retraite")))
        me = self.msa_app.me
        yield FormField("phone", _("Numéro auquel la MSA vous appellera (pour ce rendez-vous)"),
                        Input(value=(me.phone or "") if me is not None else "", max_length=20,
                              placeholder="06 12 34 56 78"))
        yield Static("", id="booking-error", classes="error-message", markup=False)
        yield Button(_("Confirmer le rendez-vous (Ctrl+S)"), id="booking-confirm", variant="primary", compact=True)

    def form_fields(self) -> dict[str, FormField]:
        return {name: self.query_one(f"#{name}-field", FormField) for name in ("topic", "phone")}

    def on_mount(self) -> None:
        self.query_one("#booking-error", Static).display = False
        self.query_one("#phone-field").display = False
        self.show_mode()
        self.load()

    @property
    def mode(self) -> str | None:
        return MODES[self.mode_index][0]

    def show_mode(self) -> None:
        shown = group_by_day(self.slots, self.mode)
        count = count_slots(sum(len(g.slots) for g in shown))
        text = _("Créneaux : {what} ({count})").format(what=_(MODES[self.mode_index][1]), count=count.lower())
        hint = _("M : mode · Entrée : choisir")
        self.query_one("#booking-mode", Static).update(f"{text}  ({hint})")

    @work(exclusive=True, group="slots-load", exit_on_error=False)
    async def load(self) -> None:
        slots = await self.fetch(self.api.slots, _("Les créneaux libres n'ont pas pu être chargés."))
        self.slots = slots
        self.show_slots()

    def show_slots(self) -> None:
        listing = self.query_one("#slots", OptionList)
        previous = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        options: list[Option] = []
        for group in group_by_day(self.slots, self.mode):
            # The day is a heading the cursor skips: only slots can be chosen.
            options.append(Option(Text(group.label.capitalize(), style="bold"), disabled=True))
            options.extend(Option(plain("  " + slot_line(slot)), id=slot.id) for slot in group.slots)
        listing.add_options(options)
        self.show_mode()
        ids = {o.id for o in options if o.id}
        self.set_class(not ids, "-empty")
        if previous in ids:
            listing.highlighted = listing.get_option_index(previous)
        elif ids:
            listing.action_first()
        self.show_choice()
        if ids and not self.query_one("#topic-input", Input).has_focus:
            listing.focus()

    def chosen(self) -> Slot | None:
        option = self.query_one("#slots", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return next((s for s in self.slots if s.id == option.id), None)

    def show_choice(self) -> None:
        slot = self.chosen()
        line = self.query_one("#booking-choice", Static)
        self.query_one("#phone-field").display = calls(slot)
        if slot is None:
            line.update(_("Aucun créneau choisi."))
        else:
            when = f"{moment_words(slot.starts_at)} · {mode_label(slot.mode)}"
            line.update(_("Créneau choisi : {when}").format(when=when))

    @on(OptionList.OptionHighlighted, "#slots")
    def _highlighted(self) -> None:
        self.show_choice()

    @on(OptionList.OptionSelected, "#slots")
    def _selected(self) -> None:
        self.query_one("#topic-input", Input).focus()

    @on(Button.Pressed, "#booking-confirm")
    def action_confirm(self) -> None:
        slot = self.chosen()
        checked = Checked()
        checked.add("topic", check_topic(self.form_fields()["topic"].value))
        if calls(slot):
            checked.add("phone", check_number_to_call(self.form_fields()["phone"].value))
        if not self.check_fields(checked.errors):
            return
        if slot is None:
            self.set_form_error(_("Choisissez d'abord un créneau dans la liste."))
            self.query_one("#slots", OptionList).focus()
            return
        if not self.sending:
            phone = checked.values.get("phone")
            self.book(AppointmentCreate(slot_id=slot.id, topic=str(checked.values["topic"]),
                                        phone=str(phone) if phone else None))

    @on(Input.Submitted, "#topic-input")
    @on(Input.Submitted, "#phone-input")
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter books from either field (the number to call is already filled in with the member's own).
        event.prevent_default()  # not FormPage's field-to-field move
        self.action_confirm()

    @work(exclusive=True, group="booking", exit_on_error=False)
    async def book(self, create: AppointmentCreate) -> None:
        try:
            appointment = await self.submit_form(
                lambda: self.api.book(create),
                _("Le rendez-vous n'a pas été pris ; votre motif est conservé. Réessayez."),
                lambda name: name if name in ("topic", "phone") else None)
        except AlreadyShown:
            return
        except ApiError as error:
            if error.code == "slot_taken":
                self.set_form_error(_(SLOT_TAKEN))
                self.load()
                self.query_one("#slots", OptionList).focus()
            else:
                self.set_form_error(error.message)
            return
        self.dismiss(appointment)

    def action_next_mode(self) -> None:
        self.mode_index = (self.mode_index + 1) % len(MODES)
        self.show_slots()

    def action_back(self) -> None:
        self.dismiss(None)
