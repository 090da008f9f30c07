"""Pages of step 6: the versions of the council PDF, one version while it is made, its file.

Seen by whoever may see the plan's document; a new version is requested by the plan's
projectleider or a beheerder. The file is only handed out here, after the same check.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from besluitvorming import selectors, services
from besluitvorming.models import Documentversie
from wup import toegang
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan


def _versie(plan: Wijkplan, versie_id: int) -> Documentversie:
    v = selectors.versie_van(plan, versie_id)
    if v is None:
        raise Http404(_("Deze versie bestaat niet in dit plan."))
    return v


def _sleutel(waarde: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(waarde)
    except (TypeError, ValueError):
        return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def versies(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    if request.method == "POST":
        if not selectors.mag_aanvragen(plan, request.user):
            raise PermissionDenied(
                _("Alleen de projectleider van dit plan of een beheerder kan een PDF laten maken.")
            )
        try:
            v = services.documentversie_aanvragen(
                plan=plan, user=request.user, sleutel=_sleutel(request.POST.get("sleutel", ""))
            )
        except PlanFrozen as exc:
            messages.error(request, str(exc))
            return redirect("besluitvorming-versies", pk=plan.pk)
        messages.success(
            request,
            _(
                "Versie %(nummer)s van de PDF wordt gemaakt. Dat duurt meestal minder dan een "
                "minuut."
            )
            % {"nummer": v.nummer},
        )
        return redirect("besluitvorming-versie", pk=plan.pk, versie_id=v.pk)
    return render(
        request,
        "besluitvorming/versies.html",
        {
            "plan": plan,
            "versies": selectors.versies_van(plan),
            "mag_aanvragen": selectors.mag_aanvragen(plan, request.user)
            and selectors.nieuwe_versie_mogelijk(plan),
            "sleutel": uuid.uuid4(),
        },
    )


@login_required
@require_GET
def versie(request: HttpRequest, pk: int, versie_id: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    v = _versie(plan, versie_id)
    return render(request, "besluitvorming/versie.html", {"plan": plan, "versie": v})


@login_required
@require_GET
def download(request: HttpRequest, pk: int, versie_id: int) -> FileResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    v = _versie(plan, versie_id)
    if not v.klaar:
        raise Http404(_("Deze versie heeft (nog) geen PDF."))
    return bestand_response(v)


def bestand_response(v: Documentversie) -> FileResponse:
    """The version's PDF as an attachment (shared with the API)."""
    response = FileResponse(
        v.bestand.open("rb"),
        as_attachment=True,
        filename=v.bestandsnaam,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
