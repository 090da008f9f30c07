"""What the fuzzing found (docs/api.md), pinned down one by one so it stays fixed."""

import json

import pytest

from tests.api.conftest import assert_problem


@pytest.fixture
def document(api, db):
    return api.get("/api/v1/openapi.json").json()


def _schema_200(document, path, method="get"):
    content = document["paths"][path][method]["responses"]["200"]["content"]
    return content["application/json"]["schema"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/wijkplannen/{id}/alternatieven",
        "/api/v1/wijkplannen/{id}/keuze/criteria",
        "/api/v1/wijkplannen/{id}/keuze/keuzes",
        "/api/v1/wijkplannen/{id}/raadplegingen",
        "/api/v1/wijkplannen/{id}/document/versies",
        "/api/v1/wijkplannen/{id}/wijktoets/bevindingen",
        "/api/v1/kerncijfer-variabelen",
    ],
)
def test_lists_without_pages_are_documented_as_arrays(document, path):
    assert _schema_200(document, path)["type"] == "array"


def test_a_list_with_pages_documents_the_404_past_the_last_page(als, projectleider, document):
    assert "404" in document["paths"]["/api/v1/wijkplannen"]["get"]["responses"]
    assert_problem(als(projectleider).get("/api/v1/wijkplannen?pagina=99"), 404)


def test_a_409_without_unmet_conditions_matches_its_schema(document):
    schema = document["components"]["schemas"]["GatesNotMetProblem"]
    assert "unmetConditions" in schema["properties"]
    assert "unmetConditions" not in schema["required"]


@pytest.mark.parametrize("inhoud", [b"{niet json", b"\xff\xfe", b"\xef\xbb\xbf{}"])
def test_a_body_that_is_not_json_is_a_400_with_invalid_params(als, projectleider, plan, inhoud):
    response = als(projectleider).patch(
        f"/api/v1/wijkplannen/{plan.pk}", inhoud, content_type="application/json"
    )
    body = assert_problem(response, 400)
    assert [p["name"] for p in body["invalidParams"]] == ["nonFieldErrors"]
    assert body["invalidParams"][0]["code"] == "parse-error"


def test_no_format_query_parameter_the_accept_header_decides(als, projectleider, document):
    for item in document["paths"].values():
        for operation in item.values():
            namen = {p["name"] for p in operation.get("parameters", [])}
            assert "format" not in namen
    response = als(projectleider).get("/api/v1/gemeenten?format=api")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    json.loads(response.content)
