"""Writes of a plan's network: the stakeholders (partijen), the log of contacts
(contactmomenten, corrected but never deleted) and the behavioural measures.

Only the plan's projectleider writes, and never in a frozen plan. Bad input raises a
``ValidationError`` with a Dutch message per field; each write is one transaction.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participatie.models import Contactmoment, Gedragsmaatregel, Partij
from participatie.services.toegang import keuze, schrijfbaar, tekst, verzamel
from wup.models import Wijkplan

MAX_OMVANG = 1_000_000

# --- Partijen -------------------------------------------------------------------------------------


def _partij_velden(
    *,
    soort,
    naam,
    omvang,
    contactpersoon_naam,
    contactpersoon_rol,
    contactpersoon_bereikbaar,
    belang,
    toezeggingen,
    is_bewonersinitiatief,
    ambassadeurs,
) -> dict:
    fouten: dict[str, str] = {}
    velden: dict = {}

    def neem(veld, doe):
        try:
            velden[veld] = doe()
        except ValidationError as e:
            fouten.update({k: v[0] for k, v in e.message_dict.items()})

    neem(
        "soort",
        lambda: keuze(
            soort, "soort", Partij.Soort.choices, _("Kies een soort partij uit de lijst.")
        ),
    )
    neem(
        "naam",
        lambda: tekst(naam, "naam", verplicht=_("Geef de partij een naam."), max_lengte=200),
    )

    def _omvang():
        if omvang in (None, ""):
            return None
        try:
            getal = int(omvang)
        except (TypeError, ValueError):
            getal = -1
        if getal < 0 or getal > MAX_OMVANG or isinstance(omvang, bool):
            raise ValidationError(
                {"omvang": _("Vul een heel getal in van 0 of meer, of laat het leeg.")}
            )
        return getal

    neem("omvang", _omvang)
    for veld, waarde in (
        ("contactpersoon_naam", contactpersoon_naam),
        ("contactpersoon_rol", contactpersoon_rol),
        ("contactpersoon_bereikbaar", contactpersoon_bereikbaar),
    ):
        neem(veld, lambda veld=veld, waarde=waarde: tekst(waarde, veld, max_lengte=200))
    for veld, waarde in (
        ("belang", belang),
        ("toezeggingen", toezeggingen),
        ("ambassadeurs", ambassadeurs),
    ):
        neem(veld, lambda veld=veld, waarde=waarde: tekst(waarde, veld, max_lengte=10000))
    velden["is_bewonersinitiatief"] = bool(is_bewonersinitiatief)
    if fouten:
        raise ValidationError(fouten)
    return velden


def partij_toevoegen(*, wijkplan: Wijkplan, user: AbstractBaseUser, **gegevens) -> Partij:
    """Add a stakeholder group. ``gegevens``: the fields of ``Partij`` (see ``_partij_velden``)."""
    velden = _partij_velden(**_met_standaard(gegevens))
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        partij = Partij(wijkplan=plan, gewijzigd_door=user, **velden)
        partij.full_clean()
        partij.save()
        return partij


def partij_wijzigen(*, partij: Partij, user: AbstractBaseUser, **gegevens) -> Partij:
    velden = _partij_velden(**_met_standaard(gegevens))
    with transaction.atomic():
        schrijfbaar(partij.wijkplan, user)
        partij = Partij.objects.select_for_update().get(pk=partij.pk)
        for k, v in velden.items():
            setattr(partij, k, v)
        partij.gewijzigd_door = user
        partij.full_clean()
        partij.save()
        return partij


def _met_standaard(gegevens: dict) -> dict:
    standaard = {
        "soort": None,
        "naam": None,
        "omvang": None,
        "contactpersoon_naam": "",
        "contactpersoon_rol": "",
        "contactpersoon_bereikbaar": "",
        "belang": "",
        "toezeggingen": "",
        "is_bewonersinitiatief": False,
        "ambassadeurs": "",
    }
    onbekend = set(gegevens) - set(standaard)
    if onbekend:
        raise TypeError(f"onbekende velden: {sorted(onbekend)}")
    return {**standaard, **gegevens}


def _eigen_partij(plan: Wijkplan, partij, veld: str) -> Partij | None:
    if partij in (None, ""):
        return None
    pk = partij.pk if isinstance(partij, Partij) else partij
    try:
        return Partij.objects.get(pk=int(pk), wijkplan=plan)
    except (TypeError, ValueError, OverflowError, Partij.DoesNotExist):
        raise ValidationError({veld: _("Kies een partij van dit plan.")}) from None


# --- Contactmomenten ------------------------------------------------------------------------------


def _contact_velden(plan: Wijkplan, *, soort, datum, onderwerp, uitkomst, partij) -> dict:
    fouten: dict[str, str] = {}
    velden: dict = {}
    try:
        velden["soort"] = keuze(
            soort, "soort", Contactmoment.Soort.choices, _("Kies een soort contact uit de lijst.")
        )
    except ValidationError as e:
        fouten.update({k: v[0] for k, v in e.message_dict.items()})
    if not isinstance(datum, datetime.date):
        fouten["datum"] = _("Vul de datum van het contact in, bijvoorbeeld 14-03-2027.")
    elif datum > timezone.localdate():
        fouten["datum"] = _(
            "Deze datum ligt in de toekomst. Leg een contactmoment vast als het is geweest."
        )
    else:
        velden["datum"] = datum
    for veld, waarde, verplicht, max_lengte in (
        ("onderwerp", onderwerp, _("Waar ging het contact over? Vul een onderwerp in."), 300),
        ("uitkomst", uitkomst, None, 10000),
    ):
        try:
            velden[veld] = tekst(waarde, veld, verplicht=verplicht, max_lengte=max_lengte)
        except ValidationError as e:
            fouten.update({k: v[0] for k, v in e.message_dict.items()})
    try:
        velden["partij"] = _eigen_partij(plan, partij, "partij")
    except ValidationError as e:
        fouten.update({k: v[0] for k, v in e.message_dict.items()})
    if fouten:
        raise ValidationError(fouten)
    return velden


def contactmoment_toevoegen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    soort: str,
    datum: datetime.date,
    onderwerp: str,
    uitkomst: str = "",
    partij: Partij | int | None = None,
) -> Contactmoment:
    """Log a contact with the neighbourhood, optionally with one of the plan's partijen."""
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        velden = _contact_velden(
            plan, soort=soort, datum=datum, onderwerp=onderwerp, uitkomst=uitkomst, partij=partij
        )
        moment = Contactmoment(wijkplan=plan, aangemaakt_door=user, **velden)
        moment.full_clean()
        moment.save()
        return moment


