"""Session expiry: idle timeout, absolute lifetime, logout, a new session id at login."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests import factories
from wup.accounts.signals import INGELOGD_OP, LAATST_ACTIEF


@pytest.fixture
def pl(gemeente):
    return factories.projectleider(gemeente, username="pl")


def _verschuif(client, sleutel, seconden):
    """Time travel: the session's timestamp lies ``seconden`` in the past."""
    session = client.session
    session[sleutel] = time.time() - seconden
    session.save()


def test_thirty_minutes_without_activity_end_the_login_with_a_dutch_notice(client, pl):
    client.force_login(pl)
    _verschuif(client, LAATST_ACTIEF, 29 * 60)
    assert client.get("/meldingen").status_code == 200  # still in, and the clock restarts
    assert time.time() - client.session[LAATST_ACTIEF] < 5

    _verschuif(client, LAATST_ACTIEF, 31 * 60)
    response = client.get("/meldingen")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=%2Fmeldingen"
    pagina = client.get(response["Location"])
    assert "niets heeft gedaan" in pagina.text and "30 minuten" in pagina.text
    assert "_auth_user_id" not in client.session
    assert client.get("/meldingen").status_code == 302


def test_the_idle_timeout_is_configurable(client, pl, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    client.force_login(pl)
    _verschuif(client, LAATST_ACTIEF, 6 * 60)
    assert client.get("/").status_code == 302


def test_activity_does_not_stretch_a_login_beyond_its_absolute_lifetime(client, pl, settings):
    client.force_login(pl)
    _verschuif(client, INGELOGD_OP, settings.SESSION_COOKIE_AGE + 1)
    response = client.get("/")
    assert response.status_code == 302
    assert "te lang ingelogd" in client.get(response["Location"]).text


def test_an_expired_session_on_the_api_is_anonymous(client, pl):
    client.force_login(pl)
    _verschuif(client, LAATST_ACTIEF, 31 * 60)
    response = client.get("/api/v1/gemeenten")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")


def test_logout_deletes_the_session_and_login_issues_a_new_id(client, pl):
    client.get(reverse("login"))
    voor = client.cookies.get("sessionid")
    client.post(reverse("login"), {"username": "pl", "password": "geheim-wachtwoord-123"})
    sleutel = client.session.session_key
    assert voor is None or voor.value != sleutel
    assert Session.objects.filter(session_key=sleutel).exists()

    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=sleutel).exists()
