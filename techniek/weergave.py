"""The results of a plan's alternatives as tables and charts, for the pages, the export and the
plan document.

No database: the views pass each alternative's name, template code and the stored summary and
series of its latest finished calculation (:class:`Uitkomst`). Figures come from the engine's
summary (``techniek.services.alternatieven.samenvatting_van``); nothing is computed here but
sums of its cost items, shares and differences. A missing figure stays "onbekend", never 0.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from techniek.engine import STANDAARD_ALTERNATIEVEN
from wup import charts
from wup.charts import Grafiek, LijnReeks, Reeks

SJABLONEN = {a.code: a for a in STANDAARD_ALTERNATIEVEN}
SCENARIOS = {
    "basis": gettext_lazy("basis"),
    "laag": gettext_lazy("lage energieprijzen"),
    "hoog": gettext_lazy("hoge energieprijzen"),
}
BRON = gettext_lazy(
    "Eigen berekening met de rekenkern van het platform (methode Vesta MAIS, PBL), KNMI De Bilt"
)

#: The Startanalyse cost indicators per group, with a Dutch name (same codes as PBL).
KOSTENPOSTEN: dict[str, str] = {
    "K01_Enet_verzwaren": gettext_lazy("Verzwaren elektriciteitsnet"),
    "K02_Gnet_verwijderen": gettext_lazy("Verwijderen gasnet"),
    "K03_Gnet_aanpassen": gettext_lazy("Aanpassen gasnet"),
    "K04_Wnet_buurt": gettext_lazy("Warmtenet in de buurt"),
    "K05_Wnet_pand": gettext_lazy("Warmtenet in de gebouwen"),
    "K06_Wnet_transport": gettext_lazy("Transportleiding warmte"),
    "K07_Wnet_opwekking": gettext_lazy("Warmtebron en opwekking"),
    "K08_Gebouw_schil": gettext_lazy("Isolatie van de woningen en gebouwen"),
    "K09_Gebouw_installatie": gettext_lazy("Installaties in de gebouwen"),
    "K11_Inkoop_Warmte": gettext_lazy("Inkoop warmte"),
    "K12_Inkoop_Gas": gettext_lazy("Inkoop gas"),
    "K13_Inkoop_Elek": gettext_lazy("Inkoop elektriciteit"),
    "K14_Gebouw_OenM": gettext_lazy("Onderhoud installaties in de gebouwen"),
    "K15_Wnet_OenM": gettext_lazy("Onderhoud warmtenet"),
    "K16_Enet_Gnet_OenM": gettext_lazy("Onderhoud elektriciteits- en gasnet"),
}
#: The parts of the stacked cost chart: a few readable groups of the cost indicators.
KOSTENGROEPEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        gettext_lazy("Gebouwen: isolatie en installaties"),
        ("K08_Gebouw_schil", "K09_Gebouw_installatie"),
    ),
    (
        gettext_lazy("Netten en warmtebron"),
        (
            "K01_Enet_verzwaren",
            "K02_Gnet_verwijderen",
            "K03_Gnet_aanpassen",
            "K04_Wnet_buurt",
            "K05_Wnet_pand",
            "K06_Wnet_transport",
            "K07_Wnet_opwekking",
        ),
    ),
    (
        gettext_lazy("Inkoop van energie"),
        ("K11_Inkoop_Warmte", "K12_Inkoop_Gas", "K13_Inkoop_Elek"),
    ),
    (gettext_lazy("Onderhoud"), ("K14_Gebouw_OenM", "K15_Wnet_OenM", "K16_Enet_Gnet_OenM")),
)
ENERGIEDRAGERS: dict[str, str] = {
    "aardgas_gj": gettext_lazy("Aardgas"),
    "klimaatneutraal_gas_gj": gettext_lazy("Klimaatneutraal gas"),
    "elektriciteit_gj": gettext_lazy("Elektriciteit voor warmte"),
    "elektriciteit_apparatuur_gj": gettext_lazy("Elektriciteit voor apparaten"),
    "omgevingswarmte_gj": gettext_lazy("Warmte uit buitenlucht of bodem"),
    "bronwarmte_gj": gettext_lazy("Warmte uit de bron van het warmtenet"),
}


@dataclass(frozen=True)
class Uitkomst:
    """One alternative with the figures of its latest finished calculation (or none)."""

    naam: str
    sjabloon: str
    samenvatting: dict = field(default_factory=dict)
    reeksen: dict = field(default_factory=dict)
    verouderd: bool = False

    @property
    def berekend(self) -> bool:
        return bool(self.samenvatting)

    def nk(self, scenario: str) -> dict:
        return (self.samenvatting.get("nationale_kosten") or {}).get(scenario) or {}


@dataclass(frozen=True)
class Indicator:
    """A row of the results: where the figure is in the summary, its name, unit, decimals."""

    sleutel: str
    titel: str
    eenheid: str
    decimalen: int = 0
    uitleg: str = ""


@dataclass(frozen=True)
class Groep:
    titel: str
    indicatoren: tuple[Indicator, ...]


def _i(sleutel, titel, eenheid, decimalen=0, uitleg="") -> Indicator:
    return Indicator(sleutel, titel, eenheid, decimalen, uitleg)


GROEPEN: tuple[Groep, ...] = (
    Groep(
        gettext_lazy("Kosten voor Nederland (nationale kosten)"),
        (
            _i("investering_eur", gettext_lazy("Investeringen, totaal"), "euro"),
            _i(
                "nk.K10_Totaal_Kapitaalslasten",
                gettext_lazy("Kapitaallasten"),
                "euro per jaar",
                uitleg=gettext_lazy("De investeringen verdeeld over hun levensduur (annuïteit)."),
            ),
            _i(
                "nk.K17_Totaal_VariabeleKosten",
                gettext_lazy("Energie en onderhoud"),
                "euro per jaar",
            ),
            _i("nk.Totaal", gettext_lazy("Jaarlijkse kosten, totaal"), "euro per jaar"),
            _i(
                "nk.H16_Nat_meerkost",
                gettext_lazy("Extra nationale kosten tegenover de gasketel"),
                "euro per jaar",
                uitleg=gettext_lazy("Startanalyse-indicator H16."),
            ),
            _i(
                "nk.H17_Nat_meerkost_CO2",
                gettext_lazy("Extra nationale kosten per ton vermeden CO2"),
                "euro per ton",
                uitleg=gettext_lazy("Startanalyse-indicator H17."),
            ),
            _i(
                "nk.H18_Nat_meerkost_WEQ",
                gettext_lazy("Extra nationale kosten per woningequivalent"),
                "euro per jaar",
                uitleg=gettext_lazy("Startanalyse-indicator H18."),
            ),
        ),
    ),
    Groep(
        gettext_lazy("CO2-uitstoot"),
        (
            _i("nk.H15_CO2_uitstoot", gettext_lazy("CO2-uitstoot"), "ton per jaar", 1),
            _i(
                "nk.CO2_vermeden",
                gettext_lazy("Vermeden CO2 tegenover de gasketel"),
                "ton per jaar",
                1,
            ),
            _i("co2_reductie_pct", gettext_lazy("CO2-reductie"), "%", 0),
        ),
    ),
    Groep(
        gettext_lazy("Warmte, uur voor uur"),
        (
            _i(
                "jaarvraag_gj.warmte",
                gettext_lazy("Warmtevraag na isolatie (normaal jaar)"),
                "GJ per jaar",
            ),
            _i("warmte.piek_warmtevraag_mw", gettext_lazy("Hoogste warmtevraag"), "MW", 2),
            _i(
                "warmte.aandeel_basis_pct",
                gettext_lazy("Deel van de warmte uit de basisbron"),
                "%",
                0,
            ),
            _i(
                "warmte.uren_basis_onvoldoende",
                gettext_lazy("Uren dat de basisbron niet genoeg is"),
                "uur",
            ),
            _i(
                "warmte.opslag_effect_mw", gettext_lazy("Piek die de warmteopslag opvangt"), "MW", 2
            ),
            _i("warmte.spf", gettext_lazy("Seizoensrendement warmtepomp (SPF)"), "", 2),
        ),
    ),
    Groep(
        gettext_lazy("Elektriciteitsnet"),
        (
            _i(
                "warmte.piek_elektriciteit_mw", gettext_lazy("Hoogste elektriciteitsvraag"), "MW", 2
            ),
            _i(
                "warmte.extra_netbelasting_mw",
                gettext_lazy("Extra belasting van het elektriciteitsnet"),
                "MW",
                2,
            ),
        ),
    ),
)


_INDICATOREN = {i.sleutel: i for g in GROEPEN for i in g.indicatoren}
#: The few figures of the overview of a plan's alternatives.
KERNCIJFERS: tuple[Indicator, ...] = tuple(
    _INDICATOREN[k] for k in ("nk.H16_Nat_meerkost", "nk.H17_Nat_meerkost_CO2", "co2_reductie_pct")
)


def waarde(u: Uitkomst, sleutel: str, scenario: str = "basis") -> float | None:
    """The figure at ``sleutel`` ("nk.H16_Nat_meerkost", "warmte.spf", ...) or None."""
    s = u.samenvatting
    if sleutel == "co2_reductie_pct":
        vermeden = u.nk(scenario).get("CO2_vermeden")
        ref = (s.get("referentie") or {}).get("co2_ton")
        if charts.ontbreekt(vermeden) or charts.ontbreekt(ref) or not ref:
            return None
        return 100.0 * vermeden / ref
    if sleutel == "warmte.aandeel_basis_pct":
        aandeel = (s.get("warmte") or {}).get("aandeel_basis")
        return None if charts.ontbreekt(aandeel) else 100.0 * aandeel
    deel, _sep, rest = sleutel.partition(".")
    if deel == "nk":
        bron = u.nk(scenario)
    elif rest:
        bron = s.get(deel) or {}
    else:
        bron, rest = s, deel
    w = bron.get(rest)
    return None if charts.ontbreekt(w) else float(w)


def tekst(u: Uitkomst, i: Indicator, scenario: str = "basis") -> str:
    return charts.met_eenheid(waarde(u, i.sleutel, scenario), i.eenheid, i.decimalen)


def scenario_of_basis(scenario: str | None) -> str:
    return scenario if scenario in SCENARIOS else "basis"


# --- Tables ---------------------------------------------------------------------------------


def resultaatgroepen(u: Uitkomst, scenario: str = "basis") -> list[dict]:
    """The results of one alternative per group: ``[{titel, rijen: [{indicator, tekst}]}]``."""
    return [
        {
            "titel": g.titel,
            "rijen": [{"indicator": i, "tekst": tekst(u, i, scenario)} for i in g.indicatoren],
        }
        for g in GROEPEN
    ]


def vergelijking(uitkomsten: Sequence[Uitkomst], scenario: str = "basis") -> list[dict]:
    """Side by side: per group, per indicator, the figure of every alternative."""
    return [
        {
            "titel": g.titel,
            "rijen": [
                {"indicator": i, "teksten": [tekst(u, i, scenario) for u in uitkomsten]}
                for i in g.indicatoren
            ],
        }
        for g in GROEPEN
    ]


def kostenposten(u: Uitkomst) -> list[dict]:
    """Every investment of the alternative with its lifetime and yearly charges, as texts."""
    rijen = []
    for k in u.samenvatting.get("kosten") or []:
        rijen.append(
            {
                "post": k.get("post", ""),
                "groep": KOSTENPOSTEN.get(k.get("groep", ""), k.get("groep", "")),
                "investering": charts.met_eenheid(k.get("investering_eur"), "euro"),
                "looptijd": charts.met_eenheid(k.get("looptijd_jaar"), "jaar"),
                "kapitaallasten": charts.met_eenheid(k.get("kapitaallasten_eur_jaar"), "euro"),
                "onderhoud": charts.met_eenheid(k.get("onderhoud_eur_jaar"), "euro"),
            }
        )
    return rijen


def isolatieband(u: Uitkomst) -> str:
    j = u.samenvatting.get("jaarvraag_gj") or {}
    laag, hoog = j.get("isolatie_min_eur"), j.get("isolatie_max_eur")
    if charts.ontbreekt(laag) or charts.ontbreekt(hoog):
        return charts.ONBEKEND
    return _("%(laag)s tot %(hoog)s") % {
        "laag": charts.met_eenheid(laag, "euro"),
        "hoog": charts.met_eenheid(hoog, "euro"),
    }


def energieregels(u: Uitkomst) -> list[tuple[str, str]]:
    e = u.samenvatting.get("energie_gj") or {}
    return [
        (str(naam), charts.met_eenheid(e.get(k), "GJ", 0)) for k, naam in ENERGIEDRAGERS.items()
    ]


# --- Charts ---------------------------------------------------------------------------------


def _id(soort: str, naam: str = "") -> str:
    return f"grafiek-{soort}" + (f"-{slugify(naam)[:40]}" if naam else "")


def grafiek_duurkromme(uitkomsten: Sequence[Uitkomst], *, id_naam: str = "") -> Grafiek | None:
    """Load-duration curve: the heat load sorted from the highest hour to the lowest."""
    reeksen = [
        LijnReeks(
            u.naam,
            list(
                zip(
                    u.reeksen["belastingduurkromme"]["uur"],
                    u.reeksen["belastingduurkromme"]["mw"],
                    strict=True,
                )
            ),
        )
        for u in uitkomsten
        if (u.reeksen or {}).get("belastingduurkromme")
    ]
    if not reeksen:
        return None
    return charts.lijndiagram(
        _("Belastingduurkromme van de warmtevraag"),
        reeksen,
        x_titel=_("Uren van het jaar, gesorteerd van hoog naar laag"),
        x_eenheid="uur",
        y_eenheid="MW",
        y_decimalen=2,
        toelichting=_(
            "Per uur de warmte die de bron moet leveren, van het drukste uur tot het rustigste, "
            "inclusief warmteverlies van een warmtenet. Een steile kop betekent een korte, hoge "
            "piek."
        ),
        bron=str(BRON),
        id=_id("duurkromme", id_naam),
    )


def weerjaar(u: Uitkomst) -> str:
    """The weather year as the engine names it, e.g. "KNMI De Bilt 2021"."""
    return str(u.samenvatting.get("weerjaar") or "")


def _weekbegin(u: Uitkomst) -> str:
    jaar = re.search(r"(19|20)\d\d", weerjaar(u))
    eerste = (u.reeksen.get("winterweek") or {}).get("eerste_uur")
    if jaar is None or eerste is None:
        return ""
    begin = datetime.datetime(int(jaar.group()), 1, 1) + datetime.timedelta(hours=int(eerste))
    return f"{begin.day}-{begin.month}-{begin.year}"


def grafiek_winterweek(u: Uitkomst) -> Grafiek | None:
    """A winter week, hour by hour: demand and how it is met (base, peak, storage)."""
    week = (u.reeksen or {}).get("winterweek")
    if not week or not week.get("vraag"):
        return None
    uren = range(1, len(week["vraag"]) + 1)
    delen = (
        ("vraag", _("Warmtevraag")),
        ("basis", _("Basisbron")),
        ("piek", _("Piekketel")),
        ("ontladen", _("Uit de opslag")),
        ("elektriciteit", _("Elektriciteitsvraag")),
    )
    reeksen = [
        LijnReeks(naam, list(zip(uren, week[sleutel], strict=True)))
        for sleutel, naam in delen
        if week.get(sleutel) and any(abs(v) > 1e-9 for v in week[sleutel])
    ]
    return charts.lijndiagram(
        _("Een winterweek, uur voor uur: %(naam)s") % {"naam": u.naam},
        reeksen,
        x_titel=_("Uur van de week"),
        y_eenheid="MW",
        y_decimalen=2,
        hoogte=220,
        toelichting=_(
            "Een koude week uit het weerjaar (%(jaar)s), vanaf %(begin)s 0.00 uur: hoeveel warmte "
            "er nodig is en waar die vandaan komt. Basisbron, piekketel en opslag samen leveren "
            "precies de vraag."
        )
        % {"jaar": weerjaar(u), "begin": _weekbegin(u)},
        bron=f"{BRON}; KNMI, uurgegevens De Bilt",
        id=_id("winterweek", u.naam),
    )


def _kosten_per_groep(u: Uitkomst, scenario: str) -> list[float | None]:
    nk = u.nk(scenario)
    if not nk:
        return [None] * len(KOSTENGROEPEN)
    return [sum(float(nk.get(k) or 0.0) for k in posten) for _naam, posten in KOSTENGROEPEN]


def grafiek_kosten(
    uitkomsten: Sequence[Uitkomst], scenario: str = "basis", *, id_naam: str = ""
) -> Grafiek | None:
    """Yearly national costs per alternative, stacked by kind of cost."""
    berekend = [u for u in uitkomsten if u.berekend]
    if not berekend:
        return None
    per_alt = [_kosten_per_groep(u, scenario) for u in berekend]
    return charts.gestapeld_staafdiagram(
        _("Jaarlijkse kosten per alternatief"),
        [u.naam for u in berekend],
        [
            Reeks(str(naam), [rij[j] for rij in per_alt])
            for j, (naam, _posten) in enumerate(KOSTENGROEPEN)
        ],
        eenheid="euro",
        maximum=None,
        toelichting=_(
            "Nationale kosten per jaar (prijspad %(scenario)s): investeringen als kapitaallasten "
            "over hun levensduur, plus energie-inkoop en onderhoud. Wie de kosten draagt, staat "
            "er niet in."
        )
        % {"scenario": SCENARIOS[scenario]},
        bron=str(BRON),
        kolomkop=_("Alternatief"),
        id=_id("kosten", id_naam),
    )


def grafiek_co2(uitkomsten: Sequence[Uitkomst], scenario: str = "basis") -> Grafiek | None:
    """CO2 per year of the reference (gas boilers) and of every calculated alternative."""
    berekend = [u for u in uitkomsten if u.berekend]
    if not berekend:
        return None
    referentie = (berekend[0].samenvatting.get("referentie") or {}).get("co2_ton")
    labels = [_("Nu: gasketels (referentie)")] + [u.naam for u in berekend]
    waarden = [referentie] + [waarde(u, "nk.H15_CO2_uitstoot", scenario) for u in berekend]
    return charts.staafdiagram(
        _("CO2-uitstoot per jaar"),
        labels,
        waarden,
        eenheid="ton",
        decimalen=0,
        toelichting=_(
            "De uitstoot van het hele plangebied per jaar, met de emissiefactoren van de "
            "parameterset."
        ),
        bron=str(BRON),
        kolomkop=_("Situatie"),
        id=_id("co2"),
    )


def grafiek_pieken(uitkomsten: Sequence[Uitkomst]) -> Grafiek | None:
    """Peak heat demand and extra load on the electricity grid per alternative."""
    berekend = [u for u in uitkomsten if u.berekend]
    if not berekend:
        return None
    return charts.gegroepeerd_staafdiagram(
        _("Pieken in warmte en elektriciteit"),
        [u.naam for u in berekend],
        [
            Reeks(
                _("Hoogste warmtevraag"),
                [waarde(u, "warmte.piek_warmtevraag_mw") for u in berekend],
            ),
            Reeks(
                _("Extra belasting elektriciteitsnet"),
                [waarde(u, "warmte.extra_netbelasting_mw") for u in berekend],
            ),
        ],
        eenheid="MW",
        decimalen=2,
        toelichting=_("Het drukste uur van het weerjaar."),
        bron=str(BRON),
        kolomkop=_("Alternatief"),
        id=_id("pieken"),
    )


def grafiek_energie(u: Uitkomst) -> Grafiek | None:
    e = u.samenvatting.get("energie_gj") or {}
    if not e:
        return None
    regels = [(str(naam), e.get(k)) for k, naam in ENERGIEDRAGERS.items()]
    return charts.staafdiagram(
        _("Energie per jaar, per drager: %(naam)s") % {"naam": u.naam},
        [r[0] for r in regels],
        [r[1] for r in regels],
        eenheid="GJ",
        toelichting=_("In het weerjaar (%(jaar)s).") % {"jaar": weerjaar(u)},
        bron=str(BRON),
        kolomkop=_("Energiedrager"),
        id=_id("energie", u.naam),
    )


def alternatief_grafieken(u: Uitkomst, scenario: str = "basis") -> list[Grafiek]:
    """The charts of one alternative's page."""
    if not u.berekend:
        return []
    gevonden = [
        grafiek_duurkromme([u], id_naam=u.naam),
        grafiek_winterweek(u),
        grafiek_kosten([u], scenario, id_naam=u.naam),
        grafiek_energie(u),
    ]
    return [g for g in gevonden if g is not None]


