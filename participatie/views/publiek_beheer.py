"""Management of a plan's public page: the settings, news, FAQ, events and their sign-ups, and
the moderation of residents' questions.

Whoever may see the plan reads; only its projectleider writes, never in a frozen plan (the form
pages say why, a POST gets 409). Names and e-mail addresses of residents are shown to the
plan's projectleider only; others see counts.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participatie.forms_publiek import (
    BijeenkomstForm,
    FaqForm,
    ModeratieForm,
    NieuwsForm,
    PublicatieForm,
)
from participatie.selectors import publiek as selectors
from participatie.services import publiek as services
from participatie.views.participatie import (
    ALLEEN_PROJECTLEIDER,
    _basis,
    _van_plan_of_404,
)
from participatie.views.participatie import _formulier as participatie_formulier
from wup import selectors as wup_selectors
from wup import toegang
from wup.models import Wijkplan


def _projectleider_plan(request: HttpRequest, pk: int) -> Wijkplan:
    return toegang.plan_van_projectleider(request, pk, ALLEEN_PROJECTLEIDER)


def _formulier(
    request: HttpRequest,
    plan: Wijkplan,
    *,
    titel: str,
    template: str = "participatie/beheer/formulier.html",
    context: dict | None = None,
    terug: str = "participatie-publiek-beheer",
    **kwargs,
) -> HttpResponse:
    """The step's form flow (frozen plan: why, and 409), back to the management page."""
    return participatie_formulier(
        request,
        plan,
        template=template,
        context={"titel": titel, **(context or {})},
        terug=terug,
        **kwargs,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    """The page's settings (a form for the projectleider) and what is on it."""
    plan = toegang.zichtbaar_plan(request, pk)
    basis = _basis(request, plan)
    publicatie = selectors.publicatie_van(plan)
    initial = (
        {
            v: getattr(publicatie, v)
            for v in ("gepubliceerd", "waarom", "contact", "bewaartermijn_maanden")
        }
        if publicatie
        else {"bewaartermijn_maanden": 12}
    )
    status = 200
    form = PublicatieForm(initial=initial) if basis["mag_wijzigen"] else None
    if request.method == "POST":
        plan = _projectleider_plan(request, pk)
        if plan.bevroren:
            status = 409
        else:
            form = PublicatieForm(request.POST)
            if form.is_valid():
                try:
                    services.publicatie_opslaan(
                        wijkplan=plan, user=request.user, **form.cleaned_data
                    )
                except ValidationError as exc:
                    toegang.service_fouten(form, exc)
                else:
                    messages.success(request, _("De instellingen van de pagina zijn opgeslagen."))
                    return redirect("participatie-publiek-beheer", pk=plan.pk)
            status = 400
    return render(
        request,
        "participatie/beheer/overzicht.html",
        {
            **basis,
            "form": form,
            "publicatie": publicatie,
            "aantallen": selectors.aantallen(plan),
            "nieuws": selectors.nieuws_van(plan),
            "faq": selectors.faq_van(plan),
            "bijeenkomsten": selectors.bijeenkomsten_van(plan),
        },
        status=status,
    )


# --- News and FAQ ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def nieuws_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: NieuwsForm(data),
        opslaan=lambda d: services.nieuws_opslaan(
            wijkplan=plan,
            user=request.user,
            titel=d["titel"],
            tekst_=d["tekst"],
            publiceren=d["publiceren"],
        ),
        gelukt=_("Het nieuwsbericht is opgeslagen."),
        titel=_("Nieuwsbericht schrijven"),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def nieuws_wijzigen(request: HttpRequest, pk: int, nieuws_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    bericht = _van_plan_of_404(
        selectors.nieuws_by_pk, plan, nieuws_id, _("Dit bericht hoort niet bij dit plan.")
    )
    initial = {
        "titel": bericht.titel,
        "tekst": bericht.tekst,
        "publiceren": bericht.gepubliceerd_op is not None,
    }
    return _formulier(
        request,
        plan,
        maak_form=lambda data: NieuwsForm(data, initial=initial),
        opslaan=lambda d: services.nieuws_opslaan(
            wijkplan=plan,
            user=request.user,
            titel=d["titel"],
            tekst_=d["tekst"],
            publiceren=d["publiceren"],
            bericht=bericht,
        ),
        gelukt=_("Het nieuwsbericht is opgeslagen."),
        titel=_("Nieuwsbericht bewerken"),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def faq_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: FaqForm(data),
        opslaan=lambda d: services.faq_opslaan(wijkplan=plan, user=request.user, **d),
        gelukt=_("De veelgestelde vraag is opgeslagen."),
        titel=_("Veelgestelde vraag toevoegen"),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def faq_wijzigen(request: HttpRequest, pk: int, faq_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    faq = _van_plan_of_404(
        selectors.faq_by_pk, plan, faq_id, _("Deze vraag hoort niet bij dit plan.")
    )
    initial = {"vraag": faq.vraag, "antwoord": faq.antwoord, "volgorde": faq.volgorde}
    return _formulier(
        request,
        plan,
        maak_form=lambda data: FaqForm(data, initial=initial),
        opslaan=lambda d: services.faq_opslaan(wijkplan=plan, user=request.user, faq=faq, **d),
        gelukt=_("De veelgestelde vraag is opgeslagen."),
        titel=_("Veelgestelde vraag bewerken"),
    )


# --- Events ------------------------------------------------------------------------------------


def _bijeenkomst_of_404(plan: Wijkplan, bijeenkomst_id: int):
    return _van_plan_of_404(
        selectors.bijeenkomst_by_pk,
        plan,
        bijeenkomst_id,
        _("Deze bijeenkomst hoort niet bij dit plan."),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bijeenkomst_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    return _formulier(
        request,
        plan,
        maak_form=lambda data: BijeenkomstForm(data),
        opslaan=lambda d: services.bijeenkomst_opslaan(wijkplan=plan, user=request.user, **d),
        gelukt=_("De bijeenkomst is opgeslagen."),
        titel=_("Bijeenkomst toevoegen"),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bijeenkomst_wijzigen(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    b = _bijeenkomst_of_404(plan, bijeenkomst_id)
    initial = {
        v: getattr(b, v) for v in ("titel", "omschrijving", "locatie", "capaciteit", "aanmelden")
    }
    initial.update(
        begint_op=timezone.localtime(b.begint_op),
        eindigt_op=timezone.localtime(b.eindigt_op) if b.eindigt_op else None,
        geannuleerd=b.geannuleerd_op is not None,
    )
    return _formulier(
        request,
        plan,
        maak_form=lambda data: BijeenkomstForm(data, initial=initial),
        opslaan=lambda d: services.bijeenkomst_opslaan(
            wijkplan=plan, user=request.user, bijeenkomst=b, **d
        ),
        gelukt=_("De bijeenkomst is opgeslagen."),
        titel=_("%(titel)s bewerken") % {"titel": b.titel},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def aanmeldingen(request: HttpRequest, pk: int, bijeenkomst_id: int) -> HttpResponse:
    """The sign-ups of an event: names and addresses for the projectleider, counts for others."""
    plan = toegang.zichtbaar_plan(request, pk)
    b = _bijeenkomst_of_404(plan, bijeenkomst_id)
    basis = _basis(request, plan)
    mag_gegevens_zien = wup_selectors.is_projectleider(plan, request.user)
    return render(
        request,
        "participatie/beheer/aanmeldingen.html",
        {
            **basis,
            "bijeenkomst": b,
            "mag_gegevens_zien": mag_gegevens_zien,
            "aanmeldingen": selectors.aanmeldingen_van(b) if mag_gegevens_zien else None,
        },
    )


# --- Moderation --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def moderatie(request: HttpRequest, pk: int) -> HttpResponse:
    plan = toegang.zichtbaar_plan(request, pk)
    return render(
        request,
        "participatie/beheer/moderatie.html",
        {
            **_basis(request, plan),
            "wachtrij": selectors.moderatiewachtrij(plan),
            "gepubliceerd": selectors.gepubliceerde_inbreng(plan),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def inbreng_modereren(request: HttpRequest, pk: int, inbreng_id: int) -> HttpResponse:
    plan = _projectleider_plan(request, pk)
    inbreng = _van_plan_of_404(
        selectors.inbreng_by_pk, plan, inbreng_id, _("Deze vraag hoort niet bij dit plan.")
    )
    initial = {
        "actie": {"gepubliceerd": "publiceren", "afgewezen": "afwijzen"}.get(inbreng.status, ""),
        "antwoord": inbreng.antwoord,
        "reden_afwijzing": inbreng.reden_afwijzing,
    }
    pagina_url = request.build_absolute_uri(reverse("participatie-publiek", args=[plan.slug]))
    return _formulier(
        request,
        plan,
        maak_form=lambda data: ModeratieForm(data, initial=initial),
        opslaan=lambda d: services.inbreng_modereren(
            inbreng=inbreng, user=request.user, pagina_url=pagina_url, **d
        ),
        gelukt=_("De moderatie is opgeslagen."),
        titel=_("Vraag of reactie modereren"),
        template="participatie/beheer/modereren.html",
        context={"inbreng": inbreng},
        terug="participatie-moderatie",
    )
