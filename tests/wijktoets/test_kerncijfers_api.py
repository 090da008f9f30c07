"""API of the CBS Kerncijfers: figures with units, the catalogue, imports for the beheerder."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.wijktoets.test_kerncijfers_lezen import ERMELO_2024, statline_csv
from wijktoets.cbs.variabelen import VARIABELEN
from wijktoets.models import KerncijferImport, KerncijferRegio
from wijktoets.services import kerncijfers as services

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def ingelezen():
    imp = services.kerncijfer_import_aanmaken(
        bestand=SimpleUploadedFile("k.csv", statline_csv(ERMELO_2024)),
        bestandsnaam="k.csv",
        in_wachtrij=False,
    )
    return services.kerncijfer_import_uitvoeren(import_id=imp.pk)


def test_figures_per_region_with_units_and_missing_as_null(api, projectleider, ingelezen):
    api.force_authenticate(projectleider)
    response = api.get("/api/v1/kerncijfers", {"codes": "bu02330001, GM0233", "jaar": 2024})
    assert response.status_code == 200
    regios = {r["code"]: r for r in response.json()}
    assert set(regios) == {"BU02330001", "GM0233"}
    gm = {c["sleutel"]: c for c in regios["GM0233"]["cijfers"]}
    assert gm["aardgas_huurwoning_m3"] == {
        "sleutel": "aardgas_huurwoning_m3",
        "waarde": 750.0,
        "eenheid": "m³",
    }
    assert gm["elektriciteit_huurwoning_kwh"]["eenheid"] == "kWh"
    bu = {c["sleutel"]: c["waarde"] for c in regios["BU02330001"]["cijfers"]}
    assert bu["aantal_inwoners"] == 0
    assert bu["aardgas_huurwoning_m3"] is None
    assert regios["GM0233"]["soort"] == "gemeente"


def test_only_the_asked_variables_and_years(api, projectleider, ingelezen):
    api.force_authenticate(projectleider)
    response = api.get("/api/v1/kerncijfers", {"codes": "NL00", "variabelen": "aantal_inwoners"})
    assert [c["sleutel"] for c in response.json()[0]["cijfers"]] == ["aantal_inwoners"]
    assert api.get("/api/v1/kerncijfers", {"codes": "NL00", "jaar": 2023}).json() == []


@pytest.mark.parametrize(
    ("params", "naam"),
    [
        ({}, "codes"),
        ({"codes": " , "}, "codes"),
        ({"codes": "GM0233,Ermelo"}, "codes"),
        ({"codes": ",".join(f"GM{i:04d}" for i in range(501))}, "codes"),
        ({"codes": "GM0233", "jaar": "vorig jaar"}, "jaar"),
        ({"codes": "GM0233", "variabelen": "gasverbruik"}, "variabelen"),
    ],
)
def test_bad_parameters_are_problems(api, projectleider, params, naam):
    api.force_authenticate(projectleider)
    response = api.get("/api/v1/kerncijfers", params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith(PROBLEM)
    assert [p["name"] for p in response.json()["invalidParams"]] == [naam]


def test_the_catalogue(api, griffier):
    api.force_authenticate(griffier)
    response = api.get("/api/v1/kerncijfer-variabelen")
    assert response.status_code == 200
    per_sleutel = {v["sleutel"]: v for v in response.json()}
    assert set(per_sleutel) == set(VARIABELEN)
    assert per_sleutel["aardgas_huurwoning_m3"] == {
        "sleutel": "aardgas_huurwoning_m3",
        "titel": "Aardgasverbruik huurwoning",
        "eenheid": "m³",
        "groep": "Energie",
        "jaren": [2024],
    }
    assert per_sleutel["aardgas_totaal_m3"]["jaren"] == [2023, 2024]


def test_anonymous_gets_401(api):
    for url in (
        "/api/v1/kerncijfers?codes=GM0233",
        "/api/v1/kerncijfer-variabelen",
        "/api/v1/kerncijfer-imports",
    ):
        response = api.get(url)
        assert response.status_code == 401
        assert response["Content-Type"].startswith(PROBLEM)


def test_the_beheerder_uploads_and_follows_the_import(
    api, beheerder, django_capture_on_commit_callbacks
):
    api.force_authenticate(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/v1/kerncijfer-imports",
            {"bestand": SimpleUploadedFile("85984NED.csv", statline_csv(ERMELO_2024))},
            format="multipart",
        )
    assert response.status_code == 202, response.content
    assert response["Location"] == response.json()["url"]
    status = api.get(response["Location"]).json()
    assert status["status"] == "geslaagd"
    assert (status["jaar"], status["tabel"], status["voortgang"]) == (2024, "85984NED", 100)
    assert status["aangemaaktDoor"] == beheerder.username
    assert KerncijferRegio.objects.count() == 3
    lijst = api.get("/api/v1/kerncijfer-imports").json()
    assert lijst["count"] == 1


def test_a_bad_upload_is_accepted_and_ends_failed_with_the_errors(
    api, beheerder, django_capture_on_commit_callbacks
):
    api.force_authenticate(beheerder)
    rijen = [dict(r) for r in ERMELO_2024]
    rijen[2]["AantalInwoners_5"] = "onbekend"
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            "/api/v1/kerncijfer-imports",
            {"bestand": SimpleUploadedFile("k.csv", statline_csv(rijen)), "jaar": 2024},
            format="multipart",
        )
    status = api.get(response["Location"]).json()
    assert status["status"] == "mislukt"
    assert status["fouten"][0] == {
        "rij": 4,
        "kolom": "AantalInwoners_5",
        "waarde": "onbekend",
        "reden": status["fouten"][0]["reden"],
    }
    assert not KerncijferRegio.objects.exists()


def test_upload_problems(api, beheerder):
    api.force_authenticate(beheerder)
    response = api.post("/api/v1/kerncijfer-imports", {"jaar": "2024"}, format="multipart")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "bestand"
    response = api.post(
        "/api/v1/kerncijfer-imports",
        {"bestand": SimpleUploadedFile("k.csv", b"x"), "jaar": 1999},
        format="multipart",
    )
    assert response.status_code == 400
    response = api.post(
        "/api/v1/kerncijfer-imports",
        b"",
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(200 * 1024**2),
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith(PROBLEM)
    assert not KerncijferImport.objects.exists()


@pytest.mark.parametrize("naam", ["projectleider", "griffier"])
def test_only_the_beheerder_sees_and_starts_imports(api, request, naam, ingelezen):
    api.force_authenticate(request.getfixturevalue(naam))
    assert api.get("/api/v1/kerncijfer-imports").status_code == 403
    assert api.get(f"/api/v1/kerncijfer-imports/{ingelezen.pk}").status_code == 403
    response = api.post(
        "/api/v1/kerncijfer-imports",
        {"bestand": SimpleUploadedFile("k.csv", statline_csv(ERMELO_2024))},
        format="multipart",
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith(PROBLEM)
    assert KerncijferImport.objects.count() == 1


def test_an_unknown_import_is_a_404_problem(api, beheerder):
    api.force_authenticate(beheerder)
    for nummer in (12345, 2**70):
        response = api.get(f"/api/v1/kerncijfer-imports/{nummer}")
        assert response.status_code == 404
        assert response["Content-Type"].startswith(PROBLEM)