def contactmoment_wijzigen(
    *,
    contactmoment: Contactmoment,
    user: AbstractBaseUser,
    soort: str,
    datum: datetime.date,
    onderwerp: str,
    uitkomst: str = "",
    partij: Partij | int | None = None,
) -> Contactmoment:
    """Correct a logged contact. There is no delete: the log keeps every contact."""
    with transaction.atomic():
        plan = schrijfbaar(contactmoment.wijkplan, user)
        velden = _contact_velden(
            plan, soort=soort, datum=datum, onderwerp=onderwerp, uitkomst=uitkomst, partij=partij
        )
        moment = Contactmoment.objects.select_for_update().get(pk=contactmoment.pk)
        for k, v in velden.items():
            setattr(moment, k, v)
        moment.full_clean()
        moment.save()
        return moment


# --- Gedragsmaatregelen ---------------------------------------------------------------------------


def _maatregel_velden(
    plan: Wijkplan, *, naam, status, doelgroep, doelgroep_partij, toelichting
) -> dict:
    stappen = (
        (
            "naam",
            lambda: tekst(naam, "naam", verplicht=_("Geef de maatregel een naam."), max_lengte=200),
        ),
        (
            "status",
            lambda: keuze(
                status,
                "status",
                Gedragsmaatregel.Status.choices,
                _("Kies een status uit de lijst."),
            ),
        ),
        ("doelgroep", lambda: tekst(doelgroep, "doelgroep", max_lengte=300)),
        ("doelgroep_partij", lambda: _eigen_partij(plan, doelgroep_partij, "doelgroep_partij")),
        ("toelichting", lambda: tekst(toelichting, "toelichting", max_lengte=10000)),
    )
    return verzamel(stappen)


def gedragsmaatregel_toevoegen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    naam: str,
    status: str,
    doelgroep: str = "",
    doelgroep_partij: Partij | int | None = None,
    toelichting: str = "",
) -> Gedragsmaatregel:
    with transaction.atomic():
        plan = schrijfbaar(wijkplan, user)
        velden = _maatregel_velden(
            plan,
            naam=naam,
            status=status,
            doelgroep=doelgroep,
            doelgroep_partij=doelgroep_partij,
            toelichting=toelichting,
        )
        maatregel = Gedragsmaatregel(wijkplan=plan, gewijzigd_door=user, **velden)
        maatregel.full_clean()
        maatregel.save()
        return maatregel


def gedragsmaatregel_wijzigen(
    *,
    maatregel: Gedragsmaatregel,
    user: AbstractBaseUser,
    naam: str,
    status: str,
    doelgroep: str = "",
    doelgroep_partij: Partij | int | None = None,
    toelichting: str = "",
) -> Gedragsmaatregel:
    with transaction.atomic():
        plan = schrijfbaar(maatregel.wijkplan, user)
        velden = _maatregel_velden(
            plan,
            naam=naam,
            status=status,
            doelgroep=doelgroep,
            doelgroep_partij=doelgroep_partij,
            toelichting=toelichting,
        )
        maatregel = Gedragsmaatregel.objects.select_for_update().get(pk=maatregel.pk)
        for k, v in velden.items():
            setattr(maatregel, k, v)
        maatregel.gewijzigd_door = user
        maatregel.full_clean()
        maatregel.save()
        return maatregel
