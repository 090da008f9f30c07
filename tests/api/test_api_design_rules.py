"""The OpenAPI document against the Dutch API Design Rules (ADR, Logius; rule ids as published).

Each rule that can be checked on an OpenAPI document is a function below: its docstring cites
the rule id and what the rule demands, and it returns the violations it finds. Every rule runs
twice: on our own generated document (no violations allowed) and on a tiny bad fragment (it must
find one), so a checker that can no longer fail is caught too. The rules that need a running API
(publishing the document, the version header, the 404 for a trailing slash) are checked against
the application itself at the end. docs/api.md lists which rules are checked and which are not.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re

import pytest
import yaml
from django.conf import settings

METHODS = {"get", "post", "put", "patch", "delete"}
#: Keys of an OpenAPI 3 Path Item Object that are not operations.
PATH_ITEM_FIELDS = {"summary", "description", "servers", "parameters", "$ref"}
PROBLEM_TYPES = {"application/problem+json", "application/problem+xml"}
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
#: The regular expression of /core/path-segments-kebab-case's "how to test".
KEBAB_PATH = re.compile(
    r"^(\/|(\/_[a-z0-9]+|\/(([a-z0-9\-]+|{[^}]+})(\/([a-z0-9\-\.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$"
)
#: The regular expression of /core/query-keys-camel-case's "how to test".
CAMEL_QUERY_KEY = re.compile(r"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$")


@functools.cache
def _generated() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture
def document() -> dict:
    return copy.deepcopy(_generated())


def _operations(doc: dict):
    for path, item in doc.get("paths", {}).items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _resolve(doc: dict, node: dict) -> dict:
    while isinstance(node, dict) and "$ref" in node:
        node = _pointer(doc, node["$ref"])
    return node


def _pointer(doc: dict, ref: str):
    if not ref.startswith("#/"):
        raise KeyError(ref)
    node = doc
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _major(doc: dict) -> str:
    return str(doc.get("info", {}).get("version", "")).split(".")[0]


# --- The rules --------------------------------------------------------------------------------


def doc_openapi(doc: dict) -> list[str]:
    """/core/doc-openapi: API documentation MUST be provided as an OpenAPI definition document
    conforming to the OpenAPI Specification from v3 onwards. Test: parse it, confirm all $refs
    resolve and paths are defined."""
    fouten = []
    if not str(doc.get("openapi", "")).startswith("3."):
        fouten.append(f"openapi is {doc.get('openapi')!r}, geen 3.x")
    if not doc.get("paths"):
        fouten.append("geen paths")
    for ref in set(_refs(doc)):
        try:
            _pointer(doc, ref)
        except (KeyError, TypeError):
            fouten.append(f"$ref {ref} verwijst nergens naar")
    return fouten


def doc_openapi_contact(doc: dict) -> list[str]:
    """/core/doc-openapi-contact: the document SHOULD include the info.contact object for a
    publicly available API. We require name, url and email, so a user knows whom to ask."""
    contact = doc.get("info", {}).get("contact") or {}
    return [
        f"info.contact.{veld} ontbreekt"
        for veld in ("name", "url", "email")
        if not contact.get(veld)
    ]


def uri_version(doc: dict) -> list[str]:
    """/core/uri-version: the URI of an API MUST include the major version number, prefixed
    with "v", and only the major version. Our document has no servers object (each municipality
    runs the API on its own host), so the base path is in every path: /api/v{major}/. A servers
    url, if there is one, must carry the same /v{major}."""
    fouten = []
    major = _major(doc)
    for path in doc.get("paths", {}):
        if not path.startswith(f"/api/v{major}/"):
            fouten.append(f"{path} begint niet met /api/v{major}/")
    for server in doc.get("servers", []):
        if not re.search(rf"/v{major}(/|$)", server.get("url", "")):
            fouten.append(f"server {server.get('url')} heeft geen /v{major}")
    return fouten


def semver(doc: dict) -> list[str]:
    """/core/semver: Semantic Versioning MUST be used. Test: info.version is major.minor.patch
    (with an optional pre-release or build suffix)."""
    version = str(doc.get("info", {}).get("version", ""))
    return [] if SEMVER.match(version) else [f"info.version {version!r} is geen semver"]


def version_header(doc: dict) -> list[str]:
    """/core/version-header: the API-Version header MUST be returned in every response. In the
    document: every response of every operation declares the API-Version header."""
    fouten = []
    for path, method, operation in _operations(doc):
        for status, response in operation.get("responses", {}).items():
            headers = {k.lower() for k in _resolve(doc, response).get("headers", {})}
            if "api-version" not in headers:
                fouten.append(f"{method.upper()} {path} {status}: geen API-Version")
    return fouten


def no_trailing_slash(doc: dict) -> list[str]:
    """/core/no-trailing-slash: a URI MUST NOT contain a trailing slash (the root resource
    excepted). Test: no resource path in the document ends with "/"."""
    return [f"{p} eindigt op /" for p in doc.get("paths", {}) if p != "/" and p.endswith("/")]


def path_segments_kebab_case(doc: dict) -> list[str]:
    """/core/path-segments-kebab-case: path segments MUST only contain lowercase letters,
    digits or hyphens (no file extensions; the last segment may start with "_"). Test: the
    rule's own regular expression on every resource path."""
    return [f"{p} is geen kebab-case" for p in doc.get("paths", {}) if not KEBAB_PATH.match(p)]


