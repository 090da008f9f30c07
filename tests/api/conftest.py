import pytest
from rest_framework.test import APIClient

from tests import factories

PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def als(api):
    """``als(user)``: an API client logged in (session) as ``user``."""

    def login(user):
        return factories.inloggen(api, user)

    return login


@pytest.fixture
def wijk(gemeente):
    return factories.WijkFactory(gemeente=gemeente, naam="Ermelo-Noord")


@pytest.fixture
def buurten(wijk):
    return [
        factories.BuurtFactory(wijk=wijk, naam="Horst"),
        factories.BuurtFactory(wijk=wijk, naam="Oosterbos"),
    ]


@pytest.fixture
def andere_gemeente(db):
    return factories.GemeenteFactory(code="GM0344", naam="Utrecht")


@pytest.fixture
def vreemde_buurt(andere_gemeente):
    return factories.BuurtFactory(wijk=factories.WijkFactory(gemeente=andere_gemeente))


def assert_problem(response, status: int) -> dict:
    """The response is an RFC 9457 problem document with this status."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert body["title"]
    assert body["detail"]
    return body


def invalid_names(response) -> set[str]:
    body = assert_problem(response, 400)
    return {p["name"] for p in body["invalidParams"]}
