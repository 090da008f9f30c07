"""PBL's Startanalyse beside the platform's own calculation, per strategy variant (pure).

Input: PBL's rows for the plan's buurten (the frame of
``techniek.selectors.startanalyse.startanalyse_voor_buurten``: one row per buurt x variant x
edition, NaN = no value) and our calculations as plain data (:class:`EigenAlternatief`: per
alternative its name, PBL variant code and the ``samenvatting`` of its latest finished
calculation). Output: a :class:`Vergelijking` -- per strategy variant PBL's figure for the plan
area, ours, and the difference, for a handful of indicators that both sides define the same way
(:data:`INDICATOREN`; the definitions are those of ``docs/engine.md``, section 7).

**From buurten to the plan area.** PBL gives figures per buurt; the plan area is the sum of its
buurten:

* totals (``nationale_meerkosten`` H16 [EUR/yr], ``co2_reductie`` [t CO2/yr], ``co2_uitstoot``
  H15 [t CO2/yr], ``kapitaallasten`` K10 and ``variabele_kosten`` K17 [EUR/yr]) are summed;
* figures per unit are the mean over the buurten weighted by that unit: H18 [EUR/yr per
  woningequivalent] by each buurt's woningequivalenten, H17 [EUR per ton CO2 avoided] by each
  buurt's avoided CO2. So the area's H18 is sum(H16) / sum(woningequivalenten) and its H17 is
  sum(H16) / sum(avoided CO2), as PBL defines them for one buurt. A buurt's woningequivalenten
  are PBL's ``I11_woningequivalenten`` (static figures) or else H16 / H18 of that buurt; its
  avoided CO2 is the 2019 ``H10_CO2_reductie`` or else H16 / H17 (the amount PBL's own H17
  implies). A weighted figure whose weights add up to 0 or less is unknown.
* A figure of the plan area is known only when PBL gives it for **every** buurt of the plan;
  if one buurt lacks it (or lacks the variant), the area's figure is unknown (``None``), never a
  partial sum and never 0.

**Ours.** From the ``samenvatting`` of ``techniek.services.alternatieven.berekening_uitvoeren``:
H15-H18, K10, K17 and the avoided CO2 (``CO2_vermeden``, else reference minus alternative) of
one price scenario (``basis`` unless asked otherwise), ``investering_eur`` [EUR] and that
divided by ``woningequivalenten``. PBL's Startanalyse publishes no investments (only their
annual capital charges, K10), so PBL's side of the two investment rows is always unknown.

**Difference** = ours minus PBL's (positive: our figure is higher), and relative to PBL's figure
in percent when that is not 0. Unknown on either side gives an unknown difference.

**Variants.** PBL's variant codes are lower case (``s1a``); an alternative's code is compared
case-insensitively. Every variant PBL computed for the plan's buurten is listed, also without an
alternative of the plan (PBL only); an alternative whose variant PBL did not compute for these
buurten, or that has no PBL code at all, is listed without PBL's figures (``heeft_pbl`` false).
A user variant (own parameters) keeps its template's code and is marked ``eigen_variant``: it
sits beside PBL's standard variant but is not the same definition. The platform's alternatives
follow the variant codes of edition 2025 (:data:`EDITIE_VARIANTEN`); in an older edition the
same code can be another variant (``s3b``), see :attr:`Vergelijking.varianten_als_platform`.

No Django, no database.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from techniek.startanalyse.indicatoren import INDICATOREN as CATALOGUS
from techniek.startanalyse.indicatoren import strategie_label

#: The edition whose variant codes the platform's standard alternatives follow.
EDITIE_VARIANTEN = "2025"
#: Price scenario of our side unless asked otherwise (PBL's main indicators use the base path).
SCENARIO = "basis"

#: How PBL's buurt figures add up to the plan area.
SOM = "som"
GEWOGEN_WEQ = "gewogen_woningequivalenten"
GEWOGEN_CO2 = "gewogen_vermeden_co2"
NIET_BIJ_PBL = "niet_bij_pbl"

_VARIANTCODE = re.compile(r"^(s\d+[a-z])(?:_|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Vergelijkbaar:
    """One indicator that PBL and the platform define the same way."""

    sleutel: str
    titel: str
    eenheid: str
    #: How PBL's buurt figures make the plan area's: :data:`SOM`, :data:`GEWOGEN_WEQ`,
    #: :data:`GEWOGEN_CO2`, or :data:`NIET_BIJ_PBL` (PBL publishes no such figure).
    regel: str
    #: PBL's column (2020+ naming / 2019 naming), or how PBL's figure is derived.
    pbl_bron: str
    #: Where our figure comes from in the calculation's ``samenvatting``.
    eigen_bron: str
    #: Decimals to show.
    decimalen: int = 0


def _eenheid(sleutel: str) -> str:
    return CATALOGUS[sleutel].eenheid


#: The compared indicators, in the order they are shown.
INDICATOREN: tuple[Vergelijkbaar, ...] = (
    Vergelijkbaar(
        "nationale_meerkosten",
        "Nationale meerkosten",
        _eenheid("nationale_meerkosten"),
        SOM,
        "H16_Nat_meerkost (2019: H12_Nat_meerkosten)",
        "nationale_kosten.<scenario>.H16_Nat_meerkost",
    ),
    Vergelijkbaar(
        "nationale_meerkosten_per_ton_co2",
        "Nationale meerkosten per vermeden ton CO₂",
        _eenheid("nationale_meerkosten_per_ton_co2"),
        GEWOGEN_CO2,
        "H17_Nat_meerkost_CO2 (2019: H13_Nat_meerkost_CO2)",
        "nationale_kosten.<scenario>.H17_Nat_meerkost_CO2",
    ),
    Vergelijkbaar(
        "nationale_meerkosten_per_weq",
        "Nationale meerkosten per woningequivalent",
        _eenheid("nationale_meerkosten_per_weq"),
        GEWOGEN_WEQ,
        "H18_Nat_meerkost_WEQ (2019: H16_Nat_meerkost_WEQ)",
        "nationale_kosten.<scenario>.H18_Nat_meerkost_WEQ",
    ),
    Vergelijkbaar(
        "co2_reductie",
        "Vermeden CO₂-uitstoot",
        _eenheid("co2_reductie"),
        SOM,
        "2019: H10_CO2_reductie; 2020+: H16_Nat_meerkost / H17_Nat_meerkost_CO2 per buurt",
        "nationale_kosten.<scenario>.CO2_vermeden (of referentie.co2_ton - co2_ton)",
    ),
    Vergelijkbaar(
        "co2_uitstoot",
        "CO₂-uitstoot na de overstap",
        _eenheid("co2_uitstoot"),
        SOM,
        "H15_CO2_uitstoot (niet in 2019)",
        "co2_ton",
    ),
    Vergelijkbaar(
        "kapitaallasten",
        "Kapitaallasten van de investeringen",
        _eenheid("kosten_totaal_kapitaallasten"),
        SOM,
        "K10_Totaal_Kapitaalslasten",
        "nationale_kosten.<scenario>.K10_Totaal_Kapitaalslasten",
    ),
    Vergelijkbaar(
        "variabele_kosten",
        "Energie, onderhoud en beheer",
        _eenheid("kosten_totaal_variabele_kosten"),
        SOM,
        "K17_Totaal_VariabeleKosten",
        "nationale_kosten.<scenario>.K17_Totaal_VariabeleKosten",
    ),
    Vergelijkbaar(
        "investering",
        "Investering",
        "€",
        NIET_BIJ_PBL,
        "niet in de Startanalyse (alleen de kapitaallasten, K10)",
        "investering_eur",
    ),
    Vergelijkbaar(
        "investering_per_weq",
        "Investering per woningequivalent",
        "€ per woningequivalent",
        NIET_BIJ_PBL,
        "niet in de Startanalyse",
        "investering_eur / woningequivalenten",
    ),
)
SLEUTELS: tuple[str, ...] = tuple(i.sleutel for i in INDICATOREN)

#: Our key -> PBL's catalogue key, for the figures that are summed straight from one column.
_PBL_KOLOM = {
    "nationale_meerkosten": "nationale_meerkosten",
    "co2_uitstoot": "co2_uitstoot",
    "kapitaallasten": "kosten_totaal_kapitaallasten",
    "variabele_kosten": "kosten_totaal_variabele_kosten",
}
#: Our key -> the indicator in the calculation's national costs of one scenario.
_EIGEN_KOLOM = {
    "nationale_meerkosten": "H16_Nat_meerkost",
    "nationale_meerkosten_per_ton_co2": "H17_Nat_meerkost_CO2",
    "nationale_meerkosten_per_weq": "H18_Nat_meerkost_WEQ",
    "kapitaallasten": "K10_Totaal_Kapitaalslasten",
    "variabele_kosten": "K17_Totaal_VariabeleKosten",
}


# --- Input ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EigenAlternatief:
    """One alternative of the plan, as the comparison takes it."""

    naam: str
    #: PBL's variant code of its template (``s1a``, any case); empty when it has none.
    variant: str
    #: The ``samenvatting`` of its latest finished calculation; ``None``: not calculated.
    samenvatting: Mapping[str, Any] | None
    #: Code of the engine template (``S1a_B_LuchtWP``), for display.
    sjabloon: str = ""
    #: A user variant with its own parameters (keeps its template's code).
    eigen_variant: bool = False
    #: Its calculation used an older parameter set than the current one.
    verouderd: bool = False


def variant_van_sjabloon(code: str) -> str:
    """PBL's variant code in a template code: ``S1a_B_LuchtWP`` -> ``s1a``; ``REF`` -> ``""``."""
    m = _VARIANTCODE.match(code.strip())
    return m.group(1).lower() if m else ""


