"""The accessibility statement: public, after the Dutch model statement (digitoegankelijk.nl)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

#: The statuses of the model statement; A and B need a full audit by an expert.
STATUSSEN = {
    "A": _("voldoet volledig"),
    "B": _("voldoet gedeeltelijk"),
    "C": _("eerste maatregelen genomen"),
    "D": _("eerste maatregelen nog niet genomen"),
    "E": _("voldoet niet"),
}


@require_GET
def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    status = settings.WUP_TOEGANKELIJKHEID_STATUS
    return render(
        request,
        "wup/toegankelijkheid.html",
        {
            "status": status,
            "status_label": STATUSSEN[status],
            "datum": settings.WUP_TOEGANKELIJKHEID_DATUM,
            "register_url": settings.WUP_TOEGANKELIJKHEID_URL,
            "email": settings.WUP_TOEGANKELIJKHEID_EMAIL,
            "site": request.get_host(),
        },
    )
