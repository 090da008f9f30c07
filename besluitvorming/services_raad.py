"""Writes of step 6's part 'raad': submitting the plan to the council and recording the
council's decision. Phases only change through ``wup.services.wijkplan_transition``; each write
runs in one transaction, so nothing is half-saved."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from besluitvorming import selectors as document_selectors
from besluitvorming import selectors_raad as selectors
from besluitvorming import services as document_services
from besluitvorming.models import Aanbieding, Documentversie, Raadsbesluit
from wup import services as wup_services
from wup.constants import Fase
from wup.models import Besluit, Wijkplan
from wup.permissions import User
from wup.schrijven import tekst, uit_lijst, verzamel
from wup.workflow import TERUGSTUUR_FASEN

ALLEEN_GRIFFIER = gettext_lazy(
    "Alleen de griffier legt het raadsbesluit vast, zolang het plan bij de raad ligt."
)
MAX_TEKST = 5000
MAX_NUMMER = Raadsbesluit._meta.get_field("besluitnummer").max_length
#: Namespace of the request keys of the final PDF: one final version per council decision.
SLEUTELS = uuid.UUID("6f1f3c3e-3b0a-4c55-9a39-0d3f7b1e2a61")


def aanbieding_vastleggen(*, plan: Wijkplan, user: User) -> Aanbieding | None:
    """Record which PDF goes to the council: the newest finished one of the plan's current
    phase (None when there is none). Part of the submission, before its transition, whose
    conditions ask for it; the demo calls it the same way before its transition."""
    if not selectors.mag_aanbieden(plan, user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan het aanbieden."))
    with transaction.atomic():
        plan = Wijkplan.objects.select_for_update().get(pk=plan.pk)
        if plan.fase != Fase.UITVOERINGSPLAN:
            return None
        versie = selectors.aan_te_bieden_versie(plan)
        if versie is None:
            return None
        return Aanbieding.objects.create(wijkplan=plan, documentversie=versie, aangeboden_door=user)


def aanbieden(
    *, plan: Wijkplan, user: User, motivatie: str = "", verwachte_fase: str | None = None
) -> Aanbieding:
    """Submit the plan to the council with the newest finished PDF of its current phase: the
    submission is recorded and the plan moves, or neither (the transition says what is
    missing)."""
    if not selectors.mag_aanbieden(plan, user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan het aanbieden."))
    with transaction.atomic():
        rij = aanbieding_vastleggen(plan=plan, user=user)
        standaard = (
            _("Versie %(n)d van het plan aangeboden aan de gemeenteraad.")
            % {"n": rij.documentversie.nummer}
            if rij
            else ""
        )
        wup_services.wijkplan_transition(
            wijkplan=plan,
            overgang="aanbieden_aan_raad",
            user=user,
            motivatie=motivatie or standaard,
            verwachte_fase=verwachte_fase,
        )
    return rij


def _datum(waarde) -> date:
    if waarde in (None, ""):
        raise ValidationError({"besluitdatum": _("Vul de datum van het raadsbesluit in.")})
    if not isinstance(waarde, date) or isinstance(waarde, datetime):
        raise ValidationError(
            {
                "besluitdatum": _("Vul een geldige datum in, bijvoorbeeld %(d)s.")
                % {"d": "2026-03-17"}
            }
        )
    if waarde > timezone.localdate():
        raise ValidationError(
            {"besluitdatum": _("De datum van het raadsbesluit kan niet in de toekomst liggen.")}
        )
    return waarde


def _versie(plan: Wijkplan, versie_id, standaard: Documentversie | None) -> Documentversie:
    if versie_id in (None, ""):
        if standaard is None:
            raise ValidationError({"versie": _("Kies de versie van het plan die is vastgesteld.")})
        return standaard
    try:
        versie_id = int(versie_id)
    except (TypeError, ValueError):
        versie_id = 0
    versie = (
        selectors.klare_versies(plan).filter(pk=versie_id).first()
        if 0 < versie_id <= selectors.MAX_ID
        else None
    )
    if versie is None:
        raise ValidationError(
            {"versie": _("Kies een versie van dit plan waarvan de PDF klaar is.")}
        )
    return versie


def _besluittekst(rb: Raadsbesluit) -> str:
    if rb.uitkomst == Raadsbesluit.Uitkomst.VASTGESTELD:
        regels = [
            _("De gemeenteraad heeft het wijkuitvoeringsplan vastgesteld (versie %(n)d).")
            % {"n": rb.vastgestelde_versie.nummer}
        ]
        if rb.amendementen:
            regels.append(_("Amendementen: %(a)s") % {"a": rb.amendementen})
    else:
        regels = [
            _("De gemeenteraad heeft het plan teruggestuurd naar de fase ‘%(fase)s’.")
            % {"fase": Fase(rb.naar_fase).label},
            _("Redenen: %(r)s") % {"r": rb.redenen},
        ]
    return "\n".join(regels)


def raadsbesluit_vastleggen(
    *,
    plan: Wijkplan,
    user: User,
    uitkomst: str,
    besluitdatum,
    besluitnummer: str = "",
    amendementen: str = "",
    redenen: str = "",
    naar: str | None = None,
    versie_id=None,
    verwachte_fase: str | None = None,
) -> Raadsbesluit:
    """Record the council's decision (the griffier only): store it, put it in the decisions
    log, move the plan (adopted, or back to the phase the reasons concern) and, when adopted,
    queue the final PDF."""
    if not selectors.mag_besluit_vastleggen(plan, user):
        raise PermissionDenied(str(ALLEEN_GRIFFIER))
    aanbieding = selectors.huidige_aanbieding(plan)
    standaard = aanbieding.documentversie if aanbieding else selectors.klare_versies(plan).first()
    uitkomst = uit_lijst(
        uitkomst,
        "uitkomst",
        Raadsbesluit.Uitkomst.choices,
        _("Kies wat de raad heeft besloten: vastgesteld of teruggestuurd."),
    )
    vastgesteld = uitkomst == Raadsbesluit.Uitkomst.VASTGESTELD
    stappen = [
        ("besluitdatum", lambda: _datum(besluitdatum)),
        ("besluitnummer", lambda: tekst(besluitnummer, "besluitnummer", max_lengte=MAX_NUMMER)),
    ]
    if vastgesteld:
        stappen += [
            ("amendementen", lambda: tekst(amendementen, "amendementen", max_lengte=MAX_TEKST)),
            ("vastgestelde_versie", lambda: _versie(plan, versie_id, standaard)),
        ]
    else:
        stappen += [
            (
                "redenen",
                lambda: tekst(
                    redenen,
                    "redenen",
                    verplicht=_("Schrijf op waarom de raad het plan terugstuurt."),
                    max_lengte=MAX_TEKST,
                ),
            ),
            (
                "naar_fase",
                lambda: uit_lijst(
                    naar,
                    "naar",
                    [(f, f) for f in TERUGSTUUR_FASEN],
                    _("Kies de fase waar de bezwaren van de raad over gaan."),
                ),
            ),
        ]
    try:
        velden = verzamel(stappen)
    except ValidationError as e:
        # The form's field for the version is called "versie".
        raise ValidationError(
            {("versie" if k == "vastgestelde_versie" else k): v for k, v in e.message_dict.items()}
        ) from e
    with transaction.atomic():
        plan = Wijkplan.objects.select_for_update().get(pk=plan.pk)
        rb = Raadsbesluit.objects.create(
            wijkplan=plan, aanbieding=aanbieding, uitkomst=uitkomst, griffier=user, **velden
        )
        besluit = _besluittekst(rb)
        wup_services.besluit_vastleggen(
            wijkplan=plan,
            user=user,
            datum=rb.besluitdatum,
            orgaan=Besluit.Orgaan.GEMEENTERAAD,
            besluit=besluit,
            kenmerk=rb.besluitnummer,
            bron="besluitvorming",
        )
        wup_services.wijkplan_transition(
            wijkplan=plan,
            overgang="vaststellen" if vastgesteld else "terugsturen",
            user=user,
            motivatie=besluit,
            naar=None if vastgesteld else rb.naar_fase,
            verwachte_fase=verwachte_fase,
        )
        if vastgesteld:
            definitieve_versie_aanvragen(plan=plan, user=user, raadsbesluit=rb)
    return rb


def definitieve_versie_aanvragen(
    *, plan: Wijkplan, user: User | None = None, raadsbesluit: Raadsbesluit | None = None
) -> Documentversie | None:
    """Queue the final PDF (no watermark) of an adopted plan. Idempotent: a final version that
    is queued, being made or finished is returned as it is.

    The plan document is its projectleider's: the version is requested in the name of ``user``
    if he may request one (the projectleider or a beheerder), else of the plan's active
    projectleider. Without one nothing is queued (None); a beheerder can make it later on the
    versions page, and it is final because the plan is adopted.
    """
    plan.refresh_from_db()
    if plan.fase != Fase.VASTGESTELD:
        raise ValidationError(_("Alleen van een vastgesteld plan is er een definitieve PDF."))
    bestaand = selectors.lopende_definitieve_versie(plan)
    if bestaand is not None:
        return bestaand
    aanvrager = (
        user
        if user is not None and document_selectors.mag_aanvragen(plan, user)
        else selectors.projectleider_van(plan)
    )
    if aanvrager is None:
        return None
    rb = raadsbesluit or selectors.vastgesteld_besluit(plan)
    sleutel = uuid.uuid5(SLEUTELS, f"{plan.pk}:{rb.pk}") if rb else None
    if sleutel and Documentversie.objects.filter(aanvraagsleutel=sleutel).exists():
        sleutel = None  # that request failed: this is a new one
    versie = document_services.documentversie_aanvragen(plan=plan, user=aanvrager, sleutel=sleutel)
    if not versie.definitief:  # pragma: no cover - the plan is adopted, so it is final
        raise AssertionError("de definitieve versie is een concept")
    return versie
