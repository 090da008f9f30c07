"""Building blocks of the privacy tests: a plan in which one resident signed up for an event,
asked a question, and answered two consultations (with a code from the letter and by e-mail),
and the decision that freezes it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from unittest import mock

from django.utils import timezone

from participatie.models import Bijeenkomst, EmailDeelname, Publicatie, Raadpleging, Responscode
from participatie.services import publiek, raadplegingen
from tests.participatie.raadpleging_opbouw import open_raadpleging, plan_met_alternatieven
from wup.constants import Fase
from wup.models import Faseovergang, Wijkplan

EMAIL = "jan.devries@voorbeeld.nl"


@dataclass
class Opzet:
    plan: Wijkplan
    code: Responscode
    deelname: EmailDeelname
    met_code: Raadpleging
    per_email: Raadpleging


def _antwoorden(r: Raadpleging) -> dict:
    vragen = {v.soort: v for v in r.vragen.all()}
    return {
        vragen["voorkeur"].pk: vragen["voorkeur"].opties[0]["sleutel"],
        vragen["likert"].pk: "4",
        vragen["open"].pk: "Graag op tijd bericht.",
    }


def plan_met_persoonsgegevens(
    gemeente, projectleider, *, email: str = EMAIL, bewaartermijn: int | None = 12
) -> Opzet:
    """``bewaartermijn`` None: the plan has no public page (the platform's default applies)."""
    plan = plan_met_alternatieven(gemeente, projectleider)
    if bewaartermijn is not None:
        Publicatie.objects.create(
            wijkplan=plan, gepubliceerd=True, bewaartermijn_maanden=bewaartermijn
        )
    avond = Bijeenkomst.objects.create(
        wijkplan=plan,
        titel="Bewonersavond",
        locatie="Dorpshuis",
        begint_op=timezone.now() + datetime.timedelta(days=7),
    )
    publiek.aanmelding_maken(
        bijeenkomst=avond,
        naam="Jan de Vries",
        email=email,
        aantal_personen=2,
        basis_url="https://gemeente.example",
    )
    publiek.inbreng_indienen(
        wijkplan=plan, soort="vraag", tekst_="Wanneer begint het?", naam="Jan", email=email
    )
    met_code = open_raadpleging(plan, projectleider, codes_per_buurt=1)
    code = met_code.codes.first()
    Responscode.objects.filter(pk=code.pk).update(adres="Dorpsstraat 1")
    raadplegingen.respons_opslaan(
        raadpleging=met_code,
        antwoorden=_antwoorden(met_code),
        groep="eigenaar_bewoner",
        responscode=code,
    )
    per_email = open_raadpleging(plan, projectleider, deelname="email")
    deelname = raadplegingen.email_link_aanvragen(
        raadpleging=per_email, email=email, link=lambda sleutel: f"https://x.example/{sleutel}"
    )
    raadplegingen.respons_opslaan(
        raadpleging=per_email,
        antwoorden=_antwoorden(per_email),
        groep="huurder_corporatie",
        email_deelname=deelname,
        buurt=raadplegingen.ONBEKENDE_BUURT,
    )
    return Opzet(plan, code, deelname, met_code, per_email)


def besluiten(
    plan: Wijkplan, fase: str = Fase.VASTGESTELD, *, op: datetime.datetime | None = None
) -> Faseovergang:
    """The council's decision (or the stop) as the plan's history records it, now or ``op``
    (the history stamps its own time, so the clock is set back for a decision in the past)."""
    vorige = Wijkplan.objects.get(pk=plan.pk).fase
    Wijkplan.objects.filter(pk=plan.pk).update(fase=fase)
    with mock.patch("django.utils.timezone.now", return_value=op or timezone.now()):
        return Faseovergang.objects.create(
            wijkplan=plan, overgang="vaststellen", van_fase=vorige, naar_fase=fase
        )
