"""What step 6's part 'uitvoeringsplan' registers with the core (gates, chapters, demo):

* the organisational conditions of ``aanbieden_aan_raad``
  (:mod:`besluitvorming.gates_uitvoeringsplan`): ``besluitvorming.uitvoeringsplan`` and
  ``besluitvorming.wgiw``;
* the plan document's chapters "Uitvoeringsplan" (order 60), "Wettelijke waarborgen (Wgiw)"
  (order 61), "Ontwerp-raadsbesluit" (order 90) and the annex "Rekenparameters en bronnen"
  (:mod:`besluitvorming.hoofdstuk_uitvoeringsplan`);
* the demo preparer ``besluitvorming.uitvoeringsplan``: the composition and an answer to every
  safeguard before a demo plan is offered to the council.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy

from wup.constants import Spoor
from wup.models import Wijkplan

DEMO_RANDVOORWAARDEN = (
    "Voorbeeld: de netbeheerder heeft genoeg capaciteit op het elektriciteitsnet.",
    "Voorbeeld: de subsidie voor de aanleg van het warmtenet is toegekend.",
)
DEMO_PROCESSTAPPEN = (
    (
        "Vergunningen aanvragen",
        "Omgevingsvergunning en afspraken over de openbare ruimte.",
        "Gemeente",
    ),
    ("Warmtenet aanleggen", "Bron, hoofdnet en aansluitingen.", "Warmtebedrijf"),
    ("Woningen aansluiten", "Per straat, met een energiecoach voor elke bewoner.", "Warmtebedrijf"),
)
DEMO_AGENDA = {
    "leefbaarheid": "Voorbeeld: bij het openbreken van de straat wordt ook het groen vernieuwd.",
    "armoede": "Voorbeeld: huishoudens met een laag inkomen krijgen een gratis energiecoach.",
    "klimaatadaptatie": "Voorbeeld: de riolering wordt tegelijk klaar gemaakt voor hevige regen.",
    "andere_werken": "Niet van toepassing: er zijn geen andere werken in de wijk gepland.",
}
DEMO_WAARBORGEN = {
    "betaalbaarheid": (
        "voldaan_met_voorwaarden",
        "Voorbeeld: de woonlasten blijven gelijk of dalen voor de meeste huishoudens; voor de "
        "andere is er een tegemoetkoming.",
    ),
    "redelijke_termijn": (
        "voldaan",
        "Voorbeeld: de bewoners horen het ruim op tijd, volgens de norm van de Wgiw.",
    ),
    "beschikbaarheid": (
        "voldaan",
        "Voorbeeld: het warmtenet is klaar voordat de gaslevering stopt.",
    ),
    "doenvermogen": (
        "voldaan_met_voorwaarden",
        "Voorbeeld: energiecoaches helpen bewoners die het zelf niet kunnen.",
    ),
    "keuzevrijheid": (
        "voldaan",
        "Voorbeeld: een bewoner mag ook kiezen voor een eigen warmtepomp.",
    ),
    "participatie": (
        "voldaan",
        "Voorbeeld: de bewoners zijn geraadpleegd op twee bewonersavonden.",
    ),
    "rechtsbescherming": (
        "voldaan",
        "Voorbeeld: tegen de wijziging van het omgevingsplan staat beroep open bij de Raad van "
        "State.",
    ),
}


def demo_uitvoeringsplan(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan is offered to the council: preconditions, process steps, a decision
    needed, the broader agenda, the timeline and an answer to every Wgiw safeguard, through
    the services. Does nothing for what the plan already has."""
    if overgang != "aanbieden_aan_raad":
        return
    from django.utils import timezone

    from besluitvorming import selectors_uitvoeringsplan as selectors
    from besluitvorming import services_uitvoeringsplan as services

    if not selectors.randvoorwaarden_van(plan):
        for tekst in DEMO_RANDVOORWAARDEN:
            services.randvoorwaarde_toevoegen(wijkplan=plan, user=projectleider, tekst=tekst)
    if not selectors.processtappen_van(plan):
        for naam, omschrijving, partij in DEMO_PROCESSTAPPEN:
            services.processtap_toevoegen(
                wijkplan=plan,
                user=projectleider,
                naam=naam,
                omschrijving=omschrijving,
                verantwoordelijke=partij,
            )
    vandaag = timezone.localdate()
    if not selectors.benodigde_besluiten_van(plan):
        services.benodigd_besluit_toevoegen(
            wijkplan=plan,
            user=projectleider,
            orgaan="gemeenteraad",
            onderwerp="Wijziging van het omgevingsplan: einde aardgaslevering",
            beoogde_datum=vandaag + datetime.timedelta(days=365),
        )
    s = selectors.samenstelling_van(plan)
    if s.einddatum_gaslevering is None or s.aankondigingstermijn_jaren is None:
        eind = datetime.date(vandaag.year + 9, 1, 1)
        realisatie = selectors.realisatie_eind(plan)
        if realisatie is not None and realisatie > eind:
            eind = datetime.date(realisatie.year + 1, 1, 1)
        services.samenstelling_opslaan(
            wijkplan=plan,
            user=projectleider,
            einddatum_gaslevering=eind,
            aankondigingstermijn_jaren=8,
            **{veld: getattr(s, veld) or DEMO_AGENDA[veld] for veld in selectors.THEMA_VELDEN},
        )
    beantwoord = selectors.waarborgen_van(plan)
    for punt, (status, antwoord) in DEMO_WAARBORGEN.items():
        if punt not in beantwoord:
            services.waarborg_opslaan(
                wijkplan=plan, user=projectleider, punt=punt, antwoord=antwoord, status=status
            )
    stdout.write(f"  {plan.naam}: uitvoeringsplan en Wgiw-waarborgen")


