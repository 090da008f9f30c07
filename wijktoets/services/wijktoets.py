"""Writes of the wijktoets: saving drafts, completing a version, and the pause path.

Every write is for the plan's projectleider only, refused when the plan is frozen or past the
wijktoets phase, and refused when it is based on an older state than the stored one (``versie``,
the same optimistic lock as the core's ``wijkplan_update``). The plan's row is locked first, as
``wijkplan_transition`` does, so a wijktoets cannot be re-opened while the plan moves on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijktoets.constants import MAX_PARTIJEN, Oordeel, Thema, WijktoetsStatus
from wijktoets.models import Bevinding, Partij, Wijktoets, WijktoetsVersie
from wijktoets.selectors import wijktoets as wijktoets_selectors
from wup import selectors as wup_selectors
from wup import services as wup_services
from wup.constants import Fase
from wup.exceptions import PlanFrozen, StaleVersion, WupError
from wup.models import Wijkplan

if TYPE_CHECKING:
    from wup.models import Faseovergang

#: Fields of the wijktoets itself (not the findings or stakeholders) that can be edited.
BEWERKBARE_VELDEN = (
    "samenvatting",
    "economische_randvoorwaarden",
    "bronnen",
    "oordeel",
    "motivatie",
    "voorwaarden",
    "participatieniveau",
    "doelgroepen",
    "doelgroepen_toelichting",
    "timing",
    "timing_toelichting",
)


class WijktoetsNietBewerkbaar(WupError):
    """The wijktoets cannot change now: the plan has moved on, or it is already completed."""

    status = 409
    title = "De wijktoets kan nu niet worden gewijzigd"


class WijktoetsOnvolledig(WupError):
    """Completing needs every theme, the verdict with its motivation and the consequences."""

    status = 409
    title = "De wijktoets is nog niet volledig"

    def __init__(self, message: str, ontbreekt: list[str]) -> None:
        super().__init__(message)
        self.ontbreekt = ontbreekt


@dataclass(frozen=True)
class BevindingInvoer:
    """The finding of one theme as a user enters it."""

    tekst: str = ""
    indicatoren: Sequence[str] = field(default_factory=tuple)
    beoordeling: str = ""


@dataclass(frozen=True)
class PartijInvoer:
    """One stakeholder as a user enters it."""

    categorie: str
    naam: str
    opmerking: str = ""


def _plan_vergrendeld(plan_id: int) -> Wijkplan:
    # The same row lock as wijkplan_transition takes: edits and phase changes never interleave.
    return Wijkplan.objects.select_for_update().get(pk=plan_id)


def _controleer_bewerkbaar(plan: Wijkplan) -> None:
    if plan.bevroren:
        raise PlanFrozen(
            _("Dit plan is %(fase)s en kan niet meer worden gewijzigd.")
            % {"fase": plan.get_fase_display().lower()}
        )
    if not wijktoets_selectors.bewerkbaar(plan):
        raise WijktoetsNietBewerkbaar(
            _(
                "Het plan is in de fase ‘%(fase)s’. De wijktoets kan alleen veranderen zolang het "
                "plan in de fase wijktoets is; zet het plan zo nodig terug."
            )
            % {"fase": plan.get_fase_display()}
        )


def _ophalen_voor_wijziging(
    wijkplan: Wijkplan, user: AbstractBaseUser, versie: int
) -> tuple[Wijkplan, Wijktoets]:
    """Check rights, lock, and return the plan and its wijktoets (created on the first write).

    The wijktoets comes with its findings and stakeholders loaded.
    """
    if not wup_selectors.is_projectleider(wijkplan, user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan de wijktoets wijzigen."))
    plan = _plan_vergrendeld(wijkplan.pk)
    _controleer_bewerkbaar(plan)
    # Safe without a race: every writer holds the plan's lock.
    toets, _created = Wijktoets.objects.get_or_create(wijkplan=plan)
    if toets.versie != versie:
        raise StaleVersion(
            _(
                "Iemand anders heeft de wijktoets gewijzigd nadat u hem opende. Uw wijzigingen "
                "zijn niet opgeslagen; bekijk de nieuwe versie en voer ze opnieuw in."
            )
        )
    return plan, wijktoets_selectors.wijktoets_voor(plan)


def _strip(waarde):
    return waarde.strip() if isinstance(waarde, str) else waarde


def wijktoets_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    versie: int,
    bevindingen: Mapping[str, BevindingInvoer] | None = None,
    partijen: Sequence[PartijInvoer] | None = None,
    **velden,
) -> Wijktoets:
    """Save (part of) the draft: any of ``BEWERKBARE_VELDEN``, findings per theme, stakeholders.

    ``bevindingen`` replaces the finding of each theme it names; ``partijen`` replaces the whole
    list of stakeholders. Saving a completed wijktoets with a change makes it a concept of the
    next version; saving without a change changes nothing. All or nothing.
    """
    onbekend = set(velden) - set(BEWERKBARE_VELDEN)
    if onbekend:
        raise ValueError(f"Niet bewerkbaar: {', '.join(sorted(onbekend))}")
    onbekende_themas = sorted(set(bevindingen or {}) - set(Thema.values))
    if onbekende_themas:
        raise ValidationError(
            {"thema": _("Onbekend thema: %(t)s.") % {"t": ", ".join(onbekende_themas)}}
        )
    if partijen is not None and len(partijen) > MAX_PARTIJEN:
        raise ValidationError(
            {"partijen": _("Noem hoogstens %(n)d partijen.") % {"n": MAX_PARTIJEN}}
        )

    with transaction.atomic():
        plan, toets = _ophalen_voor_wijziging(wijkplan, user, versie)
        voor = toets.als_inhoud()

        for naam, waarde in velden.items():
            if naam == "doelgroepen" and isinstance(waarde, list | tuple):
                waarde = list(dict.fromkeys(waarde))
            setattr(toets, naam, _strip(waarde))
        toets.full_clean(exclude=["wijkplan"])

        per_thema = toets.bevindingen_per_thema()
        gewijzigde_bevindingen = []
        for thema, invoer in (bevindingen or {}).items():
            bevinding = per_thema.get(thema) or Bevinding(wijktoets=toets, thema=thema)
            bevinding.tekst = (invoer.tekst or "").strip()
            bevinding.indicatoren = list(dict.fromkeys(invoer.indicatoren or ()))
            bevinding.beoordeling = invoer.beoordeling or ""
            bevinding.full_clean(exclude=["wijktoets"], validate_unique=False)
            per_thema[thema] = bevinding
            gewijzigde_bevindingen.append(bevinding)

        nieuwe_partijen = None if partijen is None else _partijen(toets, partijen)

        # Nothing written yet: an edit that changes nothing leaves the wijktoets as it was
        # (a completed one stays completed).
        if toets.als_inhoud(bevindingen=per_thema, partijen=nieuwe_partijen) == voor:
            return toets

        for bevinding in gewijzigde_bevindingen:
            bevinding.save()
        if nieuwe_partijen is not None:
            toets.partijen.all().delete()
            Partij.objects.bulk_create(nieuwe_partijen)
        if toets.afgerond:
            # A change after completion starts the next version; the completed one stays.
            toets.status = WijktoetsStatus.CONCEPT
            toets.versienummer += 1
        toets.versie += 1
        toets.gewijzigd_door = user
        toets.save()
    return wijktoets_selectors.wijktoets_voor(plan)


def _partijen(toets: Wijktoets, partijen: Sequence[PartijInvoer]) -> list[Partij]:
    """Validated, unsaved stakeholders; errors are named ``partijen.<row>.<field>``."""
    nieuw = []
    for i, invoer in enumerate(partijen):
        partij = Partij(
            wijktoets=toets,
            categorie=invoer.categorie,
            naam=(invoer.naam or "").strip(),
            opmerking=(invoer.opmerking or "").strip(),
            volgorde=i,
        )
        try:
            partij.full_clean(exclude=["wijktoets"])
        except ValidationError as exc:
            raise ValidationError(
                {
                    f"partijen.{i}.{veld}" if veld != "__all__" else "partijen": fouten
                    for veld, fouten in exc.message_dict.items()
                }
            ) from exc
        nieuw.append(partij)
    return nieuw


def bevinding_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    versie: int,
    thema: str,
    tekst: str = "",
    indicatoren: Sequence[str] = (),
    beoordeling: str = "",
) -> Bevinding:
    """Save the finding of one theme."""
    toets = wijktoets_opslaan(
        wijkplan=wijkplan,
        user=user,
        versie=versie,
        bevindingen={
            thema: BevindingInvoer(tekst=tekst, indicatoren=indicatoren, beoordeling=beoordeling)
        },
    )
    return toets.bevindingen_per_thema()[thema]


def partijen_opslaan(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    versie: int,
    partijen: Sequence[PartijInvoer],
) -> Wijktoets:
    """Replace the list of stakeholders present in the neighbourhood."""
    return wijktoets_opslaan(wijkplan=wijkplan, user=user, versie=versie, partijen=partijen)


def wijktoets_afronden(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, versie: int
) -> WijktoetsVersie:
    """Complete the current version: record who and when, and keep an immutable snapshot."""
    with transaction.atomic():
        _plan, toets = _ophalen_voor_wijziging(wijkplan, user, versie)
        if toets.afgerond:
            raise WijktoetsNietBewerkbaar(
                _(
                    "De wijktoets is al afgerond (versie %(n)d). Wijzig iets om aan een nieuwe "
                    "versie te beginnen."
                )
                % {"n": toets.versienummer}
            )
        ontbreekt = toets.ontbreekt_voor_afronden()
        if ontbreekt:
            raise WijktoetsOnvolledig(
                _("De wijktoets kan nog niet worden afgerond. Wat ontbreekt: %(lijst)s")
                % {"lijst": " ".join(ontbreekt)},
                ontbreekt,
            )
        rij = WijktoetsVersie.objects.create(
            wijktoets=toets,
            nummer=toets.versienummer,
            oordeel=toets.oordeel,
            inhoud=toets.als_inhoud(),
            afgerond_door=user,
        )
        toets.status = WijktoetsStatus.AFGEROND
        toets.versie += 1
        toets.gewijzigd_door = user
        toets.save()
    return rij


def niet_geschikt_motivatie(motivatie: str) -> str:
    """The motivation that goes into the plan's history when it pauses or stops for this."""
    return _("Wijktoets: (nog) niet geschikt — %(motivatie)s") % {"motivatie": motivatie.strip()}


