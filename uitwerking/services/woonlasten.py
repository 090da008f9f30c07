"""Writes of step 5's part 'woonlasten': computing the monthly housing costs of every household
type in the plan area for the chosen alternative, as a new row of the history.

Only the plan's projectleider computes, never in a frozen plan. Bad input raises a
``ValidationError`` with a Dutch message per field and nothing is saved.

Where the figures come from:

* the household types: the building stock of step 2 (dwelling types and numbers) split over the
  tenures by the CBS shares of step 1 (or shares the projectleider enters);
* energy use before: the CBS average gas and electricity use per dwelling type in the area (or
  what the projectleider enters);
* the alternative's figures per dwelling: step 2's latest finished calculation of the chosen
  alternative holds area totals (investments per cost group, heat demand after insulation,
  electricity of the buildings); they are divided over the dwelling equivalents, insulation in
  proportion to the floor area of the type and heat in proportion to its gas use now;
* prices, caps, subsidy and loan terms: the finance figures of the parameter set
  (:mod:`uitwerking.parameters`), with their sources.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from uitwerking.financien import (
    EIGENDOMSVORMEN,
    FinancienFout,
    HuishoudenInvoer,
    Huurverhoging,
    Lening,
    Maandlasten,
    bereken_woonlasten,
)
from uitwerking.financien.businesscase import plafondjaar
from uitwerking.financien.woonlasten import (
    EIGENAAR,
    HUURDER_CORPORATIE,
    HUURDERS,
    PARTICULIERE_HUURDER,
)
from uitwerking.models import Woonlastenberekening
from uitwerking.selectors import businesscase as businesscase_selectors
from uitwerking.selectors import woonlasten as selectors
from uitwerking.selectors.businesscase import Bewonerstarieven
from wup import schrijven
from wup.models import Wijkplan

#: Calorific value of natural gas (lower heating value, as the engine's prices use it).
GJ_PER_M3 = 0.03165
GJ_PER_KWH = 0.0036
MAX_BEDRAG = 1_000_000.0
MAX_AANTAL = 1_000_000

SOORT_WARMTENET = "warmtenet"
SOORT_BOOSTER = "warmtenet met boosterwarmtepomp"
SOORT_ALL_ELECTRIC = "all-electric"
SOORT_HYBRIDE = "hybride"
SOORT_GAS = "gasketel"

#: Names of the finance figures this part reads.
KENTALLEN = (
    "ISDE_warmtenet",
    "Warmtefonds_rente",
    "Warmtefonds_rente_laag_inkomen",
    "Warmtefonds_inkomensgrens",
    "Warmtefonds_looptijd",
    "Warmtefonds_maximum",
    "Vastrecht_gas_per_jaar",
    "Onderhoud_cv_ketel_per_jaar",
)


def _schrijfbaar(plan: Wijkplan, user: AbstractBaseUser) -> Wijkplan:
    return schrijven.schrijfbaar(
        plan,
        user,
        niet_toegestaan=_("Alleen de projectleider van dit plan kan de woonlasten berekenen."),
    )


# --- Input ---------------------------------------------------------------------------------------


def _bedrag(waarde, veld: str, *, leeg_mag: bool = False, maximum: float = MAX_BEDRAG):
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        if leeg_mag:
            return None
        raise ValidationError({veld: _("Vul een bedrag in (0 of meer).")})
    if isinstance(waarde, bool):
        raise ValidationError({veld: _("Vul een getal in.")})
    if isinstance(waarde, str):
        waarde = waarde.strip().replace(",", ".")
    try:
        getal = float(waarde)
    except (TypeError, ValueError):
        raise ValidationError({veld: _("Vul een getal in, bijvoorbeeld 12,50.")}) from None
    if not math.isfinite(getal) or getal < 0 or getal > maximum:
        raise ValidationError(
            {veld: _("Vul een getal in van 0 tot %(max)s.") % {"max": f"{maximum:,.0f}"}}
        )
    return getal


@dataclass(frozen=True)
class Invoer:
    """The projectleider's input, checked."""

    huurverhoging: dict[str, float]
    warmtetarief: float | None
    aandelen: dict[str, float] | None
    aantallen: dict[str, int]
    verbruik: dict[str, dict[str, float | None]]
    laag_inkomen: tuple[str, ...]
    marge: float
    jaar: int

    def as_dict(self) -> dict:
        return {
            "huurverhoging": self.huurverhoging,
            "warmtetarief": self.warmtetarief,
            "aandelen": self.aandelen,
            "aantallen": self.aantallen,
            "verbruik": self.verbruik,
            "laag_inkomen": list(self.laag_inkomen),
            "marge": self.marge,
            "jaar": self.jaar,
        }


