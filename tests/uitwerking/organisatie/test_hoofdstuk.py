"""The chapter "Organisatie en governance" of the plan document: parties, roles, governance,
risks with their matrix and the planning with its timeline; no names of people."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.uitwerking.organisatie.hulp import GISTEREN, compleet, uitwerkingplan
from uitwerking.services import organisatie as services
from wup.document import samenstellen

pytestmark = pytest.mark.django_db


def test_the_chapter_shows_the_organisation_without_names_of_people(gemeente, projectleider):
    plan = uitwerkingplan(gemeente, projectleider)
    leeg = next(h for h in samenstellen(plan) if h.titel == "Organisatie en governance")
    assert "De partijen en hun rollen zijn nog niet uitgewerkt." in leeg.html
    compleet(plan, projectleider)
    services.governance_vastleggen(
        wijkplan=plan,
        user=projectleider,
        model="cooperatie",
        motivatie="De bewoners willen samen eigenaar worden van het net.",
        datum=GISTEREN,
        orgaan="college",
    )
    hoofdstuk = next(h for h in samenstellen(plan) if h.titel == "Organisatie en governance")
    html = hoofdstuk.html
    for tekst in (
        "Partijen en rollen",
        "Warmtebedrijf",
        "Rollen per activiteit en partij",
        "De rollen zijn afgesproken op",
        "Coöperatie of bewonersinitiatief",
        "De bewoners willen samen eigenaar worden van het net.",
        "Te weinig aansluitingen",
        "wup-grafiek--risicomatrix",
        "Aanleg hoofdnet",
        "wup-grafiek--tijdlijn",
    ):
        assert tekst in html, tekst
    assert projectleider.last_name not in html and projectleider.username not in html


def test_the_chapter_is_in_the_document_page(client, gemeente, projectleider):
    plan = uitwerkingplan(gemeente, projectleider)
    compleet(plan, projectleider)
    client.force_login(projectleider)
    html = client.get(reverse("wijkplan-document", args=[plan.pk])).content.decode()
    assert "Organisatie en governance" in html and "Risicomatrix" in html
