"""API of the housing costs: the current costs per household type, a new calculation from the
inputs with errors as problem+json naming the field, the history; same access as the plan and
a frozen plan refuses with 409."""

from __future__ import annotations

import pytest
from guardian.shortcuts import assign_perm
from rest_framework.test import APIClient

from tests import factories
from tests.uitwerking.woonlasten import hulp
from uitwerking.models import Woonlastenberekening
from wup.constants import Fase
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
    return hulp.woonlastenplan(gemeente, projectleider)


def _url(plan, rest="") -> str:
    return f"/api/v1/wijkplannen/{plan.pk}/uitwerking/woonlasten{rest}"


def test_nothing_computed_is_a_404_problem(api, plan):
    r = api.get(_url(plan))
    assert r.status_code == 404 and r["Content-Type"] == PROBLEM


def test_post_computes_and_get_reads_it(api, plan):
    r = api.post(
        _url(plan),
        {
            "huurverhogingCorporatie": "7,50",
            "warmtetarief": 30,
            "aantallen": [
                {"woningtype": "rijwoning tussen", "eigendom": "eigenaar-bewoner", "aantal": 50}
            ],
            "laagInkomen": [{"woningtype": "rijwoning tussen", "eigendom": "eigenaar-bewoner"}],
            "verbruik": [{"woningtype": "rijwoning tussen", "gasM3": 1250}],
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    data = r.json()
    assert data["alternatief"] == "Warmtenet" and not data["verouderd"]
    assert data["aantalTypen"] == 6 == len(data["huishoudtypen"])
    eerste = data["huishoudtypen"][0]
    assert eerste["sleutel"] == "rijwoning tussen|eigenaar-bewoner" and eerste["aantal"] == 50
    assert eerste["verbruik"]["gasM3Voor"] == 1250
    assert {"post", "voor", "na", "verschil"} <= set(eerste["regels"][0])
    corporatie = next(t for t in data["huishoudtypen"] if t["eigendom"] == "huurder corporatie")
    assert corporatie["financieringPerMaand"] == 7.5
    assert data["parametersetId"] and all(p["bron"] for p in data["parameters"])
    assert api.get(_url(plan)).json()["id"] == data["id"]
    historie = api.get(_url(plan, "/historie")).json()
    assert [h["id"] for h in historie] == [data["id"]]


def test_wrong_input_is_a_problem_naming_the_field_and_saves_nothing(api, plan):
    r = api.post(
        _url(plan),
        {
            "huurverhogingCorporatie": "veel",
            "aandelen": [
                {"eigendom": "eigenaar-bewoner", "procent": 50},
                {"eigendom": "huurder corporatie", "procent": 10},
                {"eigendom": "particuliere huurder", "procent": 10},
            ],
        },
        format="json",
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    namen = {p["name"] for p in r.json()["invalidParams"]}
    assert "huurverhogingCorporatie" in namen and "aandelen" in namen
    onbekend = api.post(_url(plan), {"prijs": 3}, format="json")
    assert onbekend.status_code == 400
    assert not Woonlastenberekening.objects.exists()


def test_read_as_a_colleague_write_only_as_projectleider(plan, gemeente, projectleider):
    api = APIClient()
    collega = factories.projectleider(gemeente, username="collega")
    assign_perm("wup.view_wijkplan", collega, plan)
    api.force_authenticate(collega)
    assert api.get(_url(plan)).status_code == 404  # may read; nothing computed yet
    r = api.post(_url(plan), {}, format="json")
    assert r.status_code == 403 and r["Content-Type"] == PROBLEM
    vreemde = APIClient()
    vreemde.force_authenticate(factories.projectleider(gemeente, username="vreemd"))
    assert vreemde.get(_url(plan)).status_code == 403
    assert APIClient().get(_url(plan)).status_code in (401, 403)
    assert not Woonlastenberekening.objects.exists()


def test_a_frozen_plan_refuses_with_409(api, plan):
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.VASTGESTELD)
    r = api.post(_url(plan), {}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM


def test_in_the_schema(api):
    paden = api.get("/api/v1/openapi.json").json()["paths"]
    basis = "/api/v1/wijkplannen/{id}/uitwerking/woonlasten"
    assert {"get", "post"} <= set(paden[basis])
    assert "get" in paden[basis + "/historie"]
    assert "409" in paden[basis]["post"]["responses"]
