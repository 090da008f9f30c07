"""The plan's decisions log (besluitenlijst): read by whoever may see the plan; the projectleider
adds a decision or corrects one (a new row that supersedes it). A frozen plan offers no form
and refuses a POST with 409, saying why.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wup import selectors, services, toegang
from wup.exceptions import PlanFrozen
from wup.forms import BesluitForm
from wup.models import Besluit, Wijkplan

ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan besluiten vastleggen of corrigeren."
)


def _bevroren_melding(plan: Wijkplan) -> str:
    return _("Dit plan is %(fase)s. Er kunnen geen besluiten meer bij of veranderen.") % {
        "fase": plan.get_fase_display().lower()
    }


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    projectleider = selectors.is_projectleider(plan, request.user)
    return {
        "plan": plan,
        "is_projectleider": projectleider,
        "mag_wijzigen": projectleider and not plan.bevroren,
        "bevroren_melding": _bevroren_melding(plan) if plan.bevroren else "",
    }


def _opslaan(
    request: HttpRequest, plan: Wijkplan, *, vervangt: Besluit | None = None
) -> tuple[BesluitForm, int, Besluit | None]:
    """Handle a POST of the form: (form, status, saved row or None)."""
    if not selectors.is_projectleider(plan, request.user):
        raise PermissionDenied(ALLEEN_PROJECTLEIDER)
    if plan.bevroren:
        return BesluitForm(), 409, None
    form = BesluitForm(request.POST)
    if not form.is_valid():
        return form, 400, None
    try:
        rij = services.besluit_vastleggen(
            wijkplan=plan, user=request.user, vervangt=vervangt, **form.cleaned_data
        )
    except ValidationError as exc:
        toegang.service_fouten(form, exc)
        return form, 400, None
    except PlanFrozen as exc:
        form.add_error(None, exc.message)
        return form, 409, None
    return form, 201, rij


def rijen(plan: Wijkplan) -> list[dict]:
    bronnen = selectors.besluit_bronnen()
    return [
        {
            "besluit": b,
            "bron": selectors.besluit_bron_label(b.bron, bronnen),
            "opvolger": b.opvolger,
        }
        for b in selectors.besluiten_van(plan)
    ]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def besluiten(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    status = 200
    form = BesluitForm()
    if request.method == "POST":
        form, status, rij = _opslaan(request, plan)
        if rij is not None:
            messages.success(request, _("Het besluit staat in de besluitenlijst."))
            return redirect("wijkplan-besluiten", pk=plan.pk)
    return render(
        request,
        "wup/besluiten.html",
        {**_basis(request, plan), "form": form, "rijen": rijen(plan)},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def besluit_corrigeren(request: HttpRequest, pk: int, besluit_id: int) -> HttpResponse:
    plan = toegang.plan_van_projectleider(request, pk, str(ALLEEN_PROJECTLEIDER))
    oud = selectors.besluit_van(plan, besluit_id)
    if oud is None:
        raise Http404(_("Dit besluit staat niet in de besluitenlijst van dit plan."))
    status = 200
    form = BesluitForm(
        initial={
            "datum": oud.datum,
            "orgaan": oud.orgaan,
            "besluit": oud.besluit,
            "kenmerk": oud.kenmerk,
        }
    )
    if request.method == "POST":
        form, status, rij = _opslaan(request, plan, vervangt=oud)
        if rij is not None:
            messages.success(
                request,
                _("De correctie staat in de besluitenlijst; het oude besluit is vervangen."),
            )
            return redirect("wijkplan-besluiten", pk=plan.pk)
    return render(
        request,
        "wup/besluit_corrigeren.html",
        {
            **_basis(request, plan),
            "form": form,
            "oud": oud,
            "oud_bron": selectors.besluit_bron_label(oud.bron),
            "opvolger": oud.opvolger,
        },
        status=status,
    )
