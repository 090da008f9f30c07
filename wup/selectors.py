"""Reads of the core: which plans a user sees, what blocks them, and their history.

Step apps read the core only through this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _
from guardian.shortcuts import get_objects_for_user

from wup import permissions
from wup.constants import Fase, Spoor
from wup.models import Besluit, Buurt, Faseovergang, Gemeente, Melding, Wijk, Wijkplan
from wup.registry import steps
from wup.workflow import (
    OVERGANGEN,
    TERUGSTUUR_FASEN,
    VOLGENDE_FASE,
    VORIGE_FASE,
    GateResult,
    Overgang,
    gates,
)

User = AbstractBaseUser | AnonymousUser


def wijkplannen_for_user(user: User) -> QuerySet[Wijkplan]:
    """Every plan the user may see: their own, all (beheerder), or those sent to their council."""
    if not user.is_authenticated or not user.is_active:
        return Wijkplan.objects.none()
    eigen = get_objects_for_user(
        user, "wup.view_wijkplan", klass=Wijkplan, accept_global_perms=True
    ).values("pk")
    griffie = get_objects_for_user(
        user, "wup.griffie_gemeente", klass=Gemeente, accept_global_perms=False
    ).values("pk")
    return (
        Wijkplan.objects.filter(
            Q(pk__in=eigen) | Q(gemeente__in=griffie, aangeboden_aan_raad_op__isnull=False)
        )
        .select_related("gemeente")
        .prefetch_related("buurten")
    )


def gemeenten_for_create(user: User) -> QuerySet[Gemeente]:
    """Municipalities in which the user may start a plan."""
    if not user.is_authenticated or not user.has_perm("wup.add_wijkplan"):
        return Gemeente.objects.none()
    if user.has_perm("wup.wijkplannen_gemeente"):
        return Gemeente.objects.all()
    return get_objects_for_user(
        user, "wup.wijkplannen_gemeente", klass=Gemeente, accept_global_perms=False
    )


def buurten_van(gemeente: Gemeente) -> QuerySet[Buurt]:
    return Buurt.objects.filter(wijk__gemeente=gemeente).select_related("wijk")


def wijkplan_historie(plan: Wijkplan) -> QuerySet[Faseovergang]:
    return plan.historie.select_related("door").order_by("-op", "-pk")


def besluiten_van(plan: Wijkplan) -> QuerySet[Besluit]:
    """The plan's decisions log, current and superseded rows, newest decision first; each row
    with who recorded it, the row it supersedes and the row that superseded it (one query)."""
    return plan.besluiten.select_related("vastgelegd_door", "vervangt", "vervangen_door").order_by(
        "-datum", "-vastgelegd_op", "-pk"
    )


def huidige_besluiten_van(plan: Wijkplan) -> QuerySet[Besluit]:
    """The decisions that stand: every row that no later row supersedes."""
    return besluiten_van(plan).filter(vervangen_door__isnull=True)


def besluit_van(plan: Wijkplan, besluit_id: int) -> Besluit | None:
    """One row of the plan's decisions log; None if the plan has no such row."""
    if not 0 < besluit_id < 2**63:
        return None
    return besluiten_van(plan).filter(pk=besluit_id).first()


def besluit_bronnen() -> dict[str, str]:
    """The name of each step that can add to a decisions log, by its app label."""
    return {
        s.app_label: _("Stap %(n)d: %(titel)s") % {"n": s.number, "titel": s.title}
        for s in steps.all()
    }


def besluit_bron_label(bron: str, bronnen: dict[str, str] | None = None) -> str:
    """Where a decision in the log comes from, in words."""
    if not bron:
        return _("Met de hand vastgelegd")
    return (bronnen if bronnen is not None else besluit_bronnen()).get(bron, bron)


def wijkplannen_in_fase(fasen: Iterable[str]) -> QuerySet[Wijkplan]:
    """Plans in one of these phases, each annotated with ``fase_sinds``: when its history last
    moved it into its current phase (None for a plan whose history does not say)."""
    binnenkomst = Faseovergang.objects.filter(
        wijkplan=OuterRef("pk"), naar_fase=OuterRef("fase")
    ).order_by("-op", "-pk")
    return Wijkplan.objects.filter(fase__in=list(fasen)).annotate(
        fase_sinds=Subquery(binnenkomst.values("op")[:1])
    )


def ongelezen_meldingen(user: User) -> QuerySet[Melding]:
    if not user.is_authenticated:
        return Melding.objects.none()
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).select_related(
        "faseovergang__wijkplan"
    )


# --- Transitions and progress ----------------------------------------------------------------


@dataclass(frozen=True)
class MogelijkeOvergang:
    """A transition from the plan's current phase, as one user may see it."""

    overgang: Overgang
    doelen: tuple[Fase, ...]
    mag: bool
    voorwaarden: list[GateResult]

    @property
    def naam(self) -> str:
        return self.overgang.naam

    @property
    def open_voorwaarden(self) -> list[GateResult]:
        return [r for r in self.voorwaarden if not r.met]

    @property
    def uitvoerbaar(self) -> bool:
        return self.mag and not self.open_voorwaarden


def _doelen(plan: Wijkplan, naam: str) -> tuple[Fase, ...]:
    if naam == "terugsturen":
        return tuple(Fase(f) for f in TERUGSTUUR_FASEN)
    transition = next(
        t
        for t in plan._meta.get_field("fase").get_all_transitions(Wijkplan)
        if t.name == naam and t.source in (plan.fase, "*")
    )
    target = transition.target
    if isinstance(target, str):
        return (Fase(target),)
    # RETURN_VALUE targets depend on the plan itself.
    if naam == "terugzetten":
        return (Fase(VORIGE_FASE[plan.fase]),)
    if naam == "hervatten":
        return (Fase(plan.fase_voor_pauze or Fase.WIJKTOETS),)
    return tuple(Fase(s) for s in target.allowed_states)


