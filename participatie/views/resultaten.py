"""Pages of the results of consultations (whoever may see the plan), their downloads, the
public result of a closed consultation, and the projectleider's deviation from the
participation condition.

Open answers are shown only to the plan's projectleider, never in a download or in public.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from participatie.selectors import publiek as publiek_selectors
from participatie.selectors import raadplegingen as raadpleging_selectors
from participatie.selectors import resultaten as selectors
from participatie.services import afwijking as services
from wup import exports, toegang
from wup import selectors as wup_selectors
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan

MAX_ID = 2**63 - 1


def _raadpleging_of_404(plan: Wijkplan, raadpleging_id: int):
    gevonden = (
        raadpleging_selectors.raadpleging_by_pk(plan, raadpleging_id)
        if 0 < raadpleging_id <= MAX_ID
        else None
    )
    if gevonden is None:
        raise Http404(_("Deze raadpleging hoort niet bij dit plan."))
    return gevonden


def _steun_context(plan: Wijkplan) -> dict:
    return {"steun": selectors.steun_weergave(plan), "min_responsen": selectors.r.MIN_RESPONSEN}


@login_required
@require_http_methods(["GET", "HEAD"])
def resultaten(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    uitslag = selectors.uitslag(raadpleging)
    projectleider = wup_selectors.is_projectleider(plan, request.user)
    if projectleider:
        teksten = selectors.open_antwoorden(raadpleging)
        for vraag in uitslag.vragen:
            if vraag.soort == "open":
                vraag.open_antwoorden = teksten.get(vraag.vraag_id, [])
    return render(
        request,
        "participatie/resultaten/resultaten.html",
        {
            "plan": plan,
            "raadpleging": raadpleging,
            "uitslag": uitslag,
            "formaten": list(exports.FORMATEN),
            **_steun_context(plan),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def resultaten_export(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    """The figures as CSV (default) or Excel: ``?formaat=csv|xlsx``. No open answers."""
    plan = toegang.zichtbaar_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    formaat = (request.GET.get("formaat") or "csv").strip().lower()
    if formaat not in exports.FORMATEN:
        return HttpResponse(
            _("Kies als formaat csv of xlsx; ‘%(formaat)s’ kan niet.") % {"formaat": formaat[:20]},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    tabel = selectors.export_tabel(selectors.uitslag(raadpleging))
    if formaat == "csv":
        inhoud = exports.als_csv(tabel)
    else:
        inhoud = exports.als_excel(
            {
                str(naam): deel.drop(columns="tabel")
                for naam, deel in tabel.groupby("tabel", sort=False)
            }
            or {_("Uitslag"): tabel}
        )
    naam = f"uitslag-{slugify(plan.slug or plan.pk)}-{raadpleging.pk}"
    response = HttpResponse(inhoud, content_type=exports.FORMATEN[formaat])
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


# --- The deviation -----------------------------------------------------------------------------


class AfwijkingForm(forms.Form):
    """The length rules live in the service; the form only carries the text."""

    motivatie = forms.CharField(
        label=gettext_lazy("Waarom kan het plan zonder raadpleging verder?"),
        help_text=gettext_lazy(
            "Bijvoorbeeld: de bewoners zijn op een andere manier geraadpleegd. Minstens 20 tekens."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def afwijking(request: HttpRequest, pk: int) -> HttpResponse:
    """Whoever may see the plan reads the history; the projectleider records or withdraws."""
    plan = toegang.zichtbaar_plan(request, pk)
    projectleider = wup_selectors.is_projectleider(plan, request.user)
    status = 200
    form = AfwijkingForm()
    if request.method == "POST":
        if not projectleider:
            raise PermissionDenied(
                _("Alleen de projectleider van dit plan kan een afwijking vastleggen.")
            )
        status = 409 if plan.bevroren else 400
        if not plan.bevroren:
            form = AfwijkingForm(request.POST)
            form.is_valid()
            try:
                if "intrekken" in request.POST:
                    services.afwijking_intrekken(wijkplan=plan, user=request.user)
                    gelukt = _("De afwijking is ingetrokken.")
                else:
                    services.afwijking_vastleggen(
                        wijkplan=plan,
                        user=request.user,
                        motivatie=form.cleaned_data.get("motivatie", ""),
                    )
                    gelukt = _("De afwijking is vastgelegd.")
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            except PlanFrozen as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, gelukt)
                return redirect("participatie-afwijking", pk=plan.pk)
    gesloten = selectors.gesloten_over_alternatieven_many([plan])[plan.pk]
    return render(
        request,
        "participatie/resultaten/afwijking.html",
        {
            "plan": plan,
            "form": form,
            "mag_wijzigen": projectleider and not plan.bevroren,
            "bevroren_melding": _("Dit plan is %(fase)s. De afwijking kan niet meer veranderen.")
            % {"fase": plan.get_fase_display().lower()}
            if plan.bevroren
            else "",
            "huidige": selectors.huidige_afwijking(plan),
            "historie": selectors.afwijkingen_van(plan),
            "gesloten": gesloten,
        },
        status=status,
    )


# --- Public ------------------------------------------------------------------------------------


def _gesloten_openbaar_of_404(slug: str, raadpleging_id: int):
    plan = publiek_selectors.plan_by_slug(slug)
    if plan is None or not publiek_selectors.is_gepubliceerd(plan):
        raise Http404(_("Deze pagina bestaat niet."))
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    if not selectors.is_gesloten(raadpleging):
        raise Http404(_("De uitslag staat online zodra de raadpleging gesloten is."))
    return plan, raadpleging


@require_http_methods(["GET", "HEAD"])
def publiek_resultaten(request: HttpRequest, slug: str, raadpleging_id: int) -> HttpResponse:
    plan, raadpleging = _gesloten_openbaar_of_404(slug, raadpleging_id)
    return render(
        request,
        "participatie/resultaten/publiek.html",
        {"plan": plan, "raadpleging": raadpleging, "uitslag": selectors.uitslag(raadpleging)},
    )


def publiek_blok(plan: Wijkplan) -> dict:
    """For the public page: the figures of the most recently closed consultation and links to
    the results of the earlier ones (a fixed number of queries)."""
    gesloten = raadpleging_selectors.gesloten_raadplegingen(plan)
    return {
        "laatste_uitslag": selectors.uitslag(gesloten[0]) if gesloten else None,
        "eerdere_uitslagen": gesloten[1:],
    }
