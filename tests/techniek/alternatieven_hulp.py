"""Shared set-up of the tests of a plan's alternatives: CBS figures for the plan's buurt and a
published parameter set that the engine can compute with."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from techniek.engine import InvoerFout, Parameters, parameter_definities
from techniek.models import Parameter
from techniek.registratie import rechten_toekennen
from techniek.selectors.parameters import parameterwaarden
from techniek.services.parameters import (
    parameter_wijzigen,
    parameterset_concept_maken,
    parameterset_vaststellen,
)
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from wijktoets.models import KerncijferRegio
from wup.roles import ensure_roles

WONINGEN_CSV = (
    "type;bouwperiode;label;aantal;oppervlakte\n"
    "rijwoning tussen;1965;E;120;98,5\n"
    "meergezins: laag en midden;1930 - 1945;;40;70\n"
)


def cbs_cijfers(code: str, woningen: float = 400, **extra) -> KerncijferRegio:
    waarden = {"woningvoorraad": woningen, "meergezinswoning_pct": 30.0}
    waarden["bouwjaar_voor_2000_pct"] = 80.0
    waarden.update(extra)
    return KerncijferRegio.objects.create(
        code=code,
        jaar=2024,
        soort="buurt",
        naam="Buurt",
        waarden=waarden,
        bijgewerkt_op=timezone.now(),
    )


def pbl_set():
    rechten_toekennen()
    ensure_roles()
    return pbl_kentallen_laden()[0]


def volledige_set(beheerder, bron=None):
    """A new published version of the PBL set with every figure the engine needs filled in
    (the engine's documented defaults, with their source)."""
    rechten_toekennen()
    ensure_roles()
    bron = bron or pbl_kentallen_laden()[0]
    concept = parameterset_concept_maken(bron=bron, user=beheerder, omschrijving="Aangevuld")
    aanwezig = {p.naam: p for p in Parameter.objects.filter(parameterset=concept)}
    try:
        Parameters.uit_dict(parameterwaarden(concept))
        ontbrekend = set()
    except InvoerFout as e:
        ontbrekend = {p.plaats.removeprefix("parameter ") for p in e.problemen}
    for volgorde, d in enumerate(parameter_definities(), start=1000):
        if d.naam not in ontbrekend:
            continue
        bestaand = aanwezig.get(d.naam)
        if bestaand is None:
            Parameter.objects.create(
                parameterset=concept,
                sleutel=f"Aanvullend.{d.naam}",
                naam=d.naam,
                groep="Aanvullend",
                waarde=Decimal(str(d.waarde)),
                eenheid=d.eenheid,
                bron=d.bron or "Rekenkern, standaardwaarde",
                omschrijving=d.beschrijving,
                volgorde=volgorde,
            )
        elif bestaand.waarde is None:
            parameter_wijzigen(
                parameterset=concept,
                sleutel=bestaand.sleutel,
                user=beheerder,
                bron=d.bron or "Rekenkern, standaardwaarde",
                waarde=d.waarde,
            )
    return parameterset_vaststellen(parameterset=concept, user=beheerder)


def set_met_ander_kental(beheerder, bron, sleutel="Netbeheer.Ki_verv_LD_min"):
    """A new published version of ``bron`` in which one figure the engine reads differs."""
    concept = parameterset_concept_maken(bron=bron, user=beheerder, omschrijving="Offerte")
    oud = Parameter.objects.get(parameterset=concept, sleutel=sleutel).waarde
    parameter_wijzigen(
        parameterset=concept, sleutel=sleutel, user=beheerder, bron="Offerte", waarde=oud + 1
    )
    return parameterset_vaststellen(parameterset=concept, user=beheerder)
