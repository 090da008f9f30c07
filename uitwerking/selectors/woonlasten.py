"""Reads of step 5's part 'woonlasten': the household types of the plan area, what they rest on
(the building stock of step 2, the CBS figures of step 1), the chosen alternative with its
calculation, and the stored calculations of the housing costs with whether they are outdated.

Other apps are read only through their selectors. Every function keeps its number of queries
fixed, however many household types, plans or calculations there are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
from django.utils.translation import gettext as _

from uitwerking.financien import EIGENDOMSVORMEN, WoonlastenResultaat
from uitwerking.financien.woonlasten import EIGENAAR, HUURDER_CORPORATIE, PARTICULIERE_HUURDER
from uitwerking.models import Woonlastenberekening
from wup.models import Wijkplan

#: CBS key of the share of each tenure in the housing stock (Kerncijfers wijken en buurten).
CBS_AANDELEN = {
    EIGENAAR: "koopwoningen_pct",
    HUURDER_CORPORATIE: "corporatiewoningen_pct",
    PARTICULIERE_HUURDER: "overige_verhuurders_pct",
}
#: The stock's dwelling types (PBL) -> the CBS's dwelling type of its average energy use.
CBS_WONINGTYPE = {
    "vrijstaand": "vrijstaand",
    "2 onder 1 kap": "twee_onder_een_kap",
    "rijwoning hoek": "hoekwoning",
    "rijwoning tussen": "tussenwoning",
    "meergezins: laag en midden": "appartement",
    "meergezins: hoog": "appartement",
}
CBS_BRON = "CBS, Kerncijfers wijken en buurten (CC BY 4.0)"


def sleutel_van(woningtype: str, eigendom: str) -> str:
    return f"{woningtype}|{eigendom}"


def _getal(waarde) -> float | None:
    try:
        x = float(waarde)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


# --- The building stock -------------------------------------------------------------------------


@dataclass(frozen=True)
class Woningtype:
    """All dwellings of one type in the stock: how many, their mean floor area, periods."""

    naam: str
    aantal: int
    oppervlakte: float | None
    bouwperioden: tuple[str, ...]


def woningtypen(woningen: Sequence[Mapping]) -> list[Woningtype]:
    """The stock's records (``{type, bouwperiode, label, aantal, oppervlakte}``) per type, in
    the order they first appear; types with no dwellings are left out."""
    per_type: dict[str, dict] = {}
    for r in woningen or []:
        naam = str(r.get("type") or "").strip()
        aantal = _getal(r.get("aantal")) or 0.0
        if not naam or aantal <= 0:
            continue
        t = per_type.setdefault(naam, {"aantal": 0.0, "m2": 0.0, "met_m2": 0.0, "perioden": []})
        t["aantal"] += aantal
        opp = _getal(r.get("oppervlakte"))
        if opp is not None and opp > 0:
            t["m2"] += opp * aantal
            t["met_m2"] += aantal
        periode = str(r.get("bouwperiode") or "").strip()
        if periode and periode not in t["perioden"]:
            t["perioden"].append(periode)
    return [
        Woningtype(
            naam,
            round(t["aantal"]),
            t["m2"] / t["met_m2"] if t["met_m2"] else None,
            tuple(t["perioden"]),
        )
        for naam, t in per_type.items()
        if round(t["aantal"]) > 0
    ]


def voorraad_van(plan: Wijkplan):
    from techniek.selectors.alternatieven import gebouwvoorraad

    return gebouwvoorraad(plan)


# --- CBS figures of the area --------------------------------------------------------------------


@dataclass(frozen=True)
class Gebiedscijfers:
    """What step 1's CBS figures say about the area: tenure shares (percent, summing to 100)
    and the average gas and electricity use per dwelling type; None where CBS has nothing."""

    aandelen: dict[str, float] | None
    gas_m3: dict[str, float | None]
    elektriciteit_kwh: dict[str, float | None]
    jaar: int | None
    bron: str = CBS_BRON
    buurten: tuple[str, ...] = ()

    def gas_voor(self, woningtype: str) -> float | None:
        return self.gas_m3.get(CBS_WONINGTYPE.get(woningtype, ""), self.gas_m3.get("totaal"))

    def elektriciteit_voor(self, woningtype: str) -> float | None:
        return self.elektriciteit_kwh.get(
            CBS_WONINGTYPE.get(woningtype, ""), self.elektriciteit_kwh.get("totaal")
        )


def _gewogen(rijen: pd.DataFrame, kolom: str) -> float | None:
    if kolom not in rijen:
        return None
    waarden = rijen[kolom]
    gewichten = rijen["woningvoorraad"].fillna(1.0) if "woningvoorraad" in rijen else None
    geldig = waarden.notna()
    if not geldig.any():
        return None
    if gewichten is None or gewichten[geldig].sum() <= 0:
        return float(waarden[geldig].mean())
    return float((waarden[geldig] * gewichten[geldig]).sum() / gewichten[geldig].sum())


def gebiedscijfers(plan: Wijkplan) -> Gebiedscijfers:
    """The newest CBS figures of each of the plan's buurten, averaged over the buurten weighted
    by their number of dwellings (one query)."""
    from wijktoets.selectors import kerncijfers
    from wijktoets.selectors.indicatoren import plan_buurten

    buurten = plan_buurten(plan)
    frame = kerncijfers.kerncijfers_frame(list(buurten)) if buurten else pd.DataFrame()
    if frame.empty:
        return Gebiedscijfers(None, {}, {}, None, buurten=tuple(buurten.values()))
    nieuwste = frame.sort_values("jaar").groupby("code").tail(1)
    typen = {*CBS_WONINGTYPE.values(), "totaal"}
    gas = {t: _gewogen(nieuwste, f"aardgas_{t}_m3") for t in typen}
    stroom = {t: _gewogen(nieuwste, f"elektriciteit_{t}_kwh") for t in typen}
    ruw = {e: _gewogen(nieuwste, k) for e, k in CBS_AANDELEN.items()}
    aandelen = None
    if all(v is not None for v in ruw.values()) and sum(ruw.values()) > 0:
        som = sum(ruw.values())
        aandelen = {e: 100.0 * v / som for e, v in ruw.items()}
    return Gebiedscijfers(
        aandelen,
        gas,
        stroom,
        int(nieuwste["jaar"].max()),
        buurten=tuple(buurten.values()),
    )


# --- Household types ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Huishoudtype:
    """Dwelling type × tenure, with its number of households (as derived and as used)."""

    woningtype: str
    eigendom: str
    afgeleid: int
    aantal: int
    oppervlakte: float | None

    @property
    def sleutel(self) -> str:
        return sleutel_van(self.woningtype, self.eigendom)

    @property
    def naam(self) -> str:
        return f"{self.woningtype}, {self.eigendom}"

    @property
    def gecorrigeerd(self) -> bool:
        return self.aantal != self.afgeleid


def _verdeel(aantal: int, aandelen: Mapping[str, float]) -> dict[str, int]:
    """``aantal`` split by the shares, rounded so the parts add up (largest remainder)."""
    som = sum(aandelen.values()) or 1.0
    exact = {e: aantal * aandelen.get(e, 0.0) / som for e in EIGENDOMSVORMEN}
    delen = {e: math.floor(x) for e, x in exact.items()}
    rest = aantal - sum(delen.values())
    for e in sorted(EIGENDOMSVORMEN, key=lambda e: exact[e] - delen[e], reverse=True)[:rest]:
        delen[e] += 1
    return delen


def huishoudtypen(
    typen: Sequence[Woningtype],
    aandelen: Mapping[str, float],
    correcties: Mapping[str, int] | None = None,
) -> list[Huishoudtype]:
    """Every dwelling type split over the tenures by the area's shares; a correction replaces a
    derived number. Types with no households are left out: they are not present."""
    correcties = correcties or {}
    uit = []
    for t in typen:
        for eigendom, n in _verdeel(t.aantal, aandelen).items():
            aantal = int(correcties.get(sleutel_van(t.naam, eigendom), n))
            if aantal > 0:
                uit.append(Huishoudtype(t.naam, eigendom, n, aantal, t.oppervlakte))
    return uit


# --- The chosen alternative ---------------------------------------------------------------------


@dataclass(frozen=True)
class GekozenAlternatief:
    """The current choice of step 4 with step 2's alternative and its latest finished
    calculation; ``ontbreekt`` says in Dutch what is missing."""

    keuze: object | None
    stand: object | None
    ontbreekt: str = ""

    @property
    def berekening(self):
        return self.stand.laatste_klaar if self.stand else None


def gekozen_alternatief(plan: Wijkplan) -> GekozenAlternatief:
    from keuze.selectors import huidige_keuze
    from techniek.selectors.alternatieven import alternatieven_van

    keuze = huidige_keuze(plan)
    if keuze is None:
        return GekozenAlternatief(
            None, None, _("Er is nog geen keuze vastgelegd (stap 4). Leg eerst de keuze vast.")
        )
    stand = next(
        (s for s in alternatieven_van(plan) if s.alternatief.pk == keuze.alternatief_id), None
    )
    if stand is None:
        return GekozenAlternatief(
            keuze,
            None,
            _("Het gekozen alternatief ‘%(naam)s’ bestaat niet meer in stap 2.")
            % {"naam": keuze.alternatief_naam},
        )
    if stand.laatste_klaar is None:
        return GekozenAlternatief(
            keuze,
            stand,
            _("Het gekozen alternatief ‘%(naam)s’ is nog niet doorgerekend (stap 2).")
            % {"naam": keuze.alternatief_naam},
        )
    if stand.voorraad_verouderd:
        return GekozenAlternatief(
            keuze,
            stand,
            _(
                "De berekening van ‘%(naam)s’ hoort bij een oudere gebouwvoorraad. Reken het "
                "alternatief eerst opnieuw door in stap 2."
            )
            % {"naam": keuze.alternatief_naam},
        )
    return GekozenAlternatief(keuze, stand)


# --- Energy poverty (step 1) --------------------------------------------------------------------


@dataclass(frozen=True)
class Energiearmoede:
    """Step 1's signal: True when at least one buurt is an aandachtspunt; None when unknown."""

    signaal: bool | None
    tekst: str


