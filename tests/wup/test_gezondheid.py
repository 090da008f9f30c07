"""The health endpoint for the load balancer: cheap, public, no cookie, and honest."""

import json
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from wup import views_systeem

pytestmark = pytest.mark.django_db


def _lees(response):
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_all_parts_answer_200_ok(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):  # SELECT 1, nothing else
        response = client.get("/gezondheid")
    assert response.status_code == 200
    data = _lees(response)
    assert data["status"] == "ok"
    assert data["controles"]["database"] == "ok"
    assert data["controles"]["cache"] == "ok"
    assert data["controles"]["broker"] in {"ok", "niet geconfigureerd"}
    assert data["versie"] == views_systeem.app_versie() != "onbekend"
    assert set(data) == {"status", "versie", "controles"}  # nothing else leaks out
    # no session, no cookie, never cached by a proxy
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_a_head_request_works_and_a_post_does_not(client):
    assert client.head("/gezondheid").status_code == 200
    assert client.post("/gezondheid").status_code == 405


def test_a_failing_database_is_503_with_the_part_named_and_no_details(client, caplog):
    geheim = "connection to server at db.intern (10.0.0.5) failed"
    with mock.patch.object(
        views_systeem, "database_controleren", side_effect=OperationalError(geheim)
    ):
        response = client.get("/gezondheid")
    assert response.status_code == 503
    data = _lees(response)
    assert data["status"] == "fout"
    assert data["controles"] == {
        "database": "fout",
        "cache": "ok",
        "broker": data["controles"]["broker"],
    }
    assert geheim not in response.content.decode()  # the cause is for the operator's log
    fouten = [r for r in caplog.records if r.name == "wup.views_systeem"]
    assert len(fouten) == 1 and "database" in fouten[0].getMessage()
    # the failing probe is logged as a request too (a passing one is not: it would flood)
    probes = [r for r in caplog.records if r.name == "wup.request"]
    assert [r.status for r in probes] == [503]


def test_a_failing_cache_is_503(client):
    with mock.patch.object(
        views_systeem.django_cache, "get", side_effect=ConnectionError("redis weg")
    ):
        response = client.get("/gezondheid")
    assert response.status_code == 503
    assert _lees(response)["controles"]["cache"] == "fout"


@override_settings(WUP_BROKER_CONFIGURED=True)
def test_a_broker_that_does_not_answer_is_503(client):
    from kombu import Connection

    from wup.celery import app

    # a real connection attempt, to a port where nothing listens
    dood = Connection("redis://127.0.0.1:1/0", connect_timeout=1)
    with mock.patch.object(app, "connection_for_write", return_value=dood):
        response = client.get("/gezondheid")
    assert response.status_code == 503
    assert _lees(response)["controles"]["broker"] == "fout"


@override_settings(WUP_BROKER_CONFIGURED=False)
def test_without_a_broker_the_tasks_run_in_process_and_that_is_fine(client):
    response = client.get("/gezondheid")
    assert response.status_code == 200
    assert _lees(response)["controles"]["broker"] == "niet geconfigureerd"


def test_a_passing_probe_is_not_logged(client, caplog):
    client.get("/gezondheid")
    client.get("/inloggen")
    assert [r.path for r in caplog.records if r.name == "wup.request"] == ["/inloggen"]