def vergelijking_grafieken(
    uitkomsten: Sequence[Uitkomst], scenario: str = "basis"
) -> list[Grafiek]:
    """The charts of the comparison page and the plan chapter."""
    gevonden = [
        grafiek_kosten(uitkomsten, scenario),
        grafiek_co2(uitkomsten, scenario),
        grafiek_pieken(uitkomsten),
        grafiek_duurkromme([u for u in uitkomsten if u.berekend]),
    ]
    return [g for g in gevonden if g is not None]


GEBOUWSYSTEMEN = {
    "gasketel": gettext_lazy("cv-ketel op aardgas"),
    "warmtepomp": gettext_lazy("elektrische warmtepomp in elke woning of elk gebouw"),
    "hybride": gettext_lazy("hybride warmtepomp naast de cv-ketel"),
    "afleverset": gettext_lazy("afleverset van het warmtenet"),
}
BRONNEN = {
    "buitenlucht": gettext_lazy("buitenlucht"),
    "bodem": gettext_lazy("bodem (bodemlus)"),
    "restwarmte": gettext_lazy("restwarmte"),
    "geothermie": gettext_lazy("aardwarmte (geothermie)"),
    "wko": gettext_lazy("warmte-koudeopslag (WKO)"),
    "teo": gettext_lazy("oppervlaktewater (TEO) met WKO"),
    "gas": gettext_lazy("aardgas"),
}
NETTEN = {
    "MT": gettext_lazy("middentemperatuur, 70 °C of meer"),
    "LT": gettext_lazy("lage temperatuur, tot 70 °C geleverd"),
    "ZLT": gettext_lazy("zeer lage temperatuur (ongeveer 15 °C), met boosterwarmtepompen"),
}


