"""The API of step 6: list, request (202), status, download; problem+json; the schema."""

import uuid

import pytest
from rest_framework.test import APIClient

from besluitvorming import services
from besluitvorming.models import Documentversie
from tests.factories import projectleider as maak_projectleider

PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def snel(monkeypatch):
    monkeypatch.setattr(services, "pdf_renderen", lambda plan, **kw: b"%PDF-1.7 klein")


def _basis(plan):
    return f"/api/v1/wijkplannen/{plan.pk}/document/versies"


def test_request_list_status_and_download(
    api, plan, projectleider, snel, django_capture_on_commit_callbacks
):
    api.force_authenticate(projectleider)
    sleutel = str(uuid.uuid4())
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(_basis(plan), {"aanvraagsleutel": sleutel}, format="json")

    assert response.status_code == 202
    data = response.json()
    assert data["nummer"] == 1 and data["status"] == "wachtrij"
    assert response["Location"] == data["url"]
    assert data["url"].endswith(f"{_basis(plan)}/{data['id']}")

    again = api.post(_basis(plan), {"aanvraagsleutel": sleutel}, format="json")
    assert again.status_code == 202 and again.json()["id"] == data["id"]

    detail = api.get(data["url"]).json()
    assert detail["status"] == "klaar" and detail["statusLabel"] == "Klaar"
    assert detail["definitief"] is False and detail["fase"] == "wijktoets"
    assert detail["aangevraagdDoor"]["gebruikersnaam"] == "projectleider"
    assert len(detail["sha256"]) == 64 and detail["grootte"] == len(b"%PDF-1.7 klein")

    lijst = api.get(_basis(plan)).json()
    assert [v["id"] for v in lijst] == [data["id"]]

    pdf = api.get(detail["downloadUrl"], HTTP_ACCEPT="application/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment; filename=")
    assert b"".join(pdf.streaming_content) == b"%PDF-1.7 klein"


def test_a_request_without_a_body_works(api, plan, projectleider):
    api.force_authenticate(projectleider)
    response = api.post(_basis(plan))
    assert response.status_code == 202


def test_problems(api, plan, projectleider, gemeente):
    v = services.documentversie_aanvragen(plan=plan, user=projectleider)
    # anonymous
    assert api.get(_basis(plan)).status_code == 401
    # another projectleider
    api.force_authenticate(maak_projectleider(gemeente, username="andere"))
    for response in (
        api.get(_basis(plan)),
        api.post(_basis(plan)),
        api.get(f"{_basis(plan)}/{v.pk}"),
        api.get(f"{_basis(plan)}/{v.pk}/pdf", HTTP_ACCEPT="application/pdf"),
    ):
        assert response.status_code == 403
        assert response["Content-Type"].startswith(PROBLEM)
    # not ready yet, unknown, wrong input
    api.force_authenticate(projectleider)
    nog_niet = api.get(f"{_basis(plan)}/{v.pk}/pdf")
    assert nog_niet.status_code == 404 and nog_niet["Content-Type"].startswith(PROBLEM)
    assert api.get(f"{_basis(plan)}/999999").status_code == 404
    fout = api.post(_basis(plan), {"aanvraagsleutel": "geen-uuid", "x": 1}, format="json")
    assert fout.status_code == 400
    namen = {p["name"] for p in fout.json()["invalidParams"]}
    assert namen == {"aanvraagsleutel", "x"}
    assert Documentversie.objects.count() == 1


def test_the_operations_are_in_the_openapi_document(api):
    schema = api.get("/api/v1/openapi.json").json()
    basis = "/api/v1/wijkplannen/{id}/document/versies"
    assert set(schema["paths"][basis]) >= {"get", "post"}
    assert "202" in schema["paths"][basis]["post"]["responses"]
    assert (
        "application/pdf"
        in (schema["paths"][basis + "/{versieId}/pdf"]["get"]["responses"]["200"]["content"])
    )
