"""Pages of step 6's part 'raad': submitting the plan to the council (the projectleider), the
griffier's inbox, recording the council's decision (the griffier) and the public download of
an adopted plan. Thin: reads through :mod:`besluitvorming.selectors_raad`, writes through
:mod:`besluitvorming.services_raad`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from besluitvorming import selectors_raad as selectors
from besluitvorming import services_raad as services
from besluitvorming.forms_raad import AanbiedenForm, TeruggestuurdForm, VastgesteldForm
from besluitvorming.models import Raadsbesluit
from besluitvorming.views import bestand_response
from wup import toegang
from wup.constants import Fase
from wup.exceptions import GatesNotMet, PlanFrozen, TransitionConflict
from wup.workflow import gates

AANBIEDING_GATE = "besluitvorming.aanbieding"


def _voorwaarden(plan, overgang: str) -> list:
    """The conditions of the submission, without the one this page fulfils itself."""
    return [r for r in gates.evaluate(plan, overgang) if r.condition.key != AANBIEDING_GATE]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def aanbieden(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    mag = selectors.mag_aanbieden(plan, request.user)
    fout, status = "", 200
    if request.method == "POST":
        if not mag:
            raise PermissionDenied(_("Alleen de projectleider van dit plan kan het aanbieden."))
        form = AanbiedenForm(request.POST)
        if form.is_valid():
            try:
                services.aanbieden(
                    plan=plan,
                    user=request.user,
                    motivatie=form.cleaned_data["motivatie"],
                    verwachte_fase=form.cleaned_data["verwachte_fase"] or None,
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
                status = 400
            except (GatesNotMet, TransitionConflict, PlanFrozen) as exc:
                fout, status = exc.message, 409
            else:
                messages.success(
                    request,
                    _("Het plan is aangeboden aan de gemeenteraad. De griffie ziet het nu."),
                )
                return redirect("besluitvorming-raad-aanbieden", pk=plan.pk)
        else:
            status = 400
    else:
        form = AanbiedenForm(initial={"verwachte_fase": plan.fase})
    in_fase = plan.fase == Fase.UITVOERINGSPLAN
    return render(
        request,
        "besluitvorming/raad/aanbieden.html",
        {
            "plan": plan,
            "form": form,
            "fout": fout,
            "mag_aanbieden": mag and in_fase,
            "in_fase": in_fase,
            "versie": selectors.aan_te_bieden_versie(plan) if in_fase else None,
            "voorwaarden": _voorwaarden(plan, "aanbieden_aan_raad") if in_fase else [],
            "aanbiedingen": selectors.aanbiedingen_van(plan),
        },
        status=status,
    )


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    if not selectors.is_griffier(request.user):
        raise PermissionDenied(_("Alleen de griffier heeft een inbox met raadsvoorstellen."))
    return render(
        request,
        "besluitvorming/raad/inbox.html",
        {"plannen": selectors.inbox(request.user), "huidige": "besluitvorming-raad-inbox"},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    mag = selectors.mag_besluit_vastleggen(plan, request.user)
    aanbieding = selectors.huidige_aanbieding(plan)
    versies = list(selectors.klare_versies(plan)) if mag else []
    aangeboden = aanbieding.documentversie if aanbieding else None
    vast = VastgesteldForm(
        versies=versies, aangeboden=aangeboden, initial={"verwachte_fase": plan.fase}
    )
    terug = TeruggestuurdForm(initial={"verwachte_fase": plan.fase})
    fout, status = "", 200
    if request.method == "POST":
        if not mag:
            raise PermissionDenied(services.ALLEEN_GRIFFIER)
        uitkomst = request.POST.get("uitkomst")
        if uitkomst == Raadsbesluit.Uitkomst.VASTGESTELD:
            form = vast = VastgesteldForm(request.POST, versies=versies, aangeboden=aangeboden)
        else:
            uitkomst = Raadsbesluit.Uitkomst.TERUGGESTUURD
            form = terug = TeruggestuurdForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.raadsbesluit_vastleggen(
                    plan=plan,
                    user=request.user,
                    uitkomst=uitkomst,
                    besluitdatum=d["besluitdatum"],
                    besluitnummer=d["besluitnummer"],
                    amendementen=d.get("amendementen", ""),
                    redenen=d.get("redenen", ""),
                    naar=d.get("naar"),
                    versie_id=d.get("versie"),
                    verwachte_fase=d["verwachte_fase"] or None,
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
                status = 400
            except (GatesNotMet, TransitionConflict, PlanFrozen) as exc:
                fout, status = exc.message, 409
            else:
                plan.refresh_from_db()
                messages.success(
                    request,
                    _("Het raadsbesluit is vastgelegd. Het plan is nu in de fase ‘%(fase)s’.")
                    % {"fase": plan.get_fase_display()},
                )
                return redirect("besluitvorming-raad-besluit", pk=plan.pk)
        else:
            status = 400
    return render(
        request,
        "besluitvorming/raad/besluit.html",
        {
            "plan": plan,
            "mag_vastleggen": mag,
            "vast": vast,
            "terug": terug,
            "fout": fout,
            "aanbieding": aanbieding,
            "besluiten": selectors.raadsbesluiten_van(plan),
            "definitieve_versie": selectors.definitieve_versie(plan),
            "bevroren_melding": _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.")
            % {"fase": plan.get_fase_display().lower()}
            if plan.bevroren
            else "",
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def publiek_pdf(request: HttpRequest, slug: str) -> FileResponse:
    """The final PDF of an adopted plan, for everyone (no login). Anything else is a 404."""
    plan = selectors.vastgesteld_plan_by_slug(slug)
    versie = selectors.definitieve_versie(plan) if plan is not None else None
    if versie is None:
        raise Http404(_("Er is geen vastgesteld plan op dit adres."))
    return bestand_response(versie)
