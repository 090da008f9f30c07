"""Reads of step 5's business case: where a new business case starts from (the current choice,
its alternative's latest calculation of step 2, the building stock and the finance parameters),
the stored calculations, and whether the current one is outdated.

Other apps are read only through their selectors; finance parameters only through
:mod:`uitwerking.parameters`. Every function keeps its number of queries fixed.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from keuze import selectors as keuze_selectors
from techniek.selectors import alternatieven as techniek_alternatieven
from uitwerking import parameters as financiele
from uitwerking.financien import BusinesscaseResultaat, FinancienFout, Tariefplafond
from uitwerking.financien.businesscase import plafondjaar
from uitwerking.models import Businesscase
from wup.models import Wijkplan

#: The price scenarios of PBL's end-user prices, in the order of the scenario table.
PRIJSSCENARIOS: tuple[tuple[str, object], ...] = (
    ("basis", gettext_lazy("Basis")),
    ("laag", gettext_lazy("Laag")),
    ("hoog", gettext_lazy("Hoog")),
)
AANSLUITGRADEN = (0.7, 0.9, 1.0)

#: The investment posts of the heat company: key, label, step 2's cost groups that feed it,
#: default phasing, lifetime [yr] and O&M [share of the investment per yr] when step 2 has none.
POSTEN: tuple[tuple[str, object, tuple[str, ...], tuple[float, ...], float, float], ...] = (
    (
        "netwerk",
        gettext_lazy("Warmtenet: leidingen in de wijk en transport"),
        ("K04_Wnet_buurt", "K06_Wnet_transport"),
        (0.4, 0.3, 0.3),
        40.0,
        0.01,
    ),
    (
        "opwekking",
        gettext_lazy("Opwekking en bron"),
        ("K07_Wnet_opwekking",),
        (0.5, 0.5),
        25.0,
        0.02,
    ),
    (
        "aansluitingen",
        gettext_lazy("Aansluitingen en afleversets"),
        ("K05_Wnet_pand",),
        (0.2, 0.2, 0.2, 0.2, 0.2),
        30.0,
        0.01,
    ),
    (
        "gebouw",
        gettext_lazy("Maatregelen in gebouwen die het warmtebedrijf betaalt"),
        (),
        (0.2, 0.2, 0.2, 0.2, 0.2),
        25.0,
        0.0,
    ),
)
POST_NAMEN = tuple(p[0] for p in POSTEN)
STANDAARD_AANSLUITFASERING = (0.2, 0.2, 0.2, 0.2, 0.2)
STANDAARD_AANSLUITGRAAD = 0.9

#: Where a value came from when the projectleider changed it.
AANGEPAST = gettext_lazy("Aangepast in de businesscase")
AANNAME = gettext_lazy("Standaardaanname van de businesscase; pas aan als u het beter weet")

#: The alternative-dependent inputs: they do not carry over to another choice.
VAN_ALTERNATIEF = ("investeringen", "aantal_aansluitingen", "warmtevraag_gj_per_aansluiting")


def postlabel(post: str) -> str:
    return next((str(p[1]) for p in POSTEN if p[0] == post), post)


# --- Caps and price paths (pure) ------------------------------------------------------------------


def plafonds_doorgetrokken(
    plafonds: Mapping[int, Tariefplafond],
    jaren: Iterable[int],
    gasprijs: Callable[[int], float | None],
    referentie: float | None = None,
) -> tuple[dict[int, Tariefplafond], list[int]]:
    """The ACM caps for every year, with years after the last known cap filled in.

    The Warmtewet ties the variable cap to the price of gas (the "niet-meer-dan-anders"
    principle), so beyond the last published cap the variable cap moves with the gas end-user
    price: ``cap(j) = cap(last) * gas(j) / referentie``, where ``referentie`` is the gas price of
    the last known year in the base path (by default ``gas(last)``), so a scenario with higher
    gas prices also has a higher cap. The fixed charge and the connection contribution carry
    forward. Returns the caps and the years that were derived this way.
    """
    uit = dict(plafonds)
    if not uit:
        return uit, []
    laatste = max(uit)
    basis = uit[laatste]
    gas_laatste = referentie if referentie is not None else gasprijs(laatste)
    afgeleid = []
    for jaar in sorted(set(jaren)):
        if jaar <= laatste:
            continue
        gas = gasprijs(jaar)
        factor = (
            gas / gas_laatste
            if gas is not None and gas_laatste and gas_laatste > 0 and math.isfinite(gas)
            else 1.0
        )
        uit[jaar] = Tariefplafond(
            vastrecht_per_jaar=basis.vastrecht_per_jaar,
            variabel_per_gj=basis.variabel_per_gj * factor,
            aansluitbijdrage=basis.aansluitbijdrage,
        )
        afgeleid.append(jaar)
    return uit, afgeleid


def prijspad(
    basisprijs: float,
    jaren: Sequence[int],
    gasprijs: Callable[[int], float | None],
    referentie: float | None,
) -> list[float]:
    """``basisprijs`` in the first year's terms, moving with the gas price: the price of year
    ``j`` is ``basisprijs * gas(j) / referentie`` (the basis scenario's gas price in the start
    year), so the scenarios differ in level as well as in trend."""
    if not referentie or referentie <= 0:
        return [basisprijs for _ in jaren]
    uit = []
    for jaar in jaren:
        gas = gasprijs(jaar)
        uit.append(basisprijs * gas / referentie if gas is not None else basisprijs)
    return uit


def scenariofactor(fp, scenario: str) -> float:
    """PBL's scenario files give the same end-user prices for every scenario; the low and high
    energy-price scenarios scale them by a factor of the parameter set (1 when it lacks one)."""
    if scenario == "basis":
        return 1.0
    k = fp.kentallen.get(f"Prijsscenario_{scenario}_factor")
    return float(k.waarde) if k is not None and k.waarde is not None else 1.0


def _gasprijs(fp, scenario: str) -> Callable[[int], float | None]:
    factor = scenariofactor(fp, scenario)

    def prijs(jaar: int) -> float | None:
        try:
            waarde = fp.eindprijs("aardgas", jaar, scenario)
        except (KeyError, ValueError, IndexError, FinancienFout):
            return None
        if waarde is None or not math.isfinite(float(waarde)):
            return None
        return float(waarde) * factor

    return prijs


@dataclass(frozen=True)
class Prijzen:
    """Caps and heat purchase prices per price scenario, over the business case's years."""

    plafonds: dict[str, dict[int, Tariefplafond]]
    afgeleide_plafondjaren: list[int]
    inkoop: dict[str, list[float]]


