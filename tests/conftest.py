import os

import pytest
from hypothesis import settings as hypothesis_settings

from tests import factories
from wup.constants import Rol

# CI explores the same examples on every run: a run that did not land must be reproducible.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


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


@pytest.fixture(autouse=True)
def _gates_of_the_app_under_test(request):
    """Each test sees the core's conditions and those of its own app, not other steps'.

    Core tests (tests/wup, tests/api) test the state machine itself; a step's tests test its own
    gates. Without this, every step that adds a condition would break the tests of the others.
    Keys of registered conditions start with the registering app's label (e.g. "wijktoets.").
    """
    from wup.workflow import gates

    if request.node.get_closest_marker("all_gates"):
        yield
        return
    parts = request.node.path.parts
    app = parts[parts.index("tests") + 1] if "tests" in parts else "wup"
    keep = ("wup.",) if app in {"wup", "api"} else ("wup.", f"{app}.")
    saved = dict(gates._conditions)
    for key in list(gates._conditions):
        if not key.startswith(keep):
            gates.unregister(key)
    yield
    gates._conditions.clear()
    gates._conditions.update(saved)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters (and anything else cached) do not leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, logged in with the second factor the admin requires."""
    return factories.inloggen(client, admin_user)
