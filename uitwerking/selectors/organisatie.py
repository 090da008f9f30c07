"""Reads of step 5's part 'organisatie': parties, activities and the RACI matrix with its
agreement, the governance choice, the risk register and the realisation planning.

Every function keeps its number of queries fixed, however many rows there are; the ``_many``
functions answer for many plans at once (for the gates and the dashboard).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from uitwerking.models.organisatie import (
    HOOG_RISICO,
    Activiteit,
    GovernanceKeuze,
    Partij,
    Realisatiefase,
    Risico,
    Rol,
    RollenAkkoord,
)
from wup.models import Wijkplan

MAX_ID = 2**63 - 1

#: A short explanation of every governance model, for the form and the chapter.
GOVERNANCE_UITLEG = {
    GovernanceKeuze.Model.PUBLIEK: gettext_lazy(
        "De gemeente (alleen of met andere gemeenten) richt een eigen warmtebedrijf op of "
        "neemt deel in een bestaand publiek bedrijf. De overheid houdt zeggenschap over prijs, "
        "bron en uitbreiding, en draagt ook het financiële risico."
    ),
    GovernanceKeuze.Model.PUBLIEK_PRIVAAT: gettext_lazy(
        "Gemeente en een marktpartij richten samen een bedrijf op. Zeggenschap, investeringen "
        "en risico's worden verdeeld, vaak publiek eigendom van het net en private exploitatie."
    ),
    GovernanceKeuze.Model.CONCESSIE: gettext_lazy(
        "Een privaat warmtebedrijf legt het net aan en exploiteert het. De gemeente stelt in "
        "een concessie of overeenkomst voorwaarden aan prijs, duurzaamheid en dienstverlening."
    ),
    GovernanceKeuze.Model.COOPERATIE: gettext_lazy(
        "Bewoners zijn samen eigenaar, bijvoorbeeld in een energiecoöperatie. Veel "
        "zeggenschap voor de buurt; de coöperatie heeft wel kennis en startkapitaal nodig."
    ),
    GovernanceKeuze.Model.CORPORATIE: gettext_lazy(
        "De woningcorporatie regelt de warmte voor haar eigen woningen collectief, eventueel "
        "samen met een warmtebedrijf. Huurders en andere eigenaren sluiten aan op afspraak."
    ),
}


def _ids(plans) -> list[int]:
    return [p.pk for p in plans]


# --- Parties and activities ----------------------------------------------------------------------


def partijen_van(plan: Wijkplan) -> list[Partij]:
    return list(Partij.objects.filter(wijkplan=plan).order_by("volgorde", "pk"))


def activiteiten_van(plan: Wijkplan) -> list[Activiteit]:
    return list(Activiteit.objects.filter(wijkplan=plan).order_by("volgorde", "pk"))


def partij_by_pk(plan: Wijkplan, pk: int) -> Partij | None:
    if not 0 < pk <= MAX_ID:
        return None
    return Partij.objects.select_related("wijkplan").filter(wijkplan=plan, pk=pk).first()


def activiteit_by_pk(plan: Wijkplan, pk: int) -> Activiteit | None:
    if not 0 < pk <= MAX_ID:
        return None
    return Activiteit.objects.select_related("wijkplan").filter(wijkplan=plan, pk=pk).first()


# --- The RACI matrix ----------------------------------------------------------------------------


def vingerafdruk(activiteiten: Sequence[str], rollen: Sequence[tuple[str, str, str]]) -> str:
    """sha256 of the matrix: the names of the activities and every (activity, party, role).
    A party without any role does not count: adding one does not change the agreement."""
    inhoud = json.dumps(
        {"activiteiten": sorted(activiteiten), "rollen": sorted(list(r) for r in rollen)},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(inhoud.encode()).hexdigest()


def raci_fouten(activiteiten: Sequence[Activiteit], cellen: dict[tuple[int, int], str], namen):
    """Per activity id the Dutch message of what is wrong with its roles (empty: all right).
    ``namen`` gives a party's name by id."""
    fouten: dict[int, str] = {}
    for a in activiteiten:
        a_partijen = [
            namen[p] for (act, p), r in sorted(cellen.items()) if act == a.pk and r == "A"
        ]
        r_aantal = sum(1 for (act, _p), r in cellen.items() if act == a.pk and r == "R")
        delen = []
        if not a_partijen:
            delen.append(_("er is geen partij eindverantwoordelijk (A)"))
        elif len(a_partijen) > 1:
            delen.append(
                _("%(n)d partijen zijn eindverantwoordelijk (A): %(partijen)s")
                % {"n": len(a_partijen), "partijen": ", ".join(a_partijen)}
            )
        if not r_aantal:
            delen.append(_("geen enkele partij voert het uit (R)"))
        if delen:
            fouten[a.pk] = _(
                "Bij ‘%(naam)s’ %(wat)s. Geef precies één partij een A en minstens één partij "
                "een R."
            ) % {"naam": a.naam, "wat": _(" en ").join(delen)}
    return fouten


