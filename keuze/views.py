"""Pages of step 4: the assessment framework, the score matrix, the analysis and the choice.

The overview and a recorded choice are for whoever may see the plan; the forms are the
projectleider's. Thin: reads through ``keuze.selectors``, writes through ``keuze.services``.
A frozen plan shows why on the forms and refuses a POST with 409.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from keuze import bronnen, selectors, services, weergave
from keuze.forms import CriteriumForm, GewichtenForm, KeuzeForm, ScoresForm
from keuze.models import Criterium
from wup import selectors as wup_selectors
from wup import toegang
from wup.constants import Fase
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan de keuze voorbereiden."
)
MAX_ID = 2**63 - 1
CRITERIUM_VELDEN = tuple(CriteriumForm.base_fields)


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren,
        "bevroren_melding": _("Dit plan is %(fase)s. De keuze kan niet meer veranderen.")
        % {"fase": plan.get_fase_display().lower()}
        if plan.bevroren
        else "",
    }


def _formulier(
    request: HttpRequest,
    plan: Wijkplan,
    *,
    maak_form: Callable,
    opslaan: Callable[[dict], object],
    gelukt: str,
    template: str,
    context: dict | None = None,
) -> HttpResponse:
    """The flow of the step's forms: a frozen plan shows why (a POST gets 409); a bad form or a
    service's refusal puts the errors next to the fields (400); a save goes to the overview."""
    if request.method == "POST" and not plan.bevroren:
        form = maak_form(request.POST)
        if form.is_valid():
            try:
                opslaan(form.cleaned_data)
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, gelukt)
                return redirect("keuze-overzicht", pk=plan.pk)
        status = 400
    else:
        form = maak_form(None)
        status = 409 if request.method == "POST" else 200
    return render(
        request,
        template,
        {**_basis(request, plan), "form": form, **(context or {})},
        status=status,
    )


def _criterium_of_404(plan: Wijkplan, criterium_id: int) -> Criterium:
    criterium = None
    if 0 < criterium_id <= MAX_ID:
        criterium = selectors.criterium_by_pk(plan, criterium_id)
    if criterium is None:
        raise Http404(_("Dit criterium hoort niet bij dit plan."))
    return criterium


# --- Overview ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    basis = _basis(request, plan)
    analyse = selectors.analyse_van(plan)
    beoordeling = analyse.beoordeling
    keuzes = weergave.met_orgaan(selectors.keuzes_van(plan))
    return render(
        request,
        "keuze/overzicht.html",
        {
            **basis,
            "kader": weergave.kader(beoordeling.criteria),
            "matrix": weergave.matrix(beoordeling),
            "alternatieven": beoordeling.alternatieven,
            "analyse": weergave.analyse(analyse),
            "huidige": keuzes[0] if keuzes else None,
            "eerdere": keuzes[1:],
            "mag_vastleggen": basis["mag_wijzigen"] and plan.fase == Fase.KEUZE,
        },
    )


# --- Criteria ---------------------------------------------------------------------------------


