"""Property-based fuzzing of every operation of the OpenAPI document (schemathesis).

The API is loaded from its own published document (``/api/v1/openapi.json``) and called
in-process through the WSGI application, in a world built by ``demo_data`` (plans in four
phases, with buurten, alternatives, a consultation, criteria and scores, a business case,
organisation items, an implementation plan and a council submission), plus a second gemeente
with its own projectleider and plan. Path parameters mostly name objects that exist (taken
from the API's own collections), so the fuzzer reaches the handlers and not only the 404s.

Three callers:

* the projectleider who owns the plans: no 5xx, every response conforms to the document
  (status code, content type, headers, body) and every error is problem+json;
* nobody (no credentials): every non-public operation answers 401 problem+json;
* a projectleider of another gemeente: never a 2xx on the first one's plans, only 403/404.

``WUP_FUZZ_EXAMPLES`` sets the number of examples per operation (default 10, for CI);
``WUP_FUZZ_EXAMPLES=200`` is the full run. Runs are deterministic (``derandomize``).
"""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests import factories
from wup.constants import Fase

pytestmark = [pytest.mark.fuzz, pytest.mark.all_gates, pytest.mark.django_db]

PROBLEM = "application/problem+json"
EXAMPLES = int(os.environ.get("WUP_FUZZ_EXAMPLES", "10"))
#: Operations that anyone may call (the residents' public pages and the document itself).
PUBLIEK = re.compile(r"^/api/v1/publiek/")
PARAM = re.compile(r"\{([^}]+)\}")


def _operations() -> list[tuple[str, str]]:
    """(METHOD, path) of every operation, from the generated document (at collection time)."""
    from drf_spectacular.generators import SchemaGenerator

    document = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    )


OPERATIONS = _operations()


def _hypothesis(examples: int):
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )


# --- The world ------------------------------------------------------------------------------


class Wereld:
    def __init__(self, schema, eigenaar: str, ander: str, bekend: dict):
        self.schema = schema
        self.eigenaar = {"Authorization": f"Token {eigenaar}"}
        self.ander = {"Authorization": f"Token {ander}"}
        #: path template -> list of path parameter dicts that name existing objects
        self.bekend = bekend


def _items(body) -> list:
    if isinstance(body, dict) and isinstance(body.get("results"), list):
        return body["results"]
    if isinstance(body, list):
        return body
    return []


def _field_for(param: str) -> str:
    """``altId`` is the ``id`` of an item of the collection; ``thema`` is its ``thema``."""
    return "id" if param == "id" or param.endswith("Id") else param


