"""The conditions of step 6's part 'uitvoeringsplan' for offering the plan to the council
(``aanbieden_aan_raad``, track organisatorisch). Registered from
:mod:`besluitvorming.registratie_uitvoeringsplan`.

* ``besluitvorming.uitvoeringsplan``: the composition is complete: at least one precondition
  and one process step, the date after which the gas supply ends with the notice period, and
  a text for every theme of the broader agenda (which may say why it does not apply);
* ``besluitvorming.wgiw``: every Wgiw safeguard is answered and none is "niet voldaan".

Every check answers for many plans at once in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from besluitvorming import selectors_uitvoeringsplan as selectors
from besluitvorming.models.uitvoeringsplan import Waarborg
from wup.models import Wijkplan
from wup.workflow import GateOutcome


def _lijst(namen: list[str]) -> str:
    return ", ".join(f"‘{n}’" for n in namen)


def samenstelling_compleet(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """Preconditions, process steps, timeline and broader agenda (three queries)."""
    samenstellingen = selectors.samenstellingen_many(plans)
    randvoorwaarden = selectors.randvoorwaarden_aantal_many(plans)
    processtappen = selectors.processtappen_aantal_many(plans)
    uitkomst = {}
    for plan in plans:
        s = samenstellingen.get(plan.pk)
        ontbreekt = []
        if not randvoorwaarden.get(plan.pk):
            ontbreekt.append(_("minstens één randvoorwaarde"))
        if not processtappen.get(plan.pk):
            ontbreekt.append(_("minstens één processtap"))
        if s is None or s.einddatum_gaslevering is None:
            ontbreekt.append(_("de datum waarna de gaslevering stopt"))
        if s is None or s.aankondigingstermijn_jaren is None:
            ontbreekt.append(_("de aankondigingstermijn voor de bewoners"))
        themas = [
            str(label) for veld, label, _t in selectors.THEMAS if s is None or not getattr(s, veld)
        ]
        if themas:
            ontbreekt.append(
                _("een tekst bij de brede agenda voor %(themas)s") % {"themas": _lijst(themas)}
            )
        if ontbreekt:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "het uitvoeringsplan is nog niet compleet. Vul nog in: %(wat)s. Een thema "
                    "dat niet speelt, mag ‘niet van toepassing’ zijn, met de reden."
                )
                % {"wat": "; ".join(ontbreekt)},
            )
        else:
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "het uitvoeringsplan heeft %(r)d randvoorwaarde(n) en %(p)d processtap(pen); "
                    "de gaslevering stopt na %(datum)s, aangekondigd %(n)d jaar van tevoren."
                )
                % {
                    "r": randvoorwaarden[plan.pk],
                    "p": processtappen[plan.pk],
                    "datum": s.einddatum_gaslevering.strftime("%d-%m-%Y"),
                    "n": s.aankondigingstermijn_jaren,
                },
            )
    return uitkomst


def waarborgen_beantwoord(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """Every safeguard answered, none "niet voldaan" (one query)."""
    per_plan = selectors.waarborgen_many(plans)
    labels = dict(Waarborg.Punt.choices)
    uitkomst = {}
    for plan in plans:
        antwoorden = per_plan.get(plan.pk, {})
        open_ = [str(labels[p]) for p in Waarborg.Punt.values if p not in antwoorden]
        niet = [
            str(labels[p])
            for p in Waarborg.Punt.values
            if p in antwoorden and antwoorden[p].status == Waarborg.Status.NIET_VOLDAAN
        ]
        delen = []
        if open_:
            delen.append(
                _("deze waarborgen zijn nog niet beantwoord: %(p)s") % {"p": _lijst(open_)}
            )
        if niet:
            delen.append(
                _(
                    "aan deze waarborgen is niet voldaan: %(p)s; het plan kan zo niet naar de "
                    "raad. Pas het plan aan tot eraan voldaan is, eventueel met voorwaarden"
                )
                % {"p": _lijst(niet)}
            )
        if delen:
            uitkomst[plan.pk] = GateOutcome(
                False, _("Wgiw-waarborgen: %(wat)s.") % {"wat": "; ".join(delen)}
            )
        else:
            met = sum(1 for w in antwoorden.values() if w.status == Waarborg.Status.MET_VOORWAARDEN)
            uitkomst[plan.pk] = GateOutcome(
                True,
                _("alle %(n)d Wgiw-waarborgen zijn beantwoord; %(met)d daarvan met voorwaarden.")
                % {"n": len(labels), "met": met},
            )
    return uitkomst
