"""Pages of a plan's participation: the overview for whoever may see the plan, and the forms
of the projectleider (stakeholders, contacts, behavioural measures, the plan per phase).

Thin: reads through ``participatie.selectors``, writes through ``participatie.services``. A
frozen plan shows why on the forms and refuses a POST with 409.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participatie.forms import (
    ContactmomentForm,
    GedragsmaatregelForm,
    ParticipatieplanForm,
    PartijForm,
)
from participatie.models import Participatieplan
from participatie.selectors import netwerk as selectors
from participatie.selectors.resultaten import steun_weergave
from participatie.services import netwerk as services
from participatie.services.participatieplan import PLANFASEN, participatieplan_opslaan
from wup import selectors as wup_selectors
from wup import toegang
from wup.constants import Fase
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

ALLEEN_PROJECTLEIDER = _("Alleen de projectleider van dit plan kan de participatie wijzigen.")
MAX_ID = 2**63 - 1


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)


def _bevroren_melding(plan: Wijkplan) -> str:
    return _("Dit plan is %(fase)s. De participatie kan niet meer veranderen.") % {
        "fase": plan.get_fase_display().lower()
    }


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren,
        "bevroren_melding": _bevroren_melding(plan) if plan.bevroren else "",
    }


def _keuze(waarde: str):
    return int(waarde) if waarde else None


# --- Overview ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    plannen = selectors.participatieplannen_van(plan)
    return render(
        request,
        "participatie/overzicht.html",
        {
            **_basis(request, plan),
            "partijen": selectors.partijen_van(plan),
            "contactmomenten": selectors.contactmomenten_van(plan, selectors.LAATSTE_CONTACTEN),
            "maatregelen": selectors.gedragsmaatregelen_van(plan),
            "fasen": [{"fase": f, "plan": plannen.get(f.value)} for f in PLANFASEN],
            "aantal_contacten": selectors.aantallen(plan).contactmomenten,
        },
    )


# --- Forms ------------------------------------------------------------------------------------


def _formulier(
    request: HttpRequest,
    plan: Wijkplan,
    *,
    maak_form: Callable,
    opslaan: Callable,
    gelukt: str,
    template: str,
    context: dict | None = None,
    terug: str = "participatie-overzicht",
    naar: Callable[[Any], HttpResponse] | None = None,
) -> HttpResponse:
    """The shared flow of the forms: a frozen plan shows why (and a POST gets 409); a bad form
    or a service's refusal shows the errors next to the fields (400); a save goes back to the
    page named ``terug``, or to where ``naar`` sends the saved object."""
    status = 200
    if request.method == "POST" and not plan.bevroren:
        form = maak_form(request.POST)
        if form.is_valid():
            try:
                opgeslagen = opslaan(form.cleaned_data)
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, gelukt)
                return naar(opgeslagen) if naar else redirect(terug, pk=plan.pk)
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


def _van_plan_of_404(zoek: Callable, plan: Wijkplan, pk: int, melding: str):
    """The plan's object with this id (ids past the database's range are simply unknown)."""
    gevonden = zoek(plan, pk) if 0 < pk <= MAX_ID else None
    if gevonden is None:
        raise Http404(melding)
    return gevonden


def _partij_of_404(plan: Wijkplan, partij_id: int):
    return _van_plan_of_404(
        selectors.partij_by_pk, plan, partij_id, _("Deze partij hoort niet bij dit plan.")
    )


def _maatregel_of_404(plan: Wijkplan, maatregel_id: int):
    return _van_plan_of_404(
        selectors.gedragsmaatregel_by_pk,
        plan,
        maatregel_id,
        _("Deze maatregel hoort niet bij dit plan."),
    )


PARTIJ_VELDEN = tuple(PartijForm.base_fields)


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
        template="participatie/partij_formulier.html",
        context={"titel": _("Partij toevoegen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partij_wijzigen(request: HttpRequest, pk: int, partij_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partij = _partij_of_404(plan, partij_id)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: PartijForm(
            data, initial={v: getattr(partij, v) for v in PARTIJ_VELDEN}
        ),
        opslaan=lambda d: services.partij_wijzigen(partij=partij, user=request.user, **d),
        gelukt=_("De partij is opgeslagen."),
        template="participatie/partij_formulier.html",
        context={"titel": _("%(naam)s bewerken") % {"naam": partij.naam}, "partij": partij},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partijen = selectors.partijen_van(plan)

    def opslaan(d):
        services.contactmoment_toevoegen(
            wijkplan=plan, user=request.user, **{**d, "partij": _keuze(d["partij"])}
        )

    return _formulier(
        request,
        plan,
        maak_form=lambda data: ContactmomentForm(data, partijen=partijen),
        opslaan=opslaan,
        gelukt=_("Het contactmoment is vastgelegd."),
        template="participatie/contact_formulier.html",
        context={"titel": _("Contactmoment vastleggen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_wijzigen(request: HttpRequest, pk: int, contact_id: int) -> HttpResponse:
    """Correct a logged contact; the log has no delete."""
    plan = _projectleider_plan(request, pk)
    moment = _van_plan_of_404(
        selectors.contactmoment_by_pk,
        plan,
        contact_id,
        _("Dit contactmoment hoort niet bij dit plan."),
    )
    partijen = selectors.partijen_van(plan)
    initial = {
        "soort": moment.soort,
        "datum": moment.datum,
        "onderwerp": moment.onderwerp,
        "uitkomst": moment.uitkomst,
        "partij": str(moment.partij_id or ""),
    }

    def opslaan(d):
        services.contactmoment_wijzigen(
            contactmoment=moment, user=request.user, **{**d, "partij": _keuze(d["partij"])}
        )

    return _formulier(
        request,
        plan,
        maak_form=lambda data: ContactmomentForm(data, partijen=partijen, initial=initial),
        opslaan=opslaan,
        gelukt=_("Het contactmoment is gecorrigeerd."),
        template="participatie/contact_formulier.html",
        context={"titel": _("Contactmoment corrigeren"), "moment": moment},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def maatregel_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    partijen = selectors.partijen_van(plan)

    def opslaan(d):
        services.gedragsmaatregel_toevoegen(
            wijkplan=plan,
            user=request.user,
            **{**d, "doelgroep_partij": _keuze(d["doelgroep_partij"])},
        )

    return _formulier(
        request,
        plan,
        maak_form=lambda data: GedragsmaatregelForm(data, partijen=partijen),
        opslaan=opslaan,
        gelukt=_("De maatregel is toegevoegd."),
        template="participatie/maatregel_formulier.html",
        context={"titel": _("Gedragsmaatregel toevoegen")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def maatregel_wijzigen(request: HttpRequest, pk: int, maatregel_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    maatregel = _maatregel_of_404(plan, maatregel_id)
    partijen = selectors.partijen_van(plan)
    initial = {
        "naam": maatregel.naam,
        "status": maatregel.status,
        "doelgroep": maatregel.doelgroep,
        "doelgroep_partij": str(maatregel.doelgroep_partij_id or ""),
        "toelichting": maatregel.toelichting,
    }

    def opslaan(d):
        services.gedragsmaatregel_wijzigen(
            maatregel=maatregel,
            user=request.user,
            **{**d, "doelgroep_partij": _keuze(d["doelgroep_partij"])},
        )

    return _formulier(
        request,
        plan,
        maak_form=lambda data: GedragsmaatregelForm(data, partijen=partijen, initial=initial),
        opslaan=opslaan,
        gelukt=_("De maatregel is opgeslagen."),
        template="participatie/maatregel_formulier.html",
        context={"titel": _("%(naam)s bewerken") % {"naam": maatregel.naam}},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def participatieplan(request: HttpRequest, pk: int, fase: str) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    if fase not in {f.value for f in PLANFASEN}:
        raise Http404(_("Voor deze fase is er geen participatieplan."))
    bestaand = selectors.participatieplan_van(plan, fase)
    initial = (
        {
            v: getattr(bestaand, v)
            for v in ("participatieniveau", "doelen", "doelgroepen", "methoden", "planning")
        }
        if bestaand
        else {}
    )
    fase_label = Fase(fase).label
    return _formulier(
        request,
        plan,
        maak_form=lambda data: ParticipatieplanForm(data, initial=initial),
        opslaan=lambda d: participatieplan_opslaan(
            wijkplan=plan, user=request.user, fase=fase, **d
        ),
        gelukt=_("Het participatieplan voor de fase %(fase)s is opgeslagen.")
        % {"fase": fase_label.lower()},
        template="participatie/plan_formulier.html",
        context={"fase_label": fase_label, "niveaus": Participatieplan.Niveau.choices},
    )


# --- Step section -----------------------------------------------------------------------------


def stap_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    return {"participatie": selectors.aantallen(plan), "steun": steun_weergave(plan)}