def energiearmoede(plan: Wijkplan) -> Energiearmoede:
    from wijktoets.selectors.indicatoren import indicatoren_voor_plan

    uitkomst = indicatoren_voor_plan(plan)
    ea = uitkomst.energiearmoede
    if ea is None:
        return Energiearmoede(None, _("Voor dit gebied is geen signaal energiearmoede bepaald."))
    if ea.aandachtspunten:
        return Energiearmoede(True, ea.samenvatting)
    onbekend = all(b.signaal == "onbekend" for b in ea.buurten)
    return Energiearmoede(None if onbekend else False, ea.samenvatting)


# --- Stored calculations ------------------------------------------------------------------------


@dataclass(frozen=True)
class Uitkomst:
    """One household type's stored result."""

    sleutel: str
    aantal: int
    resultaat: WoonlastenResultaat
    risico: bool
    verbruik: dict = field(default_factory=dict)

    @property
    def verschil(self) -> float:
        return self.resultaat.verschil


@dataclass(frozen=True)
class Stand:
    """A stored calculation and whether it is outdated, with the reasons."""

    berekening: Woonlastenberekening
    redenen: tuple[str, ...] = ()

    @property
    def verouderd(self) -> bool:
        return bool(self.redenen)

    @cached_property
    def uitkomsten(self) -> list[Uitkomst]:
        return [
            Uitkomst(
                r["sleutel"],
                int(r["aantal"]),
                WoonlastenResultaat.from_dict(r["resultaat"]),
                bool(r.get("risico")),
                r.get("verbruik") or {},
            )
            for r in self.berekening.resultaten
        ]

    @property
    def neutraal(self) -> int:
        return sum(1 for u in self.uitkomsten if u.resultaat.woonlastenneutraal)

    @property
    def niet_neutraal(self) -> int:
        return sum(1 for u in self.uitkomsten if not u.resultaat.woonlastenneutraal)

    @property
    def risico(self) -> int:
        return sum(1 for u in self.uitkomsten if u.risico)


