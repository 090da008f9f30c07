"""Pages of a plan's alternatives: the list, one page per alternative with its results, the
side-by-side comparison, the export, and the forms and actions of the projectleider.

Thin: reads through ``techniek.selectors``, writes through ``techniek.services.alternatieven``,
tables and charts from ``techniek.weergave``. A page with a running calculation refreshes itself
(``Refresh`` header, no script) until the calculation is done.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from techniek import exports, weergave
from techniek.engine import parameter_definities
from techniek.forms_alternatieven import AlternatiefNieuwForm, AlternatiefWijzigenForm
from techniek.models import Berekening
from techniek.selectors import alternatieven as selectors
from techniek.selectors.beoordeling import uitkomst_van
from techniek.selectors.parameters import huidige_parameterset
from techniek.selectors.vergelijking import startanalyse_vergelijking
from techniek.services import alternatieven as services
from techniek.views.voorraad import voorraad_rijen
from wup import exports as wup_exports
from wup import selectors as wup_selectors
from wup import toegang
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

#: Seconds between refreshes of a page while a calculation runs.
VERVERSEN = 2
ALLEEN_PROJECTLEIDER = _("Alleen de projectleider van dit plan kan de alternatieven wijzigen.")


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)


def _bevroren_melding(plan: Wijkplan) -> str:
    return _("Dit plan is %(fase)s. De alternatieven kunnen niet meer veranderen.") % {
        "fase": plan.get_fase_display().lower()
    }


def _mag_wijzigen(request: HttpRequest, plan: Wijkplan) -> bool:
    return wup_selectors.is_projectleider(plan, request.user) and not plan.bevroren


def _loopt(stand: selectors.AlternatiefStand) -> bool:
    b = stand.berekening
    return b is not None and b.status in (Berekening.Status.WACHTRIJ, Berekening.Status.BEZIG)


def _met_verversen(response: HttpResponse, loopt: bool) -> HttpResponse:
    if loopt:
        response["Refresh"] = str(VERVERSEN)
    return response


def _alternatief_of_404(plan: Wijkplan, alt_id: int):
    alt = selectors.alternatief_by_pk(plan, alt_id) if 0 < alt_id < 2**63 else None
    if alt is None:
        raise Http404(_("Dit alternatief hoort niet bij dit plan."))
    return alt


def _stand_van(plan: Wijkplan, alt_id: int) -> selectors.AlternatiefStand:
    alt = _alternatief_of_404(plan, alt_id)
    return next(s for s in selectors.alternatieven_van(plan) if s.alternatief.pk == alt.pk)


def _scenario(request: HttpRequest) -> str:
    return weergave.scenario_of_basis(request.GET.get("scenario"))


def _basis(request: HttpRequest, plan: Wijkplan) -> dict:
    return {
        "plan": plan,
        "mag_wijzigen": _mag_wijzigen(request, plan),
        "is_projectleider": wup_selectors.is_projectleider(plan, request.user),
        "bevroren_melding": _bevroren_melding(plan) if plan.bevroren else "",
        "parameterset": huidige_parameterset(),
        "voorraad": selectors.gebouwvoorraad(plan),
    }


# --- Overview ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def alternatieven(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    standen = selectors.alternatieven_van(plan)
    scenario = _scenario(request)
    rijen = []
    for s in standen:
        u = uitkomst_van(s)
        rijen.append(
            {
                "stand": s,
                "uitkomst": u,
                "loopt": _loopt(s),
                "kerncijfers": [weergave.tekst(u, i, scenario) for i in weergave.KERNCIJFERS],
            }
        )
    loopt = any(r["loopt"] for r in rijen)
    response = render(
        request,
        "techniek/alternatieven.html",
        {
            **_basis(request, plan),
            "rijen": rijen,
            "kerncijfers": weergave.KERNCIJFERS,
            "loopt": loopt,
            "aantal_doorgerekend": sum(1 for s in standen if s.doorgerekend),
            "ontbrekende_standaard": _ontbrekende_standaard(standen),
        },
    )
    return _met_verversen(response, loopt)


def _ontbrekende_standaard(standen) -> int:
    aanwezig = {s.alternatief.sjabloon for s in standen if not s.alternatief.parameters}
    return sum(1 for code in weergave.SJABLONEN if code not in aanwezig)


# --- One alternative --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def alternatief(request: HttpRequest, pk: int, alt_id: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    stand = _stand_van(plan, alt_id)
    scenario = _scenario(request)
    uitkomst = uitkomst_van(stand)
    eigen = stand.alternatief.parameters or {}
    gebruikt = stand.laatste_klaar.voorraad if stand.laatste_klaar else {}
    definities = {d.naam: d for d in parameter_definities()}
    response = render(
        request,
        "techniek/alternatief.html",
        {
            **_basis(request, plan),
            "stand": stand,
            "alt": stand.alternatief,
            "loopt": _loopt(stand),
            "uitkomst": uitkomst,
            "scenario": scenario,
            "scenarios": weergave.SCENARIOS,
            "eigenschappen": weergave.sjabloon_eigenschappen(stand.alternatief.sjabloon),
            "omschrijving": getattr(
                weergave.SJABLONEN.get(stand.alternatief.sjabloon), "omschrijving", ""
            ),
            "eigen_parameters": [
                {
                    "naam": naam,
                    "waarde": waarde,
                    "eenheid": getattr(definities.get(naam), "eenheid", ""),
                    "standaard": getattr(definities.get(naam), "waarde", None),
                    "beschrijving": getattr(definities.get(naam), "beschrijving", ""),
                }
                for naam, waarde in sorted(eigen.items())
            ],
            "groepen": weergave.resultaatgroepen(uitkomst, scenario),
            "kostenposten": weergave.kostenposten(uitkomst),
            "isolatieband": weergave.isolatieband(uitkomst),
            "grafieken": weergave.alternatief_grafieken(uitkomst, scenario),
            "gebruikte_woningen": voorraad_rijen(gebruikt.get("woningen") or [], "type"),
            "gebruikte_utiliteit": voorraad_rijen(gebruikt.get("utiliteit") or [], "functie"),
        },
    )
    return _met_verversen(response, _loopt(stand))


def _opslaan(form, schrijf):
    """A POSTed form through its service: the written object, or None with the input's or the
    service's refusal on the form."""
    if not form.is_valid():
        return None
    try:
        return schrijf(form.cleaned_data)
    except ValidationError as exc:
        toegang.service_fouten(form, exc)
    except PlanFrozen as exc:
        form.add_error(None, exc.message)
    return None


