"""API of the parameter sets: reading with units and sources for everyone logged in, and the
beheerder's new version, edit and publication; errors as problem+json."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from techniek.models import Parameterset
from techniek.registratie import rechten_toekennen
from techniek.selectors import parameters as selectors
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from wup.roles import ensure_roles

URLS = "tests.techniek.test_parameters_paginas"
pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLS)]

PROBLEM = "application/problem+json"
SLEUTEL = "Netbeheer.Ki_verv_LD_min"


@pytest.fixture(autouse=True)
def _rechten(db):
    rechten_toekennen()
    ensure_roles()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def v1():
    return pbl_kentallen_laden()[0]


def _concept(api, v1) -> dict:
    response = api.post(
        f"/api/v1/parametersets/{v1.pk}/concept", {"omschrijving": "Offertes"}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_everyone_logged_in_reads_versions_figures_and_tables(api, v1, projectleider):
    api.force_authenticate(projectleider)
    lijst = api.get("/api/v1/parametersets").json()
    assert lijst["count"] == 1
    (versie,) = lijst["results"]
    assert versie["versie"] == 1 and versie["huidig"] is True and versie["status"] == "vastgesteld"
    assert versie["aantalParameters"] == 302
    detail = api.get(f"/api/v1/parametersets/{v1.pk}").json()
    assert {g["groep"] for g in detail["groepen"]} >= {"Netbeheer", "Aanvullend"}
    tabel = next(t for t in detail["tabellen"] if t["sleutel"] == "woningen_bag")
    assert tabel["aantalRijen"] == 66

    netbeheer = api.get(f"/api/v1/parametersets/{v1.pk}/parameters", {"groep": "Netbeheer"}).json()
    assert netbeheer["count"] == 17
    eerste = next(p for p in netbeheer["results"] if p["sleutel"] == SLEUTEL)
    assert eerste == {
        "sleutel": SLEUTEL,
        "naam": "Ki_verv_LD_min",
        "groep": "Netbeheer",
        "waarde": 343.8,
        "waardeTekst": "",
        "eenheid": "Eur_m",
        "bron": "Inventarisatie netbeheerders 2024",
        "omschrijving": "minimaal kostenkengetal vervangen LD-gasnet",
        "herkomst": eerste["herkomst"],
        "gewijzigdOp": None,
    }
    nvt = api.get(f"/api/v1/parametersets/{v1.pk}/parameters/Vermogens.ASW_RVmt_wl_asl_min").json()
    assert nvt["waarde"] is None and nvt["waardeTekst"] == "nvt"

    woningen = api.get(f"/api/v1/parametersets/{v1.pk}/tabellen/woningen_bag").json()
    assert woningen["sleutelkolommen"] == ["type_str", "bouwjaar_str"]
    assert len(woningen["rijen"]) == 66 and len(woningen["rijen"][0]) == len(woningen["kolommen"])
    assert woningen["kolommen"][3]["eenheid"] == "GJ/jr per aansluiting"


def test_the_beheerder_makes_edits_and_publishes_a_version(api, v1, beheerder):
    api.force_authenticate(beheerder)
    concept = _concept(api, v1)
    assert concept["status"] == "concept" and concept["versie"] == 2
    assert concept["gebaseerdOp"] == v1.pk and concept["huidig"] is False
    url = f"/api/v1/parametersets/{concept['id']}/parameters/{SLEUTEL}"
    response = api.patch(url, {"waarde": 350.5, "bron": "Offerte 2025"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["waarde"] == 350.5
    assert response.json()["gewijzigdOp"] is not None

    verschillen = api.get(f"/api/v1/parametersets/{concept['id']}/verschillen").json()
    assert verschillen["van"] == v1.pk
    (verschil,) = verschillen["parameters"]
    assert verschil["sleutel"] == SLEUTEL
    assert {"veld": "waarde", "oud": 343.8, "nieuw": 350.5} in verschil["velden"]

    response = api.post(f"/api/v1/parametersets/{concept['id']}/vaststellen")
    assert response.status_code == 200
    assert response.json()["status"] == "vastgesteld" and response.json()["huidig"] is True
    assert selectors.is_verouderd(v1.pk)


def test_a_published_version_is_a_409_problem(api, v1, beheerder):
    api.force_authenticate(beheerder)
    response = api.patch(
        f"/api/v1/parametersets/{v1.pk}/parameters/{SLEUTEL}",
        {"waarde": 1, "bron": "x"},
        format="json",
    )
    assert response.status_code == 409
    assert response["Content-Type"].startswith(PROBLEM)
    assert "nieuwe versie" in response.json()["detail"]
    response = api.post(f"/api/v1/parametersets/{v1.pk}/vaststellen")
    assert response.status_code == 409 and response["Content-Type"].startswith(PROBLEM)


def test_a_missing_or_stale_source_is_a_400_naming_the_field(api, v1, beheerder):
    api.force_authenticate(beheerder)
    concept = _concept(api, v1)
    url = f"/api/v1/parametersets/{concept['id']}/parameters/{SLEUTEL}"
    zonder = api.patch(url, {"waarde": 1}, format="json")
    assert zonder.status_code == 400 and zonder["Content-Type"].startswith(PROBLEM)
    assert [p["name"] for p in zonder.json()["invalidParams"]] == ["bron"]
    oud = api.patch(url, {"waarde": 1, "bron": "Inventarisatie netbeheerders 2024"}, format="json")
    assert oud.status_code == 400
    assert oud.json()["invalidParams"][0]["name"] == "bron"
    tekst = api.patch(url, {"waarde": "veel", "bron": "x"}, format="json")
    assert tekst.status_code == 400
    assert tekst.json()["invalidParams"][0]["name"] == "waarde"


def test_a_second_concept_is_a_409(api, v1, beheerder):
    api.force_authenticate(beheerder)
    _concept(api, v1)
    response = api.post(f"/api/v1/parametersets/{v1.pk}/concept", {}, format="json")
    assert response.status_code == 409
    assert "Er is al een concept" in response.json()["detail"]


def test_others_read_but_do_not_write_and_do_not_see_a_concept(api, v1, beheerder, griffier):
    api.force_authenticate(beheerder)
    concept = _concept(api, v1)
    api.force_authenticate(griffier)
    assert api.get(f"/api/v1/parametersets/{concept['id']}").status_code == 403
    assert api.get("/api/v1/parametersets").json()["count"] == 1
    for response in (
        api.post(f"/api/v1/parametersets/{v1.pk}/concept", {}, format="json"),
        api.patch(
            f"/api/v1/parametersets/{concept['id']}/parameters/{SLEUTEL}",
            {"waarde": 1, "bron": "x"},
            format="json",
        ),
        api.post(f"/api/v1/parametersets/{concept['id']}/vaststellen"),
    ):
        assert response.status_code == 403
        assert response["Content-Type"].startswith(PROBLEM)
    assert Parameterset.objects.get(pk=concept["id"]).is_concept


def test_unknown_things_are_404_problems_and_anonymous_is_401(api, v1, projectleider):
    assert api.get("/api/v1/parametersets").status_code == 401
    api.force_authenticate(projectleider)
    for url in (
        "/api/v1/parametersets/999999",
        f"/api/v1/parametersets/{v1.pk}/parameters/Bestaat.Niet",
        f"/api/v1/parametersets/{v1.pk}/tabellen/bestaat_niet",
        "/api/v1/parametersets/99999999999999999999",
    ):
        response = api.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith(PROBLEM)
    assert api.get(f"/api/v1/parametersets/{v1.pk}/verschillen", {"van": "x"}).status_code == 400


def test_the_openapi_document_of_these_endpoints_is_valid_without_warnings(capsys):
    schema = SchemaGenerator(urlconf=URLS).get_schema(request=None, public=True)
    validate_schema(schema)
    paden = [p for p in schema["paths"] if "parametersets" in p]
    assert "/api/v1/parametersets/{id}/parameters/{sleutel}" in paden
    assert "patch" in schema["paths"]["/api/v1/parametersets/{id}/parameters/{sleutel}"]
    uitvoer = capsys.readouterr()
    assert "Warning" not in uitvoer.err and "Error" not in uitvoer.err, uitvoer.err
