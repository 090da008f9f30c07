"""The API of events, consultations and results: counts and figures, never personal data;
the public read only for published plans and closed consultations."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participatie.models import Publicatie
from tests.participatie import resultaten_hulp as hulp

pytestmark = pytest.mark.django_db

GEHEIM = "Mijn nummer is 06-12345678"


@pytest.fixture
def gevuld(plan):
    hulp.bijeenkomst_met_aanmelding(plan, over_dagen=3, personen=3, capaciteit=10)
    r, _v = hulp.met_uitslag(
        plan, voorkeuren=["warmtenet"] * 9 + ["warmtepomp"], codes_per_buurt=40
    )
    open_vraag = hulp.vraag(r, "open")
    hulp.respons(r, {open_vraag: GEHEIM})
    return r


def _api(client, naam, *args):
    return client.get(reverse(naam, args=args), HTTP_ACCEPT="application/json")


def test_events_with_counts_and_no_names(client, plan, projectleider, gevuld):
    client.force_login(projectleider)
    response = _api(client, "participatie-api-bijeenkomsten", plan.pk)
    assert response.status_code == 200
    (avond,) = response.json()
    assert avond["aantalAanmeldingen"] == 1
    assert avond["aantalPersonen"] == 3 and avond["plaatsenOver"] == 7
    assert "Kees" not in response.content.decode() and "kees@" not in response.content.decode()


def test_consultations_with_questions_and_response_counts(client, plan, projectleider, gevuld):
    client.force_login(projectleider)
    (r,) = _api(client, "participatie-api-raadplegingen", plan.pk).json()
    assert r["stand"] == "gesloten" and r["aantalResponsen"] == 11
    assert [v["soort"] for v in r["vragen"]] == ["voorkeur", "open"]
    assert r["vragen"][0]["opties"][0]["alternatief"] == 101


def test_results_and_support_scores_without_free_text(client, plan, projectleider, gevuld):
    client.force_login(projectleider)
    response = _api(client, "participatie-api-resultaten", plan.pk, gevuld.pk)
    data = response.json()
    assert data["aantalResponsen"] == 11 and data["noemer"] == 40 and data["percentage"] == 27.5
    voorkeur, open_vraag = data["vragen"]
    assert {r["sleutel"]: r["aantal"] for r in voorkeur["verdeling"]} == {
        "warmtenet": 9,
        "warmtepomp": 1,
        "geen_voorkeur": 1,
    }
    assert open_vraag["aantal"] == 1 and open_vraag["verdeling"] == []
    assert GEHEIM not in response.content.decode()
    assert "Dorpsstraat" not in response.content.decode()
    steun = _api(client, "participatie-api-steunscores", plan.pk).json()
    assert {s["alternatief"]: s["score"] for s in steun} == {101: 81.8, 102: 9.1}
    assert steun[0]["aantalResponsen"] == 11 and steun[0]["raadpleging"] == gevuld.pk


def test_another_plans_consultation_is_a_problem_404(client, plan, projectleider, gemeente):
    from tests import factories

    ander = factories.WijkplanFactory(gemeente=gemeente)
    r, _v = hulp.met_uitslag(ander, voorkeuren=["warmtenet"])
    client.force_login(projectleider)
    response = _api(client, "participatie-api-resultaten", plan.pk, r.pk)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


def test_the_public_api_only_for_published_plans_and_closed_consultations(client, plan, gevuld):
    naam = "participatie-api-publiek-resultaten"
    assert _api(client, naam, plan.slug, gevuld.pk).status_code == 404
    assert _api(client, "participatie-api-publiek-bijeenkomsten", plan.slug).status_code == 404
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True)
    response = _api(client, naam, plan.slug, gevuld.pk)
    assert response.status_code == 200 and response.json()["aantalResponsen"] == 11
    assert GEHEIM not in response.content.decode()
    (avond,) = _api(client, "participatie-api-publiek-bijeenkomsten", plan.slug).json()
    assert avond["plaatsenOver"] == 7 and "Kees" not in str(avond)
    nog_open, _v = hulp.met_uitslag(plan, voorkeuren=["warmtenet"], gesloten=False)
    assert _api(client, naam, plan.slug, nog_open.pk).status_code == 404