def _bekende_parameters(client, headers: dict, paths: list[str], plan_ids: list[int]) -> dict:
    """For each path template, the combinations of path parameters that name existing objects.

    The first ``{id}`` under ``/wijkplannen`` is a plan of ``plan_ids``; every further parameter
    is looked up in the collection one level up (the GET of the path before the parameter).
    Objects created by the fuzzer itself are not needed: the world already has some of each.
    """
    cache: dict[str, list] = {}

    def lijst(pad: str) -> list:
        if pad not in cache:
            response = client.get(pad, headers=headers)
            cache[pad] = _items(response.json()) if response.status_code == 200 else []
        return cache[pad]

    def combinaties(template: str) -> list[dict]:
        namen = PARAM.findall(template)
        if not namen:
            return [{}]
        laatste = namen[-1]
        voor = template[: template.index("{" + laatste + "}")].rstrip("/")
        if voor == "/api/v1/wijkplannen" and laatste == "id":
            return [{"id": pk} for pk in plan_ids]
        if voor == "/api/v1/publiek/wijkplannen" and laatste == "slug":
            from wup.models import Wijkplan

            return [{"slug": s} for s in Wijkplan.objects.values_list("slug", flat=True)]
        uit = []
        for ouder in combinaties(voor):
            pad = voor
            for naam, waarde in ouder.items():
                pad = pad.replace("{" + naam + "}", str(waarde))
            for item in lijst(pad):
                if isinstance(item, dict) and _field_for(laatste) in item:
                    uit.append({**ouder, laatste: item[_field_for(laatste)]})
        return uit

    return {template: combinaties(template)[:12] for template in paths}


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The demo world, built once for the module and rolled back afterwards."""
    from django.core.wsgi import get_wsgi_application
    from rest_framework.test import APIClient

    from wup.models import Wijkplan

    with django_db_blocker.unblock(), transaction.atomic(), _verbinding_blijft_open():
        call_command("demo_data", stdout=io.StringIO())
        from django.contrib.auth import get_user_model

        eigenaar = get_user_model().objects.get(username="projectleider")
        andere_gemeente = factories.GemeenteFactory(code="GM0344", naam="Utrecht")
        ander = factories.projectleider(andere_gemeente, username="projectleider-utrecht")
        vreemd_plan = factories.WijkplanFactory(
            gemeente=andere_gemeente, projectleider=ander, fase=Fase.VERKENNING
        )
        tokens = [Token.objects.create(user=u).key for u in (eigenaar, ander)]

        app = get_wsgi_application()
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
        paths = sorted({path for _method, path in OPERATIONS})
        client = APIClient()
        eigen_ids = list(
            Wijkplan.objects.exclude(pk=vreemd_plan.pk).order_by("pk").values_list("pk", flat=True)
        )
        bekend = _bekende_parameters(
            client, {"Authorization": f"Token {tokens[0]}"}, paths, eigen_ids
        )
        yield Wereld(schema, tokens[0], tokens[1], bekend)
        transaction.set_rollback(True)


@contextlib.contextmanager
def _verbinding_blijft_open():
    """As Django's test client does: a request must not close the test's connection (and with
    it the transaction that holds the world). The test client reconnects the handlers after
    each of its own requests, so this is entered again around every test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _open_verbinding():
    with _verbinding_blijft_open():
        yield


def _strategy(operation, combinaties: list[dict]):
    """Mostly existing objects, sometimes whatever the schema allows (e.g. unknown ids); valid
    input (positive) and input that breaks the document's rules (negative) alike."""
    vrij = st.one_of(operation.as_strategy(), operation.as_strategy(GenerationMode.NEGATIVE))
    if not combinaties:
        return vrij
    bestaand = st.sampled_from(combinaties).flatmap(
        lambda c: st.one_of(
            operation.as_strategy(path_parameters=c),
            operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=c),
        )
    )
    return st.one_of(bestaand, bestaand, bestaand, vrij)


# --- Our own checks ---------------------------------------------------------------------------


def _problem_json(response) -> list[str]:
    fouten = []
    if response.status_code < 400:
        return fouten
    content_type = response.headers.get("content-type", [""])[0]
    if content_type.split(";")[0].strip() != PROBLEM:
        return [f"{response.status_code} met Content-Type {content_type!r}, geen {PROBLEM}"]
    body = response.json()
    for veld in ("type", "title", "status"):
        if not body.get(veld):
            fouten.append(f"problem+json zonder {veld!r}: {body}")
    if body.get("status") != response.status_code:
        fouten.append(f"status {body.get('status')} in de body, {response.status_code} in HTTP")
    if response.status_code == 400 and not body.get("invalidParams"):
        fouten.append(f"400 zonder invalidParams: {body}")
    return fouten


def _api_version(response) -> list[str]:
    from django.conf import settings as django_settings

    waarde = response.headers.get("api-version", [None])[0]
    if waarde != django_settings.API_VERSION:
        return [f"API-Version is {waarde!r}, verwacht {django_settings.API_VERSION!r}"]
    return []


def _geen_adres(response) -> bool:
    """A 404 for a URL that is no operation at all (``/wijkplannen/-1``: the route wants a
    number of digits), before any authentication: a negative example may generate one."""
    return response.status_code == 404 and response.json()["type"].endswith("/niet-gevonden")


