"""The building stock of a plan area: dwellings and non-residential buildings per segment.

A segment is PBL type x construction period x energy label. Dwellings carry a count and an
average floor area [m2 per dwelling]; non-residential buildings carry a number of objects
(connections) and an average floor area [m2 per object], per PBL function. Counts may be
fractional (an estimate spreads a count over shares).

Two builders:

* :func:`voorraad_uit_cbs` -- an estimate from CBS-style figures (number of dwellings, shares per
  dwelling type and construction period where known) with PBL's default label per type x period;
* :func:`voorraad_uit_tabel` -- from a table (a DataFrame the Django side reads from CSV/Excel).

Both validate and raise :class:`InvoerFout` with Dutch messages saying what and where.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .constanten import (
    BOUWPERIODEN,
    LABEL_SYNONIEMEN,
    LABELS,
    MEERGEZINS,
    UTILITEIT_BOUWPERIODEN,
    UTILITEITSFUNCTIES,
    WONINGTYPEN,
)
from .fouten import Probleem, controleer
from .kentallen import Bouwkentallen, bouwkentallen_pbl

NT, NP, NL = len(WONINGTYPEN), len(BOUWPERIODEN), len(LABELS)
NF, NUP = len(UTILITEITSFUNCTIES), len(UTILITEIT_BOUWPERIODEN)
#: First year of each PBL construction period of dwellings (for tables that give a year).
_PERIODE_START = (0, 1930, 1946, 1965, 1975, 1992, 1996, 2000, 2006, 2011, 2015)
_UTIL_PERIODE_GRENS = (1920, 1975, 1990, 1995)  # 0<=1920, 1920<=1975, ..., 1995<=2019


@dataclass(frozen=True)
class Gebouwvoorraad:
    """Dwellings [type, periode, label] and non-residential buildings [functie, periode, label].

    ``*_oppervlakte`` is the average floor area per dwelling / object in that segment (0 where
    the segment is empty). ``toelichting`` lists the assumptions a builder made, in Dutch.
    """

    woningen_aantal: np.ndarray
    woningen_oppervlakte: np.ndarray
    utiliteit_aantal: np.ndarray
    utiliteit_oppervlakte: np.ndarray
    herkomst: str
    toelichting: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for naam, vorm in (
            ("woningen_aantal", (NT, NP, NL)),
            ("woningen_oppervlakte", (NT, NP, NL)),
            ("utiliteit_aantal", (NF, NUP, NL)),
            ("utiliteit_oppervlakte", (NF, NUP, NL)),
        ):
            a = np.array(getattr(self, naam), dtype=np.float64)
            if a.shape != vorm:
                raise ValueError(f"{naam} moet vorm {vorm} hebben, niet {a.shape}")
            a.setflags(write=False)
            object.__setattr__(self, naam, a)

    @property
    def aantal_woningen(self) -> float:
        return float(self.woningen_aantal.sum())

    @property
    def aantal_utiliteit(self) -> float:
        return float(self.utiliteit_aantal.sum())

    @property
    def oppervlakte_utiliteit(self) -> float:
        """Total non-residential floor area [m2]."""
        return float((self.utiliteit_aantal * self.utiliteit_oppervlakte).sum())

    def woningequivalenten(self, m2_per_weq: float = 130.0) -> float:
        """PBL's woningequivalenten: dwellings + non-residential m2 / 130."""
        return self.aantal_woningen + self.oppervlakte_utiliteit / m2_per_weq

    def naar_tabellen(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The stock as two tables (the form :func:`voorraad_uit_tabel` reads back)."""
        return (
            _naar_tabel(
                self.woningen_aantal, self.woningen_oppervlakte, WONINGTYPEN, BOUWPERIODEN, "type"
            ),
            _naar_tabel(
                self.utiliteit_aantal,
                self.utiliteit_oppervlakte,
                UTILITEITSFUNCTIES,
                UTILITEIT_BOUWPERIODEN,
                "functie",
            ),
        )


def _naar_tabel(
    aantal: np.ndarray,
    opp: np.ndarray,
    typen: tuple[str, ...],
    perioden: tuple[str, ...],
    kolom: str,
) -> pd.DataFrame:
    t, p, lb = np.nonzero(aantal > 0)
    return pd.DataFrame(
        {
            kolom: [typen[i] for i in t],
            "bouwperiode": [perioden[i] for i in p],
            "label": [LABELS[i] for i in lb],
            "aantal": aantal[t, p, lb],
            "oppervlakte": opp[t, p, lb],
        }
    )


def _keuzes(opties: tuple[str, ...]) -> str:
    return ", ".join(f"'{o}'" for o in opties)


def _controleer_voorraad(woningen: np.ndarray, problemen: list[Probleem]) -> None:
    if not problemen and woningen.sum() <= 0:
        problemen.append(
            Probleem("woningen", "de voorraad bevat geen woningen; er valt niets te berekenen")
        )
    controleer(problemen)


# --------------------------------------------------------------------------------------------
# Estimate from CBS-style figures


@dataclass(frozen=True)
class UtiliteitInvoer:
    """Non-residential buildings of one function: number of objects and total floor area [m2]."""

    aantal: float
    oppervlakte_totaal: float


@dataclass(frozen=True)
class CbsSchatting:
    """CBS-style figures of a plan area, for :func:`voorraad_uit_cbs`.

    * ``aantal_woningen`` -- CBS number of dwellings;
    * ``gemiddelde_oppervlakte`` -- m2 per dwelling, one figure or one per PBL dwelling type;
    * ``aandeel_woningtype`` -- share per PBL dwelling type (sums to 1), when known; otherwise
      ``aandeel_meergezins`` (CBS share of multi-family dwellings) splits single- and multi-family,
      each spread evenly over its PBL types;
    * ``aandeel_bouwperiode`` -- share per PBL construction period (sums to 1), when known;
      otherwise ``aandeel_voor_2000`` (CBS share built before 2000) splits the periods before and
      from 2000, each spread evenly;
    * ``utiliteit`` -- per PBL function the number of objects and total floor area (optional).
    """

    aantal_woningen: float
    gemiddelde_oppervlakte: float | Mapping[str, float]
    aandeel_woningtype: Mapping[str, float] | None = None
    aandeel_meergezins: float | None = None
    aandeel_bouwperiode: Mapping[str, float] | None = None
    aandeel_voor_2000: float | None = None
    utiliteit: Mapping[str, UtiliteitInvoer] | None = None


def _is_getal(x: object) -> bool:
    return isinstance(x, int | float | np.integer | np.floating) and math.isfinite(float(x))


def _aandelen(
    naam: str,
    aandelen: Mapping[str, float] | None,
    opties: tuple[str, ...],
    problemen: list[Probleem],
) -> np.ndarray | None:
    if aandelen is None:
        return None
    uit = np.zeros(len(opties))
    for sleutel, waarde in aandelen.items():
        if sleutel not in opties:
            problemen.append(
                Probleem(naam, f"onbekende waarde '{sleutel}'; kies uit {_keuzes(opties)}")
            )
        elif not _is_getal(waarde) or float(waarde) < 0:
            problemen.append(
                Probleem(f"{naam} '{sleutel}'", f"het aandeel moet 0 of meer zijn, niet {waarde!r}")
            )
        else:
            uit[opties.index(sleutel)] = float(waarde)
    som = uit.sum()
    if not problemen and abs(som - 1.0) > 0.01:
        problemen.append(Probleem(naam, f"de aandelen tellen op tot {som:.3f}; dat moet 1 zijn"))
    return uit / som if som > 0 else uit


def _gesplitst(
    naam: str, aandeel: float | None, groep: np.ndarray, problemen: list[Probleem]
) -> np.ndarray | None:
    """Split 1 over two groups by ``aandeel`` (of group True), evenly within each group."""
    if aandeel is None:
        return None
    if not _is_getal(aandeel) or not 0 <= float(aandeel) <= 1:
        problemen.append(Probleem(naam, f"moet een aandeel tussen 0 en 1 zijn, niet {aandeel!r}"))
        return None
    a = float(aandeel)
    return np.where(groep, a / groep.sum(), (1 - a) / (~groep).sum())


def voorraad_uit_cbs(
    schatting: CbsSchatting, kentallen: Bouwkentallen | None = None
) -> Gebouwvoorraad:
    """Estimate the stock from CBS-style figures, with PBL's default label per type x period.

    Type and period are combined as independent shares (type share x period share); every
    assumption made is listed in ``toelichting``.
    """
    kt = kentallen or bouwkentallen_pbl()
    problemen: list[Probleem] = []
    toelichting: list[str] = [
        "Schatting uit CBS-cijfers: elke woning krijgt het standaardlabel van PBL voor haar "
        "woningtype en bouwperiode.",
        "Woningtype en bouwperiode zijn als onafhankelijk verondersteld (aandeel type x aandeel "
        "periode).",
    ]
    n = schatting.aantal_woningen
    if not _is_getal(n) or float(n) < 0:
        problemen.append(
            Probleem("aantal woningen", f"moet een getal van 0 of meer zijn, niet {n!r}")
        )

    meergezins = np.array([t in MEERGEZINS for t in WONINGTYPEN])
    typen = _aandelen("aandeel woningtype", schatting.aandeel_woningtype, WONINGTYPEN, problemen)
    if typen is None:
        typen = _gesplitst(
            "aandeel meergezinswoningen", schatting.aandeel_meergezins, meergezins, problemen
        )
        if typen is not None:
            toelichting.append(
                "Binnen eengezins- en meergezinswoningen is gelijk verdeeld over de "
                "PBL-woningtypen."
            )
    if typen is None and not problemen:
        typen = np.full(NT, 1.0 / NT)
        toelichting.append(
            "Geen verdeling over woningtypen bekend: gelijk verdeeld over de zes typen."
        )

    voor_2000 = np.array([s < 2000 for s in _PERIODE_START])
    perioden = _aandelen(
        "aandeel bouwperiode", schatting.aandeel_bouwperiode, BOUWPERIODEN, problemen
    )
    if perioden is None:
        perioden = _gesplitst(
            "aandeel gebouwd voor 2000", schatting.aandeel_voor_2000, voor_2000, problemen
        )
        if perioden is not None:
            toelichting.append(
                "Binnen 'voor 2000' en 'vanaf 2000' is gelijk verdeeld over de PBL-bouwperioden."
            )
    if perioden is None and not problemen:
        perioden = np.full(NP, 1.0 / NP)
        toelichting.append(
            "Geen verdeling over bouwperioden bekend: gelijk verdeeld over de elf perioden."
        )

    opp_type = np.zeros(NT)
    g = schatting.gemiddelde_oppervlakte
    if isinstance(g, Mapping):
        for i, t in enumerate(WONINGTYPEN):
            w = g.get(t)
            if w is None or not _is_getal(w) or float(w) <= 0:
                problemen.append(
                    Probleem(
                        f"gemiddelde oppervlakte '{t}'",
                        "ontbreekt of is geen oppervlakte groter dan 0 m2",
                    )
                )
            else:
                opp_type[i] = float(w)
        onbekend = set(g) - set(WONINGTYPEN)
        for t in sorted(onbekend):
            problemen.append(Probleem("gemiddelde oppervlakte", f"onbekend woningtype '{t}'"))
    elif not _is_getal(g) or float(g) <= 0:
        problemen.append(
            Probleem("gemiddelde oppervlakte", f"moet groter dan 0 m2 zijn, niet {g!r}")
        )
    else:
        opp_type[:] = float(g)

    util_aantal = np.zeros((NF, NUP, NL))
    util_opp = np.zeros((NF, NUP, NL))
    onbekend_periode = UTILITEIT_BOUWPERIODEN.index("onbekend")
    for functie, invoer in (schatting.utiliteit or {}).items():
        plaats = f"utiliteit '{functie}'"
        if functie not in UTILITEITSFUNCTIES:
            problemen.append(
                Probleem(plaats, f"onbekende functie; kies uit {_keuzes(UTILITEITSFUNCTIES)}")
            )
            continue
        a, m2 = invoer.aantal, invoer.oppervlakte_totaal
        if not _is_getal(a) or float(a) < 0:
            problemen.append(Probleem(plaats, f"het aantal panden moet 0 of meer zijn, niet {a!r}"))
            continue
        if not _is_getal(m2) or float(m2) < 0 or (float(a) > 0 and float(m2) <= 0):
            problemen.append(
                Probleem(plaats, f"de oppervlakte moet groter dan 0 m2 zijn, niet {m2!r}")
            )
            continue
        if float(a) == 0 and float(m2) > 0:
            problemen.append(
                Probleem(plaats, "er is oppervlakte opgegeven maar geen aantal panden")
            )
            continue
        if float(a) > 0:
            f = UTILITEITSFUNCTIES.index(functie)
            lbl = kt.utiliteit.default_label[f, onbekend_periode]
            util_aantal[f, onbekend_periode, lbl] = float(a)
            util_opp[f, onbekend_periode, lbl] = float(m2) / float(a)
    if schatting.utiliteit:
        toelichting.append(
            "Utiliteit: bouwperiode 'onbekend' met het standaardlabel van PBL voor die functie."
        )
    controleer(problemen)

    assert typen is not None and perioden is not None
    aantal = np.zeros((NT, NP, NL))
    opp = np.zeros((NT, NP, NL))
    verdeling = float(n) * typen[:, None] * perioden[None, :]
    t_idx, p_idx = np.indices((NT, NP))
    lbl = kt.woning.default_label
    aantal[t_idx, p_idx, lbl] = verdeling
    opp[t_idx, p_idx, lbl] = np.where(verdeling > 0, opp_type[:, None], 0.0)
    _controleer_voorraad(aantal, [])
    return Gebouwvoorraad(
        woningen_aantal=aantal,
        woningen_oppervlakte=opp,
        utiliteit_aantal=util_aantal,
        utiliteit_oppervlakte=util_opp,
        herkomst="cbs-schatting",
        toelichting=tuple(toelichting),
    )


# --------------------------------------------------------------------------------------------
# From a table


def _periode_uit_jaar(jaar: float) -> str:
    i = int(np.searchsorted(_PERIODE_START, jaar, side="right")) - 1
    return BOUWPERIODEN[max(i, 0)]


def _util_periode_uit_jaar(jaar: float) -> str:
    return UTILITEIT_BOUWPERIODEN[int(np.searchsorted(_UTIL_PERIODE_GRENS, jaar, side="left"))]


def _lees_tabel(
    df: pd.DataFrame,
    naam: str,
    kolom_type: str,
    typen: tuple[str, ...],
    perioden: tuple[str, ...],
    periode_uit_jaar,
    default_label: np.ndarray,
    problemen: list[Probleem],
    toelichting: list[str],
    label_verplicht_kolom: bool,
) -> tuple[np.ndarray, np.ndarray]:
    kolommen = {str(k).strip().lower(): k for k in df.columns}
    nodig = [kolom_type, "bouwperiode", "aantal", "oppervlakte"]
    if label_verplicht_kolom:
        nodig.append("label")
    ontbreekt = [k for k in nodig if k not in kolommen]
    if ontbreekt:
        problemen.append(
            Probleem(
                naam,
                "kolom ontbreekt: "
                + ", ".join(f"'{k}'" for k in ontbreekt)
                + f" (nodig: {', '.join(nodig)})",
            )
        )
        return np.zeros((len(typen), len(perioden), NL)), np.zeros((len(typen), len(perioden), NL))

    aantal = np.zeros((len(typen), len(perioden), NL))
    m2 = np.zeros_like(aantal)  # total floor area, averaged at the end
    jaar_buiten = 0
    zonder_label = 0
    for pos, (index, rij) in enumerate(df.iterrows()):
        regel = int(index) + 2 if isinstance(index, int | np.integer) else pos + 2
        plaats = f"{naam}, rij {regel}"
        t_ruw = rij[kolommen[kolom_type]]
        t_naam = "" if pd.isna(t_ruw) else str(t_ruw).strip()
        fout = False
        if t_naam not in typen:
            problemen.append(
                Probleem(plaats, f"onbekend {kolom_type} '{t_naam}'; kies uit {_keuzes(typen)}")
            )
            fout = True
        p_ruw = rij[kolommen["bouwperiode"]]
        p_naam = "" if pd.isna(p_ruw) else str(p_ruw).strip()
        if p_naam not in perioden:
            try:
                jaar = float(p_naam)
            except ValueError:
                jaar = math.nan
            if math.isfinite(jaar) and 1000 <= jaar <= 2100 and jaar == int(jaar):
                p_naam = periode_uit_jaar(jaar)
                if (kolom_type == "type" and jaar > 2020) or (kolom_type != "type" and jaar > 2019):
                    jaar_buiten += 1
            else:
                problemen.append(
                    Probleem(
                        plaats,
                        f"onbekende bouwperiode '{p_naam}'; geef een bouwjaar of kies uit "
                        f"{_keuzes(perioden)}",
                    )
                )
                fout = True
        l_ruw = rij[kolommen["label"]] if "label" in kolommen else None
        l_naam = "" if l_ruw is None or pd.isna(l_ruw) else str(l_ruw).strip().upper()
        l_naam = LABEL_SYNONIEMEN.get(l_naam, l_naam)
        if l_naam == "":
            l_naam = "N"
            zonder_label += 1
        if l_naam not in LABELS:
            problemen.append(
                Probleem(
                    plaats,
                    f"onbekend energielabel '{l_ruw}'; kies uit A t/m G, of laat leeg als er "
                    "geen label is",
                )
            )
            fout = True
        a_ruw, o_ruw = rij[kolommen["aantal"]], rij[kolommen["oppervlakte"]]
        a = pd.to_numeric(pd.Series([a_ruw]), errors="coerce").iloc[0]
        o = pd.to_numeric(pd.Series([o_ruw]), errors="coerce").iloc[0]
        if pd.isna(a) or not math.isfinite(float(a)):
            problemen.append(Probleem(plaats, f"aantal '{a_ruw}' is geen getal"))
            fout = True
        elif a < 0:
            problemen.append(Probleem(plaats, f"aantal mag niet negatief zijn (nu {a:g})"))
            fout = True
        if a is not None and not pd.isna(a) and a > 0 and (pd.isna(o) or not o > 0):
            problemen.append(
                Probleem(plaats, f"oppervlakte moet groter dan 0 m2 zijn (nu '{o_ruw}')")
            )
            fout = True
        if fout or a == 0:
            continue
        t, p, lb = typen.index(t_naam), perioden.index(p_naam), LABELS.index(l_naam)
        aantal[t, p, lb] += float(a)
        m2[t, p, lb] += float(a) * float(o)
    if jaar_buiten:
        toelichting.append(
            f"{naam}: {jaar_buiten} rij(en) met een bouwjaar na de laatste PBL-periode; "
            "gerekend met de kentallen van die laatste periode."
        )
    if zonder_label:
        toelichting.append(
            f"{naam}: {zonder_label} rij(en) zonder label; gerekend als 'geen geregistreerd label' "
            "(PBL-klasse N)."
        )
    opp = np.divide(m2, aantal, out=np.zeros_like(m2), where=aantal > 0)
    return aantal, opp


def voorraad_uit_tabel(
    woningen: pd.DataFrame,
    utiliteit: pd.DataFrame | None = None,
    kentallen: Bouwkentallen | None = None,
) -> Gebouwvoorraad:
    """Read the stock from tables.

    ``woningen``: columns ``type`` (PBL type), ``bouwperiode`` (PBL period or a construction
    year), ``label`` (A-G; A+ and up count as A; empty = no registered label, PBL class N),
    ``aantal`` and ``oppervlakte`` (average m2 per dwelling). ``utiliteit`` (optional): columns
    ``functie``, ``bouwperiode``, ``aantal`` (objects), ``oppervlakte`` (average m2 per object)
    and optionally ``label``. Rows of the same segment are added up. Row numbers in messages
    count the header as row 1, as a spreadsheet does.
    """
    kt = kentallen or bouwkentallen_pbl()
    problemen: list[Probleem] = []
    toelichting: list[str] = ["Voorraad uit een tabel."]
    w_aantal, w_opp = _lees_tabel(
        woningen,
        "woningen",
        "type",
        WONINGTYPEN,
        BOUWPERIODEN,
        _periode_uit_jaar,
        kt.woning.default_label,
        problemen,
        toelichting,
        label_verplicht_kolom=True,
    )
    if utiliteit is not None and len(utiliteit):
        u_aantal, u_opp = _lees_tabel(
            utiliteit,
            "utiliteit",
            "functie",
            UTILITEITSFUNCTIES,
            UTILITEIT_BOUWPERIODEN,
            _util_periode_uit_jaar,
            kt.utiliteit.default_label,
            problemen,
            toelichting,
            label_verplicht_kolom=False,
        )
    else:
        u_aantal, u_opp = np.zeros((NF, NUP, NL)), np.zeros((NF, NUP, NL))
    _controleer_voorraad(w_aantal, problemen)
    return Gebouwvoorraad(
        woningen_aantal=w_aantal,
        woningen_oppervlakte=w_opp,
        utiliteit_aantal=u_aantal,
        utiliteit_oppervlakte=u_opp,
        herkomst="tabel",
        toelichting=tuple(toelichting),
    )


@dataclass(frozen=True)
class Voorraadbatch:
    """Several stocks stacked on a leading axis (one per buurt), for national-scale runs."""

    woningen_aantal: np.ndarray  # [B, T, P, L]
    woningen_oppervlakte: np.ndarray
    utiliteit_aantal: np.ndarray  # [B, F, UP, L]
    utiliteit_oppervlakte: np.ndarray

    @property
    def aantal(self) -> int:
        return int(self.woningen_aantal.shape[0])

    @classmethod
    def van(cls, voorraden: list[Gebouwvoorraad] | tuple[Gebouwvoorraad, ...]) -> Voorraadbatch:
        return cls(
            woningen_aantal=np.stack([v.woningen_aantal for v in voorraden]),
            woningen_oppervlakte=np.stack([v.woningen_oppervlakte for v in voorraden]),
            utiliteit_aantal=np.stack([v.utiliteit_aantal for v in voorraden]),
            utiliteit_oppervlakte=np.stack([v.utiliteit_oppervlakte for v in voorraden]),
        )

    def deel(self, start: int, stop: int) -> Voorraadbatch:
        return Voorraadbatch(
            self.woningen_aantal[start:stop],
            self.woningen_oppervlakte[start:stop],
            self.utiliteit_aantal[start:stop],
            self.utiliteit_oppervlakte[start:stop],
        )

    def controleer(self) -> None:
        """Validate every stock of the batch (negative or non-finite values, no dwellings)."""
        problemen: list[Probleem] = []
        for naam in (
            "woningen_aantal",
            "woningen_oppervlakte",
            "utiliteit_aantal",
            "utiliteit_oppervlakte",
        ):
            a = getattr(self, naam)
            slecht = ~np.isfinite(a) | (a < 0)
            for b in np.unique(np.nonzero(slecht)[0])[:20]:
                problemen.append(
                    Probleem(f"voorraad {b + 1}", f"{naam} bevat negatieve of ongeldige waarden")
                )
        leeg = np.nonzero(self.woningen_aantal.sum(axis=(1, 2, 3)) <= 0)[0]
        for b in leeg[:20]:
            problemen.append(Probleem(f"voorraad {b + 1}", "de voorraad bevat geen woningen"))
        controleer(problemen)
