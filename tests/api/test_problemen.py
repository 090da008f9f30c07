"""Every answer carries API-Version; every error is problem+json; bad input is never a 500."""

import pytest
from django.conf import settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.api.conftest import assert_problem, invalid_names
from wup.models import Wijkplan


@pytest.fixture
def client(als, projectleider):
    return als(projectleider)


def _post(client, path, body: bytes | str, content_type="application/json"):
    return client.generic("POST", path, body, content_type=content_type)


# (description, request, expected status); ``plan`` in the path is the plan's id.
FOUTEN = [
    ("onbekend pad", lambda c, p: c.get("/api/v1/onbekend"), 404),
    ("pad met slash", lambda c, p: c.get("/api/v1/gemeenten/"), 404),
    ("id geen getal", lambda c, p: c.get("/api/v1/wijkplannen/abc"), 404),
    ("methode", lambda c, p: c.put(f"/api/v1/wijkplannen/{p.pk}", {}, format="json"), 405),
    ("methode op lijst", lambda c, p: c.delete("/api/v1/gemeenten"), 405),
    ("accept", lambda c, p: c.get("/api/v1/gemeenten", headers={"Accept": "text/html"}), 406),
    ("content-type", lambda c, p: _post(c, "/api/v1/wijkplannen", "naam=x", "text/plain"), 415),
    ("formulier", lambda c, p: c.post("/api/v1/wijkplannen", {"naam": "x"}), 415),
    ("kapotte json", lambda c, p: _post(c, "/api/v1/wijkplannen", '{"naam": '), 400),
    ("geen utf-8", lambda c, p: _post(c, "/api/v1/wijkplannen", b'{"naam": "\xff"}'), 400),
    ("NaN", lambda c, p: _post(c, "/api/v1/wijkplannen", '{"naam": NaN}'), 400),
    ("diep genest", lambda c, p: _post(c, "/api/v1/wijkplannen", "[" * 100_000), 400),
    ("json null", lambda c, p: _post(c, "/api/v1/wijkplannen", "null"), 400),
    ("json lijst", lambda c, p: _post(c, "/api/v1/wijkplannen", "[1, 2]"), 400),
    ("leeg", lambda c, p: _post(c, "/api/v1/wijkplannen", ""), 400),
    (
        "te groot",
        lambda c, p: _post(
            c, "/api/v1/wijkplannen", '{"naam": "' + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        ),
        413,
    ),
    (
        "lone surrogate",
        lambda c, p: _post(c, "/api/v1/wijkplannen", '{"naam": "\\ud800"}'),
        400,
    ),
]


@pytest.mark.parametrize(
    ("request_", "status"), [f[1:] for f in FOUTEN], ids=[f[0] for f in FOUTEN]
)
def test_every_error_is_problem_json_with_api_version(client, plan, request_, status):
    response = request_(client, plan)
    assert_problem(response, status)
    assert response["API-Version"] == settings.API_VERSION
    assert not Wijkplan.objects.exclude(pk=plan.pk).exists()


def test_unknown_fields_are_reported_with_the_other_errors(client):
    response = client.post("/api/v1/wijkplannen", {"naam": "", "fooBar": 1}, format="json")
    assert invalid_names(response) == {"naam", "fooBar", "gemeente", "buurten"}


def test_method_not_allowed_names_the_allowed_methods(client, plan):
    response = client.delete(f"/api/v1/wijkplannen/{plan.pk}")
    assert_problem(response, 405)
    assert "PATCH" in response["Allow"]


@pytest.mark.parametrize(
    "path", ["/api/v1/gemeenten", "/api/v1/wijkplannen", "/api/v1/openapi.json", "/api/v1/docs"]
)
def test_successful_answers_carry_api_version(client, plan, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/gemeenten/",
        "/api/v1/gemeenten/GM0233/",
        "/api/v1/wijkplannen/",
        "/api/v1/wijkplannen/{pk}/",
        "/api/v1/wijkplannen/{pk}/overgangen/",
        "/api/v1/openapi.json/",
    ],
)
def test_trailing_slash_is_404_not_a_redirect(client, plan, path):
    response = client.get(path.format(pk=plan.pk))
    assert_problem(response, 404)
    assert "Location" not in response


def test_anonymous_gets_401_with_token_challenge(api, plan):
    for response in (
        api.get(f"/api/v1/wijkplannen/{plan.pk}"),
        api.post(f"/api/v1/wijkplannen/{plan.pk}/overgangen/pauzeren", {}, format="json"),
    ):
        assert_problem(response, 401)
        assert response["WWW-Authenticate"] == "Token"


def test_token_authentication(api, projectleider, plan):
    token = Token.objects.create(user=projectleider)
    response = api.get("/api/v1/wijkplannen", headers={"Authorization": f"Token {token.key}"})
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["results"]] == [plan.pk]

    response = api.get("/api/v1/wijkplannen", headers={"Authorization": "Token nietgeldig"})
    assert_problem(response, 401)


def test_inactive_user_with_token_is_refused(api, projectleider):
    token = Token.objects.create(user=projectleider)
    projectleider.is_active = False
    projectleider.save()
    response = api.get("/api/v1/wijkplannen", headers={"Authorization": f"Token {token.key}"})
    assert_problem(response, 401)


def test_session_authentication_requires_csrf_for_writes(projectleider, plan):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(projectleider)
    assert client.get("/api/v1/wijkplannen").status_code == 200

    url = f"/api/v1/wijkplannen/{plan.pk}/overgangen/pauzeren"
    body = assert_problem(client.post(url, {"motivatie": "Even wachten."}, format="json"), 403)
    assert "CSRF" in body["detail"]

    secret = "a" * 32  # an unmasked CSRF secret, as Django keeps it in the cookie
    client.cookies[settings.CSRF_COOKIE_NAME] = secret
    response = client.post(
        url, {"motivatie": "Even wachten."}, format="json", headers={"X-CSRFToken": secret}
    )
    assert response.status_code == 201
