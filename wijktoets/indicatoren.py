"""Indicators of a plan area compared with its municipality and the Netherlands.

Pure computation (pandas/numpy, no Django, no database): it takes the frame that
``wijktoets.selectors.kerncijfers.kerncijfers_frame`` returns -- one row per (code, jaar) with
``code``, ``jaar``, ``soort``, ``naam`` and one float column per CBS variable, NaN where CBS has
no figure -- and returns typed dataclasses.

How a plan area of several buurten is added up:

* counts (inhabitants, households, dwellings, land area) are summed;
* shares and averages are weighted by what they are a share or average *of*: dwellings for
  ownership, dwelling type, construction period, WOZ value and energy use; rented or owner-
  occupied dwellings for the energy use of those; households for household shares and size;
  inhabitants for income per inhabitant;
* a buurt whose value or weight is unknown is not silently skipped: every figure carries its
  coverage (how many buurten, and which share of the base, it rests on).

A plan area of one buurt simply shows that buurt's figure.

The energy-poverty indication is a signal, not a measurement: a buurt is an *aandachtspunt*
when it has a higher share of low-income households **and** a higher average gas use than the
municipality (margins configurable in :class:`EnergiearmoedeRegel`). The rule and its
thresholds are part of the result, so users see why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np
import pandas as pd

from wup.charts import met_eenheid, ontbreekt

NEDERLAND = "NL00"
BRON = "CBS, Kerncijfers wijken en buurten"
LICENTIE = "CC BY 4.0"

BEVOLKING, WONEN, ENERGIE, INKOMEN = "Bevolking", "Wonen", "Energie", "Inkomen"
GROEPEN = (BEVOLKING, WONEN, ENERGIE, INKOMEN)

SOM, GEWOGEN = "som", "gewogen"


@dataclass(frozen=True)
class Definitie:
    """How one indicator is read from the frame, added up and shown."""

    sleutel: str
    titel: str
    groep: str
    eenheid: str
    decimalen: int = 0
    aggregatie: str = GEWOGEN
    #: Alternative weights, best first: each a tuple of frame columns whose product is the
    #: weight (``*_pct`` columns count as fractions). The first whose columns all exist in the
    #: frame is used; any but the first makes the figure an approximation.
    gewichten: tuple[tuple[str, ...], ...] = ()
    #: What the weight is, in words ("het aantal woningen").
    gewicht_naam: tuple[str, ...] = ()
    #: CBS writes some figures in thousands ("x 1 000 euro"); we show euros.
    factor: float = 1.0
    #: Optional indicators are left out when the year has no figure for them at all.
    optioneel: bool = False

    @property
    def is_telling(self) -> bool:
        return self.aggregatie == SOM


_WONINGEN = (("woningvoorraad",),)
_HUISHOUDENS = (("huishoudens_totaal",),)


def _type(kolom: str, naam: str) -> dict:
    """Energy use of one dwelling type, weighted by the dwellings of that type."""
    return {
        # CBS's share per dwelling type is not always in the frame; all these types are
        # single-family dwellings, so their share is the next best weight.
        "gewichten": (("woningvoorraad", kolom), ("woningvoorraad", "eengezinswoning_pct")),
        "gewicht_naam": (f"het aantal {naam}", "het aantal eengezinswoningen"),
        "optioneel": True,
    }


DEFINITIES: tuple[Definitie, ...] = (
    # --- Bevolking
    Definitie("aantal_inwoners", "Inwoners", BEVOLKING, "inwoners", aggregatie=SOM),
    Definitie("huishoudens_totaal", "Huishoudens", BEVOLKING, "huishoudens", aggregatie=SOM),
    Definitie(
        "gemiddelde_huishoudensgrootte",
        "Gemiddelde grootte van een huishouden",
        BEVOLKING,
        "personen",
        1,
        gewichten=_HUISHOUDENS,
        gewicht_naam=("het aantal huishoudens",),
    ),
    Definitie(
        "oppervlakte_land_ha", "Oppervlakte land", BEVOLKING, "ha", aggregatie=SOM, optioneel=True
    ),
    # --- Wonen
    Definitie("woningvoorraad", "Woningen", WONEN, "woningen", aggregatie=SOM),
    Definitie(
        "gemiddelde_woz_waarde",
        "Gemiddelde WOZ-waarde van een woning",
        WONEN,
        "euro",
        gewichten=_WONINGEN,
        gewicht_naam=("het aantal woningen",),
        factor=1000.0,
    ),
    *(
        Definitie(
            sleutel,
            titel,
            WONEN,
            "%",
            gewichten=_WONINGEN,
            gewicht_naam=("het aantal woningen",),
            optioneel=optioneel,
        )
        for sleutel, titel, optioneel in (
            ("koopwoningen_pct", "Koopwoningen", False),
            ("huurwoningen_pct", "Huurwoningen", False),
            ("corporatiewoningen_pct", "Huurwoningen van een woningcorporatie", False),
            ("overige_verhuurders_pct", "Huurwoningen van overige verhuurders", False),
            ("eigendom_onbekend_pct", "Woningen met onbekende eigenaar", True),
            ("eengezinswoning_pct", "Eengezinswoningen", False),
            ("meergezinswoning_pct", "Meergezinswoningen (appartementen)", False),
            ("bouwjaar_voor_2000_pct", "Gebouwd vóór 2000", True),
            ("bouwjaar_vanaf_2000_pct", "Gebouwd in 2000 of later", True),
            ("bouwjaar_ouder_dan_10_jaar_pct", "Gebouwd meer dan tien jaar geleden", True),
            ("bouwjaar_laatste_10_jaar_pct", "Gebouwd in de afgelopen tien jaar", True),
        )
    ),
    # --- Energie
    Definitie(
        "aardgas_totaal_m3",
        "Gemiddeld aardgasverbruik per woning",
        ENERGIE,
        "m³",
        gewichten=_WONINGEN,
        gewicht_naam=("het aantal woningen",),
    ),
    Definitie(
        "aardgas_eigen_woning_m3",
        "Aardgasverbruik koopwoning",
        ENERGIE,
        "m³",
        gewichten=(("woningvoorraad", "koopwoningen_pct"),),
        gewicht_naam=("het aantal koopwoningen",),
    ),
    Definitie(
        "aardgas_huurwoning_m3",
        "Aardgasverbruik huurwoning",
        ENERGIE,
        "m³",
        gewichten=(("woningvoorraad", "huurwoningen_pct"),),
        gewicht_naam=("het aantal huurwoningen",),
    ),
    Definitie(
        "aardgas_appartement_m3",
        "Aardgasverbruik appartement",
        ENERGIE,
        "m³",
        gewichten=(("woningvoorraad", "meergezinswoning_pct"),),
        gewicht_naam=("het aantal meergezinswoningen",),
        optioneel=True,
    ),
    Definitie(
        "aardgas_tussenwoning_m3",
        "Aardgasverbruik tussenwoning",
        ENERGIE,
        "m³",
        **_type("tussenwoning_pct", "tussenwoningen"),
    ),
    Definitie(
        "aardgas_hoekwoning_m3",
        "Aardgasverbruik hoekwoning",
        ENERGIE,
        "m³",
        **_type("hoekwoning_pct", "hoekwoningen"),
    ),
    Definitie(
        "aardgas_twee_onder_een_kap_m3",
        "Aardgasverbruik twee-onder-een-kapwoning",
        ENERGIE,
        "m³",
        **_type("twee_onder_een_kap_pct", "twee-onder-een-kapwoningen"),
    ),
    Definitie(
        "aardgas_vrijstaand_m3",
        "Aardgasverbruik vrijstaande woning",
        ENERGIE,
        "m³",
        **_type("vrijstaande_woning_pct", "vrijstaande woningen"),
    ),
    Definitie(
        "elektriciteit_totaal_kwh",
        "Gemiddeld elektriciteitsverbruik per woning",
        ENERGIE,
        "kWh",
        gewichten=_WONINGEN,
        gewicht_naam=("het aantal woningen",),
    ),
    Definitie(
        "elektriciteit_eigen_woning_kwh",
        "Elektriciteitsverbruik koopwoning",
        ENERGIE,
        "kWh",
        gewichten=(("woningvoorraad", "koopwoningen_pct"),),
        gewicht_naam=("het aantal koopwoningen",),
    ),
    Definitie(
        "elektriciteit_huurwoning_kwh",
        "Elektriciteitsverbruik huurwoning",
        ENERGIE,
        "kWh",
        gewichten=(("woningvoorraad", "huurwoningen_pct"),),
        gewicht_naam=("het aantal huurwoningen",),
    ),
    *(
        Definitie(
            f"elektriciteit_{soort}_kwh",
            f"Elektriciteitsverbruik {naam}",
            ENERGIE,
            "kWh",
            **gewicht,
        )
        for soort, naam, gewicht in (
            (
                "appartement",
                "appartement",
                {
                    "gewichten": (("woningvoorraad", "meergezinswoning_pct"),),
                    "gewicht_naam": ("het aantal meergezinswoningen",),
                    "optioneel": True,
                },
            ),
            ("tussenwoning", "tussenwoning", _type("tussenwoning_pct", "tussenwoningen")),
            ("hoekwoning", "hoekwoning", _type("hoekwoning_pct", "hoekwoningen")),
            (
                "twee_onder_een_kap",
                "twee-onder-een-kapwoning",
                _type("twee_onder_een_kap_pct", "twee-onder-een-kapwoningen"),
            ),
            (
                "vrijstaand",
                "vrijstaande woning",
                _type("vrijstaande_woning_pct", "vrijstaande woningen"),
            ),
        )
    ),
    Definitie(
        "stadsverwarming_pct",
        "Woningen met stadsverwarming",
        ENERGIE,
        "%",
        1,
        gewichten=_WONINGEN,
        gewicht_naam=("het aantal woningen",),
    ),
    # --- Inkomen
    Definitie(
        "inkomen_per_inwoner",
        "Gemiddeld inkomen per inwoner",
        INKOMEN,
        "euro",
        gewichten=(("aantal_inwoners",),),
        gewicht_naam=("het aantal inwoners",),
        factor=1000.0,
    ),
    Definitie(
        "huishoudens_laag_inkomen_pct",
        "Huishoudens met een laag inkomen",
        INKOMEN,
        "%",
        1,
        gewichten=_HUISHOUDENS,
        gewicht_naam=("het aantal huishoudens",),
    ),
    Definitie(
        "huishoudens_rond_sociaal_minimum_pct",
        "Huishoudens onder of rond het sociaal minimum",
        INKOMEN,
        "%",
        1,
        gewichten=_HUISHOUDENS,
        gewicht_naam=("het aantal huishoudens",),
    ),
)
DEFINITIE: dict[str, Definitie] = {d.sleutel: d for d in DEFINITIES}

#: Indicators of which the trend over the years is shown.
TREND_SLEUTELS = (
    "aantal_inwoners",
    "woningvoorraad",
    "koopwoningen_pct",
    "aardgas_totaal_m3",
    "elektriciteit_totaal_kwh",
    "inkomen_per_inwoner",
    "huishoudens_laag_inkomen_pct",
)


# --- Results -------------------------------------------------------------------------------


class Vergelijking(StrEnum):
    HOGER = "hoger"
    LAGER = "lager"
    GELIJK = "gelijk"
    ONBEKEND = "onbekend"


def vergelijk(waarde: float | None, referentie: float | None, decimalen: int) -> Vergelijking:
    """Higher, lower or equal *as shown* (rounded to the decimals on screen)."""
    if ontbreekt(waarde) or ontbreekt(referentie):
        return Vergelijking.ONBEKEND
    a = round(float(waarde), decimalen)  # type: ignore[arg-type]
    b = round(float(referentie), decimalen)  # type: ignore[arg-type]
    if a > b:
        return Vergelijking.HOGER
    if a < b:
        return Vergelijking.LAGER
    return Vergelijking.GELIJK


_VERGELIJKING_TEKST = {
    Vergelijking.HOGER: "hoger dan {wie}",
    Vergelijking.LAGER: "lager dan {wie}",
    Vergelijking.GELIJK: "gelijk aan {wie}",
    Vergelijking.ONBEKEND: "niet te vergelijken met {wie}",
}


@dataclass(frozen=True)
class Dekking:
    """On how much of the plan area a figure rests."""

    buurten_totaal: int
    buurten_met_waarde: int
    #: Names (or codes) of the buurten whose figure (or weight) is unknown.
    ontbrekend: tuple[str, ...] = ()
    #: Share (0–1) of the weight base (e.g. dwellings) in buurten with a figure, if known.
    aandeel: float | None = None

    @property
    def volledig(self) -> bool:
        return self.buurten_met_waarde == self.buurten_totaal

    @property
    def gedeeltelijk(self) -> bool:
        """Known for some buurten but not all: the plan area's figure is a partial one."""
        return 0 < self.buurten_met_waarde < self.buurten_totaal

    @property
    def uitleg(self) -> str:
        """E.g. "1 van 2 buurten (20% van de basis); onbekend voor Oosterbos"."""
        tekst = f"{self.buurten_met_waarde} van {self.buurten_totaal} buurten"
        if self.aandeel is not None and self.buurten_met_waarde:
            tekst += f" ({met_eenheid(self.aandeel * 100, '%')} van de basis)"
        if self.ontbrekend:
            tekst += f"; onbekend voor {', '.join(self.ontbrekend)}"
        return tekst

    @property
    def tekst(self) -> str:
        return "volledig" if self.volledig else f"onvolledig: {self.uitleg}"