def invoer_controleren(
    *,
    huurverhoging_corporatie=0,
    huurverhoging_particulier=0,
    warmtetarief=None,
    aandelen: Mapping[str, object] | None = None,
    aantallen: Mapping[str, object] | None = None,
    verbruik: Mapping[str, Mapping[str, object]] | None = None,
    laag_inkomen: Sequence[str] = (),
    marge=0,
    jaar=None,
) -> Invoer:
    """Every value checked at once; one ``ValidationError`` names every wrong field
    (``aandelen``, ``aantallen.<sleutel>``, ``verbruik.<woningtype>.gas_m3`` ...)."""
    fouten: dict[str, str] = {}

    def doe(veld, f):
        try:
            return f()
        except ValidationError as e:
            fouten.update({k: v[0] for k, v in e.message_dict.items()})
            return None

    hv = {
        HUURDER_CORPORATIE: doe(
            "huurverhoging_corporatie",
            lambda: _bedrag(huurverhoging_corporatie, "huurverhoging_corporatie", maximum=5000),
        ),
        PARTICULIERE_HUURDER: doe(
            "huurverhoging_particulier",
            lambda: _bedrag(huurverhoging_particulier, "huurverhoging_particulier", maximum=5000),
        ),
    }
    tarief = doe(
        "warmtetarief", lambda: _bedrag(warmtetarief, "warmtetarief", leeg_mag=True, maximum=1000)
    )
    marge_waarde = doe("marge", lambda: _bedrag(marge, "marge", maximum=5000))
    gecontroleerde_aandelen = None
    if aandelen:
        gecontroleerde_aandelen = {}
        for e in EIGENDOMSVORMEN:
            v = doe(
                f"aandelen.{e}",
                lambda e=e: _bedrag(aandelen.get(e), f"aandelen.{e}", maximum=100),
            )
            gecontroleerde_aandelen[e] = v
        if all(v is not None for v in gecontroleerde_aandelen.values()):
            som = sum(gecontroleerde_aandelen.values())
            if abs(som - 100.0) > 0.5:
                fouten["aandelen"] = _(
                    "De aandelen eigenaar-bewoners, huurders van een corporatie en particuliere "
                    "huurders tellen op tot %(som)s%%; dat moet 100%% zijn."
                ) % {"som": f"{som:g}".replace(".", ",")}
    gecontroleerde_aantallen: dict[str, int] = {}
    for sleutel, waarde in (aantallen or {}).items():
        if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
            continue
        veld = f"aantallen.{sleutel}"
        v = doe(veld, lambda w=waarde, veld=veld: _bedrag(w, veld, maximum=MAX_AANTAL))
        if v is not None:
            if v != int(v):
                fouten[veld] = _("Vul een heel aantal huishoudens in.")
            else:
                gecontroleerde_aantallen[str(sleutel)] = int(v)
    gecontroleerd_verbruik: dict[str, dict[str, float | None]] = {}
    for woningtype, paar in (verbruik or {}).items():
        rij = {}
        for soort in ("gas_m3", "elektriciteit_kwh"):
            veld = f"verbruik.{woningtype}.{soort}"
            rij[soort] = doe(
                veld,
                lambda s=soort, veld=veld, paar=paar: _bedrag(
                    (paar or {}).get(s), veld, leeg_mag=True, maximum=100_000
                ),
            )
        if any(v is not None for v in rij.values()):
            gecontroleerd_verbruik[str(woningtype)] = rij
    jaar_waarde = timezone.localdate().year
    if jaar not in (None, ""):
        try:
            jaar_waarde = int(jaar)
            if not 2000 <= jaar_waarde <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            fouten["jaar"] = _("Vul een jaartal in, bijvoorbeeld 2026.")
    if fouten:
        raise ValidationError(fouten)
    return Invoer(
        huurverhoging=hv,
        warmtetarief=tarief,
        aandelen=gecontroleerde_aandelen,
        aantallen=gecontroleerde_aantallen,
        verbruik=gecontroleerd_verbruik,
        laag_inkomen=tuple(dict.fromkeys(str(s) for s in laag_inkomen or ())),
        marge=marge_waarde or 0.0,
        jaar=jaar_waarde,
    )


