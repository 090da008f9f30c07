"""Views of the web UI: thin, they read through selectors and write through services."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template import loader
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from wup import document, selectors, services, toegang
from wup.api.exceptions import problem_response
from wup.constants import Fase, Spoor
from wup.exceptions import GatesNotMet, PlanFrozen, StaleVersion, TransitionConflict
from wup.forms import GemeenteKeuzeForm, OvergangForm, WijkplanBewerkenForm, WijkplanNieuwForm
from wup.models import Wijkplan
from wup.registry import steps
from wup.workflow import OVERGANGEN

#: How a phase looks as a status badge (NL Design System status-badge modifiers).
FASE_BADGE: dict[str, str] = {
    Fase.TER_BESLUITVORMING: "warning",
    Fase.VASTGESTELD: "success",
    Fase.GEPAUZEERD: "inactive",
    Fase.GESTOPT: "danger",
}


@dataclass(frozen=True)
class FaseWeergave:
    """A phase with its label and badge style, for templates."""

    waarde: str
    label: str
    badge: str

    @classmethod
    def van(cls, fase: str) -> FaseWeergave:
        return cls(fase, str(Fase(fase).label), FASE_BADGE.get(fase, "neutral"))


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _aanvul_url(result, plan: Wijkplan, projectleider: bool) -> str | None:
    """Where the user can fix an unmet condition, if the condition says so."""
    if not projectleider or not result.condition.url_name:
        return None
    try:
        return reverse(result.condition.url_name, args=[plan.pk])
    except NoReverseMatch:
        return None


# --- Dashboard ----------------------------------------------------------------------------


#: Rows per dashboard page: a beheerder sees every plan, and each row evaluates its conditions.
PLANNEN_PER_PAGINA = 50


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    pagina = Paginator(
        selectors.wijkplannen_for_user(request.user).order_by("gemeente__naam", "naam", "pk"),
        PLANNEN_PER_PAGINA,
    ).get_page(request.GET.get("pagina"))
    plans = list(pagina.object_list)
    # One evaluation for all rows: the number of queries does not grow with the plans.
    voortgang = selectors.voortgang_many(plans)
    rijen = [
        {
            "plan": plan,
            "fase": FaseWeergave.van(plan.fase),
            "buurten": sorted(b.naam for b in plan.buurten.all()),
            "voortgang": voortgang[plan.pk],
        }
        for plan in plans
    ]
    return render(
        request,
        "wup/dashboard.html",
        {
            "rijen": rijen,
            "pagina": pagina,
            "sporen": [s.label for s in Spoor],
            "mag_aanmaken": selectors.gemeenten_for_create(request.user).exists(),
        },
    )


# --- Creating and editing a plan ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def wijkplan_nieuw(request: HttpRequest) -> HttpResponse:
    gemeenten = selectors.gemeenten_for_create(request.user)
    aantal = gemeenten.count()
    if not aantal:
        raise PermissionDenied(_("U mag geen wijkplannen aanmaken."))

    # First the municipality (only if there is a choice), then the rest of the plan.
    code = (request.POST.get("gemeente") or request.GET.get("gemeente") or "").strip().upper()
    if aantal == 1:
        gemeente = gemeenten.get()
    else:
        keuze = GemeenteKeuzeForm({"gemeente": code} if code else None, gemeenten=gemeenten)
        if not keuze.is_valid():
            return render(request, "wup/wijkplan_gemeente_kiezen.html", {"keuze": keuze})
        gemeente = keuze.cleaned_data["gemeente"]

    buurten = selectors.buurten_van(gemeente)
    if request.method == "POST":
        form = WijkplanNieuwForm(request.POST, gemeente=gemeente, buurten=buurten)
        if form.is_valid():
            try:
                plan = services.wijkplan_create(
                    user=request.user, gemeente=gemeente, **form.cleaned_data
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            else:
                messages.success(
                    request, _("Het wijkplan ‘%(naam)s’ is aangemaakt.") % {"naam": plan.naam}
                )
                return redirect("wijkplan-detail", pk=plan.pk)
    else:
        form = WijkplanNieuwForm(gemeente=gemeente, buurten=buurten)
    return render(
        request,
        "wup/wijkplan_form.html",
        {"form": form, "gemeente": gemeente, "kan_kiezen": aantal > 1, "plan": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def wijkplan_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.plan_van_projectleider(request, pk)
    buurten = selectors.buurten_van(plan.gemeente)
    fout = None
    if plan.bevroren:
        fout = _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.") % {
            "fase": plan.get_fase_display().lower()
        }
    if request.method == "POST":
        form = WijkplanBewerkenForm(request.POST, gemeente=plan.gemeente, buurten=buurten)
        if form.is_valid():
            velden = dict(form.cleaned_data)
            versie = velden.pop("versie")
            gekozen = velden.pop("buurten")
            try:
                services.wijkplan_update(
                    wijkplan=plan, user=request.user, versie=versie, buurten=gekozen, **velden
                )
            except (StaleVersion, PlanFrozen) as exc:
                fout = exc.message
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            else:
                messages.success(request, _("De gegevens van het plan zijn opgeslagen."))
                return redirect("wijkplan-detail", pk=plan.pk)
    else:
        form = WijkplanBewerkenForm(
            gemeente=plan.gemeente,
            buurten=buurten,
            initial={
                "naam": plan.naam,
                "buurten": [b.pk for b in plan.buurten.all()],
                "omschrijving": plan.omschrijving,
                "bestuurlijk_opdrachtgever": plan.bestuurlijk_opdrachtgever,
                "ambtelijk_opdrachtgever": plan.ambtelijk_opdrachtgever,
                "beoogde_raadsdatum": plan.beoogde_raadsdatum,
                "versie": plan.versie,
            },
        )
    status = 409 if fout and request.method == "POST" else 200
    return render(
        request,
        "wup/wijkplan_form.html",
        {"form": form, "gemeente": plan.gemeente, "plan": plan, "fout": fout},
        status=status,
    )


# --- The plan page --------------------------------------------------------------------------


def _stap_status(plan: Wijkplan, nummer: int) -> tuple[str, str]:
    """Where a step stands for this plan: (key, label), relative to the plan's phase."""
    if plan.fase == Fase.VASTGESTELD:
        return "klaar", _("Afgerond")
    huidig = plan.stapnummer
    if huidig is None:
        return "gestopt", _("Niet afgerond")
    # Steps 2 and 3 run in parallel in the verkenning phase.
    huidige = {2, 3} if huidig == 2 else {huidig}
    if nummer in huidige:
        if plan.fase == Fase.GEPAUZEERD:
            return "gepauzeerd", _("Gepauzeerd")
        return "huidig", _("Hier werkt het plan nu aan")
    if nummer < min(huidige):
        return "klaar", _("Afgerond")
    return "later", _("Nog niet begonnen")


