"""Static portal data: the services catalogue (PORTAL.md §4), request forms, submission choices."""

from __future__ import annotations

from msa_tui.api.models import Choice, FormField, RequestForm, Service, ServiceCategory


def _choices(pairs: list[tuple[str, str]]) -> list[Choice]:
    return [Choice(code=code, label=label) for code, label in pairs]


OBJECTS = _choices([
    ("prestations_familiales", "Prestations familiales"),
    ("rsa_prime_activite", "RSA / prime d'activité"),
    ("logement", "Logement"),
    ("retraite", "Retraite"),
    ("sante", "Santé"),
    ("changement_situation", "Changement de situation"),
    ("autre", "Autre"),
])

NATURES = _choices([
    ("justificatif_identite", "Justificatif d'identité"),
    ("justificatif_domicile", "Justificatif de domicile"),
    ("avis_imposition", "Avis d'imposition"),
    ("bulletin_salaire", "Bulletin de salaire"),
    ("rib", "Relevé d'identité bancaire (RIB)"),
    ("bail", "Bail ou quittance de loyer"),
    ("acte_etat_civil", "Acte d'état civil, livret de famille"),
    ("attestation_employeur", "Attestation employeur"),
    ("formulaire", "Formulaire complété"),
    ("certificat_medical", "Certificat médical"),
    ("compte_rendu_medical", "Compte rendu médical ou d'hospitalisation"),
    ("arret_de_travail", "Avis d'arrêt de travail"),
    ("autre", "Autre document"),
])

MEDICAL_NATURES = ["certificat_medical", "compte_rendu_medical", "arret_de_travail"]

ALLOWED_TYPES = ["application/pdf", "image/jpeg", "image/png"]

# Silence rule per submission object (CRPA L231-1 and its exceptions), chosen for the mock:
# requests for a benefit are decided on file, and two months of silence means a refusal
# (the social-security exceptions to "silence vaut acceptation"); a declared change of
# situation is deemed taken into account (accepted) after two months of silence; "Autre"
# is not a request and has no decision deadline.
SILENCE: dict[str, str | None] = {
    "prestations_familiales": "rejet",
    "rsa_prime_activite": "rejet",
    "logement": "rejet",
    "retraite": "rejet",
    "sante": "rejet",
    "changement_situation": "acceptation",
    "autre": None,
}


INFO_URLS = {  # where the information services live on the web (issue 14)
    "memo_sante_enfant": "https://www.msa.fr/lfp/sante/memo-sante-enfant",
    "bien_vivre_retraite_info": "https://www.msa.fr/lfp/retraite/bien-vivre-sa-retraite",
    "bien_vivre_retraite": "https://www.msa.fr/lfp/retraite/bien-vivre-sa-retraite",
    "info_retraite": "https://www.info-retraite.fr",
}
"""Web addresses of the services that only inform (shown written out: a terminal may not open links)."""


def _s(code: str, label: str, kind: str, request_type: str | None = None) -> Service:
    return Service(code=code, label=label, kind=kind, request_type=request_type, url=INFO_URLS.get(code))


