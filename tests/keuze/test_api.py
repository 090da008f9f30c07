"""API of step 4: the framework, the score matrix, the analysis and the recorded choices. Same
access as the plan, writes by its projectleider only, errors as problem+json, a recorded choice
never changes."""

from __future__ import annotations

import json
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from keuze.models import Criterium, Keuze, Score
from tests import factories
from tests.keuze.hulp import berekend_alternatief, kader, keuzeplan
from tests.techniek.alternatieven_hulp import pbl_set

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
CRITERIUM = {
    "naam": "Kosten voor bewoners",
    "toelichting": "Betaalbaarheid is voor bewoners de belangrijkste vraag.",
    "gewicht": 20,
    "richting": "lager_beter",
    "eenheid": "euro per maand per woning",
    "zekerheid": "laag",
}
KEUZE = {
    "motivatie": "Laagste kosten voor Nederland bij een goede CO2-reductie.",
    "participatieAfweging": "De bewoners kozen op de avonden vooral voor de warmtepomp.",
    "redenZonderParticipatie": "De raadpleging over de alternatieven volgt pas in het voorjaar.",
    "orgaan": "stuurgroep",
    "besluitdatum": "2026-11-30",
    "kenmerk": "SG-2026-14",
}


@pytest.fixture
def api(projectleider):
    client = APIClient()
    client.force_authenticate(projectleider)
    return client


@pytest.fixture
def plan(gemeente, projectleider):
    return keuzeplan(gemeente, projectleider)


def _basis(plan) -> str:
    return f"/api/v1/wijkplannen/{plan.pk}/keuze"


def _namen(response) -> set[str]:
    assert response["Content-Type"] == PROBLEM, response.content
    return {p["name"] for p in response.json()["invalidParams"]}


def _alternatieven(plan):
    return list(plan.alternatieven.order_by("pk"))


# --- Criteria -----------------------------------------------------------------------------------


def test_the_projectleider_adds_changes_and_removes_a_criterion(api, plan):
    basis = _basis(plan)
    r = api.post(f"{basis}/criteria", CRITERIUM, format="json")
    assert r.status_code == 201, r.content
    c = r.json()
    assert r["Location"] == c["url"] and c["url"].startswith("http://testserver/")
    assert c["bron"] == "handmatig" and c["handmatig"] and c["scoresUrl"]
    assert c["gewicht"] == 20 and c["gewichtAandeel"] == 1.0

    r = api.post(
        f"{basis}/criteria",
        {**CRITERIUM, "naam": "CO2", "gewicht": 60, "bron": "techniek:nk.CO2_vermeden"},
        format="json",
    )
    assert r.status_code == 201 and r.json()["scoresUrl"] is None
    r = api.patch(r.json()["url"], {"gewicht": 60.0}, format="json")
    assert r.status_code == 200 and r.json()["bron"] == "techniek:nk.CO2_vermeden"
    lijst = api.get(f"{basis}/criteria").json()
    assert [(x["naam"], x["gewicht"], x["gewichtAandeel"]) for x in lijst] == [
        ("Kosten voor bewoners", 20, 0.25),
        ("CO2", 60, 0.75),
    ]

    # PATCH changes only what is sent
    r = api.patch(c["url"], {"gewicht": "40"}, format="json")
    assert r.status_code == 200, r.content
    assert r.json()["gewicht"] == 40 and r.json()["naam"] == "Kosten voor bewoners"
    assert r.json()["toelichting"] == CRITERIUM["toelichting"]
    r = api.patch(
        c["url"],
        json.dumps({"zekerheid": "middel"}),
        content_type="application/merge-patch+json",
    )
    assert r.status_code == 200 and r.json()["zekerheid"] == "middel"
    assert api.get(c["url"]).json()["gewicht"] == 40

    # PUT replaces everything and needs every field
    r = api.put(c["url"], {"naam": "Woonlasten"}, format="json")
    assert r.status_code == 400 and {"toelichting", "gewicht", "richting"} <= _namen(r)
    r = api.put(c["url"], {**CRITERIUM, "naam": "Woonlasten", "gewicht": 10}, format="json")
    assert r.status_code == 200 and r.json()["naam"] == "Woonlasten"
    assert r.json()["gewichtAandeel"] == pytest.approx(10 / 70)
    r = api.put(c["url"], json.dumps(CRITERIUM), content_type="application/merge-patch+json")
    assert r.status_code == 415 and r["Content-Type"] == PROBLEM

    r = api.delete(c["url"])
    assert r.status_code == 204
    assert api.get(c["url"]).status_code == 404
    assert [x["naam"] for x in api.get(f"{basis}/criteria").json()] == ["CO2"]


