"""Lockout after repeated wrong passwords (django-axes), on the product's and the admin's login."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests import factories

GOED = "geheim-wachtwoord-123"  # the factories' password
UITGESLOTEN = "Te veel mislukte pogingen om in te loggen"


@pytest.fixture
def pl(gemeente):
    return factories.projectleider(gemeente, username="pl")


def _inloggen(client, username, password, url=None, **extra):
    return client.post(
        url or reverse("login"), {"username": username, "password": password}, **extra
    )


def _vijf_keer_fout(client, username, **extra):
    return [_inloggen(client, username, "fout-wachtwoord-1", **extra) for _ in range(5)]


def test_five_wrong_passwords_lock_the_account_out_even_for_the_right_one(client, pl):
    antwoorden = _vijf_keer_fout(client, "pl")
    # the first four are ordinary failures on the form, the fifth locks
    assert [a.status_code for a in antwoorden[:4]] == [200] * 4
    assert "Voer een juiste gebruikersnaam" in antwoorden[0].text
    assert antwoorden[4].status_code == 429

    response = _inloggen(client, "pl", GOED)
    assert response.status_code == 429
    assert UITGESLOTEN in response.text
    assert "15 minuten" in response.text
    assert "_auth_user_id" not in client.session
    assert "<main" in response.text and '<form method="post"' in response.text  # our page


def test_after_the_cool_off_the_right_password_works_and_resets_the_count(client, pl):
    _vijf_keer_fout(client, "pl")
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    response = _inloggen(client, "pl", GOED)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(pl.pk)
    assert not AccessAttempt.objects.exists()  # a good login starts the count afresh


def test_the_lockout_does_not_reveal_whether_the_username_exists(client, pl):
    bestaand = _vijf_keer_fout(client, "pl")[-1]
    onbekend = _vijf_keer_fout(client, "bestaat-niet")[-1]
    assert bestaand.status_code == onbekend.status_code == 429

    def zonder_token(html):
        return "\n".join(r for r in html.splitlines() if "csrfmiddlewaretoken" not in r)

    assert zonder_token(bestaand.text) == zonder_token(onbekend.text)


def test_the_lockout_counts_per_username_and_address(client, pl):
    """Someone elsewhere cannot lock a colleague out, and the lock is on that address only."""
    _vijf_keer_fout(client, "pl", REMOTE_ADDR="203.0.113.9")
    assert _inloggen(client, "pl", GOED, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert _inloggen(client, "pl", GOED, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_the_admin_login_is_covered_too(client, beheerder):
    url = reverse("admin:login")
    for _ in range(5):
        _inloggen(client, "beheerder", "fout-wachtwoord-1", url=url)
    response = _inloggen(client, "beheerder", GOED, url=url)
    assert response.status_code == 429
    assert UITGESLOTEN in response.text
    # and the product's login is locked for the same username and address
    assert _inloggen(client, "beheerder", GOED).status_code == 429


def test_behind_a_proxy_the_address_comes_from_the_configured_header(client, pl, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_REAL_IP", "REMOTE_ADDR")
    _vijf_keer_fout(client, "pl", HTTP_X_REAL_IP="203.0.113.9")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    # the proxy's own address is the same for everyone; another client still gets in
    assert _inloggen(client, "pl", GOED, HTTP_X_REAL_IP="198.51.100.4").status_code == 302


def test_a_good_login_resets_the_count(client, pl):
    for _ in range(4):
        _inloggen(client, "pl", "fout-wachtwoord-1")
    assert _inloggen(client, "pl", GOED).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        assert _inloggen(client, "pl", "fout-wachtwoord-1").status_code == 200
    assert _inloggen(client, "pl", GOED).status_code == 302
