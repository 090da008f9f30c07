"""Pages for the beheerder: import a Startanalyse file of PBL, follow its progress, see what
is there.

The upload is limited in size while it streams to disk, with the limiter of the CBS import (see
the report on moving it into the core).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from techniek.forms import StartanalyseImportForm
from techniek.selectors import startanalyse as selectors
from techniek.services import startanalyse as services
from techniek.startanalyse.indicatoren import INDICATOREN
from wup import uploads
from wup.uploads import MARGE, BegrensdeUpload

PERM_ZIEN = "techniek.view_startanalyseimport"
PERM_INLEZEN = "techniek.add_startanalyseimport"


def begrens_upload(request: HttpRequest) -> BegrensdeUpload:
    """The size limit of a Startanalyse file on a request whose body has not been read yet."""
    return uploads.begrens_upload(request, limiet=services.MAX_BESTANDSGROOTTE)


def _mag(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied(_("Alleen een beheerder kan de Startanalyse van PBL inlezen."))


def _lengte(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@login_required
@require_http_methods(["GET", "HEAD"])
def startanalyse_imports(request: HttpRequest) -> HttpResponse:
    _mag(request, PERM_ZIEN)
    return render(
        request,
        "techniek/startanalyse_imports.html",
        {
            "imports": selectors.imports()[:100],
            "aantallen": selectors.aantallen(),
            "mag_inlezen": request.user.has_perm(PERM_INLEZEN),
            "aantal_indicatoren": len(INDICATOREN),
        },
    )


@csrf_exempt  # the size limit must be in place before CSRF reads the body; checked below
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def startanalyse_import_nieuw(request: HttpRequest) -> HttpResponse:
    _mag(request, PERM_INLEZEN)
    if request.method == "POST":
        if _lengte(request) > services.MAX_BESTANDSGROOTTE + MARGE:
            fout = services.bestand_te_groot_melding(_lengte(request))
            return _formulier(request, StartanalyseImportForm(), status=413, fout=fout)
        return _nieuw_verwerken(request, begrens_upload(request))
    return _formulier(request, StartanalyseImportForm())


@csrf_protect
def _nieuw_verwerken(request: HttpRequest, begrenzer: BegrensdeUpload) -> HttpResponse:
    form = StartanalyseImportForm(request.POST, request.FILES)
    if begrenzer.te_groot:
        form = StartanalyseImportForm(
            initial={"gemeente": request.POST.get("gemeente"), "editie": request.POST.get("editie")}
        )
        fout = services.bestand_te_groot_melding(begrenzer.ontvangen)
        return _formulier(request, form, status=413, fout=fout)
    if form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            imp = services.startanalyse_import_aanmaken(
                bestand=bestand,
                bestandsnaam=bestand.name,
                gemeente=form.cleaned_data["gemeente"],
                editie=form.cleaned_data["editie"] or None,
                user=request.user,
            )
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            return redirect("techniek-startanalyse-import-detail", pk=imp.pk)
    return _formulier(request, form, status=400)


def _formulier(
    request: HttpRequest, form: StartanalyseImportForm, status: int = 200, fout: str = ""
) -> HttpResponse:
    return render(
        request,
        "techniek/startanalyse_import_nieuw.html",
        {"form": form, "fout": fout},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def startanalyse_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _mag(request, PERM_ZIEN)
    imp = selectors.import_by_pk(pk) if 0 < pk < 2**63 else None
    if imp is None:
        raise Http404(_("Deze import bestaat niet."))
    response = render(
        request,
        "techniek/startanalyse_import_detail.html",
        {"imp": imp, "mag_inlezen": request.user.has_perm(PERM_INLEZEN)},
    )
    if imp.loopt:
        response["Refresh"] = "2"  # the page refreshes itself until the import is done
    return response