# --- The alternative's figures per dwelling --------------------------------------------------


def soort_van(sjabloon: str) -> str:
    """What the households get, from the engine's template of the alternative."""
    from techniek.engine import STANDAARD_ALTERNATIEVEN

    a = next((a for a in STANDAARD_ALTERNATIEVEN if a.code == sjabloon), None)
    if a is None:
        return SOORT_ALL_ELECTRIC
    systeem = str(a.gebouwsysteem)
    if a.heeft_net:
        return SOORT_BOOSTER if systeem == "warmtepomp" else SOORT_WARMTENET
    return {"hybride": SOORT_HYBRIDE, "gasketel": SOORT_GAS}.get(systeem, SOORT_ALL_ELECTRIC)


@dataclass(frozen=True)
class PerWoning:
    """Step 2's area totals divided over the dwelling equivalents."""

    soort: str
    isolatie: float
    installatie: float
    onderhoud_installatie: float
    warmte_gj: float
    elektriciteit_warmte_gj: float
    gas_gj: float
    woningequivalenten: float


def per_woning(berekening, sjabloon: str) -> PerWoning:
    s = berekening.samenvatting or {}
    woningen = sum(
        selectors._getal(r.get("aantal")) or 0.0
        for r in (berekening.voorraad or {}).get("woningen") or []
    )
    weq = selectors._getal(s.get("woningequivalenten")) or woningen or 1.0

    def som(groep: str, veld: str) -> float:
        return sum(
            selectors._getal(k.get(veld)) or 0.0
            for k in s.get("kosten") or []
            if k.get("groep") == groep
        )

    energie = s.get("energie_gj") or {}
    e_gebouwen = selectors._getal(energie.get("elektriciteit_gebouwen_gj")) or 0.0
    e_apparaten = selectors._getal(energie.get("elektriciteit_apparatuur_gj")) or 0.0
    gas = (selectors._getal(energie.get("aardgas_gj")) or 0.0) + (
        selectors._getal(energie.get("klimaatneutraal_gas_gj")) or 0.0
    )
    return PerWoning(
        soort=soort_van(sjabloon),
        isolatie=som("K08_Gebouw_schil", "investering_eur") / weq,
        installatie=som("K09_Gebouw_installatie", "investering_eur") / weq,
        onderhoud_installatie=som("K09_Gebouw_installatie", "onderhoud_eur_jaar") / weq,
        warmte_gj=(selectors._getal((s.get("jaarvraag_gj") or {}).get("warmte")) or 0.0) / weq,
        elektriciteit_warmte_gj=max(e_gebouwen - e_apparaten, 0.0) / weq,
        gas_gj=gas / weq,
        woningequivalenten=weq,
    )


# --- The calculation -------------------------------------------------------------------------


def _plafond(fp, jaar: int):
    plafonds = dict(fp.plafonds or {})
    gekozen = plafondjaar(plafonds, jaar)
    return gekozen, (None if gekozen is None else plafonds[gekozen])


def _fmt(x: float) -> str:
    return f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@dataclass(frozen=True)
class Rekenuitkomst:
    huishoudtypen: list[dict]
    resultaten: list[dict]
    gebruikte_parameters: list[dict]
    aannames: list[str]