def test_bad_criterion_input_is_a_problem_naming_each_field(api, plan):
    basis = _basis(plan)
    r = api.post(
        f"{basis}/criteria",
        {
            "naam": " ",
            "toelichting": "",
            "gewicht": "veel",
            "richting": ["hoger_beter"],
            "eenheid": "",
            "bron": "nergens",
            "zekerheid": "zeker",
            "fase": "uitwerking",
        },
        format="json",
    )
    assert r.status_code == 400
    assert r.json()["status"] == 400 and r.json()["detail"]
    assert _namen(r) == {"richting", "fase"}  # the shape first: a list is no text
    r = api.post(
        f"{basis}/criteria",
        {**CRITERIUM, "naam": " ", "gewicht": "veel", "bron": "nergens", "zekerheid": "zeker"},
        format="json",
    )
    assert r.status_code == 400 and _namen(r) == {"naam", "gewicht", "bron", "zekerheid"}
    reden = {p["name"]: p["reason"] for p in r.json()["invalidParams"]}
    assert "gewicht" in reden["gewicht"]
    for gewicht in (-1, 1001, True, None, {"a": 1}, "1e400"):
        r = api.post(f"{basis}/criteria", {**CRITERIUM, "gewicht": gewicht}, format="json")
        assert r.status_code == 400 and _namen(r) == {"gewicht"}, gewicht
    assert not Criterium.objects.filter(wijkplan=plan).exists()

    assert api.post(f"{basis}/criteria", CRITERIUM, format="json").status_code == 201
    r = api.post(f"{basis}/criteria", {**CRITERIUM, "naam": "kosten VOOR bewoners"}, format="json")
    assert r.status_code == 400 and _namen(r) == {"naam"}
    r = api.post(f"{basis}/criteria", "{niet: json", content_type="application/json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    for onbekend in ("999999", str(10**30)):
        r = api.get(f"{basis}/criteria/{onbekend}")
        assert r.status_code == 404 and r["Content-Type"] == PROBLEM
    assert Criterium.objects.filter(wijkplan=plan).count() == 1


def test_the_standard_framework_and_the_weights_at_once(api, plan, gemeente, projectleider):
    basis = _basis(plan)
    r = api.post(f"{basis}/criteria/standaardkader")
    assert r.status_code == 201, r.content
    criteria = r.json()
    assert len(criteria) == 7 and sum(c["gewichtAandeel"] for c in criteria) == pytest.approx(1)
    r = api.post(f"{basis}/criteria/standaardkader")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert Criterium.objects.filter(wijkplan=plan).count() == 7

    eerste, tweede = criteria[0]["id"], criteria[1]["id"]
    r = api.put(f"{basis}/gewichten", {str(eerste): 50, str(tweede): "30,5"}, format="json")
    assert r.status_code == 200, r.content
    gewichten = {c["id"]: (c["gewicht"], c["gewichtAandeel"]) for c in r.json()}
    totaal = 50 + 30.5 + sum(c["gewicht"] for c in criteria[2:])
    assert gewichten[eerste] == (50, pytest.approx(50 / totaal))
    assert gewichten[tweede][0] == 30.5

    # a bad weight is named by the criterion's id, and nothing changes
    r = api.put(f"{basis}/gewichten", {str(eerste): 10, str(tweede): "veel"}, format="json")
    assert r.status_code == 400 and _namen(r) == {str(tweede)}
    r = api.put(f"{basis}/gewichten", {"abc": 10, str(10**30): 1}, format="json")
    assert r.status_code == 400 and _namen(r) == {"abc", str(10**30)}
    # another plan's criterion, or one that does not exist
    vreemd = Criterium.objects.create(
        wijkplan=keuzeplan(gemeente, projectleider, alternatieven={}), **CRITERIUM
    )
    for ander in (vreemd.pk, 999999):
        r = api.put(f"{basis}/gewichten", {str(eerste): 10, str(ander): 1}, format="json")
        assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    r = api.put(f"{basis}/gewichten", [10, 20], format="json")
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert Criterium.objects.get(pk=eerste).gewicht == 50


# --- Scores -------------------------------------------------------------------------------------


def test_the_score_matrix_names_the_source_of_every_figure(api, plan, projectleider):
    kosten, co2, haalbaar = kader(plan, projectleider)
    r = api.get(f"{_basis(plan)}/scores")
    assert r.status_code == 200, r.content
    data = r.json()
    alts = _alternatieven(plan)
    assert [a["id"] for a in data["alternatieven"]] == [a.pk for a in alts]
    assert all(a["doorgerekend"] and not a["verouderd"] for a in data["alternatieven"])
    rijen = {rij["criterium"]: rij for rij in data["criteria"]}
    assert list(rijen) == [kosten.pk, co2.pk, haalbaar.pk]

    cel = rijen[kosten.pk]["scores"][0]
    assert cel["alternatief"] == alts[0].pk and cel["waarde"] == 400_000
    assert cel["bronUrl"].startswith("http://testserver/") and str(alts[0].pk) in cel["bronUrl"]
    assert cel["herkomst"].startswith("berekening") and cel["verouderd"] is False
    assert rijen[kosten.pk]["aantal"] == 3 and not rijen[kosten.pk]["handmatig"]

    deskundig = rijen[haalbaar.pk]
    assert deskundig["handmatig"] and deskundig["eenheid"] == "score 1–5"
    assert [c["waarde"] for c in deskundig["scores"]] == [2, 4, 5]
    assert deskundig["scores"][1]["toelichting"] == f"Toelichting bij {alts[1].naam}"
    assert deskundig["scores"][1]["bronUrl"] is None

    # an alternative without a finished calculation says why it has no figure
    nieuw = plan.alternatieven.create(sjabloon="S1a_B_LuchtWP", naam="Nog niet berekend")
    rij = api.get(f"{_basis(plan)}/scores").json()["criteria"][0]
    [leeg] = [c for c in rij["scores"] if c["alternatief"] == nieuw.pk]
    assert leeg["waarde"] is None and leeg["ontbreekt"]


def test_expert_scores_need_an_explanation_and_keep_to_the_scale(api, plan, projectleider):
    kosten, _co2, haalbaar = kader(plan, projectleider)
    a, b, c = _alternatieven(plan)
    url = f"{_basis(plan)}/criteria/{haalbaar.pk}/scores"
    voor = sorted(Score.objects.values_list("alternatief_id", "waarde", "toelichting"))

    r = api.put(
        url,
        {str(a.pk): {"waarde": 3}, str(b.pk): {"waarde": 9, "toelichting": "Hoog."}},
        format="json",
    )
    assert r.status_code == 400
    assert _namen(r) == {f"{a.pk}.toelichting", f"{b.pk}.waarde"}
    for fout in (
        {str(a.pk): 3},
        {str(a.pk): {"waarde": 3, "toelichting": "x", "bron": "y"}},
        {"abc": {"waarde": 3, "toelichting": "x"}},
        {str(a.pk): {"waarde": "veel", "toelichting": "x"}},
        {str(a.pk): {"waarde": 3, "toelichting": ["x"]}},
        {"999999": {"waarde": 3, "toelichting": "x"}},
        ["geen object"],
    ):
        r = api.put(url, fout, format="json")
        assert r.status_code == 400 and r["Content-Type"] == PROBLEM, fout
    assert sorted(Score.objects.values_list("alternatief_id", "waarde", "toelichting")) == voor

    r = api.put(
        url,
        {str(a.pk): {"waarde": "3,5", "toelichting": "Na het gesprek met de netbeheerder."}},
        format="json",
    )
    assert r.status_code == 200, r.content
    rij = r.json()
    assert rij["criterium"] == haalbaar.pk
    eerste = rij["scores"][0]
    assert (eerste["waarde"], eerste["toelichting"]) == (3.5, "Na het gesprek met de netbeheerder.")
    r = api.put(url, {str(c.pk): {"waarde": None}}, format="json")
    assert r.status_code == 200 and r.json()["scores"][2]["waarde"] is None
    assert r.json()["aantal"] == 2

    r = api.put(
        f"{_basis(plan)}/criteria/{kosten.pk}/scores",
        {str(a.pk): {"waarde": 1, "toelichting": "x"}},
        format="json",
    )
    assert r.status_code == 400 and "automatisch" in r.json()["invalidParams"][0]["reason"]


# --- Analysis and choice ----------------------------------------------------------------------


def test_the_analysis_ranks_explains_and_tests_its_robustness(api, plan, projectleider):
    r = api.get(f"{_basis(plan)}/analyse")
    assert r.status_code == 200 and r.json()["berekend"] is False and r.json()["fout"]
    assert r.json()["rangorde"] == []

    kosten, co2, haalbaar = kader(plan, projectleider)
    warmtenet, luchtwp, hybride = _alternatieven(plan)
    data = api.get(f"{_basis(plan)}/analyse").json()
    assert data["berekend"] and data["fout"] is None and data["heeftSteun"] is False
    # costs 400k/250k/150k (lower is better), CO2 900/700/400, feasibility 2/4/5; 40/30/30
    assert [(p["alternatief"], p["rang"]) for p in data["rangorde"]] == [
        (hybride.pk, 1),
        (luchtwp.pk, 2),
        (warmtenet.pk, 3),
    ]
    assert [p["totaal"] for p in data["rangorde"]] == pytest.approx([70, 62, 30])
    bijdragen = {b["criterium"]: b["punten"] for b in data["rangorde"][1]["bijdragen"]}
    assert bijdragen == pytest.approx({kosten.pk: 24, co2.pk: 18, haalbaar.pk: 20})
    assert [c["procent"] for c in data["criteria"]] == pytest.approx([40, 30, 30])
    assert {g["criterium"] for g in data["gevoeligheid"]} == {kosten.pk, co2.pk, haalbaar.pk}
    zonder = data["zonderMinstZeker"]
    assert zonder["niveau"] == "laag"
    [variant] = zonder["varianten"]
    assert variant["criterium"] == haalbaar.pk and variant["topVerandert"] is True
    assert variant["top"] == luchtwp.pk
    assert not any(m["code"] == "gewichten_niet_100" for m in data["meldingen"])

    api.put(f"{_basis(plan)}/gewichten", {str(haalbaar.pk): 50}, format="json")
    data = api.get(f"{_basis(plan)}/analyse").json()
    assert data["gewichtsom"] == 120
    [melding] = [m for m in data["meldingen"] if m["code"] == "gewichten_niet_100"]
    assert "120" in melding["tekst"]
    assert sum(c["procent"] for c in data["criteria"]) == pytest.approx(100)


def test_a_choice_is_recorded_once_and_superseded_never_changed(api, plan, projectleider):
    kader(plan, projectleider)
    a, b, _c = _alternatieven(plan)
    basis = _basis(plan)
    assert api.get(f"{basis}/keuzes").json() == []

    r = api.post(f"{basis}/keuzes", {**KEUZE, "alternatief": b.pk}, format="json")
    assert r.status_code == 400 and _namen(r) == {"vorigeKeuze"}
    r = api.post(
        f"{basis}/keuzes", {**KEUZE, "alternatief": b.pk, "vorigeKeuze": None}, format="json"
    )
    assert r.status_code == 201, r.content
    eerste = r.json()
    assert r["Location"] == eerste["url"]
    assert eerste["alternatief"] == b.pk and eerste["alternatiefNaam"] == b.naam
    assert eerste["huidig"] and eerste["vervangenDoor"] is None and eerste["vervangt"] is None
    assert eerste["vastgelegdDoor"]["gebruikersnaam"] == projectleider.username
    assert eerste["analyse"]
    assert api.get(eerste["url"]).json()["analyse"] == eerste["analyse"]

    # the same form again (or someone else's in between): nothing is added
    r = api.post(
        f"{basis}/keuzes", {**KEUZE, "alternatief": a.pk, "vorigeKeuze": None}, format="json"
    )
    assert r.status_code == 400 and r["Content-Type"] == PROBLEM
    assert Keuze.objects.filter(wijkplan=plan).count() == 1

    r = api.post(
        f"{basis}/keuzes",
        {**KEUZE, "alternatief": a.pk, "vorigeKeuze": eerste["id"], "motivatie": "Kort"},
        format="json",
    )
    assert r.status_code == 400 and _namen(r) == {"motivatie"}
    r = api.post(
        f"{basis}/keuzes",
        {**KEUZE, "alternatief": a.pk, "vorigeKeuze": eerste["id"]},
        format="json",
    )
    assert r.status_code == 201, r.content
    tweede = r.json()
    lijst = api.get(f"{basis}/keuzes").json()
    assert [k["id"] for k in lijst] == [tweede["id"], eerste["id"]]
    assert [k["huidig"] for k in lijst] == [True, False]
    assert lijst[1]["vervangenDoor"] == tweede["id"] and lijst[0]["vervangt"] == eerste["id"]
    assert "analyse" not in lijst[0]

    for methode in ("put", "patch", "delete"):
        r = getattr(api, methode)(eerste["url"], {"motivatie": "Toch anders."}, format="json")
        assert r.status_code == 405 and r["Content-Type"] == PROBLEM, methode
        assert "kan niet worden gewijzigd" in r.json()["detail"]
    assert Keuze.objects.get(pk=eerste["id"]).motivatie == KEUZE["motivatie"]
    assert api.get(f"{basis}/keuzes/999999").status_code == 404
    assert api.get(f"{basis}/keuzes/{10**30}").status_code == 404


def test_a_choice_on_outdated_results_needs_a_confirmation(api, plan, projectleider):
    kader(plan, projectleider)
    pbl_set()  # a published parameter set newer than the calculations
    a = _alternatieven(plan)[0]
    basis = _basis(plan)
    scores = api.get(f"{basis}/scores").json()
    assert all(x["verouderd"] for x in scores["alternatieven"])
    assert scores["criteria"][0]["scores"][0]["verouderd"] is True
    body = {**KEUZE, "alternatief": a.pk, "vorigeKeuze": None}
    r = api.post(f"{basis}/keuzes", body, format="json")
    assert r.status_code == 400 and _namen(r) == {"verouderdBevestigd"}
    assert not Keuze.objects.exists()
    r = api.post(f"{basis}/keuzes", {**body, "verouderdBevestigd": True}, format="json")
    assert r.status_code == 201 and r.json()["verouderdBevestigd"] is True


# --- Access -------------------------------------------------------------------------------------


def test_access_is_that_of_the_plan(plan, projectleider, gemeente, beheerder, griffier):
    kosten, _co2, haalbaar = kader(plan, projectleider)
    a = _alternatieven(plan)[0]
    basis = _basis(plan)
    lezen = [
        f"{basis}/criteria",
        f"{basis}/criteria/{kosten.pk}",
        f"{basis}/scores",
        f"{basis}/keuzes",
    ]
    schrijven = [
        ("post", f"{basis}/criteria", CRITERIUM),
        ("patch", f"{basis}/criteria/{kosten.pk}", {"gewicht": 1}),
        ("delete", f"{basis}/criteria/{kosten.pk}", None),
        ("post", f"{basis}/criteria/standaardkader", None),
        ("put", f"{basis}/gewichten", {str(kosten.pk): 1}),
        ("put", f"{basis}/criteria/{haalbaar.pk}/scores", {str(a.pk): {"waarde": 1}}),
        ("post", f"{basis}/keuzes", {**KEUZE, "alternatief": a.pk, "vorigeKeuze": None}),
    ]
    api = APIClient()
    andere = factories.projectleider(gemeente, username="andere")
    for gebruiker, mag_lezen in ((andere, False), (griffier, False), (beheerder, True)):
        api.force_authenticate(gebruiker)
        for url in lezen:
            assert api.get(url).status_code == (200 if mag_lezen else 403), url
        for methode, url, body in schrijven:
            r = getattr(api, methode)(url, body, format="json")
            assert r.status_code == 403 and r["Content-Type"] == PROBLEM, (methode, url)
    api.force_authenticate(None)
    for url in lezen:
        r = api.get(url)
        assert r.status_code == 401 and r["Content-Type"] == PROBLEM
    r = api.post(f"{basis}/criteria", CRITERIUM, format="json")
    assert r.status_code == 401
    assert Criterium.objects.get(pk=kosten.pk).gewicht == 40
    assert not Keuze.objects.exists()
    assert api.get("/api/v1/wijkplannen/999999/keuze/criteria").status_code == 401


def test_a_frozen_plan_is_a_409(api, gemeente, projectleider):
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, fase="vastgesteld"
    )
    alt = berekend_alternatief(plan, "Warmtenet", 1.0, 1.0)
    c = Criterium.objects.create(wijkplan=plan, **CRITERIUM)
    basis = _basis(plan)
    for methode, url, body in (
        ("post", f"{basis}/criteria", {**CRITERIUM, "naam": "Nieuw"}),
        ("patch", f"{basis}/criteria/{c.pk}", {"gewicht": 5}),
        ("delete", f"{basis}/criteria/{c.pk}", None),
        ("put", f"{basis}/gewichten", {str(c.pk): 5}),
        (
            "put",
            f"{basis}/criteria/{c.pk}/scores",
            {str(alt.pk): {"waarde": 1, "toelichting": "x"}},
        ),
    ):
        r = getattr(api, methode)(url, body, format="json")
        assert r.status_code == 409 and r["Content-Type"] == PROBLEM, (methode, url, r.content)
    assert api.get(f"{basis}/criteria").status_code == 200
    assert Criterium.objects.get(pk=c.pk).gewicht == 20


