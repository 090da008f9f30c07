"""A plan in the elaboration phase with a recorded choice whose alternative has a finished
calculation of step 2, and the finance parameters loaded, for the tests of the business case.
The calculation's summary is written directly (the engine has its own tests): what the business
case reads is its cost items, the heat demand and the building stock."""

from __future__ import annotations

import datetime

from django.utils import timezone

from keuze.models import Keuze
from techniek.models import Alternatief, Berekening, Gebouwvoorraad
from techniek.selectors.parameters import huidige_parameterset
from tests import factories
from tests.techniek.alternatieven_hulp import pbl_set
from uitwerking.services.parameters import financiele_kentallen_laden
from wup.constants import Fase
from wup.models import Wijkplan

WONINGEN = [
    {
        "type": "rijwoning tussen",
        "bouwperiode": "1965",
        "label": "E",
        "aantal": 300.0,
        "oppervlakte": 98.5,
    },
    {
        "type": "meergezins: laag en midden",
        "bouwperiode": "1930 - 1945",
        "label": "D",
        "aantal": 100.0,
        "oppervlakte": 70.0,
    },
]
#: 400 dwellings; 400 * 40 GJ heat demand.
WARMTEVRAAG = 16_000.0
KOSTEN = [
    {
        "post": "Wijkleidingen",
        "groep": "K04_Wnet_buurt",
        "investering_eur": 4_000_000.0,
        "looptijd_jaar": 40.0,
        "onderhoud_eur_jaar": 40_000.0,
    },
    {
        "post": "Onderstations en pandaansluitingen",
        "groep": "K04_Wnet_buurt",
        "investering_eur": 1_000_000.0,
        "looptijd_jaar": 40.0,
        "onderhoud_eur_jaar": 10_000.0,
    },
    {
        "post": "Transportleiding",
        "groep": "K06_Wnet_transport",
        "investering_eur": 1_000_000.0,
        "looptijd_jaar": 40.0,
        "onderhoud_eur_jaar": 5_000.0,
    },
    {
        "post": "Restwarmtebron",
        "groep": "K07_Wnet_opwekking",
        "investering_eur": 2_000_000.0,
        "looptijd_jaar": 25.0,
        "onderhoud_eur_jaar": 40_000.0,
    },
    {
        "post": "Inpandige leidingen",
        "groep": "K05_Wnet_pand",
        "investering_eur": 1_200_000.0,
        "looptijd_jaar": 40.0,
        "onderhoud_eur_jaar": 12_000.0,
    },
    {
        "post": "Afleversets",
        "groep": "K05_Wnet_pand",
        "investering_eur": 800_000.0,
        "looptijd_jaar": 20.0,
        "onderhoud_eur_jaar": 8_000.0,
    },
    {
        "post": "Isolatie van de schil",
        "groep": "K08_Gebouw_schil",
        "investering_eur": 9e6,
        "looptijd_jaar": 40.0,
        "onderhoud_eur_jaar": 0.0,
    },
]


def parameters_laden():
    """PBL's set and the finance figures on top, as published versions."""
    pbl_set()
    return financiele_kentallen_laden()


def voorraad(plan: Wijkplan) -> Gebouwvoorraad:
    return Gebouwvoorraad.objects.create(
        wijkplan=plan,
        bron=Gebouwvoorraad.Bron.TABEL,
        woningen=WONINGEN,
        utiliteit=[],
        invoer_hash=Gebouwvoorraad.hash_van(WONINGEN, []),
    )


def berekening(alt: Alternatief, *, status=Berekening.Status.KLAAR, kosten=KOSTEN) -> Berekening:
    return Berekening.objects.create(
        alternatief=alt,
        parameterset=huidige_parameterset(),
        invoer_hash="0" * 64,
        status=status,
        klaar_op=timezone.now() if status == Berekening.Status.KLAAR else None,
        voorraad={"bron": "tabel", "woningen": WONINGEN, "utiliteit": []},
        samenvatting={
            "investering_eur": sum(k["investering_eur"] for k in kosten),
            "jaarvraag_gj": {"warmte": WARMTEVRAAG},
            "kosten": kosten,
        },
    )


def kies(plan: Wijkplan, alt: Alternatief) -> Keuze:
    return Keuze.objects.create(
        wijkplan=plan,
        alternatief=alt,
        alternatief_naam=alt.naam,
        motivatie="Laagste kosten voor Nederland.",
        participatie_afweging="Bewoners wogen mee.",
        orgaan="stuurgroep",
        besluitdatum=datetime.date.today(),
    )


def alternatief(plan: Wijkplan, naam: str = "Warmtenet restwarmte") -> Alternatief:
    return Alternatief.objects.create(wijkplan=plan, sjabloon="S2a_MT_Restwarmte", naam=naam)


def bc_plan(gemeente, projectleider, *, laden: bool = True, fase=Fase.UITWERKING) -> Wijkplan:
    """A plan led by ``projectleider`` in the elaboration phase with a chosen, calculated
    alternative ("Warmtenet restwarmte") and its building stock."""
    if laden:
        parameters_laden()
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    Wijkplan.objects.filter(pk=plan.pk).update(fase=fase)
    plan.refresh_from_db()
    voorraad(plan)
    alt = alternatief(plan)
    berekening(alt)
    kies(plan, alt)
    return plan
