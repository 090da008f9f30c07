import os

import pytest

from tests import factories
from wup.constants import Rol


def pytest_collection_modifyitems(config, items):
    """Tests marked ``services`` need real PostgreSQL and Redis.

    On the embedded default (SQLite, no broker) they are skipped, unless
    ``WUP_REQUIRE_SERVICES=1`` (as in CI), where a missing service is an error, not a skip.
    """
    from django.conf import settings

    has_services = settings.DATABASES["default"]["ENGINE"].endswith("postgresql") and bool(
        settings.WUP_BROKER_CONFIGURED
    )
    if has_services or os.environ.get("WUP_REQUIRE_SERVICES") == "1":
        return
    skip = pytest.mark.skip(reason="vereist PostgreSQL en Redis (zet DATABASE_URL en REDIS_URL)")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def gemeente(db):
    return factories.GemeenteFactory(code="GM0233", naam="Ermelo")


@pytest.fixture
def projectleider(gemeente):
    return factories.projectleider(gemeente, username="projectleider")


@pytest.fixture
def griffier(gemeente):
    return factories.griffier(gemeente, username="griffier")


@pytest.fixture
def beheerder(db):
    return factories.beheerder(username="beheerder")


@pytest.fixture
def plan(gemeente, projectleider):
    return factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)


@pytest.fixture
def rol():
    return Rol