@dataclass(frozen=True)
class Indicator:
    definitie: Definitie
    plangebied: float | None
    gemeente: float | None
    nederland: float | None
    dekking: Dekking
    #: How the plan area's figure was made, in words.
    weging: str
    #: The weight was not the best one (a column was missing): the figure is an approximation.
    benadering: bool = False

    @property
    def sleutel(self) -> str:
        return self.definitie.sleutel

    @property
    def titel(self) -> str:
        return self.definitie.titel

    @property
    def eenheid(self) -> str:
        return self.definitie.eenheid

    @property
    def decimalen(self) -> int:
        return self.definitie.decimalen

    @property
    def vergelijking_gemeente(self) -> Vergelijking | None:
        """None for counts: a plan area is always smaller than its municipality."""
        if self.definitie.is_telling:
            return None
        return vergelijk(self.plangebied, self.gemeente, self.decimalen)

    @property
    def vergelijking_nederland(self) -> Vergelijking | None:
        if self.definitie.is_telling:
            return None
        return vergelijk(self.plangebied, self.nederland, self.decimalen)

    @property
    def aandeel_van_gemeente(self) -> float | None:
        """For counts: the plan area as a percentage of the municipality."""
        if not self.definitie.is_telling or ontbreekt(self.plangebied):
            return None
        if ontbreekt(self.gemeente) or not self.gemeente:
            return None
        return float(self.plangebied) / float(self.gemeente) * 100  # type: ignore[arg-type]

    def tekst(self, waarde: float | None) -> str:
        eenheid = "" if self.definitie.is_telling else self.eenheid
        return met_eenheid(waarde, eenheid, self.decimalen)

    @property
    def vergelijking_tekst(self) -> str:
        """E.g. "hoger dan de gemeente, lager dan Nederland", or "4,2% van de gemeente"."""
        if self.definitie.is_telling:
            aandeel = self.aandeel_van_gemeente
            return "" if aandeel is None else f"{met_eenheid(aandeel, '%', 1)} van de gemeente"
        # Only what can be compared; "onbekend" in the figures already says the rest.
        delen = [
            _VERGELIJKING_TEKST[uitkomst].format(wie=wie)
            for uitkomst, wie in (
                (self.vergelijking_gemeente, "de gemeente"),
                (self.vergelijking_nederland, "Nederland"),
            )
            if uitkomst not in (None, Vergelijking.ONBEKEND)
        ]
        return ", ".join(delen) if delen else "niet te vergelijken"


