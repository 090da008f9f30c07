"""A closed consultation with responses, built straight in the database for the tests of the
results, the gate, the chapter and the API."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.db.models import JSONField, Value
from django.utils import timezone

from participatie.models import (
    Aanmelding,
    Antwoord,
    Bijeenkomst,
    Raadpleging,
    Respons,
    Responscode,
    Vraag,
)

_codes = itertools.count(1)

OPTIES = [
    {"sleutel": "warmtenet", "label": "Warmtenet", "alternatief": 101},
    {"sleutel": "warmtepomp", "label": "Warmtepomp", "alternatief": 102},
]


def raadpleging(plan, *, gesloten=True, titel="Hoe wilt u verwarmen?", deelname="codes", **kw):
    nu = timezone.now()
    opent = nu - timedelta(days=30)
    return Raadpleging.objects.create(
        wijkplan=plan,
        titel=titel,
        deelname=deelname,
        opent_op=opent,
        sluit_op=nu - timedelta(days=1) if gesloten else nu + timedelta(days=10),
        vrijgegeven_op=opent - timedelta(days=1),
        **kw,
    )


def vraag(raadpleging_, soort="voorkeur", *, opties=None, volgorde=None, tekst=None):
    return Vraag.objects.create(
        raadpleging=raadpleging_,
        volgorde=volgorde or raadpleging_.vragen.count() + 1,
        soort=soort,
        tekst=tekst or f"Vraag over {soort}",
        opties=OPTIES if opties is None and soort in ("voorkeur", "rangorde") else (opties or []),
    )


def codes(raadpleging_, buurt, n: int) -> list[Responscode]:
    return [
        Responscode.objects.create(
            raadpleging=raadpleging_,
            code=f"C{next(_codes):08d}",
            buurt=buurt,
            adres=f"Dorpsstraat {i}",
        )
        for i in range(n)
    ]


def respons(raadpleging_, antwoorden: dict, *, buurt=None, groep="eigenaar_bewoner", code=None):
    r = Respons.objects.create(raadpleging=raadpleging_, buurt=buurt, groep=groep, responscode=code)
    for v, waarde in antwoorden.items():
        # "weet ik niet" is JSON null, not an empty column
        Antwoord.objects.create(
            respons=r, vraag=v, waarde=Value(None, JSONField()) if waarde is None else waarde
        )
    return r


def meelezer(plan):
    """Someone who may see the plan without being its projectleider."""
    from guardian.shortcuts import assign_perm

    from tests import factories

    user = factories.projectleider(plan.gemeente)
    assign_perm("wup.view_wijkplan", user, plan)
    return user


def met_uitslag(plan, *, voorkeuren: list[str], codes_per_buurt: int = 0, **kw):
    """A closed consultation with one preference question and these answers, one response
    each; with ``codes_per_buurt`` codes issued in the plan's first buurt."""
    r = raadpleging(plan, **kw)
    v = vraag(r)
    buurt = plan.buurten.first()
    uitgegeven = codes(r, buurt, codes_per_buurt)
    for i, keuze in enumerate(voorkeuren):
        respons(
            r,
            {v: keuze} if keuze else {},
            buurt=buurt,
            code=uitgegeven[i] if i < len(uitgegeven) else None,
        )
    return r, v


def bijeenkomst_met_aanmelding(plan, *, over_dagen: int, personen: int, **kw) -> Bijeenkomst:
    """An event (``over_dagen`` from now, negative = held) with one sign-up by Kees Klaassen."""
    avond = Bijeenkomst.objects.create(
        wijkplan=plan,
        titel="Bewonersavond",
        locatie="Buurthuis",
        begint_op=timezone.now() + timedelta(days=over_dagen),
        **kw,
    )
    Aanmelding.objects.create(
        bijeenkomst=avond,
        naam="Kees Klaassen",
        email="kees@example.org",
        aantal_personen=personen,
        sleutel_hash=f"{next(_codes):064d}",
    )
    return avond