# --- Output -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cel:
    """One indicator of one alternative: PBL's figure for the plan area and ours."""

    pbl: float | None
    eigen: float | None

    @property
    def verschil(self) -> float | None:
        """Ours minus PBL's (same unit); unknown when either is unknown."""
        if self.pbl is None or self.eigen is None:
            return None
        return self.eigen - self.pbl

    @property
    def verschil_procent(self) -> float | None:
        """The difference as a percentage of PBL's figure; unknown when that is 0."""
        v = self.verschil
        if v is None or self.pbl is None or self.pbl == 0:
            return None
        return v / abs(self.pbl) * 100.0


@dataclass(frozen=True)
class EigenUitkomst:
    """One of our alternatives within a strategy variant, with its figures."""

    naam: str
    sjabloon: str
    eigen_variant: bool
    berekend: bool
    verouderd: bool
    #: Our figure per indicator key (:data:`SLEUTELS`); ``None`` = unknown.
    waarden: Mapping[str, float | None]


@dataclass(frozen=True)
class Rij:
    """One row of a strategy: an alternative of ours (or none) with a cell per indicator."""

    alternatief: EigenUitkomst | None
    cellen: Mapping[str, Cel]


@dataclass(frozen=True)
class Strategie:
    """One strategy variant: PBL's figures for the plan area and our alternatives of it."""

    #: PBL's variant code, lower case (``s1a``); empty for alternatives without a PBL code.
    variant: str
    #: Readable name of the variant in the edition compared with.
    strategie: str
    #: PBL's figure for the plan area per indicator key; ``None`` = unknown.
    pbl: Mapping[str, float | None]
    #: The plan's buurten for which PBL gives this variant.
    pbl_buurten: tuple[str, ...]
    #: PBL gives this variant for every buurt of the plan.
    volledig: bool
    alternatieven: tuple[EigenUitkomst, ...] = ()

    @property
    def heeft_pbl(self) -> bool:
        """PBL computed this variant for at least one of the plan's buurten."""
        return bool(self.pbl_buurten)

    @property
    def alleen_pbl(self) -> bool:
        """PBL computed it, the plan has no alternative of it."""
        return not self.alternatieven

    @property
    def rijen(self) -> tuple[Rij, ...]:
        """One row per alternative; one row without an alternative when the plan has none."""
        if not self.alternatieven:
            return (Rij(None, {s: Cel(self.pbl.get(s), None) for s in SLEUTELS}),)
        return tuple(
            Rij(a, {s: Cel(self.pbl.get(s), a.waarden.get(s)) for s in SLEUTELS})
            for a in self.alternatieven
        )


