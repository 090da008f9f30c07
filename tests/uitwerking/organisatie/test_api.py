"""API of the organisation: the same access as the plan, writes by its projectleider only,
errors as problem+json naming the field, the matrix replaced as a whole."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.uitwerking.organisatie.hulp import GISTEREN, compleet, rollen_verdelen, uitwerkingplan
from uitwerking.models import Partij, Risico, Rol
from uitwerking.selectors import organisatie as selectors
from wup.models import Besluit, Wijkplan

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def api(projectleider):
    client = APIClient()
    client.force_authenticate(projectleider)
    return client


@pytest.fixture
def plan(gemeente, projectleider):
    return uitwerkingplan(gemeente, projectleider)


def _basis(plan) -> str:
    return f"/api/v1/wijkplannen/{plan.pk}/uitwerking"


def _namen(response) -> set[str]:
    assert response["Content-Type"] == PROBLEM, response.content
    return {p["name"] for p in response.json()["invalidParams"]}


def test_parties_are_listed_added_changed_and_removed(api, plan):
    basis = _basis(plan)
    r = api.post(f"{basis}/partijen/standaard")
    assert r.status_code == 200 and len(r.json()) == 5
    r = api.post(f"{basis}/partijen", {"naam": "Aannemer", "soort": "marktpartij"}, format="json")
    assert r.status_code == 201, r.content
    p = r.json()
    assert r["Location"] == p["url"] and p["soortLabel"] == "Marktpartij of aannemer"
    r = api.patch(p["url"], {"naam": "Aannemer Bouw BV"}, format="json")
    assert r.status_code == 200 and r.json()["naam"] == "Aannemer Bouw BV"
    assert r.json()["soort"] == "marktpartij"
    r = api.post(f"{basis}/partijen", {"naam": "X", "soort": "anders", "kleur": 1}, format="json")
    assert r.status_code == 400 and _namen(r) == {"kleur"}
    r = api.post(f"{basis}/partijen", {"naam": "", "soort": "x"}, format="json")
    assert r.status_code == 400 and _namen(r) == {"naam", "soort"}
    assert api.delete(p["url"]).status_code == 204
    assert api.get(p["url"]).status_code == 404
    assert len(api.get(f"{basis}/partijen").json()) == 5


def test_activities_and_the_matrix(api, plan):
    basis = _basis(plan)
    api.post(f"{basis}/partijen/standaard")
    r = api.post(f"{basis}/activiteiten/standaard")
    assert r.status_code == 200 and len(r.json()) == 8
    partijen = {p["naam"]: p["id"] for p in api.get(f"{basis}/partijen").json()}
    activiteiten = [a["id"] for a in api.get(f"{basis}/activiteiten").json()]
    rollen = [{"activiteit": a, "partij": partijen["Gemeente"], "rol": "A"} for a in activiteiten]
    r = api.put(f"{basis}/raci", {"rollen": rollen}, format="json")
    assert r.status_code == 400
    assert _namen(r) == {f"activiteiten.{a}" for a in activiteiten}
    assert "(R)" in r.json()["invalidParams"][0]["reason"]
    assert not Rol.objects.exists()
    rollen += [
        {"activiteit": a, "partij": partijen["Warmtebedrijf"], "rol": "R"} for a in activiteiten
    ]
    rollen[0] = {**rollen[0], "rol": "Q"}
    r = api.put(f"{basis}/raci", {"rollen": rollen}, format="json")
    assert r.status_code == 400 and _namen(r) == {"rollen.0.rol"}
    rollen[0] = {**rollen[0], "rol": "a"}
    r = api.put(f"{basis}/raci", {"rollen": rollen}, format="json")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["geldig"] and len(body["rollen"]) == 16 and body["akkoord"] is None
    r = api.put(f"{basis}/raci", {"rollen": rollen + rollen[:1]}, format="json")
    assert r.status_code == 400 and _namen(r) == {"rollen.16"}


def test_the_agreement_and_its_lapse(api, plan, projectleider):
    basis = _basis(plan)
    r = api.post(
        f"{basis}/rollen-akkoord",
        {"datum": GISTEREN.isoformat(), "orgaan": "college"},
        format="json",
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    rollen_verdelen(plan, projectleider)
    r = api.post(
        f"{basis}/rollen-akkoord",
        {"datum": GISTEREN.isoformat(), "orgaan": "college", "kenmerk": "B&W-3"},
        format="json",
    )
    assert r.status_code == 201, r.content
    assert r.json()["actueel"] and r.json()["besluit"]
    assert Besluit.objects.filter(pk=r.json()["besluit"], bron="uitwerking_rollen").exists()
    r = api.post(f"{basis}/rollen-akkoord", {"datum": "gisteren", "orgaan": "x"}, format="json")
    assert r.status_code == 400 and _namen(r) == {"datum"}
    # removing an activity changes the matrix: the agreement lapses
    a = selectors.activiteiten_van(plan)[0]
    assert api.delete(f"{basis}/activiteiten/{a.pk}").status_code == 204
    lijst = api.get(f"{basis}/rollen-akkoord").json()
    assert [x["actueel"] for x in lijst] == [False]
    assert api.get(f"{basis}/raci").json()["akkoord"]["actueel"] is False


def test_governance(api, plan):
    basis = _basis(plan)
    r = api.post(
        f"{basis}/governance",
        {
            "model": "publiek",
            "motivatie": "te kort",
            "datum": GISTEREN.isoformat(),
            "orgaan": "college",
        },
        format="json",
    )
    assert r.status_code == 400 and _namen(r) == {"motivatie"}
    r = api.post(
        f"{basis}/governance",
        {
            "model": "corporatie",
            "motivatie": "De corporatie bezit 80% van de woningen in de buurt.",
            "datum": GISTEREN.isoformat(),
            "orgaan": "stuurgroep",
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    assert r.json()["huidig"] and r.json()["modelLabel"] == "Collectief van de woningcorporatie"
    assert "woningcorporatie" in r.json()["uitleg"]
    assert len(api.get(f"{basis}/governance").json()) == 1


def test_risks_and_phases(api, plan, projectleider):
    partijen = rollen_verdelen(plan, projectleider)
    basis = _basis(plan)
    r = api.post(
        f"{basis}/risicos",
        {"titel": "Vertraging", "categorie": "planning", "kans": 6, "impact": "x", "eigenaar": 0},
        format="json",
    )
    assert r.status_code == 400 and _namen(r) == {"kans", "impact", "eigenaar"}
    r = api.post(
        f"{basis}/risicos",
        {
            "titel": "Vertraging",
            "categorie": "planning",
            "kans": 3,
            "impact": 5,
            "eigenaar": partijen["Netbeheerder"],
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    risico = r.json()
    assert (risico["score"], risico["hoog"], risico["status"]) == (15, True, "open")
    assert risico["eigenaarNaam"] == "Netbeheerder"
    r = api.patch(risico["url"], {"status": "beheerst"}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "beheerst"
    assert r.json()["eigenaar"] == partijen["Netbeheerder"]
    assert api.delete(risico["url"]).status_code == 204
    r = api.post(
        f"{basis}/planning",
        {"naam": "Aanleg", "begindatum": "2027-05-01", "einddatum": "2027-04-01"},
        format="json",
    )
    assert r.status_code == 400 and _namen(r) == {"einddatum"}
    r = api.post(
        f"{basis}/planning",
        {"naam": "Aanleg", "begindatum": "2027-05-01", "einddatum": "2027-09-01"},
        format="json",
    )
    assert r.status_code == 201, r.content
    r = api.patch(r.json()["url"], {"einddatum": "2027-04-30"}, format="json")
    assert r.status_code == 400 and _namen(r) == {"einddatum"}


def test_others_read_or_are_refused_and_a_frozen_plan_is_409(
    plan, projectleider, gemeente, beheerder
):
    compleet(plan, projectleider)
    basis = _basis(plan)
    client = APIClient()
    assert client.get(f"{basis}/risicos")["Content-Type"] == PROBLEM
    assert client.get(f"{basis}/risicos").status_code == 401
    client.force_authenticate(beheerder)
    assert client.get(f"{basis}/raci").status_code == 200
    r = client.post(f"{basis}/partijen", {"naam": "X", "soort": "anders"}, format="json")
    assert r.status_code == 403 and r["Content-Type"] == PROBLEM
    client.force_authenticate(factories.projectleider(gemeente, username="collega"))
    for pad in (
        "partijen",
        "activiteiten",
        "raci",
        "rollen-akkoord",
        "governance",
        "risicos",
        "planning",
    ):
        r = client.get(f"{basis}/{pad}")
        assert r.status_code == 403 and r["Content-Type"] == PROBLEM, pad
    r = Risico.objects.get()
    assert client.delete(f"{basis}/risicos/{r.pk}").status_code == 403
    andere = uitwerkingplan(gemeente, projectleider)
    api = APIClient()
    api.force_authenticate(projectleider)
    assert api.get(f"{_basis(andere)}/risicos/{r.pk}").status_code == 404
    Wijkplan.objects.filter(pk=plan.pk).update(fase="vastgesteld")
    r = api.post(f"{basis}/partijen", {"naam": "X", "soort": "anders"}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM
    assert not Partij.objects.filter(naam="X").exists()


def test_the_endpoints_are_documented(api):
    document = api.get("/api/v1/openapi.json").json()
    paden = set(document["paths"])
    basis = "/api/v1/wijkplannen/{id}/uitwerking"
    assert {
        f"{basis}/partijen",
        f"{basis}/partijen/{{organisatiepartijId}}",
        f"{basis}/activiteiten",
        f"{basis}/raci",
        f"{basis}/rollen-akkoord",
        f"{basis}/governance",
        f"{basis}/risicos",
        f"{basis}/risicos/{{risicoId}}",
        f"{basis}/planning",
        f"{basis}/planning/{{realisatiefaseId}}",
    } <= paden
