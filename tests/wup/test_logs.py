"""Structured logs: one JSON line per request with its id, and no resident's data in any line."""

import datetime
import io
import json
import logging
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from participatie.models import Bijeenkomst, Publicatie
from wup.logging import JsonFormatter, PlainFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


class Regels:
    """What the console handler of production would write: every record, JSON or plain."""

    def __init__(self, formatter):
        self.stroom = io.StringIO()
        self.handler = logging.StreamHandler(self.stroom)
        self.handler.setFormatter(formatter)
        self.handler.addFilter(RequestIdFilter())

    def __enter__(self):
        root = logging.getLogger()
        self._niveau = root.level
        root.addHandler(self.handler)
        root.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc):
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self._niveau)

    @property
    def tekst(self) -> str:
        return self.stroom.getvalue()

    def json(self) -> list[dict]:
        return [json.loads(regel) for regel in self.tekst.splitlines()]


def test_a_request_is_one_json_line_with_its_fields(client, projectleider):
    client.force_login(projectleider)
    with Regels(JsonFormatter()) as regels:
        response = client.get(reverse("dashboard"), {"zoek": "geheim-in-de-query"})
    assert response.status_code == 200
    lijnen = regels.json()  # every line is one JSON object
    verzoeken = [lijn for lijn in lijnen if lijn["logger"] == "wup.request"]
    assert len(verzoeken) == 1
    lijn = verzoeken[0]
    assert lijn["level"] == "INFO"
    assert lijn["request_id"] == response["X-Request-ID"]
    assert lijn["method"] == "GET" and lijn["path"] == "/" and lijn["status"] == 200
    assert isinstance(lijn["duration_ms"], float) and lijn["duration_ms"] >= 0
    assert lijn["user_id"] == projectleider.pk
    assert lijn["message"].startswith("GET / 200 ")
    tijd = datetime.datetime.fromisoformat(lijn["time"])
    assert abs(tijd - timezone.now()) < datetime.timedelta(minutes=1)
    assert "geheim-in-de-query" not in regels.tekst
    assert projectleider.username not in regels.tekst


def test_an_anonymous_request_has_no_user_id(client):
    with Regels(JsonFormatter()) as regels:
        client.get(reverse("login"))
    (lijn,) = [lijn for lijn in regels.json() if lijn["logger"] == "wup.request"]
    assert lijn["user_id"] is None


def test_the_proxys_request_id_is_kept_and_a_strange_one_replaced(client):
    nginx_id = "3f2a9c0e7b1d4e5f8a6b9c0d1e2f3a4b"
    response = client.get(reverse("login"), HTTP_X_REQUEST_ID=nginx_id)
    assert response["X-Request-ID"] == nginx_id
    for vreemd in ("kort", "x" * 200, "abc def ghij", 'abcdefgh"\n{"level":"ERROR"}'):
        response = client.get(reverse("login"), HTTP_X_REQUEST_ID=vreemd)
        assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"]), vreemd
    eerste = client.get(reverse("login"))["X-Request-ID"]
    assert eerste != client.get(reverse("login"))["X-Request-ID"]  # one id per request


def test_lines_written_during_a_request_carry_its_id(client, monkeypatch):
    from wup import views_systeem

    def kapot():
        raise RuntimeError("database weg")

    monkeypatch.setattr(views_systeem, "database_controleren", kapot)
    with Regels(JsonFormatter()) as regels:
        response = client.get("/gezondheid", HTTP_X_REQUEST_ID="probe-0001-abcdef")
    assert response.status_code == 503
    lijnen = regels.json()
    assert {lijn["logger"] for lijn in lijnen} >= {"wup.views_systeem", "wup.request"}
    assert {lijn["request_id"] for lijn in lijnen} == {"probe-0001-abcdef"}
    assert [lijn["level"] for lijn in lijnen if lijn["logger"] == "wup.views_systeem"] == ["ERROR"]


def test_an_email_address_in_a_message_is_masked():
    from wup import views_systeem

    with Regels(JsonFormatter()) as regels:
        views_systeem.logger.error("Fout bij het versturen aan jan.jansen@example.nl")
    (lijn,) = regels.json()
    assert lijn["request_id"] is None  # outside a request
    assert "jan.jansen@example.nl" not in regels.tekst and "[e-mailadres]" in lijn["message"]


def _plain():
    return PlainFormatter(settings.LOGGING["formatters"]["plain"]["format"])


@pytest.mark.parametrize("formatter", [JsonFormatter, _plain], ids=["json", "plain"])
def test_a_residents_data_from_a_public_form_is_in_no_log_line(
    client, plan, formatter, django_capture_on_commit_callbacks
):
    Publicatie.objects.create(wijkplan=plan, gepubliceerd=True, waarom="Van het gas af.")
    bijeenkomst = Bijeenkomst.objects.create(
        wijkplan=plan,
        titel="Bewonersavond",
        locatie="Dorpshuis",
        begint_op=timezone.now() + datetime.timedelta(days=7),
        capaciteit=1,
    )
    aanmelden = reverse("participatie-bijeenkomst-aanmelden", args=[plan.slug, bijeenkomst.pk])
    email, naam = "geertruida.bewoner@example.nl", "Geertruida Bewonersma"
    with Regels(formatter()) as regels:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                aanmelden, {"naam": naam, "email": email, "aantal_personen": "1"}
            )
        assert response.status_code == 302
        # the link from the mail, opened, used, and opened again once it no longer works
        link = re.search(r"http://testserver(/participatie/\S+)", mail.outbox[0].body).group(1)
        sleutel = link.rsplit("/", 1)[1]
        assert client.get(link).status_code == 200
        assert client.post(link).status_code == 200
        assert client.get(link).status_code == 404
        # a form with an error, and one refused because the event is full
        assert client.post(aanmelden, {"naam": naam, "email": "geen-adres"}).status_code == 400
        client.post(aanmelden, {"naam": naam, "email": email, "aantal_personen": "1"})
        client.post(aanmelden, {"naam": "Ander", "email": "ander@example.nl"})
        client.get(aanmelden + f"?email={email}&naam={naam}")
    tekst = regels.tekst
    assert tekst.count("\n") >= 7  # the requests were logged
    for geheim in (email, naam, "Geertruida", sleutel, "ander@example.nl"):
        assert geheim not in tekst, geheim
    assert "/afmelden/[verborgen]" in tekst


def test_production_writes_json_lines_and_development_plain_ones():
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('wup.test').warning('hallo %s', 'wereld')"
    )
    basis = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "wup.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "wup.example.nl",
    }

    def stderr(**env):
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=settings.BASE_DIR,
            env={**basis, **env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stderr.strip().splitlines()[-1]

    lijn = json.loads(stderr(WUP_ENV="production", LOG_FORMAT=""))
    assert lijn["message"] == "hallo wereld" and lijn["level"] == "WARNING"
    assert lijn["logger"] == "wup.test" and "time" in lijn and lijn["request_id"] is None
    assert stderr(WUP_ENV="development", LOG_FORMAT="").endswith(
        "WARNING wup.test [-] hallo wereld"
    )
    assert json.loads(stderr(WUP_ENV="development", LOG_FORMAT="json"))["logger"] == "wup.test"