@dataclass(frozen=True)
class Groep:
    naam: str
    indicatoren: tuple[Indicator, ...]


@dataclass(frozen=True)
class Verdeling:
    """Shares that add up to (about) 100%, for a stacked bar: plan area, gemeente, NL."""

    titel: str
    delen: tuple[str, ...]
    plangebied: tuple[float | None, ...]
    gemeente: tuple[float | None, ...]
    nederland: tuple[float | None, ...]


@dataclass(frozen=True)
class Trend:
    sleutel: str
    titel: str
    eenheid: str
    decimalen: int
    jaren: tuple[int, ...]
    plangebied: tuple[float | None, ...]
    gemeente: tuple[float | None, ...]
    nederland: tuple[float | None, ...]
    is_telling: bool = False


@dataclass(frozen=True)
class EnergiearmoedeRegel:
    """When a buurt counts as an *aandachtspunt* for energy poverty.

    Both must hold: its share of low-income households is more than ``laag_inkomen_marge``
    percentage points above the municipality's, and its average gas use is more than
    ``aardgas_marge_pct`` percent above the municipality's. Without municipal figures the
    Netherlands' are used.
    """

    laag_inkomen_marge: float = 0.0
    aardgas_marge_pct: float = 0.0


class Signaal(StrEnum):
    AANDACHTSPUNT = "aandachtspunt"
    GEEN = "geen"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class EnergiearmoedeGebied:
    code: str
    naam: str
    laag_inkomen_pct: float | None
    aardgas_m3: float | None
    signaal: Signaal
    reden: str


