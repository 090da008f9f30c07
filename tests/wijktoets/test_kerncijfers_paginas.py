"""The beheerder's pages: upload, progress, past imports; nobody else gets in."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories
from tests.factories import inloggen
from tests.wijktoets.test_kerncijfers_lezen import ERMELO_2024, statline_csv
from tests.wup.test_templates_csp import InlineCodeFinder
from wijktoets.models import KerncijferImport, KerncijferRegio
from wijktoets.services import kerncijfers as services
from wijktoets.views import kerncijfers as views

pytestmark = pytest.mark.django_db

Status = KerncijferImport.Status
LIJST = reverse("wijktoets-kerncijfer-imports")
NIEUW = reverse("wijktoets-kerncijfer-import-nieuw")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def als_beheerder(client, beheerder):
    inloggen(client, beheerder)
    return client


def upload(client, data: bytes, naam: str = "85984NED.csv", jaar: str = "", **extra):
    with_commit = extra.pop("captured", None)
    bestand = SimpleUploadedFile(naam, data, content_type="text/csv")
    if with_commit is not None:
        with with_commit(execute=True):
            return client.post(NIEUW, {"bestand": bestand, "jaar": jaar}, **extra)
    return client.post(NIEUW, {"bestand": bestand, "jaar": jaar}, **extra)


def _geen_inline_code(html: str) -> None:
    finder = InlineCodeFinder()
    finder.feed(html)
    assert finder.problems == []


def test_the_beheerder_uploads_a_file_and_sees_the_finished_import(
    als_beheerder, django_capture_on_commit_callbacks
):
    response = upload(
        als_beheerder, statline_csv(ERMELO_2024), captured=django_capture_on_commit_callbacks
    )
    imp = KerncijferImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wijktoets-kerncijfer-import-detail", args=[imp.pk])
    pagina = als_beheerder.get(response["Location"])
    html = pagina.content.decode()
    assert imp.status == Status.GESLAAGD
    assert "Ingelezen voor 2024: 3 nieuwe regio" in html
    assert "Refresh" not in pagina
    assert 'http-equiv="refresh"' not in html
    _geen_inline_code(html)
    lijst = als_beheerder.get(LIJST).content.decode()
    assert "85984NED.csv" in lijst
    assert "Sam de Vries" in lijst  # who
    _geen_inline_code(lijst)


def test_a_bad_file_shows_row_column_value_and_why(
    als_beheerder, django_capture_on_commit_callbacks
):
    rijen = [dict(r) for r in ERMELO_2024]
    rijen[1]["AantalInwoners_5"] = "zeven"
    response = upload(
        als_beheerder, statline_csv(rijen), captured=django_capture_on_commit_callbacks
    )
    html = als_beheerder.get(response["Location"]).content.decode()
    assert "Mislukt" in html
    assert '<td class="utrecht-table__cell">AantalInwoners_5</td>' in html
    assert "zeven" in html
    assert "Geen getal" in html
    assert not KerncijferRegio.objects.exists()


def test_a_running_import_refreshes_its_page(als_beheerder, beheerder):
    imp = services.kerncijfer_import_aanmaken(
        bestand=SimpleUploadedFile("k.csv", statline_csv(ERMELO_2024)),
        bestandsnaam="k.csv",
        user=beheerder,
    )  # the task waits for the commit, which the test transaction never gives
    KerncijferImport.objects.filter(pk=imp.pk).update(
        status=Status.BEZIG, voortgang=40, stap="Vergelijken"
    )
    response = als_beheerder.get(reverse("wijktoets-kerncijfer-import-detail", args=[imp.pk]))
    html = response.content.decode()
    assert response["Refresh"] == "2"
    assert '<progress id="voortgang" max="100" value="40">' in html
    assert "Vergelijken" in html


def test_the_form_asks_for_a_file_and_refuses_other_kinds(als_beheerder):
    response = als_beheerder.post(NIEUW, {"jaar": ""})
    assert response.status_code == 400
    assert "Kies een bestand." in response.content.decode()
    response = upload(als_beheerder, b"%PDF-1.4", naam="kaart.pdf")
    assert response.status_code == 400
    assert "CSV-bestand" in response.content.decode()
    response = upload(als_beheerder, statline_csv(ERMELO_2024), jaar="1999")
    assert response.status_code == 400
    assert not KerncijferImport.objects.exists()


def test_an_upload_announced_too_large_is_refused_before_reading(als_beheerder):
    response = als_beheerder.post(
        NIEUW,
        data=b"",
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(200 * 1024**2),
    )
    assert response.status_code == 413
    assert "te groot (200 MB)" in response.content.decode()
    assert not KerncijferImport.objects.exists()


def test_an_upload_that_grows_too_large_while_streaming_is_stopped(als_beheerder, monkeypatch):
    # 20 kB is announced (within the margin), but the stream passes the 10 kB limit
    monkeypatch.setattr(services, "MAX_BESTANDSGROOTTE", 10_000)
    assert views.MARGE > 20_000
    response = upload(als_beheerder, b"a" * 20_000)
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert not KerncijferImport.objects.exists()


@pytest.mark.parametrize("naam", ["projectleider", "griffier"])
def test_others_get_403(client, request, naam):
    inloggen(client, request.getfixturevalue(naam))
    imp = KerncijferImport.objects.create(bestandsnaam="k.csv", sha256="0" * 64)
    for url in (LIJST, NIEUW, reverse("wijktoets-kerncijfer-import-detail", args=[imp.pk])):
        assert client.get(url).status_code == 403, url
    response = upload(client, statline_csv(ERMELO_2024))
    assert response.status_code == 403
    assert KerncijferImport.objects.count() == 1


def test_anonymous_users_are_sent_to_the_login(client):
    for url in (LIJST, NIEUW):
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen" in response["Location"]


def test_an_unknown_import_is_404(als_beheerder):
    url = reverse("wijktoets-kerncijfer-import-detail", args=[999])
    assert als_beheerder.get(url).status_code == 404


def test_upload_without_csrf_token_is_refused(beheerder):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    inloggen(client, beheerder)
    response = upload(client, statline_csv(ERMELO_2024))
    assert response.status_code == 403
    assert not KerncijferImport.objects.exists()


def test_the_pages_show_for_the_beheerder(als_beheerder):
    factories.GemeenteFactory(code="GM0233", naam="Ermelo")
    for url in (LIJST, NIEUW):
        response = als_beheerder.get(url)
        assert response.status_code == 200
        _geen_inline_code(response.content.decode())
    assert 'enctype="multipart/form-data"' in als_beheerder.get(NIEUW).content.decode()