def _formulier_status(request: HttpRequest, plan: Wijkplan) -> int:
    """400 for a POST that was not saved; 409 for a POST to a frozen plan."""
    if request.method != "POST":
        return 200
    return 409 if plan.bevroren else 400


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def alternatief_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    if request.method == "POST" and not plan.bevroren:
        form = AlternatiefNieuwForm(request.POST)
        alt = _opslaan(
            form,
            lambda d: services.alternatief_toevoegen(
                wijkplan=plan,
                user=request.user,
                sjabloon=d["sjabloon"],
                naam=d["naam"],
                parameters=d["parameters"],
                schets=d["schets"],
            ),
        )
        if alt is not None:
            messages.success(
                request,
                _(
                    "Het alternatief ‘%(naam)s’ is toegevoegd. Reken het door om de uitkomsten "
                    "te zien."
                )
                % {"naam": alt.naam},
            )
            return redirect("techniek-alternatief", pk=plan.pk, alt_id=alt.pk)
    else:
        form = AlternatiefNieuwForm(initial={"sjabloon": request.GET.get("sjabloon")})
    return render(
        request,
        "techniek/alternatief_nieuw.html",
        {
            **_basis(request, plan),
            "form": form,
            "sjablonen": [
                {"code": a.code, "naam": a.naam, "omschrijving": a.omschrijving}
                for a in weergave.SJABLONEN.values()
            ],
            "definities": parameter_definities(),
        },
        status=_formulier_status(request, plan),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def alternatief_wijzigen(request: HttpRequest, pk: int, alt_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    alt = _alternatief_of_404(plan, alt_id)
    if request.method == "POST" and not plan.bevroren:
        form = AlternatiefWijzigenForm(request.POST)
        opgeslagen = _opslaan(
            form,
            lambda d: services.alternatief_wijzigen(
                alternatief=alt, user=request.user, naam=d["naam"], schets=d["schets"]
            ),
        )
        if opgeslagen is not None:
            messages.success(request, _("Het alternatief is opgeslagen."))
            return redirect("techniek-alternatief", pk=plan.pk, alt_id=alt.pk)
    else:
        form = AlternatiefWijzigenForm(initial={"naam": alt.naam, "schets": alt.schets})
    return render(
        request,
        "techniek/alternatief_wijzigen.html",
        {**_basis(request, plan), "form": form, "alt": alt},
        status=_formulier_status(request, plan),
    )


# --- Actions (POST) ---------------------------------------------------------------------------


def _actie(request: HttpRequest, plan: Wijkplan, doe, gelukt: str, terug: str, **terug_args):
    """Run a service action; its refusal becomes an error message, never a 500."""
    try:
        doe()
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, gelukt)
    return redirect(terug, pk=plan.pk, **terug_args)


@login_required
@require_POST
def alternatief_berekenen(request: HttpRequest, pk: int, alt_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    alt = _alternatief_of_404(plan, alt_id)
    return _actie(
        request,
        plan,
        lambda: services.berekening_starten(alternatief=alt, user=request.user),
        _("De berekening is gestart. Deze pagina ververst zichzelf tot de uitkomst er is."),
        "techniek-alternatief",
        alt_id=alt.pk,
    )


@login_required
@require_POST
def alternatieven_berekenen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _actie(
        request,
        plan,
        lambda: services.alle_berekeningen_starten(wijkplan=plan, user=request.user),
        _(
            "De alternatieven worden doorgerekend. Wat al met dezelfde gegevens was berekend, "
            "wordt niet opnieuw gedaan."
        ),
        "techniek-alternatieven",
    )


@login_required
@require_POST
def alternatieven_standaard(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    try:
        nieuw = services.standaard_alternatieven_toevoegen(wijkplan=plan, user=request.user)
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    else:
        if nieuw:
            messages.success(
                request, _("%(n)d standaardalternatieven toegevoegd.") % {"n": len(nieuw)}
            )
        else:
            messages.info(request, _("Het plan heeft alle standaardalternatieven al."))
    return redirect("techniek-alternatieven", pk=plan.pk)


# --- Comparison and export --------------------------------------------------------------------


def _uitkomsten(plan: Wijkplan) -> tuple[list, list[weergave.Uitkomst]]:
    standen = selectors.alternatieven_van(plan)
    return standen, [uitkomst_van(s) for s in standen]


@login_required
@require_http_methods(["GET", "HEAD"])
def vergelijking(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    standen, uitkomsten = _uitkomsten(plan)
    scenario = _scenario(request)
    berekend = [u for u in uitkomsten if u.berekend]
    context = {
        **_basis(request, plan),
        "scenario": scenario,
        "scenarios": weergave.SCENARIOS,
        "scenario_naam": weergave.SCENARIOS[scenario],
        "uitkomsten": berekend,
        "niet_berekend": [u.naam for u in uitkomsten if not u.berekend],
        "verouderd": [u.naam for u in berekend if u.verouderd],
        "groepen": weergave.vergelijking(berekend, scenario),
        "grafieken": weergave.vergelijking_grafieken(berekend, scenario),
        "aannames": _aannames(standen),
        "vergelijking": startanalyse_vergelijking(plan, scenario=scenario),
    }
    response = render(request, "techniek/vergelijking.html", context)
    return _met_verversen(response, any(_loopt(s) for s in standen))


def _aannames(standen) -> list[str]:
    """Every assumption of the calculations shown, once."""
    gezien: dict[str, None] = {}
    for s in standen:
        if s.laatste_klaar:
            for a in s.laatste_klaar.aannames or []:
                gezien.setdefault(str(a), None)
    return list(gezien)


@login_required
@require_http_methods(["GET", "HEAD"])
def export(request: HttpRequest, pk: int) -> HttpResponse:
    """The results of every calculated alternative: ``?formaat=csv|xlsx``."""
    plan = toegang.zichtbaar_plan(request, pk)
    formaat = (request.GET.get("formaat") or "csv").strip().lower()
    if formaat not in wup_exports.FORMATEN:
        messages.error(
            request,
            _("Kies als formaat csv of xlsx; ‘%(formaat)s’ kan niet.") % {"formaat": formaat[:20]},
        )
        return redirect("techniek-alternatieven-vergelijking", pk=plan.pk)
    standen, uitkomsten = _uitkomsten(plan)
    parameterset = huidige_parameterset()
    if formaat == "csv":
        inhoud = exports.als_csv(uitkomsten)
    else:
        inhoud = exports.als_excel(
            uitkomsten,
            plannaam=plan.naam,
            parameterset=str(parameterset) if parameterset else "",
            aannames=_aannames(standen),
        )
    naam = f"alternatieven-{slugify(plan.slug or plan.pk)}"
    response = HttpResponse(inhoud, content_type=wup_exports.FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


# --- The step's section on the plan page and its chapter ------------------------------------


def stap_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    standen = selectors.alternatieven_van(plan)
    return {
        "techniek_aantal": len(standen),
        "techniek_doorgerekend": sum(1 for s in standen if s.doorgerekend),
        "techniek_voorraad": selectors.gebouwvoorraad(plan),
    }


def hoofdstuk_context(request: HttpRequest | None, plan: Wijkplan) -> dict:
    standen, uitkomsten = _uitkomsten(plan)
    berekend = [u for u in uitkomsten if u.berekend]
    voorraad = selectors.gebouwvoorraad(plan)
    return {
        "voorraad": voorraad,
        "woningen": voorraad_rijen(voorraad.woningen if voorraad else [], "type"),
        "parameterset": huidige_parameterset(),
        "alternatieven": [
            {
                "alt": s.alternatief,
                "uitkomst": u,
                "eigenschappen": weergave.sjabloon_eigenschappen(s.alternatief.sjabloon),
                "berekening": s.laatste_klaar,
            }
            for s, u in zip(standen, uitkomsten, strict=True)
        ],
        "uitkomsten": berekend,
        "scenario_naam": weergave.SCENARIOS["basis"],
        "groepen": weergave.vergelijking(berekend, "basis"),
        "grafieken": weergave.vergelijking_grafieken(berekend, "basis"),
        "aannames": _aannames(standen),
    }
