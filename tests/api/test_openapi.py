"""The OpenAPI document follows the API Design Rules and validates; the docs page is CSP-safe."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from django.core.management import call_command

SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
KEBAB_SEGMENT = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*(\.[a-z]+)?|\{[a-z][a-zA-Z0-9]*\})$")
LOWER_CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def document(api, db):
    response = api.get("/api/v1/openapi.json")  # public: no login
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_info_has_contact_and_semver_version(document):
    assert document["openapi"].startswith("3.")
    assert document["info"]["contact"]["email"]
    assert document["info"]["contact"]["url"]
    assert SEMVER.match(document["info"]["version"])


def test_paths_are_kebab_case_without_trailing_slash(document):
    assert len(document["paths"]) >= 10
    for path in document["paths"]:
        assert path.startswith("/api/v1/")
        assert not path.endswith("/"), path
        for segment in path.removeprefix("/api/v1/").split("/"):
            assert KEBAB_SEGMENT.match(segment), path


def test_operations_have_ids_tags_and_problem_responses(document):
    ids = []
    for path, method, operation in operations(document):
        ids.append(operation["operationId"])
        assert LOWER_CAMEL.match(operation["operationId"]), operation["operationId"]
        assert operation["tags"]
        for parameter in operation.get("parameters", []):
            if parameter["in"] in ("query", "path"):
                assert LOWER_CAMEL.match(parameter["name"]), (path, parameter["name"])
        for status, response in operation["responses"].items():
            assert "API-Version" in response["headers"], (path, method, status)
            if status >= "400":
                assert list(response["content"]) == ["application/problem+json"], (path, status)
        assert "401" in operation["responses"]
    assert len(ids) == len(set(ids))


def test_field_names_are_lower_camel_case(document):
    for name, schema in document["components"]["schemas"].items():
        for field in schema.get("properties", {}):
            assert LOWER_CAMEL.match(field), (name, field)


def test_documented_endpoints(document):
    """The core's endpoints are all documented (step apps check their own)."""
    gedocumenteerd = {(method.upper(), path) for path, method, _ in operations(document)}
    assert gedocumenteerd >= {
        ("GET", "/api/v1/gemeenten"),
        ("GET", "/api/v1/gemeenten/{code}"),
        ("GET", "/api/v1/wijken"),
        ("GET", "/api/v1/wijken/{code}"),
        ("GET", "/api/v1/buurten"),
        ("GET", "/api/v1/buurten/{code}"),
        ("GET", "/api/v1/wijkplannen"),
        ("POST", "/api/v1/wijkplannen"),
        ("GET", "/api/v1/wijkplannen/{id}"),
        ("PATCH", "/api/v1/wijkplannen/{id}"),
        ("GET", "/api/v1/wijkplannen/{id}/overgangen"),
        ("POST", "/api/v1/wijkplannen/{id}/overgangen/{naam}"),
        ("GET", "/api/v1/wijkplannen/{id}/historie"),
        ("GET", "/api/v1/wijkplannen/{id}/historie/{historieId}"),
    }


def test_conflicts_are_documented(document):
    patch = document["paths"]["/api/v1/wijkplannen/{id}"]["patch"]
    assert {"409", "412"} <= set(patch["responses"])
    assert "If-Match" in {p["name"] for p in patch["parameters"]}
    uitvoeren = document["paths"]["/api/v1/wijkplannen/{id}/overgangen/{naam}"]["post"]
    schema = uitvoeren["responses"]["409"]["content"]["application/problem+json"]["schema"]
    assert schema["$ref"].endswith("/GatesNotMetProblem")


def test_yaml_variant(api, db):
    response = api.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["info"]["version"] == "1.0.0"


def test_schema_validates_without_warnings(tmp_path, db):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yaml")
    assert yaml.safe_load((tmp_path / "s.yaml").read_text())["paths"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_docs_page_has_no_inline_script_or_style(api, db):
    response = api.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    parser = _Tags()
    parser.feed(html)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts
    assert all(attrs.get("src") for attrs in scripts)
    assert "<script>" not in html
    assert not any(tag == "style" or "style" in attrs for tag, attrs in parser.tags)
    assert ("html", {"lang": "nl"}) in parser.tags

    init = next(a["src"] for a in scripts if "?script" in a["src"])
    response = api.get(init)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/v1/openapi.json" in response.content.decode()
