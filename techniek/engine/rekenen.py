"""Public entry points: :func:`bereken` for a plan area (with hourly detail) and
:func:`bereken_buurten` for many buurten at once (indicators only, national scale).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from . import kosten as k
from .alternatieven import REFERENTIE, STANDAARD_ALTERNATIEVEN, Alternatief, valideer_alternatief
from .constanten import LABELS
from .fouten import Probleem, controleer
from .kentallen import Bouwkentallen, bouwkentallen_pbl
from .parameters import Parameters, parameter_definities, standaard_parameters
from .prijzen import PRIJSJAAR, Energieprijzen, energieprijzen_pbl
from .uurmodel import CopProfielen, Uurresultaat, bereken_uren, cop_profielen
from .voorraad import Gebouwvoorraad, Voorraadbatch
from .vraag import Jaarvraag, jaarvraag
from .weer import Profielen, Weerjaar, profielen, weerjaar_knmi

#: Weather year used when none is given: the colder of the two shipped KNMI years.
STANDAARD_WEERJAAR = 2021
#: Tolerance of the hourly energy balance [MW].
BALANS_TOLERANTIE = 1e-6


@dataclass(frozen=True)
class Uurreeksen:
    """Hourly series of one alternative, 8,760 values each, in MW (= MWh per hour)."""

    ruimteverwarming: np.ndarray
    tapwater: np.ndarray
    warmtevraag: np.ndarray  # buildings: space heating + tap water
    vraag: np.ndarray  # heat the supply node delivers (excl. losses)
    verlies: np.ndarray
    basis: np.ndarray
    piek: np.ndarray
    laden: np.ndarray
    ontladen: np.ndarray
    opslag_inhoud: np.ndarray  # MWh after the hour
    elektriciteit_gebouwen: np.ndarray
    elektriciteit: np.ndarray  # buildings + central plant
    gas: np.ndarray  # fuel, natural or climate-neutral
    cop_ruimteverwarming: np.ndarray  # heat pumps for space heating; NaN without one

    @property
    def balansfout(self) -> np.ndarray:
        """Per hour: vraag + verlies + laden - basis - piek - ontladen (should be ~0)."""
        return self.vraag + self.verlies + self.laden - self.basis - self.piek - self.ontladen

    def belastingduurkromme(self) -> np.ndarray:
        """Load at the supply node (vraag + verlies), sorted from high to low [MW]."""
        return np.sort(self.vraag + self.verlies)[::-1]


@dataclass(frozen=True)
class Warmte:
    """Indicators of the hourly coupling of demand and supply."""

    ruimteverwarming_gj: float  # in the weather year
    tapwater_gj: float
    piek_warmtevraag_mw: float  # buildings
    piek_last_mw: float  # supply node, incl. losses
    verlies_gj: float
    basisvermogen_mw: float
    opslag_mwh: float
    aandeel_basis: float  # share of the load covered by the base source (directly or via storage)
    uren_basis_onvoldoende: int  # hours the load exceeds the base capacity
    uren_piek: int  # hours the peak unit runs (after storage)
    piek_gj: float
    piek_zonder_opslag_gj: float
    piekvermogen_mw: float
    piekvermogen_zonder_opslag_mw: float
    opslag_geladen_gj: float
    spf: float  # heat of heat pumps / their electricity; NaN without heat pumps
    piek_elektriciteit_mw: float
    piek_elektriciteit_gebouwen_mw: float
    extra_netbelasting_mw: float  # building electricity peak above the reference
    max_balansfout_mw: float

    @property
    def opslag_effect_gj(self) -> float:
        """Peak-unit energy the storage saves [GJ/yr]."""
        return self.piek_zonder_opslag_gj - self.piek_gj

    @property
    def opslag_effect_mw(self) -> float:
        """Peak-unit capacity the storage saves [MW]."""
        return self.piekvermogen_zonder_opslag_mw - self.piekvermogen_mw


@dataclass(frozen=True)
class Energie:
    """Annual energy per carrier [GJ/yr], in the weather year."""

    aardgas_gj: float
    klimaatneutraal_gas_gj: float
    elektriciteit_gj: float
    elektriciteit_gebouwen_gj: float
    elektriciteit_centraal_gj: float
    elektriciteit_apparatuur_gj: float
    omgevingswarmte_gj: float
    bronwarmte_gj: float


@dataclass(frozen=True)
class Jaarvraagresultaat:
    """Annual demand with PBL's key figures (normal year) after the insulation step [GJ/yr]."""

    ruimteverwarming_woningen: float
    tapwater_woningen: float
    ventilatie_woningen: float
    apparatuur_woningen: float
    ruimteverwarming_utiliteit: float
    tapwater_utiliteit: float
    ventilatie_utiliteit: float
    apparatuur_utiliteit: float
    isolatie_min: float  # EUR
    isolatie_max: float  # EUR
    woningen_verbeterd: float
    utiliteit_verbeterd: float
    woningen_per_label: dict[str, float]

    @property
    def warmte(self) -> float:
        return (
            self.ruimteverwarming_woningen
            + self.tapwater_woningen
            + self.ruimteverwarming_utiliteit
            + self.tapwater_utiliteit
        )


