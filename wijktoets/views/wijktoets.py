"""Pages of the wijktoets: read it, edit it in parts, complete it, and see its versions.

Everyone who may see the plan reads the wijktoets; only its projectleider edits it. Views read
through the selectors and write through the services.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wijktoets import forms
from wijktoets.constants import THEMA_VRAAG, Oordeel, Thema
from wijktoets.models import Wijktoets
from wijktoets.selectors import wijktoets as selectors
from wijktoets.services import wijktoets as services
from wup import selectors as wup_selectors
from wup import toegang
from wup.constants import Fase
from wup.exceptions import GatesNotMet, PlanFrozen, StaleVersion, TransitionConflict
from wup.models import Wijkplan

_CONFLICTEN = (StaleVersion, PlanFrozen, services.WijktoetsNietBewerkbaar)


# --- Access ------------------------------------------------------------------------------------


def _plan_van_projectleider(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(
        request, pk, _("Alleen de projectleider van dit plan kan de wijktoets wijzigen.")
    )


def _thema_of_404(thema: str) -> Thema:
    try:
        return Thema(thema.replace("-", "_"))
    except ValueError:
        raise Http404(_("Dit thema hoort niet bij de wijktoets.")) from None


def niet_bewerkbaar_melding(plan: Wijkplan) -> str:
    if plan.bevroren:
        return _("Dit plan is %(fase)s. De wijktoets kan niet meer veranderen.") % {
            "fase": plan.get_fase_display().lower()
        }
    return _(
        "Het plan is in de fase ‘%(fase)s’. De wijktoets kan alleen veranderen zolang het plan "
        "in de fase wijktoets is."
    ) % {"fase": plan.get_fase_display()}


def _basis(plan: Wijkplan, toets: Wijktoets | None) -> dict:
    """What every wijktoets page shows about where the wijktoets stands."""
    return {
        "plan": plan,
        "toets": toets,
        "versienummer": toets.versienummer if toets else 1,
        "afgerond": bool(toets and toets.afgerond),
        "bewerkbaar": selectors.bewerkbaar(plan),
        "niet_bewerkbaar": None if selectors.bewerkbaar(plan) else niet_bewerkbaar_melding(plan),
    }


def _opgeslagen(request: HttpRequest, voor: Wijktoets | None, na: Wijktoets) -> None:
    if voor is not None and voor.afgerond and not na.afgerond:
        messages.warning(
            request,
            _(
                "Opgeslagen. De wijktoets is nu een concept van versie %(n)d. Versie %(vorige)d "
                "blijft bewaard; rond de nieuwe versie af als u klaar bent."
            )
            % {"n": na.versienummer, "vorige": na.versienummer - 1},
        )
    else:
        messages.success(request, _("Opgeslagen."))


def _formulierpagina(
    request: HttpRequest,
    plan: Wijkplan,
    toets: Wijktoets | None,
    form,
    opslaan,
    template: str,
    anker: str,
    **extra,
) -> HttpResponse:
    """The shared flow of the edit pages: validate, save through a service, or show why not."""
    fout = None
    status = 200
    if request.method == "POST":
        if not selectors.bewerkbaar(plan):
            fout, status = niet_bewerkbaar_melding(plan), 409
        elif form.is_valid():
            data = dict(form.cleaned_data)
            try:
                nieuw = opslaan(data.pop("versie"), data)
            except _CONFLICTEN as exc:
                fout, status = exc.message, 409
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            else:
                _opgeslagen(request, toets, nieuw)
                return redirect(reverse("wijktoets", args=[plan.pk]) + f"#{anker}")
        if form.errors and status == 200:
            status = 400
    return render(
        request,
        template,
        {**_basis(plan, toets), "form": form, "fout": fout, **extra},
        status=status,
    )


# --- Reading -------------------------------------------------------------------------------------


@login_required
@require_safe
def wijktoets_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    toets = selectors.wijktoets_voor(plan)
    inhoud = toets.als_inhoud() if toets else selectors.lege_inhoud()
    projectleider = wup_selectors.is_projectleider(plan, request.user)
    basis = _basis(plan, toets)
    return render(
        request,
        "wijktoets/wijktoets_detail.html",
        {
            **basis,
            "wijktoets": selectors.weergave(inhoud),
            "laatste_versie": selectors.laatste_versie(plan),
            "ontbreekt": (toets or Wijktoets(wijkplan=plan)).ontbreekt_voor_afronden()
            if not basis["afgerond"]
            else [],
            "is_projectleider": projectleider,
            "mag_bewerken": projectleider and basis["bewerkbaar"],
        },
    )


@login_required
@require_safe
def wijktoets_versies(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    toets = selectors.wijktoets_voor(plan)
    versies = list(selectors.versies_van(plan))
    gekozen = None
    status = 200
    if "versie" in request.GET:
        nummer = request.GET["versie"]
        gekozen = next((v for v in versies if str(v.nummer) == nummer.strip()), None)
        if gekozen is None:
            status = 404
    return render(
        request,
        "wijktoets/wijktoets_versies.html",
        {
            **_basis(plan, toets),
            "versies": versies,
            "gekozen": gekozen,
            "gekozen_weergave": selectors.weergave(gekozen.inhoud) if gekozen else None,
            "niet_gevonden": status == 404,
        },
        status=status,
    )


# --- Editing -------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def wijktoets_algemeen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_van_projectleider(request, pk)
    toets = selectors.wijktoets_voor(plan)
    if request.method == "POST":
        form = forms.AlgemeenForm(request.POST)
    else:
        bron = toets or Wijktoets()
        form = forms.AlgemeenForm(
            initial={
                "versie": bron.versie,
                "samenvatting": bron.samenvatting,
                "economische_randvoorwaarden": bron.economische_randvoorwaarden,
                "bronnen": bron.bronnen,
            }
        )

    def opslaan(versie, data):
        return services.wijktoets_opslaan(wijkplan=plan, user=request.user, versie=versie, **data)

    return _formulierpagina(
        request, plan, toets, form, opslaan, "wijktoets/wijktoets_algemeen.html", "algemeen"
    )


def _indicator_groepen(thema: str, bewaard: list[str], aangevinkt: set[str]) -> list[dict]:
    """The indicator checkboxes per group, with what is ticked (the suggestions come first)."""
    groepen = []
    for groep in selectors.indicator_keuzes(thema, bewaard):
        items = [{"indicator": ind, "aan": ind.sleutel in aangevinkt} for ind in groep.indicatoren]
        groepen.append(
            {
                "naam": groep.naam,
                "items": items,
                "aantal_aan": sum(1 for item in items if item["aan"]),
                "voorgesteld": groep.voorgesteld,
            }
        )
    return groepen


@login_required
@require_http_methods(["GET", "POST"])
def wijktoets_bevinding(request: HttpRequest, pk: int, thema: str) -> HttpResponse:
    plan = _plan_van_projectleider(request, pk)
    thema = _thema_of_404(thema)
    toets = selectors.wijktoets_voor(plan)
    bevinding = toets.bevindingen_per_thema().get(thema) if toets else None
    gekozen = list(bevinding.indicatoren) if bevinding else []
    if request.method == "POST":
        form = forms.BevindingForm(request.POST, thema=thema, gekozen=gekozen)
    else:
        form = forms.BevindingForm(
            thema=thema,
            gekozen=gekozen,
            initial={
                "versie": toets.versie if toets else 1,
                "tekst": bevinding.tekst if bevinding else "",
                "beoordeling": bevinding.beoordeling if bevinding else "",
                "indicatoren": gekozen,
            },
        )

    def opslaan(versie, data):
        return services.wijktoets_opslaan(
            wijkplan=plan,
            user=request.user,
            versie=versie,
            bevindingen={thema: services.BevindingInvoer(**data)},
        )

    return _formulierpagina(
        request,
        plan,
        toets,
        form,
        opslaan,
        "wijktoets/wijktoets_bevinding.html",
        f"thema-{thema.value}",
        thema=thema,
        vraag=THEMA_VRAAG[thema],
        indicator_groepen=_indicator_groepen(thema, gekozen, form.gekozen_indicatoren()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def wijktoets_oordeel(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_van_projectleider(request, pk)
    toets = selectors.wijktoets_voor(plan)
    if request.method == "POST":
        form = forms.OordeelForm(request.POST)
    else:
        bron = toets or Wijktoets()
        form = forms.OordeelForm(
            initial={"versie": bron.versie}
            | {
                naam: getattr(bron, naam)
                for naam in forms.OordeelForm.base_fields
                if naam != "versie"
            }
        )

    def opslaan(versie, data):
        return services.wijktoets_opslaan(wijkplan=plan, user=request.user, versie=versie, **data)

    return _formulierpagina(
        request, plan, toets, form, opslaan, "wijktoets/wijktoets_oordeel.html", "oordeel"
    )


@login_required
@require_http_methods(["GET", "POST"])
def wijktoets_partijen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_van_projectleider(request, pk)
    toets = selectors.wijktoets_voor(plan)
    fout = None
    status = 200
    bestaand = [
        {"categorie": p.categorie, "naam": p.naam, "opmerking": p.opmerking}
        for p in (toets.partijlijst() if toets else [])
    ]
    if request.method == "POST":
        versie_form = forms.VersieForm(request.POST)
        formset = forms.PartijFormSet(request.POST, prefix="partij", initial=bestaand)
        if not selectors.bewerkbaar(plan):
            fout, status = niet_bewerkbaar_melding(plan), 409
        elif versie_form.is_valid() and formset.is_valid():
            partijen = [
                services.PartijInvoer(
                    categorie=f.cleaned_data["categorie"],
                    naam=f.cleaned_data["naam"],
                    opmerking=f.cleaned_data["opmerking"],
                )
                for f in formset.forms
                if not f.cleaned_data.get("DELETE") and not f.leeg
            ]
            try:
                nieuw = services.partijen_opslaan(
                    wijkplan=plan,
                    user=request.user,
                    versie=versie_form.cleaned_data["versie"],
                    partijen=partijen,
                )
            except _CONFLICTEN as exc:
                fout, status = exc.message, 409
            except ValidationError as exc:
                versie_form.add_error(None, exc.messages)
            else:
                _opgeslagen(request, toets, nieuw)
                return redirect(reverse("wijktoets", args=[plan.pk]) + "#partijen")
        if status == 200 and (
            versie_form.errors or formset.non_form_errors() or any(f.errors for f in formset)
        ):
            status = 400
    else:
        versie_form = forms.VersieForm(initial={"versie": toets.versie if toets else 1})
        formset = forms.PartijFormSet(prefix="partij", initial=bestaand)
    return render(
        request,
        "wijktoets/wijktoets_partijen.html",
        {**_basis(plan, toets), "form": versie_form, "formset": formset, "fout": fout},
        status=status,
    )


# --- Completing, and what follows --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def wijktoets_afronden(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_van_projectleider(request, pk)
    toets = selectors.wijktoets_voor(plan)
    fout = None
    status = 200
    actie = request.POST.get("actie") if request.method == "POST" else None
    form = forms.VersieForm(initial={"versie": toets.versie if toets else 1})
    if actie == "afronden":
        form = forms.VersieForm(request.POST)
        if not form.is_valid():
            fout, status = _("Open de pagina opnieuw en probeer het nog eens."), 400
        else:
            try:
                versie = services.wijktoets_afronden(
                    wijkplan=plan, user=request.user, versie=form.cleaned_data["versie"]
                )
            except (*_CONFLICTEN, services.WijktoetsOnvolledig) as exc:
                fout, status = exc.message, 409
            else:
                messages.success(
                    request,
                    _("De wijktoets is afgerond: versie %(n)d, %(oordeel)s.")
                    % {"n": versie.nummer, "oordeel": versie.get_oordeel_display().lower()},
                )
                return redirect("wijktoets-afronden", pk=plan.pk)
    elif actie in ("pauzeren", "stoppen"):
        vervolg = forms.VervolgForm({"overgang": actie, **request.POST.dict()})
        if not vervolg.is_valid():
            fout, status = _("Open de pagina opnieuw en probeer het nog eens."), 400
        else:
            try:
                services.wijktoets_plan_pauzeren_of_stoppen(
                    wijkplan=plan,
                    user=request.user,
                    overgang=vervolg.cleaned_data["overgang"],
                    verwachte_fase=vervolg.cleaned_data["verwachte_fase"],
                )
            except (TransitionConflict, GatesNotMet, services.WijktoetsNietBewerkbaar) as exc:
                fout, status = exc.message, 409
            else:
                plan = wup_selectors.wijkplan_by_pk(plan.pk)
                messages.success(
                    request,
                    _("Het plan is nu ‘%(fase)s’. De reden staat in de historie van het plan.")
                    % {"fase": plan.get_fase_display().lower()},
                )
                return redirect("wijkplan-detail", pk=plan.pk)
    elif request.method == "POST":
        fout, status = _("Kies wat u wilt doen."), 400

    toets = selectors.wijktoets_voor(plan) if status != 200 else toets
    laatste = selectors.laatste_versie(plan)
    afgerond = bool(toets and toets.afgerond)
    return render(
        request,
        "wijktoets/wijktoets_afronden.html",
        {
            **_basis(plan, toets),
            "form": form,
            "fout": fout,
            "ontbreekt": [] if afgerond else (toets or Wijktoets()).ontbreekt_voor_afronden(),
            "wijktoets": selectors.weergave(toets.als_inhoud() if toets else {}),
            "laatste_versie": laatste if afgerond else None,
            # Right after "(nog) niet geschikt": offer to pause or stop the plan at once.
            "vervolg_aanbieden": afgerond
            and laatste is not None
            and laatste.oordeel == Oordeel.NIET_GESCHIKT
            and plan.fase == Fase.WIJKTOETS,
            "verkenning_mogelijk": afgerond
            and laatste is not None
            and laatste.oordeel != Oordeel.NIET_GESCHIKT
            and plan.fase == Fase.WIJKTOETS,
            "motivatie_historie": services.niet_geschikt_motivatie(
                laatste.inhoud.get("motivatie", "")
            )
            if laatste
            else "",
        },
        status=status,
    )


# --- For the core: the step's section on the plan page, and the plan document's chapter --------


def stap_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    """Context of the wijktoets section of the plan page (``wijktoets_stap.html``)."""
    return {
        "wijktoets_stand": selectors.stand_many([plan])[plan.pk],
        "wijktoets_gevolgen": selectors.gevolgen_voor_aanpak(plan),
    }


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    """The chapter shows the last completed version; before the first, the current draft."""
    laatste = selectors.laatste_versie(plan)
    if laatste is not None:
        inhoud = laatste.inhoud
    else:
        toets = selectors.wijktoets_voor(plan)
        inhoud = toets.als_inhoud() if toets else None
    return {
        "wijktoets": selectors.weergave(inhoud) if inhoud is not None else None,
        "wijktoets_versie": laatste,
    }
