"""API of PBL's Startanalyse for a plan: PBL's figures per buurt and strategy beside the plan's
alternatives, for whoever may see the plan; errors as problem+json."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.techniek.test_startanalyse_vergelijking import (
    A,
    B,
    luchtwarmtepomp_berekenen,
    pbl_inlezen,
    plan_met_twee_buurten,
)

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def pbl_ingelezen(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pbl_inlezen()


@pytest.fixture
def tweebuurtenplan(gemeente, projectleider):
    return plan_met_twee_buurten(gemeente, projectleider)


@pytest.fixture
def berekend(tweebuurtenplan, projectleider, beheerder):
    return luchtwarmtepomp_berekenen(tweebuurtenplan, projectleider, beheerder)


def _url(plan_id: int) -> str:
    return f"/api/v1/wijkplannen/{plan_id}/startanalyse"


def _per_indicator(items: list[dict], veld: str = "waarde") -> dict:
    return {i["indicator"]: i[veld] for i in items}


def test_the_projectleider_reads_pbls_figures_beside_the_alternatives(
    api, pbl_ingelezen, tweebuurtenplan, berekend, projectleider
):
    api.force_authenticate(projectleider)
    r = api.get(_url(tweebuurtenplan.pk))
    assert r.status_code == 200, r.content
    d = r.json()
    assert d["heeftPbl"] is True and d["editie"] == "2025" and d["edities"] == ["2025"]
    assert d["bron"] == "PBL, Startanalyse aardgasvrije buurten, editie 2025"
    assert d["scenario"] == "basis"
    assert d["buurten"] == [
        {"code": A, "naam": "Oostbuurt", "metPbl": True},
        {"code": B, "naam": "Westbuurt", "metPbl": True},
    ]
    indicatoren = {i["sleutel"]: i for i in d["indicatoren"]}
    assert indicatoren["nationale_meerkosten_per_weq"]["regel"] == "gewogen_woningequivalenten"
    assert indicatoren["nationale_meerkosten"]["eenheid"] == "€/jr"

    # PBL per buurt and strategy, with units and edition
    rij = next(x for x in d["pbl"] if x["buurtcode"] == B and x["variant"] == "s1a")
    assert rij["editie"] == "2025" and rij["buurtnaam"] == "Westbuurt"
    assert rij["strategie"] == "S1a luchtwarmtepomp (schillabel B)"
    waarden = {w["indicator"]: w for w in rij["waarden"]}
    assert waarden["nationale_meerkosten"] == {
        "indicator": "nationale_meerkosten",
        "waarde": 1_500_000,
        "eenheid": "€/jr",
    }
    assert waarden["woningequivalenten"]["waarde"] == 300

    # the comparison per strategy: PBL for the plan area, ours, the difference
    strategieen = {s["variant"]: s for s in d["strategieen"]}
    s1a = strategieen["s1a"]
    assert s1a["heeftPbl"] and s1a["volledig"] and s1a["pblBuurten"] == [A, B]
    assert _per_indicator(s1a["pbl"])["nationale_meerkosten"] == 2_000_000
    assert _per_indicator(s1a["pbl"])["investering"] is None  # PBL gives none: unknown, not 0
    (alt,) = s1a["alternatieven"]
    assert alt["sjabloon"] == "S1a_B_LuchtWP" and alt["berekend"] and not alt["eigenVariant"]
    cellen = {c["indicator"]: c for c in alt["cellen"]}
    ons = berekend.samenvatting["nationale_kosten"]["basis"]["H16_Nat_meerkost"]
    assert cellen["nationale_meerkosten"]["pbl"] == 2_000_000
    assert cellen["nationale_meerkosten"]["eigen"] == pytest.approx(ons)
    assert cellen["nationale_meerkosten"]["verschil"] == pytest.approx(ons - 2_000_000)
    assert cellen["nationale_meerkosten"]["verschilProcent"] == pytest.approx(
        (ons - 2_000_000) / 2_000_000 * 100
    )
    assert strategieen["s2a"]["alternatieven"] == []  # PBL only
    assert d["goedkoopste"] == {
        "variant": "s2a",
        "strategie": "S2a warmtenet restwarmte (schillabel B)",
        "nationaleMeerkosten": 800_000,
        "vergeleken": 2,
    }


def test_the_beheerder_sees_it_too_and_the_scenario_and_edition_can_be_chosen(
    api, pbl_ingelezen, tweebuurtenplan, berekend, beheerder
):
    api.force_authenticate(beheerder)
    d = api.get(_url(tweebuurtenplan.pk), {"scenario": "hoog"}).json()
    assert d["scenario"] == "hoog"
    alt = next(s for s in d["strategieen"] if s["variant"] == "s1a")["alternatieven"][0]
    ons = berekend.samenvatting["nationale_kosten"]["hoog"]["H16_Nat_meerkost"]
    assert _per_indicator(alt["cellen"], "eigen")["nationale_meerkosten"] == pytest.approx(ons)
    d = api.get(_url(tweebuurtenplan.pk), {"editie": "2019"}).json()
    assert d["editie"] == "2019" and d["heeftPbl"] is False and d["pbl"] == []


def test_without_an_import_the_answer_is_empty_not_zero(api, plan, projectleider):
    api.force_authenticate(projectleider)
    d = api.get(_url(plan.pk)).json()
    assert d["heeftPbl"] is False and d["editie"] is None
    assert d["pbl"] == [] and d["strategieen"] == [] and d["goedkoopste"] is None
    assert [b["metPbl"] for b in d["buurten"]] == [False]


def test_another_projectleider_is_refused(api, tweebuurtenplan, gemeente):
    api.force_authenticate(factories.projectleider(gemeente, username="collega"))
    r = api.get(_url(tweebuurtenplan.pk))
    assert r.status_code == 403
    assert r["Content-Type"].startswith(PROBLEM)
    assert r.json()["detail"] == "U heeft geen toegang tot dit plan."


def test_an_unknown_plan_is_not_found(api, projectleider):
    api.force_authenticate(projectleider)
    r = api.get(_url(987654))
    assert r.status_code == 404
    assert r["Content-Type"].startswith(PROBLEM)
    assert r.json()["status"] == 404 and r.json()["detail"] == "Dit wijkplan bestaat niet."


def test_an_unknown_price_scenario_is_a_bad_request(api, plan, projectleider):
    api.force_authenticate(projectleider)
    r = api.get(_url(plan.pk), {"scenario": "duur"})
    assert r.status_code == 400 and r["Content-Type"].startswith(PROBLEM)
    assert [p["name"] for p in r.json()["invalidParams"]] == ["scenario"]


def test_not_logged_in_is_401(api, plan):
    r = api.get(_url(plan.pk))
    assert r.status_code == 401 and r["Content-Type"].startswith(PROBLEM)


def test_the_endpoint_is_documented(api, db):
    doc = api.get("/api/v1/openapi.json").json()
    operatie = doc["paths"]["/api/v1/wijkplannen/{id}/startanalyse"]["get"]
    assert operatie["operationId"] == "startanalyseVanPlan"
    assert {p["name"] for p in operatie["parameters"]} >= {"id", "editie", "scenario"}
    assert {"200", "400", "401", "403", "404"} <= set(operatie["responses"])
    schema = doc["components"]["schemas"]["StartanalysePlan"]
    assert {"editie", "bron", "pbl", "strategieen", "goedkoopste"} <= set(schema["properties"])
