"""Login through the municipality's identity provider (OpenID Connect, mozilla-django-oidc).

Off unless ``OIDC_RP_CLIENT_ID`` is set. The provider says who someone is; the product still
decides what they may do: the person is mapped to an existing account (by e-mail address or by
a claim that holds the username), and a new account is only made with ``OIDC_CREATE_USER``,
without any role. The provider's multi-factor login counts as the second factor only when its
``acr``/``amr`` claims say so and those values are configured.
"""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from wup.accounts import tweestap

logger = logging.getLogger(__name__)


def aan() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def naam() -> str:
    return settings.OIDC_NAAM or settings.WUP_ORGANISATIE


def mfa_door_idp(claims: dict) -> bool:
    """The ID token says the provider did multi-factor authentication, as configured."""
    acr = claims.get("acr")
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    return bool(
        (acr and acr in settings.OIDC_MFA_ACR_WAARDEN)
        or set(amr) & set(settings.OIDC_MFA_AMR_WAARDEN)
    )


class GemeenteOIDCBackend(OIDCAuthenticationBackend):
    """Answers only the provider's callback; a password login never reaches the provider."""

    def __init__(self, *args, **kwargs) -> None:
        if aan():
            super().__init__(*args, **kwargs)
        else:
            self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        # The callback view passes the nonce and PKCE verifier; a password login does not.
        if not aan() or request is None or "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:
            # The ID token (not a signed userinfo answer): keep its acr/amr for the callback.
            self.request.wup_oidc_claims = payload
        return payload

    def verify_claims(self, claims) -> bool:
        return bool(claims.get(settings.OIDC_KOPPEL_CLAIM))

    def filter_users_by_claims(self, claims):
        waarde = claims.get(settings.OIDC_KOPPEL_CLAIM)
        if not waarde:
            return self.UserModel.objects.none()
        if settings.OIDC_KOPPEL_CLAIM == "email":
            return self.UserModel.objects.filter(email__iexact=waarde, is_active=True)
        return self.UserModel.objects.filter(username=waarde, is_active=True)

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            self.request.wup_oidc_onbekend = True
        return user

    def get_username(self, claims) -> str:
        if settings.OIDC_KOPPEL_CLAIM != "email":
            return claims[settings.OIDC_KOPPEL_CLAIM]
        return super().get_username(claims)

    def create_user(self, claims):
        # No role, no staff: a beheerder assigns roles in the admin, as for any account.
        user = self.UserModel.objects.create_user(
            self.get_username(claims),
            email=claims.get("email", ""),
            first_name=claims.get("given_name", ""),
            last_name=claims.get("family_name", ""),
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        logger.info("Account %s aangemaakt na inloggen via OIDC", user.username)
        return user


class OIDCInloggen(OIDCAuthenticationRequestView):
    def get(self, request):
        if not aan():
            raise Http404
        return super().get(request)


class OIDCTerug(OIDCAuthenticationCallbackView):
    def get(self, request):
        if not aan():
            raise Http404
        try:
            return super().get(request)
        except (SuspiciousOperation, requests.RequestException) as exc:
            # A forged or stale answer, or a provider that does not answer: no login, and
            # the user learns it on the login page instead of an error page.
            logger.warning("Inloggen via OIDC geweigerd: %s", exc)
            return self.login_failure()

    def login_success(self):
        response = super().login_success()
        claims = getattr(self.request, "wup_oidc_claims", None) or {}
        if mfa_door_idp(claims):
            self.request.session[tweestap.IDP_MFA_SESSIE] = True
        return response

    def login_failure(self):
        if getattr(self.request, "wup_oidc_onbekend", False):
            melding = _(
                "U bent bij %(naam)s ingelogd, maar heeft nog geen account op het WUP-platform. "
                "Vraag de beheerder om een account."
            ) % {"naam": naam()}
        else:
            melding = _(
                "Inloggen via %(naam)s is niet gelukt. Probeer het opnieuw of log in met uw "
                "gebruikersnaam en wachtwoord."
            ) % {"naam": naam()}
        messages.error(self.request, melding)
        return redirect(settings.LOGIN_URL)
