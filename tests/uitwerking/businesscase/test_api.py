"""The business case's API: the current result with its inputs (or the prefill), calculating
with a partial input, the history; same access as the pages, errors as problem+json."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests import factories
from tests.uitwerking.businesscase.hulp import bc_plan
from uitwerking.models import Businesscase
from uitwerking.services import businesscase as services
from wup.constants import Fase
from wup.models import Wijkplan

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def plan(gemeente, projectleider):
    return bc_plan(gemeente, projectleider)


@pytest.fixture
def api(projectleider):
    client = APIClient()
    client.force_authenticate(projectleider)
    return client


def _url(plan, rest=""):
    return f"/api/v1/wijkplannen/{plan.pk}/uitwerking/businesscase{rest}"


def test_before_a_calculation_it_shows_the_prefilled_inputs(api, plan):
    r = api.get(_url(plan))
    assert r.status_code == 200, r.content
    d = r.json()
    assert d["kanRekenen"] and d["berekening"] is None and d["resultaat"] is None
    assert d["invoer"]["investeringen"]["netwerk"]["bedrag"] == 6_000_000
    assert "Wijkleidingen" in d["herkomst"]["investeringen.netwerk"]
    assert d["alternatiefNaam"] == "Warmtenet restwarmte"


def test_post_calculates_with_what_is_sent_and_the_rest_prefilled(api, plan):
    r = api.post(
        _url(plan),
        {
            "aansluitgraad": 0.8,
            "investeringen": {"gebouw": {"bedrag": 50_000, "fasering": [1]}},
            "subsidies": [{"omschrijving": "WIS", "jaar": 2027, "bedrag": 100_000}],
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    d = r.json()
    assert d["berekening"]["huidig"] and d["resultaat"]["npv"] is not None
    assert "kasstroom" in d["resultaat"]["kasstromen"]
    assert len(d["scenarios"]) == 9
    assert d["invoer"]["aansluitgraad"] == 0.8
    assert set(d["aangepast"]) >= {"aansluitgraad", "investeringen.gebouw.bedrag", "subsidies"}
    assert d["parametersetVersie"] and any(p["naam"] == "BTW" for p in d["parameters"])
    assert api.put(_url(plan), {}, format="json").status_code == 200
    h = api.get(_url(plan, "/historie")).json()
    assert [x["huidig"] for x in h] == [True, False]


def test_bad_input_is_a_problem_naming_each_field_and_saves_nothing(api, plan):
    r = api.post(
        _url(plan),
        {
            "discontovoet": -1,
            "investeringen": {"netwerk": {"levensduurJaren": -1}},
            "aansluitfasering": [0.5, 0.2],
            "vastrechtPerJaar": None,
        },
        format="json",
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    namen = {p["name"]: p["reason"] for p in r.json()["invalidParams"]}
    assert "-100 %" in namen["discontovoet"]
    assert "investeringen.netwerk.levensduurJaren" in namen
    assert "aansluitfasering" in namen and "vastrechtPerJaar" in namen
    assert not Businesscase.objects.exists()


def test_unknown_fields_are_refused(api, plan):
    r = api.post(_url(plan), {"npv": 5, "investeringen": {"dak": {}}}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    namen = {p["name"] for p in r.json()["invalidParams"]}
    assert "npv" in namen and "investeringen.dak" in namen


def test_access_follows_the_pages(plan, projectleider, gemeente):
    anoniem = APIClient()
    assert anoniem.get(_url(plan)).status_code == 401
    ander = APIClient()
    ander.force_authenticate(factories.projectleider(gemeente, username="andere"))
    r = ander.get(_url(plan))
    assert r.status_code == 403 and r["Content-Type"] == PROBLEM
    kijker = APIClient()
    kijker.force_authenticate(factories.beheerder(username="kijker"))
    assert kijker.get(_url(plan)).status_code == 200
    r = kijker.post(_url(plan), {}, format="json")
    assert r.status_code == 403 and r["Content-Type"] == PROBLEM
    assert APIClient().get("/api/v1/wijkplannen/999999/uitwerking/businesscase").status_code in (
        401,
        404,
    )


def test_a_frozen_plan_answers_409(api, plan):
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.VASTGESTELD)
    r = api.post(_url(plan), {}, format="json")
    assert r.status_code == 409 and r["Content-Type"] == PROBLEM
    assert not Businesscase.objects.exists()


def test_without_a_choice_the_problem_says_what_to_do(api, gemeente, projectleider):
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    r = api.get(_url(plan))
    assert r.status_code == 200 and not r.json()["kanRekenen"]
    assert "stap 4" in r.json()["melding"]
    r = api.post(_url(plan), {}, format="json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert "stap 4" in r.json()["detail"] + str(r.json().get("invalidParams"))


def test_the_history_takes_as_many_queries_for_many_calculations(api, plan, projectleider):
    services.businesscase_berekenen(wijkplan=plan, user=projectleider)

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert api.get(_url(plan, "/historie")).status_code == 200
        return len(q)

    tel()  # permissions are cached after the first request
    een = tel()
    for g in (0.7, 0.8):
        services.businesscase_berekenen(
            wijkplan=plan, user=projectleider, invoer={"aansluitgraad": g}
        )
    tel()
    assert tel() == een


def test_the_endpoints_are_in_the_openapi_document(api):
    doc = APIClient().get("/api/v1/openapi.json").json()
    pad = "/api/v1/wijkplannen/{id}/uitwerking/businesscase"
    assert set(doc["paths"][pad]) >= {"get", "post", "put"}
    assert "get" in doc["paths"][pad + "/historie"]
    assert doc["paths"][pad]["post"]["operationId"] == "businesscaseBerekenen"
