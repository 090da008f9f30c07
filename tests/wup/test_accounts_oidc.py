"""Login through the municipality's identity provider (OIDC), with the provider mocked."""

import json
from unittest import mock
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from wup.accounts import tweestap

PROVIDER = "https://login.gemeente.example"
_SLEUTEL = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def oidc(db, settings):
    settings.OIDC_RP_CLIENT_ID = "wup-platform"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{PROVIDER}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{PROVIDER}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{PROVIDER}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{PROVIDER}/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_NAAM = "Gemeente Ermelo"
    return settings


class Antwoord:
    def __init__(self, data, status=200):
        self.data, self.status_code, self.url = data, status, "mock"
        self.headers = {"content-type": "application/json"}
        self.text = json.dumps(data)

    def json(self):
        return self.data

    def raise_for_status(self):
        pass


def _via_provider(client, claims, id_claims=None):
    """Start at the button, let the (mocked) provider answer, and come back with a code."""
    start = client.get(reverse("oidc-inloggen"))
    assert start.status_code == 302 and start["Location"].startswith(f"{PROVIDER}/authorize")
    params = parse_qs(urlparse(start["Location"]).query)
    assert params["code_challenge_method"] == ["S256"]  # PKCE
    state, nonce = params["state"][0], params["nonce"][0]
    id_token = jwt.encode(
        {
            "iss": PROVIDER,
            "aud": "wup-platform",
            "sub": "1234",
            "nonce": nonce,
            **(id_claims or {}),
        },
        _SLEUTEL,
        algorithm="RS256",
        headers={"kid": "sleutel-1"},
    )
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(_SLEUTEL.public_key()))
    jwks = {"keys": [{**jwk, "kid": "sleutel-1", "alg": "RS256", "use": "sig"}]}

    def get(url, **kwargs):
        return Antwoord(jwks if url.endswith("/jwks") else claims)

    with (
        mock.patch("mozilla_django_oidc.auth.requests.post") as post,
        mock.patch("mozilla_django_oidc.auth.requests.get", side_effect=get),
    ):
        post.return_value = Antwoord({"id_token": id_token, "access_token": "toegang"})
        return client.get(reverse("oidc-terug"), {"code": "de-code", "state": state})


def test_the_button_is_there_only_when_configured(client, db, settings):
    assert "Inloggen via" not in client.get(reverse("login")).text
    assert client.get(reverse("oidc-inloggen")).status_code == 404
    assert client.get(reverse("oidc-terug")).status_code == 404
    settings.OIDC_RP_CLIENT_ID = "wup-platform"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{PROVIDER}/authorize"
    settings.OIDC_NAAM = "Gemeente Ermelo"
    pagina = client.get(reverse("login"))
    assert "Inloggen via Gemeente Ermelo" in pagina.text
    assert f'href="{reverse("oidc-inloggen")}' in pagina.text


def test_a_valid_callback_logs_an_existing_user_in_by_email(client, oidc, gemeente):
    pl = factories.projectleider(gemeente, username="pl", email="p.de.vries@ermelo.example")
    response = _via_provider(client, {"email": "P.de.Vries@ermelo.example", "sub": "1234"})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.session["_auth_user_id"] == str(pl.pk)
    assert client.get("/").status_code == 200


def test_an_unknown_user_is_refused_with_a_dutch_message(client, oidc):
    response = _via_provider(client, {"email": "onbekend@ermelo.example"})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    pagina = client.get(response["Location"])
    assert "nog geen account op het WUP-platform" in pagina.text
    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(email="onbekend@ermelo.example").exists()


def test_with_oidc_create_user_a_new_account_gets_no_role(client, oidc):
    oidc.OIDC_CREATE_USER = True
    oidc.OIDC_KOPPEL_CLAIM = "preferred_username"
    response = _via_provider(client, {"preferred_username": "j.jansen", "email": "j@e.example"})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="j.jansen")
    assert not user.groups.exists() and not user.is_staff and not user.has_usable_password()


def test_a_beheerder_via_the_provider_still_enters_a_code(client, oidc, beheerder):
    beheerder.email = "beheer@ermelo.example"
    beheerder.save()
    TOTPDevice.objects.create(user=beheerder, name=tweestap.APP_NAAM, confirmed=True)
    _via_provider(client, {"email": "beheer@ermelo.example"}, {"amr": ["mfa"]})
    assert client.get("/")["Location"].startswith(reverse("tweestap-controle"))


def test_the_providers_mfa_counts_when_configured(client, oidc, beheerder):
    oidc.OIDC_MFA_AMR_WAARDEN = ["mfa"]
    beheerder.email = "beheer@ermelo.example"
    beheerder.save()
    _via_provider(client, {"email": "beheer@ermelo.example"}, {"amr": ["pwd"]})
    assert client.get("/").status_code == 302  # a password at the provider is one factor
    client.post(reverse("logout"))
    _via_provider(client, {"email": "beheer@ermelo.example"}, {"amr": ["pwd", "mfa"]})
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_forged_token_is_refused(client, oidc, gemeente):
    factories.projectleider(gemeente, username="pl", email="p@ermelo.example")
    ander = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    # the provider publishes _SLEUTEL; the token is signed with another key
    start = client.get(reverse("oidc-inloggen"))
    params = parse_qs(urlparse(start["Location"]).query)
    token = jwt.encode(
        {"nonce": params["nonce"][0]}, ander, algorithm="RS256", headers={"kid": "sleutel-1"}
    )
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(_SLEUTEL.public_key()))
    with (
        mock.patch("mozilla_django_oidc.auth.requests.post") as post,
        mock.patch(
            "mozilla_django_oidc.auth.requests.get",
            return_value=Antwoord({"keys": [{**jwk, "kid": "sleutel-1", "alg": "RS256"}]}),
        ),
    ):
        post.return_value = Antwoord({"id_token": token, "access_token": "x"})
        response = client.get(reverse("oidc-terug"), {"code": "c", "state": params["state"][0]})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert "niet gelukt" in client.get(reverse("login")).text
    assert "_auth_user_id" not in client.session


def test_a_provider_that_does_not_answer_gives_a_dutch_message(client, oidc):
    start = client.get(reverse("oidc-inloggen"))
    state = parse_qs(urlparse(start["Location"]).query)["state"][0]
    with mock.patch(
        "mozilla_django_oidc.auth.requests.post", side_effect=requests.ConnectionError("weg")
    ):
        response = client.get(reverse("oidc-terug"), {"code": "c", "state": state})
    assert response["Location"] == reverse("login")
    assert "niet gelukt" in client.get(reverse("login")).text
