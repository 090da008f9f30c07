"""What a resident finds online: a published page with news, FAQ, an event, an answered
question, an open consultation with response codes and the result of a closed one."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils import timezone

from participatie.models import Bijeenkomst, Raadpleging, Responscode
from participatie.registratie_publiek import demo_pagina
from participatie.services import publiek, raadplegingen
from tests.participatie.raadpleging_opbouw import UUR, open_raadpleging, plan_met_alternatieven
from wup.models import Wijkplan


@dataclass
class Wereld:
    plan: Wijkplan
    bijeenkomst: Bijeenkomst
    open: Raadpleging
    gesloten: Raadpleging
    codes: list[Responscode]


def _antwoorden(r: Raadpleging, i: int) -> dict:
    vragen = {v.soort: v for v in r.vragen.all()}
    voorkeur, rangorde = vragen["voorkeur"], vragen["rangorde"]
    sleutels = [o["sleutel"] for o in rangorde.opties]
    if i % 2:
        sleutels.reverse()
    return {
        voorkeur.pk: voorkeur.opties[i % len(voorkeur.opties)]["sleutel"],
        rangorde.pk: {k: str(n) for n, k in enumerate(sleutels, start=1)},
        vragen["likert"].pk: str(1 + i % 5),
        vragen["meerkeuze"].pk: ["optie-1"],
    }


def wereld(gemeente, projectleider) -> Wereld:
    plan = plan_met_alternatieven(gemeente, projectleider)
    demo_pagina(io.StringIO(), plan, projectleider)
    vraag = publiek.inbreng_indienen(
        wijkplan=plan, soort="vraag", tekst_="Wordt mijn straat opengebroken?", naam="Els"
    )
    publiek.inbreng_modereren(
        inbreng=vraag,
        user=projectleider,
        actie="publiceren",
        antwoord="Dat weten we nog niet; we laten het ruim van tevoren weten.",
    )
    # A closed consultation with enough responses to show its result.
    gesloten = open_raadpleging(plan, projectleider, codes_per_buurt=6)
    for i, code in enumerate(gesloten.codes.all()):
        raadplegingen.respons_opslaan(
            raadpleging=gesloten,
            antwoorden=_antwoorden(gesloten, i),
            groep="eigenaar_bewoner" if i % 3 else "huurder_corporatie",
            responscode=code,
        )
    nu = timezone.now()
    Raadpleging.objects.filter(pk=gesloten.pk).update(
        titel="Wat vindt u belangrijk?", opent_op=nu - 48 * UUR, sluit_op=nu - UUR
    )
    gesloten.refresh_from_db()
    open_ = open_raadpleging(plan, projectleider, codes_per_buurt=2)
    return Wereld(
        plan=plan,
        bijeenkomst=plan.bijeenkomsten.get(),
        open=open_,
        gesloten=gesloten,
        codes=list(open_.codes.order_by("pk")),
    )