def query_keys_camel_case(doc: dict) -> list[str]:
    """/core/query-keys-camel-case: query keys MUST be lower camelCase (letters and digits, not
    starting with a digit). Test: the rule's own regular expression on every query parameter."""
    fouten = []
    for path, method, operation in _operations(doc):
        parameters = [*doc["paths"][path].get("parameters", []), *operation.get("parameters", [])]
        for parameter in (_resolve(doc, p) for p in parameters):
            if parameter.get("in") == "query" and not CAMEL_QUERY_KEY.match(parameter["name"]):
                fouten.append(f"{method.upper()} {path}: ?{parameter['name']}")
    return fouten


def http_methods(doc: dict) -> list[str]:
    """/core/http-methods: resources MUST be retrieved or manipulated with the standard HTTP
    methods GET, POST, PUT, PATCH and DELETE. Test: a path item has no other operation."""
    fouten = []
    for path, item in doc.get("paths", {}).items():
        for key in set(item) - METHODS - PATH_ITEM_FIELDS:
            fouten.append(f"{key.upper()} {path}")
    return fouten


def problem_details(doc: dict) -> list[str]:
    """/core/error-handling/problem-details: 4xx and 5xx responses MUST be
    application/problem+json (or +xml) per RFC 9457, with at least status, title and detail.
    Test: every documented 4xx/5xx response has only problem media types and its schema
    requires those three fields."""
    fouten = []
    for path, method, operation in _operations(doc):
        for status, response in operation.get("responses", {}).items():
            if str(status)[0] not in "45":
                continue
            content = _resolve(doc, response).get("content", {})
            waar = f"{method.upper()} {path} {status}"
            if not content or set(content) - PROBLEM_TYPES:
                fouten.append(f"{waar}: {sorted(content) or 'geen inhoud'}")
                continue
            for media in content.values():
                schema = _resolve(doc, media.get("schema", {}))
                ontbreekt = {"status", "title", "detail"} - set(schema.get("required", []))
                if ontbreekt:
                    fouten.append(f"{waar}: {sorted(ontbreekt)} niet verplicht")
    return fouten