@dataclass(frozen=True)
class Kostenregel:
    """One investment component of one alternative."""

    post: str
    groep: str
    investering: float  # EUR
    looptijd: float  # years
    kapitaallasten: float  # EUR/yr
    onderhoud: float  # EUR/yr


@dataclass(frozen=True)
class AlternatiefResultaat:
    alternatief: Alternatief
    jaarvraag: Jaarvraagresultaat
    warmte: Warmte
    energie: Energie
    co2_ton: float
    kosten: tuple[Kostenregel, ...]
    nationale_kosten: dict[str, dict[str, float]]  # scenario -> K01..K17, Totaal, H15..H18
    uren: Uurreeksen

    @property
    def investering(self) -> float:
        return sum(r.investering for r in self.kosten)


@dataclass(frozen=True)
class Berekening:
    """Everything one calculation produced, with what it was computed from."""

    referentie: AlternatiefResultaat
    alternatieven: tuple[AlternatiefResultaat, ...]
    voorraad: Gebouwvoorraad
    parameters: Parameters
    prijzen: dict[str, Energieprijzen]
    kentallen_bron: str
    weerjaar: str
    graaduren: float
    graaduren_normaal: float
    woningequivalenten: float
    aannames: tuple[str, ...]

    def resultaat(self, code: str) -> AlternatiefResultaat:
        for r in (self.referentie, *self.alternatieven):
            if r.alternatief.code == code:
                return r
        raise KeyError(code)

    def tabel(self, scenario: str = "basis") -> pd.DataFrame:
        """One row per alternative (reference first) with the main indicators."""
        rijen = []
        for r in (self.referentie, *self.alternatieven):
            nk = r.nationale_kosten[scenario]
            rijen.append(
                {
                    "code": r.alternatief.code,
                    "naam": r.alternatief.naam,
                    "investering_eur": r.investering,
                    "H16_Nat_meerkost": nk["H16_Nat_meerkost"],
                    "H17_Nat_meerkost_CO2": nk["H17_Nat_meerkost_CO2"],
                    "H18_Nat_meerkost_WEQ": nk["H18_Nat_meerkost_WEQ"],
                    "co2_ton": r.co2_ton,
                    "piek_warmtevraag_mw": r.warmte.piek_warmtevraag_mw,
                    "aandeel_basis": r.warmte.aandeel_basis,
                    "uren_basis_onvoldoende": r.warmte.uren_basis_onvoldoende,
                    "piek_elektriciteit_mw": r.warmte.piek_elektriciteit_mw,
                    "extra_netbelasting_mw": r.warmte.extra_netbelasting_mw,
                    "aardgas_gj": r.energie.aardgas_gj,
                    "klimaatneutraal_gas_gj": r.energie.klimaatneutraal_gas_gj,
                    "elektriciteit_gj": r.energie.elektriciteit_gj,
                }
            )
        return pd.DataFrame(rijen)


