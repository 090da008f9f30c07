"""The participation conditions for leaving the exploration (``start_keuze``), track
participatie. Registered from the AppConfig.

* ``participatie.plan``: a participation plan for the exploration phase exists. The choice
  ends the exploration, so the plan of that phase is the one that says how residents were
  involved in weighing the alternatives; plans for later phases do not count.
* ``participatie.raadpleging``: at least one closed consultation about the alternatives (with a
  preference or ranking question) that got at least one response. Or instead: a current
  deviation with the projectleider's motivation (e.g. residents were consulted in another way).

Each check answers for many plans at once in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Q
from django.utils import formats
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participatie import resultaten
from participatie.models import Participatieplan
from participatie.selectors import resultaten as selectors
from wup.constants import Fase, Spoor
from wup.models import Wijkplan
from wup.workflow import GateOutcome, gates

PLAN_FASE = Fase.VERKENNING


def participatieplan_verkenning(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """A participation plan for the exploration exists (one query)."""
    met_plan = dict(
        Participatieplan.objects.filter(
            Q(wijkplan__in=[p.pk for p in plans]), fase=PLAN_FASE
        ).values_list("wijkplan_id", "participatieniveau")
    )
    uitkomst = {}
    for plan in plans:
        niveau = met_plan.get(plan.pk)
        uitkomst[plan.pk] = (
            GateOutcome(
                True,
                _("er is een participatieplan voor de verkenning (trede: %(niveau)s).")
                % {"niveau": Participatieplan.Niveau(niveau).label.lower()},
            )
            if niveau
            else GateOutcome(
                False,
                _(
                    "er is nog geen participatieplan voor de verkenning. Schrijf op wie u "
                    "betrekt, hoe en hoeveel inspraak zij krijgen."
                ),
            )
        )
    return uitkomst


def _cijfers(raadpleging) -> str:
    """‘134 reacties (31 %)’, or without a percentage when nothing was issued to count against."""
    n = raadpleging.aantal_responsen
    tekst = _("%(n)d reactie") % {"n": n} if n == 1 else _("%(n)d reacties") % {"n": n}
    if raadpleging.aantal_codes:
        procent = resultaten.aandeel(n, raadpleging.aantal_codes)
        tekst += f" ({formats.number_format(round(procent), 0)} %)"
    return tekst


def _beschrijving(raadpleging) -> str:
    return _("raadpleging ‘%(titel)s’ gesloten op %(datum)s: %(cijfers)s") % {
        "titel": raadpleging.titel,
        "datum": localtime(raadpleging.sluit_op).strftime("%d-%m-%Y"),
        "cijfers": _cijfers(raadpleging),
    }


def raadpleging_gesloten(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """A closed consultation about the alternatives with responses, or a current deviation
    (two queries)."""
    raadplegingen = selectors.gesloten_over_alternatieven_many(plans)
    afwijkingen = selectors.huidige_afwijking_many(plans)
    uitkomst = {}
    for plan in plans:
        met_reacties = [r for r in raadplegingen[plan.pk] if r.aantal_responsen > 0]
        if met_reacties:
            uitkomst[plan.pk] = GateOutcome(True, _beschrijving(met_reacties[0]) + ".")
            continue
        afwijking = afwijkingen.get(plan.pk)
        if afwijking is not None:
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "er is geen gesloten raadpleging met reacties, maar de projectleider heeft op "
                    "%(datum)s gemotiveerd vastgelegd waarom het plan toch verder kan: "
                    "‘%(motivatie)s’"
                )
                % {
                    "datum": localtime(afwijking.op).strftime("%d-%m-%Y"),
                    "motivatie": afwijking.motivatie,
                },
            )
            continue
        zonder = raadplegingen[plan.pk]
        if zonder:
            reden = _(
                "de %(beschrijving)s. Een raadpleging over de alternatieven telt pas mee als "
                "er minstens één reactie is. Of leg gemotiveerd vast waarom het plan zonder "
                "raadpleging verder kan."
            ) % {"beschrijving": _beschrijving(zonder[0])}
        else:
            reden = _(
                "er is nog geen gesloten raadpleging over de alternatieven (met een vraag naar "
                "voorkeur of volgorde) met reacties. Houd zo'n raadpleging, of leg gemotiveerd "
                "vast waarom het plan zonder raadpleging verder kan."
            )
        uitkomst[plan.pk] = GateOutcome(False, reden)
    return uitkomst


def register() -> None:
    register_demo()
    gates.register(
        key="participatie.plan",
        transition="start_keuze",
        spoor=Spoor.PARTICIPATIE,
        label=gettext_lazy("Participatieplan voor de verkenning"),
        url_name="participatie-overzicht",
    )(participatieplan_verkenning)
    gates.register(
        key="participatie.raadpleging",
        transition="start_keuze",
        spoor=Spoor.PARTICIPATIE,
        label=gettext_lazy("Bewoners geraadpleegd over de alternatieven"),
        url_name="participatie-afwijking",
    )(raadpleging_gesloten)


def demo_participatie(stdout, plan: Wijkplan, overgang: str, projectleider) -> None:
    """Before a demo plan leaves the exploration: a participation plan for the exploration and,
    as the demo has no residents' responses, a motivated deviation (through the services)."""
    if overgang != "start_keuze":
        return
    from participatie.services.afwijking import afwijking_vastleggen
    from participatie.services.participatieplan import participatieplan_opslaan

    if not Participatieplan.objects.filter(wijkplan=plan, fase=PLAN_FASE).exists():
        participatieplan_opslaan(
            wijkplan=plan,
            user=projectleider,
            fase=PLAN_FASE,
            participatieniveau=Participatieplan.Niveau.RAADPLEGEN,
            doelen="Voorbeeld: bewoners kennen de alternatieven en geven hun voorkeur.",
        )
    if selectors.huidige_afwijking(plan) is None:
        afwijking_vastleggen(
            wijkplan=plan,
            user=projectleider,
            motivatie="Voorbeeld: de bewoners zijn op twee bewonersavonden geraadpleegd.",
        )


def register_demo() -> None:
    from wup.registry import demo_preparers

    demo_preparers.register("participatie.participatie", demo_participatie)
