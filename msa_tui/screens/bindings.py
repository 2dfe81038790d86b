"""The shared page bindings (one id per shared action) and the old ids `[keymap]` still accepts.

A `[keymap]` entry names a binding id; with one id per shared action, `page.back = "f9"`
moves "Retour" on every page at once. The per-screen ids they replace stay accepted for one
release (with a warning in the log), mapped to the shared id.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from textual.binding import Binding, BindingType

from ..core.i18n import _

log = logging.getLogger(__name__)

BACK_ID = "page.back"
RETRY_ID = "page.retry"
RETRY_KEY = "f5"
"""F5 reloads, as in a browser; it types nothing in a field and no screen uses it for anything else
(Ctrl+R shows the password on the login screen, R revokes a procuration)."""
RETRY_KEY_LABEL = "F5"

SHARED_ACTIONS = {"back": BACK_ID, "reload": RETRY_ID}
"""Action → the one id every screen binds it under."""


def back_binding(tooltip: str = "Revenir à la page précédente") -> Binding:
    """Échap → the page's `action_back` (its guard: drafts, steps, dialogs)."""
    return Binding("escape", "back", _("Retour"), id=BACK_ID, tooltip=_(tooltip))


def retry_binding(tooltip: str) -> Binding:
    """F5 → the page's `action_reload`, offered only while something failed (the page's check_action)."""
    return Binding(RETRY_KEY, "reload", _("Réessayer"), id=RETRY_ID, tooltip=_(tooltip))


KeySpec = tuple[str, str, str, str, str]
"""A page's own key: (keys, action, French label, binding id, French tooltip)."""


def page_bindings(*keys: KeySpec, retry: str | None = None, back: str | None = None) -> list[BindingType]:
    """A page's BINDINGS from a short spec: its own `keys` in order, then Réessayer (F5) when `retry`
    (its tooltip) is given, then Retour (Échap) with the `back` tooltip when given (else the base's).

    Labels and tooltips are French and translated here, e.g.
    `page_bindings(("n", "new", "Nouveau", "things.new", "Créer une chose"), retry="Recharger vos choses")`.
    """
    bindings: list[BindingType] = [Binding(key, action, _(label), id=binding_id, tooltip=_(tooltip))
                for key, action, label, binding_id, tooltip in keys]
    if retry is not None:
        bindings.append(retry_binding(retry))
    if back is not None:
        bindings.append(back_binding(back))
    return bindings


_OLD_BACK = (
    "thread.back", "new_thread.back", "request_form.back", "messages.back", "documents.back",
    "requests.back", "request_detail.back", "quotient.back", "contact.back", "procurations.back",
    "procuration_request.back", "services.back", "appointments.back", "booking.back",
    "declarations.back", "declaration_form.back", "account.back", "profile.back", "wizard.leave",
)
_OLD_RETRY = (
    "thread.retry", "request_form.retry", "messages.retry", "documents.retry", "requests.retry",
    "request_detail.retry", "quotient.retry", "assistance.retry", "procurations.retry",
    "services.retry", "appointments.retry", "booking.retry", "declarations.retry", "payments.retry",
    "profile.retry", "dashboard.retry", "dashboard.block.retry",
)
OLD_IDS: dict[str, str] = {
    **{old: BACK_ID for old in _OLD_BACK},
    **{old: RETRY_ID for old in _OLD_RETRY},
    "wizard.retry": "wizard.send",
}
"""Binding ids of the previous release → their id now. Remove in the release after next."""


def upgrade_keymap(keymap: Mapping[str, str]) -> dict[str, str]:
    """`keymap` with old ids renamed to their shared id (a warning each); a new id given too wins."""
    upgraded = {key: keys for key, keys in keymap.items() if key not in OLD_IDS}
    for old, keys in keymap.items():
        new = OLD_IDS.get(old)
        if new is None:
            continue
        log.warning("[keymap] %s is an old binding id: use %s (the old id goes in the next release)", old, new)
        upgraded.setdefault(new, keys)
    return upgraded