def berekeningen_van(plan: Wijkplan) -> list[Woonlastenberekening]:
    """All calculations, newest first (the first counts)."""
    return list(Woonlastenberekening.objects.filter(wijkplan=plan).select_related("berekend_door"))


def berekening_by_pk(plan: Wijkplan, pk: int) -> Woonlastenberekening | None:
    return Woonlastenberekening.objects.filter(wijkplan=plan, pk=pk).first()


def laatste_many(plans: Sequence[Wijkplan]) -> dict[int, Woonlastenberekening]:
    """The newest calculation per plan id (one query)."""
    uit: dict[int, Woonlastenberekening] = {}
    for b in Woonlastenberekening.objects.filter(wijkplan__in=[p.pk for p in plans]).order_by(
        "wijkplan_id", "-berekend_op", "-pk"
    ):
        uit.setdefault(b.wijkplan_id, b)
    return uit


def _redenen(
    b: Woonlastenberekening, keuze, standen, param_oud: bool, businesscase_id: int | None
) -> tuple[str, ...]:
    redenen = []
    if b.met_warmtetarief and businesscase_id != b.businesscase_id:
        redenen.append(
            _("de businesscase van het warmtebedrijf is (opnieuw) berekend, met eigen tarieven")
            if businesscase_id
            else _("de tarieven van het warmtebedrijf uit de businesscase gelden niet meer")
        )
    if param_oud:
        redenen.append(_("er is een nieuwere versie van de financiële parameters vastgesteld"))
    if keuze is None or keuze.pk != b.keuze_id:
        redenen.append(_("er is sindsdien een andere keuze vastgelegd (stap 4)"))
    else:
        stand = next((s for s in standen if s.alternatief.pk == b.alternatief_id), None)
        if stand is None or stand.laatste_klaar is None:
            redenen.append(_("het gekozen alternatief heeft geen afgeronde berekening meer"))
        elif stand.laatste_klaar.pk != b.techniek_berekening_id:
            redenen.append(_("het gekozen alternatief is opnieuw doorgerekend (stap 2)"))
        elif stand.voorraad_verouderd:
            redenen.append(_("de gebouwvoorraad is gewijzigd (stap 2)"))
    return tuple(redenen)