def invalid_input(doc: dict) -> list[str]:
    """/core/error-handling/invalid-input: invalid input (syntax errors, missing or invalid
    query parameters, a body failing its schema) MUST result in 400. Test: every operation
    that accepts query parameters or a request body documents a 400 response."""
    fouten = []
    for path, method, operation in _operations(doc):
        parameters = [_resolve(doc, p) for p in operation.get("parameters", [])]
        neemt_invoer = "requestBody" in operation or any(p.get("in") == "query" for p in parameters)
        if neemt_invoer and "400" not in operation.get("responses", {}):
            fouten.append(f"{method.upper()} {path}: geen 400")
    return fouten


#: Collective nouns that name a collection in the singular, and why they stay.
#: Renaming a published path is a breaking change, which /core/semver allows only in a new
#: major version (v2); both read naturally in Dutch as "the set of".
VERZAMELNAMEN = {
    "historie": "de historie van een plan is de verzameling van zijn faseovergangen",
    "planning": "de planning van een plan is de verzameling van zijn realisatiefasen",
}
#: Plurals that do not end in -en or -s.
ONREGELMATIGE_MEERVOUDEN = {"criteria"}


def naming_collections(doc: dict) -> list[str]:
    """/core/naming-collections: collection resources MUST be named with plural nouns (a
    functional rule; ADR leaves it to review). Our mechanical part: a segment that is followed
    by an item's identifier (``/wijkplannen/{id}``) names a collection, so it must be a Dutch
    plural (-en, -s, or a listed irregular plural); collective nouns are listed with a reason."""
    fouten = []
    for path in doc.get("paths", {}):
        segmenten = path.split("/")
        for naam, volgende in itertools.pairwise(segmenten):
            if not volgende.startswith("{") or naam.startswith("{"):
                continue
            woord = naam.rsplit("-", 1)[-1]
            meervoud = woord.endswith(("en", "s")) or woord in ONREGELMATIGE_MEERVOUDEN
            if not meervoud and naam not in VERZAMELNAMEN:
                fouten.append(f"{path}: {naam} is geen meervoud")
    return fouten


#: (rule, checker, a minimal bad document that the checker must reject)
_GOED = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1.0.0", "contact": {"name": "n", "url": "u", "email": "e"}},
    "paths": {},
}


def _met(**velden) -> dict:
    return {**copy.deepcopy(_GOED), **velden}


def _op(responses=None, **velden) -> dict:
    ok = {"description": "", "headers": {"API-Version": {"schema": {"type": "string"}}}}
    return {"responses": responses or {"200": ok}, **velden}


RULES = [
    ("/core/doc-openapi", doc_openapi, _met(openapi="2.0", paths={"/api/v1/a": {}})),
    (
        "/core/doc-openapi",
        doc_openapi,
        _met(paths={"/api/v1/gebouwen": {"get": {"$ref": "#/components/schemas/Weg"}}}),
    ),
    ("/core/doc-openapi-contact", doc_openapi_contact, _met(info={"version": "1.0.0"})),
    ("/core/uri-version", uri_version, _met(paths={"/api/gebouwen": {"get": _op()}})),
    ("/core/uri-version", uri_version, _met(paths={"/api/v2/gebouwen": {"get": _op()}})),
    ("/core/semver", semver, _met(info={**_GOED["info"], "version": "1.0"})),
    (
        "/core/version-header",
        version_header,
        _met(paths={"/api/v1/gebouwen": {"get": {"responses": {"200": {"description": ""}}}}}),
    ),
    ("/core/no-trailing-slash", no_trailing_slash, _met(paths={"/api/v1/gebouwen/": {}})),
    (
        "/core/path-segments-kebab-case",
        path_segments_kebab_case,
        _met(paths={"/api/v1/financiele_claims": {}}),
    ),
    (
        "/core/path-segments-kebab-case",
        path_segments_kebab_case,
        _met(paths={"/api/v1/financieleClaims": {}}),
    ),
    (
        "/core/query-keys-camel-case",
        query_keys_camel_case,
        _met(
            paths={
                "/api/v1/gebouwen": {
                    "get": _op(parameters=[{"name": "type-gebouw", "in": "query"}])
                }
            }
        ),
    ),
    ("/core/http-methods", http_methods, _met(paths={"/api/v1/gebouwen": {"trace": _op()}})),
    (
        "/core/error-handling/problem-details",
        problem_details,
        _met(
            paths={
                "/api/v1/gebouwen": {
                    "get": _op({"404": {"description": "", "content": {"application/json": {}}}})
                }
            }
        ),
    ),
    (
        "/core/error-handling/problem-details",
        problem_details,
        _met(
            paths={
                "/api/v1/gebouwen": {
                    "get": _op(
                        {
                            "404": {
                                "description": "",
                                "content": {
                                    "application/problem+json": {
                                        "schema": {"type": "object", "required": ["title"]}
                                    }
                                },
                            }
                        }
                    )
                }
            }
        ),
    ),
    (
        "/core/error-handling/invalid-input",
        invalid_input,
        _met(paths={"/api/v1/gebouwen": {"post": _op(requestBody={"content": {}})}}),
    ),
    (
        "/core/naming-collections",
        naming_collections,
        _met(paths={"/api/v1/gebouw/{id}": {"get": _op()}}),
    ),
]
IDS = [f"{rule}-{i}" for i, (rule, *_rest) in enumerate(RULES)]