def prijzen(fp, startjaar: int, looptijd: int, inkoop_per_gj: float) -> Prijzen:
    jaren = list(range(startjaar, startjaar + looptijd))
    basisgas = _gasprijs(fp, "basis")
    referentie = basisgas(startjaar)
    laatste_plafond = basisgas(max(fp.plafonds)) if fp.plafonds else None
    plafonds, inkoop, afgeleid = {}, {}, []
    for scenario, _label in PRIJSSCENARIOS:
        gas = _gasprijs(fp, scenario)
        plafonds[scenario], jaren_afgeleid = plafonds_doorgetrokken(
            fp.plafonds, jaren, gas, laatste_plafond
        )
        if scenario == "basis":
            afgeleid = jaren_afgeleid
        inkoop[scenario] = prijspad(inkoop_per_gj, jaren, gas, referentie)
    return Prijzen(plafonds, afgeleid, inkoop)


# --- Where a business case starts -----------------------------------------------------------------


@dataclass
class Startpunt:
    """What a new business case of the plan starts from. ``fout`` says, in Dutch, why there is
    nothing to compute yet and what to do; ``fout_url_naam`` names the page where to do it."""

    keuze: object | None = None
    alternatief: object | None = None
    berekening: object | None = None
    fp: object | None = None
    fout: str = ""
    fout_url_naam: str = ""
    waarden: dict = field(default_factory=dict)
    herkomst: dict = field(default_factory=dict)
    #: The alternative has no heat network in step 2 (all its investment posts are 0).
    zonder_warmtenet: bool = False

    @property
    def kan_rekenen(self) -> bool:
        return not self.fout


def _getal(x) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return 0.0
    return v if math.isfinite(v) else 0.0


def _aantal(records: Iterable[dict] | None) -> float:
    return sum(_getal(r.get("aantal")) for r in (records or ()))