def wijktoets_plan_pauzeren_of_stoppen(
    *,
    wijkplan: Wijkplan,
    user: AbstractBaseUser,
    overgang: Literal["pauzeren", "stoppen"],
    verwachte_fase: str | None = Fase.WIJKTOETS,
) -> Faseovergang:
    """Pause or stop the plan because the completed wijktoets found it (nog) niet geschikt.

    The transition goes through the core's ``wijkplan_transition``; the verdict's motivation
    becomes the motivation in the plan's history.
    """
    if overgang not in ("pauzeren", "stoppen"):
        raise ValidationError({"overgang": _("Kies pauzeren of stoppen.")})
    if not wup_selectors.is_projectleider(wijkplan, user):
        raise PermissionDenied(_("Alleen de projectleider van dit plan kan dit doen."))
    toets = wijktoets_selectors.wijktoets_voor(wijkplan)
    laatste = wijktoets_selectors.laatste_versie(wijkplan)
    if (
        toets is None
        or not toets.afgerond
        or laatste is None
        or laatste.oordeel != Oordeel.NIET_GESCHIKT
    ):
        raise WijktoetsNietBewerkbaar(
            _(
                "Dit kan alleen direct na een afgeronde wijktoets met het oordeel ‘(nog) niet "
                "geschikt’. Gebruik anders de gewone knop om het plan te pauzeren of te stoppen."
            )
        )
    return wup_services.wijkplan_transition(
        wijkplan=wijkplan,
        overgang=overgang,
        user=user,
        motivatie=niet_geschikt_motivatie(laatste.inhoud.get("motivatie", "")),
        verwachte_fase=verwachte_fase,
    )
