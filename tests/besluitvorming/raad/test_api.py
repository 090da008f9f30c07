"""The council's API: submission, inbox and decision; problem+json; the schema."""

import datetime

import pytest
from rest_framework.test import APIClient

from besluitvorming.models import Raadsbesluit
from tests.besluitvorming.raad.conftest import klare_versie
from wup.constants import Fase

PROBLEM = "application/problem+json"
VANDAAG = datetime.date.today().isoformat()


@pytest.fixture
def api():
    return APIClient()


def test_submit_through_the_api(api, uitvoeringsplan, projectleider, snel):
    url = f"/api/v1/wijkplannen/{uitvoeringsplan.pk}/raad/aanbieding"
    api.force_authenticate(projectleider)
    data = api.get(url).json()
    assert data["kanAanbieden"] and data["versie"] is None
    pdf = next(v for v in data["voorwaarden"] if v["sleutel"] == "besluitvorming.pdf")
    assert not pdf["voldaan"] and "Maak eerst een PDF" in pdf["reden"]
    geweigerd = api.post(url, {}, format="json")
    assert geweigerd.status_code == 409 and geweigerd["Content-Type"].startswith(PROBLEM)

    versie = klare_versie(uitvoeringsplan, projectleider)
    assert api.get(url).json()["versie"]["sha256"] == versie.sha256
    response = api.post(url, {"motivatie": "Klaar voor de raad."}, format="json")
    assert response.status_code == 201
    assert response.json()["versie"]["nummer"] == versie.nummer
    uitvoeringsplan.refresh_from_db()
    assert uitvoeringsplan.fase == Fase.TER_BESLUITVORMING


def test_inbox_and_decision_through_the_api(
    api, bij_de_raad, griffier, projectleider, beheerder, django_capture_on_commit_callbacks
):
    inbox = "/api/v1/raad/inbox"
    url = f"/api/v1/wijkplannen/{bij_de_raad.pk}/raad/besluit"
    invoer = {"uitkomst": "vastgesteld", "besluitdatum": VANDAAG, "besluitnummer": "2026-041"}
    assert api.get(inbox).status_code == 401
    assert api.post(url, invoer, format="json").status_code == 401
    for user in (projectleider, beheerder):
        api.force_authenticate(user)
        assert api.get(inbox).status_code == 403
        response = api.post(url, invoer, format="json")
        assert response.status_code == 403 and response["Content-Type"].startswith(PROBLEM)
    assert not Raadsbesluit.objects.exists()

    api.force_authenticate(griffier)
    regels = api.get(inbox).json()
    assert [r["id"] for r in regels] == [bij_de_raad.pk]
    assert regels[0]["aanbieding"]["versie"]["nummer"] == 1
    assert api.get(url).json()["kanVastleggen"] is True
    fout = api.post(url, {**invoer, "uitkomst": "teruggestuurd"}, format="json")
    assert fout.status_code == 400 and fout["Content-Type"].startswith(PROBLEM)
    assert {p["name"] for p in fout.json()["invalidParams"]} >= {"redenen"}
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(url, invoer, format="json")
    assert response.status_code == 201
    assert response.json()["vastgesteldeVersie"]["nummer"] == 1
    data = api.get(url).json()
    assert data["fase"] == Fase.VASTGESTELD and data["definitieveVersie"]["definitief"]
    # a second decision on an adopted plan is refused
    again = api.post(url, invoer, format="json")
    assert again.status_code == 403 and again["Content-Type"].startswith(PROBLEM)
    assert api.get(inbox).json() == []


def test_the_operations_are_in_the_openapi_document(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/wijkplannen/{id}/raad/aanbieding"]) >= {"get", "post"}
    assert set(paths["/api/v1/wijkplannen/{id}/raad/besluit"]) >= {"get", "post"}
    assert "get" in paths["/api/v1/raad/inbox"]
