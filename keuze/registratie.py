"""What step 4 registers with the core and with step 3 (called from the AppConfig):

* the conditions of ``start_uitwerking`` (:mod:`keuze.gates`): ``keuze.beoordeeld``,
  ``keuze.participatie`` and ``keuze.vastgelegd``;
* the plan document's chapter "Keuze warmteoplossing" (order 40, :mod:`keuze.hoofdstuk`);
* the block "De keuze" on the public participation page (:func:`publiek_blok`);
* the demo preparer ``keuze.keuze``: a framework, expert scores and a choice before a demo plan
  leaves the choice phase.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from keuze import bronnen, selectors
from wup.constants import Spoor
from wup.models import Wijkplan

#: How many alternatives of the ranking the public page names.
PUBLIEK_TOP = 3


def publiek_blok(plan: Wijkplan) -> dict:
    """The current choice for residents: the alternative, why, how their views were weighed,
    the conditions, who decided and when, and the top of the ranking (one query). Never the
    name of the person who recorded it."""
    from wup.models import Besluit

    keuze = selectors.huidige_keuze(plan)
    if keuze is None:
        return {"keuze_publiek": None}
    uitkomst = selectors.momentopname(keuze).uitkomst
    return {
        "keuze_publiek": {
            "alternatief": keuze.alternatief_naam,
            "motivatie": keuze.motivatie,
            "participatie_afweging": keuze.participatie_afweging,
            "reden_zonder_participatie": keuze.reden_zonder_participatie,
            "afwijkende_standpunten": keuze.afwijkende_standpunten,
            "voorwaarden": keuze.voorwaarden,
            "orgaan": dict(Besluit.Orgaan.choices).get(keuze.orgaan, keuze.orgaan),
            "datum": keuze.besluitdatum,
            "top": [
                {"naam": p.naam, "rang": p.rang, "totaal": round(p.totaal)}
                for p in (uitkomst.rangorde[:PUBLIEK_TOP] if uitkomst else ())
            ],
            "aantal": len(uitkomst.rangorde) if uitkomst else 0,
        }
    }


# --- Demo ---------------------------------------------------------------------------------------

#: Expert scores of the demo per unit, for the alternatives in order (the list repeats).
DEMO_SCORES = {
    "score 1–5": (4, 3, 5, 2),
    "euro per maand per woning": (35, 20, 45, 30),
}


def demo_keuze(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the choice phase: the standard framework, a score with its
    explanation for every expert criterion and alternative, and the choice of the best ranked
    alternative, through the services.

    This runs before step 3's demo consultation, so the support criterion has no scores yet
    and is left out of the analysis: the choice says why. Criteria fed by step 2's figures count
    when the demo's calculations are finished and are left out otherwise; the expert criteria
    alone rank the alternatives, so the demo plan can always move on."""
    if overgang != "start_uitwerking" or selectors.huidige_keuze(plan) is not None:
        return
    import datetime

    from django.utils import timezone

    from keuze import services

    if not selectors.criteria_van(plan):
        services.standaardkader_toevoegen(wijkplan=plan, user=projectleider)
    alternatieven = selectors.beoordeling_van(plan).alternatieven
    for criterium in selectors.criteria_van(plan):
        if criterium.bron != bronnen.HANDMATIG:
            continue
        waarden = DEMO_SCORES.get(criterium.eenheid, (3, 4, 2, 5))
        services.scores_opslaan(
            criterium=criterium,
            user=projectleider,
            scores={
                a.pk: (
                    waarden[i % len(waarden)],
                    f"Voorbeeld: inschatting van het projectteam voor {a.naam}.",
                )
                for i, a in enumerate(alternatieven)
            },
        )
    analyse = selectors.analyse_van(plan)
    if analyse.uitkomst is None or len(analyse.volledig_beoordeeld) < 2:
        return
    services.keuze_vastleggen(
        wijkplan=plan,
        user=projectleider,
        alternatief_id=analyse.volledig_beoordeeld[0],
        motivatie="Voorbeeld: dit alternatief scoort het best op de criteria samen.",
        participatie_afweging=(
            "Voorbeeld: op de bewonersavonden gaven bewoners vooral om de maandlasten; dat "
            "criterium kreeg daarom een groot gewicht."
        ),
        reden_zonder_participatie=(
            "Voorbeeld: de raadpleging liep nog; de bewonersavonden zijn wel meegewogen."
        ),
        orgaan="stuurgroep",
        besluitdatum=timezone.localdate() - datetime.timedelta(days=1),
        kenmerk="SG-demo-1",
        verouderd_bevestigd=True,
        vorige_keuze_id=None,
    )
    stdout.write(f"  {plan.naam}: keuze voor {analyse.alternatief(analyse.volledig_beoordeeld[0])}")


def register() -> None:
    from keuze import gates
    from keuze.hoofdstuk import hoofdstuk_context
    from participatie import publiek_blokken
    from wup.registry import Chapter, chapters, demo_preparers
    from wup.workflow import gates as registry

    for key, spoor, label, url_name, check in (
        (
            "keuze.beoordeeld",
            Spoor.TECHNISCH_ECONOMISCH,
            gettext_lazy("Keuze rust op minstens twee volledig beoordeelde alternatieven"),
            "keuze-overzicht",
            gates.keuze_beoordeeld,
        ),
        (
            "keuze.participatie",
            Spoor.PARTICIPATIE,
            gettext_lazy("Steun van bewoners meegewogen"),
            "keuze-vastleggen",
            gates.keuze_participatie,
        ),
        (
            "keuze.vastgelegd",
            Spoor.ORGANISATORISCH,
            gettext_lazy("Keuze gemotiveerd vastgelegd in de besluitenlijst"),
            "keuze-vastleggen",
            gates.keuze_vastgelegd,
        ),
    ):
        registry.register(
            key=key,
            transition="start_uitwerking",
            spoor=spoor,
            label=label,
            url_name=url_name,
        )(check)
    chapters.register(
        Chapter(
            order=40,
            app_label="keuze",
            title=gettext_lazy("Keuze warmteoplossing"),
            template="keuze/hoofdstuk.html",
            context=hoofdstuk_context,
        )
    )
    publiek_blokken.register(publiek_blok, template="keuze/publiek_blok.html")
    demo_preparers.register("keuze.keuze", demo_keuze)