def standen_many(plans: Sequence[Wijkplan]) -> dict[int, Stand]:
    """The newest calculation of each plan with its outdated reasons (fixed queries: the
    calculations, the choices, step 2's alternatives, the parameter versions)."""
    from keuze.selectors import huidige_keuzes_many
    from techniek.selectors.alternatieven import alternatieven_many
    from uitwerking import parameters
    from uitwerking.selectors.businesscase import bewonerstarieven_many

    laatste = laatste_many(plans)
    if not laatste:
        return {}
    met = [p for p in plans if p.pk in laatste]
    keuzes = huidige_keuzes_many(met)
    alternatieven = alternatieven_many(met)
    oud = parameters.verouderd_many({b.parameterset_id for b in laatste.values()})
    tarieven = bewonerstarieven_many(met, keuzes)
    return {
        pk: Stand(
            b,
            _redenen(
                b,
                keuzes.get(pk),
                alternatieven.get(pk, []),
                oud.get(b.parameterset_id),
                tarieven[pk].businesscase_id if pk in tarieven else None,
            ),
        )
        for pk, b in laatste.items()
    }


def stand_van(plan: Wijkplan) -> Stand | None:
    return standen_many([plan]).get(plan.pk)


# --- What pages, the chapter, the public block and the exports show ---------------------------

POSTEN = {
    "energie": _("Energierekening"),
    "vastrecht": _("Vaste kosten (vastrecht)"),
    "onderhoud": _("Onderhoud"),
    "overig": _("Overig"),
    "financiering": _("Lening (per maand)"),
    "huurverhoging": _("Huurverhoging"),
}


def euro(waarde: float | None, decimalen: int = 0) -> str:
    from wup import charts

    if charts.ontbreekt(waarde):
        return charts.ONBEKEND
    return f"€\u00a0{charts.getal(waarde, decimalen)}"


def verschil_tekst(waarde: float) -> str:
    tekst = euro(abs(waarde))
    if round(waarde) > 0:
        return f"+ {tekst}"
    if round(waarde) < 0:
        return f"− {tekst}"
    return tekst


def anker(sleutel: str) -> str:
    from django.utils.text import slugify

    return "type-" + slugify(sleutel.replace("|", "-"))


def rijen(stand: Stand) -> list[dict]:
    """One row per household type, the figures as Dutch texts."""
    uit = []
    for u in stand.uitkomsten:
        r = u.resultaat
        uit.append(
            {
                "sleutel": u.sleutel,
                "anker": anker(u.sleutel),
                "naam": r.naam,
                "woningtype": r.woningtype,
                "eigendom": r.eigendom,
                "aantal": u.aantal,
                "eenmalig": euro(r.eenmalig_bruto),
                "subsidie": euro(r.subsidies),
                "netto": euro(r.eenmalig_netto),
                "financiering": euro(r.financiering_per_maand),
                "voor": euro(r.totaal_voor),
                "na": euro(r.totaal_na),
                "verschil": verschil_tekst(r.verschil),
                "neutraal": r.woonlastenneutraal,
                "huurder": r.eigendom != EIGENAAR,
                "risico": u.risico,
                "uitleg": r.uitleg,
                "notities": r.notities,
                "regels": [
                    {
                        "post": str(POSTEN.get(g.post, g.post)),
                        "voor": euro(g.voor),
                        "na": euro(g.na),
                        "verschil": verschil_tekst(g.verschil),
                    }
                    for g in r.regels
                    if g.voor or g.na
                ],
                "verbruik": u.verbruik,
                "resultaat": r,
            }
        )
    return uit


