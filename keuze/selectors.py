"""Reads of step 4: the framework, the score matrix (expert scores and the figures of steps 2
and 3, each with its source), the multi-criteria analysis, and the choices.

Other apps read step 4 only through this module. Every function keeps its number of queries
fixed, however many criteria, alternatives or choices there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from keuze import bronnen, mca
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


# --- The analysis --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Analyse:
    """The multi-criteria analysis of a plan as it is now (:func:`analyse_van`).

    * ``beoordeling``: the score matrix it was computed from;
    * ``uitkomst``: the pure result (:class:`keuze.mca.Analyse`): criteria with their share of
      the weight, the ranking with contributions, incompletely assessed alternatives, the
      sensitivity per criterion, the ranking without the least certain criterion, and notes
      (``meldingen``, each with a Dutch ``tekst``). Keys of criteria and alternatives in it are
      their ids as strings. None when nothing could be computed; then ``fout`` says why.
    """

    beoordeling: Beoordeling
    uitkomst: mca.Analyse | None
    fout: str | None = None

    @cached_property
    def _standen(self) -> dict[int, AlternatiefStand]:
        return {s.alternatief.pk: s for s in self.beoordeling.standen}

    @property
    def volledig_beoordeeld(self) -> list[int]:
        """Ids of the ranked (completely assessed) alternatives, best first."""
        return [int(p.alternatief) for p in self.uitkomst.rangorde] if self.uitkomst else []

    @property
    def heeft_steun(self) -> bool:
        """Step 3's support scores take part in the analysis (a weighted criterion with them
        and at least one score)."""
        if self.uitkomst is None:
            return False
        return any(
            c.bron == bronnen.STEUN
            and self.uitkomst.criterium(str(c.pk)).in_analyse
            and self.uitkomst.criterium(str(c.pk)).procent > 0
            for c in self.beoordeling.criteria
        )

    def verouderd(self, alternatief_id: int) -> bool:
        """Step 2's results of this alternative are outdated (newer parameter set or stock)."""
        stand = self._standen.get(alternatief_id)
        return bool(stand and stand.verouderd)

    def alternatief(self, alternatief_id: int) -> Alternatief:
        return self._standen[alternatief_id].alternatief

    def naam(self, sleutel: str) -> str:
        """The name of a criterion or alternative key of ``uitkomst``."""
        namen = {str(c.pk): c.naam for c in self.beoordeling.criteria}
        namen.update({str(a.pk): a.naam for a in self.beoordeling.alternatieven})
        return namen.get(sleutel, sleutel)

    def als_momentopname(self) -> dict:
        """What a recorded choice keeps: the result and everything it was computed from."""
        b = self.beoordeling
        return {
            "mca": self.uitkomst.as_dict() if self.uitkomst else None,
            "fout": self.fout,
            "steun": self.heeft_steun,
            "criteria": [
                {
                    "id": c.pk,
                    "naam": c.naam,
                    "toelichting": c.toelichting,
                    "gewicht": c.gewicht,
                    "richting": c.richting,
                    "eenheid": c.eenheid,
                    "bron": c.bron,
                    "bron_titel": str(bronnen.bron_titel(c.bron)),
                    "zekerheid": c.zekerheid,
                }
                for c in b.criteria
            ],
            "alternatieven": [
                {
                    "id": s.alternatief.pk,
                    "naam": s.alternatief.naam,
                    "berekening_id": s.laatste_klaar.pk if s.laatste_klaar else None,
                    "verouderd": s.verouderd,
                }
                for s in b.standen
            ],
            "cellen": [
                {
                    "criterium": c_id,
                    "alternatief": a_id,
                    "waarde": cel.waarde,
                    "toelichting": cel.toelichting,
                    "herkomst": cel.herkomst,
                    "url": cel.url,
                    "verouderd": cel.verouderd,
                }
                for (c_id, a_id), cel in b.cellen.items()
                if cel.waarde is not None
            ],
        }


def analyse_van(plan: Wijkplan) -> Analyse:
    """The analysis of the plan's matrix now (fixed queries)."""
    beoordeling = beoordeling_van(plan)
    if not beoordeling.criteria:
        return Analyse(
            beoordeling, None, _("Er zijn nog geen criteria. Stel eerst het beoordelingskader op.")
        )
    if not beoordeling.standen:
        return Analyse(beoordeling, None, _("Dit plan heeft nog geen alternatieven (stap 2)."))
    try:
        uitkomst = mca.analyseer(
            [
                mca.Criterium(str(c.pk), c.naam, c.gewicht, c.richting, c.zekerheid)
                for c in beoordeling.criteria
            ],
            [mca.Alternatief(str(a.pk), a.naam) for a in beoordeling.alternatieven],
            {
                (str(c_id), str(a_id)): cel.waarde
                for (c_id, a_id), cel in beoordeling.cellen.items()
                if cel.waarde is not None
            },
        )
    except mca.AnalyseFout as fout:
        return Analyse(beoordeling, None, fout.bericht)
    return Analyse(beoordeling, uitkomst)


@dataclass(frozen=True)
class Momentopname:
    """A recorded choice's analysis as it was (read back from :attr:`Keuze.analyse`)."""

    data: dict

    @cached_property
    def uitkomst(self) -> mca.Analyse | None:
        return mca.Analyse.from_dict(self.data["mca"]) if self.data.get("mca") else None

    @property
    def criteria(self) -> list[dict]:
        return self.data.get("criteria", [])

    @property
    def alternatieven(self) -> list[dict]:
        return self.data.get("alternatieven", [])

    @property
    def heeft_steun(self) -> bool:
        return bool(self.data.get("steun"))

    @property
    def aantal_beoordeeld(self) -> int:
        return len(self.uitkomst.rangorde) if self.uitkomst else 0

    def naam(self, sleutel: str) -> str:
        namen = {str(c["id"]): c["naam"] for c in self.criteria}
        namen.update({str(a["id"]): a["naam"] for a in self.alternatieven})
        return namen.get(str(sleutel), str(sleutel))


def momentopname(keuze: Keuze) -> Momentopname:
    return Momentopname(keuze.analyse or {})
