"""The beheerder's Startanalyse pages: upload, progress and report, past imports; nobody else
gets in."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from techniek.models import StartanalyseImport, StartanalyseResultaat
from techniek.registratie import rechten_toekennen
from techniek.services import startanalyse as services
from tests.factories import inloggen
from tests.techniek.test_startanalyse_lezen import HILVERSUM_2019, HOOFD_2020
from tests.wup.test_templates_csp import InlineCodeFinder
from wup.roles import ensure_roles

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.techniek.test_parameters_paginas")]
Status = StartanalyseImport.Status


@pytest.fixture(autouse=True)
def _rechten_en_media(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rechten_toekennen()
    ensure_roles()


@pytest.fixture
def als_beheerder(client, beheerder):
    inloggen(client, beheerder)
    return client


def _html(response) -> str:
    html = response.content.decode()
    finder = InlineCodeFinder()
    finder.feed(html)
    assert finder.problems == []
    return html


def upload(client, data: bytes, naam="Hoofdindicatoren.csv", **velden):
    bestand = SimpleUploadedFile(naam, data, content_type="text/csv")
    return client.post(
        reverse("techniek-startanalyse-import-nieuw"), {"bestand": bestand, **velden}
    )


def test_the_beheerder_uploads_and_sees_the_report(
    als_beheerder, django_capture_on_commit_callbacks
):
    assert "Startanalyse van PBL inlezen" in _html(
        als_beheerder.get(reverse("techniek-startanalyse-import-nieuw"))
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(als_beheerder, HILVERSUM_2019.read_bytes(), gemeente="gm0402")
    imp = StartanalyseImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("techniek-startanalyse-import-detail", args=[imp.pk])
    assert imp.gevraagde_gemeente == "GM0402"
    pagina = als_beheerder.get(response["Location"])
    html = _html(pagina)
    assert "Ingelezen voor editie 2019: 43 nieuwe rijen" in html
    assert "Refresh" not in pagina
    lijst = _html(als_beheerder.get(reverse("techniek-startanalyse-imports")))
    assert "GM0402" in lijst and "43" in lijst
    assert "Sam de Vries" in lijst


def test_a_running_import_refreshes_itself(als_beheerder, beheerder):
    imp = services.startanalyse_import_aanmaken(
        bestand=SimpleUploadedFile("h.csv", HOOFD_2020.encode()),
        bestandsnaam="h.csv",
        user=beheerder,
        in_wachtrij=False,
    )
    pagina = als_beheerder.get(reverse("techniek-startanalyse-import-detail", args=[imp.pk]))
    assert pagina["Refresh"] == "2"
    html = _html(pagina)
    assert "<progress" in html and "Wacht op verwerking" in html


def test_a_bad_file_shows_row_column_value_and_why(
    als_beheerder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(als_beheerder, HOOFD_2020.replace("800000", "veel").encode())
    html = _html(als_beheerder.get(response["Location"]))
    assert "Mislukt" in html
    assert "H16_Nat_meerkost" in html and "veel" in html and "Dit is geen getal." in html
    assert not StartanalyseResultaat.objects.exists()


def test_a_wrong_form_is_answered_with_the_reasons(als_beheerder):
    response = upload(als_beheerder, HOOFD_2020.encode(), gemeente="Hilversum", editie="1999")
    assert response.status_code == 400
    html = _html(response)
    assert "Een gemeentecode is GM gevolgd door 4 cijfers" in html
    assert "Kies een editie uit de lijst" in html
    assert als_beheerder.post(reverse("techniek-startanalyse-import-nieuw"), {}).status_code == 400
    assert not StartanalyseImport.objects.exists()


def test_a_far_too_large_upload_is_refused_unread(als_beheerder, settings, monkeypatch):
    monkeypatch.setattr(services, "MAX_BESTANDSGROOTTE", 1000)
    response = upload(als_beheerder, b"x" * 200_000)
    assert response.status_code == 413
    assert "te groot" in _html(response)
    assert not StartanalyseImport.objects.exists()


@pytest.mark.parametrize("wie", ["projectleider", "griffier"])
def test_nobody_else_gets_in(client, wie, request):
    inloggen(client, request.getfixturevalue(wie))
    for url in (
        reverse("techniek-startanalyse-imports"),
        reverse("techniek-startanalyse-import-nieuw"),
        reverse("techniek-startanalyse-import-detail", args=[1]),
    ):
        assert client.get(url).status_code == 403
    assert upload(client, HOOFD_2020.encode()).status_code == 403
    assert not StartanalyseImport.objects.exists()


def test_an_unknown_import_is_a_404(als_beheerder):
    assert (
        als_beheerder.get(reverse("techniek-startanalyse-import-detail", args=[424242])).status_code
        == 404
    )