def _fail(case, response, fouten: list[str]):
    if fouten:
        pytest.fail(
            f"{case.method} {case.formatted_path}\n  "
            + "\n  ".join(fouten)
            + f"\n  antwoord: {response.status_code} {response.text[:500]}"
            + f"\n  verzoek: {case.as_curl_command()}"
        )


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _op(wereld, method: str, path: str):
    return wereld.schema[path][method]


def _id(op: tuple[str, str]) -> str:
    return f"{op[0]} {op[1]}"


# --- The tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("method,path", OPERATIONS, ids=map(_id, OPERATIONS))
def test_projectleider_gets_only_documented_answers(wereld, method, path):
    """As the owner: no 5xx, everything as documented, every error problem+json."""
    operation = _op(wereld, method, path)

    @_hypothesis(EXAMPLES)
    @given(case=_strategy(operation, wereld.bekend.get(path, [])))
    def run(case):
        with transaction.atomic():
            response = case.call(headers=wereld.eigenaar)
            case.validate_response(response, checks=CHECKS, headers=wereld.eigenaar)
            _fail(case, response, _problem_json(response) + _api_version(response))
            transaction.set_rollback(True)

    run()


@pytest.mark.parametrize("method,path", OPERATIONS, ids=map(_id, OPERATIONS))
def test_without_credentials_every_operation_is_401(wereld, method, path):
    """No token and no session: a 401 problem+json, except on the public pages (and for a URL
    that matches no route at all, which is a 404 whoever asks)."""
    operation = _op(wereld, method, path)

    @_hypothesis(max(2, EXAMPLES // 5))
    @given(case=_strategy(operation, wereld.bekend.get(path, [])))
    def run(case):
        with transaction.atomic():
            response = case.call()
            fouten = _problem_json(response) + _api_version(response)
            if response.status_code >= 500:
                fouten.append("serverfout")
            if (
                not PUBLIEK.match(path)
                and response.status_code != 401
                and not _geen_adres(response)
            ):
                fouten.append(f"{response.status_code} zonder inloggen, verwacht 401")
            _fail(case, response, fouten)
            transaction.set_rollback(True)

    run()


@pytest.mark.parametrize(
    "method,path",
    [op for op in OPERATIONS if op[1].startswith("/api/v1/wijkplannen/{id}")],
    ids=[_id(op) for op in OPERATIONS if op[1].startswith("/api/v1/wijkplannen/{id}")],
)
def test_other_projectleider_never_reaches_the_plans(wereld, method, path):
    """A projectleider of another gemeente gets 403/404 on every object of the first one
    (or 415 for a body in a format no operation reads); never a 2xx, nor a 400 that would show
    the plan exists."""
    operation = _op(wereld, method, path)
    combinaties = wereld.bekend.get(path, [])
    if not combinaties:
        pytest.skip("geen bestaand object voor dit pad in de demowereld")

    @_hypothesis(max(3, EXAMPLES // 3))
    @given(case=st.sampled_from(combinaties).flatmap(
        lambda c: operation.as_strategy(path_parameters=c)
    ))  # fmt: skip
    def run(case):
        with transaction.atomic():
            response = case.call(headers=wereld.ander)
            fouten = _problem_json(response) + _api_version(response)
            # 415 is decided on the Content-Type alone, the same for any plan or none.
            if response.status_code not in (403, 404, 415):
                fouten.append(f"{response.status_code} voor een plan van een andere gemeente")
            _fail(case, response, fouten)
            transaction.set_rollback(True)

    run()


def test_the_world_reaches_existing_objects(wereld):
    """The fuzzer's path parameters name real objects for (nearly) every nested resource."""
    zonder = sorted(
        path for path in wereld.bekend if PARAM.search(path) and not wereld.bekend[path]
    )
    # Unknown here means that every example of that path is a 404: say which ones.
    assert len(zonder) <= len(wereld.bekend) // 10, zonder