def bereken(
    *,
    typen: Sequence[selectors.Woningtype],
    cijfers: selectors.Gebiedscijfers,
    pw: PerWoning,
    fp,
    invoer: Invoer,
    energiearmoede: bool | None,
    bedrijf: Bewonerstarieven | None = None,
) -> Rekenuitkomst:
    """The housing costs of every household type (no database). Raises ``ValidationError``
    with what is missing. ``bedrijf``: the heat company's tariffs from the business case,
    used instead of the ACM maximum."""
    fouten: dict[str, str] = {}
    aannames: list[str] = []
    aandelen = invoer.aandelen or cijfers.aandelen
    if aandelen is None:
        fouten["aandelen"] = _(
            "De CBS-cijfers van stap 1 geven niet hoeveel woningen koop, corporatiehuur of "
            "particuliere huur zijn. Vul de aandelen zelf in."
        )
    elif invoer.aandelen:
        aannames.append(
            _("De aandelen eigenaar-bewoners en huurders zijn ingevuld door de projectleider.")
        )
    else:
        aannames.append(
            _("De aandelen eigenaar-bewoners en huurders komen uit de CBS-cijfers (%(jaar)s).")
            % {"jaar": cijfers.jaar}
        )
    verbruik: dict[str, tuple[float | None, float | None]] = {}
    for t in typen:
        eigen = invoer.verbruik.get(t.naam, {})
        gas = eigen.get("gas_m3")
        stroom = eigen.get("elektriciteit_kwh")
        gas = gas if gas is not None else cijfers.gas_voor(t.naam)
        stroom = stroom if stroom is not None else cijfers.elektriciteit_voor(t.naam)
        if gas is None:
            fouten[f"verbruik.{t.naam}.gas_m3"] = _(
                "De CBS-cijfers geven geen gasverbruik voor %(type)s. Vul het gemiddelde "
                "gasverbruik per jaar in."
            ) % {"type": t.naam}
        if stroom is None:
            fouten[f"verbruik.{t.naam}.elektriciteit_kwh"] = _(
                "De CBS-cijfers geven geen elektriciteitsverbruik voor %(type)s. Vul het "
                "gemiddelde verbruik per jaar in."
            ) % {"type": t.naam}
        verbruik[t.naam] = (gas, stroom)
    if not typen:
        fouten["__all__"] = _("De gebouwvoorraad van stap 2 heeft geen woningen.")
    if fouten:
        raise ValidationError(fouten)

    try:
        k = {naam: fp.waarde(naam) for naam in KENTALLEN}
        gasprijs = fp.eindprijs("aardgas", invoer.jaar)
        stroomprijs = fp.eindprijs("elektriciteit", invoer.jaar)
    except FinancienFout as e:
        raise ValidationError(
            _(
                "De financiële parameters zijn niet compleet: %(fout)s. Vraag de beheerder ze "
                "aan te vullen."
            )
            % {"fout": e}
        ) from e
    plafondjaar, plafond = _plafond(fp, invoer.jaar)
    warmtenet = pw.soort in (SOORT_WARMTENET, SOORT_BOOSTER)
    if warmtenet and plafond is None:
        raise ValidationError(
            _(
                "Er zijn geen ACM-tarieven voor warmte in de parameters. Vraag de beheerder ze "
                "aan te vullen."
            )
        )
    tarief = invoer.warmtetarief
    vastrecht_warmte = aansluitbijdrage = None
    if warmtenet:
        vastrecht_warmte, aansluitbijdrage = plafond.vastrecht_per_jaar, plafond.aansluitbijdrage
        if bedrijf is not None:
            vastrecht_warmte = min(bedrijf.vastrecht_per_jaar, vastrecht_warmte)
            aansluitbijdrage = min(bedrijf.aansluitbijdrage, aansluitbijdrage)
            aannames.append(
                _(
                    "Vastrecht (€ %(v)s per jaar) en aansluitbijdrage (€ %(a)s): de tarieven "
                    "van het warmtebedrijf in de businesscase (startjaar %(jaar)s), nooit meer "
                    "dan het ACM-maximum."
                )
                % {"v": _fmt(vastrecht_warmte), "a": _fmt(aansluitbijdrage), "jaar": bedrijf.jaar}
            )
        if tarief is None and bedrijf is not None:
            tarief = min(bedrijf.variabel_per_gj, plafond.variabel_per_gj)
            aannames.append(
                _(
                    "Warmtetarief: € %(t)s per GJ, het tarief van het warmtebedrijf in de "
                    "businesscase (startjaar %(jaar)s)."
                )
                % {"t": _fmt(tarief), "jaar": bedrijf.jaar}
            )
        elif tarief is None:
            tarief = plafond.variabel_per_gj
            aannames.append(
                _(
                    "Warmtetarief: het maximale variabele ACM-tarief van %(jaar)s (€ %(t)s per "
                    "GJ), omdat er nog geen tarief van het warmtebedrijf is. Dat is de "
                    "voorzichtige kant: het bedrijf mag niet meer vragen."
                )
                % {"jaar": plafondjaar, "t": _fmt(tarief)}
            )
        else:
            aannames.append(
                _("Warmtetarief: € %(t)s per GJ, ingevuld door de projectleider.")
                % {"t": _fmt(tarief)}
            )
    aannames += [
        _(
            "Investeringen per woning, warmtevraag en elektriciteit voor warmte: de totalen "
            "van de berekening van stap 2, verdeeld over %(weq)s woningequivalenten. Isolatie "
            "naar verhouding van het woonoppervlak van het type, warmte naar verhouding van "
            "het gasverbruik nu."
        )
        % {"weq": f"{pw.woningequivalenten:,.0f}".replace(",", ".")},
        _(
            "Energieverbruik nu: het gemiddelde gas- en elektriciteitsverbruik per woningtype "
            "van het CBS in het gebied, of wat de projectleider invulde."
        ),
        _("Energieprijzen van %(jaar)s, inclusief belastingen en btw (%(bron)s).")
        % {"jaar": invoer.jaar, "bron": getattr(fp, "prijsbron", "")},
        _(
            "Huurders betalen de eenmalige kosten niet zelf: de verhuurder investeert en de "
            "huurder betaalt de ingevulde huurverhoging. Corporaties beloven vaak dat de "
            "overstap woonlastenneutraal is."
        ),
    ]
    if not warmtenet:
        aannames.append(
            _("Bij dit alternatief geldt geen ISDE-subsidie voor een warmtenetaansluiting.")
        )

    gas_gem_teller = sum(t.aantal * (verbruik[t.naam][0] or 0.0) for t in typen)
    aantal_totaal = sum(t.aantal for t in typen) or 1
    gas_gem = gas_gem_teller / aantal_totaal or 1.0
    opp = [(t.aantal, t.oppervlakte) for t in typen if t.oppervlakte]
    opp_gem = sum(n * o for n, o in opp) / sum(n for n, _o in opp) if opp else None

    huishoudens = selectors.huishoudtypen(typen, aandelen, invoer.aantallen)
    tabel, resultaten = [], []
    for h in huishoudens:
        gas_nu, stroom_nu = verbruik[h.woningtype]
        f_warmte = (gas_nu or 0.0) / gas_gem
        f_opp = (h.oppervlakte / opp_gem) if (h.oppervlakte and opp_gem) else 1.0
        warmte = pw.warmte_gj * f_warmte
        e_warmte = pw.elektriciteit_warmte_gj * f_warmte
        gas_na, stroom_na, warmte_na = 0.0, stroom_nu, 0.0
        vastrecht_na, onderhoud_na = 0.0, pw.onderhoud_installatie
        if pw.soort == SOORT_WARMTENET:
            warmte_na = warmte
            vastrecht_na, onderhoud_na = vastrecht_warmte, 0.0
        elif pw.soort == SOORT_BOOSTER:
            warmte_na = max(warmte - e_warmte, 0.0)
            stroom_na = stroom_nu + e_warmte / GJ_PER_KWH
            vastrecht_na = vastrecht_warmte
        elif pw.soort == SOORT_HYBRIDE:
            gas_na = pw.gas_gj * f_warmte / GJ_PER_M3
            stroom_na = stroom_nu + e_warmte / GJ_PER_KWH
            vastrecht_na = k["Vastrecht_gas_per_jaar"]
        elif pw.soort == SOORT_GAS:
            gas_na = gas_nu
            vastrecht_na, onderhoud_na = (
                k["Vastrecht_gas_per_jaar"],
                k["Onderhoud_cv_ketel_per_jaar"],
            )
        else:
            stroom_na = stroom_nu + e_warmte / GJ_PER_KWH
        eenmalig = {
            "isolatie": round(pw.isolatie * f_opp, 2),
            "installatie": round(pw.installatie, 2),
        }
        if warmtenet:
            eenmalig["aansluitbijdrage"] = float(aansluitbijdrage)
        subsidies = {}
        if h.eigendom == EIGENAAR and warmtenet:
            subsidies["ISDE warmtenet"] = k["ISDE_warmtenet"]
        laag = h.eigendom == EIGENAAR and h.sleutel in invoer.laag_inkomen
        if h.eigendom in HUURDERS:
            financiering = Huurverhoging(invoer.huurverhoging.get(h.eigendom, 0.0))
        else:
            financiering = Lening(
                k["Warmtefonds_rente_laag_inkomen"] if laag else k["Warmtefonds_rente"],
                k["Warmtefonds_looptijd"],
                maximum=k["Warmtefonds_maximum"],
            )
        voor = Maandlasten(
            energie=((gas_nu or 0.0) * gasprijs + (stroom_nu or 0.0) * stroomprijs) / 12,
            vastrecht=k["Vastrecht_gas_per_jaar"] / 12,
            onderhoud=k["Onderhoud_cv_ketel_per_jaar"] / 12,
        )
        na = Maandlasten(
            energie=(
                gas_na * gasprijs
                + (stroom_na or 0.0) * stroomprijs
                + (warmte_na * tarief if warmtenet else 0.0)
            )
            / 12,
            vastrecht=vastrecht_na / 12,
            onderhoud=onderhoud_na / 12,
        )
        try:
            r = bereken_woonlasten(
                HuishoudenInvoer(
                    naam=h.naam,
                    eigendom=h.eigendom,
                    eenmalig=eenmalig,
                    subsidies=subsidies,
                    financiering=financiering,
                    voor=voor,
                    na=na,
                    woningtype=h.woningtype,
                ),
                invoer.marge,
            )
        except FinancienFout as e:
            raise ValidationError(str(e)) from e
        notities = list(r.notities)
        if laag:
            notities.append(
                _(
                    "Dit huishouden heeft een inkomen onder € %(grens)s per jaar en leent tegen "
                    "het lage tarief van het Warmtefonds."
                )
                % {"grens": _fmt(k["Warmtefonds_inkomensgrens"])}
            )
        data = r.as_dict()
        data["notities"] = notities
        verbruik_rij = {
            "gas_m3_voor": gas_nu,
            "elektriciteit_kwh_voor": stroom_nu,
            "gas_m3_na": round(gas_na, 1),
            "elektriciteit_kwh_na": round(stroom_na or 0.0, 1),
            "warmte_gj_na": round(warmte_na, 2),
            "warmtetarief_gj": tarief if warmtenet else None,
        }
        resultaten.append(
            {
                "sleutel": h.sleutel,
                "aantal": h.aantal,
                "laag_inkomen": laag,
                "risico": (not r.woonlastenneutraal) and energiearmoede is True,
                "verbruik": verbruik_rij,
                "resultaat": data,
            }
        )
        tabel.append(
            {
                "sleutel": h.sleutel,
                "woningtype": h.woningtype,
                "eigendom": h.eigendom,
                "afgeleid": h.afgeleid,
                "aantal": h.aantal,
                "oppervlakte": h.oppervlakte,
            }
        )
    gebruikt = [
        {
            "naam": naam,
            "waarde": k[naam],
            "eenheid": fp.kentallen[naam].eenheid,
            "bron": fp.kentallen[naam].bron,
        }
        for naam in KENTALLEN
        if naam in getattr(fp, "kentallen", {})
    ]
    gebruikt.append(
        {
            "naam": f"Eindprijs aardgas {invoer.jaar}",
            "waarde": gasprijs,
            "eenheid": "EUR/m3",
            "bron": getattr(fp, "prijsbron", ""),
        }
    )
    gebruikt.append(
        {
            "naam": f"Eindprijs elektriciteit {invoer.jaar}",
            "waarde": stroomprijs,
            "eenheid": "EUR/kWh",
            "bron": getattr(fp, "prijsbron", ""),
        }
    )
    if plafond is not None and warmtenet:
        bron = getattr(fp, "plafondbron", "")
        gebruikt += [
            {
                "naam": f"ACM vastrecht warmte {plafondjaar}",
                "waarde": plafond.vastrecht_per_jaar,
                "eenheid": "EUR/jaar",
                "bron": bron,
            },
            {
                "naam": f"ACM variabel tarief warmte {plafondjaar}",
                "waarde": plafond.variabel_per_gj,
                "eenheid": "EUR/GJ",
                "bron": bron,
            },
            {
                "naam": f"ACM aansluitbijdrage {plafondjaar}",
                "waarde": plafond.aansluitbijdrage,
                "eenheid": "EUR",
                "bron": bron,
            },
        ]
        if bedrijf is not None:
            gebruikt.append(
                {
                    "naam": _("Tarieven warmtebedrijf (businesscase)"),
                    "waarde": tarief if invoer.warmtetarief is None else None,
                    "eenheid": "EUR/GJ",
                    "bron": _(
                        "businesscase van het plan, startjaar %(jaar)s: vastrecht € %(v)s per "
                        "jaar, aansluitbijdrage € %(a)s"
                    )
                    % {
                        "jaar": bedrijf.jaar,
                        "v": _fmt(vastrecht_warmte),
                        "a": _fmt(aansluitbijdrage),
                    },
                }
            )
        if invoer.warmtetarief is not None:
            gebruikt.append(
                {
                    "naam": "Warmtetarief (invoer)",
                    "waarde": tarief,
                    "eenheid": "EUR/GJ",
                    "bron": _("ingevuld door de projectleider"),
                }
            )
    return Rekenuitkomst(tabel, resultaten, gebruikt, aannames)