@dataclass(frozen=True)
class PblRij:
    """PBL's figures for one buurt and one variant (empty variant: the static figures)."""

    buurtcode: str
    buurtnaam: str | None
    variant: str
    strategie: str
    editie: str
    #: Every numeric indicator that has a value somewhere in the compared edition for these
    #: buurten (catalogue key -> value; ``None`` = PBL gives none for this row).
    waarden: Mapping[str, float | None]


@dataclass(frozen=True)
class Goedkoopste:
    """PBL's strategy with the lowest national extra costs for the whole plan area."""

    variant: str
    strategie: str
    #: Its national extra costs for the plan area [EUR/yr].
    nationale_meerkosten: float
    #: How many variants PBL gives for every buurt of the plan (those compared).
    vergeleken: int


@dataclass(frozen=True)
class Vergelijking:
    """PBL's Startanalyse beside our alternatives, for one plan area and one edition."""

    #: The edition compared with: the one asked for, else the newest with figures for these
    #: buurten; ``None`` when none was asked for and PBL has nothing for these buurten.
    editie: str | None
    #: Every edition with figures for these buurten, oldest first.
    edities: tuple[str, ...]
    scenario: str
    #: The plan's buurten, and those with any figure of PBL in the compared edition.
    buurtcodes: tuple[str, ...]
    buurten_met_pbl: tuple[str, ...]
    strategieen: tuple[Strategie, ...]
    pbl_rijen: tuple[PblRij, ...] = ()
    #: Unit of each indicator in :attr:`PblRij.waarden` (the catalogue's).
    eenheden: Mapping[str, str] = field(default_factory=dict)
    goedkoopste: Goedkoopste | None = None
    indicatoren: tuple[Vergelijkbaar, ...] = INDICATOREN

    @property
    def heeft_pbl(self) -> bool:
        """PBL's Startanalyse has figures for at least one of the plan's buurten."""
        return bool(self.buurten_met_pbl)

    @property
    def buurten_zonder_pbl(self) -> tuple[str, ...]:
        gezien = set(self.buurten_met_pbl)
        return tuple(c for c in self.buurtcodes if c not in gezien)

    @property
    def varianten_als_platform(self) -> bool:
        """The compared edition uses the variant codes of the platform's alternatives (2025 or
        later); in older editions one code can mean another variant."""
        return self.editie is not None and _jaar(self.editie) >= int(EDITIE_VARIANTEN)

    @property
    def met_alternatief(self) -> tuple[Strategie, ...]:
        """The strategies that have an alternative of the plan, in order."""
        return tuple(s for s in self.strategieen if s.alternatieven)

    @property
    def alleen_pbl(self) -> tuple[Strategie, ...]:
        return tuple(s for s in self.strategieen if not s.alternatieven)


