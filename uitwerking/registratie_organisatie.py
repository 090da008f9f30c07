"""What step 5's part 'organisatie' registers with the core (gates, chapters, demo preparers):

* the organisational conditions of ``start_uitvoeringsplan`` (:mod:`uitwerking.gates_organisatie`):
  ``uitwerking.rollen``, ``uitwerking.risicos`` and ``uitwerking.planning``;
* the plan document's chapter "Organisatie en governance" (order 53,
  :mod:`uitwerking.hoofdstuk_organisatie`);
* the demo preparer ``uitwerking.organisatie``: parties, activities with their roles and the
  agreement on them, a governance choice, risks and a planning before a demo plan leaves the
  uitwerking phase.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy

from wup.constants import Spoor
from wup.models import Wijkplan

BEWONERS = "Bewoners en VvE's"
#: The demo's roles per standard activity, by party: (A, R's, C's, I's).
DEMO_RACI = {
    "Ontwerp warmtesysteem": ("Gemeente", ("Warmtebedrijf",), ("Netbeheerder",), (BEWONERS,)),
    "Financiering": ("Gemeente", ("Warmtebedrijf",), ("Woningcorporatie",), ()),
    "Vergunningen": ("Gemeente", ("Warmtebedrijf",), (), (BEWONERS,)),
    "Aanleg warmtenet": ("Warmtebedrijf", ("Netbeheerder",), ("Gemeente",), (BEWONERS,)),
    "Aansluiten woningen": (
        "Warmtebedrijf",
        ("Netbeheerder",),
        ("Woningcorporatie",),
        (BEWONERS,),
    ),
    "Isolatie woningen": ("Woningcorporatie", (BEWONERS,), ("Gemeente",), ()),
    "Communicatie bewoners": (
        "Gemeente",
        ("Warmtebedrijf",),
        ("Woningcorporatie",),
        (BEWONERS,),
    ),
    "Beheer en onderhoud": ("Warmtebedrijf", ("Netbeheerder",), (), ("Gemeente",)),
}

DEMO_RISICOS = (
    {
        "titel": "Bron levert minder warmte dan verwacht",
        "omschrijving": "Voorbeeld: de restwarmte van de industrie is in de winter lager.",
        "categorie": "techniek",
        "kans": 3,
        "impact": 5,
        "eigenaar": "Warmtebedrijf",
        "beheersmaatregel": "Voorbeeld: een hulpketel en een buffer in het ontwerp.",
        "status": "in_behandeling",
    },
    {
        "titel": "Te weinig bewoners doen mee",
        "omschrijving": "Voorbeeld: de businesscase vraagt dat 70% van de woningen aansluit.",
        "categorie": "participatie",
        "kans": 3,
        "impact": 4,
        "eigenaar": "Gemeente",
        "beheersmaatregel": "Voorbeeld: een warmteaanbod met vaste prijs en energiecoaches.",
        "status": "open",
    },
    {
        "titel": "Subsidie wordt niet toegekend",
        "omschrijving": "",
        "categorie": "financieel",
        "kans": 2,
        "impact": 4,
        "eigenaar": "Gemeente",
        "beheersmaatregel": "",
        "status": "open",
    },
    {
        "titel": "Vertraging door drukte in de ondergrond",
        "omschrijving": "",
        "categorie": "planning",
        "kans": 3,
        "impact": 2,
        "eigenaar": "Netbeheerder",
        "beheersmaatregel": "Voorbeeld: samen plannen met de rioolvervanging.",
        "status": "open",
    },
)

#: (name, months from now to the start, duration in months, milestone, party)
DEMO_FASEN = (
    ("Ontwerp en vergunningen", 3, 9, "Vergunning verleend", "Warmtebedrijf"),
    ("Aanleg hoofdnet", 12, 12, "Bron en hoofdnet klaar", "Warmtebedrijf"),
    ("Aansluiten woningen", 20, 18, "Alle woningen aangesloten", "Warmtebedrijf"),
    ("Gasnet verwijderen", 38, 6, "Wijk aardgasvrij", "Netbeheerder"),
)


def _maand(d: datetime.date, maanden: int) -> datetime.date:
    jaar, maand = divmod(d.month - 1 + maanden, 12)
    return datetime.date(d.year + jaar, maand + 1, 1)


def demo_organisatie(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the uitwerking phase: the standard parties and activities with
    a valid RACI and the agreement on it, a governance choice, four risks (one high, with a
    mitigation) and four phases, through the services. Does nothing when the plan already has
    an agreement on the roles."""
    if overgang != "start_uitvoeringsplan":
        return
    from django.utils import timezone

    from uitwerking.selectors import organisatie as selectors
    from uitwerking.services import organisatie as services

    if selectors.akkoorden_van(plan):
        return
    services.standaardpartijen_toevoegen(wijkplan=plan, user=projectleider)
    services.standaardactiviteiten_toevoegen(wijkplan=plan, user=projectleider)
    partijen = {p.naam: p.pk for p in selectors.partijen_van(plan)}
    rollen: dict[tuple[int, int], str] = {}
    for activiteit in selectors.activiteiten_van(plan):
        a, rs, cs, i_s = DEMO_RACI.get(activiteit.naam, ("Gemeente", ("Gemeente",), (), ()))
        for naam in i_s:
            rollen[(activiteit.pk, partijen[naam])] = "I"
        for naam in cs:
            rollen[(activiteit.pk, partijen[naam])] = "C"
        for naam in rs:
            rollen[(activiteit.pk, partijen[naam])] = "R"
        rollen[(activiteit.pk, partijen[a])] = "A"
    services.raci_opslaan(wijkplan=plan, user=projectleider, rollen=rollen)
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    services.rollen_akkoord_vastleggen(
        wijkplan=plan, user=projectleider, datum=gisteren, orgaan="stuurgroep", kenmerk="SG-demo-2"
    )
    if selectors.huidige_governance(plan) is None:
        services.governance_vastleggen(
            wijkplan=plan,
            user=projectleider,
            model="publiek_privaat",
            motivatie=(
                "Voorbeeld: de gemeente wil zeggenschap over de prijs houden, het warmtebedrijf "
                "brengt de kennis van aanleg en exploitatie mee."
            ),
            datum=gisteren,
            orgaan="college",
            kenmerk="BW-demo-3",
        )
    if not selectors.risicos_van(plan):
        for risico in DEMO_RISICOS:
            services.risico_toevoegen(
                wijkplan=plan,
                user=projectleider,
                **{**risico, "eigenaar": partijen.get(risico["eigenaar"])},
            )
    if not selectors.fasen_van(plan):
        vandaag = timezone.localdate()
        for naam, start, duur, mijlpaal, partij in DEMO_FASEN:
            services.fase_toevoegen(
                wijkplan=plan,
                user=projectleider,
                naam=naam,
                begindatum=_maand(vandaag, start),
                einddatum=_maand(vandaag, start + duur) - datetime.timedelta(days=1),
                mijlpaal=mijlpaal,
                verantwoordelijke=partijen.get(partij),
            )
    stdout.write(f"  {plan.naam}: rollen, governance, risico's en planning")