# --------------------------------------------------------------------------------------------


def _parameters(parameters: Parameters | Mapping[str, object] | None) -> Parameters:
    if parameters is None:
        return standaard_parameters()
    if isinstance(parameters, Parameters):
        return parameters
    return Parameters.uit_dict(parameters)


def _prijzen(
    prijzen: Mapping[str, Energieprijzen | Mapping[str, object]] | None,
) -> dict[str, Energieprijzen]:
    if prijzen is None:
        return dict(energieprijzen_pbl(PRIJSJAAR))
    uit = {}
    for naam, pr in prijzen.items():
        uit[naam] = pr if isinstance(pr, Energieprijzen) else Energieprijzen.uit_dict(pr)
    if "basis" not in uit:
        controleer([Probleem("energieprijzen", "het scenario 'basis' ontbreekt")])
    return uit


def _alternatieven(alternatieven: Sequence[Alternatief]) -> tuple[Alternatief, ...]:
    problemen: list[Probleem] = []
    gezien: set[str] = set()
    if not alternatieven:
        problemen.append(Probleem("alternatieven", "kies minstens één alternatief"))
    for a in alternatieven:
        if a.code in gezien or a.code == REFERENTIE.code:
            problemen.append(Probleem(f"alternatief '{a.code}'", "deze code komt twee keer voor"))
        gezien.add(a.code)
        if a.is_referentie:
            problemen.append(
                Probleem(f"alternatief '{a.code}'", "de referentie wordt altijd zelf meegerekend")
            )
    controleer(problemen)
    for a in alternatieven:
        valideer_alternatief(a)
    return tuple(alternatieven)


@dataclass(frozen=True)
class _Alternatiefrekening:
    alt: Alternatief
    p: Parameters
    cops: CopProfielen
    jv: Jaarvraag
    uur: Uurresultaat
    posten: list[k.Kostenpost]
    dragers: k.Dragers
    co2: np.ndarray
    kosten: dict[str, dict[str, np.ndarray]]  # scenario -> K columns


def _reken(
    batch: Voorraadbatch,
    alternatieven: tuple[Alternatief, ...],
    p: Parameters,
    prijzen: dict[str, Energieprijzen],
    prof: Profielen,
    kentallen: Bouwkentallen,
    *,
    bewaar_uren: bool,
) -> list[_Alternatiefrekening]:
    """The reference first, then every alternative, for all stocks of ``batch``."""
    vg = k.voorraadgetallen(batch, p)
    vraag: dict[tuple[object, ...], Jaarvraag] = {}
    uit: list[_Alternatiefrekening] = []
    ref_uur: Uurresultaat | None = None
    for alt in (REFERENTIE, *alternatieven):
        pa = p.vervang(**dict(alt.parameters)) if alt.parameters else p
        sleutel = (
            alt.doellabel,
            pa.Drager_RuimteVerwarming,
            pa.Drager_TapWater,
            pa.Drager_ElektrischeApparatuur,
        )
        if sleutel not in vraag:
            vraag[sleutel] = jaarvraag(batch, alt.doellabel, kentallen, pa)
        jv = vraag[sleutel]
        cops = cop_profielen(alt, prof, pa)
        uur = bereken_uren(alt, jv, vg.aansluitingen, prof, cops, pa, bewaar_uren=bewaar_uren)
        if ref_uur is None:
            ref_uur = uur
        posten = k.kostenposten(alt, jv, vg, uur, ref_uur, prof, pa)
        kapitaal = k.jaarkosten(posten, pa)
        d = k.dragers(alt, jv, uur)
        co2 = k.co2_ton(
            d, prijzen["basis"] if "basis" in prijzen else next(iter(prijzen.values())), pa
        )
        per_scenario = {
            s: k.nationale_kosten(kapitaal, k.energiekosten(alt, uur, pr))
            for s, pr in prijzen.items()
        }
        uit.append(_Alternatiefrekening(alt, pa, cops, jv, uur, posten, d, co2, per_scenario))
    ref = uit[0]
    for r in uit:
        for s in prijzen:
            r.kosten[s].update(
                k.hoofdindicatoren(
                    r.kosten[s], ref.kosten[s], r.co2, ref.co2, vg.woningequivalenten
                )
            )
    return uit