@dataclass(frozen=True)
class Energiearmoede:
    regel: str
    referentie: str  # "de gemeente" or "Nederland"
    drempel_laag_inkomen_pct: float | None
    drempel_aardgas_m3: float | None
    plangebied: EnergiearmoedeGebied
    buurten: tuple[EnergiearmoedeGebied, ...]

    @property
    def aandachtspunten(self) -> tuple[EnergiearmoedeGebied, ...]:
        return tuple(b for b in self.buurten if b.signaal == Signaal.AANDACHTSPUNT)

    @property
    def samenvatting(self) -> str:
        n, totaal = len(self.aandachtspunten), len(self.buurten)
        onbekend = sum(b.signaal == Signaal.ONBEKEND for b in self.buurten)
        if n:
            tekst = f"{n} van de {totaal} buurten {'is' if n == 1 else 'zijn'} een aandachtspunt"
        elif onbekend == totaal:
            tekst = "Voor geen enkele buurt is dit te bepalen: de cijfers ontbreken"
        else:
            tekst = "Geen van de buurten is volgens deze regel een aandachtspunt"
        if onbekend and onbekend != totaal:
            tekst += f"; voor {onbekend} {'buurt' if onbekend == 1 else 'buurten'} onbekend"
        return tekst + "."


@dataclass(frozen=True)
class Indicatoren:
    """Everything the indicator panel, the export, the annex and the API show."""

    jaar: int | None
    #: Years with figures for at least one buurt of the plan, newest first.
    jaren: tuple[int, ...]
    gemeentecode: str
    gemeentenaam: str
    #: The plan's buurten (code -> name) and those without any figures in ``jaar``.
    buurten: Mapping[str, str]
    buurten_zonder_gegevens: tuple[str, ...] = ()
    gemeente_ontbreekt: bool = False
    nederland_ontbreekt: bool = False
    groepen: tuple[Groep, ...] = ()
    verdelingen: tuple[Verdeling, ...] = ()
    trends: tuple[Trend, ...] = ()
    energiearmoede: Energiearmoede | None = None
    bron: str = field(default="")

    @property
    def leeg(self) -> bool:
        """No CBS figures for any of the plan's buurten have been imported."""
        return self.jaar is None

    def indicator(self, sleutel: str) -> Indicator | None:
        return next((i for g in self.groepen for i in g.indicatoren if i.sleutel == sleutel), None)

    @property
    def alle(self) -> tuple[Indicator, ...]:
        return tuple(i for g in self.groepen for i in g.indicatoren)


