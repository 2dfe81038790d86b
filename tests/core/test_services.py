"""Catalogue routes: every seeded service leads somewhere (a page, a form or a note), by kind then by code."""

from __future__ import annotations

import pytest

from msa_tui.api.models import Service
from msa_tui.mock_server.catalogue_data import CATALOGUE, FORMS
from msa_tui.screens.registry import PAGES
from msa_tui.core.services import FALLBACK_INFO, route_for


def svc(code: str, kind: str = "page", request_type: str | None = None) -> Service:
    return Service(code=code, label=code, kind=kind, request_type=request_type)  # type: ignore[arg-type]


def test_a_request_opens_its_form():
    route = route_for(svc("rsa", "request", "rsa"))
    assert (route.kind, route.page, route.kwargs) == ("page", "request_form", {"request_type": "rsa"})


@pytest.mark.parametrize("code, page", [
    ("paiements", "payments"), ("attestation_droits_rsa", "attestations"), ("attestation_paiement", "attestations"),
    ("message", "messages"), ("envoyer_document", "send_document"), ("documents", "documents"),
    ("coordonnees", "profile"), ("rendez_vous", "appointments"), ("procuration_demander", "procurations"),
    ("procurations", "procurations"), ("quotient_familial", "quotient_familial"),
])
def test_known_codes_open_their_page(code, page):
    route = route_for(svc(code, "consultation"))
    assert (route.kind, route.page) == ("page", page)


def test_declarations_open_the_declarations_page():
    assert route_for(svc("declarations_rsa", "declaration")).page == "declarations"


def test_external_and_unknown_services_explain_in_french():
    assert "Mémo Santé Enfant" in route_for(svc("memo_sante_enfant", "external")).message
    route = route_for(svc("something_new", "external"))
    assert route.kind == "info" and route.message == FALLBACK_INFO


def test_every_seeded_service_routes_to_a_registered_page_or_a_note():
    for category in CATALOGUE:
        for service in category.services:
            route = route_for(service)
            if route.kind == "page":
                assert route.page in PAGES, service.code
                if route.page == "request_form":
                    assert route.kwargs["request_type"] in FORMS
            else:
                assert route.message and route.message != FALLBACK_INFO, service.code
