"""API: GET /api/v1/wijkplannen/{id}/indicatoren -- the figures of the indicator page."""

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.factories import inloggen
from tests.wijktoets import test_indicatoren_paginas as paginas

PROBLEM = "application/problem+json"

# The plan with figures for 2023 and 2024, as on the page tests.
buurten = paginas.buurten
cijferplan = paginas.cijferplan


@pytest.fixture
def api():
    return APIClient()


def url(plan_of_id) -> str:
    return f"/api/v1/wijkplannen/{getattr(plan_of_id, 'pk', plan_of_id)}/indicatoren"


def indicator(body, sleutel):
    return next(i for g in body["groepen"] for i in g["indicatoren"] if i["sleutel"] == sleutel)


def test_the_indicators_of_the_plan_area_in_lower_camel_case(api, projectleider, cijferplan):
    api.force_login(projectleider)
    response = api.get(url(cijferplan))
    assert response.status_code == 200
    assert response["API-Version"]
    body = response.json()
    assert body["jaar"] == 2024 and body["jaren"] == [2024, 2023]
    assert body["gemeente"] == {"code": "GM0233", "naam": "Ermelo"}
    assert body["licentie"] == "CC BY 4.0"
    assert [b["heeftCijfers"] for b in body["buurten"]] == [True, True]
    koop = indicator(body, "koopwoningen_pct")
    assert koop["plangebied"] == 40.0 and koop["gemeente"] == 60.0
    assert koop["vergelijkingen"][0] == {
        "vergelijkingMet": "gemeente",
        "vergelijking": "lager",
        "tekst": "lager dan de gemeente",
    }
    assert koop["weging"] == "gewogen naar het aantal woningen"
    inwoners = indicator(body, "aantal_inwoners")
    assert inwoners["telling"] and inwoners["vergelijkingen"] == []
    assert inwoners["aandeelVanGemeente"] == pytest.approx(4000 / 27000 * 100)
    laag = indicator(body, "huishoudens_laag_inkomen_pct")
    assert laag["dekking"]["volledig"] is False
    assert laag["dekking"]["ontbrekend"] == ["Oosterbos"]
    # Unknown is null, never 0.
    assert indicator(body, "aardgas_huurwoning_m3")["plangebied"] is None
    ea = body["energiearmoede"]
    assert ea["drempelLaagInkomenPct"] == 8.0 and ea["drempelAardgasM3"] == 1200.0
    # Oosterbos: income secret, but gas below the threshold, so not both.
    assert [b["signaal"] for b in ea["buurten"]] == ["aandachtspunt", "geen"]
    trend = next(t for t in body["trends"] if t["sleutel"] == "aantal_inwoners")
    assert [p["plangebied"] for p in trend["punten"]] == [3900.0, 4000.0]


def test_a_year_can_be_asked_for(api, projectleider, cijferplan):
    api.force_login(projectleider)
    body = api.get(url(cijferplan), {"jaar": 2023}).json()
    assert body["jaar"] == 2023
    assert indicator(body, "aantal_inwoners")["plangebied"] == 3900.0


@pytest.mark.parametrize(
    ("jaar", "reden"),
    [("twintig", "geldig getal"), ("2019", "Voor 2019 zijn geen kerncijfers")],
)
def test_a_bad_year_is_a_problem_naming_the_parameter(api, projectleider, cijferplan, jaar, reden):
    api.force_login(projectleider)
    response = api.get(url(cijferplan), {"jaar": jaar})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    params = response.json()["invalidParams"]
    assert [p["name"] for p in params] == ["jaar"]
    assert reden in params[0]["reason"]


def test_without_figures_the_lists_are_empty(api, projectleider, plan):
    api.force_login(projectleider)
    body = api.get(url(plan)).json()
    assert body["jaar"] is None and body["jaren"] == []
    assert body["groepen"] == [] and body["energiearmoede"] is None
    assert body["buurten"][0]["heeftCijfers"] is False


def test_same_access_as_the_plan(api, cijferplan, gemeente, beheerder):
    assert api.get(url(cijferplan)).status_code == 401
    api.force_login(factories.projectleider(gemeente, username="andere"))
    response = api.get(url(cijferplan))
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    inloggen(api, beheerder)
    assert api.get(url(cijferplan)).status_code == 200
    assert api.get(url(987654)).status_code == 404
    assert api.post(url(cijferplan), {}, format="json").status_code == 405


def test_the_operation_is_documented(api, db):
    document = api.get("/api/v1/openapi.json").json()
    operatie = document["paths"]["/api/v1/wijkplannen/{id}/indicatoren"]["get"]
    assert operatie["operationId"] == "wijkplanIndicatorenOphalen"
    assert [p["name"] for p in operatie["parameters"] if p["in"] == "query"] == ["jaar"]
    assert {"200", "400", "401", "403", "404"} <= set(operatie["responses"])
