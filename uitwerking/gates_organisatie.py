"""The organisational conditions of step 5 for leaving the uitwerking phase
(``start_uitvoeringsplan``, track organisatorisch). Registered from
:mod:`uitwerking.registratie_organisatie`.

* ``uitwerking.rollen``: every activity has exactly one A and at least one R, and the parties
  agreed on the roles as they are now (an agreement on an older matrix no longer counts);
* ``uitwerking.risicos``: at least one risk is recorded, and no high risk is open without a
  mitigation;
* ``uitwerking.planning``: at least one phase of the realisation with its dates.

Every check answers for many plans at once in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from uitwerking.models.organisatie import HOOG_RISICO
from uitwerking.selectors import organisatie as selectors
from wup.models import Besluit, Wijkplan
from wup.workflow import GateOutcome


def rollen_afgesproken(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """A valid RACI matrix with a current agreement (four queries)."""
    matrices = selectors.raci_many(plans)
    akkoorden = selectors.huidige_akkoorden_many(plans)
    organen = dict(Besluit.Orgaan.choices)
    uitkomst = {}
    for plan in plans:
        raci = matrices[plan.pk]
        if not raci.activiteiten:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "er zijn nog geen activiteiten en rollen. Voeg de partijen en de "
                    "activiteiten toe, verdeel de rollen (R, A, C, I) en leg vast dat de "
                    "partijen het erover eens zijn."
                ),
            )
            continue
        if raci.fouten:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _("de rolverdeling is niet compleet. %(fouten)s")
                % {"fouten": " ".join(raci.fouten.values())},
            )
            continue
        stand = selectors.akkoord_stand(raci, akkoorden.get(plan.pk))
        if stand.akkoord is None:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de rollen zijn verdeeld, maar er is nog niet vastgelegd dat de partijen "
                    "het erover eens zijn. Leg het akkoord over de rollen vast."
                ),
            )
        elif not stand.actueel:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "de rollen zijn veranderd na het akkoord van %(datum)s. Dat akkoord is niet "
                    "meer actueel: spreek de rollen opnieuw af en leg het nieuwe akkoord vast."
                )
                % {"datum": stand.akkoord.datum.strftime("%d-%m-%Y")},
            )
        else:
            a = stand.akkoord
            uitkomst[plan.pk] = GateOutcome(
                True,
                _(
                    "de rollen van %(n)d activiteiten zijn verdeeld en afgesproken in: "
                    "%(orgaan)s, op %(datum)s%(kenmerk)s."
                )
                % {
                    "n": len(raci.activiteiten),
                    "orgaan": organen.get(a.orgaan, a.orgaan),
                    "datum": a.datum.strftime("%d-%m-%Y"),
                    "kenmerk": f" ({a.kenmerk})" if a.kenmerk else "",
                },
            )
    return uitkomst


def risicos_beheerst(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """At least one risk; no open high risk without a mitigation (one query)."""
    per_plan = selectors.risicos_many(plans)
    uitkomst = {}
    for plan in plans:
        risicos = per_plan[plan.pk]
        if not risicos:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "er zijn nog geen risico's vastgelegd. Zet de risico's van de uitvoering in "
                    "het risicoregister, met kans, impact, eigenaar en beheersmaatregel."
                ),
            )
            continue
        zonder = [r for r in risicos if selectors.hoog_zonder_maatregel(r)]
        if zonder:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "%(n)d hoog risico (score %(grens)d of meer) staat open zonder "
                    "beheersmaatregel: %(namen)s. Beschrijf hoe het risico wordt beheerst, of "
                    "zet de status op ‘in behandeling’ of ‘beheerst’."
                )
                % {
                    "n": len(zonder),
                    "grens": HOOG_RISICO,
                    "namen": ", ".join(f"‘{r.titel}’" for r in zonder),
                }
                if len(zonder) == 1
                else _(
                    "%(n)d hoge risico's (score %(grens)d of meer) staan open zonder "
                    "beheersmaatregel: %(namen)s. Beschrijf hoe elk risico wordt beheerst, of "
                    "zet de status op ‘in behandeling’ of ‘beheerst’."
                )
                % {
                    "n": len(zonder),
                    "grens": HOOG_RISICO,
                    "namen": ", ".join(f"‘{r.titel}’" for r in zonder),
                },
            )
            continue
        hoog = sum(1 for r in risicos if r.score >= HOOG_RISICO)
        uitkomst[plan.pk] = GateOutcome(
            True,
            ngettext(
                "het risicoregister heeft %(n)d risico, waarvan %(hoog)d hoog; elk hoog risico "
                "heeft een beheersmaatregel of wordt al behandeld.",
                "het risicoregister heeft %(n)d risico's, waarvan %(hoog)d hoog; elk hoog risico "
                "heeft een beheersmaatregel of wordt al behandeld.",
                len(risicos),
            )
            % {"n": len(risicos), "hoog": hoog},
        )
    return uitkomst


def planning_gemaakt(plans: Sequence[Wijkplan]) -> dict[int, GateOutcome]:
    """At least one phase with its dates (one query)."""
    per_plan = selectors.fasen_many(plans)
    uitkomst = {}
    for plan in plans:
        fasen = per_plan[plan.pk]
        if not fasen:
            uitkomst[plan.pk] = GateOutcome(
                False,
                _(
                    "er is nog geen realisatieplanning. Voeg de fasen van de uitvoering toe, "
                    "elk met een begin- en einddatum."
                ),
            )
            continue
        begin = min(f.begindatum for f in fasen)
        eind = max(f.einddatum for f in fasen)
        uitkomst[plan.pk] = GateOutcome(
            True,
            ngettext(
                "de realisatieplanning heeft %(n)d fase, van %(begin)s tot en met %(eind)s.",
                "de realisatieplanning heeft %(n)d fasen, van %(begin)s tot en met %(eind)s.",
                len(fasen),
            )
            % {
                "n": len(fasen),
                "begin": begin.strftime("%d-%m-%Y"),
                "eind": eind.strftime("%d-%m-%Y"),
            },
        )
    return uitkomst