class OnbekendJaar(ValueError):
    """The requested year has no figures for the plan area."""

    def __init__(self, jaar: int, jaren: Sequence[int]) -> None:
        self.jaar = jaar
        self.jaren = tuple(jaren)
        beschikbaar = ", ".join(str(j) for j in self.jaren) or "geen"
        super().__init__(
            f"Voor {jaar} zijn geen kerncijfers van deze buurten ingelezen. "
            f"Beschikbare jaren: {beschikbaar}."
        )


# --- Computation ---------------------------------------------------------------------------


def _waarde(x: object) -> float | None:
    return None if ontbreekt(x) else float(x)  # type: ignore[arg-type]


def _gewicht(buurten: pd.DataFrame, kolommen: tuple[str, ...]) -> pd.Series:
    gewicht = pd.Series(1.0, index=buurten.index)
    for kolom in kolommen:
        waarden = buurten[kolom].astype(float)
        gewicht = gewicht * (waarden / 100.0 if kolom.endswith("_pct") else waarden)
    return gewicht


def _kies_gewicht(definitie: Definitie, kolommen: set[str]) -> tuple[int, tuple[str, ...]] | None:
    for i, alternatief in enumerate(definitie.gewichten):
        if all(k in kolommen for k in alternatief):
            return i, alternatief
    return None


def _plangebied(
    definitie: Definitie, buurten: pd.DataFrame, namen: Mapping[str, str]
) -> tuple[float | None, Dekking, str, bool]:
    """The plan area's figure, its coverage, how it was made and whether it approximates."""
    totaal = len(buurten)
    waarden = buurten[definitie.sleutel].astype(float) * definitie.factor
    if definitie.is_telling:
        bekend = waarden.notna()
        waarde = float(waarden[bekend].sum()) if bekend.any() else None
        ontbrekend = tuple(namen.get(c, c) for c in buurten.index[~bekend])
        weging = "opgeteld over de buurten" if totaal > 1 else "cijfer van de buurt"
        return waarde, Dekking(totaal, int(bekend.sum()), ontbrekend), weging, False

    if totaal == 1:
        waarde = _waarde(waarden.iloc[0])
        bekend = int(waarde is not None)
        ontbrekend = () if bekend else (namen.get(buurten.index[0], buurten.index[0]),)
        return waarde, Dekking(1, bekend, ontbrekend), "cijfer van de buurt", False

    keuze = _kies_gewicht(definitie, set(buurten.columns))
    if keuze is None:
        ontbrekend = tuple(namen.get(c, c) for c in buurten.index)
        return None, Dekking(totaal, 0, ontbrekend), "weging niet mogelijk", False
    rang, kolommen = keuze
    gewicht = _gewicht(buurten, kolommen)
    bekend = waarden.notna() & gewicht.notna()
    # A buurt with none of the base (e.g. no rented dwellings) has nothing to miss.
    niet_van_toepassing = gewicht.eq(0) & waarden.isna()
    gedekt = bekend | niet_van_toepassing
    som = float(gewicht[bekend].sum())
    waarde = float((waarden[bekend] * gewicht[bekend]).sum() / som) if som > 0 else None
    aandeel = None
    if gewicht.notna().all() and float(gewicht.sum()) > 0:
        aandeel = float(gewicht[gedekt].sum() / gewicht.sum())
    ontbrekend = tuple(namen.get(c, c) for c in buurten.index[~gedekt])
    naam = definitie.gewicht_naam[rang] if rang < len(definitie.gewicht_naam) else ""
    weging = f"gewogen naar {naam}" if naam else "gewogen gemiddelde"
    dekking = Dekking(totaal, int(gedekt.sum()), ontbrekend, aandeel)
    return waarde, dekking, weging, rang > 0