def _f(a: np.ndarray) -> float:
    return float(a[0])


def _resultaat(r: _Alternatiefrekening, ref: _Alternatiefrekening) -> AlternatiefResultaat:
    u, jv, p = r.uur, r.jv, r.p
    assert u.uren is not None
    last = u.vraag_gj + u.verlies_gj
    spf = (
        _f(u.warmtepompwarmte_gj / u.elektriciteit_warmtepompen_gj)
        if _f(u.elektriciteit_warmtepompen_gj) > 0
        else float("nan")
    )
    warmte = Warmte(
        ruimteverwarming_gj=_f(u.ruimteverwarming_gj),
        tapwater_gj=_f(u.tapwater_gj),
        piek_warmtevraag_mw=_f(u.piek_warmtevraag_mw),
        piek_last_mw=_f(u.piek_last_mw),
        verlies_gj=_f(u.verlies_gj),
        basisvermogen_mw=_f(u.basisvermogen_mw),
        opslag_mwh=_f(u.opslag_mwh),
        aandeel_basis=1.0 - _f(u.piek_gj) / _f(last) if _f(last) > 0 else 1.0,
        uren_basis_onvoldoende=int(_f(u.uren_basis_onvoldoende)),
        uren_piek=int(_f(u.uren_piek)),
        piek_gj=_f(u.piek_gj),
        piek_zonder_opslag_gj=_f(u.piek_zonder_opslag_gj),
        piekvermogen_mw=_f(u.piekvermogen_mw),
        piekvermogen_zonder_opslag_mw=_f(u.piekvermogen_zonder_opslag_mw),
        opslag_geladen_gj=_f(u.laden_gj),
        spf=spf,
        piek_elektriciteit_mw=_f(u.piek_elektriciteit_mw),
        piek_elektriciteit_gebouwen_mw=_f(u.piek_elektriciteit_gebouwen_mw),
        extra_netbelasting_mw=max(
            _f(u.piek_elektriciteit_gebouwen_mw) - _f(ref.uur.piek_elektriciteit_gebouwen_mw), 0.0
        ),
        max_balansfout_mw=_f(u.max_balansfout_mw),
    )
    d = r.dragers
    energie = Energie(
        aardgas_gj=_f(d.aardgas),
        klimaatneutraal_gas_gj=_f(d.klimaatneutraal_gas),
        elektriciteit_gj=_f(d.elektriciteit),
        elektriciteit_gebouwen_gj=_f(d.elektriciteit_gebouwen),
        elektriciteit_centraal_gj=_f(d.elektriciteit_centraal),
        elektriciteit_apparatuur_gj=_f(d.elektriciteit_apparatuur),
        omgevingswarmte_gj=_f(u.omgevingswarmte_gj),
        bronwarmte_gj=_f(u.bronwarmte_gj),
    )
    jvr = Jaarvraagresultaat(
        ruimteverwarming_woningen=_f(jv.rv_w),
        tapwater_woningen=_f(jv.tw_w),
        ventilatie_woningen=_f(jv.vent_w),
        apparatuur_woningen=_f(jv.app_w),
        ruimteverwarming_utiliteit=_f(jv.rv_u),
        tapwater_utiliteit=_f(jv.tw_u),
        ventilatie_utiliteit=_f(jv.vent_u),
        apparatuur_utiliteit=_f(jv.app_u),
        isolatie_min=_f(jv.isolatie_min_w + jv.isolatie_min_u),
        isolatie_max=_f(jv.isolatie_max_w + jv.isolatie_max_u),
        woningen_verbeterd=_f(jv.woningen_verbeterd),
        utiliteit_verbeterd=_f(jv.utiliteit_verbeterd),
        woningen_per_label={lb: float(jv.woningen_per_label[0, i]) for i, lb in enumerate(LABELS)},
    )
    kosten = tuple(
        Kostenregel(
            post=kp.post,
            groep=kp.groep,
            investering=_f(kp.investering),
            looptijd=kp.looptijd,
            kapitaallasten=_f(kp.kapitaallasten(p)),
            onderhoud=_f(kp.investering) * kp.onderhoud,
        )
        for kp in r.posten
    )
    reeksen = {naam: np.asarray(w[0]) for naam, w in u.uren.items()}
    reeksen["cop_ruimteverwarming"] = np.array(r.cops.ruimteverwarming)
    if r.alt.collectieve_warmtepomp:
        reeksen["cop_ruimteverwarming"] = np.full_like(reeksen["warmtevraag"], r.cops.collectief)
    uren = Uurreeksen(**reeksen)
    for f in fields(Uurreeksen):
        getattr(uren, f.name).setflags(write=False)
    return AlternatiefResultaat(
        alternatief=r.alt,
        jaarvraag=jvr,
        warmte=warmte,
        energie=energie,
        co2_ton=_f(r.co2),
        kosten=kosten,
        nationale_kosten={
            s: {naam: _f(w) for naam, w in kol.items()} for s, kol in r.kosten.items()
        },
        uren=uren,
    )