# --- Helpers ----------------------------------------------------------------------------------


def _getal(x: object) -> float | None:
    """A finite number, else ``None`` (NaN, None, text, bools are unknown)."""
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _jaar(editie: str) -> int:
    """``"2025"`` -> 2025, ``"2020+"`` -> 2020; no year -> 0."""
    m = re.match(r"\d{4}", editie)
    return int(m.group(0)) if m else 0


def _editievolgorde(editie: str) -> tuple[int, str]:
    return (_jaar(editie), editie)


def _som(waarden: Iterable[float | None]) -> float | None:
    lijst = list(waarden)
    if not lijst or any(w is None for w in lijst):
        return None
    return float(sum(w for w in lijst if w is not None))


def _gewogen(paren: Iterable[tuple[float | None, float | None]]) -> float | None:
    """Weighted mean of (value, weight) pairs; unknown if any is unknown or the weights add up
    to 0 or less."""
    lijst = list(paren)
    if not lijst or any(x is None or w is None for x, w in lijst):
        return None
    gewicht = sum(w for _x, w in lijst if w is not None)
    if gewicht <= 0:
        return None
    return float(sum(x * w for x, w in lijst if x is not None and w is not None) / gewicht)


def _woningequivalenten(rij: Mapping[str, Any]) -> float | None:
    """A buurt's woningequivalenten: PBL's static figure, else H16 / H18."""
    weq = _getal(rij.get("woningequivalenten"))
    if weq is not None and weq > 0:
        return weq
    h16, h18 = (
        _getal(rij.get("nationale_meerkosten")),
        _getal(rij.get("nationale_meerkosten_per_weq")),
    )
    if h16 is None or not h18:
        return None
    afgeleid = h16 / h18
    return afgeleid if afgeleid > 0 else None


