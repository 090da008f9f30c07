"""Reads of the wijktoets, for this app and for the steps after it.

Other apps use :func:`wijktoets_voor` and :func:`gevolgen_voor_aanpak`; the latter answers from
the last *completed* version, because that is what the plan builds on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from wijktoets.constants import (
    PARTICIPATIENIVEAU_UITLEG,
    THEMA_INDICATOREN,
    THEMA_VRAAG,
    Beoordeling,
    Doelgroep,
    Oordeel,
    Participatieniveau,
    PartijCategorie,
    Thema,
    Timing,
    WijktoetsStatus,
)
from wijktoets.models import Wijktoets, WijktoetsVersie
from wijktoets.models.wijktoets import indicator_catalogus
from wup.constants import Fase

if TYPE_CHECKING:
    from wup.models import Wijkplan

#: Status badge (NL Design System modifier) per assessment and verdict.
BEOORDELING_BADGE = {
    Beoordeling.KANS: "success",
    Beoordeling.UITDAGING: "warning",
    Beoordeling.NEUTRAAL: "neutral",
}
OORDEEL_BADGE = {
    Oordeel.GESCHIKT: "success",
    Oordeel.ONDER_VOORWAARDEN: "warning",
    Oordeel.NIET_GESCHIKT: "danger",
}


def _label(choices, waarde: str) -> str:
    return str(choices(waarde).label) if waarde in choices.values else ""


# --- The wijktoets and its versions ---------------------------------------------------------


def wijktoets_voor(plan: Wijkplan) -> Wijktoets | None:
    """The plan's wijktoets with its findings and stakeholders; None if nobody started it."""
    return (
        Wijktoets.objects.filter(wijkplan_id=plan.pk)
        .select_related("gewijzigd_door")
        .prefetch_related("bevindingen", "partijen")
        .first()
    )


def versies_van(plan: Wijkplan) -> QuerySet[WijktoetsVersie]:
    """The completed versions, newest first."""
    return (
        WijktoetsVersie.objects.filter(wijktoets__wijkplan_id=plan.pk)
        .select_related("afgerond_door")
        .order_by("-nummer")
    )


def laatste_versie(plan: Wijkplan) -> WijktoetsVersie | None:
    return versies_van(plan).first()


def bewerkbaar(plan: Wijkplan) -> bool:
    """The wijktoets may change: the plan works on it (or paused there) and is not frozen.

    Once the plan has moved on, the completed wijktoets is what the later steps built on; it
    opens again when the plan is set back to the wijktoets phase.
    """
    if plan.bevroren:
        return False
    return plan.fase == Fase.WIJKTOETS or (
        plan.fase == Fase.GEPAUZEERD and plan.fase_voor_pauze == Fase.WIJKTOETS
    )


# --- Consequences for the approach (read by later steps) -----------------------------------


@dataclass(frozen=True)
class GevolgenVoorAanpak:
    """What the completed wijktoets means for how the next steps are taken."""

    versienummer: int
    afgerond_op: datetime
    oordeel: str
    oordeel_label: str
    motivatie: str
    voorwaarden: str
    participatieniveau: str
    participatieniveau_label: str
    doelgroepen: tuple[str, ...]
    doelgroepen_labels: tuple[str, ...]
    doelgroepen_toelichting: str
    timing: str
    timing_label: str
    timing_toelichting: str
    #: A newer version is being worked on; these consequences may still change.
    herziening_open: bool

    @property
    def geschikt(self) -> bool:
        return self.oordeel in (Oordeel.GESCHIKT, Oordeel.ONDER_VOORWAARDEN)


def gevolgen_voor_aanpak(plan: Wijkplan) -> GevolgenVoorAanpak | None:
    """The verdict and consequences of the last completed version; None if never completed."""
    versie = (
        WijktoetsVersie.objects.filter(wijktoets__wijkplan_id=plan.pk)
        .select_related("wijktoets")
        .order_by("-nummer")
        .first()
    )
    if versie is None:
        return None
    inhoud = versie.inhoud
    doelgroepen = tuple(d for d in inhoud.get("doelgroepen", []) if d in Doelgroep.values)
    return GevolgenVoorAanpak(
        versienummer=versie.nummer,
        afgerond_op=versie.afgerond_op,
        oordeel=versie.oordeel,
        oordeel_label=_label(Oordeel, versie.oordeel),
        motivatie=inhoud.get("motivatie", ""),
        voorwaarden=inhoud.get("voorwaarden", "")
        if versie.oordeel == Oordeel.ONDER_VOORWAARDEN
        else "",
        participatieniveau=inhoud.get("participatieniveau", ""),
        participatieniveau_label=_label(Participatieniveau, inhoud.get("participatieniveau", "")),
        doelgroepen=doelgroepen,
        doelgroepen_labels=tuple(_label(Doelgroep, d) for d in doelgroepen),
        doelgroepen_toelichting=inhoud.get("doelgroepen_toelichting", ""),
        timing=inhoud.get("timing", ""),
        timing_label=_label(Timing, inhoud.get("timing", "")),
        timing_toelichting=inhoud.get("timing_toelichting", ""),
        herziening_open=versie.wijktoets.versienummer > versie.nummer,
    )