def _stap_secties(request: HttpRequest, plan: Wijkplan) -> list[dict]:
    """Render each registered step's section of the plan page.

    Rendered without the context processors (one template per step would repeat their
    queries); ``request``, ``user`` and ``csrf_token`` are passed along explicitly.
    """
    secties = []
    basis = {
        "plan": plan,
        "request": request,
        "user": request.user,
        "csrf_token": get_token(request),
    }
    for step in steps.all():
        key, label = _stap_status(plan, step.number)
        pages = []
        for page in step.pages:
            try:
                pages.append({"label": page.label, "url": reverse(page.url_name, args=[plan.pk])})
            except NoReverseMatch:
                continue
        context = {
            **basis,
            "step": step,
            "stap_status": key,
            "stap_status_label": label,
            "stap_sporen": [Spoor(s).label for s in step.sporen],
            "stap_paginas": pages,
            **(step.context(request, plan) if step.context else {}),
        }
        secties.append(
            {
                "step": step,
                "status": key,
                "status_label": label,
                "html": render_to_string(step.template, context),
            }
        )
    return secties


def _volgende_stap(plan: Wijkplan, projectleider: bool, mogelijk=None) -> dict:
    voortgang = selectors.voortgang(plan, mogelijk)
    return {
        "voortgang": voortgang,
        "sporen": [
            {
                "spoor": sv,
                "label": Spoor(sv.spoor).label,
                "open": [
                    {"message": r.message, "url": _aanvul_url(r, plan, projectleider)}
                    for r in sv.open
                ],
            }
            for sv in voortgang.sporen
        ],
    }


@login_required
@require_safe
def wijkplan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    projectleider = selectors.is_projectleider(plan, request.user)
    mogelijk = selectors.mogelijke_overgangen(plan, request.user)
    overgangen = [m for m in mogelijk if m.mag]
    return render(
        request,
        "wup/wijkplan_detail.html",
        {
            "plan": plan,
            "fase": FaseWeergave.van(plan.fase),
            "buurten": list(plan.buurten.select_related("wijk").order_by("wijk__code", "code")),
            "is_projectleider": projectleider,
            "mag_bewerken": projectleider and not plan.bevroren,
            "volgende": _volgende_stap(plan, projectleider, mogelijk),
            "overgangen": overgangen,
            "secties": _stap_secties(request, plan),
            "historie": [_historie_rij(r) for r in selectors.wijkplan_historie(plan)[:5]],
        },
    )


