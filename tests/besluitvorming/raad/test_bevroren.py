"""After adoption nothing can change: pages refuse with the reason, the API with 409, and no
concept PDF can be made any more."""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from besluitvorming import services, services_raad
from besluitvorming.models import Documentversie, Raadsbesluit
from uitwerking.models import Partij, Risico
from wup.constants import Fase
from wup.exceptions import PlanFrozen
from wup.models import Besluit

PROBLEM = "application/problem+json"
VANDAAG = datetime.date.today()


@pytest.fixture
def vastgesteld(bij_de_raad, griffier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services_raad.raadsbesluit_vastleggen(
            plan=bij_de_raad,
            user=griffier,
            uitkomst="vastgesteld",
            besluitdatum=VANDAAG,
            besluitnummer="2026-041",
        )
    bij_de_raad.refresh_from_db()
    assert bij_de_raad.fase == Fase.VASTGESTELD and bij_de_raad.bevroren
    return bij_de_raad


def test_step_5_pages_and_api_refuse(client, vastgesteld, projectleider):
    client.force_login(projectleider)
    html = unescape(
        client.get(reverse("uitwerking-risicos", args=[vastgesteld.pk])).content.decode()
    )
    assert reverse("uitwerking-risico-nieuw", args=[vastgesteld.pk]) not in html
    response = client.post(
        reverse("uitwerking-partij-nieuw", args=[vastgesteld.pk]), {"naam": "X", "soort": "anders"}
    )
    assert response.status_code == 409
    response = client.post(
        reverse("uitwerking-risico-nieuw", args=[vastgesteld.pk]),
        {"titel": "Vertraging", "categorie": "planning", "kans": 2, "impact": 3},
    )
    assert response.status_code == 409
    api = APIClient()
    api.force_authenticate(projectleider)
    basis = f"/api/v1/wijkplannen/{vastgesteld.pk}/uitwerking"
    r = api.post(f"{basis}/partijen", {"naam": "X", "soort": "anders"}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM
    assert not Partij.objects.filter(naam="X").exists() and not Risico.objects.exists()


def test_step_4_and_the_decisions_log_refuse(client, vastgesteld, projectleider):
    api = APIClient()
    api.force_authenticate(projectleider)
    r = api.post(
        f"/api/v1/wijkplannen/{vastgesteld.pk}/besluiten",
        {"datum": VANDAAG.isoformat(), "orgaan": "college", "besluit": "Nog iets."},
        format="json",
    )
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM
    client.force_login(projectleider)
    response = client.post(reverse("keuze-criterium-nieuw", args=[vastgesteld.pk]), {"naam": "X"})
    assert response.status_code == 409
    assert Besluit.objects.filter(wijkplan=vastgesteld).count() == 1  # the council's


def test_step_6_refuses_a_new_submission_and_a_new_decision(
    client, vastgesteld, projectleider, griffier
):
    client.force_login(projectleider)
    response = client.post(reverse("besluitvorming-raad-aanbieden", args=[vastgesteld.pk]), {})
    assert response.status_code == 409
    assert "niet mogelijk in de fase" in unescape(response.content.decode())
    client.force_login(griffier)
    html = client.get(reverse("besluitvorming-raad-besluit", args=[vastgesteld.pk])).content
    assert b'name="uitkomst"' not in html
    assert "kan niet meer worden gewijzigd" in unescape(html.decode())
    response = client.post(
        reverse("besluitvorming-raad-besluit", args=[vastgesteld.pk]), {"uitkomst": "vastgesteld"}
    )
    assert response.status_code == 403
    api = APIClient()
    api.force_authenticate(projectleider)
    r = api.post(f"/api/v1/wijkplannen/{vastgesteld.pk}/raad/aanbieding", {}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM
    assert Raadsbesluit.objects.count() == 1


def test_an_adopted_plan_keeps_its_one_final_pdf(vastgesteld, projectleider, beheerder, client):
    """After adoption the final PDF is the plan as the council adopted it: no second version
    (a later rendering would read parameters and other figures as they are by then), from the
    service, the page or the API."""
    definitief = Documentversie.objects.filter(wijkplan=vastgesteld, definitief=True)
    if not definitief.exists():
        services.documentversie_aanvragen(plan=vastgesteld, user=projectleider)
    aantal = Documentversie.objects.filter(wijkplan=vastgesteld).count()
    for user in (projectleider, beheerder):
        with pytest.raises(PlanFrozen, match="definitieve versie"):
            services.documentversie_aanvragen(plan=vastgesteld, user=user)
    client.force_login(projectleider)
    pagina = reverse("besluitvorming-versies", args=[vastgesteld.pk])
    antwoord = client.post(pagina, follow=True)
    assert "definitieve versie" in antwoord.content.decode()
    assert "PDF maken" not in client.get(pagina).content.decode()
    api = APIClient()
    api.force_authenticate(projectleider)
    antwoord = api.post(f"/api/v1/wijkplannen/{vastgesteld.pk}/document/versies", {}, format="json")
    assert antwoord.status_code == 409
    assert antwoord["Content-Type"] == "application/problem+json"
    assert Documentversie.objects.filter(wijkplan=vastgesteld).count() == aantal
    assert not Documentversie.objects.filter(
        wijkplan=vastgesteld, definitief=False, fase=Fase.VASTGESTELD
    ).exists()
