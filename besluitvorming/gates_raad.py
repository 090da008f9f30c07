"""Conditions of step 6's part 'raad', batch-evaluated in a fixed number of queries.

* ``besluitvorming.pdf`` (aanbieden_aan_raad): a finished PDF of the plan, made in its current
  phase, so the council gets the plan as it is now;
* ``besluitvorming.aanbieding`` (aanbieden_aan_raad): the submission with that PDF is recorded
  (the page 'Aanbieden aan de raad' does it, then makes the transition);
* ``besluitvorming.raadsbesluit`` (vaststellen, terugsturen): the griffier recorded the
  council's decision with that outcome during this stay before the council.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Max
from django.utils.translation import gettext as _

from besluitvorming.models import Aanbieding, Documentversie, Raadsbesluit
from besluitvorming.selectors_raad import fase_sinds_many
from wup.models import Wijkplan
from wup.workflow import GateOutcome


def pdf_gemaakt(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    sinds = fase_sinds_many(plans)
    rijen = (
        Documentversie.objects.filter(
            wijkplan__in=[p.pk for p in plans], status=Documentversie.Status.KLAAR
        )
        .values_list("wijkplan_id", "aangevraagd_op", "nummer")
        .order_by("wijkplan_id", "-nummer")
    )
    nieuwste: dict[int, tuple] = {}
    for plan_id, op, nummer in rijen:
        grens = sinds.get(plan_id)
        if plan_id not in nieuwste and (grens is None or op >= grens):
            nieuwste[plan_id] = (op, nummer)
    uitkomst = {}
    for p in plans:
        if p.pk in nieuwste:
            uitkomst[p.pk] = GateOutcome(
                True, _("versie %(n)d van de PDF gaat naar de raad.") % {"n": nieuwste[p.pk][1]}
            )
        else:
            uitkomst[p.pk] = GateOutcome(
                False,
                _(
                    "Maak eerst een PDF van het plan: er is nog geen PDF die klaar is en in deze "
                    "fase is gemaakt. Dat doet u bij ‘Plandocument als PDF’."
                ),
            )
    return uitkomst


def aanbieding_vastgelegd(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """The submission names the PDF that goes to the council; it is recorded on the page
    'Aanbieden aan de raad', which then makes the transition."""
    sinds = fase_sinds_many(plans)
    laatst = dict(
        Aanbieding.objects.filter(wijkplan__in=[p.pk for p in plans])
        .values("wijkplan_id")
        .annotate(laatst=Max("aangeboden_op"))
        .values_list("wijkplan_id", "laatst")
    )
    antwoord = {}
    for p in plans:
        op, grens = laatst.get(p.pk), sinds.get(p.pk)
        if op is not None and (grens is None or op >= grens):
            antwoord[p.pk] = GateOutcome(True, _("de aanbieding met de PDF is vastgelegd."))
        else:
            antwoord[p.pk] = GateOutcome(
                False,
                _(
                    "bied het plan aan op de pagina ‘Aanbieden aan de raad’: daar ziet u welke "
                    "PDF naar de raad gaat."
                ),
            )
    return antwoord


def _raadsbesluit(uitkomst: str):
    def check(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
        sinds = fase_sinds_many(plans)
        rijen = (
            Raadsbesluit.objects.filter(
                wijkplan__in=[p.pk for p in plans], uitkomst=uitkomst, griffier__isnull=False
            )
            .values("wijkplan_id")
            .annotate(laatst=Max("vastgelegd_op"))
            .values_list("wijkplan_id", "laatst")
        )
        laatst = dict(rijen)
        antwoord = {}
        for p in plans:
            op, grens = laatst.get(p.pk), sinds.get(p.pk)
            if op is not None and (grens is None or op >= grens):
                antwoord[p.pk] = GateOutcome(
                    True, _("de griffier heeft het raadsbesluit vastgelegd.")
                )
            else:
                antwoord[p.pk] = GateOutcome(
                    False,
                    _(
                        "het raadsbesluit is nog niet vastgelegd. De griffier legt het vast op de "
                        "pagina ‘Raadsbesluit’ van het plan."
                    ),
                )
        return antwoord

    check.__name__ = f"raadsbesluit_{uitkomst}"
    return check


raadsbesluit_vastgesteld = _raadsbesluit(Raadsbesluit.Uitkomst.VASTGESTELD)
raadsbesluit_teruggestuurd = _raadsbesluit(Raadsbesluit.Uitkomst.TERUGGESTUURD)
