"""Protection of the public forms against abuse, without third-party CAPTCHAs.

``publiek_formulier`` wraps a public view. On a POST it

* refuses a body larger than ``max_bytes`` before reading it (413, with a Dutch page);
* counts the POSTs per client address in the cache (django-ratelimit) and answers 429 with a
  clear page once the rate is passed; nothing is stored;
* refuses a filled-in honeypot field (``HONEYPOT``, hidden from people, filled by bots) with 400.

CSRF stays on (the views are not exempt): the public pages set the cookie on GET.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

#: Name of the honeypot field; the template ``participatie/publiek/honingpot.html`` renders it.
HONEYPOT = "website"
#: Default body limit of a public form: room for a long reaction, far below the upload limit.
MAX_BYTES = 64 * 1024


def _weiger(request: HttpRequest, status: int, titel: str, uitleg: str) -> HttpResponse:
    return render(
        request,
        "participatie/publiek/geweigerd.html",
        {"titel": titel, "uitleg": uitleg},
        status=status,
    )


def publiek_formulier(
    groep: str, *, rate: str = "20/h", max_bytes: int = MAX_BYTES
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator for a public view that accepts a POST; ``groep`` names its rate-limit bucket."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method != "POST":
                return view(request, *args, **kwargs)
            try:
                lengte = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                lengte = 0
            if lengte > max_bytes:
                return _weiger(
                    request,
                    413,
                    _("Uw bericht is te lang"),
                    _(
                        "Wat u stuurde is groter dan we kunnen aannemen. Maak uw tekst korter en "
                        "probeer het opnieuw."
                    ),
                )
            # A load test from one address sets one high rate for every form (see settings).
            geldend = settings.WUP_PUBLIEK_RATE or rate
            if is_ratelimited(
                request, group=f"participatie.{groep}", key="ip", rate=geldend, increment=True
            ):
                return _weiger(
                    request,
                    429,
                    _("Even wachten"),
                    _(
                        "Vanaf uw internetverbinding kwamen in korte tijd veel berichten binnen. "
                        "Probeer het over een uur opnieuw. Lukt het dan niet, neem dan contact "
                        "op met het projectteam."
                    ),
                )
            if request.POST.get(HONEYPOT):
                return _weiger(
                    request,
                    400,
                    _("Uw bericht is niet verstuurd"),
                    _("Laat het veld ‘Website’ leeg; dat veld is alleen voor computers bedoeld."),
                )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
