"""The app's pages by name: where each screen lives, imported only when first opened."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    name: str
    title: str
    """French title, as on the portal (translated through i18n when shown)."""
    target: str | None
    """"module:Class" of the screen, or None while the page is not built yet."""
    needs_login: bool = True


PAGES: dict[str, PageEntry] = {
    entry.name: entry
    for entry in [
        PageEntry("login", "Se connecter", "msa_tui.screens.login:LoginScreen", needs_login=False),
        PageEntry("register", "S'inscrire", "msa_tui.screens.register:RegisterScreen", needs_login=False),
        PageEntry(
            "password_reset", "Mot de passe oublié", "msa_tui.screens.password_reset:PasswordResetScreen",
            needs_login=False,
        ),
        PageEntry("dashboard", "Mon espace privé", "msa_tui.screens.dashboard:DashboardScreen"),
        PageEntry("profile", "Mes informations personnelles", "msa_tui.screens.profile:ProfileScreen"),
        PageEntry("contact", "Contact & échanges", "msa_tui.screens.contact:ContactScreen"),
        PageEntry("send_document", "Envoyer un document", "msa_tui.screens.send_document:SendDocumentScreen"),
        PageEntry("messages", "Mes messages", "msa_tui.screens.messages:MessagesScreen"),
        PageEntry("documents", "Consulter un document", "msa_tui.screens.documents:DocumentsScreen"),
        PageEntry("payments", "Mes paiements et mes remboursements", "msa_tui.screens.payments:PaymentsScreen"),
        PageEntry("attestations", "Obtenir mes attestations", "msa_tui.screens.attestations:AttestationsScreen"),
        PageEntry("services", "Tous mes services en ligne", "msa_tui.screens.services:ServicesScreen"),
        PageEntry("requests", "Mes démarches", "msa_tui.screens.requests:RequestsScreen"),
        PageEntry("request_form", "Faire une demande", "msa_tui.screens.request_form:RequestFormScreen"),
        PageEntry("declarations", "Mes déclarations trimestrielles", "msa_tui.screens.declarations:DeclarationsScreen"),
        PageEntry("quotient_familial", "Mon quotient familial", "msa_tui.screens.quotient:QuotientScreen"),
        PageEntry("appointments", "Demander un rendez-vous", "msa_tui.screens.appointments:AppointmentsScreen"),
        PageEntry("procurations", "Gérer mes procurations", "msa_tui.screens.procurations:ProcurationsScreen"),
        PageEntry("assistance", "Assistance", "msa_tui.screens.assistance:AssistanceScreen", needs_login=False),
        PageEntry("submissions", "Mes envois", "msa_tui.screens.submissions:SubmissionsScreen"),  # issue 14
        # account security (issue 14, item 7), opened from the profile
        PageEntry("account_security", "Sécurité du compte", "msa_tui.screens.account_security:AccountSecurityScreen"),
    ]
}
"""Pages with `target=None` open a plain "pas encore disponible" screen instead of failing.
When you build a page, set its target here."""
