"""Reads of the alternatives of a plan: the stock, each alternative with its latest
calculation, and whether that calculation is outdated: a newer parameter set is current, or the
plan's building stock changed since it was computed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Max, Q

from techniek.models import Alternatief, Berekening, Gebouwvoorraad
from techniek.selectors.parameters import huidige_parameterset, rekenkern_verouderd
from wup.models import Wijkplan


@dataclass(frozen=True)
class AlternatiefStand:
    """An alternative with its latest calculation and its latest finished one."""

    alternatief: Alternatief
    berekening: Berekening | None
    laatste_klaar: Berekening | None
    #: Computed with a parameter set that is no longer the current one.
    parameterset_verouderd: bool = False
    #: Computed with another building stock than the plan has now.
    voorraad_verouderd: bool = False

    @property
    def verouderd(self) -> bool:
        return self.parameterset_verouderd or self.voorraad_verouderd

    @property
    def doorgerekend(self) -> bool:
        """Finished with the current parameter set."""
        return self.laatste_klaar is not None and not self.verouderd


def gebouwvoorraad(plan: Wijkplan) -> Gebouwvoorraad | None:
    return Gebouwvoorraad.objects.filter(wijkplan=plan).first()


def alternatief_by_pk(plan: Wijkplan, pk: int) -> Alternatief | None:
    return Alternatief.objects.select_related("wijkplan").filter(wijkplan=plan, pk=pk).first()


def laatste_berekening(alternatief: Alternatief) -> Berekening | None:
    return alternatief.berekeningen.select_related("parameterset").order_by("-pk").first()


def _standen(alternatieven: list[Alternatief]) -> list[AlternatiefStand]:
    """Four queries whatever the number: the latest ids, the calculations, the current set,
    the plans' stocks."""
    ids = {
        a.pk: (a.laatste, a.laatste_klaar)  # type: ignore[attr-defined]
        for a in alternatieven
    }
    nodig = {i for paar in ids.values() for i in paar if i is not None}
    berekeningen = Berekening.objects.select_related("parameterset").in_bulk(nodig)
    huidig = huidige_parameterset()
    voorraden = dict(
        Gebouwvoorraad.objects.filter(
            wijkplan_id__in={a.wijkplan_id for a in alternatieven}
        ).values_list("wijkplan_id", "invoer_hash")
    )
    standen = []
    for a in alternatieven:
        laatste, klaar = (berekeningen.get(i) if i else None for i in ids[a.pk])
        basis = klaar or laatste
        set_oud = basis is not None and rekenkern_verouderd(basis.parameterset, huidig)
        voorraad_oud = (
            basis is not None
            and basis.status == Berekening.Status.KLAAR
            and a.wijkplan_id in voorraden
            and Gebouwvoorraad.hash_van(
                (basis.voorraad or {}).get("woningen"), (basis.voorraad or {}).get("utiliteit")
            )
            != voorraden[a.wijkplan_id]
        )
        standen.append(AlternatiefStand(a, laatste, klaar, set_oud, voorraad_oud))
    return standen


def laatste_klare_berekeningen(alternatief_ids: Iterable[int]) -> dict[int, Berekening]:
    """The latest finished calculation of each alternative, by alternative id (one query)."""
    nieuwste = (
        Berekening.objects.filter(
            alternatief_id__in=list(alternatief_ids), status=Berekening.Status.KLAAR
        )
        .values("alternatief_id")
        .annotate(m=Max("pk"))
        .values("m")
    )
    return {b.alternatief_id: b for b in Berekening.objects.filter(pk__in=nieuwste)}


def _met_laatste(qs):
    return qs.annotate(
        laatste=Max("berekeningen__pk"),
        laatste_klaar=Max(
            "berekeningen__pk", filter=Q(berekeningen__status=Berekening.Status.KLAAR)
        ),
    )


def alternatieven_van(plan: Wijkplan) -> list[AlternatiefStand]:
    """The plan's alternatives in order, each with its latest calculation (fixed queries)."""
    return _standen(list(_met_laatste(Alternatief.objects.filter(wijkplan=plan)).order_by("pk")))


def alternatieven_many(plans: Sequence[Wijkplan]) -> dict[int, list[AlternatiefStand]]:
    """:func:`alternatieven_van` for many plans at once (fixed queries)."""
    alts = list(
        _met_laatste(Alternatief.objects.filter(wijkplan__in=[p.pk for p in plans])).order_by(
            "wijkplan_id", "pk"
        )
    )
    uitkomst: dict[int, list[AlternatiefStand]] = {p.pk: [] for p in plans}
    for stand in _standen(alts):
        uitkomst[stand.alternatief.wijkplan_id].append(stand)
    return uitkomst