def _bronnen_uitleg() -> list[dict]:
    return [
        {
            "titel": b.titel,
            "eenheid": b.eenheid,
            "richting": Criterium.Richting.HOGER_BETER.label
            if b.hoger_beter
            else Criterium.Richting.LAGER_BETER.label,
        }
        for b in bronnen.bronnen().values()
    ]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def criterium_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: CriteriumForm(
            data, initial={"bron": bronnen.HANDMATIG, "zekerheid": "middel"}
        ),
        opslaan=lambda d: services.criterium_toevoegen(wijkplan=plan, user=request.user, **d),
        gelukt=_("Het criterium is toegevoegd."),
        template="keuze/criterium_formulier.html",
        context={"titel": _("Criterium toevoegen"), "bronnen": _bronnen_uitleg()},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def criterium_wijzigen(request: HttpRequest, pk: int, criterium_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    criterium = _criterium_of_404(plan, criterium_id)
    initial = {v: getattr(criterium, v) for v in CRITERIUM_VELDEN}
    initial["gewicht"] = f"{criterium.gewicht:g}".replace(".", ",")
    return _formulier(
        request,
        plan,
        maak_form=lambda data: CriteriumForm(data, initial=initial),
        opslaan=lambda d: services.criterium_wijzigen(criterium=criterium, user=request.user, **d),
        gelukt=_("Het criterium is opgeslagen."),
        template="keuze/criterium_formulier.html",
        context={
            "titel": _("%(naam)s bewerken") % {"naam": criterium.naam},
            "criterium": criterium,
            "bronnen": _bronnen_uitleg(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def criterium_verwijderen(request: HttpRequest, pk: int, criterium_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    criterium = _criterium_of_404(plan, criterium_id)
    status, fout = 200, ""
    if request.method == "POST":
        if plan.bevroren:
            status = 409
        else:
            try:
                services.criterium_verwijderen(criterium=criterium, user=request.user)
            except PlanFrozen as exc:
                status, fout = 409, exc.message
            else:
                messages.success(
                    request,
                    _("Het criterium ‘%(naam)s’ is verwijderd.") % {"naam": criterium.naam},
                )
                return redirect("keuze-overzicht", pk=plan.pk)
    return render(
        request,
        "keuze/criterium_verwijderen.html",
        {
            **_basis(request, plan),
            "criterium": criterium,
            "fout": fout,
            "titel": _("%(naam)s verwijderen") % {"naam": criterium.naam},
        },
        status=status,
    )


@login_required
@require_POST
def standaardkader(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    if plan.bevroren:
        return render(
            request,
            "keuze/bevroren_pagina.html",
            {**_basis(request, plan), "titel": _("Standaardkader")},
            status=409,
        )
    try:
        criteria = services.standaardkader_toevoegen(wijkplan=plan, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "Het standaardkader met %(n)d criteria is toegevoegd. Bespreek de gewichten "
                "met de stuurgroep en pas ze aan waar nodig."
            )
            % {"n": len(criteria)},
        )
    return redirect("keuze-overzicht", pk=plan.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def gewichten(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    criteria = selectors.criteria_van(plan)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: GewichtenForm(data, criteria=criteria),
        opslaan=lambda d: services.gewichten_opslaan(
            wijkplan=plan,
            user=request.user,
            gewichten={c.pk: d[f"gewicht_{c.pk}"] for c in criteria},
        ),
        gelukt=_("De gewichten zijn opgeslagen."),
        template="keuze/gewichten.html",
        context={
            "titel": _("Gewichten van de criteria"),
            "criteria": criteria,
            "totaal": weergave.getal(sum(c.gewicht for c in criteria)),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def scores(request: HttpRequest, pk: int, criterium_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    criterium = _criterium_of_404(plan, criterium_id)
    beoordeling = selectors.beoordeling_van(plan)
    context = {
        "titel": _("Scores voor %(naam)s") % {"naam": criterium.naam},
        "criterium": criterium,
        "schaal": services.schaal_van(criterium.eenheid),
    }
    if not criterium.handmatig:
        bron = bronnen.bronnen().get(criterium.bron)
        return render(
            request,
            "keuze/scores_automatisch.html",
            {
                **_basis(request, plan),
                **context,
                "bron": bron,
                "rijen": [
                    {"alternatief": a, "cel": c, "tekst": weergave.waarde(c.waarde)}
                    for a, c in zip(
                        beoordeling.alternatieven,
                        beoordeling.rijen[beoordeling.criteria.index(criterium)]["cellen"],
                        strict=True,
                    )
                ],
            },
            status=400 if request.method == "POST" else 200,
        )
    bestaand = {
        a.pk: c
        for a in beoordeling.alternatieven
        if (c := beoordeling.cel(criterium.pk, a.pk)).waarde is not None
    }
    return _formulier(
        request,
        plan,
        maak_form=lambda data: ScoresForm(
            data,
            alternatieven=beoordeling.alternatieven,
            scores=bestaand,
            eenheid=criterium.eenheid,
        ),
        opslaan=lambda d: services.scores_opslaan(
            criterium=criterium,
            user=request.user,
            scores={
                a.pk: (d[f"score_{a.pk}"], d[f"toelichting_{a.pk}"])
                for a in beoordeling.alternatieven
            },
        ),
        gelukt=_("De scores voor ‘%(naam)s’ zijn opgeslagen.") % {"naam": criterium.naam},
        template="keuze/scores.html",
        context=context,
    )


# --- The choice -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def vastleggen(request: HttpRequest, pk: int) -> HttpResponse:
    from participatie.selectors.resultaten import steun_weergave

    plan = _projectleider_plan(request, pk)
    analyse = selectors.analyse_van(plan)
    weergegeven = weergave.analyse(analyse)
    huidige = selectors.huidige_keuze(plan)
    if huidige:
        weergave.met_orgaan([huidige])
    keuzes = weergave.alternatief_keuzes(analyse)
    zonder_steun = not analyse.heeft_steun
    return _formulier(
        request,
        plan,
        maak_form=lambda data: KeuzeForm(
            data,
            alternatieven=keuzes,
            zonder_steun=zonder_steun,
            initial={"vorige_keuze": huidige.pk if huidige else None},
        ),
        opslaan=lambda d: services.keuze_vastleggen(
            wijkplan=plan,
            user=request.user,
            alternatief_id=d["alternatief"],
            motivatie=d["motivatie"],
            participatie_afweging=d["participatie_afweging"],
            reden_zonder_participatie=d["reden_zonder_participatie"],
            afwijkende_standpunten=d["afwijkende_standpunten"],
            voorwaarden=d["voorwaarden"],
            orgaan=d["orgaan"],
            besluitdatum=d["besluitdatum"],
            kenmerk=d["kenmerk"],
            verouderd_bevestigd=d["verouderd_bevestigd"],
            vorige_keuze_id=d["vorige_keuze"],
        ),
        gelukt=_("De keuze is vastgelegd en staat in de besluitenlijst van het plan."),
        template="keuze/vastleggen.html",
        context={
            "titel": _("Keuze vastleggen"),
            "analyse": weergegeven,
            "huidige": huidige,
            "in_fase": plan.fase == Fase.KEUZE,
            "kan_kiezen": len(keuzes) >= 2,
            "zonder_steun": zonder_steun,
            "steun": steun_weergave(plan),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def keuze_detail(request: HttpRequest, pk: int, keuze_id: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    keuzes = weergave.met_orgaan(selectors.keuzes_van(plan)) if 0 < keuze_id <= MAX_ID else []
    keuze = next((k for k in keuzes if k.pk == keuze_id), None)
    if keuze is None:
        raise Http404(_("Deze keuze hoort niet bij dit plan."))
    return render(
        request,
        "keuze/keuze_detail.html",
        {
            **_basis(request, plan),
            "keuze": keuze,
            "vervangen_door": next((k for k in keuzes if k.vervangt_id == keuze.pk), None),
            "momentopname": weergave.momentopname(selectors.momentopname(keuze), keuze.pk),
        },
    )


# --- Step section -----------------------------------------------------------------------------


def stap_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    analyse = selectors.analyse_van(plan)
    return {
        "keuze_criteria": len(analyse.beoordeling.criteria),
        "keuze_beoordeeld": len(analyse.volledig_beoordeeld),
        "keuze_huidig": selectors.huidige_keuze(plan),
    }