def _rij(frame: pd.DataFrame, code: str) -> pd.Series | None:
    rijen = frame[frame["code"] == code]
    return None if rijen.empty else rijen.iloc[0]


def _referentie(rij: pd.Series | None, definitie: Definitie) -> float | None:
    if rij is None or definitie.sleutel not in rij.index:
        return None
    waarde = _waarde(rij[definitie.sleutel])
    return None if waarde is None else waarde * definitie.factor


def _normaliseer(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["code"] = frame["code"].astype(str).str.strip().str.upper()
    frame["jaar"] = frame["jaar"].astype(int)
    # A variable the table year lacks is unknown, not absent. Weight columns that are not
    # indicators themselves stay absent, so the next best weight is chosen (and flagged).
    for definitie in DEFINITIES:
        if definitie.sleutel not in frame.columns:
            frame[definitie.sleutel] = np.nan
    return frame


def _jaar_indicatoren(
    jaarframe: pd.DataFrame,
    codes: Sequence[str],
    namen: Mapping[str, str],
    gemeentecode: str,
    definities: Sequence[Definitie],
) -> tuple[list[Indicator], pd.DataFrame, pd.Series | None, pd.Series | None]:
    buurten = jaarframe[jaarframe["code"].isin(codes)].drop_duplicates("code")
    buurten = buurten.set_index("code").reindex(list(codes))
    gemeente = _rij(jaarframe, gemeentecode)
    nederland = _rij(jaarframe, NEDERLAND)
    uitkomst = []
    for definitie in definities:
        waarde, dekking, weging, benadering = _plangebied(definitie, buurten, namen)
        uitkomst.append(
            Indicator(
                definitie=definitie,
                plangebied=waarde,
                gemeente=_referentie(gemeente, definitie),
                nederland=_referentie(nederland, definitie),
                dekking=dekking,
                weging=weging,
                benadering=benadering,
            )
        )
    return uitkomst, buurten, gemeente, nederland


def _heeft_waarden(indicator: Indicator | None) -> bool:
    return indicator is not None and any(
        w is not None for w in (indicator.plangebied, indicator.gemeente, indicator.nederland)
    )


def _verdelingen(per_sleutel: Mapping[str, Indicator]) -> tuple[Verdeling, ...]:
    def verdeling(titel: str, delen: Sequence[tuple[str, str]], rest: str | None = None):
        aanwezig = [(s, label) for s, label in delen if s in per_sleutel]
        if not aanwezig:
            return None
        kolommen = []
        for soort in ("plangebied", "gemeente", "nederland"):
            waarden = [getattr(per_sleutel[s], soort) for s, _ in aanwezig]
            if rest is not None:
                bekend = [w for w in waarden if w is not None]
                # What CBS leaves over (e.g. ownership unknown) is shown, not hidden.
                over = 100.0 - sum(bekend) if len(bekend) == len(waarden) else None
                waarden.append(over if over is not None and over >= 0.5 else None)
            kolommen.append(tuple(waarden))
        labels = tuple(label for _, label in aanwezig) + ((rest,) if rest else ())
        if all(w is None for kolom in kolommen for w in kolom):
            return None
        return Verdeling(titel, labels, *kolommen)

    kandidaten = [
        verdeling(
            "Eigendom van de woningen",
            [
                ("koopwoningen_pct", "Koop"),
                ("corporatiewoningen_pct", "Huur van een woningcorporatie"),
                ("overige_verhuurders_pct", "Huur van overige verhuurders"),
            ],
            rest="Eigendom onbekend",
        )
        if not _heeft_waarden(per_sleutel.get("eigendom_onbekend_pct"))
        else verdeling(
            "Eigendom van de woningen",
            [
                ("koopwoningen_pct", "Koop"),
                ("corporatiewoningen_pct", "Huur van een woningcorporatie"),
                ("overige_verhuurders_pct", "Huur van overige verhuurders"),
                ("eigendom_onbekend_pct", "Eigendom onbekend"),
            ],
        ),
        verdeling(
            "Soort woning",
            [
                ("eengezinswoning_pct", "Eengezinswoning"),
                ("meergezinswoning_pct", "Meergezinswoning"),
            ],
        ),
        verdeling(
            "Bouwjaar van de woningen",
            [("bouwjaar_voor_2000_pct", "Vóór 2000"), ("bouwjaar_vanaf_2000_pct", "2000 of later")],
        ),
        verdeling(
            "Bouwjaar van de woningen",
            [
                ("bouwjaar_ouder_dan_10_jaar_pct", "Meer dan tien jaar geleden"),
                ("bouwjaar_laatste_10_jaar_pct", "Afgelopen tien jaar"),
            ],
        ),
    ]
    return tuple(v for v in kandidaten if v is not None)


def _energiearmoede(
    regel: EnergiearmoedeRegel,
    buurten: pd.DataFrame,
    namen: Mapping[str, str],
    per_sleutel: Mapping[str, Indicator],
) -> Energiearmoede:
    inkomen = per_sleutel["huishoudens_laag_inkomen_pct"]
    gas = per_sleutel["aardgas_totaal_m3"]
    if inkomen.gemeente is not None and gas.gemeente is not None:
        referentie, ref_inkomen, ref_gas = "de gemeente", inkomen.gemeente, gas.gemeente
    elif inkomen.nederland is not None and gas.nederland is not None:
        referentie, ref_inkomen, ref_gas = "Nederland", inkomen.nederland, gas.nederland
    else:
        referentie, ref_inkomen, ref_gas = "de gemeente", None, None
    drempel_inkomen = None if ref_inkomen is None else ref_inkomen + regel.laag_inkomen_marge
    drempel_gas = None if ref_gas is None else ref_gas * (1 + regel.aardgas_marge_pct / 100)

    def drempeltekst(waarde: float | None, eenheid: str, dec: int) -> str:
        return met_eenheid(waarde, eenheid, dec)

    inkomen_deel = (
        "hoger is dan in " + referentie
        if not regel.laag_inkomen_marge
        else f"meer dan {met_eenheid(regel.laag_inkomen_marge, '', 1)} procentpunt hoger is dan "
        f"in {referentie}"
    )
    gas_deel = (
        "hoger is dan in " + referentie
        if not regel.aardgas_marge_pct
        else f"meer dan {met_eenheid(regel.aardgas_marge_pct, '%')} hoger is dan in {referentie}"
    )
    tekst = (
        "Een buurt is een aandachtspunt voor energiearmoede als het aandeel huishoudens met een "
        f"laag inkomen {inkomen_deel} "
        f"(drempel: {drempeltekst(drempel_inkomen, '%', 1)}) én het gemiddelde aardgasverbruik "
        f"per woning {gas_deel} (drempel: {drempeltekst(drempel_gas, 'm³', 0)}). "
        "Dit is een signaal om verder te onderzoeken, geen meting van energiearmoede."
    )

    def beoordeel(code: str, naam: str, laag: float | None, m3: float | None):
        if drempel_inkomen is None or drempel_gas is None:
            return EnergiearmoedeGebied(
                code,
                naam,
                laag,
                m3,
                Signaal.ONBEKEND,
                f"De cijfers van {referentie} ontbreken, dus er is geen drempel.",
            )
        inkomen_hoog = None if laag is None else laag > drempel_inkomen
        gas_hoog = None if m3 is None else m3 > drempel_gas
        feiten = (
            f"laag inkomen {met_eenheid(laag, '%', 1)} (drempel "
            f"{met_eenheid(drempel_inkomen, '%', 1)}), aardgas {met_eenheid(m3, 'm³')} "
            f"(drempel {met_eenheid(drempel_gas, 'm³')})"
        )
        if inkomen_hoog and gas_hoog:
            return EnergiearmoedeGebied(
                code, naam, laag, m3, Signaal.AANDACHTSPUNT, f"Beide boven de drempel: {feiten}."
            )
        if inkomen_hoog is False or gas_hoog is False:
            return EnergiearmoedeGebied(
                code, naam, laag, m3, Signaal.GEEN, f"Niet beide boven de drempel: {feiten}."
            )
        return EnergiearmoedeGebied(
            code, naam, laag, m3, Signaal.ONBEKEND, f"Niet te bepalen, cijfers ontbreken: {feiten}."
        )

    beoordelingen = tuple(
        beoordeel(
            code,
            namen.get(code, code),
            _waarde(rij["huishoudens_laag_inkomen_pct"]),
            _waarde(rij["aardgas_totaal_m3"]),
        )
        for code, rij in buurten.iterrows()
    )
    plangebied = beoordeel("", "Plangebied", inkomen.plangebied, gas.plangebied)
    onvolledig = [i.titel.lower() for i in (inkomen, gas) if i.dekking.gedeeltelijk]
    if onvolledig:
        plangebied = replace(
            plangebied,
            reden=f"{plangebied.reden} Let op: {' en '.join(onvolledig)} van het plangebied "
            "rust op een deel van de buurten.",
        )
    return Energiearmoede(
        tekst, referentie, drempel_inkomen, drempel_gas, plangebied, beoordelingen
    )


def _trends(
    frame: pd.DataFrame,
    codes: Sequence[str],
    namen: Mapping[str, str],
    gemeentecode: str,
    jaren: Sequence[int],
) -> tuple[Trend, ...]:
    definities = [DEFINITIE[s] for s in TREND_SLEUTELS]
    per_jaar: dict[int, dict[str, Indicator]] = {}
    for jaar in sorted(jaren):
        indicatoren, *_ = _jaar_indicatoren(
            frame[frame["jaar"] == jaar], codes, namen, gemeentecode, definities
        )
        per_jaar[jaar] = {i.sleutel: i for i in indicatoren}
    trends = []
    for d in definities:
        reeks = [(j, per_jaar[j][d.sleutel]) for j in sorted(per_jaar)]
        if sum(i.plangebied is not None for _, i in reeks) < 2:
            continue  # a trend needs at least two years
        trends.append(
            Trend(
                d.sleutel,
                d.titel,
                d.eenheid,
                d.decimalen,
                tuple(j for j, _ in reeks),
                tuple(i.plangebied for _, i in reeks),
                tuple(i.gemeente for _, i in reeks),
                tuple(i.nederland for _, i in reeks),
                d.is_telling,
            )
        )
    return tuple(trends)


def bereken_indicatoren(
    frame: pd.DataFrame,
    *,
    buurten: Mapping[str, str],
    gemeentecode: str,
    gemeentenaam: str = "",
    jaar: int | None = None,
    regel: EnergiearmoedeRegel | None = None,
) -> Indicatoren:
    """The indicators of the plan area (``buurten``: code -> name) for ``jaar``.

    Without ``jaar``: the newest year with figures for at least one of the buurten. Raises
    :class:`OnbekendJaar` if ``jaar`` has none.
    """
    regel = regel or EnergiearmoedeRegel()
    codes = [c.strip().upper() for c in buurten]
    namen = {c.strip().upper(): n for c, n in buurten.items()}
    gemeentecode = gemeentecode.strip().upper()
    leeg = Indicatoren(
        jaar=None,
        jaren=(),
        gemeentecode=gemeentecode,
        gemeentenaam=gemeentenaam,
        buurten=namen,
        buurten_zonder_gegevens=tuple(codes),
    )
    if frame is None or frame.empty or not codes:
        if jaar is not None:
            raise OnbekendJaar(jaar, ())
        return leeg
    frame = _normaliseer(frame)
    jaren = tuple(
        sorted(
            {int(j) for j in frame.loc[frame["code"].isin(codes), "jaar"].unique()}, reverse=True
        )
    )
    if not jaren:
        if jaar is not None:
            raise OnbekendJaar(jaar, ())
        return leeg
    if jaar is None:
        jaar = jaren[0]
    elif jaar not in jaren:
        raise OnbekendJaar(jaar, jaren)

    jaarframe = frame[frame["jaar"] == jaar]
    indicatoren, buurtrijen, gemeente, nederland = _jaar_indicatoren(
        jaarframe, codes, namen, gemeentecode, DEFINITIES
    )
    zichtbaar = [
        i
        for i in indicatoren
        if not (
            i.definitie.optioneel
            and i.plangebied is None
            and i.gemeente is None
            and i.nederland is None
        )
    ]
    per_sleutel = {i.sleutel: i for i in zichtbaar}
    groepen = tuple(
        Groep(naam, tuple(i for i in zichtbaar if i.definitie.groep == naam))
        for naam in GROEPEN
        if any(i.definitie.groep == naam for i in zichtbaar)
    )
    alle = {i.sleutel: i for i in indicatoren}
    aanwezig = set(jaarframe["code"])
    zonder = tuple(c for c in codes if c not in aanwezig)
    gemeentenaam = gemeentenaam or (str(gemeente["naam"]).strip() if gemeente is not None else "")
    return Indicatoren(
        jaar=jaar,
        jaren=jaren,
        gemeentecode=gemeentecode,
        gemeentenaam=gemeentenaam,
        buurten=namen,
        buurten_zonder_gegevens=zonder,
        gemeente_ontbreekt=gemeente is None,
        nederland_ontbreekt=nederland is None,
        groepen=groepen,
        verdelingen=_verdelingen(per_sleutel),
        trends=_trends(frame, codes, namen, gemeentecode, jaren),
        energiearmoede=_energiearmoede(regel, buurtrijen, namen, alle),
        bron=f"{BRON} {jaar} ({LICENTIE})",
    )