def _datum(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    return timezone.localtime(moment).strftime("%d-%m-%Y")


def _investeringen(berekening, fp_kosten: list[dict]) -> tuple[dict, dict, bool]:
    """The four posts from step 2's cost items: amount, lifetime (weighted by amount) and O&M
    share; the phasing is an assumption."""
    waarden, herkomst = {}, {}
    totaal = 0.0
    datum = _datum(berekening.klaar_op or berekening.aangemaakt_op)
    for post, _label, groepen, fasering, levensduur, onderhoud in POSTEN:
        items = [k for k in fp_kosten if k.get("groep") in groepen]
        bedrag = sum(_getal(k.get("investering_eur")) for k in items)
        totaal += bedrag
        if bedrag > 0:
            levensduur = (
                sum(
                    _getal(k.get("investering_eur")) * _getal(k.get("looptijd_jaar")) for k in items
                )
                / bedrag
            ) or levensduur
            onderhoud = sum(_getal(k.get("onderhoud_eur_jaar")) for k in items) / bedrag
            namen = ", ".join(str(k.get("post")) for k in items if _getal(k.get("investering_eur")))
            bron = _("Stap 2, berekening van %(datum)s: %(posten)s") % {
                "datum": datum,
                "posten": namen,
            }
        elif groepen:
            bron = _(
                "Stap 2 heeft voor dit alternatief geen investering in deze post; levensduur en "
                "onderhoud zijn standaardaannames"
            )
        else:
            bron = _(
                "Niet uit stap 2: daar betalen de eigenaren de maatregelen in hun gebouw. Vul in "
                "wat het warmtebedrijf daarvan betaalt"
            )
        waarden[post] = {
            "bedrag": round(bedrag, 2),
            "fasering": list(fasering),
            "levensduur_jaren": round(levensduur, 2),
            "onderhoud_fractie": round(onderhoud, 6),
        }
        herkomst[f"investeringen.{post}"] = bron
        herkomst[f"investeringen.{post}.fasering"] = str(AANNAME)
    return waarden, herkomst, totaal <= 0


def startpunt(plan: Wijkplan) -> Startpunt:
    """The current choice, its alternative's latest calculation and the prefilled inputs."""
    keuze = keuze_selectors.huidige_keuze(plan)
    if keuze is None:
        return Startpunt(
            fout=_(
                "Er is nog geen warmteoplossing gekozen. Leg eerst in stap 4 de keuze vast; de "
                "businesscase rekent aan het gekozen alternatief."
            ),
            fout_url_naam="keuze-overzicht",
        )
    alternatief = (
        techniek_alternatieven.alternatief_by_pk(plan, keuze.alternatief_id)
        if keuze.alternatief_id
        else None
    )
    if alternatief is None:
        return Startpunt(
            keuze=keuze,
            fout=_(
                "Het gekozen alternatief ‘%(naam)s’ bestaat niet meer in stap 2. Leg in stap 4 "
                "een nieuwe keuze vast."
            )
            % {"naam": keuze.alternatief_naam},
            fout_url_naam="keuze-overzicht",
        )
    berekening = techniek_alternatieven.laatste_berekening(alternatief)
    if berekening is None or berekening.status != "klaar":
        if berekening is not None and berekening.status in ("wachtrij", "bezig"):
            melding = _(
                "De berekening van ‘%(naam)s’ in stap 2 loopt nog. Wacht tot die klaar is en "
                "open deze pagina dan opnieuw."
            )
        elif berekening is not None:
            melding = _(
                "De laatste berekening van ‘%(naam)s’ in stap 2 is niet gelukt. Bekijk daar "
                "wat er misging en reken het alternatief opnieuw door."
            )
        else:
            melding = _(
                "Het gekozen alternatief ‘%(naam)s’ is in stap 2 nog niet doorgerekend. Reken "
                "het daar eerst door; de businesscase neemt de investeringen en de warmtevraag "
                "daaruit over."
            )
        return Startpunt(
            keuze=keuze,
            alternatief=alternatief,
            berekening=berekening,
            fout=melding % {"naam": alternatief.naam},
            fout_url_naam="techniek-alternatieven",
        )
    fp = financiele.financiele_parameters()
    if fp is None:
        return Startpunt(
            keuze=keuze,
            alternatief=alternatief,
            berekening=berekening,
            fout=_(
                "De financiële parameters (tariefplafonds, prijzen, discontovoet) zijn nog niet "
                "geladen. Vraag de beheerder om ze te laden."
            ),
            fout_url_naam="techniek-parameterset-huidig",
        )
    try:
        waarden, herkomst, zonder_net = _voorinvulling(plan, berekening, fp)
    except FinancienFout as fout:
        return Startpunt(
            keuze=keuze,
            alternatief=alternatief,
            berekening=berekening,
            fp=fp,
            fout=_(
                "De financiële parameters zijn niet compleet: %(fout)s. Vraag de beheerder om "
                "ze aan te vullen."
            )
            % {"fout": fout},
            fout_url_naam="techniek-parameterset-huidig",
        )
    return Startpunt(
        keuze=keuze,
        alternatief=alternatief,
        berekening=berekening,
        fp=fp,
        waarden=waarden,
        herkomst=herkomst,
        zonder_warmtenet=zonder_net,
    )


def _kental(fp, naam: str) -> str:
    k = fp.kentallen.get(naam)
    return _("Parameterset versie %(v)s: %(naam)s (%(bron)s)") % {
        "v": fp.versie,
        "naam": naam,
        "bron": k.bron if k else "",
    }


def _voorinvulling(plan: Wijkplan, berekening, fp) -> tuple[dict, dict, bool]:
    samenvatting = berekening.samenvatting or {}
    investeringen, herkomst, zonder_net = _investeringen(berekening, samenvatting.get("kosten", []))
    datum = _datum(berekening.klaar_op or berekening.aangemaakt_op)

    voorraad = techniek_alternatieven.gebouwvoorraad(plan)
    if voorraad is not None:
        aansluitingen = _aantal(voorraad.woningen) + _aantal(voorraad.utiliteit)
        herkomst["aantal_aansluitingen"] = _(
            "Gebouwvoorraad van het plan (stap 2): woningen en andere gebouwen"
        )
    else:
        kopie = berekening.voorraad or {}
        aansluitingen = _aantal(kopie.get("woningen")) + _aantal(kopie.get("utiliteit"))
        herkomst["aantal_aansluitingen"] = _(
            "Gebouwvoorraad waarmee stap 2 rekende (%(datum)s)"
        ) % {"datum": datum}
    warmte = _getal((samenvatting.get("jaarvraag_gj") or {}).get("warmte"))
    per_aansluiting = warmte / aansluitingen if aansluitingen > 0 else 0.0
    herkomst["warmtevraag_gj_per_aansluiting"] = _(
        "Stap 2, berekening van %(datum)s: warmtevraag na isolatie (ruimteverwarming en "
        "tapwater) gedeeld door het aantal aansluitingen"
    ) % {"datum": datum}

    startjaar = timezone.localdate().year
    plafond = _plafond_van(fp.plafonds, startjaar)
    plafondbron = _(
        "ACM-maximumtarief %(jaar)s (parameterset versie %(v)s); is het eigen tarief lager, "
        "vul dat dan in"
    ) % {
        "jaar": min(max(fp.plafonds), startjaar) if fp.plafonds else startjaar,
        "v": fp.versie,
    }
    waarden = {
        "investeringen": investeringen,
        "aantal_aansluitingen": round(aansluitingen, 2),
        "aansluitgraad": STANDAARD_AANSLUITGRAAD,
        "aansluitfasering": list(STANDAARD_AANSLUITFASERING),
        "warmtevraag_gj_per_aansluiting": round(per_aansluiting, 3),
        "vastrecht_per_jaar": round(plafond.vastrecht_per_jaar, 2) if plafond else None,
        "variabel_per_gj": round(plafond.variabel_per_gj, 2) if plafond else None,
        "aansluitbijdrage": round(plafond.aansluitbijdrage, 2) if plafond else None,
        "tarieven_volgen_plafond": False,
        "inkoopkosten_per_gj": fp.waarde("Inkoopkosten_warmte_per_gj"),
        "vaste_beheerkosten_per_jaar": 0.0,
        "subsidies": [],
        "looptijd_jaren": round(fp.waarde("Looptijd_businesscase")),
        "discontovoet": fp.waarde("Discontovoet_warmtebedrijf"),
        "startjaar": startjaar,
    }
    herkomst.update(
        {
            "aansluitgraad": str(AANNAME),
            "aansluitfasering": str(AANNAME),
            "vastrecht_per_jaar": plafondbron,
            "variabel_per_gj": plafondbron,
            "aansluitbijdrage": plafondbron,
            "tarieven_volgen_plafond": str(AANNAME),
            "inkoopkosten_per_gj": _kental(fp, "Inkoopkosten_warmte_per_gj")
            + " "
            + _("; beweegt per jaar mee met de gasprijs van het prijsscenario (%(bron)s)")
            % {"bron": fp.prijsbron},
            "vaste_beheerkosten_per_jaar": str(AANNAME),
            "subsidies": _(
                "Geen subsidies vooraf ingevuld. Vul bijvoorbeeld de WIS in als die is "
                "toegekend of aangevraagd."
            ),
            "looptijd_jaren": _kental(fp, "Looptijd_businesscase"),
            "discontovoet": _kental(fp, "Discontovoet_warmtebedrijf"),
            "startjaar": _("Het huidige jaar"),
        }
    )
    return waarden, herkomst, zonder_net


def _plafond_van(plafonds: Mapping[int, Tariefplafond], jaar: int) -> Tariefplafond | None:
    gekozen = plafondjaar(plafonds, jaar)
    return None if gekozen is None else plafonds[gekozen]


# --- Stored business cases ------------------------------------------------------------------------


def huidige_businesscase(plan: Wijkplan) -> Businesscase | None:
    """The newest calculation: the one that counts."""
    return (
        Businesscase.objects.filter(wijkplan=plan)
        .select_related("parameterset")
        .order_by("-berekend_op", "-pk")
        .first()
    )


def businesscase_by_pk(plan: Wijkplan, pk: int) -> Businesscase | None:
    return Businesscase.objects.filter(wijkplan=plan, pk=pk).select_related("parameterset").first()


def historie(plan: Wijkplan, limiet: int | None = None) -> list[Businesscase]:
    """The calculations, newest first (the first counts)."""
    qs = (
        Businesscase.objects.filter(wijkplan=plan)
        .select_related("parameterset")
        .defer("invoer", "scenarios")
        .order_by("-berekend_op", "-pk")
    )
    return list(qs[:limiet] if limiet else qs)


def huidige_many(
    plans: Sequence[Wijkplan], *, uitstellen: tuple[str, ...] = ("invoer", "scenarios")
) -> dict[int, Businesscase]:
    """The newest calculation per plan id, for many plans in one query (without the fields
    in ``uitstellen``)."""
    nieuwste = (
        Businesscase.objects.filter(wijkplan__in=[p.pk for p in plans])
        .values("wijkplan_id")
        .annotate(m=Max("pk"))
        .values("m")
    )
    return {
        bc.wijkplan_id: bc for bc in Businesscase.objects.filter(pk__in=nieuwste).defer(*uitstellen)
    }


@dataclass(frozen=True)
class Stand:
    """A stored business case with whether it is still current."""

    businesscase: Businesscase
    #: The finance figures changed in a newer published parameter set.
    parameters_verouderd: bool
    #: A newer choice was recorded (step 4) since.
    keuze_gewijzigd: bool
    #: The alternative has a newer calculation in step 2 since.
    berekening_gewijzigd: bool
    #: The alternative itself (its name, sketch or own parameters) was changed since.
    alternatief_gewijzigd: bool = False

    @property
    def verouderd(self) -> bool:
        return (
            self.parameters_verouderd
            or self.keuze_gewijzigd
            or self.berekening_gewijzigd
            or self.alternatief_gewijzigd
        )

    @cached_property
    def resultaat(self) -> BusinesscaseResultaat:
        return BusinesscaseResultaat.from_dict(self.businesscase.resultaat)

    @cached_property
    def scenarios(self) -> pd.DataFrame:
        return pd.DataFrame(
            self.businesscase.scenarios,
            columns=[
                "prijsscenario",
                "aansluitgraad",
                "npv",
                "irr",
                "terugverdientijd",
                "onrendabele_top",
            ],
        )

    @property
    def waarden(self) -> dict:
        return (self.businesscase.invoer or {}).get("waarden", {})

    @property
    def herkomst(self) -> dict:
        return (self.businesscase.invoer or {}).get("herkomst", {})

    @property
    def aangepast(self) -> list[str]:
        return list((self.businesscase.invoer or {}).get("aangepast", []))

    @property
    def redenen(self) -> list[str]:
        """Why it is outdated, in Dutch."""
        uit = []
        if self.keuze_gewijzigd:
            uit.append(_("Er is sinds deze berekening een andere keuze vastgelegd (stap 4)."))
        if self.alternatief_gewijzigd:
            uit.append(_("Het alternatief is sinds deze berekening gewijzigd (stap 2)."))
        if self.berekening_gewijzigd:
            uit.append(_("Het alternatief is sinds deze berekening opnieuw doorgerekend (stap 2)."))
        if self.parameters_verouderd:
            uit.append(
                _(
                    "De financiële parameters zijn sinds deze berekening gewijzigd in een nieuwe "
                    "parameterset."
                )
            )
        return uit


def stand(plan: Wijkplan, businesscase: Businesscase | None = None) -> Stand | None:
    """The current (or the given) business case with its outdated flags (fixed queries)."""
    bc = businesscase or huidige_businesscase(plan)
    if bc is None:
        return None
    keuze = keuze_selectors.huidige_keuze(plan)
    keuze_gewijzigd = keuze is None or keuze.pk != bc.keuze_id
    berekening_gewijzigd = alternatief_gewijzigd = False
    if not keuze_gewijzigd and bc.alternatief_id:
        alt = techniek_alternatieven.alternatief_by_pk(plan, bc.alternatief_id)
        laatste = techniek_alternatieven.laatste_berekening(alt) if alt else None
        berekening_gewijzigd = laatste is not None and laatste.pk != bc.berekening_id
        alternatief_gewijzigd = alt is not None and alt.gewijzigd_op > bc.berekend_op
    return Stand(
        bc,
        parameters_verouderd=financiele.is_verouderd(bc.parameterset_id),
        keuze_gewijzigd=keuze_gewijzigd,
        berekening_gewijzigd=berekening_gewijzigd,
        alternatief_gewijzigd=alternatief_gewijzigd,
    )


# --- For the housing costs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bewonerstarieven:
    """What the heat company of the business case charges a household in its start year,
    each charge at most the ACM maximum of that year."""

    businesscase_id: int
    jaar: int
    vastrecht_per_jaar: float
    variabel_per_gj: float
    aansluitbijdrage: float


def _bewonerstarieven(bc: Businesscase) -> Bewonerstarieven | None:
    waarden = (bc.invoer or {}).get("waarden", {})
    fp = financiele.financiele_parameters(bc.parameterset_id)
    jaar = waarden.get("startjaar")
    if fp is None or jaar is None:
        return None
    plafond = _plafond_van(fp.plafonds, int(jaar))
    eigen = [waarden.get(k) for k in ("vastrecht_per_jaar", "variabel_per_gj", "aansluitbijdrage")]
    if plafond is None or any(w is None for w in eigen):
        return None
    maxima = (plafond.vastrecht_per_jaar, plafond.variabel_per_gj, plafond.aansluitbijdrage)
    if waarden.get("tarieven_volgen_plafond"):
        eigen = list(maxima)
    vast, variabel, aansluiting = (min(float(w), m) for w, m in zip(eigen, maxima, strict=True))
    return Bewonerstarieven(bc.pk, int(jaar), vast, variabel, aansluiting)


def bewonerstarieven_many(
    plans: Sequence[Wijkplan], keuzes: Mapping[int, object] | None = None
) -> dict[int, Bewonerstarieven]:
    """Per plan the heat company's tariffs from its newest business case, when that was
    calculated for the current choice (two queries, plus those of a parameter set not yet
    read; one less with the current ``keuzes`` given). Step 5's housing costs use them instead
    of the ACM maximum."""
    if keuzes is None:
        keuzes = keuze_selectors.huidige_keuzes_many(plans)
    uit = {}
    for bc in huidige_many(plans, uitstellen=("resultaat", "scenarios")).values():
        keuze = keuzes.get(bc.wijkplan_id)
        if keuze is None or keuze.pk != bc.keuze_id:
            continue
        tarieven = _bewonerstarieven(bc)
        if tarieven is not None:
            uit[bc.wijkplan_id] = tarieven
    return uit


def zonder_warmtenet_many(plans: Sequence[Wijkplan], keuzes: Mapping[int, object]) -> set[int]:
    """The plans whose chosen alternative has no heat network in its latest finished step-2
    calculation (no investment in network, source or connections): there is no heat company,
    so no business case of one is needed (one query)."""
    gekozen = {
        plan.pk: keuzes[plan.pk].alternatief_id
        for plan in plans
        if keuzes.get(plan.pk) is not None and keuzes[plan.pk].alternatief_id
    }
    berekeningen = techniek_alternatieven.laatste_klare_berekeningen(gekozen.values())
    uit = set()
    for plan_id, alternatief_id in gekozen.items():
        berekening = berekeningen.get(alternatief_id)
        if (
            berekening is not None
            and (_investeringen(berekening, (berekening.samenvatting or {}).get("kosten", []))[2])
        ):
            uit.add(plan_id)
    return uit