@pytest.mark.parametrize(
    "rule,checker",
    list(dict.fromkeys(r[:2] for r in RULES)),
    ids=lambda v: getattr(v, "__name__", v),
)
def test_our_document_follows_the_rule(document, rule, checker):
    assert checker(document) == [], rule


@pytest.mark.parametrize("rule,checker,bad", RULES, ids=IDS)
def test_the_checker_catches_a_violation(rule, checker, bad):
    assert checker(bad), f"{rule}: het slechte voorbeeld komt er doorheen"


def test_every_rule_is_checked_and_documented():
    """docs/api.md names every rule this file checks, so the promise and the test agree."""
    from pathlib import Path

    tekst = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text(encoding="utf-8")
    for rule, _checker, _bad in RULES:
        assert f"`{rule}`" in tekst, rule


# --- Rules checked against the running application --------------------------------------------


@pytest.fixture
def gepubliceerd(api, db):
    response = api.get("/api/v1/openapi.json")  # no credentials: the document is public
    return response


def test_publish_openapi_json_is_public_and_the_generated_document(gepubliceerd, document):
    """/core/publish-openapi: the document is at <base path>/openapi.json, readable without
    authentication, and its CORS policy lets any origin read it. openapi.yaml, if offered, is
    the same document."""
    assert gepubliceerd.status_code == 200
    assert gepubliceerd["Content-Type"].startswith("application/json")
    assert gepubliceerd["Access-Control-Allow-Origin"] == "*"
    assert gepubliceerd.json() == document
    assert doc_openapi(gepubliceerd.json()) == []


def test_publish_openapi_yaml_is_the_same_document(api, gepubliceerd):
    """/core/publish-openapi, step 3: openapi.yaml holds the same description as openapi.json."""
    response = api.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.content) == gepubliceerd.json()


@pytest.mark.parametrize(
    "path,status",
    [
        ("/api/v1/openapi.json", 200),
        ("/api/v1/wijkplannen", 401),
        ("/api/v1/bestaat-niet", 404),
        ("/api/v1/wijkplannen/", 404),
    ],
)
def test_version_header_on_every_kind_of_response(api, db, path, status):
    """/core/version-header: a response includes API-Version with the number of info.version
    (the fuzzing in test_fuzz.py checks it on every operation)."""
    response = api.get(path)
    assert response.status_code == status
    assert response["API-Version"] == _generated()["info"]["version"] == settings.API_VERSION


def test_no_trailing_slash_is_a_404_not_a_redirect(api, db, document):
    """/core/no-trailing-slash: a resource requested with a trailing slash is a 404 problem,
    not a redirect, for every path without parameters in the document."""
    for path in (p for p in document["paths"] if "{" not in p):
        response = api.get(f"{path}/")
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json", path
