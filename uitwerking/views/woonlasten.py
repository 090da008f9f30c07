"""Pages of step 5's part 'woonlasten': the costs per household type, a type's detail, the
input form, the history and the export.

Whoever may see the plan reads; only its projectleider computes, never in a frozen plan (a POST
then gets 409). Thin: reads through ``uitwerking.selectors.woonlasten``, writes through
``uitwerking.services.woonlasten``.
"""

from __future__ import annotations

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from uitwerking.forms.woonlasten import WoonlastenForm
from uitwerking.selectors import woonlasten as selectors
from uitwerking.services import woonlasten as services
from wup import exports, toegang
from wup import selectors as wup_selectors
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan de woonlasten berekenen."
)


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren,
        "bevroren_melding": _("Dit plan is %(fase)s. De woonlasten kunnen niet meer veranderen.")
        % {"fase": plan.get_fase_display().lower()}
        if plan.bevroren
        else "",
        "energiearmoede_url": reverse("wijktoets-indicatoren", args=[plan.pk]) + "#energiearmoede",
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    stand = selectors.stand_van(plan)
    return render(
        request,
        "uitwerking/woonlasten/overzicht.html",
        {
            **_basis(request, plan),
            **selectors.weergave(stand),
            "aantal_berekeningen": selectors.aantal_berekeningen(plan),
        },
    )


def _type_of_404(stand, nummer: int) -> dict:
    rijen = selectors.rijen(stand) if stand else []
    if not 1 <= nummer <= len(rijen):
        raise Http404(_("Dit type huishouden staat niet in de berekening."))
    return rijen[nummer - 1]


@login_required
@require_http_methods(["GET", "HEAD"])
def type_detail(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    stand = selectors.stand_van(plan)
    rij = _type_of_404(stand, nummer)
    return render(
        request,
        "uitwerking/woonlasten/type.html",
        {**_basis(request, plan), "stand": stand, "rij": rij, "titel": rij["naam"]},
    )


def _hernoemd(exc: ValidationError, namen: dict[str, str]) -> ValidationError:
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError({namen.get(v, v): f for v, f in exc.error_dict.items()})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invoer(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)
    stand = selectors.stand_van(plan)
    velden = services.velden_van(stand.berekening if stand else None)
    gekozen = selectors.gekozen_alternatief(plan)
    woningtypen = (
        selectors.woningtypen((gekozen.berekening.voorraad or {}).get("woningen") or [])
        if gekozen.berekening
        else []
    )
    cijfers = selectors.gebiedscijfers(plan)
    aandelen = velden.get("aandelen") or cijfers.aandelen or {}
    huishoudtypen = selectors.huishoudtypen(woningtypen, aandelen) if aandelen else []
    form_kwargs = {
        "huishoudtypen": huishoudtypen,
        "woningtypen": woningtypen,
        "cbs_aandelen": cijfers.aandelen,
        "cbs_verbruik": {
            t.naam: (cijfers.gas_voor(t.naam), cijfers.elektriciteit_voor(t.naam))
            for t in woningtypen
        },
    }
    initial = WoonlastenForm.initial_van(velden, huishoudtypen, woningtypen)
    status = 200
    if request.method == "POST" and not plan.bevroren:
        form = WoonlastenForm(request.POST, initial=initial, **form_kwargs)
        if form.is_valid():
            try:
                services.woonlasten_berekenen(wijkplan=plan, user=request.user, **form.velden())
            except ValidationError as exc:
                toegang.service_fouten(form, _hernoemd(exc, form.namen))
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("De woonlasten zijn berekend."))
                return redirect("uitwerking-woonlasten", pk=plan.pk)
        status = 400
    else:
        form = WoonlastenForm(initial=initial, **form_kwargs)
        if request.method == "POST":
            status = 409
    return render(
        request,
        "uitwerking/woonlasten/invoer.html",
        {
            **_basis(request, plan),
            "form": form,
            "titel": _("Woonlasten berekenen"),
            "gekozen": gekozen,
            "cijfers": cijfers,
            "zonder_aandelen": cijfers.aandelen is None,
        },
        status=status,
    )


@login_required
@require_POST
def herberekenen(request: HttpRequest, pk: int) -> HttpResponse:
    """Compute again with the inputs of the newest calculation (after a change elsewhere)."""
    plan = toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)
    if plan.bevroren:
        return render(
            request,
            "uitwerking/woonlasten/bevroren_pagina.html",
            {**_basis(request, plan), "titel": _("Opnieuw berekenen")},
            status=409,
        )
    stand = selectors.stand_van(plan)
    try:
        services.woonlasten_berekenen(
            wijkplan=plan,
            user=request.user,
            **services.velden_van(stand.berekening if stand else None),
        )
    except ValidationError as exc:
        messages.error(
            request,
            " ".join(exc.messages) + " " + _("Pas de invoer aan en bereken opnieuw."),
        )
        return redirect("uitwerking-woonlasten-invoer", pk=plan.pk)
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("De woonlasten zijn opnieuw berekend."))
    return redirect("uitwerking-woonlasten", pk=plan.pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def historie(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    berekeningen = selectors.berekeningen_van(plan)
    rijen = []
    for i, b in enumerate(berekeningen):
        s = selectors.Stand(b)
        rijen.append(
            {
                "berekening": b,
                "huidig": i == 0,
                "typen": len(s.uitkomsten),
                "neutraal": s.neutraal,
                "niet_neutraal": s.niet_neutraal,
                "risico": s.risico,
            }
        )
    return render(
        request,
        "uitwerking/woonlasten/historie.html",
        {**_basis(request, plan), "rijen": rijen, "titel": _("Eerdere berekeningen")},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """The cost table as CSV (default) or Excel (``?formaat=xlsx``, with the lines and the
    parameters on their own sheets)."""
    plan = toegang.zichtbaar_plan(request, pk)
    formaat = (request.GET.get("formaat") or "csv").strip().lower()
    if formaat not in exports.FORMATEN:
        messages.error(
            request,
            _("Kies als formaat csv of xlsx; ‘%(formaat)s’ kan niet.") % {"formaat": formaat[:20]},
        )
        return redirect("uitwerking-woonlasten", pk=plan.pk)
    stand = selectors.stand_van(plan)
    if stand is None:
        raise Http404(_("Er zijn voor dit plan nog geen woonlasten berekend."))
    tabel = selectors.tabel(stand)
    if formaat == "csv":
        inhoud = exports.als_csv(tabel)
    else:
        inhoud = exports.als_excel(
            {
                "Woonlasten": tabel,
                "Posten per maand": selectors.regeltabel(stand),
                "Parameters": selectors.parametertabel(stand),
                "Aannames": pd.DataFrame({"Aanname": stand.berekening.aannames}),
            }
        )
    naam = f"woonlasten-{slugify(plan.slug or plan.pk)}-{stand.berekening.pk}"
    response = HttpResponse(inhoud, content_type=exports.FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response
