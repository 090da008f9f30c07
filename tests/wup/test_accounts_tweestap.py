"""Two-factor login (django-otp): required for beheerders, optional for the other roles."""

import io
import re
from base64 import b32decode

import pytest
from django.contrib.admin import site
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from tests import factories
from tests.factories import inloggen
from tests.wup.test_templates_csp import inline_code
from wup.accounts import tweestap

GOED = "geheim-wachtwoord-123"


def _code(apparaat: TOTPDevice) -> str:
    apparaat.refresh_from_db()
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return f"{totp.token():06d}"


def _wachtwoord(client, username):
    return client.post(reverse("login"), {"username": username, "password": GOED})


@pytest.fixture
def app(beheerder):
    return TOTPDevice.objects.create(user=beheerder, name=tweestap.APP_NAAM, confirmed=True)


@pytest.fixture
def pl(gemeente):
    return factories.projectleider(gemeente, username="pl")


def test_a_beheerder_without_the_code_reaches_no_page_and_not_the_admin(client, beheerder, app):
    response = _wachtwoord(client, "beheerder")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweestap-controle"))
    for url in [
        "/",
        "/meldingen",
        "/account",
        "/parameters",
        "/beheer/privacy",
        "/admin/",
        "/admin/auth/user/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("tweestap-controle")), url
    # not even by POST, and not by way of setting up a new app
    assert client.post(reverse("tweestap-reservecodes")).status_code == 302
    assert StaticDevice.objects.count() == 0
    assert client.get(reverse("tweestap-instellen"))["Location"] == reverse("tweestap-controle")
    # the admin itself refuses a login without its second factor too
    request = RequestFactory().get("/admin/")
    request.user, request.session = beheerder, client.session
    beheerder.is_verified = lambda: False
    assert site.has_permission(request) is False


def test_a_wrong_code_keeps_the_beheerder_out_with_a_dutch_message(client, beheerder, app):
    _wachtwoord(client, "beheerder")
    response = client.post(reverse("tweestap-controle"), {"code": "000000"})
    assert response.status_code == 400
    assert "Deze code is onjuist of al gebruikt" in response.text
    assert 'id="id_code_error"' in response.text  # next to the field
    assert inline_code(response.text) == []
    assert client.get("/")["Location"].startswith(reverse("tweestap-controle"))
    # and right after, even the right code must wait (django-otp's throttling)
    response = client.post(reverse("tweestap-controle"), {"code": _code(app)})
    assert response.status_code == 400
    assert "te vaak een onjuiste code" in response.text


def test_the_right_code_lets_the_beheerder_in_under_a_new_session_id(client, beheerder, app):
    _wachtwoord(client, "beheerder")
    na_wachtwoord = client.session.session_key
    response = client.post(
        reverse("tweestap-controle") + "?next=/admin/", {"code": _code(app), "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.session.session_key != na_wachtwoord
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 200
    # a code is good once
    client.post(reverse("logout"))
    _wachtwoord(client, "beheerder")
    response = client.post(reverse("tweestap-controle"), {"code": _code(app)})
    assert response.status_code == 400


def test_a_backup_code_works_once(client, beheerder, app):
    codes = tweestap.nieuwe_reservecodes(beheerder)
    assert len(set(codes)) == 10
    _wachtwoord(client, "beheerder")
    response = client.post(reverse("tweestap-controle"), {"code": codes[0].upper()}, follow=True)
    assert response.status_code == 200
    assert "nog 9" in response.text
    client.post(reverse("logout"))

    _wachtwoord(client, "beheerder")
    response = client.post(reverse("tweestap-controle"), {"code": codes[0]})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_a_beheerder_without_an_app_must_set_one_up_first(client, beheerder):
    response = _wachtwoord(client, "beheerder")
    assert response["Location"].startswith(reverse("tweestap-instellen"))
    assert client.get("/")["Location"].startswith(reverse("tweestap-instellen"))

    pagina = client.get(reverse("tweestap-instellen"))
    assert pagina.status_code == 200
    assert "<svg" in pagina.text and 'role="img"' in pagina.text  # the QR code, inline
    assert "data:" not in pagina.text
    assert inline_code(pagina.text) == []
    assert "Mijn plannen" not in pagina.text  # no menu until the step is done
    apparaat = TOTPDevice.objects.get(user=beheerder, confirmed=False)
    sleutel = re.search(r'<code class="utrecht-code">([A-Z2-7 ]+)</code>', pagina.text).group(1)
    assert f"{TOTP(b32decode(sleutel.replace(' ', ''))).token():06d}" == _code(apparaat)

    fout = client.post(reverse("tweestap-instellen"), {"code": "123456"})
    assert fout.status_code == 400 and "Deze code is onjuist" in fout.text
    apparaat.throttle_reset()
    response = client.post(reverse("tweestap-instellen"), {"code": _code(apparaat)})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweestap-reservecodes"))
    codes = client.get(response["Location"])
    assert codes.text.count('<code class="utrecht-code">') == 10
    assert "maar één keer" in codes.text
    assert '<code class="utrecht-code">' not in client.get(reverse("tweestap-reservecodes")).text
    assert client.get("/").status_code == 200
    apparaat.refresh_from_db()
    assert apparaat.confirmed


def test_a_projectleider_without_an_app_logs_in_with_the_password_only(client, pl):
    response = _wachtwoord(client, "pl")
    assert response["Location"] == reverse("dashboard")
    assert client.get("/").status_code == 200


def test_a_projectleider_with_an_app_is_asked_for_the_code_and_may_turn_it_off(client, pl):
    app = TOTPDevice.objects.create(user=pl, name=tweestap.APP_NAAM, confirmed=True)
    assert _wachtwoord(client, "pl")["Location"].startswith(reverse("tweestap-controle"))
    client.post(reverse("tweestap-controle"), {"code": _code(app)})
    assert client.get("/").status_code == 200

    fout = client.post(reverse("tweestap-uitzetten"), {"password": "fout"})
    assert fout.status_code == 400 and "Dit wachtwoord is onjuist" in fout.text
    assert client.post(reverse("tweestap-uitzetten"), {"password": GOED}).status_code == 302
    assert not TOTPDevice.objects.filter(user=pl).exists()
    client.post(reverse("logout"))
    assert _wachtwoord(client, "pl")["Location"] == reverse("dashboard")


def test_a_beheerder_cannot_turn_it_off(client, beheerder):
    inloggen(client, beheerder)
    # the page says why, and sends the beheerder back to the account page
    response = client.get(reverse("tweestap-uitzetten"), follow=True)
    assert "verplicht" in response.text
    # and switching it off anyway, even with the right password, is refused outright
    response = client.post(reverse("tweestap-uitzetten"), {"password": GOED})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=beheerder, confirmed=True).exists()


def test_required_for_everyone_when_so_configured(client, pl, settings):
    settings.WUP_2FA_VERPLICHT_VOOR = "alle"
    assert _wachtwoord(client, "pl")["Location"].startswith(reverse("tweestap-instellen"))


def test_the_api_refuses_a_session_without_its_second_factor_but_not_a_token(
    client, beheerder, app
):
    _wachtwoord(client, "beheerder")
    response = client.get("/api/v1/gemeenten")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/problem+json")
    assert "tweestapsverificatie" in response.json()["detail"]

    token = Token.objects.create(user=beheerder)
    response = client.get("/api/v1/gemeenten", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200


def test_another_beheerder_resets_a_lost_app(client, beheerder, app, admin_user):
    tweestap.nieuwe_reservecodes(beheerder)
    call_command("tweestap_herstellen", "beheerder", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=beheerder).exists()
    assert not StaticDevice.objects.filter(user=beheerder).exists()
    assert _wachtwoord(client, "beheerder")["Location"].startswith(reverse("tweestap-instellen"))


def test_the_beheerder_role_may_remove_a_colleagues_device_in_the_admin(client, beheerder, app):
    collega = factories.beheerder(username="collega")
    inloggen(client, collega)
    lijst = client.get("/admin/otp_totp/totpdevice/")
    assert lijst.status_code == 200
    assert client.get(f"/admin/otp_totp/totpdevice/{app.pk}/delete/").status_code == 200
    client.post(f"/admin/otp_totp/totpdevice/{app.pk}/delete/", {"post": "yes"})
    assert not TOTPDevice.objects.filter(pk=app.pk).exists()
    # the admin never shows a secret
    eigen = collega.totpdevice_set.get()
    assert eigen.key not in client.get(f"/admin/otp_totp/totpdevice/{eigen.pk}/change/").text


def test_the_account_pages_work_under_a_strict_csp(client, pl):
    inloggen(client, pl)
    pagina_s = {"account zonder app": client.get(reverse("account"))}
    assert "Tweestapsverificatie staat uit" in pagina_s["account zonder app"].text
    assert f'href="{reverse("account")}"' in pagina_s["account zonder app"].text  # in the menu
    app = TOTPDevice.objects.create(user=pl, name=tweestap.APP_NAAM, confirmed=True)
    tweestap.nieuwe_reservecodes(pl)
    inloggen(client, pl)
    pagina_s["account met app"] = client.get(reverse("account"))
    assert "nog 10 reservecodes" in pagina_s["account met app"].text
    client.post(reverse("tweestap-reservecodes"))
    pagina_s["nieuwe reservecodes"] = client.get(reverse("tweestap-reservecodes"))
    pagina_s["uitzetten"] = client.get(reverse("tweestap-uitzetten"))
    pagina_s["wachtwoord"] = client.get(reverse("account-wachtwoord"))
    pagina_s["andere telefoon"] = client.get(reverse("tweestap-instellen"))
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "pl", "password": GOED})
    pagina_s["tweede stap"] = client.get(reverse("tweestap-controle"))
    for naam, response in pagina_s.items():
        assert response.status_code == 200, naam
        assert "<main" in response.text, naam
        assert inline_code(response.text) == [], naam
    assert pagina_s["nieuwe reservecodes"].text.count('<code class="utrecht-code">') == 10
    assert app.pk  # the old app stays until the new one is confirmed
    assert TOTPDevice.objects.filter(pk=app.pk, confirmed=True).exists()
