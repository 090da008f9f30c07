"""The public participation page of a plan, for residents and businesses without an account.

A page is public once its ``Publicatie`` is switched on; before that whoever may see the plan
inside the product gets a preview, everyone else a 404. The forms (sign-up, cancel, question)
are protected by ``participatie.misbruik.publiek_formulier`` and CSRF; the pages that show a
form set the CSRF cookie. Only a published page accepts a sign-up or a question.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_http_methods

from participatie import publiek_blokken
from participatie.forms_publiek import AanmeldForm, InbrengForm
from participatie.misbruik import publiek_formulier
from participatie.selectors import publiek as selectors
from participatie.services import publiek as services
from wup import selectors as wup_selectors
from wup import toegang
from wup.constants import Fase
from wup.models import Wijkplan

MAX_ID = 2**63 - 1


def _plan(request: HttpRequest, slug: str) -> tuple[Wijkplan, object, bool]:
    """(plan, publicatie, voorvertoning); 404 when the page is not online and the user may not
    see the plan inside the product."""
    plan = selectors.plan_by_slug(slug)
    if plan is None:
        raise Http404(_("Deze pagina bestaat niet."))
    publicatie = selectors.publicatie_van(plan)
    if publicatie is not None and publicatie.gepubliceerd:
        return plan, publicatie, False
    if request.user.is_authenticated and wup_selectors.may_view(plan, request.user):
        return plan, publicatie, True
    raise Http404(_("Deze pagina bestaat niet."))


def _online_voor_post(request: HttpRequest, voorvertoning: bool) -> None:
    if request.method == "POST" and voorvertoning:
        raise Http404(_("Deze pagina staat nog niet online."))


def _basis(plan: Wijkplan, publicatie, voorvertoning: bool) -> dict:
    return {
        "plan": plan,
        "publicatie": publicatie,
        "voorvertoning": voorvertoning,
        "gestopt": plan.fase == Fase.GESTOPT,
        "vragen_dicht": plan.bevroren,
    }


@ensure_csrf_cookie
@require_http_methods(["GET", "HEAD"])
def pagina(request: HttpRequest, slug: str) -> HttpResponse:
    plan, publicatie, voorvertoning = _plan(request, slug)
    fasen = selectors.fasen_van(plan)
    context = {
        **_basis(plan, publicatie, voorvertoning),
        "fasen": fasen,
        # Past the choice (step 4) the page no longer says that nothing has been decided.
        "keuze_gemaakt": any(f.fase == Fase.KEUZE and f.status == "klaar" for f in fasen),
        "alternatieven": selectors.alternatieven_uitleg(plan),
        "nieuws": selectors.gepubliceerd_nieuws(plan),
        "bijeenkomsten": selectors.komende_bijeenkomsten(plan),
        "faq": selectors.faq_van(plan),
        "inbreng": selectors.gepubliceerde_inbreng(plan),
    }
    context.update(publiek_blokken.context(plan))
    return render(request, "participatie/publiek/pagina.html", context)


@require_http_methods(["GET", "HEAD"])
def privacy(request: HttpRequest, slug: str) -> HttpResponse:
    plan, publicatie, voorvertoning = _plan(request, slug)
    return render(
        request,
        "participatie/publiek/privacy.html",
        {
            **_basis(plan, publicatie, voorvertoning),
            "bewaartermijn": publicatie.bewaartermijn_maanden if publicatie else 12,
        },
    )


def _bijeenkomst_of_404(plan: Wijkplan, bijeenkomst_id: int):
    b = selectors.bijeenkomst_by_pk(plan, bijeenkomst_id) if 0 < bijeenkomst_id <= MAX_ID else None
    if b is None:
        raise Http404(_("Deze bijeenkomst hoort niet bij dit plan."))
    return b


@ensure_csrf_cookie
@require_http_methods(["GET", "HEAD", "POST"])
@publiek_formulier("aanmelden", rate="20/h")
def aanmelden(request: HttpRequest, slug: str, bijeenkomst_id: int) -> HttpResponse:
    plan, publicatie, voorvertoning = _plan(request, slug)
    _online_voor_post(request, voorvertoning)
    bijeenkomst = _bijeenkomst_of_404(plan, bijeenkomst_id)
    status = 200
    if request.method == "POST":
        form = AanmeldForm(request.POST)
        if form.is_valid():
            try:
                _aanmelding, nieuw = services.aanmelding_maken(
                    bijeenkomst=bijeenkomst,
                    basis_url=request.build_absolute_uri("/"),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            else:
                if nieuw:
                    messages.success(
                        request,
                        _("U bent aangemeld. We hebben u een e-mail gestuurd met de bevestiging."),
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "U bent al aangemeld voor deze bijeenkomst. In de e-mail met de "
                            "bevestiging staat hoe u zich afmeldt."
                        ),
                    )
                return redirect("participatie-bijeenkomst-aangemeld", plan.slug, bijeenkomst.pk)
        status = 400
    else:
        form = AanmeldForm()
    return render(
        request,
        "participatie/publiek/aanmelden.html",
        {**_basis(plan, publicatie, voorvertoning), "bijeenkomst": bijeenkomst, "form": form},
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def aangemeld(request: HttpRequest, slug: str, bijeenkomst_id: int) -> HttpResponse:
    plan, publicatie, voorvertoning = _plan(request, slug)
    bijeenkomst = _bijeenkomst_of_404(plan, bijeenkomst_id)
    return render(
        request,
        "participatie/publiek/aangemeld.html",
        {**_basis(plan, publicatie, voorvertoning), "bijeenkomst": bijeenkomst},
    )


@ensure_csrf_cookie
@require_http_methods(["GET", "HEAD", "POST"])
@publiek_formulier("afmelden", rate="20/h")
def afmelden(request: HttpRequest, slug: str, sleutel: str) -> HttpResponse:
    """GET asks to confirm (mail scanners follow links); only the POST cancels. Works whether
    or not the page is online, so nobody is stuck with a sign-up."""
    plan = selectors.plan_by_slug(slug)
    if plan is None:
        raise Http404(_("Deze pagina bestaat niet."))
    aanmelding = selectors.aanmelding_by_sleutel(plan, sleutel[:200])
    if aanmelding is None or aanmelding.afgemeld_op is not None:
        return render(request, "participatie/publiek/afmelden.html", {"plan": plan}, status=404)
    context = {"plan": plan, "aanmelding": aanmelding}
    if request.method == "POST":
        services.aanmelding_afmelden(aanmelding=aanmelding)
        return render(request, "participatie/publiek/afmelden.html", {**context, "afgemeld": True})
    return render(request, "participatie/publiek/afmelden.html", context)


@ensure_csrf_cookie
@require_http_methods(["GET", "HEAD", "POST"])
@publiek_formulier("vragen", rate="10/h")
def inbreng(request: HttpRequest, slug: str) -> HttpResponse:
    plan, publicatie, voorvertoning = _plan(request, slug)
    _online_voor_post(request, voorvertoning)
    status = 200
    if request.method == "POST" and not plan.bevroren:
        form = InbrengForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.inbreng_indienen(
                    wijkplan=plan,
                    soort=d["soort"],
                    tekst_=d["tekst"],
                    naam=d["naam"],
                    email=d["email"],
                )
            except ValidationError as exc:
                toegang.service_fouten(form, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Bedankt. We hebben uw bericht ontvangen. Het staat op deze pagina zodra "
                        "we het hebben bekeken, met ons antwoord."
                    ),
                )
                return redirect("participatie-publiek", plan.slug)
        status = 400
    else:
        form = InbrengForm()
        status = 409 if request.method == "POST" else 200
    return render(
        request,
        "participatie/publiek/inbreng.html",
        {**_basis(plan, publicatie, voorvertoning), "form": form},
        status=status,
    )
