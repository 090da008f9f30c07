"""Reads of step 4: the framework, the score matrix (expert scores and the figures of steps 2
and 3, each with its source), the multi-criteria analysis, and the choices.

Other apps read step 4 only through this module. Every function keeps its number of queries
fixed, however many criteria, alternatives or choices there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from keuze import bronnen
from keuze.models import Criterium, Keuze, Score
from techniek.models import Alternatief
from techniek.selectors.alternatieven import AlternatiefStand, alternatieven_van
from wup.models import Wijkplan


def criteria_van(plan: Wijkplan) -> list[Criterium]:
    return list(Criterium.objects.filter(wijkplan=plan).order_by("volgorde", "pk"))


def criterium_by_pk(plan: Wijkplan, pk: int) -> Criterium | None:
    return Criterium.objects.select_related("wijkplan").filter(wijkplan=plan, pk=pk).first()


def huidige_keuze(plan: Wijkplan) -> Keuze | None:
    """The newest recorded choice: the one that counts."""
    return Keuze.objects.filter(wijkplan=plan).select_related("vastgelegd_door").first()


def keuzes_van(plan: Wijkplan) -> list[Keuze]:
    """All choices, newest first (the first counts, the others are superseded)."""
    return list(Keuze.objects.filter(wijkplan=plan).select_related("vastgelegd_door"))


def keuze_by_pk(plan: Wijkplan, pk: int) -> Keuze | None:
    return Keuze.objects.filter(wijkplan=plan, pk=pk).select_related("vastgelegd_door").first()


def huidige_keuzes_many(plans) -> dict[int, Keuze]:
    """The current choice per plan id, for many plans in one query."""
    uitkomst: dict[int, Keuze] = {}
    for k in Keuze.objects.filter(wijkplan__in=[p.pk for p in plans]).order_by(
        "wijkplan_id", "-vastgelegd_op", "-pk"
    ):
        uitkomst.setdefault(k.wijkplan_id, k)
    return uitkomst


@dataclass(frozen=True)
class Cel:
    """One alternative's score on one criterion, with where it comes from."""

    waarde: float | None
    toelichting: str = ""
    #: The source figure's page (step 2's alternative, step 3's results); None for an expert.
    url: str | None = None
    herkomst: str = ""
    verouderd: bool = False
    #: Why there is no value, in plain Dutch.
    ontbreekt: str = ""


@dataclass(frozen=True)
class Beoordeling:
    """The score matrix of a plan: criteria × alternatives."""

    criteria: list[Criterium]
    standen: list[AlternatiefStand]
    #: ``(criterium_id, alternatief_id) -> Cel``
    cellen: dict[tuple[int, int], Cel] = field(default_factory=dict)

    @property
    def alternatieven(self) -> list[Alternatief]:
        return [s.alternatief for s in self.standen]

    def cel(self, criterium_id: int, alternatief_id: int) -> Cel:
        return self.cellen.get((criterium_id, alternatief_id)) or Cel(None)

    @cached_property
    def rijen(self) -> list[dict]:
        """Per criterion its cells in the order of the alternatives (for templates)."""
        return [
            {
                "criterium": c,
                "cellen": [self.cel(c.pk, a.pk) for a in self.alternatieven],
                "aantal": sum(
                    1 for a in self.alternatieven if self.cel(c.pk, a.pk).waarde is not None
                ),
            }
            for c in self.criteria
        ]


def beoordeling_van(plan: Wijkplan) -> Beoordeling:
    """The matrix: expert scores from the database, the other sources live (fixed queries)."""
    criteria = criteria_van(plan)
    standen = alternatieven_van(plan)
    handmatig = {c.pk for c in criteria if c.handmatig}
    scores = {
        (s.criterium_id, s.alternatief_id): s
        for s in Score.objects.filter(criterium_id__in=handmatig)
    }
    automatisch = bronnen.automatische_waarden(
        plan,
        {c.bron for c in criteria if not c.handmatig and c.bron in bronnen.bronnen()},
        standen,
    )
    cellen: dict[tuple[int, int], Cel] = {}
    for c in criteria:
        for s in standen:
            a = s.alternatief.pk
            if c.handmatig:
                score = scores.get((c.pk, a))
                cellen[(c.pk, a)] = (
                    Cel(score.waarde, score.toelichting) if score else Cel(None, ontbreekt="")
                )
                continue
            w = automatisch.get(c.bron, {}).get(a)
            cellen[(c.pk, a)] = (
                Cel(
                    w.waarde,
                    url=w.url,
                    herkomst=w.herkomst,
                    verouderd=w.verouderd,
                    ontbreekt=w.ontbreekt,
                )
                if w
                else Cel(None)
            )
    return Beoordeling(criteria, standen, cellen)
