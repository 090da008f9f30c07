"""Pages of a plan's consultations for the project team: the list and a consultation's page for
whoever may see the plan; the forms, questions, release and response codes for its projectleider.

Thin: reads through ``participatie.selectors.raadplegingen``, writes through
``participatie.services.raadplegingen``. A frozen plan shows why and refuses a POST with 409.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from participatie.forms_raadpleging import (
    CodesBestandForm,
    CodesPerBuurtForm,
    RaadplegingForm,
    VraagForm,
)
from participatie.models import Raadpleging, Vraag
from participatie.selectors import raadplegingen as selectors
from participatie.services import raadplegingen as services
from participatie.views.participatie import _basis, _projectleider_plan, _van_plan_of_404
from participatie.views.participatie import _formulier as participatie_formulier
from wup import exports, toegang, uploads
from wup.exceptions import PlanFrozen
from wup.models import Wijkplan


def _raadpleging_of_404(plan: Wijkplan, raadpleging_id: int) -> Raadpleging:
    return _van_plan_of_404(
        selectors.raadpleging_by_pk,
        plan,
        raadpleging_id,
        _("Deze raadpleging hoort niet bij dit plan."),
    )


def _vraag_of_404(raadpleging: Raadpleging, vraag_id: int) -> Vraag:
    return _van_plan_of_404(
        selectors.vraag_by_pk,
        raadpleging,
        vraag_id,
        _("Deze vraag hoort niet bij deze raadpleging."),
    )


def _naar(raadpleging: Raadpleging, naam: str = "participatie-raadpleging") -> HttpResponse:
    return redirect(naam, pk=raadpleging.wijkplan_id, raadpleging_id=raadpleging.pk)


def resultaten_url(raadpleging: Raadpleging) -> str | None:
    """The results page, once the product has it."""
    try:
        return reverse(
            "participatie-raadpleging-resultaten",
            kwargs={"pk": raadpleging.wijkplan_id, "raadpleging_id": raadpleging.pk},
        )
    except NoReverseMatch:
        return None


# --- List and page ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def lijst(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    nu = timezone.now()
    rijen = [{"r": r, "stand": r.stand(nu)} for r in selectors.raadplegingen_van(plan)]
    return render(
        request,
        "participatie/raadpleging/lijst.html",
        {**_basis(request, plan), "rijen": rijen, "Stand": Raadpleging.Stand},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    stand = raadpleging.stand()
    return render(
        request,
        "participatie/raadpleging/detail.html",
        {
            **_basis(request, plan),
            "raadpleging": raadpleging,
            "stand": stand,
            "Stand": Raadpleging.Stand,
            "vragen": selectors.vragen_van(raadpleging),
            "aantallen": selectors.aantallen_per_buurt_en_groep(raadpleging),
            "resultaten_url": resultaten_url(raadpleging),
            "publiek_url": request.build_absolute_uri(
                reverse("participatie-raadplegen", args=[plan.slug, raadpleging.pk])
            ),
        },
    )


# --- Forms ------------------------------------------------------------------------------------


def _formulier(
    request: HttpRequest,
    plan: Wijkplan,
    form_class,
    *,
    initial: dict,
    opslaan: Callable[[dict], Raadpleging],
    gelukt: str,
    template: str,
    context: dict,
) -> HttpResponse:
    """The step's form flow, back to the consultation's page after a save."""
    return participatie_formulier(
        request,
        plan,
        maak_form=lambda data: form_class(data, initial=initial),
        opslaan=opslaan,
        gelukt=gelukt,
        template=template,
        context=context,
        naar=_naar,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def raadpleging_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        RaadplegingForm,
        initial={"deelname": Raadpleging.Deelname.CODES},
        opslaan=lambda d: services.raadpleging_toevoegen(wijkplan=plan, user=request.user, **d),
        gelukt=_("De raadpleging is aangemaakt. Voeg nu de vragen toe."),
        template="participatie/raadpleging/formulier.html",
        context={"titel": _("Nieuwe raadpleging")},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def raadpleging_wijzigen(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    velden = ("titel", "inleiding", "deelname", "opent_op", "sluit_op")
    return _formulier(
        request,
        plan,
        RaadplegingForm,
        initial={
            v: timezone.localtime(getattr(raadpleging, v))
            if v.endswith("_op")
            else getattr(raadpleging, v)
            for v in velden
        },
        opslaan=lambda d: services.raadpleging_wijzigen(
            raadpleging=raadpleging, user=request.user, **d
        ),
        gelukt=_("De raadpleging is opgeslagen."),
        template="participatie/raadpleging/formulier.html",
        context={
            "titel": _("%(titel)s bewerken") % {"titel": raadpleging.titel},
            "raadpleging": raadpleging,
            "vrijgegeven": raadpleging.vrijgegeven_op is not None,
        },
    )


VRAAG_VELDEN = ("soort", "tekst", "toelichting", "verplicht", "meerdere")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def vraag_nieuw(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)

    def opslaan(d):
        return services.vraag_toevoegen(raadpleging=raadpleging, user=request.user, **d).raadpleging

    return _formulier(
        request,
        plan,
        VraagForm,
        initial={"soort": Vraag.Soort.VOORKEUR},
        opslaan=opslaan,
        gelukt=_("De vraag is toegevoegd."),
        template="participatie/raadpleging/vraag_formulier.html",
        context={"titel": _("Vraag toevoegen"), "raadpleging": raadpleging},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def vraag_wijzigen(
    request: HttpRequest, pk: int, raadpleging_id: int, vraag_id: int
) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    vraag = _vraag_of_404(raadpleging, vraag_id)
    initial = {v: getattr(vraag, v) for v in VRAAG_VELDEN}
    if vraag.soort == Vraag.Soort.MEERKEUZE:
        initial["opties"] = "\n".join(o["label"] for o in vraag.opties)

    def opslaan(d):
        return services.vraag_wijzigen(vraag=vraag, user=request.user, **d).raadpleging

    return _formulier(
        request,
        plan,
        VraagForm,
        initial=initial,
        opslaan=opslaan,
        gelukt=_("De vraag is opgeslagen."),
        template="participatie/raadpleging/vraag_formulier.html",
        context={"titel": _("Vraag bewerken"), "raadpleging": raadpleging},
    )


# --- Actions (POST only) ----------------------------------------------------------------------


def _actie(request: HttpRequest, plan: Wijkplan, raadpleging: Raadpleging, doe, gelukt, naar):
    """Run a button's service; a refusal comes back as a message on the page it came from, a
    frozen plan gets its reason with 409."""
    if plan.bevroren:
        return render(
            request,
            "participatie/raadpleging/geweigerd.html",
            {**_basis(request, plan), "raadpleging": raadpleging},
            status=409,
        )
    try:
        uitkomst = doe()
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    except PlanFrozen as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, gelukt(uitkomst) if callable(gelukt) else gelukt)
    return _naar(raadpleging, naar)


@login_required
@require_POST
def raadpleging_vrijgeven(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    return _actie(
        request,
        plan,
        raadpleging,
        lambda: services.raadpleging_vrijgeven(raadpleging=raadpleging, user=request.user),
        _("De raadpleging is vrijgegeven. De vragen liggen nu vast."),
        "participatie-raadpleging",
    )


def _vraag_actie(request, pk: int, raadpleging_id: int, vraag_id: int, doe, gelukt: str):
    """A button on one question: ``doe(vraag)`` through its service."""
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    vraag = _vraag_of_404(raadpleging, vraag_id)
    return _actie(
        request, plan, raadpleging, lambda: doe(vraag), gelukt, "participatie-raadpleging"
    )


@login_required
@require_POST
def vraag_verwijderen(
    request: HttpRequest, pk: int, raadpleging_id: int, vraag_id: int
) -> HttpResponse:
    return _vraag_actie(
        request,
        pk,
        raadpleging_id,
        vraag_id,
        lambda vraag: services.vraag_verwijderen(vraag=vraag, user=request.user),
        _("De vraag is verwijderd."),
    )


@login_required
@require_POST
def vraag_verplaatsen(
    request: HttpRequest, pk: int, raadpleging_id: int, vraag_id: int
) -> HttpResponse:
    omhoog = request.POST.get("richting") == "omhoog"
    return _vraag_actie(
        request,
        pk,
        raadpleging_id,
        vraag_id,
        lambda vraag: services.vraag_verplaatsen(vraag=vraag, user=request.user, omhoog=omhoog),
        _("De volgorde is aangepast."),
    )


@login_required
@require_POST
def code_intrekken(
    request: HttpRequest, pk: int, raadpleging_id: int, code_id: int
) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    code = _van_plan_of_404(
        selectors.code_by_pk, raadpleging, code_id, _("Deze code hoort niet bij deze raadpleging.")
    )
    return _actie(
        request,
        plan,
        raadpleging,
        lambda: services.code_intrekken(code=code, user=request.user),
        _("Code %(code)s is ingetrokken en werkt niet meer.") % {"code": code.code},
        "participatie-codes",
    )


# --- Response codes ---------------------------------------------------------------------------


def _codes_pagina(request, plan, raadpleging, *, bestand_form=None, buurt_form=None, status=200):
    buurten = list(plan.buurten.order_by("naam"))
    return render(
        request,
        "participatie/raadpleging/codes.html",
        {
            **_basis(request, plan),
            "raadpleging": raadpleging,
            "codes": selectors.codes_van(raadpleging),
            "bestand_form": bestand_form or CodesBestandForm(),
            "buurt_form": buurt_form or CodesPerBuurtForm(buurten=buurten),
            "buurten": buurten,
            "met_codes": raadpleging.deelname == Raadpleging.Deelname.CODES,
        },
        status=status,
    )


def _gemaakt(aantal: int, dubbel: int = 0) -> str:
    tekst = _("%(n)d codes gemaakt.") % {"n": aantal}
    if dubbel:
        tekst += " " + _("%(n)d dubbele adressen overgeslagen.") % {"n": dubbel}
    return tekst


@csrf_exempt  # the upload's size limit must be in place before CSRF reads the body; see below
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def codes(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    if request.method != "POST":
        return _codes_pagina(request, plan, raadpleging)
    if plan.bevroren:
        return _codes_pagina(request, plan, raadpleging, status=409)
    # Which form: told by the query string, as the upload's body may not be read yet.
    if request.GET.get("formulier") == "bestand":
        return _codes_bestand(
            request, plan, raadpleging, uploads.begrens_upload(request, limiet=services.MAX_BESTAND)
        )
    return _codes_aantallen(request, plan, raadpleging)


@csrf_protect
def _codes_bestand(request, plan, raadpleging, begrenzer) -> HttpResponse:
    form = CodesBestandForm(request.POST, request.FILES)
    if begrenzer.te_groot:
        form = CodesBestandForm()
        form.add_error(None, _("Het bestand is groter dan 2 MB. Verdeel het in delen."))
        return _codes_pagina(request, plan, raadpleging, bestand_form=form, status=413)
    if form.is_valid():
        try:
            aantal, dubbel = services.codes_uit_bestand(
                raadpleging=raadpleging, user=request.user, bestand=form.cleaned_data["bestand"]
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                toegang.service_fouten(form, exc)
            else:
                form.add_error("bestand", exc.messages)
        except PlanFrozen as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _gemaakt(aantal, dubbel))
            return _naar(raadpleging, "participatie-codes")
    return _codes_pagina(request, plan, raadpleging, bestand_form=form, status=400)


@csrf_protect
def _codes_aantallen(request, plan, raadpleging) -> HttpResponse:
    form = CodesPerBuurtForm(request.POST, buurten=plan.buurten.all())
    if form.is_valid():
        try:
            aantal = services.codes_per_buurt(
                raadpleging=raadpleging, user=request.user, aantallen=form.aantallen()
            )
        except ValidationError as exc:
            toegang.service_fouten(form, exc)
        except PlanFrozen as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _gemaakt(aantal))
            return _naar(raadpleging, "participatie-codes")
    return _codes_pagina(request, plan, raadpleging, buurt_form=form, status=400)


@login_required
@require_http_methods(["GET", "HEAD"])
def codes_export(request: HttpRequest, pk: int, raadpleging_id: int) -> HttpResponse:
    """The codes for the letter printer; holds addresses, so only for the projectleider."""
    plan = _projectleider_plan(request, pk)
    raadpleging = _raadpleging_of_404(plan, raadpleging_id)
    url = request.build_absolute_uri(
        reverse("participatie-raadplegen", args=[plan.slug, raadpleging.pk])
    )
    frame = pd.DataFrame(
        [
            {
                "code": c.code,
                "buurtcode": c.buurt.code if c.buurt else "",
                "buurt": c.buurt.naam if c.buurt else "",
                "adres": c.adres,
                "webadres": url,
            }
            for c in selectors.codes_van(raadpleging)
            if c.ingetrokken_op is None
        ],
        columns=["code", "buurtcode", "buurt", "adres", "webadres"],
    )
    response = HttpResponse(exports.als_csv(frame), content_type=exports.CSV_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="responscodes-{raadpleging.pk}.csv"'
    return response