@dataclass(frozen=True)
class Raci:
    """The matrix of a plan: parties × activities, with its problems and fingerprint."""

    partijen: list[Partij]
    activiteiten: list[Activiteit]
    #: ``(activiteit_id, partij_id) -> "R" | "A" | "C" | "I"``
    cellen: dict[tuple[int, int], str] = field(default_factory=dict)

    def rol(self, activiteit_id: int, partij_id: int) -> str:
        return self.cellen.get((activiteit_id, partij_id), "")

    @cached_property
    def namen(self) -> dict[int, str]:
        return {p.pk: p.naam for p in self.partijen}

    @cached_property
    def fouten(self) -> dict[int, str]:
        return raci_fouten(self.activiteiten, self.cellen, self.namen)

    @property
    def geldig(self) -> bool:
        return bool(self.activiteiten) and not self.fouten

    @cached_property
    def vingerafdruk(self) -> str:
        namen_a = {a.pk: a.naam for a in self.activiteiten}
        return vingerafdruk(
            list(namen_a.values()),
            [(namen_a[a], self.namen[p], r) for (a, p), r in self.cellen.items()],
        )

    @cached_property
    def rijen(self) -> list[dict]:
        """Per activity its roles in the order of the parties (for templates)."""
        return [
            {
                "activiteit": a,
                "cellen": [{"partij": p, "rol": self.rol(a.pk, p.pk)} for p in self.partijen],
                "fout": self.fouten.get(a.pk, ""),
            }
            for a in self.activiteiten
        ]

    def als_momentopname(self) -> dict:
        namen_a = {a.pk: a.naam for a in self.activiteiten}
        return {
            "partijen": [{"naam": p.naam, "soort": p.soort} for p in self.partijen],
            "activiteiten": [a.naam for a in self.activiteiten],
            "rollen": sorted([namen_a[a], self.namen[p], r] for (a, p), r in self.cellen.items()),
        }


def raci_many(plans) -> dict[int, Raci]:
    """The matrix of every plan (three queries)."""
    ids = _ids(plans)
    partijen: dict[int, list[Partij]] = defaultdict(list)
    activiteiten: dict[int, list[Activiteit]] = defaultdict(list)
    cellen: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
    for p in Partij.objects.filter(wijkplan__in=ids).order_by("volgorde", "pk"):
        partijen[p.wijkplan_id].append(p)
    for a in Activiteit.objects.filter(wijkplan__in=ids).order_by("volgorde", "pk"):
        activiteiten[a.wijkplan_id].append(a)
    for wijkplan_id, a, p, r in Rol.objects.filter(activiteit__wijkplan__in=ids).values_list(
        "activiteit__wijkplan_id", "activiteit_id", "partij_id", "rol"
    ):
        cellen[wijkplan_id][(a, p)] = r
    return {pk: Raci(partijen[pk], activiteiten[pk], cellen[pk]) for pk in ids}