# --- The gate: one query for any number of plans --------------------------------------------


@dataclass(frozen=True)
class WijktoetsStand:
    """Where a plan's wijktoets stands, as the gate conditions need it."""

    bestaat: bool = False
    status: str = WijktoetsStatus.CONCEPT
    versienummer: int = 1
    themas_ingevuld: int = 0
    oordeel: str = ""
    motivatie_gegeven: bool = False
    participatieniveau: str = ""
    aantal_doelgroepen: int = 0

    @property
    def afgerond(self) -> bool:
        return self.status == WijktoetsStatus.AFGEROND

    @property
    def themas_totaal(self) -> int:
        return len(Thema)


def stand_many(plans: Sequence[Wijkplan]) -> dict[int, WijktoetsStand]:
    """The state of the wijktoets of each plan, in one query."""
    ingevuld = Q(bevindingen__beoordeling__gt="") & ~Q(bevindingen__tekst="")
    rijen = (
        Wijktoets.objects.filter(wijkplan_id__in=[p.pk for p in plans])
        .annotate(ingevuld=Count("bevindingen", filter=ingevuld))
        .values(
            "wijkplan_id",
            "status",
            "versienummer",
            "ingevuld",
            "oordeel",
            "motivatie",
            "participatieniveau",
            "doelgroepen",
        )
    )
    stand = {
        r["wijkplan_id"]: WijktoetsStand(
            bestaat=True,
            status=r["status"],
            versienummer=r["versienummer"],
            themas_ingevuld=r["ingevuld"],
            oordeel=r["oordeel"],
            motivatie_gegeven=bool(r["motivatie"].strip()),
            participatieniveau=r["participatieniveau"],
            aantal_doelgroepen=len(r["doelgroepen"] or []),
        )
        for r in rijen
    }
    return {p.pk: stand.get(p.pk, WijktoetsStand()) for p in plans}


# --- For display: pages, versions and the plan document ------------------------------------


@dataclass(frozen=True)
class IndicatorWeergave:
    sleutel: str
    titel: str
    eenheid: str
    groep: str


@dataclass(frozen=True)
class BevindingWeergave:
    thema: str
    thema_label: str
    vraag: str
    tekst: str
    indicatoren: list[IndicatorWeergave]
    beoordeling: str
    beoordeling_label: str
    badge: str

    @property
    def ingevuld(self) -> bool:
        return bool(self.tekst.strip() and self.beoordeling)

    @property
    def leeg(self) -> bool:
        return not (self.tekst.strip() or self.beoordeling or self.indicatoren)


@dataclass(frozen=True)
class PartijWeergave:
    categorie: str
    categorie_label: str
    naam: str
    opmerking: str


@dataclass(frozen=True)
class WijktoetsWeergave:
    """A version of the wijktoets (draft or completed) with every label a template needs."""

    samenvatting: str
    economische_randvoorwaarden: str
    bronnen: str
    bevindingen: list[BevindingWeergave]
    partijen: list[PartijWeergave]
    oordeel: str
    oordeel_label: str
    oordeel_badge: str
    motivatie: str
    voorwaarden: str
    participatieniveau: str
    participatieniveau_label: str
    participatieniveau_uitleg: str
    doelgroepen_labels: list[str]
    doelgroepen_toelichting: str
    timing: str
    timing_label: str
    timing_toelichting: str
    themas_totaal: int = field(default=len(Thema))

    @property
    def themas_ingevuld(self) -> int:
        return sum(1 for b in self.bevindingen if b.ingevuld)

    @property
    def heeft_gevolgen(self) -> bool:
        return bool(
            self.participatieniveau
            or self.doelgroepen_labels
            or self.doelgroepen_toelichting
            or self.timing
            or self.timing_toelichting
        )


