"""Building blocks of the consultation tests: a plan with two buurten and two alternatives, and
an open consultation with a code per buurt."""

from __future__ import annotations

import datetime

from django.utils import timezone

from participatie.models import Raadpleging
from participatie.services import raadplegingen as services
from techniek.models import Alternatief
from tests.factories import BuurtFactory, WijkFactory, WijkplanFactory

UUR = datetime.timedelta(hours=1)


def plan_met_alternatieven(gemeente, projectleider, **kwargs):
    wijk = WijkFactory(gemeente=gemeente)
    buurten = [
        BuurtFactory(wijk=wijk, code="BU99990001", naam="Centrum"),
        BuurtFactory(wijk=wijk, code="BU99990002", naam="Oost"),
    ]
    plan = WijkplanFactory(
        gemeente=gemeente, projectleider=projectleider, buurten=buurten, **kwargs
    )
    for sjabloon, naam in (("S1a_B_LuchtWP", "Luchtwarmtepomp"), ("S2a_B_Restwarmte", "Warmtenet")):
        Alternatief.objects.create(wijkplan=plan, sjabloon=sjabloon, naam=naam)
    return plan


def raadpleging(plan, user, *, deelname="codes", **kwargs) -> Raadpleging:
    nu = timezone.now()
    velden = {
        "titel": "Welk alternatief past bij uw buurt?",
        "inleiding": "We horen graag wat u vindt.",
        "deelname": deelname,
        "opent_op": nu - UUR,
        "sluit_op": nu + 24 * UUR,
        **kwargs,
    }
    return services.raadpleging_toevoegen(wijkplan=plan, user=user, **velden)


def vraag(r, user, soort, **kwargs):
    velden = {"soort": soort, "tekst": f"Vraag {soort}", **kwargs}
    return services.vraag_toevoegen(raadpleging=r, user=user, **velden)


def open_raadpleging(plan, user, *, deelname="codes", codes_per_buurt=2):
    """Released and open, with a preference, ranking, statement, multiple-choice and open
    question, and codes per buurt (for the code route)."""
    r = raadpleging(plan, user, deelname=deelname)
    vraag(r, user, "voorkeur", verplicht=True)
    vraag(r, user, "rangorde")
    vraag(r, user, "likert")
    vraag(r, user, "meerkeuze", opties="Fiets\nAuto\nBus", meerdere=True)
    vraag(r, user, "open")
    if deelname == "codes":
        services.codes_per_buurt(
            raadpleging=r,
            user=user,
            aantallen={b.pk: codes_per_buurt for b in plan.buurten.all()},
        )
    return services.raadpleging_vrijgeven(raadpleging=r, user=user)