def raci_van(plan: Wijkplan) -> Raci:
    return raci_many([plan])[plan.pk]


# --- The agreement on the roles ---------------------------------------------------------------


def akkoorden_van(plan: Wijkplan) -> list[RollenAkkoord]:
    """Every agreement, newest first (the first is the one that may still be current)."""
    return list(RollenAkkoord.objects.filter(wijkplan=plan).select_related("besluit"))


def huidige_akkoorden_many(plans) -> dict[int, RollenAkkoord]:
    uitkomst: dict[int, RollenAkkoord] = {}
    for a in RollenAkkoord.objects.filter(wijkplan__in=_ids(plans)).order_by(
        "wijkplan_id", "-vastgelegd_op", "-pk"
    ):
        uitkomst.setdefault(a.wijkplan_id, a)
    return uitkomst


@dataclass(frozen=True)
class AkkoordStand:
    """The newest agreement and whether it still matches the matrix."""

    akkoord: RollenAkkoord | None
    actueel: bool

    @property
    def vervallen(self) -> bool:
        """There was an agreement, but the roles changed since: agree again."""
        return self.akkoord is not None and not self.actueel


def akkoord_stand(raci: Raci, akkoord: RollenAkkoord | None) -> AkkoordStand:
    return AkkoordStand(akkoord, akkoord is not None and akkoord.vingerafdruk == raci.vingerafdruk)


# --- Governance ---------------------------------------------------------------------------------


def governance_van(plan: Wijkplan) -> list[GovernanceKeuze]:
    """Every governance choice, newest first (the first counts)."""
    return list(GovernanceKeuze.objects.filter(wijkplan=plan))


def huidige_governance(plan: Wijkplan) -> GovernanceKeuze | None:
    return GovernanceKeuze.objects.filter(wijkplan=plan).first()


# --- Risks --------------------------------------------------------------------------------------


def risicos_van(plan: Wijkplan) -> list[Risico]:
    """The register, highest score first."""
    risicos = list(Risico.objects.filter(wijkplan=plan).select_related("eigenaar"))
    return sorted(risicos, key=lambda r: (-r.score, r.pk))


def risicos_many(plans) -> dict[int, list[Risico]]:
    uitkomst: dict[int, list[Risico]] = {pk: [] for pk in _ids(plans)}
    for r in Risico.objects.filter(wijkplan__in=list(uitkomst)).order_by("pk"):
        uitkomst[r.wijkplan_id].append(r)
    return uitkomst


def risico_by_pk(plan: Wijkplan, pk: int) -> Risico | None:
    if not 0 < pk <= MAX_ID:
        return None
    return (
        Risico.objects.select_related("wijkplan", "eigenaar").filter(wijkplan=plan, pk=pk).first()
    )


def hoog_zonder_maatregel(risico: Risico) -> bool:
    """A high risk that is open and has no mitigation: it blocks the gate."""
    return (
        risico.score >= HOOG_RISICO
        and risico.status == Risico.Status.OPEN
        and not risico.beheersmaatregel.strip()
    )


# --- Planning -----------------------------------------------------------------------------------


def fasen_van(plan: Wijkplan) -> list[Realisatiefase]:
    return list(Realisatiefase.objects.filter(wijkplan=plan).select_related("verantwoordelijke"))


def fasen_many(plans) -> dict[int, list[Realisatiefase]]:
    uitkomst: dict[int, list[Realisatiefase]] = {pk: [] for pk in _ids(plans)}
    for f in Realisatiefase.objects.filter(wijkplan__in=list(uitkomst)):
        uitkomst[f.wijkplan_id].append(f)
    return uitkomst


def fase_by_pk(plan: Wijkplan, pk: int) -> Realisatiefase | None:
    if not 0 < pk <= MAX_ID:
        return None
    return (
        Realisatiefase.objects.select_related("wijkplan", "verantwoordelijke")
        .filter(wijkplan=plan, pk=pk)
        .first()
    )
