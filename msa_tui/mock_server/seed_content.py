"""What the demo members look like: profiles, payments, threads, documents, requests (invented data)."""

from __future__ import annotations

import random
import tomllib
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from importlib import resources
from typing import Any

from .caisses import ARMORIQUE, CORSE, MPN, caisse
from .pdfs import make_pdf

Ids = Callable[[str], str]
Row = dict[str, Any]


def _add_months(d: date, n: int) -> date:
    from .seed import add_months

    return add_months(d, n)


def _at(d: date, hour: int = 9, minute: int = 0) -> str:
    from .seed import at

    return at(d, hour, minute)


def _month(d: date) -> str:
    from .seed import month_name

    return month_name(d)


def members(ids: Ids) -> list[dict[str, Any]]:
    def addr(line1: str, postal: str, city: str, line2: str | None = None) -> Row:
        return {"line1": line1, "line2": line2, "postal_code": postal, "city": city}

    pierre, sophie, antoine = ids("mbr"), ids("mbr"), ids("mbr")
    return [
        {"member": {"id": pierre, "nir": "1850712345678", "first_name": "Pierre", "last_name": "Martin",
                    "birth_date": "1985-07-19", "email": "pierre.martin@example.fr", "phone": "06 12 34 56 78",
                    "address": addr("Ferme de la Borie", "12330", "Salles-la-Source", "Route de Marcillac"),
                    "caisse": MPN, "doctor": "Dr Claire Vidal, 4 place du Bourg, 12000 Rodez"},
         "household": [
             {"id": ids("hh"), "first_name": "Anne", "last_name": "Martin", "relation": "conjoint",
              "birth_date": "1987-03-22"},
             {"id": ids("hh"), "first_name": "Lucas", "last_name": "Martin", "relation": "enfant",
              "birth_date": "2014-09-03"},
             {"id": ids("hh"), "first_name": "Emma", "last_name": "Martin", "relation": "enfant",
              "birth_date": "2018-02-14"},
         ]},
        {"member": {"id": sophie, "nir": "2900529012345", "first_name": "Sophie", "last_name": "Le Gall",
                    "birth_date": "1990-05-08", "email": "sophie.legall@example.fr", "phone": "07 61 22 33 44",
                    "address": addr("7 rue des Hortensias", "29150", "Châteaulin"),
                    "caisse": ARMORIQUE, "doctor": "Dr Yann Kerbrat, 21 quai Cosmao, 29150 Châteaulin"},
         "household": [
             {"id": ids("hh"), "first_name": "Maël", "last_name": "Le Gall", "relation": "enfant",
              "birth_date": "2019-06-10"},
         ]},
        {"member": {"id": antoine, "nir": "178022A123456", "first_name": "Antoine", "last_name": "Santoni",
                    "birth_date": "1978-02-11", "email": "antoine.santoni@example.fr", "phone": "06 22 71 45 90",
                    "address": addr("12 route de Sartène", "20100", "Sartène", "Lieu-dit Vaccil Vecchju"),
                    "caisse": CORSE, "doctor": "Dr Marie-Ange Susini, 3 cours Napoléon, 20100 Sartène"},
         "household": []},
    ]


NOT_YET_REGISTERED = (
    ("1920631123456", "Julie", "Moreau", "1992-06-03", "julie.moreau@example.fr"),
    ("2880375123456", "Jeanne", "Roux", "1988-03-14", "jeanne.roux@example.fr"),
)
"""(NIR, first name, last name, birth date, e-mail) of members with a record but no online account."""


_DOCTORS = ["Dr Vidal", "Dr Bonnefous", "Dr Carrière", "Dr Kerbrat", "Dr Le Bihan", "Dr Susini", "Dr Pietri"]


def _health(
    rng: random.Random, month: date, names: list[str], doctors: list[str]
) -> Iterator[tuple[date, float, str, str]]:
    """One month of health reimbursements: (date, amount, label, beneficiary)."""
    consult = 19.0 if month >= date(2024, 12, 1) else 16.5  # 70 % of the fee, minus the 2 € contribution
    for _ in range(rng.randint(0, 3)):
        kind = rng.randrange(5)
        who = rng.choice(names)
        if kind == 0:
            label, amount = f"Remboursement consultation {rng.choice(doctors)}", consult
        elif kind == 1:
            label, amount = "Remboursement pharmacie", round(rng.uniform(4, 65), 2)
        elif kind == 2:
            label, amount = "Remboursement kinésithérapie", round(rng.choice([2, 3, 4]) * 11.47, 2)
        elif kind == 3:
            label, amount = f"Remboursement soins dentaires {rng.choice(doctors)}", round(rng.uniform(16, 90), 2)
        else:
            label, amount = "Remboursement analyses de laboratoire", round(rng.uniform(7, 42), 2)
        yield month.replace(day=rng.randint(2, 27)), amount, label, who