def register() -> None:
    from besluitvorming import gates_uitvoeringsplan as gates
    from besluitvorming import hoofdstuk_uitvoeringsplan as hoofdstuk
    from wup.registry import Chapter, chapters, demo_preparers
    from wup.workflow import gates as registry

    registry.register(
        key="besluitvorming.uitvoeringsplan",
        transition="aanbieden_aan_raad",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Uitvoeringsplan compleet"),
        url_name="besluitvorming-uitvoeringsplan",
    )(gates.samenstelling_compleet)
    registry.register(
        key="besluitvorming.wgiw",
        transition="aanbieden_aan_raad",
        spoor=Spoor.ORGANISATORISCH,
        label=gettext_lazy("Wettelijke waarborgen (Wgiw) beantwoord"),
        url_name="besluitvorming-wgiw",
    )(gates.waarborgen_beantwoord)
    for order, titel, template, context, annex in (
        (
            60,
            gettext_lazy("Uitvoeringsplan"),
            "besluitvorming/uitvoeringsplan/hoofdstuk.html",
            hoofdstuk.uitvoeringsplan_context,
            False,
        ),
        (
            61,
            gettext_lazy("Wettelijke waarborgen (Wgiw)"),
            "besluitvorming/uitvoeringsplan/hoofdstuk_wgiw.html",
            hoofdstuk.waarborgen_context,
            False,
        ),
        (
            90,
            gettext_lazy("Ontwerp-raadsbesluit"),
            "besluitvorming/uitvoeringsplan/raadsbesluit.html",
            hoofdstuk.raadsbesluit_context,
            False,
        ),
        (
            91,
            gettext_lazy("Rekenparameters en bronnen"),
            "besluitvorming/uitvoeringsplan/bijlage_parameters.html",
            hoofdstuk.bijlage_context,
            True,
        ),
    ):
        chapters.register(
            Chapter(
                order=order,
                app_label="besluitvorming",
                title=titel,
                template=template,
                context=context,
                annex=annex,
            )
        )
    demo_preparers.register("besluitvorming.uitvoeringsplan", demo_uitvoeringsplan)