def grafiek(stand: Stand):
    """Grouped bars: per household type the monthly costs now and after the switch."""
    from wup import charts

    uitkomsten = stand.uitkomsten
    if not uitkomsten:
        return None
    return charts.gegroepeerd_staafdiagram(
        _("Maandlasten nu en na de overstap, per type huishouden"),
        [u.resultaat.naam for u in uitkomsten],
        [
            charts.Reeks(_("Nu"), [u.resultaat.totaal_voor for u in uitkomsten]),
            charts.Reeks(_("Na de overstap"), [u.resultaat.totaal_na for u in uitkomsten]),
        ],
        eenheid=_("euro per maand"),
        toelichting=_(
            "Energierekening, vaste kosten, onderhoud en de lening of huurverhoging samen, per "
            "maand."
        ),
        bron=_("Berekening woonlasten, %(alt)s") % {"alt": stand.berekening.alternatief_naam},
        kolomkop=_("Type huishouden"),
        id=f"woonlasten-{stand.berekening.pk}",
    )


def _waarde(waarde, eenheid: str) -> str:
    from wup import charts

    if eenheid.startswith("ratio"):
        return charts.met_eenheid(None if waarde is None else 100 * waarde, "%", 2)
    decimalen = 2 if isinstance(waarde, float) and abs(waarde) < 100 else 0
    return charts.met_eenheid(waarde, eenheid, decimalen)


def parameters_weergave(stand: Stand) -> list[dict]:
    """The figures a calculation used, with their value as Dutch text and their source."""
    return [
        {**p, "tekst": _waarde(p.get("waarde"), p.get("eenheid") or "")}
        for p in stand.berekening.gebruikte_parameters
    ]


def weergave(stand: Stand | None) -> dict:
    """The context every page and the chapter share."""
    if stand is None:
        return {"stand": None, "rijen": [], "grafiek": None, "parameters": []}
    alle = rijen(stand)
    return {
        "stand": stand,
        "berekening": stand.berekening,
        "rijen": alle,
        "grafiek": grafiek(stand),
        "niet_neutraal": [r for r in alle if not r["neutraal"]],
        "risico": [r for r in alle if r["risico"]],
        "parameters": parameters_weergave(stand),
    }


def tabel(stand: Stand) -> pd.DataFrame:
    """The cost table as numbers, for CSV and Excel."""
    kolommen = [
        "Type huishouden",
        "Woningtype",
        "Eigendom",
        "Aantal huishoudens",
        "Eenmalige kosten (EUR)",
        "Subsidie (EUR)",
        "Netto eenmalig (EUR)",
        "Lening of huurverhoging per maand (EUR)",
        "Maandlasten nu (EUR)",
        "Maandlasten na (EUR)",
        "Verschil per maand (EUR)",
        "Woonlastenneutraal",
        "Risico (energiearmoede)",
    ]
    data = [
        [
            u.resultaat.naam,
            u.resultaat.woningtype,
            u.resultaat.eigendom,
            u.aantal,
            round(u.resultaat.eenmalig_bruto, 2),
            round(u.resultaat.subsidies, 2),
            round(u.resultaat.eenmalig_netto, 2),
            round(u.resultaat.financiering_per_maand, 2),
            round(u.resultaat.totaal_voor, 2),
            round(u.resultaat.totaal_na, 2),
            round(u.resultaat.verschil, 2),
            "ja" if u.resultaat.woonlastenneutraal else "nee",
            "ja" if u.risico else "nee",
        ]
        for u in stand.uitkomsten
    ]
    return pd.DataFrame(data, columns=kolommen)


def regeltabel(stand: Stand) -> pd.DataFrame:
    data = [
        [u.resultaat.naam, str(POSTEN.get(g.post, g.post)), round(g.voor, 2), round(g.na, 2)]
        for u in stand.uitkomsten
        for g in u.resultaat.regels
    ]
    return pd.DataFrame(
        data, columns=["Type huishouden", "Post", "Per maand nu (EUR)", "Per maand na (EUR)"]
    )


def parametertabel(stand: Stand) -> pd.DataFrame:
    return pd.DataFrame(
        [
            [p.get("naam"), p.get("waarde"), p.get("eenheid"), p.get("bron")]
            for p in stand.berekening.gebruikte_parameters
        ],
        columns=["Parameter", "Waarde", "Eenheid", "Bron"],
    )


def aantal_berekeningen(plan: Wijkplan) -> int:
    return Woonlastenberekening.objects.filter(wijkplan=plan).count()