def indicator(sleutel: str) -> IndicatorWeergave:
    """An indicator with its CBS title and unit; an unknown key is shown as is."""
    v = indicator_catalogus().get(sleutel)
    if v is None:
        return IndicatorWeergave(sleutel, sleutel, "", "")
    return IndicatorWeergave(sleutel, v.titel, v.eenheid, v.groep)


def weergave(inhoud: Mapping[str, Any]) -> WijktoetsWeergave:
    """Labels for a snapshot (``Wijktoets.als_inhoud()`` or a completed version's content)."""
    per_thema = {b.get("thema"): b for b in inhoud.get("bevindingen", [])}
    bevindingen = []
    for thema in Thema:
        b = per_thema.get(thema.value, {})
        beoordeling = b.get("beoordeling", "")
        bevindingen.append(
            BevindingWeergave(
                thema=thema.value,
                thema_label=str(thema.label),
                vraag=str(THEMA_VRAAG[thema]),
                tekst=b.get("tekst", ""),
                indicatoren=[indicator(s) for s in b.get("indicatoren", [])],
                beoordeling=beoordeling,
                beoordeling_label=_label(Beoordeling, beoordeling),
                badge=BEOORDELING_BADGE.get(beoordeling, "neutral"),
            )
        )
    oordeel = inhoud.get("oordeel", "")
    niveau = inhoud.get("participatieniveau", "")
    return WijktoetsWeergave(
        samenvatting=inhoud.get("samenvatting", ""),
        economische_randvoorwaarden=inhoud.get("economische_randvoorwaarden", ""),
        bronnen=inhoud.get("bronnen", ""),
        bevindingen=bevindingen,
        partijen=[
            PartijWeergave(
                categorie=p.get("categorie", ""),
                categorie_label=_label(PartijCategorie, p.get("categorie", "")),
                naam=p.get("naam", ""),
                opmerking=p.get("opmerking", ""),
            )
            for p in inhoud.get("partijen", [])
        ],
        oordeel=oordeel,
        oordeel_label=_label(Oordeel, oordeel),
        oordeel_badge=OORDEEL_BADGE.get(oordeel, "neutral"),
        motivatie=inhoud.get("motivatie", ""),
        voorwaarden=inhoud.get("voorwaarden", "") if oordeel == Oordeel.ONDER_VOORWAARDEN else "",
        participatieniveau=niveau,
        participatieniveau_label=_label(Participatieniveau, niveau),
        participatieniveau_uitleg=str(PARTICIPATIENIVEAU_UITLEG.get(niveau, "")),
        doelgroepen_labels=[_label(Doelgroep, d) for d in inhoud.get("doelgroepen", [])],
        doelgroepen_toelichting=inhoud.get("doelgroepen_toelichting", ""),
        timing=inhoud.get("timing", ""),
        timing_label=_label(Timing, inhoud.get("timing", "")),
        timing_toelichting=inhoud.get("timing_toelichting", ""),
    )


def lege_inhoud() -> dict[str, Any]:
    """The content of a wijktoets nobody has started."""
    return Wijktoets().als_inhoud()


# --- Indicators to choose from ----------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorGroep:
    naam: str
    indicatoren: list[IndicatorWeergave]
    #: The indicators suggested for the theme (shown first and open).
    voorgesteld: bool = False


def indicator_keuzes(thema: str, gekozen: Iterable[str] = ()) -> list[IndicatorGroep]:
    """The indicators for a theme's form: the suggested ones first, then every CBS group.

    Keys chosen earlier that the catalogue no longer knows stay available, so nothing is lost.
    """
    catalogus = indicator_catalogus()
    voorgesteld = [indicator(s) for s in THEMA_INDICATOREN.get(thema, ()) if s in catalogus]
    groepen: list[IndicatorGroep] = []
    if voorgesteld:
        groepen.append(IndicatorGroep(_("Voorgesteld voor dit thema"), voorgesteld, True))
    al = {i.sleutel for i in voorgesteld}
    per_groep: dict[str, list[IndicatorWeergave]] = {}
    for sleutel in catalogus:
        if sleutel not in al:
            i = indicator(sleutel)
            per_groep.setdefault(i.groep, []).append(i)
    groepen += [IndicatorGroep(naam, lijst) for naam, lijst in per_groep.items()]
    onbekend = [indicator(s) for s in gekozen if s not in catalogus]
    if onbekend:
        groepen.append(IndicatorGroep(_("Eerder gekozen, niet meer in de kerncijfers"), onbekend))
    return groepen