# --- Queries and robustness ---------------------------------------------------------------------


def _queries(api, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert api.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_lists_take_the_same_number_of_queries_however_many_rows(api, gemeente, projectleider):
    klein = keuzeplan(gemeente, projectleider, alternatieven={"A": (1.0, 1.0)})
    groot = keuzeplan(
        gemeente, projectleider, alternatieven={f"Alt {i}": (i, i) for i in range(1, 6)}
    )
    kader(klein, projectleider)
    kader(groot, projectleider)
    for i in range(4):
        api.post(f"{_basis(groot)}/criteria", {**CRITERIUM, "naam": f"Extra {i}"}, format="json")
    for p in (klein, groot):
        for i, alt in enumerate(p.alternatieven.all()[:2]):
            Keuze.objects.create(
                wijkplan=p,
                alternatief=alt,
                alternatief_naam=alt.naam,
                motivatie="Motivatie van de keuze.",
                participatie_afweging="Zo woog de participatie mee.",
                orgaan="college",
                besluitdatum="2026-01-05",
                vervangt=Keuze.objects.filter(wijkplan=p).first() if i else None,
            )
    for deel in ("criteria", "scores", "keuzes"):
        assert _queries(api, f"{_basis(klein)}/{deel}") == _queries(
            api, f"{_basis(groot)}/{deel}"
        ), deel


WAARDEN = [
    None, True, 0, -1, 1.5, 10**40, "", " ", "x" * 6000, "\x00", "\ud800", "2027-02-30",
    [], [1], {}, {"a": 1}, {"waarde": 1}, "hoger_beter", "handmatig",
]  # fmt: skip
VELDEN = [
    "naam", "toelichting", "gewicht", "richting", "eenheid", "bron", "zekerheid", "alternatief",
    "vorigeKeuze", "motivatie", "participatieAfweging", "orgaan", "besluitdatum",
    "verouderdBevestigd", "1", str(10**30),
]  # fmt: skip


def test_random_bodies_never_cause_a_server_error(api, plan, projectleider):
    kosten, _co2, haalbaar = kader(plan, projectleider)
    a = _alternatieven(plan)[0]
    basis = _basis(plan)
    doelen = [
        ("post", f"{basis}/criteria"),
        ("put", f"{basis}/criteria/{kosten.pk}"),
        ("patch", f"{basis}/criteria/{haalbaar.pk}"),
        ("put", f"{basis}/gewichten"),
        ("put", f"{basis}/criteria/{haalbaar.pk}/scores"),
        ("post", f"{basis}/keuzes"),
    ]
    rnd = random.Random(2026)
    for _ in range(300):
        methode, url = rnd.choice(doelen)
        velden = [*VELDEN, str(kosten.pk), str(a.pk)]
        body = {k: rnd.choice(WAARDEN) for k in rnd.sample(velden, rnd.randint(0, 5))}
        r = getattr(api, methode)(url, json.dumps(body), content_type="application/json")
        assert r.status_code < 500, (methode, url, body)
        if r.status_code >= 400:
            assert r["Content-Type"] == PROBLEM


def test_the_endpoints_are_in_the_valid_schema(api):
    paden = api.get("/api/v1/openapi.json").json()["paths"]
    basis = "/api/v1/wijkplannen/{id}/keuze"
    verwacht = {
        "criteria": {"get", "post"},
        "criteria/{criteriumId}": {"get", "put", "patch", "delete"},
        "criteria/standaardkader": {"post"},
        "criteria/{criteriumId}/scores": {"put"},
        "gewichten": {"put"},
        "scores": {"get"},
        "analyse": {"get"},
        "keuzes": {"get", "post"},
        "keuzes/{keuzeId}": {"get"},
    }
    for pad, methoden in verwacht.items():
        assert set(paden[f"{basis}/{pad}"]) - {"parameters"} == methoden, pad
    vastleggen = paden[f"{basis}/keuzes"]["post"]["requestBody"]["content"]["application/json"]
    assert vastleggen["schema"]["$ref"].endswith("KeuzeVastleggenRequest")