def _vermeden_co2(rij: Mapping[str, Any]) -> float | None:
    """A buurt's avoided CO2 [t/yr]: 2019's H10, else H16 / H17."""
    direct = _getal(rij.get("co2_reductie"))
    if direct is not None:
        return direct
    h16 = _getal(rij.get("nationale_meerkosten"))
    h17 = _getal(rij.get("nationale_meerkosten_per_ton_co2"))
    if h16 is None or not h17:
        return None
    return h16 / h17


def pbl_plangebied(
    rijen: Mapping[str, Mapping[str, Any]], buurtcodes: Sequence[str]
) -> dict[str, float | None]:
    """PBL's figures of one variant for the plan area, from its rows per buurt (buurtcode ->
    {catalogue key: value}), by the rules of the module docstring. Every buurt of
    ``buurtcodes`` must have a row, else every figure is unknown."""
    uit: dict[str, float | None] = dict.fromkeys(SLEUTELS)
    if not buurtcodes or any(c not in rijen for c in buurtcodes):
        return uit
    per_buurt = [rijen[c] for c in buurtcodes]
    for sleutel, kolom in _PBL_KOLOM.items():
        uit[sleutel] = _som(_getal(r.get(kolom)) for r in per_buurt)
    uit["co2_reductie"] = _som(_vermeden_co2(r) for r in per_buurt)
    uit["nationale_meerkosten_per_weq"] = _gewogen(
        (_getal(r.get("nationale_meerkosten_per_weq")), _woningequivalenten(r)) for r in per_buurt
    )
    uit["nationale_meerkosten_per_ton_co2"] = _gewogen(
        (_getal(r.get("nationale_meerkosten_per_ton_co2")), _vermeden_co2(r)) for r in per_buurt
    )
    return uit


def eigen_waarden(
    samenvatting: Mapping[str, Any] | None, scenario: str = SCENARIO
) -> dict[str, float | None]:
    """Our figures per indicator key from one calculation's ``samenvatting`` (see the module
    docstring); every figure the summary lacks is unknown."""
    uit: dict[str, float | None] = dict.fromkeys(SLEUTELS)
    if not samenvatting:
        return uit
    alle_nk = samenvatting.get("nationale_kosten")
    nk = alle_nk.get(scenario) if isinstance(alle_nk, Mapping) else None
    nk = nk if isinstance(nk, Mapping) else {}
    for sleutel, kolom in _EIGEN_KOLOM.items():
        uit[sleutel] = _getal(nk.get(kolom))
    co2 = _getal(samenvatting.get("co2_ton"))
    if co2 is None:
        co2 = _getal(nk.get("H15_CO2_uitstoot"))
    uit["co2_uitstoot"] = co2
    vermeden = _getal(nk.get("CO2_vermeden"))
    if vermeden is None:
        referentie = samenvatting.get("referentie")
        ref = _getal(referentie.get("co2_ton")) if isinstance(referentie, Mapping) else None
        vermeden = ref - co2 if ref is not None and co2 is not None else None
    uit["co2_reductie"] = vermeden
    investering = _getal(samenvatting.get("investering_eur"))
    weq = _getal(samenvatting.get("woningequivalenten"))
    uit["investering"] = investering
    uit["investering_per_weq"] = (
        investering / weq if investering is not None and weq is not None and weq > 0 else None
    )
    return uit


def _tekst(x: object) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    tekst = str(x).strip()
    return tekst or None


def _normaliseer(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(c).strip().upper() for c in codes if c and str(c).strip()))


# --- The comparison ---------------------------------------------------------------------------


