"""The beheerder's pages for requests of a person under the AVG: look up an e-mail address,
hand the person their data as a file, or erase it; and the processing log.

The address is always sent by POST, never in a URL, so it ends up in no access log. Others
than the beheerder get 403.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from participatie.forms_privacy import WissenForm, ZoekForm
from participatie.selectors import privacy as selectors
from participatie.services import privacy as services


def _alleen_beheerder(request: HttpRequest) -> None:
    if not selectors.mag_behandelen(request.user):
        raise PermissionDenied(_("Alleen een beheerder behandelt verzoeken over persoonsgegevens."))


def _pagina(request, zoek: ZoekForm, wissen: WissenForm | None = None, *, status=200):
    gevonden = zoek.is_bound and zoek.is_valid()
    gegevens = selectors.gegevens_van(zoek.cleaned_data["email"]) if gevonden else None
    if gegevens is not None and wissen is None:
        wissen = WissenForm(initial={"email": gegevens.email})
    return render(
        request,
        "participatie/privacy/verzoeken.html",
        {
            "form": zoek,
            "wissen": wissen,
            "gegevens": gegevens,
            "deelnames": [
                {"deelname": d, "respons": selectors.respons_van(d)}
                for d in (gegevens.deelnames if gegevens else [])
            ],
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verzoeken(request: HttpRequest) -> HttpResponse:
    """Search by address (a POST), and what is held about it."""
    _alleen_beheerder(request)
    if request.method != "POST":
        return _pagina(request, ZoekForm())
    zoek = ZoekForm(request.POST)
    return _pagina(request, zoek, status=200 if zoek.is_valid() else 400)


@login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    """The person's data as a JSON file; logged."""
    _alleen_beheerder(request)
    zoek = ZoekForm(request.POST)
    if not zoek.is_valid():
        return _pagina(request, zoek, status=400)
    data = services.persoon_exporteren(email=zoek.cleaned_data["email"], user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="persoonsgegevens.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def wissen(request: HttpRequest) -> HttpResponse:
    """Erase the person's name and address (after the confirmation); logged."""
    _alleen_beheerder(request)
    form = WissenForm(request.POST)
    zoek = ZoekForm({"email": request.POST.get("email", "")})
    if not zoek.is_valid():
        return _pagina(request, zoek, status=400)
    if form.is_valid():
        try:
            verwerking = services.persoon_wissen(
                email=form.cleaned_data["email"],
                user=request.user,
                bevestigd=form.cleaned_data["bevestigd"],
            )
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                for fout in fouten:
                    form.add_error(veld if veld in form.fields else None, fout)
        else:
            messages.success(
                request,
                _("De gegevens zijn gewist (%(n)d gegevens). Dit staat in het logboek.")
                % {"n": verwerking.aantal},
            )
            return redirect("participatie-privacy")
    return _pagina(request, zoek, form, status=400)


@login_required
@require_http_methods(["GET", "HEAD"])
def logboek(request: HttpRequest) -> HttpResponse:
    _alleen_beheerder(request)
    return render(
        request, "participatie/privacy/logboek.html", {"verwerkingen": selectors.logboek()}
    )
