"""Pages of step 6's part 'uitvoeringsplan': the composition of the implementation plan with
its preconditions, process steps and decisions needed, the wishes and requirements of
stakeholders, and the checklist of Wgiw safeguards.

The pages are for whoever may see the plan; the forms are the projectleider's. Thin: reads
through :mod:`besluitvorming.selectors_uitvoeringsplan`, writes through
:mod:`besluitvorming.services_uitvoeringsplan`. A frozen plan shows why instead of the forms
and refuses a POST with 409.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from besluitvorming import gates_uitvoeringsplan as gates
from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming import services_uitvoeringsplan as services
from besluitvorming.forms_uitvoeringsplan import (
    BenodigdBesluitForm,
    ProcesstapForm,
    RandvoorwaardeForm,
    SamenstellingForm,
    WaarborgForm,
    WensForm,
)
from besluitvorming.models.uitvoeringsplan import Waarborg
from wup import selectors as wup_selectors
from wup import toegang
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan het uitvoeringsplan opstellen."
)


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren,
        "bevroren_melding": _("Dit plan is %(fase)s. Het uitvoeringsplan kan niet meer veranderen.")
        % {"fase": plan.get_fase_display().lower()}
        if plan.bevroren
        else "",
    }


def _of_404(gevonden, melding: str):
    if gevonden is None:
        raise Http404(melding)
    return gevonden


# --- The composition --------------------------------------------------------------------------


def _samenstelling_initial(s) -> dict:
    return {
        "einddatum_gaslevering": s.einddatum_gaslevering,
        "aankondigingstermijn_jaren": s.aankondigingstermijn_jaren,
        **{veld: getattr(s, veld) for veld in selectors.THEMA_VELDEN},
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def uitvoeringsplan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    status = 200
    if request.method == "POST":
        plan = _projectleider_plan(request, pk)
    basis = _basis(request, plan)
    samenstelling = selectors.samenstelling_van(plan)
    hints = selectors.agenda_hints(plan)
    form = None
    if request.method == "POST":
        form = SamenstellingForm(request.POST, hints=hints)
        if plan.bevroren:
            status = 409
        elif form.is_valid():
            try:
                uitkomst = services.samenstelling_opslaan(
                    wijkplan=plan, user=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Het uitvoeringsplan is opgeslagen."))
                for w in uitkomst.waarschuwingen:
                    messages.warning(request, w)
                return redirect("besluitvorming-uitvoeringsplan", pk=plan.pk)
            status = 400
        else:
            status = 400
    elif basis["mag_wijzigen"]:
        form = SamenstellingForm(initial=_samenstelling_initial(samenstelling), hints=hints)
    context = {
        **basis,
        "titel": _("Uitvoeringsplan"),
        "form": form,
        "samenstelling": samenstelling,
        "termijn_waarschuwing": selectors.termijn_waarschuwing(
            samenstelling.aankondigingstermijn_jaren
        ),
        "themas": [
            {"label": label, "tekst": getattr(samenstelling, veld), "hint": hints[veld]}
            for veld, label, _t in selectors.THEMAS
        ],
        "randvoorwaarden": selectors.randvoorwaarden_van(plan),
        "processtappen": selectors.processtappen_van(plan),
        "benodigde_besluiten": selectors.benodigde_besluiten_van(plan),
        "besluitenlijst": selectors.besluitenlijst(plan),
        "fasen": selectors.realisatiefasen(plan),
        "voorwaarde": gates.samenstelling_compleet([plan])[plan.pk],
    }
    if basis["mag_wijzigen"]:
        context.update(
            randvoorwaarde_form=RandvoorwaardeForm(prefix="rv"),
            processtap_form=ProcesstapForm(prefix="ps"),
            besluit_form=BenodigdBesluitForm(prefix="bb"),
            partijnamen=selectors.partijnamen(plan),
        )
    return render(request, "besluitvorming/uitvoeringsplan/overzicht.html", context, status=status)


# --- Items, the same way for every kind ---------------------------------------------------------


@dataclass(frozen=True)
class Soort:
    naam: str  # in the URL names, e.g. "randvoorwaarde"
    enkelvoud: str
    form: type
    prefix: str
    vind: callable
    toevoegen: callable
    wijzigen: callable
    verwijderen: callable
    initial: callable
    omschrijving: callable
    niet_gevonden: str


SOORTEN = {
    "randvoorwaarde": Soort(
        "randvoorwaarde",
        gettext_lazy("Randvoorwaarde"),
        RandvoorwaardeForm,
        "rv",
        selectors.randvoorwaarde_by_pk,
        services.randvoorwaarde_toevoegen,
        lambda o, u, d: services.randvoorwaarde_wijzigen(randvoorwaarde=o, user=u, **d),
        lambda o, u: services.randvoorwaarde_verwijderen(randvoorwaarde=o, user=u),
        lambda o: {"tekst": o.tekst},
        lambda o: o.tekst[:80],
        gettext_lazy("Deze randvoorwaarde hoort niet bij dit plan."),
    ),
    "processtap": Soort(
        "processtap",
        gettext_lazy("Processtap"),
        ProcesstapForm,
        "ps",
        selectors.processtap_by_pk,
        services.processtap_toevoegen,
        lambda o, u, d: services.processtap_wijzigen(processtap=o, user=u, **d),
        lambda o, u: services.processtap_verwijderen(processtap=o, user=u),
        lambda o: {
            "naam": o.naam,
            "omschrijving": o.omschrijving,
            "verantwoordelijke": o.verantwoordelijke,
        },
        lambda o: o.naam,
        gettext_lazy("Deze processtap hoort niet bij dit plan."),
    ),
    "besluit": Soort(
        "besluit",
        gettext_lazy("Benodigd besluit"),
        BenodigdBesluitForm,
        "bb",
        selectors.benodigd_besluit_by_pk,
        services.benodigd_besluit_toevoegen,
        lambda o, u, d: services.benodigd_besluit_wijzigen(benodigd_besluit=o, user=u, **d),
        lambda o, u: services.benodigd_besluit_verwijderen(benodigd_besluit=o, user=u),
        lambda o: {"orgaan": o.orgaan, "onderwerp": o.onderwerp, "beoogde_datum": o.beoogde_datum},
        lambda o: o.onderwerp,
        gettext_lazy("Dit besluit hoort niet bij dit plan."),
    ),
}
TERUG = "besluitvorming-uitvoeringsplan"


def _item_formulier(request, plan, soort: Soort, titel, opslaan, initial=None, prefix=None):
    status = 200
    form = soort.form(prefix=prefix, initial=initial)
    if request.method == "POST":
        form = soort.form(request.POST, prefix=prefix, initial=initial)
        status = 400
        if plan.bevroren:
            status = 409
        elif form.is_valid():
            try:
                opslaan(form.cleaned_data)
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("‘%(wat)s’ is opgeslagen.") % {"wat": soort.enkelvoud})
                return redirect(TERUG, pk=plan.pk)
    return render(
        request,
        "besluitvorming/uitvoeringsplan/formulier.html",
        {
            **_basis(request, plan),
            "titel": titel,
            "form": form,
            "partijnamen": selectors.partijnamen(plan) if soort.naam == "processtap" else [],
        },
        status=status,
    )


def _item_nieuw(naam: str):
    soort = SOORTEN[naam]

    @login_required
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        plan = _projectleider_plan(request, pk)
        return _item_formulier(
            request,
            plan,
            soort,
            _("%(wat)s toevoegen") % {"wat": soort.enkelvoud},
            lambda d: soort.toevoegen(wijkplan=plan, user=request.user, **d),
            # The overview's add form posts with its prefix; this page's own form too.
            prefix=soort.prefix,
        )

    view.__name__ = f"{naam}_nieuw"
    return view


def _item_wijzigen(naam: str):
    soort = SOORTEN[naam]

    @login_required
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
        plan = _projectleider_plan(request, pk)
        obj = _of_404(soort.vind(plan, item_id), soort.niet_gevonden)
        return _item_formulier(
            request,
            plan,
            soort,
            _("%(wat)s bewerken") % {"wat": soort.enkelvoud},
            lambda d: soort.wijzigen(obj, request.user, d),
            initial=soort.initial(obj),
        )

    view.__name__ = f"{naam}_wijzigen"
    return view


def _item_verwijderen(naam: str):
    soort = SOORTEN[naam]

    @login_required
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: HttpRequest, pk: int, item_id: int) -> HttpResponse:
        plan = _projectleider_plan(request, pk)
        obj = _of_404(soort.vind(plan, item_id), soort.niet_gevonden)
        wat = soort.omschrijving(obj)
        status, fout = 200, ""
        if request.method == "POST":
            if plan.bevroren:
                status = 409
            else:
                try:
                    soort.verwijderen(obj, request.user)
                except PlanFrozen as exc:
                    status, fout = 409, exc.message
                else:
                    messages.success(request, _("‘%(wat)s’ is verwijderd.") % {"wat": wat})
                    return redirect(TERUG, pk=plan.pk)
        return render(
            request,
            "besluitvorming/uitvoeringsplan/verwijderen.html",
            {
                **_basis(request, plan),
                "titel": _("%(wat)s verwijderen") % {"wat": soort.enkelvoud},
                "wat": wat,
                "fout": fout,
            },
            status=status,
        )

    view.__name__ = f"{naam}_verwijderen"
    return view


# --- Wishes and requirements of stakeholders ----------------------------------------------------


def _wensen_pagina(request, plan, *, fout_id=None, fout_form=None, status=200):
    basis = _basis(request, plan)
    rijen = []
    for w in selectors.wensen_van(plan):
        form = None
        if basis["mag_wijzigen"]:
            form = (
                fout_form
                if w.inbreng_id == fout_id
                else WensForm(
                    prefix=f"w{w.inbreng_id}",
                    initial={"opgenomen": w.opgenomen, "notitie": w.notitie},
                )
            )
        rijen.append({"wens": w, "form": form})
    return render(
        request,
        "besluitvorming/uitvoeringsplan/wensen.html",
        {
            **basis,
            "titel": _("Wensen en eisen van belanghebbenden"),
            "rijen": rijen,
            "groepen": selectors.belanghebbenden(plan),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def wensen(request: HttpRequest, pk: int) -> HttpResponse:
    return _wensen_pagina(request, toegang.zichtbaar_plan(request, pk))


@login_required
@require_POST
def wens_opslaan(request: HttpRequest, pk: int, inbreng_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    form = WensForm(request.POST, prefix=f"w{inbreng_id}")
    if plan.bevroren:
        return _wensen_pagina(request, plan, status=409)
    if form.is_valid():
        try:
            services.wens_vastleggen(
                wijkplan=plan, user=request.user, inbreng_id=inbreng_id, **form.cleaned_data
            )
        except ValidationError as exc:
            if "inbreng_id" in getattr(exc, "message_dict", {}):
                raise Http404(exc.message_dict["inbreng_id"][0]) from None
            toegang.service_fouten(form, exc)
        except PlanFrozen as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("De wens is opgeslagen."))
            return redirect("besluitvorming-wensen", pk=plan.pk)
    return _wensen_pagina(request, plan, fout_id=inbreng_id, fout_form=form, status=400)


# --- The Wgiw safeguards ------------------------------------------------------------------------


def _waarborgen_pagina(request, plan, *, fout_punt=None, fout_form=None, status=200):
    basis = _basis(request, plan)
    punten = []
    for p in selectors.checklist(plan):
        form = None
        if basis["mag_wijzigen"]:
            form = (
                fout_form
                if p.punt == fout_punt
                else WaarborgForm(
                    prefix=p.punt,
                    initial={
                        "antwoord": p.waarborg.antwoord if p.waarborg else "",
                        "status": p.waarborg.status if p.waarborg else "",
                    },
                )
            )
        punten.append({"punt": p, "form": form})
    return render(
        request,
        "besluitvorming/uitvoeringsplan/waarborgen.html",
        {
            **basis,
            "titel": _("Wettelijke waarborgen (Wgiw)"),
            "punten": punten,
            "voorwaarde": gates.waarborgen_beantwoord([plan])[plan.pk],
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def waarborgen(request: HttpRequest, pk: int) -> HttpResponse:
    return _waarborgen_pagina(request, toegang.zichtbaar_plan(request, pk))


@login_required
@require_POST
def waarborg_opslaan(request: HttpRequest, pk: int, punt: str) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    if punt not in Waarborg.Punt.values:
        raise Http404(_("Deze waarborg bestaat niet."))
    if plan.bevroren:
        return _waarborgen_pagina(request, plan, status=409)
    form = WaarborgForm(request.POST, prefix=punt)
    if form.is_valid():
        try:
            services.waarborg_opslaan(
                wijkplan=plan, user=request.user, punt=punt, **form.cleaned_data
            )
        except ValidationError as exc:
            toegang.service_fouten(form, exc)
        except PlanFrozen as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("De waarborg ‘%(punt)s’ is opgeslagen.") % {"punt": Waarborg.Punt(punt).label},
            )
            return redirect("besluitvorming-wgiw", pk=plan.pk)
    return _waarborgen_pagina(request, plan, fout_punt=punt, fout_form=form, status=400)
