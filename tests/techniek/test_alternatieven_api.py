"""API of a plan's alternatives: same access as the plan, writes by its projectleider only,
calculation in the background (202 + the address of the calculation), errors as problem+json."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from tests import factories
from tests.techniek.alternatieven_hulp import WONINGEN_CSV, cbs_cijfers, pbl_set, volledige_set

URLS = "tests.techniek.urls_alternatieven"
pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    return APIClient()


def _basis(plan) -> str:
    return f"/api/v1/wijkplannen/{plan.pk}"


def test_the_projectleider_builds_stock_alternatives_and_a_calculation(
    api, plan, projectleider, beheerder, django_capture_on_commit_callbacks
):
    volledige_set(beheerder)
    api.force_authenticate(projectleider)
    basis = _basis(plan)
    leeg = api.get(f"{basis}/gebouwvoorraad").json()
    assert leeg["vastgelegd"] is False and leeg["woningen"] == []

    cbs_cijfers(plan.buurten.first().code, woningen=250)
    r = api.put(
        f"{basis}/gebouwvoorraad", {"bron": "cbs", "gemiddeldeOppervlakte": 95}, format="json"
    )
    assert r.status_code == 200, r.content
    assert (
        r.json()["vastgelegd"]
        and r.json()["bron"] == "cbs"
        and r.json()["aantalWoningen"] == pytest.approx(250)
    )

    r = api.put(
        f"{basis}/gebouwvoorraad",
        {"bestand": _bestand(WONINGEN_CSV)},
        format="multipart",
    )
    assert r.status_code == 200, r.content
    assert r.json()["bron"] == "tabel" and r.json()["aantalWoningen"] == 160

    r = api.post(f"{basis}/alternatieven", {"standaard": True}, format="json")
    assert r.status_code == 201 and len(r.json()) == 8
    alt = r.json()[0]
    assert alt["berekening"] is None and alt["doorgerekend"] is False

    r = api.patch(alt["url"], {"schets": "Elke woning een luchtwarmtepomp."}, format="json")
    assert r.status_code == 200 and r.json()["schets"] == "Elke woning een luchtwarmtepomp."

    with django_capture_on_commit_callbacks(execute=True):
        r = api.post(f"{alt['url']}/berekenen")
    assert r.status_code == 202, r.content
    assert r["Location"].endswith(f"/alternatieven/{alt['id']}/berekening")
    b = api.get(r["Location"]).json()
    assert b["status"] == "klaar" and b["voortgang"] == 100 and b["verouderd"] is False
    indicatoren = {i["indicator"] for i in b["samenvatting"]["nationaleKosten"]["basis"]}
    assert {"H16_Nat_meerkost", "H17_Nat_meerkost_CO2"} <= indicatoren
    assert len(b["reeksen"]["winterweek"]["vraag"]) == 168

    lijst = api.get(f"{basis}/alternatieven").json()
    assert lijst[0]["doorgerekend"] is True and lijst[1]["doorgerekend"] is False


def _bestand(tekst: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("voorraad.csv", tekst.encode(), content_type="text/csv")


def test_an_incomplete_parameter_set_is_a_readable_failure(
    api, plan, projectleider, django_capture_on_commit_callbacks
):
    pbl_set()
    api.force_authenticate(projectleider)
    basis = _basis(plan)
    api.put(f"{basis}/gebouwvoorraad", {"bestand": _bestand(WONINGEN_CSV)}, format="multipart")
    alt = api.post(f"{basis}/alternatieven", {"sjabloon": "S2a_B_Restwarmte"}, format="json")
    url = alt.json()[0]["url"]
    with django_capture_on_commit_callbacks(execute=True):
        r = api.post(f"{url}/berekenen")
    assert r.status_code == 202
    b = api.get(f"{url}/berekening").json()
    assert b["status"] == "fout" and "parameterset" in b["melding"]
    assert b["problemen"] and {"plaats", "melding"} == set(b["problemen"][0])


def test_bad_input_is_a_problem_naming_the_field(api, plan, projectleider):
    api.force_authenticate(projectleider)
    basis = _basis(plan)
    r = api.put(
        f"{basis}/gebouwvoorraad", {"bron": "cbs", "gemiddeldeOppervlakte": 90}, format="json"
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert "CBS" in r.json()["detail"] or "CBS" in str(r.json())
    r = api.post(
        f"{basis}/alternatieven",
        {"sjabloon": "S1a_B_LuchtWP", "naam": "V", "parameters": {"Onbekend": 1}},
        format="json",
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert any(p["name"] == "parameters" for p in r.json()["invalidParams"])
    r = api.post(
        f"{basis}/alternatieven", {"sjabloon": "S1a_B_LuchtWP", "fase": "x"}, format="json"
    )
    assert r.status_code == 400
    r = api.post(f"{basis}/alternatieven/999/berekenen")
    assert r.status_code == 404 and r["Content-Type"] == PROBLEM
    alt = api.post(f"{basis}/alternatieven", {"sjabloon": "S1a_B_LuchtWP"}, format="json").json()[0]
    r = api.post(f"{alt['url']}/berekenen")
    assert r.status_code == 400 and "gebouwvoorraad" in str(r.json())


def test_access_is_that_of_the_plan(api, plan, projectleider, gemeente, beheerder, griffier):
    api.force_authenticate(projectleider)
    basis = _basis(plan)
    alt = api.post(f"{basis}/alternatieven", {"sjabloon": "S1a_B_LuchtWP"}, format="json").json()[0]

    andere = factories.projectleider(gemeente, username="andere")
    for gebruiker, lezen in ((andere, 403), (griffier, 403), (beheerder, 200)):
        api.force_authenticate(gebruiker)
        assert api.get(f"{basis}/alternatieven").status_code == lezen
        assert api.get(alt["url"]).status_code == lezen
        r = api.patch(alt["url"], {"schets": "x"}, format="json")
        assert r.status_code == 403 and r["Content-Type"] == PROBLEM
        assert api.post(f"{alt['url']}/berekenen").status_code == 403
    api.force_authenticate(None)
    assert api.get(f"{basis}/alternatieven").status_code == 401


def test_a_frozen_plan_is_a_409(api, gemeente, projectleider):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, fase="vastgesteld"
    )
    api.force_authenticate(projectleider)
    r = api.post(f"{_basis(plan)}/alternatieven", {"standaard": True}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM


def test_the_schema_is_valid():
    schema = SchemaGenerator(urlconf=URLS).get_schema(request=None, public=True)
    validate_schema(schema)
    assert "/api/v1/wijkplannen/{id}/alternatieven/{altId}/berekenen" in schema["paths"]