def woonlasten_berekenen(
    *, wijkplan: Wijkplan, user: AbstractBaseUser, **velden
) -> Woonlastenberekening:
    """Check the input, compute every household type for the chosen alternative and store it
    as a new calculation (the earlier ones stay as history)."""
    from uitwerking import parameters

    invoer = invoer_controleren(**velden)
    with transaction.atomic():
        plan = _schrijfbaar(wijkplan, user)
        fp = parameters.financiele_parameters()
        if fp is None:
            raise ValidationError(
                _(
                    "Er zijn nog geen financiële parameters vastgesteld. Vraag de beheerder de "
                    "financiële kentallen te laden."
                )
            )
        gekozen = selectors.gekozen_alternatief(plan)
        if gekozen.ontbreekt:
            raise ValidationError(gekozen.ontbreekt)
        voorraad = selectors.voorraad_van(plan)
        berekening = gekozen.berekening
        typen = selectors.woningtypen((berekening.voorraad or {}).get("woningen") or [])
        ea = selectors.energiearmoede(plan)
        bedrijf = businesscase_selectors.bewonerstarieven_many([plan]).get(plan.pk)
        uitkomst = bereken(
            typen=typen,
            cijfers=selectors.gebiedscijfers(plan),
            pw=per_woning(berekening, gekozen.stand.alternatief.sjabloon),
            fp=fp,
            invoer=invoer,
            energiearmoede=ea.signaal,
            bedrijf=bedrijf,
        )
        warmtenet = soort_van(gekozen.stand.alternatief.sjabloon) in (
            SOORT_WARMTENET,
            SOORT_BOOSTER,
        )
        return Woonlastenberekening.objects.create(
            businesscase_id=bedrijf.businesscase_id if bedrijf and warmtenet else None,
            met_warmtetarief=warmtenet,
            wijkplan=plan,
            keuze_id=gekozen.keuze.pk,
            alternatief_id=gekozen.stand.alternatief.pk,
            alternatief_naam=gekozen.stand.alternatief.naam,
            techniek_berekening_id=berekening.pk,
            voorraad_hash=voorraad.invoer_hash if voorraad else "",
            parameterset_id=fp.parameterset_id,
            parameterset_versie=fp.versie,
            invoer=invoer.as_dict(),
            huishoudtypen=uitkomst.huishoudtypen,
            resultaten=uitkomst.resultaten,
            gebruikte_parameters=uitkomst.gebruikte_parameters,
            aannames=uitkomst.aannames,
            energiearmoede=ea.signaal,
            energiearmoede_tekst=ea.tekst[:300],
            berekend_door=user,
        )


def velden_van(berekening: Woonlastenberekening | None) -> dict:
    """The keyword arguments of :func:`woonlasten_berekenen` that give the same input again
    (to recalculate an outdated result)."""
    if berekening is None:
        return {}
    i = berekening.invoer or {}
    hv = i.get("huurverhoging") or {}
    return {
        "huurverhoging_corporatie": hv.get(HUURDER_CORPORATIE, 0),
        "huurverhoging_particulier": hv.get(PARTICULIERE_HUURDER, 0),
        "warmtetarief": i.get("warmtetarief"),
        "aandelen": i.get("aandelen"),
        "aantallen": i.get("aantallen") or {},
        "verbruik": i.get("verbruik") or {},
        "laag_inkomen": i.get("laag_inkomen") or [],
        "marge": i.get("marge", 0),
    }
