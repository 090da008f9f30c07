"""The API of the implementation plan: the composition, its items and the Wgiw safeguards;
same access as the pages, problem+json errors, in the schema."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from besluitvorming.models import Randvoorwaarde, Waarborg
from tests import factories
from tests.besluitvorming.uitvoeringsplan.hulp import compleet, uvpplan
from wup.models import Wijkplan

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def api(projectleider):
    client = APIClient()
    client.force_authenticate(projectleider)
    return client


@pytest.fixture
def plan(gemeente, projectleider):
    return uvpplan(gemeente, projectleider)


def _basis(plan) -> str:
    return f"/api/v1/wijkplannen/{plan.pk}"


def _namen(response) -> set[str]:
    assert response["Content-Type"].startswith(PROBLEM), response.content
    return {p["name"] for p in response.json()["invalidParams"]}


def test_the_composition_is_read_and_saved_with_its_warning(api, plan):
    url = f"{_basis(plan)}/uitvoeringsplan"
    r = api.get(url)
    assert r.status_code == 200 and r.json()["compleet"] is False
    r = api.put(
        url,
        {
            "einddatumGaslevering": "morgen",
            "aankondigingstermijnJaren": "x",
            "armoede": "n.v.t.",
        },
        format="json",
    )
    assert r.status_code == 400
    assert _namen(r) == {"einddatumGaslevering", "aankondigingstermijnJaren", "armoede"}
    r = api.put(
        url,
        {
            "einddatumGaslevering": "2040-01-01",
            "aankondigingstermijnJaren": 5,
            "leefbaarheid": "Meer groen.",
        },
        format="json",
    )
    assert r.status_code == 200, r.content
    data = r.json()
    assert data["einddatumGaslevering"] == "2040-01-01"
    assert data["bredeAgenda"]["leefbaarheid"] == "Meer groen."
    assert "korter dan de norm van 8 jaar" in data["waarschuwingen"][0]


def test_items_are_listed_added_changed_and_removed(api, plan):
    basis = f"{_basis(plan)}/uitvoeringsplan"
    r = api.post(f"{basis}/randvoorwaarden", {"tekst": ""}, format="json")
    assert r.status_code == 400 and _namen(r) == {"tekst"}
    r = api.post(f"{basis}/randvoorwaarden", {"tekst": "Netcapaciteit."}, format="json")
    assert r.status_code == 201 and r["Location"] == r.json()["url"]
    url = r.json()["url"]
    r = api.put(url, {"tekst": "Genoeg netcapaciteit."}, format="json")
    assert r.status_code == 200 and r.json()["tekst"] == "Genoeg netcapaciteit."
    assert [x["tekst"] for x in api.get(f"{basis}/randvoorwaarden").json()] == [
        "Genoeg netcapaciteit."
    ]
    r = api.post(
        f"{basis}/processtappen",
        {"naam": "Aanleg", "verantwoordelijke": "Warmtebedrijf"},
        format="json",
    )
    assert r.status_code == 201 and r.json()["omschrijving"] == ""
    r = api.post(
        f"{basis}/besluiten",
        {"orgaan": "raad", "onderwerp": "Omgevingsplan", "beoogdeDatum": "2027-13-01"},
        format="json",
    )
    assert r.status_code == 400 and _namen(r) == {"orgaan", "beoogdeDatum"}
    r = api.post(
        f"{basis}/besluiten",
        {"orgaan": "gemeenteraad", "onderwerp": "Omgevingsplan", "beoogdeDatum": "2027-03-01"},
        format="json",
    )
    assert r.status_code == 201 and r.json()["orgaanLabel"] == "Gemeenteraad"
    assert api.delete(url).status_code == 204
    assert not Randvoorwaarde.objects.exists()
    overzicht = api.get(basis).json()
    assert len(overzicht["processtappen"]) == 1 and len(overzicht["benodigdeBesluiten"]) == 1


def test_the_safeguards_are_read_with_evidence_and_answered(api, plan):
    basis = f"{_basis(plan)}/wgiw-waarborgen"
    r = api.get(basis)
    assert r.status_code == 200
    punten = r.json()
    assert [p["punt"] for p in punten] == Waarborg.Punt.values
    assert punten[0]["bewijs"]["url"].endswith(f"/wijkplannen/{plan.pk}/uitwerking/woonlasten")
    r = api.put(f"{basis}/betaalbaarheid", {"antwoord": "", "status": "ja"}, format="json")
    assert r.status_code == 400 and _namen(r) == {"antwoord", "status"}
    r = api.put(
        f"{basis}/betaalbaarheid",
        {"antwoord": "Woonlastenneutraal.", "status": "voldaan_met_voorwaarden"},
        format="json",
    )
    assert r.status_code == 200, r.content
    assert r.json()["beantwoord"] and "woonlasten" in r.json()["bewijsBijAntwoord"]
    r = api.put(f"{basis}/iets", {"antwoord": "x", "status": "voldaan"}, format="json")
    assert r.status_code == 404 and r["Content-Type"] == PROBLEM


def test_a_wish_is_taken_in_through_the_api(api, plan):
    from participatie.models import Inbreng

    Inbreng.objects.create(
        wijkplan=plan,
        soort="vraag",
        tekst="Wat kost het?",
        antwoord="Niets.",
        status="gepubliceerd",
    )
    basis = f"{_basis(plan)}/uitvoeringsplan/wensen"
    [w] = api.get(basis).json()
    assert (w["vraag"], w["opgenomen"]) == ("Wat kost het?", False)
    r = api.put(w["url"], {"opgenomen": True, "notitie": ""}, format="json")
    assert r.status_code == 400 and _namen(r) == {"notitie"}
    r = api.put(w["url"], {"opgenomen": True, "notitie": "Vaste prijs."}, format="json")
    assert r.status_code == 200 and r.json()["opgenomen"] is True
    verborgen = Inbreng.objects.create(wijkplan=plan, soort="vraag", tekst="?", status="nieuw")
    r = api.put(f"{basis}/{verborgen.pk}", {"opgenomen": False}, format="json")
    assert r.status_code == 404 and r["Content-Type"] == PROBLEM


def test_others_read_or_are_refused_and_a_frozen_plan_is_409(
    plan, projectleider, gemeente, beheerder
):
    compleet(plan, projectleider)
    basis = _basis(plan)
    client = APIClient()
    r = client.get(f"{basis}/uitvoeringsplan")
    assert r.status_code == 401 and r["Content-Type"] == PROBLEM
    client.force_authenticate(beheerder)
    assert client.get(f"{basis}/uitvoeringsplan").status_code == 200
    r = client.post(f"{basis}/uitvoeringsplan/randvoorwaarden", {"tekst": "X"}, format="json")
    assert r.status_code == 403 and r["Content-Type"] == PROBLEM
    client.force_authenticate(factories.projectleider(gemeente, username="collega"))
    for pad in ("uitvoeringsplan", "uitvoeringsplan/processtappen", "wgiw-waarborgen"):
        r = client.get(f"{basis}/{pad}")
        assert r.status_code == 403 and r["Content-Type"] == PROBLEM, pad
    r = client.put(
        f"{basis}/wgiw-waarborgen/participatie",
        {"antwoord": "x", "status": "voldaan"},
        format="json",
    )
    assert r.status_code == 403
    rv = Randvoorwaarde.objects.get()
    andere = uvpplan(gemeente, projectleider)
    api = APIClient()
    api.force_authenticate(projectleider)
    assert api.get(f"{_basis(andere)}/uitvoeringsplan/randvoorwaarden/{rv.pk}").status_code == 404
    Wijkplan.objects.filter(pk=plan.pk).update(fase="vastgesteld")
    r = api.post(f"{basis}/uitvoeringsplan/randvoorwaarden", {"tekst": "X"}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM
    assert not Randvoorwaarde.objects.filter(tekst="X").exists()


def test_the_endpoints_are_documented(api):
    paden = set(api.get("/api/v1/openapi.json").json()["paths"])
    basis = "/api/v1/wijkplannen/{id}"
    assert {
        f"{basis}/uitvoeringsplan",
        f"{basis}/uitvoeringsplan/randvoorwaarden",
        f"{basis}/uitvoeringsplan/randvoorwaarden/{{randvoorwaardeId}}",
        f"{basis}/uitvoeringsplan/processtappen/{{processtapId}}",
        f"{basis}/uitvoeringsplan/besluiten/{{benodigdBesluitId}}",
        f"{basis}/uitvoeringsplan/wensen/{{inbrengId}}",
        f"{basis}/wgiw-waarborgen",
        f"{basis}/wgiw-waarborgen/{{punt}}",
    } <= paden
