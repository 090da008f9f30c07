"""A plan in the elaboration with a recorded choice whose alternative has a finished step-2
calculation, a building stock, CBS figures for its buurt and the finance figures loaded, for
the tests of the housing costs. The calculation's summary is written directly (the engine has
its own tests): what this part reads is the summary's totals."""

from __future__ import annotations

import datetime

from django.utils import timezone

from keuze.models import Keuze
from techniek.models import Alternatief, Berekening, Gebouwvoorraad
from techniek.registratie import rechten_toekennen
from techniek.services.pbl_kentallen import pbl_kentallen_laden
from tests import factories
from uitwerking.services.parameters import financiele_kentallen_laden
from wijktoets.models import KerncijferRegio
from wup.constants import Fase
from wup.roles import ensure_roles

WONINGEN = [
    {
        "type": "rijwoning tussen",
        "bouwperiode": "1965 - 1974",
        "label": "E",
        "aantal": 60,
        "oppervlakte": 100.0,
    },
    {
        "type": "meergezins: laag en midden",
        "bouwperiode": "1930 - 1945",
        "label": "",
        "aantal": 40,
        "oppervlakte": 70.0,
    },
]

#: 100 dwelling equivalents: per dwelling 5,000 insulation, 1,000 installation, 30 GJ heat.
WARMTENET = {
    "investering_eur": 2_000_000.0,
    "woningequivalenten": 100.0,
    "kosten": [
        {
            "post": "Isolatie van de schil",
            "groep": "K08_Gebouw_schil",
            "investering_eur": 500_000.0,
        },
        {
            "post": "Aanpassing meterkast",
            "groep": "K09_Gebouw_installatie",
            "investering_eur": 100_000.0,
            "onderhoud_eur_jaar": 0.0,
        },
        {"post": "Afleversets", "groep": "K05_Wnet_pand", "investering_eur": 300_000.0},
    ],
    "jaarvraag_gj": {"warmte": 3000.0},
    "energie_gj": {
        "aardgas_gj": 400.0,
        "elektriciteit_gebouwen_gj": 900.0,
        "elektriciteit_apparatuur_gj": 900.0,
    },
    "nationale_kosten": {"basis": {"H16_Nat_meerkost": 1.0, "CO2_vermeden": 1.0}},
}
#: An all-electric heat pump: 9,000 installation per dwelling, electricity for heat 1,000 GJ.
WARMTEPOMP = {
    **WARMTENET,
    "kosten": [
        {
            "post": "Isolatie van de schil",
            "groep": "K08_Gebouw_schil",
            "investering_eur": 500_000.0,
        },
        {
            "post": "Warmtepompen",
            "groep": "K09_Gebouw_installatie",
            "investering_eur": 900_000.0,
            "onderhoud_eur_jaar": 12_000.0,
        },
    ],
    "energie_gj": {
        "aardgas_gj": 0.0,
        "elektriciteit_gebouwen_gj": 1900.0,
        "elektriciteit_apparatuur_gj": 900.0,
    },
}

CBS = {
    "woningvoorraad": 100,
    "koopwoningen_pct": 60.0,
    "corporatiewoningen_pct": 30.0,
    "overige_verhuurders_pct": 10.0,
    "aardgas_tussenwoning_m3": 1200.0,
    "aardgas_appartement_m3": 800.0,
    "aardgas_totaal_m3": 1040.0,
    "elektriciteit_tussenwoning_kwh": 2500.0,
    "elektriciteit_appartement_kwh": 1800.0,
    "elektriciteit_totaal_kwh": 2220.0,
    "huishoudens_laag_inkomen_pct": 9.0,
}


def financien():
    """PBL's set and the finance figures as a newer published version."""
    rechten_toekennen()
    ensure_roles()
    pbl_kentallen_laden()
    return financiele_kentallen_laden()


def cbs(code: str, **waarden) -> KerncijferRegio:
    return KerncijferRegio.objects.create(
        code=code,
        jaar=2024,
        soort="gemeente" if code.startswith("GM") else "buurt",
        naam=code,
        waarden=waarden,
        bijgewerkt_op=timezone.now(),
    )


def energiearmoede(plan) -> None:
    """The plan's buurt above the municipality on both low incomes and gas use."""
    KerncijferRegio.objects.filter(code=buurtcode(plan)).delete()
    cbs(buurtcode(plan), **{**CBS, "huishoudens_laag_inkomen_pct": 15.0})
    cbs(plan.gemeente.code, huishoudens_laag_inkomen_pct=8.0, aardgas_totaal_m3=900.0)


def buurtcode(plan) -> str:
    return plan.buurten.first().code


def berekend_alternatief(plan, naam="Warmtenet", sjabloon="S2a_B_Restwarmte", samenvatting=None):
    voorraad = Gebouwvoorraad.objects.get(wijkplan=plan)
    alt = Alternatief.objects.create(wijkplan=plan, sjabloon=sjabloon, naam=naam)
    Berekening.objects.create(
        alternatief=alt,
        invoer_hash="0" * 64,
        status=Berekening.Status.KLAAR,
        klaar_op=timezone.now(),
        voorraad={"bron": "tabel", "woningen": voorraad.woningen, "utiliteit": []},
        samenvatting=samenvatting or WARMTENET,
    )
    return alt


def kies(plan, alt) -> Keuze:
    return Keuze.objects.create(
        wijkplan=plan,
        alternatief=alt,
        alternatief_naam=alt.naam,
        motivatie="Laagste kosten voor Nederland.",
        participatie_afweging="Bewoners kozen vooral voor lage maandlasten.",
        orgaan="stuurgroep",
        besluitdatum=datetime.date.today(),
        analyse={},
    )


def woonlastenplan(
    gemeente,
    projectleider,
    *,
    sjabloon="S2a_B_Restwarmte",
    samenvatting=None,
    cijfers=None,
    laden=True,
    kiezen=True,
):
    """A plan in the elaboration, its choice on a calculated alternative, and (``laden``) the
    finance figures published."""
    if laden:
        financien()
    plan = factories.WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, fase=Fase.UITWERKING
    )
    cbs(buurtcode(plan), **(CBS if cijfers is None else cijfers))
    Gebouwvoorraad.objects.create(
        wijkplan=plan,
        bron=Gebouwvoorraad.Bron.TABEL,
        woningen=WONINGEN,
        utiliteit=[],
        invoer_hash=Gebouwvoorraad.hash_van(WONINGEN, []),
    )
    alt = berekend_alternatief(plan, sjabloon=sjabloon, samenvatting=samenvatting)
    if kiezen:
        kies(plan, alt)
    return plan
