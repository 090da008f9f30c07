"""Who must pass the second factor, and whether this session has.

The second factor is a code from an authenticator app (django-otp's TOTP device) or one of the
user's backup codes (its static device), or, when so configured, the identity provider's own
multi-factor login (see :mod:`wup.accounts.oidc`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from wup.constants import Rol

#: Session key: the identity provider confirmed a multi-factor login (see wup.accounts.oidc).
IDP_MFA_SESSIE = "wup_idp_mfa"
AANTAL_RESERVECODES = 10
APP_NAAM = "Authenticator-app"
RESERVE_NAAM = "Reservecodes"


def verplicht(user: AbstractBaseUser) -> bool:
    """Whether this account may not work without the second factor."""
    if not user.is_authenticated:
        return False
    if settings.WUP_2FA_VERPLICHT_VOOR == "alle":
        return True
    return (
        user.is_staff or user.is_superuser or user.groups.filter(name=Rol.BEHEERDER.value).exists()
    )


def heeft_app(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def voldaan(request: HttpRequest) -> bool:
    """The session has passed the second factor (a code, or the provider's MFA)."""
    user = request.user
    is_verified = getattr(user, "is_verified", None)
    return bool((is_verified is not None and is_verified()) or request.session.get(IDP_MFA_SESSIE))


def nog_nodig(request: HttpRequest) -> str | None:
    """What the logged-in user must still do: "controle" (enter a code), "instellen" (set
    up the app first) or nothing (None)."""
    user = request.user
    if not user.is_authenticated or voldaan(request):
        return None
    if user_has_device(user):
        return "controle"
    if verplicht(user):
        return "instellen"
    return None


def app_voor(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def reserve_voor(user: AbstractBaseUser) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def nieuwe_app(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed device being set up (one at a time; a fresh secret each time)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_NAAM, confirmed=False)


def nieuwe_reservecodes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's backup codes; each works once. Returns them to show once."""
    with transaction.atomic():
        apparaat, _ = StaticDevice.objects.get_or_create(
            user=user, name=RESERVE_NAAM, defaults={"confirmed": True}
        )
        apparaat.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(AANTAL_RESERVECODES)]
        StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=c) for c in codes)
    return codes


@transaction.atomic
def app_bevestigen(request: HttpRequest, apparaat: TOTPDevice, code: str) -> bool:
    """Confirm the device being set up with its first code; it replaces any earlier app."""
    apparaat = TOTPDevice.objects.select_for_update().get(pk=apparaat.pk)
    if not apparaat.verify_token(code):
        return False
    TOTPDevice.objects.filter(user=apparaat.user).exclude(pk=apparaat.pk).delete()
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    inloggen_voltooid(request, apparaat)
    return True


def uitzetten(user: AbstractBaseUser) -> None:
    """Remove every device (a beheerder can do this for a colleague in the admin too)."""
    for apparaat in devices_for_user(user, confirmed=None):
        apparaat.delete()


def inloggen_voltooid(request: HttpRequest, apparaat) -> None:
    """Mark the session as past the second factor, under a new session id (as at login)."""
    otp_login(request, apparaat)
    request.session.cycle_key()
