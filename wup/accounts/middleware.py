"""Session expiry and the second login step, for every request of the product and the admin."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wup.accounts import tweestap
from wup.accounts.signals import INGELOGD_OP, LAATST_ACTIEF

#: Seconds between two writes of the last-activity time (not one session write per request).
_ACTIEF_RESOLUTIE = 60

#: Pages an unfinished login may reach: logging in and out, and the second step itself.
VRIJ = {"login", "logout", "tweestap-controle", "tweestap-instellen", "oidc-inloggen", "oidc-terug"}


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _heeft_sessie(request) -> bool:
    """Whether the request brings a session cookie. Without one nobody is logged in, and not
    looking at the session keeps cookie-less answers (security.txt, the health probe, public
    pages) free of ``Vary: Cookie``, so caches and proxies may keep them."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _naar_inloggen(request, melding: str):
    logout(request)
    messages.warning(request, melding)
    if _is_api(request) or request.method != "GET":
        return redirect(settings.LOGIN_URL)
    return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")


class SessieverloopMiddleware:
    """Ends a login after SESSION_IDLE_TIMEOUT seconds without a request, and
    SESSION_COOKIE_AGE seconds after it began however active (Django's own expiry is renewed
    whenever the session changes, so it is no absolute limit by itself).

    An API request with an expired session continues as anonymous (DRF answers 401); a page
    sends the user to the login page with the reason.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if _heeft_sessie(request) and request.user.is_authenticated:
            nu = time.time()
            sessie = request.session
            begin = sessie.get(INGELOGD_OP)
            laatst = sessie.get(LAATST_ACTIEF)
            melding = None
            if begin is None or nu - begin > settings.SESSION_COOKIE_AGE:
                melding = _("U was te lang ingelogd. Log opnieuw in om verder te werken.")
            elif laatst is None or nu - laatst > settings.SESSION_IDLE_TIMEOUT:
                melding = _(
                    "U bent uitgelogd omdat u %(minuten)d minuten niets heeft gedaan. Log opnieuw "
                    "in om verder te werken."
                ) % {"minuten": settings.SESSION_IDLE_TIMEOUT // 60}
            if melding is not None:
                if _is_api(request):
                    logout(request)
                else:
                    return _naar_inloggen(request, melding)
            elif nu - laatst >= _ACTIEF_RESOLUTIE:
                sessie[LAATST_ACTIEF] = nu
        return self.get_response(request)


class TweestapMiddleware:
    """Until the second factor is passed, a login reaches only the second step.

    A user who has set up two-factor authentication, and every account for which it is
    required (WUP_2FA_VERPLICHT_VOOR), is sent to enter a code, or to set it up first. API
    requests are left to the API's session authentication, which refuses such a session
    (token authentication is not a login and is not affected).
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _is_api(request) or not _heeft_sessie(request) or not request.user.is_authenticated:
            return None
        stap = tweestap.nog_nodig(request)
        if stap is None:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in VRIJ:
            return None
        doel = reverse(f"tweestap-{stap}")
        if request.method == "GET":
            doel += "?" + urlencode({"next": request.get_full_path()})
        return redirect(doel)