def mogelijke_overgangen(plan: Wijkplan, user: User) -> list[MogelijkeOvergang]:
    """Transitions possible from the current phase, with permission and unmet conditions."""
    field_ = plan._meta.get_field("fase")
    namen = [t.name for t in field_.get_all_transitions(Wijkplan) if t.source in (plan.fase, "*")]
    resultaat = []
    for naam in dict.fromkeys(namen):
        method = getattr(plan, naam)
        mag = bool(method._django_fsm.has_transition_perm(plan, plan.fase, user))
        resultaat.append(
            MogelijkeOvergang(
                overgang=OVERGANGEN[naam],
                doelen=_doelen(plan, naam),
                mag=mag,
                voorwaarden=gates.evaluate(plan, naam),
            )
        )
    resultaat.sort(key=lambda m: (not m.overgang.vooruit, list(OVERGANGEN).index(m.naam)))
    return resultaat


@dataclass
class SpoorVoortgang:
    spoor: Spoor
    voldaan: int = 0
    totaal: int = 0
    open: list[GateResult] = field(default_factory=list)

    @property
    def klaar(self) -> bool:
        return self.voldaan == self.totaal


@dataclass
class Voortgang:
    """How far a plan is towards its next phase, per track."""

    overgang: Overgang | None
    sporen: list[SpoorVoortgang]

    @property
    def klaar(self) -> bool:
        return all(s.klaar for s in self.sporen)

    @property
    def open(self) -> list[GateResult]:
        return [r for s in self.sporen for r in s.open]


def _vooruit_overgang(fase: str) -> str | None:
    doel = VOLGENDE_FASE.get(fase)
    return next(
        (o.naam for o in OVERGANGEN.values() if o.vooruit and _leidt_naar(fase, doel, o.naam)),
        None,
    )


def _leidt_naar(bron: str, doel: str | None, naam: str) -> bool:
    return any(
        t.name == naam and t.source == bron and t.target == doel
        for t in Wijkplan._meta.get_field("fase").get_all_transitions(Wijkplan)
    )


def voortgang_many(plans: Sequence[Wijkplan]) -> dict[int, Voortgang]:
    """Progress per track towards the next phase for many plans, with a fixed query count."""
    per_overgang: dict[str | None, list[Wijkplan]] = defaultdict(list)
    for plan in plans:
        per_overgang[_vooruit_overgang(plan.fase)].append(plan)
    uitkomst: dict[int, Voortgang] = {}
    for naam, groep in per_overgang.items():
        evaluaties = gates.evaluate_many(groep, naam) if naam else {p.pk: [] for p in groep}
        for plan in groep:
            uitkomst[plan.pk] = _voortgang_uit(naam, evaluaties[plan.pk])
    return uitkomst


def _voortgang_uit(naam: str | None, resultaten: Iterable[GateResult]) -> Voortgang:
    sporen = {s: SpoorVoortgang(s) for s in Spoor}
    for r in resultaten:
        sv = sporen[Spoor(r.spoor)]
        sv.totaal += 1
        if r.met:
            sv.voldaan += 1
        else:
            sv.open.append(r)
    return Voortgang(overgang=OVERGANGEN[naam] if naam else None, sporen=list(sporen.values()))


def voortgang(plan: Wijkplan, overgangen: Sequence[MogelijkeOvergang] | None = None) -> Voortgang:
    """Progress of one plan. Given ``mogelijke_overgangen(plan, ...)``, it reuses the conditions
    evaluated there for the forward transition instead of evaluating them again."""
    naam = _vooruit_overgang(plan.fase)
    for m in overgangen or ():
        if m.naam == naam:
            return _voortgang_uit(naam, m.voorwaarden)
    return voortgang_many([plan])[plan.pk]


def may_view(plan: Wijkplan, user: User) -> bool:
    return permissions.may_view(plan, user)


def is_projectleider(plan: Wijkplan, user: User) -> bool:
    return permissions.is_projectleider(plan, user)


def meldingen_voor(user: User, limit: int = 200) -> QuerySet[Melding]:
    """The user's notifications, newest first."""
    if not user.is_authenticated:
        return Melding.objects.none()
    return (
        Melding.objects.filter(ontvanger=user)
        .select_related("faseovergang__wijkplan")
        .order_by("-aangemaakt_op", "-pk")[:limit]
    )


def wijkplan_by_pk(pk: int) -> Wijkplan | None:
    """One plan with what every page of it shows; None if there is no such plan."""
    return (
        Wijkplan.objects.select_related("gemeente")
        .prefetch_related("buurten")
        .filter(pk=pk)
        .first()
    )


# --- Areas -------------------------------------------------------------------------------------


def gemeenten() -> QuerySet[Gemeente]:
    return Gemeente.objects.order_by("naam", "code")


def wijken() -> QuerySet[Wijk]:
    return Wijk.objects.select_related("gemeente").order_by("code")


def buurten() -> QuerySet[Buurt]:
    return Buurt.objects.select_related("wijk__gemeente").order_by("code")


def gemeente_by_code(code: str) -> Gemeente | None:
    return gemeenten().filter(code=code).first()


def wijk_by_code(code: str) -> Wijk | None:
    return wijken().filter(code=code).first()


def buurt_by_code(code: str) -> Buurt | None:
    return buurten().filter(code=code).first()


def buurten_by_code(codes: Iterable[str]) -> dict[str, Buurt]:
    return {b.code: b for b in buurten().filter(code__in=list(codes))}
