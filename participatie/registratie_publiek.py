"""What the public page registers with the core: the demo data of ``make run``.

Each demo plan gets a published page with a short text, two news items, two frequently asked
questions and one upcoming evening, through the same services a projectleider uses. The core
calls the loaders before it makes the demo plans, so the loader also runs once more after the
demo's transaction commits, when every plan exists. Idempotent: a plan with a page is left alone.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from wup.registry import demo_loaders

NIEUWS = (
    (
        "De wijk gaat van het aardgas af: we beginnen met luisteren",
        "De komende maanden onderzoeken we samen met bewoners en bedrijven hoe de wijk in de "
        "toekomst verwarmd kan worden. Op deze pagina leest u steeds wat er gebeurt.",
    ),
    (
        "Eerste bewonersavond gepland",
        "Op de bewonersavond vertellen we wat we onderzoeken en horen we graag wat u belangrijk "
        "vindt. Meld u aan via deze pagina.",
    ),
)
FAQ = (
    (
        "Moet ik nu al iets doen?",
        "Nee. Er is nog niets besloten. Wilt u alvast iets doen, begin dan met isoleren: dat "
        "helpt bij elke oplossing.",
    ),
    (
        "Wat kost het mij?",
        "Dat weten we nog niet precies. Zodra de kosten zijn uitgerekend, staan ze op deze "
        "pagina. Er komt ook hulp voor wie het moeilijk kan betalen.",
    ),
)


def _projectleider(plan):
    from guardian.shortcuts import get_users_with_perms

    users = get_users_with_perms(
        plan, only_with_perms_in=["change_wijkplan"], with_group_users=False
    )
    return users.order_by("pk").first()


def demo_pagina(stdout, plan, projectleider) -> None:
    from participatie.models import Publicatie
    from participatie.services import publiek as services

    if plan.bevroren or projectleider is None:
        return
    if Publicatie.objects.filter(wijkplan=plan).exists():
        return
    services.publicatie_opslaan(
        wijkplan=plan,
        user=projectleider,
        gepubliceerd=True,
        waarom=(
            "De gemeente wil dat alle huizen en gebouwen in 2050 zonder aardgas verwarmd worden. "
            "Voor deze wijk zoeken we samen met u de beste manier: betaalbaar, betrouwbaar en "
            "met zo min mogelijk overlast."
        ),
        contact="Projectteam warmte, warmte@ermelo.example, telefoon 14 0577.",
    )
    for titel, tekst in NIEUWS:
        services.nieuws_opslaan(
            wijkplan=plan, user=projectleider, titel=titel, tekst_=tekst, publiceren=True
        )
    for i, (vraag, antwoord) in enumerate(FAQ):
        services.faq_opslaan(
            wijkplan=plan, user=projectleider, vraag=vraag, antwoord=antwoord, volgorde=i
        )
    begin = timezone.localtime().replace(hour=19, minute=30, second=0, microsecond=0)
    begin += datetime.timedelta(days=21)
    services.bijeenkomst_opslaan(
        wijkplan=plan,
        user=projectleider,
        titel="Bewonersavond: warmte in de wijk",
        locatie="Dorpshuis, Stationsstraat 10, Ermelo",
        begint_op=begin,
        eindigt_op=begin + datetime.timedelta(hours=2),
        capaciteit=80,
        omschrijving="Uitleg over het onderzoek, en daarna vragen stellen aan het projectteam.",
    )
    stdout.write(f"  {plan.naam}: publieke pagina met nieuws, vragen en een bewonersavond")


def _alle_paginas(stdout) -> None:
    from wup.models import Wijkplan

    for plan in Wijkplan.objects.filter(publicatie__isnull=True).order_by("pk"):
        demo_pagina(stdout, plan, _projectleider(plan))


def demo_paginas(stdout) -> None:
    """The plans of an earlier run now, and this run's new plans once they are committed."""
    from django.db import transaction

    _alle_paginas(stdout)
    transaction.on_commit(lambda: _alle_paginas(stdout))


def register() -> None:
    demo_loaders.register("participatie.publiek", demo_paginas)
