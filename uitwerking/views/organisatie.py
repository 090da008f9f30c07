"""Pages of step 5's part 'organisatie': the overview, the roles (RACI) with the agreement on
them, the governance choice, the risk register and the realisation planning.

The pages are for whoever may see the plan; the forms are the projectleider's. Thin: reads
through :mod:`uitwerking.weergave_organisatie`, writes through
:mod:`uitwerking.services.organisatie`. A frozen plan shows why on the forms and refuses a POST
with 409.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from uitwerking import gates_organisatie as gates
from uitwerking import weergave_organisatie as weergave
from uitwerking.forms.organisatie import (
    ActiviteitForm,
    AkkoordForm,
    FaseForm,
    GovernanceForm,
    PartijForm,
    RaciForm,
    RisicoForm,
)
from uitwerking.models.organisatie import GovernanceKeuze
from uitwerking.selectors import organisatie as selectors
from uitwerking.services import organisatie as services
from wup import exports, toegang
from wup import selectors as wup_selectors
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

ALLEEN_PROJECTLEIDER = gettext_lazy(
    "Alleen de projectleider van dit plan kan de organisatie uitwerken."
)


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren,
        "bevroren_melding": _("Dit plan is %(fase)s. De organisatie kan niet meer veranderen.")
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
    terug: str,
    template: str = "uitwerking/organisatie/formulier.html",
    context: dict | None = None,
    fouten: Callable | None = None,
) -> HttpResponse:
    """A frozen plan shows why (a POST gets 409); a bad form or a service's refusal puts the
    errors next to the fields (400); a save goes back to ``terug``."""
    if request.method == "POST" and not plan.bevroren:
        form = maak_form(request.POST)
        if form.is_valid():
            try:
                opslaan(form.cleaned_data)
            except ValidationError as exc:
                (fouten or toegang.service_fouten)(form, exc)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, gelukt)
                return redirect(terug, pk=plan.pk)
        status = 400
    else:
        form = maak_form(None)
        status = 409 if request.method == "POST" else 200
    return render(
        request,
        template,
        {**_basis(request, plan), "form": form, "terug": terug, **(context or {})},
        status=status,
    )


def _verwijderen(
    request: HttpRequest,
    plan: Wijkplan,
    *,
    wat: str,
    uitleg: str,
    verwijder: Callable[[], None],
    terug: str,
) -> HttpResponse:
    status, fout = 200, ""
    if request.method == "POST":
        if plan.bevroren:
            status = 409
        else:
            try:
                verwijder()
            except PlanFrozen as exc:
                status, fout = 409, exc.message
            else:
                messages.success(request, _("‘%(wat)s’ is verwijderd.") % {"wat": wat})
                return redirect(terug, pk=plan.pk)
    return render(
        request,
        "uitwerking/organisatie/verwijderen.html",
        {
            **_basis(request, plan),
            "titel": _("%(wat)s verwijderen") % {"wat": wat},
            "wat": wat,
            "uitleg": uitleg,
            "fout": fout,
            "terug": terug,
        },
        status=status,
    )


def _of_404(gevonden, melding: str):
    if gevonden is None:
        raise Http404(melding)
    return gevonden


def _knop(request: HttpRequest, pk: int, doe: Callable[[Wijkplan], str], terug: str):
    """A button (POST) of the projectleider: do it and say so."""
    plan = _projectleider_plan(request, pk)
    if plan.bevroren:
        return render(
            request,
            "uitwerking/organisatie/bevroren_pagina.html",
            {**_basis(request, plan), "titel": _("Organisatie"), "terug": terug},
            status=409,
        )
    try:
        messages.success(request, doe(plan))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    return redirect(terug, pk=plan.pk)


# --- Overview ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    voorwaarden = [
        (label, url, check([plan])[plan.pk])
        for label, url, check in (
            (_("Rollen en verantwoordelijkheden"), "uitwerking-raci", gates.rollen_afgesproken),
            (_("Risico's"), "uitwerking-risicos", gates.risicos_beheerst),
            (_("Realisatieplanning"), "uitwerking-planning", gates.planning_gemaakt),
        )
    ]
    return render(
        request,
        "uitwerking/organisatie/overzicht.html",
        {
            **_basis(request, plan),
            **weergave.organisatie_context(plan),
            "voorwaarden": [{"label": lb, "url": u, "uitkomst": o} for lb, u, o in voorwaarden],
        },
    )


# --- Parties, activities and the RACI matrix --------------------------------------------------


def _raci_fouten(form: RaciForm, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for veld, fouten in exc.message_dict.items():
        if veld.startswith("activiteit_") and veld[11:].isdigit():
            form.activiteit_fouten[int(veld[11:])] = " ".join(fouten)
            form.add_error(None, fouten)
        else:
            form.add_error(veld if veld in form.fields else None, fouten)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def raci(request: HttpRequest, pk: int) -> HttpResponse:
    """The parties, activities and the matrix; the projectleider edits the matrix here."""
    plan = _projectleider_plan(request, pk) if request.method == "POST" else None
    plan = plan or toegang.zichtbaar_plan(request, pk)
    context = weergave.raci_context(plan)
    matrix = context["raci"]
    return _formulier(
        request,
        plan,
        maak_form=lambda data: RaciForm(data, raci=matrix),
        opslaan=lambda d: services.raci_opslaan(
            wijkplan=plan, user=request.user, rollen=form_rollen(d, matrix)
        ),
        gelukt=_("De rollen zijn opgeslagen."),
        terug="uitwerking-raci",
        template="uitwerking/organisatie/raci.html",
        context={**context, "titel": _("Rollen en verantwoordelijkheden")},
        fouten=_raci_fouten,
    )


def form_rollen(d: dict, matrix: selectors.Raci) -> dict[tuple[int, int], str]:
    return {
        (a.pk, p.pk): d.get(f"rol_{a.pk}_{p.pk}", "")
        for a in matrix.activiteiten
        for p in matrix.partijen
    }


@login_required
@require_POST
def standaardpartijen(request: HttpRequest, pk: int) -> HttpResponse:
    def doe(plan):
        nieuw = services.standaardpartijen_toevoegen(wijkplan=plan, user=request.user)
        if not nieuw:
            return _("Alle standaardpartijen staan al in het plan.")
        return _("%(n)d standaardpartijen zijn toegevoegd.") % {"n": len(nieuw)}

    return _knop(request, pk, doe, "uitwerking-raci")


@login_required
@require_POST
def standaardactiviteiten(request: HttpRequest, pk: int) -> HttpResponse:
    def doe(plan):
        nieuw = services.standaardactiviteiten_toevoegen(wijkplan=plan, user=request.user)
        if not nieuw:
            return _("Alle standaardactiviteiten staan al in het plan.")
        return _("%(n)d standaardactiviteiten zijn toegevoegd. Verdeel nu de rollen.") % {
            "n": len(nieuw)
        }

    return _knop(request, pk, doe, "uitwerking-raci")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partij_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: PartijForm(data),
        opslaan=lambda d: services.partij_toevoegen(wijkplan=plan, user=request.user, **d),
        gelukt=_("De partij is toegevoegd."),
        terug="uitwerking-raci",
        context={"titel": _("Partij toevoegen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partij_wijzigen(request: HttpRequest, pk: int, organisatiepartij_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partij = _of_404(
        selectors.partij_by_pk(plan, organisatiepartij_id),
        _("Deze partij hoort niet bij dit plan."),
    )
    return _formulier(
        request,
        plan,
        maak_form=lambda data: PartijForm(
            data, initial={"naam": partij.naam, "soort": partij.soort}
        ),
        opslaan=lambda d: services.partij_wijzigen(partij=partij, user=request.user, **d),
        gelukt=_("De partij is opgeslagen."),
        terug="uitwerking-raci",
        context={"titel": _("%(naam)s bewerken") % {"naam": partij.naam}},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partij_verwijderen(request: HttpRequest, pk: int, organisatiepartij_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partij = _of_404(
        selectors.partij_by_pk(plan, organisatiepartij_id),
        _("Deze partij hoort niet bij dit plan."),
    )
    return _verwijderen(
        request,
        plan,
        wat=partij.naam,
        uitleg=_(
            "De rollen van deze partij vervallen. Risico's en fasen waarvoor zij "
            "verantwoordelijk was, hebben daarna geen eigenaar meer. Heeft de partij rollen, "
            "dan is een vastgelegd akkoord over de rollen daarna niet meer actueel."
        ),
        verwijder=lambda: services.partij_verwijderen(partij=partij, user=request.user),
        terug="uitwerking-raci",
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def activiteit_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: ActiviteitForm(data),
        opslaan=lambda d: services.activiteit_toevoegen(wijkplan=plan, user=request.user, **d),
        gelukt=_("De activiteit is toegevoegd. Geef haar nu een A en een R."),
        terug="uitwerking-raci",
        context={"titel": _("Activiteit toevoegen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def activiteit_wijzigen(request: HttpRequest, pk: int, activiteit_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    activiteit = _of_404(
        selectors.activiteit_by_pk(plan, activiteit_id),
        _("Deze activiteit hoort niet bij dit plan."),
    )
    return _formulier(
        request,
        plan,
        maak_form=lambda data: ActiviteitForm(
            data, initial={"naam": activiteit.naam, "omschrijving": activiteit.omschrijving}
        ),
        opslaan=lambda d: services.activiteit_wijzigen(
            activiteit=activiteit, user=request.user, **d
        ),
        gelukt=_("De activiteit is opgeslagen."),
        terug="uitwerking-raci",
        context={"titel": _("%(naam)s bewerken") % {"naam": activiteit.naam}},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def activiteit_verwijderen(request: HttpRequest, pk: int, activiteit_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    activiteit = _of_404(
        selectors.activiteit_by_pk(plan, activiteit_id),
        _("Deze activiteit hoort niet bij dit plan."),
    )
    return _verwijderen(
        request,
        plan,
        wat=activiteit.naam,
        uitleg=_(
            "De rollen bij deze activiteit vervallen. Een vastgelegd akkoord over de rollen is "
            "daarna niet meer actueel."
        ),
        verwijder=lambda: services.activiteit_verwijderen(activiteit=activiteit, user=request.user),
        terug="uitwerking-raci",
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def rollen_akkoord(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    context = weergave.raci_context(plan)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: AkkoordForm(data),
        opslaan=lambda d: services.rollen_akkoord_vastleggen(wijkplan=plan, user=request.user, **d),
        gelukt=_("Het akkoord over de rollen is vastgelegd en staat in de besluitenlijst."),
        terug="uitwerking-raci",
        template="uitwerking/organisatie/akkoord.html",
        context={**context, "titel": _("Akkoord over de rollen vastleggen")},
    )


# --- Governance -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def governance(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk) if request.method == "POST" else None
    plan = plan or toegang.zichtbaar_plan(request, pk)
    context = weergave.governance_context(plan)
    huidige = context["governance"]
    return _formulier(
        request,
        plan,
        maak_form=lambda data: GovernanceForm(
            data, initial={"model": huidige.model} if huidige else None
        ),
        opslaan=lambda d: services.governance_vastleggen(wijkplan=plan, user=request.user, **d),
        gelukt=_(
            "De keuze voor eigendom en governance is vastgelegd en staat in de besluitenlijst."
        ),
        terug="uitwerking-governance",
        template="uitwerking/organisatie/governance.html",
        context={
            **context,
            "titel": _("Eigendom en governance"),
            "modellen": [
                {"label": label, "uitleg": selectors.GOVERNANCE_UITLEG[waarde]}
                for waarde, label in GovernanceKeuze.Model.choices
            ],
        },
    )


# --- Risks ------------------------------------------------------------------------------------


def _risico_initial(r) -> dict:
    return {
        "titel": r.titel,
        "omschrijving": r.omschrijving,
        "categorie": r.categorie,
        "kans": str(r.kans),
        "impact": str(r.impact),
        "eigenaar": str(r.eigenaar_id or ""),
        "beheersmaatregel": r.beheersmaatregel,
        "status": r.status,
    }


@login_required
@require_http_methods(["GET", "HEAD"])
def risicos(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    basis = _basis(request, plan)
    context = weergave.risico_context(plan)
    if basis["mag_wijzigen"]:
        context["form"] = RisicoForm(
            partijen=selectors.partijen_van(plan), initial={"status": "open"}
        )
    return render(
        request,
        "uitwerking/organisatie/risicos.html",
        {**basis, **context, "titel": _("Risicoregister")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def risico_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partijen = selectors.partijen_van(plan)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: RisicoForm(data, partijen=partijen, initial={"status": "open"}),
        opslaan=lambda d: services.risico_toevoegen(wijkplan=plan, user=request.user, **d),
        gelukt=_("Het risico is toegevoegd."),
        terug="uitwerking-risicos",
        context={"titel": _("Risico toevoegen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def risico_wijzigen(request: HttpRequest, pk: int, risico_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    risico = _of_404(
        selectors.risico_by_pk(plan, risico_id), _("Dit risico hoort niet bij dit plan.")
    )
    partijen = selectors.partijen_van(plan)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: RisicoForm(data, partijen=partijen, initial=_risico_initial(risico)),
        opslaan=lambda d: services.risico_wijzigen(risico=risico, user=request.user, **d),
        gelukt=_("Het risico is opgeslagen."),
        terug="uitwerking-risicos",
        context={"titel": _("%(naam)s bewerken") % {"naam": risico.titel}},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def risico_verwijderen(request: HttpRequest, pk: int, risico_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    risico = _of_404(
        selectors.risico_by_pk(plan, risico_id), _("Dit risico hoort niet bij dit plan.")
    )
    return _verwijderen(
        request,
        plan,
        wat=risico.titel,
        uitleg=_(
            "Is het risico niet meer aan de orde? Zet dan liever de status op ‘vervallen’: dan "
            "blijft zichtbaar dat het er was."
        ),
        verwijder=lambda: services.risico_verwijderen(risico=risico, user=request.user),
        terug="uitwerking-risicos",
    )


def risico_frame(plan: Wijkplan) -> pd.DataFrame:
    rijen = [
        {
            _("Titel"): r.titel,
            _("Omschrijving"): r.omschrijving,
            _("Categorie"): r.get_categorie_display(),
            _("Kans (1-5)"): r.kans,
            _("Impact (1-5)"): r.impact,
            _("Score"): r.score,
            _("Hoog"): _("ja") if r.hoog else _("nee"),
            _("Eigenaar"): r.eigenaar.naam if r.eigenaar else "",
            _("Beheersmaatregel"): r.beheersmaatregel,
            _("Status"): r.get_status_display(),
        }
        for r in selectors.risicos_van(plan)
    ]
    kolommen = [
        _("Titel"),
        _("Omschrijving"),
        _("Categorie"),
        _("Kans (1-5)"),
        _("Impact (1-5)"),
        _("Score"),
        _("Hoog"),
        _("Eigenaar"),
        _("Beheersmaatregel"),
        _("Status"),
    ]
    return pd.DataFrame(rijen, columns=kolommen)


@login_required
@require_GET
def risicos_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The register as CSV (default) or Excel: ``?formaat=csv|xlsx``."""
    plan = toegang.zichtbaar_plan(request, pk)
    formaat = (request.GET.get("formaat") or "csv").strip().lower()
    if formaat not in exports.FORMATEN:
        return HttpResponse(
            _("Kies als formaat csv of xlsx; ‘%(formaat)s’ kan niet.") % {"formaat": formaat[:20]},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    frame = risico_frame(plan)
    inhoud = (
        exports.als_csv(frame) if formaat == "csv" else exports.als_excel({_("Risico's"): frame})
    )
    response = HttpResponse(inhoud, content_type=exports.FORMATEN[formaat])
    naam = f"risicoregister-{slugify(plan.slug or plan.pk)}"
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


# --- Planning ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def planning(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    basis = _basis(request, plan)
    context = weergave.planning_context(plan)
    if basis["mag_wijzigen"]:
        context["form"] = FaseForm(partijen=selectors.partijen_van(plan))
    return render(
        request,
        "uitwerking/organisatie/planning.html",
        {**basis, **context, "titel": _("Realisatieplanning")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def fase_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partijen = selectors.partijen_van(plan)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: FaseForm(data, partijen=partijen),
        opslaan=lambda d: services.fase_toevoegen(wijkplan=plan, user=request.user, **d),
        gelukt=_("De fase is toegevoegd."),
        terug="uitwerking-planning",
        context={"titel": _("Fase toevoegen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def fase_wijzigen(request: HttpRequest, pk: int, realisatiefase_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    fase = _of_404(
        selectors.fase_by_pk(plan, realisatiefase_id), _("Deze fase hoort niet bij dit plan.")
    )
    partijen = selectors.partijen_van(plan)
    initial = {
        "naam": fase.naam,
        "begindatum": fase.begindatum,
        "einddatum": fase.einddatum,
        "mijlpaal": fase.mijlpaal,
        "verantwoordelijke": str(fase.verantwoordelijke_id or ""),
    }
    return _formulier(
        request,
        plan,
        maak_form=lambda data: FaseForm(data, partijen=partijen, initial=initial),
        opslaan=lambda d: services.fase_wijzigen(fase=fase, user=request.user, **d),
        gelukt=_("De fase is opgeslagen."),
        terug="uitwerking-planning",
        context={"titel": _("%(naam)s bewerken") % {"naam": fase.naam}},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def fase_verwijderen(request: HttpRequest, pk: int, realisatiefase_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    fase = _of_404(
        selectors.fase_by_pk(plan, realisatiefase_id), _("Deze fase hoort niet bij dit plan.")
    )
    return _verwijderen(
        request,
        plan,
        wat=fase.naam,
        uitleg=_("De fase verdwijnt uit de planning en de tijdlijn."),
        verwijder=lambda: services.fase_verwijderen(fase=fase, user=request.user),
        terug="uitwerking-planning",
    )
