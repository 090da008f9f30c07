"""The conditions of step 4 for leaving the choice phase (``start_uitwerking``), one per track.
Registered from :mod:`keuze.registratie`.

* ``keuze.beoordeeld`` (technisch-economisch): the current choice rests on at least two
  alternatives assessed on every criterion (read from the analysis the choice kept).
* ``keuze.participatie`` (participatie): that analysis had step 3's support scores, or the
  choice records why it was made without them.
* ``keuze.vastgelegd`` (organisatorisch): a current choice with its motivation, in the plan's
  decisions log.

Every check answers for many plans at once in a fixed number of queries; what the choice
rested on is read from its snapshot, not from the live matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from keuze import selectors
from wup.models import Besluit, Wijkplan
from wup.workflow import GateOutcome

MIN_BEOORDEELD = 2
BRON = "keuze"


def _geen_keuze() -> GateOutcome:
    return GateOutcome(
        False,
        _(
            "er is nog geen keuze vastgelegd. Beoordeel minstens twee alternatieven op alle "
            "criteria en leg de keuze vast."
        ),
    )


def keuze_beoordeeld(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The current choice rests on >= 2 completely assessed alternatives (one query)."""
    keuzes = selectors.huidige_keuzes_many(plans)
    uitkomst = {}
    for plan in plans:
        keuze = keuzes.get(plan.pk)
        if keuze is None:
            uitkomst[plan.pk] = _geen_keuze()
            continue
        n = selectors.momentopname(keuze).aantal_beoordeeld
        if n >= MIN_BEOORDEELD:
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "de keuze voor ‘%(naam)s’ rust op %(n)d alternatieven die op alle criteria "
                    "zijn beoordeeld."
                )
                % {"naam": keuze.alternatief_naam, "n": n},
            )
        else:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de keuze voor ‘%(naam)s’ rust op %(n)d volledig beoordeeld alternatief; "
                    "dat moeten er minstens %(min)d zijn. Vul de ontbrekende scores in en leg "
                    "de keuze opnieuw vast."
                )
                % {"naam": keuze.alternatief_naam, "n": n, "min": MIN_BEOORDEELD},
            )
    return uitkomst


def keuze_participatie(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The choice's analysis had step 3's support scores, or the choice says why not (one
    query)."""
    keuzes = selectors.huidige_keuzes_many(plans)
    uitkomst = {}
    for plan in plans:
        keuze = keuzes.get(plan.pk)
        if keuze is None:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "er is nog geen keuze vastgelegd. Neem de steunscores uit de raadpleging van "
                    "bewoners mee in de beoordeling, of schrijf bij de keuze op waarom dat niet "
                    "kon."
                ),
            )
        elif selectors.momentopname(keuze).heeft_steun:
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "de steunscores uit de raadpleging van bewoners telden mee in de beoordeling "
                    "waarop de keuze rust."
                ),
            )
        elif keuze.reden_zonder_participatie.strip():
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "de keuze is gemaakt zonder steunscores van bewoners. De reden daarvoor: "
                    "‘%(reden)s’"
                )
                % {"reden": keuze.reden_zonder_participatie.strip()},
            )
        else:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de keuze is gemaakt zonder steunscores van bewoners en zonder reden "
                    "waarom. Leg de keuze opnieuw vast met de steunscores of met die reden."
                ),
            )
    return uitkomst


def keuze_vastgelegd(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """A current choice with motivation that is in the decisions log (two queries)."""
    keuzes = selectors.huidige_keuzes_many(plans)
    in_lijst = set(
        Besluit.objects.filter(
            wijkplan__in=[k.wijkplan_id for k in keuzes.values()],
            bron=BRON,
            vervangen_door__isnull=True,
        ).values_list("wijkplan_id", "datum", "orgaan")
    )
    organen = dict(Besluit.Orgaan.choices)
    uitkomst = {}
    for plan in plans:
        keuze = keuzes.get(plan.pk)
        if keuze is None:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "er is nog geen keuze vastgelegd. Leg vast welk alternatief gekozen is, "
                    "waarom, wie het besloot en wanneer."
                ),
            )
            continue
        if not keuze.motivatie.strip():
            uitkomst[plan.pk] = GateOutcome(
                False,
                _("de keuze voor ‘%(naam)s’ heeft geen motivatie. Leg de keuze opnieuw vast.")
                % {"naam": keuze.alternatief_naam},
            )
            continue
        if (plan.pk, keuze.besluitdatum, keuze.orgaan) not in in_lijst:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de keuze voor ‘%(naam)s’ staat niet in de besluitenlijst van het plan. "
                    "Leg de keuze opnieuw vast."
                )
                % {"naam": keuze.alternatief_naam},
            )
            continue
        uitkomst[plan.pk] = GateOutcome(
            True,
            _(
                "gekozen is voor ‘%(naam)s’, met motivatie. Besloten door: %(orgaan)s, op "
                "%(datum)s%(kenmerk)s; opgenomen in de besluitenlijst."
            )
            % {
                "naam": keuze.alternatief_naam,
                "orgaan": organen.get(keuze.orgaan, keuze.orgaan),
                "datum": keuze.besluitdatum.strftime("%d-%m-%Y"),
                "kenmerk": f" ({keuze.kenmerk})" if keuze.kenmerk else "",
            },
        )
    return uitkomst
