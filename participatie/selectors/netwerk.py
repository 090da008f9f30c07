"""Reads of a plan's participation, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from participatie.models import Contactmoment, Gedragsmaatregel, Participatieplan, Partij
from wup.models import Wijkplan

#: How many contacts the overview shows.
LAATSTE_CONTACTEN = 10


def partijen_van(plan: Wijkplan) -> list[Partij]:
    """The plan's stakeholders with ``aantal_contacten`` (one query)."""
    return list(
        Partij.objects.filter(wijkplan=plan).annotate(aantal_contacten=Count("contactmomenten"))
    )


def partij_by_pk(plan: Wijkplan, pk: int) -> Partij | None:
    return Partij.objects.filter(wijkplan=plan, pk=pk).first()


def contactmomenten_van(plan: Wijkplan, limit: int | None = None) -> list[Contactmoment]:
    """The plan's contacts, newest first, with their partij (one query)."""
    qs = Contactmoment.objects.filter(wijkplan=plan).select_related("partij")
    return list(qs[:limit] if limit else qs)


def contactmoment_by_pk(plan: Wijkplan, pk: int) -> Contactmoment | None:
    return Contactmoment.objects.filter(wijkplan=plan, pk=pk).first()


def gedragsmaatregelen_van(plan: Wijkplan) -> list[Gedragsmaatregel]:
    """The plan's behavioural measures with their target partij (one query)."""
    return list(Gedragsmaatregel.objects.filter(wijkplan=plan).select_related("doelgroep_partij"))


def gedragsmaatregel_by_pk(plan: Wijkplan, pk: int) -> Gedragsmaatregel | None:
    return Gedragsmaatregel.objects.filter(wijkplan=plan, pk=pk).first()


def participatieplannen_van(plan: Wijkplan) -> dict[str, Participatieplan]:
    """The plan's participation plans by phase (one query)."""
    return {p.fase: p for p in Participatieplan.objects.filter(wijkplan=plan)}


def participatieplan_van(plan: Wijkplan, fase: str) -> Participatieplan | None:
    return Participatieplan.objects.filter(wijkplan=plan, fase=fase).first()


@dataclass(frozen=True)
class Aantallen:
    partijen: int
    contactmomenten: int
    gedragsmaatregelen: int
    participatieplannen: int


def aantallen(plan: Wijkplan) -> Aantallen:
    """How many of each the plan has (one query)."""
    rij = Wijkplan.objects.filter(pk=plan.pk).aggregate(
        partijen=Count("partijen", distinct=True),
        contactmomenten=Count("contactmomenten", distinct=True),
        gedragsmaatregelen=Count("gedragsmaatregelen", distinct=True),
        participatieplannen=Count("participatieplannen", distinct=True),
    )
    return Aantallen(**rij)