def vergelijk(
    pbl: pd.DataFrame,
    eigen: Sequence[EigenAlternatief],
    *,
    buurtcodes: Sequence[str] | None = None,
    editie: str | None = None,
    scenario: str = SCENARIO,
) -> Vergelijking:
    """Compare PBL's rows for the plan's buurten with our alternatives.

    ``pbl`` has the columns of ``startanalyse_voor_buurten`` (at least ``buurtcode``,
    ``variant``, ``editie`` and the catalogue keys used; ``strategie`` and ``buurtnaam`` when
    present); rows of other buurten are ignored. ``buurtcodes`` are the plan's buurten (default:
    those in ``pbl``). ``editie`` picks the edition; by default the newest one with figures for
    these buurten. ``scenario`` is the price scenario of our side. Within one edition a buurt
    has at most one row per variant; a repeated one is ignored (the first counts).
    """
    codes = _normaliseer(buurtcodes if buurtcodes is not None else pbl.get("buurtcode", []))
    frame = pbl.copy()
    if len(frame):
        frame["buurtcode"] = frame["buurtcode"].astype(str).str.strip().str.upper()
        frame["variant"] = frame["variant"].fillna("").astype(str).str.strip().str.lower()
        frame["editie"] = frame["editie"].astype(str)
        frame = frame[frame["buurtcode"].isin(codes)]
    edities = tuple(sorted(set(frame["editie"]) if len(frame) else set(), key=_editievolgorde))
    gekozen = editie if editie else (edities[-1] if edities else None)
    if len(frame) and gekozen is not None:
        frame = frame[frame["editie"] == gekozen]
        frame = frame.drop_duplicates(subset=["buurtcode", "variant"], keep="first")
    else:
        frame = frame.iloc[0:0]
    records: list[dict[str, Any]] = frame.to_dict("records") if len(frame) else []

    per_variant: dict[str, dict[str, dict[str, Any]]] = {}
    labels: dict[str, str] = {}
    for r in records:
        v = r["variant"]
        if not v:
            continue
        per_variant.setdefault(v, {})[r["buurtcode"]] = r
        labels.setdefault(v, _tekst(r.get("strategie")) or strategie_label(v, gekozen or ""))

    eigen_per_variant: dict[str, list[EigenUitkomst]] = {}
    for a in eigen:
        uitkomst = EigenUitkomst(
            naam=a.naam,
            sjabloon=a.sjabloon,
            eigen_variant=a.eigen_variant,
            berekend=a.samenvatting is not None,
            verouderd=a.verouderd,
            waarden=eigen_waarden(a.samenvatting, scenario),
        )
        eigen_per_variant.setdefault((a.variant or "").strip().lower(), []).append(uitkomst)

    strategieen: list[Strategie] = []
    for v in sorted(set(per_variant) | set(eigen_per_variant)):
        rijen = per_variant.get(v, {})
        aanwezig = tuple(c for c in codes if c in rijen)
        if v in labels:
            label = labels[v]
        elif v:
            label = strategie_label(v, EDITIE_VARIANTEN)
        else:
            label = "Zonder variant van de Startanalyse"
        strategieen.append(
            Strategie(
                variant=v,
                strategie=label,
                pbl=pbl_plangebied(rijen, codes),
                pbl_buurten=aanwezig,
                volledig=bool(codes) and len(aanwezig) == len(codes),
                alternatieven=tuple(eigen_per_variant.get(v, ())),
            )
        )

    bekend = [
        s for s in strategieen if s.heeft_pbl and s.pbl.get("nationale_meerkosten") is not None
    ]
    goedkoopste = None
    if bekend:
        beste = min(bekend, key=lambda s: (s.pbl["nationale_meerkosten"], s.variant))
        goedkoopste = Goedkoopste(
            variant=beste.variant,
            strategie=beste.strategie,
            nationale_meerkosten=float(beste.pbl["nationale_meerkosten"]),  # type: ignore[arg-type]
            vergeleken=len(bekend),
        )

    getallen = [
        s
        for s, i in CATALOGUS.items()
        if not i.tekst and s in frame.columns and frame[s].notna().any()
    ]
    pbl_rijen = tuple(
        PblRij(
            buurtcode=r["buurtcode"],
            buurtnaam=_tekst(r.get("buurtnaam")),
            variant=r["variant"],
            strategie=_tekst(r.get("strategie")) or strategie_label(r["variant"], gekozen or ""),
            editie=str(r["editie"]),
            waarden={s: _getal(r.get(s)) for s in getallen},
        )
        for r in sorted(records, key=lambda r: (codes.index(r["buurtcode"]), r["variant"]))
    )
    return Vergelijking(
        editie=gekozen,
        edities=edities,
        scenario=scenario,
        buurtcodes=codes,
        buurten_met_pbl=tuple(c for c in codes if any(r["buurtcode"] == c for r in records)),
        strategieen=tuple(strategieen),
        pbl_rijen=pbl_rijen,
        eenheden={s: CATALOGUS[s].eenheid for s in getallen},
        goedkoopste=goedkoopste,
    )