CATALOGUE = [
    ServiceCategory(code="sante_invalidite", label="Santé, invalidité", services=[
        _s("css", "Demander la complémentaire santé solidaire", "request", "css"),
        _s("carte_assurance_maladie", "Demander ma carte d'assurance maladie (carte Vitale ou CEAM)", "request",
           "carte_assurance_maladie"),
        _s("pension_invalidite", "Demander une pension d'invalidité", "request", "pension_invalidite"),
    ]),
    ServiceCategory(code="famille_logement", label="Famille, logement — changement de situation et ressources",
                    services=[
        _s("changement_situation", "Déclarer un changement de situation", "request", "changement_situation"),
        _s("ressources_prestations_familiales", "Déclarer mes ressources pour les prestations familiales",
           "request", "ressources_prestations_familiales"),
    ]),
    ServiceCategory(code="enfance", label="Enfance", services=[
        _s("cmg_paje", "Demander et suivre le complément de libre choix du mode de garde de la PAJE", "request",
           "cmg_paje"),
        _s("asf", "Demander et suivre l'allocation de soutien familial", "request", "asf"),
        _s("quotient_familial", "Consulter mon quotient familial", "consultation"),
    ]),
    ServiceCategory(code="logement", label="Logement", services=[
        _s("aide_logement", "Demander et suivre une aide au logement", "request", "aide_logement"),
        _s("declaration_patrimoine", "Déclarer mon patrimoine", "request", "declaration_patrimoine"),
        _s("declarations_logement", "Déclarer mes ressources trimestrielles ou complémentaires", "declaration"),
    ]),
    ServiceCategory(code="retraite", label="Retraite", services=[
        _s("info_retraite", "S'informer sur ma retraite", "page"),
        _s("retraite", "Demander et suivre ma retraite", "request", "retraite"),
        _s("bien_vivre_retraite", "Bien vivre ma retraite", "page"),
    ]),
    ServiceCategory(code="rsa_prime_activite", label="RSA, prime d'activité", services=[
        _s("rsa", "Demander le RSA et suivre ma demande", "request", "rsa"),
        _s("declarations_rsa", "Déclarer mes ressources trimestrielles pour le RSA", "declaration"),
        _s("prime_activite", "Demander ma prime d'activité et effectuer ma déclaration trimestrielle", "request",
           "prime_activite"),
    ]),
    ServiceCategory(code="paiements", label="Mes paiements et mes remboursements", services=[
        _s("paiements", "Suivre l'ensemble de mes paiements : santé, famille, retraite, action sanitaire et sociale",
           "consultation"),
    ]),
    ServiceCategory(code="attestations", label="Obtenir mes attestations", services=[
        _s("attestation_paiement", "Attestation de paiement ou de non-paiement", "consultation"),
        _s("attestation_medecin_traitant", "Attestation de médecin traitant", "consultation"),
        _s("attestation_droits_maladie", "Attestation de droits maladie et de vaccination Covid", "consultation"),
        _s("attestation_droits_rsa", "Attestation de droits RSA", "consultation"),
    ]),
    ServiceCategory(code="echanges", label="Contact & échanges", services=[
        _s("message", "Nous envoyer un message", "page"),
        _s("envoyer_document", "Nous envoyer un document", "page"),
        _s("documents", "Consulter un document", "consultation"),
    ]),
    ServiceCategory(code="coordonnees", label="Modifier vos coordonnées", services=[
        _s("coordonnees", "Modifier vos coordonnées : adresse, téléphone, mail…", "page"),
    ]),
    ServiceCategory(code="rendez_vous", label="Demander un rendez-vous", services=[
        _s("rendez_vous", "Demander un rendez-vous", "page"),
    ]),
    ServiceCategory(code="procurations", label="Gérer mes procurations", services=[
        _s("procuration_demander", "Demander une procuration", "page"),
        _s("procurations", "Suivre mes procurations", "consultation"),
    ]),
    ServiceCategory(code="egalement", label="Vous pouvez également", services=[
        _s("memo_sante_enfant", "Consulter le « Mémo Santé Enfant »", "external"),
        _s("bien_vivre_retraite_info", "Bien vivre ma retraite", "external"),
    ]),
]


def _f(name: str, label: str, kind: str, required: bool = True, choices: list[tuple[str, str]] | None = None,
       max_length: int | None = None, help: str | None = None) -> FormField:
    return FormField(name=name, label=label, kind=kind, required=required,
                     choices=_choices(choices or []),
                     max_length=max_length, help=help)


_ORGANISME = [("msa", "Ma MSA"), ("organisme_complementaire", "Un organisme complémentaire")]
_REGIME = [("exploitant", "Non-salarié agricole (exploitant)"), ("salarie", "Salarié agricole")]
_INCOME = _f("ressources_annuelles", "Ressources annuelles du foyer (€)", "money",
             help="Total des ressources des 12 derniers mois.")