def bereken(
    voorraad: Gebouwvoorraad,
    alternatieven: Sequence[Alternatief] = STANDAARD_ALTERNATIEVEN,
    *,
    parameters: Parameters | Mapping[str, object] | None = None,
    prijzen: Mapping[str, Energieprijzen | Mapping[str, object]] | None = None,
    weerjaar: Weerjaar | int | None = None,
    kentallen: Bouwkentallen | None = None,
    graaduren_normaal: float | None = None,
) -> Berekening:
    """Compute the reference and every alternative for one plan area, hour by hour.

    ``parameters`` may be a :class:`Parameters` or a plain mapping {name: value} (see
    :func:`parameter_definities`); ``prijzen`` maps scenario names (at least ``basis``) to
    :class:`Energieprijzen` or mappings; ``weerjaar`` is a :class:`Weerjaar` or a shipped KNMI year.
    Raises :class:`InvoerFout` (Dutch messages) for input it cannot compute with.
    """
    p = _parameters(parameters)
    pr = _prijzen(prijzen)
    alts = _alternatieven(alternatieven)
    kt = kentallen or bouwkentallen_pbl()
    wj = (
        weerjaar_knmi(weerjaar if isinstance(weerjaar, int) else STANDAARD_WEERJAAR)
        if not isinstance(weerjaar, Weerjaar)
        else weerjaar
    )
    batch = Voorraadbatch.van([voorraad])
    batch.controleer()
    prof = profielen(wj, p.T_stookgrens, graaduren_normaal)
    rekeningen = _reken(batch, alts, p, pr, prof, kt, bewaar_uren=True)
    ref = rekeningen[0]
    resultaten = [_resultaat(r, ref) for r in rekeningen]
    for r in resultaten:
        if r.warmte.max_balansfout_mw > BALANS_TOLERANTIE * max(1.0, r.warmte.piek_last_mw):
            raise ArithmeticError(f"energiebalans sluit niet voor {r.alternatief.code}")
    zonder_bron = {d.naam: d for d in parameter_definities() if d.status == "geen bron"}
    aannames = list(voorraad.toelichting)
    aannames += [
        f"Parameter {naam} ({d.beschrijving}) heeft geen bron: {getattr(p, naam):g} {d.eenheid}."
        for naam, d in zonder_bron.items()
    ]
    return Berekening(
        referentie=resultaten[0],
        alternatieven=tuple(resultaten[1:]),
        voorraad=voorraad,
        parameters=p,
        prijzen=pr,
        kentallen_bron=kt.bron,
        weerjaar=wj.naam,
        graaduren=prof.graaduren,
        graaduren_normaal=prof.graaduren_normaal,
        woningequivalenten=voorraad.woningequivalenten(p.WEQ_m2),
        aannames=tuple(aannames),
    )