def register() -> None:
    from uitwerking import gates_organisatie as gates
    from uitwerking.hoofdstuk_organisatie import hoofdstuk_context
    from wup.registry import Chapter, chapters, demo_preparers
    from wup.workflow import gates as registry

    for key, label, url_name, check in (
        (
            "uitwerking.rollen",
            gettext_lazy("Rollen en verantwoordelijkheden afgesproken"),
            "uitwerking-raci",
            gates.rollen_afgesproken,
        ),
        (
            "uitwerking.risicos",
            gettext_lazy("Risico's in beeld, hoge risico's met een beheersmaatregel"),
            "uitwerking-risicos",
            gates.risicos_beheerst,
        ),
        (
            "uitwerking.planning",
            gettext_lazy("Realisatieplanning met fasen en data"),
            "uitwerking-planning",
            gates.planning_gemaakt,
        ),
    ):
        registry.register(
            key=key,
            transition="start_uitvoeringsplan",
            spoor=Spoor.ORGANISATORISCH,
            label=label,
            url_name=url_name,
        )(check)
    chapters.register(
        Chapter(
            order=53,
            app_label="uitwerking",
            title=gettext_lazy("Organisatie en governance"),
            template="uitwerking/organisatie/hoofdstuk.html",
            context=hoofdstuk_context,
        )
    )
    demo_preparers.register("uitwerking.organisatie", demo_organisatie)
