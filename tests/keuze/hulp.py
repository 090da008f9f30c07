"""A plan in the choice phase with alternatives whose calculations are finished, for the tests
of step 4. The calculations' summaries are written directly (the engine has its own tests):
what step 4 reads is the summary's figures."""

from __future__ import annotations

import datetime

from django.utils import timezone

from keuze import services
from techniek.models import Alternatief, Berekening
from tests import factories
from wup.constants import Fase
from wup.models import Wijkplan

#: name -> (H16 extra national costs €/yr, avoided CO2 t/yr)
STANDAARD = {
    "Warmtenet": (400_000.0, 900.0),
    "Luchtwarmtepomp": (250_000.0, 700.0),
    "Hybride warmtepomp": (150_000.0, 400.0),
}


def berekend_alternatief(plan: Wijkplan, naam: str, meerkosten: float, co2: float) -> Alternatief:
    alt = Alternatief.objects.create(wijkplan=plan, sjabloon="S1a_B_LuchtWP", naam=naam)
    Berekening.objects.create(
        alternatief=alt,
        invoer_hash="0" * 64,
        status=Berekening.Status.KLAAR,
        klaar_op=timezone.now(),
        samenvatting={
            "investering_eur": meerkosten * 20,
            "nationale_kosten": {
                "basis": {"H16_Nat_meerkost": meerkosten, "CO2_vermeden": co2, "Totaal": 1.0}
            },
            "referentie": {"co2_ton": 1000.0},
        },
    )
    return alt


def keuzeplan(gemeente, projectleider, alternatieven=STANDAARD) -> Wijkplan:
    """A plan led by ``projectleider`` in the choice phase with calculated alternatives."""
    plan = factories.WijkplanFactory(gemeente=gemeente, projectleider=projectleider)
    Wijkplan.objects.filter(pk=plan.pk).update(fase=Fase.KEUZE)
    plan.refresh_from_db()
    for naam, (meerkosten, co2) in alternatieven.items():
        berekend_alternatief(plan, naam, meerkosten, co2)
    return plan


#: name, weight, direction, unit, source, confidence of the criteria of :func:`kader`
KADER = (
    (
        "Nationale kosten",
        40,
        "lager_beter",
        "euro per jaar",
        "techniek:nk.H16_Nat_meerkost",
        "hoog",
    ),
    ("CO2", 30, "hoger_beter", "ton per jaar", "techniek:nk.CO2_vermeden", "hoog"),
    ("Haalbaarheid", 30, "hoger_beter", "score 1–5", "handmatig", "laag"),
)
STEUN = ("Steun", 20, "hoger_beter", "score 0–100", "participatie:steun", "middel")


def kader(plan, projectleider, *, steun: bool = False):
    """Two automatic criteria (costs, CO2), one expert criterion with scores 2, 4, 5 for the
    alternatives in order, and optionally the support criterion."""
    criteria = [
        services.criterium_toevoegen(
            wijkplan=plan,
            user=projectleider,
            naam=naam,
            toelichting=f"Waarom {naam} telt.",
            gewicht=gewicht,
            richting=richting,
            eenheid=eenheid,
            bron=bron,
            zekerheid=zekerheid,
        )
        for naam, gewicht, richting, eenheid, bron, zekerheid in KADER + ((STEUN,) if steun else ())
    ]
    services.scores_opslaan(
        criterium=criteria[2],
        user=projectleider,
        scores={
            a.pk: (s, f"Toelichting bij {a.naam}")
            for a, s in zip(plan.alternatieven.order_by("pk"), (2, 4, 5), strict=False)
        },
    )
    return criteria


def keuze_velden(**anders) -> dict:
    return {
        "motivatie": "Laagste kosten voor Nederland bij een goede CO2-reductie.",
        "participatie_afweging": "De bewoners kozen op de avonden vooral voor de warmtepomp.",
        "reden_zonder_participatie": "",
        "orgaan": "stuurgroep",
        "besluitdatum": datetime.date.today(),
        "kenmerk": "SG-2026-14",
        **anders,
    }