def bereken_buurten(
    batch: Voorraadbatch,
    alternatieven: Sequence[Alternatief] = STANDAARD_ALTERNATIEVEN,
    *,
    codes: Sequence[str] | None = None,
    parameters: Parameters | Mapping[str, object] | None = None,
    prijzen: Mapping[str, Energieprijzen | Mapping[str, object]] | None = None,
    weerjaar: Weerjaar | int | None = None,
    kentallen: Bouwkentallen | None = None,
    graaduren_normaal: float | None = None,
    scenario: str = "basis",
    blok: int = 512,
) -> pd.DataFrame:
    """Indicators for many buurten (no hourly series kept), one row per buurt x alternative.

    Stocks are processed in blocks of ``blok`` so memory stays bounded; every block is
    independent, so a caller can also split the batch (:meth:`Voorraadbatch.deel`) over workers.
    """
    p = _parameters(parameters)
    pr = _prijzen(prijzen)
    if scenario not in pr:
        controleer(
            [Probleem("scenario", f"onbekend prijsscenario '{scenario}'; kies uit {', '.join(pr)}")]
        )
    alts = _alternatieven(alternatieven)
    kt = kentallen or bouwkentallen_pbl()
    wj = (
        weerjaar_knmi(weerjaar if isinstance(weerjaar, int) else STANDAARD_WEERJAAR)
        if not isinstance(weerjaar, Weerjaar)
        else weerjaar
    )
    batch.controleer()
    namen = list(codes) if codes is not None else [str(i + 1) for i in range(batch.aantal)]
    if len(namen) != batch.aantal:
        controleer([Probleem("codes", f"{len(namen)} codes voor {batch.aantal} voorraden")])
    prof = profielen(wj, p.T_stookgrens, graaduren_normaal)
    delen = []
    for start in range(0, batch.aantal, blok):
        deel = batch.deel(start, min(start + blok, batch.aantal))
        for r in _reken(deel, alts, p, {scenario: pr[scenario]}, prof, kt, bewaar_uren=False):
            nk = r.kosten[scenario]
            u = r.uur
            last = u.vraag_gj + u.verlies_gj
            delen.append(
                pd.DataFrame(
                    {
                        "buurt": namen[start : start + deel.aantal],
                        "alternatief": r.alt.code,
                        "H15_CO2_uitstoot": nk["H15_CO2_uitstoot"],
                        "H16_Nat_meerkost": nk["H16_Nat_meerkost"],
                        "H17_Nat_meerkost_CO2": nk["H17_Nat_meerkost_CO2"],
                        "H18_Nat_meerkost_WEQ": nk["H18_Nat_meerkost_WEQ"],
                        **{
                            g: nk[g]
                            for g in (
                                *k.GROEPEN,
                                "K11_Inkoop_Warmte",
                                "K12_Inkoop_Gas",
                                "K13_Inkoop_Elek",
                                "K14_Gebouw_OenM",
                                "K15_Wnet_OenM",
                                "K16_Enet_Gnet_OenM",
                                "K17_Totaal_VariabeleKosten",
                            )
                        },
                        "piek_warmtevraag_mw": u.piek_warmtevraag_mw,
                        "aandeel_basis": 1.0
                        - np.divide(u.piek_gj, last, out=np.zeros_like(last), where=last > 0),
                        "uren_basis_onvoldoende": u.uren_basis_onvoldoende,
                        "piek_elektriciteit_mw": u.piek_elektriciteit_mw,
                        "aardgas_gj": r.dragers.aardgas,
                        "klimaatneutraal_gas_gj": r.dragers.klimaatneutraal_gas,
                        "elektriciteit_gj": r.dragers.elektriciteit,
                        "max_balansfout_mw": u.max_balansfout_mw,
                    }
                )
            )
    return pd.concat(delen, ignore_index=True)
