"""The pages of step 6: the versions, the progress page and the download."""

import re

import pytest

from besluitvorming import services
from besluitvorming.models import Documentversie
from tests.factories import WijkplanFactory
from tests.factories import projectleider as maak_projectleider


@pytest.fixture
def snel(monkeypatch):
    monkeypatch.setattr(services, "pdf_renderen", lambda plan, **kw: b"%PDF-1.7 klein")


def _url(plan, *delen):
    return "/".join([f"/wijkplannen/{plan.pk}/document/versies", *map(str, delen)])


def test_the_versions_page_has_the_button_and_the_list(client, plan, projectleider, snel):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    v.refresh_from_db()
    client.force_login(projectleider)

    html = client.get(_url(plan)).content.decode()

    assert "PDF maken" in html and 'name="sleutel"' in html
    assert v.sha256 in html and "Concept" in html and "Wijktoets" in html
    assert f'href="{_url(plan, v.pk, "pdf")}"' in html
    assert "<script" not in html and "style=" not in html


def test_the_document_page_links_to_the_versions(client, plan, projectleider):
    client.force_login(projectleider)
    html = client.get(f"/wijkplannen/{plan.pk}/document").content.decode()
    assert f'href="{_url(plan)}"' in html


def test_pdf_maken_queues_a_version_and_shows_its_progress(client, plan, projectleider):
    client.force_login(projectleider)
    pagina = client.get(_url(plan)).content.decode()
    sleutel = re.search(r'name="sleutel" value="([^"]+)"', pagina)[1]

    response = client.post(_url(plan), {"sleutel": sleutel})
    client.post(_url(plan), {"sleutel": sleutel})  # sent twice: still one version

    v = Documentversie.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(plan, v.pk)
    html = client.get(response["Location"]).content.decode()
    assert "in de wachtrij" in html
    # the page checks by itself with a static script, no inline code
    assert f'data-status-url="/api/v1/wijkplannen/{plan.pk}/document/versies/{v.pk}"' in html
    assert re.search(r'<script src="/static/js/documentversie.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert 'aria-live="polite"' in html


def test_the_progress_page_shows_the_download_when_ready(client, plan, projectleider, snel):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    client.force_login(projectleider)

    html = client.get(_url(plan, v.pk)).content.decode()

    assert "De PDF is klaar." in html and "<script" not in html
    assert f'href="{_url(plan, v.pk, "pdf")}"' in html


def test_a_failed_version_says_why(client, plan, projectleider, monkeypatch):
    from besluitvorming.pdf import RenderFout

    def kapot(plan, **kw):
        raise RenderFout("Het maken duurde te lang.")

    monkeypatch.setattr(services, "pdf_renderen", kapot)
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    client.force_login(projectleider)
    html = client.get(_url(plan, v.pk)).content.decode()
    assert "Het is niet gelukt deze PDF te maken." in html and "duurde te lang" in html


def test_the_download_is_an_attachment(client, plan, projectleider, snel):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    client.force_login(projectleider)

    response = client.get(_url(plan, v.pk, "pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="plandocument-{plan.pk}-versie-1.pdf"'
    )
    assert b"".join(response.streaming_content) == b"%PDF-1.7 klein"


def test_a_queued_version_has_no_download_yet(client, plan, projectleider):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    client.force_login(projectleider)
    assert client.get(_url(plan, v.pk, "pdf")).status_code == 404


def test_access(client, plan, gemeente, griffier, projectleider, snel):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    services.documentversie_maken(versie_id=v.pk)
    urls = [_url(plan), _url(plan, v.pk), _url(plan, v.pk, "pdf")]

    for url in urls:  # anonymous: to the login page
        assert "/inloggen" in client.get(url)["Location"]
    assert "/inloggen" in client.post(_url(plan))["Location"]

    client.force_login(maak_projectleider(gemeente, username="andere"))
    for url in urls:
        assert client.get(url).status_code == 403
    assert client.post(_url(plan)).status_code == 403

    # the griffier reads the versions of a plan before the council, but does not ask for one
    raadsplan = WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, ter_besluitvorming=True
    )
    client.force_login(griffier)
    html = client.get(_url(raadsplan)).content.decode()
    assert "PDF maken" not in html
    assert client.post(_url(raadsplan)).status_code == 403
    assert client.get(_url(plan)).status_code == 403  # not yet with the council
    assert Documentversie.objects.count() == 1


def test_a_version_of_another_plan_is_not_found(client, plan, projectleider, gemeente):
    ander = WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    v = services.documentversie_aanvragen(plan=ander, user=projectleider)
    client.force_login(projectleider)
    assert client.get(_url(plan, v.pk)).status_code == 404
    assert client.get(_url(plan, v.pk, "pdf")).status_code == 404