def payments(rng: random.Random, ids: Ids, pierre: Row, sophie: Row, antoine: Row, history: list[date],
             people: list[dict[str, Any]]) -> Iterator[Row]:
    def pay(member: Row, day: date, amount: float, domain: str, label: str, who: str | None = None) -> Row:
        return {"id": ids("pay"), "member_id": member["id"], "date": day.isoformat(),
                "amount": round(amount, 2), "domain": domain, "label": label, "beneficiary": who}

    names = {p["member"]["id"]: [f"{p['member']['first_name']} {p['member']['last_name']}"]
             + [f"{h['first_name']} {h['last_name']}" for h in p["household"]] for p in people}
    aid_labels = ["Aide au répit – remplacement sur l'exploitation", "Aide aux vacances familiales",
                  "Aide à domicile – intervention d'une aide ménagère", "Aide aux loisirs des enfants"]
    for index, month in enumerate(history):
        prev = _add_months(month, -1)
        growth = 1.018 ** (index // 12)  # yearly revaluation in April, roughly
        yield pay(pierre, month.replace(day=5), 148.52 * growth, "famille", f"Allocations familiales – {_month(prev)}")
        yield pay(pierre, month.replace(day=5), rng.uniform(150, 290), "prime_activite",
                  f"Prime d'activité – {_month(prev)}")
        if month.month == 8:
            for child in ("Lucas Martin", "Emma Martin"):
                yield pay(pierre, month.replace(day=18), 423.48 * growth, "famille",
                          "Allocation de rentrée scolaire", child)
        if index % 5 == 2:
            yield pay(pierre, month.replace(day=rng.randint(10, 25)), rng.choice([150, 220, 310, 400]),
                      "action_sanitaire_sociale", rng.choice(aid_labels))
        for day, amount, label, who in _health(rng, month, names[pierre["id"]], _DOCTORS[:3]):
            yield pay(pierre, day, amount, "sante", label, who)
        yield pay(sophie, month.replace(day=5), rng.uniform(380, 620), "rsa", f"RSA – {_month(prev)}")
        yield pay(sophie, month.replace(day=5), 248.0 + rng.randint(0, 30), "logement",
                  f"Aide au logement – {_month(prev)}")
        for day, amount, label, who in _health(rng, month, names[sophie["id"]], _DOCTORS[3:5]):
            yield pay(sophie, day, amount, "sante", label, who)
        yield pay(antoine, month.replace(day=9), 1096.37 * growth, "retraite", f"Retraite de base – {_month(month)}")
        yield pay(antoine, month.replace(day=9), 184.20 * growth, "retraite",
                  f"Retraite complémentaire obligatoire – {_month(month)}")
        for day, amount, label, who in _health(rng, month, names[antoine["id"]], _DOCTORS[5:]):
            yield pay(antoine, day, amount, "sante", label, who)


def threads(rng: random.Random, ids: Ids, pierre: Row, sophie: Row, antoine: Row,
            start: date) -> Iterator[tuple[Row, list[Row]]]:
    specs = [
        (pierre, "Prime d'activité : justificatif de ressources", "RSA / prime d'activité", 70, False, [
            ("msa", "Bonjour, pour étudier votre droit à la prime d'activité, merci de nous transmettre "
                    "votre bilan comptable de l'exploitation.", True),
            ("member", "Bonjour, je vous ai envoyé le bilan par « Envoyer un document ». Cordialement.", True),
            ("msa", "Nous avons bien reçu votre bilan. Votre droit a été recalculé, il sera versé le 5 du mois.",
             True)]),
        (pierre, "Remboursement des séances de kinésithérapie de Lucas", "Santé", 12, False, [
            ("member", "Bonjour, les séances de kinésithérapie de mon fils Lucas ne semblent pas remboursées. "
                       "Pouvez-vous vérifier ?", True),
            ("msa", "Bonjour, la prescription nous est parvenue ; le remboursement sera effectué sous 5 jours.",
             False)]),
        (pierre, "Aide au répit : dossier complet ?", "Action sanitaire et sociale", 6, False, [
            ("member", "Bonjour, pouvez-vous me confirmer que mon dossier d'aide au répit est complet ?", True),
            ("msa", "Bonjour, votre dossier est complet et sera présenté à la commission d'action sociale.", False),
            ("msa", "La commission a accordé une aide de 400 € : elle sera versée le mois prochain.", False)]),
        (pierre, "Changement de coordonnées bancaires", "Changement de situation", 300, False, [
            ("member", "Bonjour, j'ai changé de banque ; comment vous transmettre mon nouveau RIB ?", True),
            ("msa", "Bonjour, vous pouvez nous l'envoyer par « Envoyer un document », objet « Changement de "
                    "situation ».", True)]),
        (sophie, "Déclaration trimestrielle RSA", "RSA / prime d'activité", 4, True, [
            ("msa", "Bonjour Madame, votre déclaration trimestrielle de ressources indique un salaire en hausse. "
                    "Pouvez-vous nous préciser la date de fin de votre contrat saisonnier ?", False)]),
        (sophie, "Aide au logement : nouveau bail", "Logement", 95, False, [
            ("member", "Bonjour, je déménage à Châteaulin le mois prochain. Que dois-je faire pour l'aide au "
                       "logement ?", True),
            ("msa", "Bonjour, déclarez votre changement d'adresse puis envoyez-nous le nouveau bail.", True)]),
        (antoine, "Attestation fiscale de retraite", "Retraite", 40, False, [
            ("member", "Bonjour, où trouver le montant imposable de ma retraite pour la déclaration ?", True),
            ("msa", "Bonjour, le montant figure dans vos documents : « Relevé fiscal annuel ».", True)]),
    ]
    for member, subject, topic, days_ago, awaiting, messages in specs:
        thread_id = ids("thr")
        first = start - timedelta(days=days_ago)
        rows = []
        for n, (author, body, read) in enumerate(messages):
            moment = first + timedelta(days=2 * n)
            rows.append({"id": ids("msg"), "thread_id": thread_id, "author": author, "body": body,
                         "sent_at": _at(moment, 9 + n, 15 * (n % 4)), "read": read})
        yield ({"id": thread_id, "member_id": member["id"], "subject": subject, "topic": topic,
                "updated_at": rows[-1]["sent_at"], "awaiting_reply": awaiting}, rows)


def _pdf(member: Row, title: str, lines: list[str], when: date) -> bytes:
    from .seed import PARIS
    from datetime import datetime, time

    service = caisse(member["caisse"])
    header = [service.name, service.address.line1, f"{service.address.postal_code} {service.address.city}", "",
              f"{member['first_name']} {member['last_name']}", f"Le {when.strftime('%d/%m/%Y')}"]
    return make_pdf(title, header, lines, created=datetime.combine(when, time(8), PARIS))


def _data(name: str) -> dict[str, Any]:
    """A TOML file of seed content from the package's data folder."""
    text = resources.files("msa_tui.mock_server").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(text)


def _slug(title: str) -> str:
    """An ASCII file name stem: "Relevé d'identité bancaire" → "releve-d-identite-bancaire"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60]


def documents(ids: Ids, pierre: Row, sophie: Row, antoine: Row, start: date) -> Iterator[tuple[Row, bytes]]:
    def doc(member: Row, title: str, direction: str, when: date, lines: list[str],
            reference: str | None = None) -> tuple[Row, bytes]:
        data = _pdf(member, title, lines, when)
        row = {"id": ids("doc"), "member_id": member["id"], "title": title, "direction": direction,
               "date": _at(when, 10), "content_type": "application/pdf", "submission_reference": reference,
               "file_name": _slug(title) + ".pdf"}
        return row, data

    year = start.year
    for k in (1, 2, 3):
        month = _add_months(start, -k)
        yield doc(pierre, f"Relevé mensuel de prestations – {_month(month)}", "received", month.replace(day=8),
                  [f"Prestations versées en {_month(month)} : allocations familiales, prime d'activité, "
                   "remboursements de soins."])
    members = {"pierre": pierre, "sophie": sophie, "antoine": antoine}
    for kept in _data("documents.toml")["document"]:
        reference = kept.get("reference")
        yield doc(members[kept["member"]], kept["title"], kept["direction"],
                  _add_months(start, -kept["months_ago"]).replace(day=kept["day"]), [kept["text"]],
                  reference.format(year=year, last_year=year - 1) if reference else None)


def requests(ids: Ids, pierre: Row, sophie: Row, antoine: Row, start: date) -> Iterator[Row]:
    from .catalogue_data import FORMS

    # (member, request type, days ago, [(status, comment)], answers)
    specs: list[tuple[Row, str, int, list[tuple[str, str | None]], dict[str, Any]]] = [
        (pierre, "css", 150, [("deposee", None), ("en_cours", "Dossier en cours d'étude."),
                              ("acceptee", "Complémentaire santé solidaire accordée pour 12 mois.")],
         {"foyer_personnes": 4, "ressources_annuelles": 24800.0, "organisme": "msa"}),
        (pierre, "changement_situation", 20, [("deposee", None), ("en_cours", None),
                                               ("pieces_demandees", "Merci d'envoyer un justificatif de domicile.")],
         {"nature": "demenagement", "date_effet": _add_months(start, -1).isoformat(),
          "precisions": "Nouvelle adresse"}),
        (pierre, "carte_assurance_maladie", 8, [("deposee", None)],
         {"carte": "ceam", "personne": "Lucas Martin", "motif": "Séjour linguistique en Espagne"}),
        (sophie, "aide_logement", 200, [("deposee", None), ("en_cours", None), ("acceptee", "Droit ouvert.")],
         {"loyer_mensuel": 520.0, "date_entree": _add_months(start, -8).isoformat(), "colocation": False}),
        (sophie, "asf", 35, [("deposee", None), ("en_cours", "Votre demande est à l'étude.")],
         {"enfant": "Maël Le Gall", "situation": "parent_isole", "pension_versee": False}),
        (antoine, "retraite", 700, [("deposee", None), ("en_cours", None), ("acceptee", "Retraite attribuée.")],
         {"date_depart": _add_months(start, -20).isoformat(), "regime": "exploitant"}),
        (antoine, "css", 90, [("deposee", None), ("refusee", "Vos ressources dépassent le plafond.")],
         {"foyer_personnes": 1, "ressources_annuelles": 16200.0, "organisme": "msa"}),
    ]
    for member, kind, days_ago, steps, answers in specs:
        first = start - timedelta(days=days_ago)
        timeline = [{"status": status, "at": _at(first + timedelta(days=6 * n), 11), "comment": comment}
                    for n, (status, comment) in enumerate(steps)]
        yield {"id": ids("req"), "member_id": member["id"], "type": kind, "label": FORMS[kind].label,
               "status": steps[-1][0], "filed_at": timeline[0]["at"], "updated_at": timeline[-1]["at"],
               "answers": answers, "timeline": timeline}


def declarations(ids: Ids, pierre: Row, sophie: Row, start: date) -> Iterator[Row]:
    for member, benefit, base in ((sophie, "rsa", 610.0), (pierre, "prime_activite", 1480.0)):
        for k in range(4):
            covered = _add_months(start, -3 - 3 * k)
            quarter = f"{covered.year}-T{(covered.month - 1) // 3 + 1}"
            due = _add_months(start, 1 - 3 * k) - timedelta(days=1)
            filed = k > 0
            yield {"id": ids("dcl"), "member_id": member["id"], "benefit": benefit, "quarter": quarter,
                   "status": "deposee" if filed else "a_faire", "due_date": due.isoformat(),
                   "filed_at": _at(due - timedelta(days=9), 20) if filed else None,
                   "resources": {"salaires": round(base * 3 * (1 + k / 20), 2), "chomage": 0.0, "pensions": 0.0,
                                 "autres": 0.0} if filed else None}


def quotients(pierre: Row, sophie: Row, start: date) -> Iterator[Row]:
    computed = date(start.year, 1, 1).isoformat()
    # QF = annual reference income / 12 / parts (2 parts for a couple or a lone parent, +0.5 per child).
    for member, income, parts in ((pierre, 32400.0, 3.0), (sophie, 15000.0, 2.5)):
        yield {"member_id": member["id"], "value": int(income / 12 / parts), "year": start.year - 2,
               "parts": parts, "reference_income": income, "computed_at": computed}