_FORM_LIST = [
    RequestForm(type="css", label="Complémentaire santé solidaire", fields=[
        _f("foyer_personnes", "Nombre de personnes du foyer", "number"), _INCOME,
        _f("organisme", "Organisme gestionnaire choisi", "choice", choices=_ORGANISME)]),
    RequestForm(type="carte_assurance_maladie", label="Carte d'assurance maladie", fields=[
        _f("carte", "Carte demandée", "choice", choices=[("vitale", "Carte Vitale"),
                                                          ("ceam", "Carte européenne (CEAM)")]),
        _f("personne", "Personne concernée", "text", max_length=120),
        _f("motif", "Motif", "text", required=False, max_length=250)]),
    RequestForm(type="pension_invalidite", label="Pension d'invalidité", fields=[
        _f("date_arret", "Date du début de l'arrêt de travail", "date"),
        _f("regime", "Régime", "choice", choices=_REGIME),
        _f("activite_reduite", "Activité professionnelle réduite", "bool")]),
    RequestForm(type="changement_situation", label="Changement de situation", fields=[
        _f("nature", "Nature du changement", "choice", choices=[
            ("demenagement", "Déménagement"), ("naissance", "Naissance ou adoption"),
            ("union", "Mariage, Pacs, vie maritale"), ("separation", "Séparation"),
            ("activite", "Reprise ou arrêt d'activité"), ("autre", "Autre")]),
        _f("date_effet", "Date du changement", "date"),
        _f("precisions", "Précisions", "text", required=False, max_length=500)]),
    RequestForm(type="ressources_prestations_familiales", label="Ressources pour les prestations familiales",
                fields=[_f("annee", "Année des ressources", "number"), _INCOME,
                        _f("pensions_alimentaires", "Pensions alimentaires reçues (€)", "money", required=False)]),
    RequestForm(type="cmg_paje", label="Complément de libre choix du mode de garde (PAJE)", fields=[
        _f("enfant", "Enfant gardé", "text", max_length=120),
        _f("mode_garde", "Mode de garde", "choice", choices=[("assistante_maternelle", "Assistante maternelle"),
                                                              ("garde_domicile", "Garde à domicile"),
                                                              ("micro_creche", "Micro-crèche")]),
        _f("date_debut", "Début de la garde", "date"),
        _f("cout_mensuel", "Coût mensuel (€)", "money")]),
    RequestForm(type="asf", label="Allocation de soutien familial", fields=[
        _f("enfant", "Enfant concerné", "text", max_length=120),
        _f("situation", "Situation", "choice", choices=[("parent_isole", "Parent isolé"),
                                                         ("orphelin", "Enfant orphelin")]),
        _f("pension_versee", "Une pension alimentaire est versée", "bool")]),
    RequestForm(type="aide_logement", label="Aide au logement", fields=[
        _f("loyer_mensuel", "Loyer mensuel hors charges (€)", "money"),
        _f("date_entree", "Date d'entrée dans le logement", "date"),
        _f("colocation", "Colocation", "bool")]),
    RequestForm(type="declaration_patrimoine", label="Déclaration de patrimoine", fields=[
        _f("epargne", "Épargne (€)", "money"),
        _f("immobilier_non_loue", "Biens immobiliers non loués (valeur en €)", "money", required=False),
        _f("revenus_capitaux", "Revenus de capitaux (€)", "money", required=False)]),
    RequestForm(type="retraite", label="Retraite", fields=[
        _f("date_depart", "Date de départ souhaitée", "date"),
        _f("regime", "Régime", "choice", choices=_REGIME),
        _f("commentaire", "Commentaire", "text", required=False, max_length=500)]),
    RequestForm(type="rsa", label="Revenu de solidarité active (RSA)", fields=[
        _f("foyer_personnes", "Nombre de personnes du foyer", "number"),
        _f("ressources_trimestre", "Ressources des 3 derniers mois (€)", "money"),
        _f("logement", "Logement", "choice", choices=[("locataire", "Locataire"), ("proprietaire", "Propriétaire"),
                                                       ("heberge", "Hébergé gratuitement")])]),
    RequestForm(type="prime_activite", label="Prime d'activité", fields=[
        _f("foyer_personnes", "Nombre de personnes du foyer", "number"),
        _f("revenus_activite_trimestre", "Revenus d'activité des 3 derniers mois (€)", "money"),
        _f("autres_ressources", "Autres ressources des 3 derniers mois (€)", "money", required=False)]),
]

FORMS: dict[str, RequestForm] = {form.type: form for form in _FORM_LIST}