# --- Transitions ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def wijkplan_overgang(request: HttpRequest, pk: int, naam: str) -> HttpResponse:
    overgang = OVERGANGEN.get(naam)
    if overgang is None:
        raise Http404(_("Deze overgang bestaat niet."))
    plan = toegang.zichtbaar_plan(request, pk)
    mogelijk = next(
        (m for m in selectors.mogelijke_overgangen(plan, request.user) if m.naam == naam), None
    )
    if mogelijk is not None and not mogelijk.mag:
        wie = _("de griffier") if overgang.rol == "Griffier" else _("de projectleider")
        raise PermissionDenied(
            _("Alleen %(wie)s van dit plan kan ‘%(overgang)s’ uitvoeren.")
            % {"wie": wie, "overgang": overgang.label}
        )

    conflict = None
    open_voorwaarden = [r.message for r in mogelijk.open_voorwaarden] if mogelijk else []
    status = 200
    if request.method == "POST":
        form = OvergangForm(request.POST, overgang=overgang)
        if form.is_valid():
            try:
                services.wijkplan_transition(
                    wijkplan=plan,
                    overgang=naam,
                    user=request.user,
                    motivatie=form.cleaned_data["motivatie"],
                    naar=form.cleaned_data.get("naar"),
                    verwachte_fase=form.cleaned_data["verwachte_fase"],
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            except GatesNotMet as exc:
                open_voorwaarden = [r.message for r in exc.unmet]
                status = 409
            except TransitionConflict as exc:
                conflict = exc.message
                status = 409
            else:
                messages.success(
                    request,
                    _("Gelukt: %(overgang)s. Het plan is nu in de fase ‘%(fase)s’.")
                    % {"overgang": overgang.label, "fase": plan.get_fase_display()},
                )
                return redirect("wijkplan-detail", pk=plan.pk)
        if form.errors and status == 200:
            status = 400
    else:
        form = OvergangForm(overgang=overgang, initial={"verwachte_fase": plan.fase})
    if mogelijk is None and conflict is None:
        conflict = _("‘%(overgang)s’ is niet mogelijk in de fase ‘%(fase)s’.") % {
            "overgang": overgang.label,
            "fase": plan.get_fase_display(),
        }
    # The phase shown is the one the user confirms against (hidden verwachte_fase).
    getoonde_fase = form["verwachte_fase"].value() or plan.fase
    if getoonde_fase not in Fase.values:
        getoonde_fase = plan.fase
    doelen = [FaseWeergave.van(d) for d in mogelijk.doelen] if mogelijk else []
    return render(
        request,
        "wup/wijkplan_overgang.html",
        {
            "plan": plan,
            "overgang": overgang,
            "form": form,
            "van": FaseWeergave.van(getoonde_fase),
            "doelen": doelen,
            "open_voorwaarden": open_voorwaarden,
            "conflict": conflict,
            "kan_bevestigen": mogelijk is not None and conflict is None,
        },
        status=status,
    )


# --- History and notifications --------------------------------------------------------------


def _historie_rij(rij) -> dict:
    return {
        "rij": rij,
        "van": FaseWeergave.van(rij.van_fase),
        "naar": FaseWeergave.van(rij.naar_fase),
        "label": OVERGANGEN[rij.overgang].label
        if rij.overgang in OVERGANGEN
        else (_("Plan aangemaakt") if rij.overgang == "aanmaken" else rij.overgang),
        "door": (rij.door.get_full_name() or rij.door.get_username()) if rij.door else _("systeem"),
    }


@login_required
@require_safe
def wijkplan_historie(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    return render(
        request,
        "wup/wijkplan_historie.html",
        {
            "plan": plan,
            "historie": [_historie_rij(r) for r in selectors.wijkplan_historie(plan)],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meldingen(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        aantal = services.meldingen_gelezen(user=request.user)
        messages.success(
            request,
            _("Alle meldingen zijn gelezen.")
            if aantal
            else _("Er waren geen ongelezen meldingen."),
        )
        return redirect("meldingen")
    return render(
        request, "wup/meldingen.html", {"meldingen": selectors.meldingen_voor(request.user)}
    )


# --- Plan document ---------------------------------------------------------------------------


@login_required
@require_safe
def wijkplan_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan document as composed from the registered chapters (HTML preview)."""
    plan = toegang.zichtbaar_plan(request, pk)
    return render(
        request,
        "plan/document.html",
        {"plan": plan, "hoofdstukken": document.samenstellen(plan, request)},
    )


# --- Error pages ------------------------------------------------------------------------------


def handler403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    melding = str(exception) if exception is not None and str(exception) else ""
    if _is_api(request):
        return problem_response(
            request, 403, melding or _("U heeft geen toegang tot deze bron."), "geen-toegang"
        )
    return render(request, "403.html", {"melding": melding}, status=403)


def handler404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return problem_response(request, 404, _("Deze bron bestaat niet (meer)."), "niet-gevonden")
    return render(request, "404.html", status=404)


def handler500(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return problem_response(
            request,
            500,
            _("Er ging iets mis aan onze kant. Probeer het later opnieuw."),
            "interne-fout",
        )
    # No context processors: the database may be the cause of the error.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"WUP_ORGANISATIE": settings.WUP_ORGANISATIE}), status=500)