def sjabloon_eigenschappen(code: str) -> list[tuple[str, str]]:
    """What a standard alternative is, as (property, value) in words."""
    a = SJABLONEN.get(code)
    if a is None:
        return []
    regels = [
        (_("Strategie (Startanalyse)"), f"{a.strategie}: {a.code}"),
        (
            _("Isolatie"),
            _("tot label %(label)s") % {"label": a.doellabel}
            if a.doellabel
            else _("geen isolatiestap"),
        ),
        (_("In de woning"), str(GEBOUWSYSTEMEN.get(a.gebouwsysteem.value, a.gebouwsysteem.value))),
        (_("Warmtebron"), str(BRONNEN.get(a.bron.value, a.bron.value))),
        (_("Warmtenet"), str(NETTEN.get(a.net.value, a.net.value)) if a.net else _("geen")),
        (
            _("Aanvoertemperatuur in de woning"),
            charts.met_eenheid(a.afgiftetemperatuur(), "°C"),
        ),
    ]
    if a.heeft_net or a.gebouwsysteem.value == "hybride":
        regels.append(
            (
                _("Vermogen van de basisbron"),
                _("%(pct)s van de piek")
                % {"pct": charts.met_eenheid(100 * a.aandeel_basisvermogen, "%")}
                if a.aandeel_basisvermogen is not None
                else _("standaard van de rekenkern"),
            )
        )
        regels.append((_("Warmteopslag"), charts.met_eenheid(a.opslag_uren, "uur", 0)))
    if a.klimaatneutraal_gas:
        regels.append((_("Gas"), _("klimaatneutraal gas (groen gas of waterstof)")))
    return regels
