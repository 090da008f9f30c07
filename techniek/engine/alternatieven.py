"""Heat alternatives: the eight standard templates modelled on PBL's Startanalyse strategies,
the reference (gas boiler), and user-defined variants with their own settings.

The codes follow PBL's variant codes (``V01_Strategievariant``) so that results can be set beside
an imported Startanalyse run of the same variant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from .constanten import DOELLABELS
from .fouten import InvoerFout, Probleem, controleer
from .parameters import parameter_definities, standaard_parameters


class Gebouwsysteem(StrEnum):
    """What sits in the building."""

    GASKETEL = "gasketel"  # HR boiler (the reference)
    WARMTEPOMP = "warmtepomp"  # all-electric heat pump (S1) or booster heat pump on a ZLT net (S3)
    HYBRIDE = "hybride"  # hybrid heat pump next to the boiler (S4)
    AFLEVERSET = "afleverset"  # heat network delivers at the required temperature (S2, S3)


class Bron(StrEnum):
    BUITENLUCHT = "buitenlucht"
    BODEM = "bodem"
    RESTWARMTE = "restwarmte"
    GEOTHERMIE = "geothermie"
    WKO = "wko"  # aquifer thermal energy storage
    TEO = "teo"  # surface-water heat (TEO) with WKO as seasonal storage
    GAS = "gas"  # the boiler itself (reference)


class Net(StrEnum):
    MT = "MT"  # >= 70 degC
    LT = "LT"  # low-temperature source, delivered at up to 70 degC (PBL's LT-warmtenetten)
    ZLT = "ZLT"  # very low temperature (15 degC), booster heat pumps in the buildings


@dataclass(frozen=True)
class Alternatief:
    """One alternative, described by what the engine needs to compute it.

    * ``doellabel`` -- insulation step to B, C or D, or ``None`` for none;
    * ``aanvoertemperatuur`` [degC] -- design supply temperature of space heating in the building
      (heat pumps); ``None``: 35 for label B or better, 55 otherwise;
    * ``nettemperatuur`` [degC] -- supply temperature of the network (MT/LT: delivered heat,
      ZLT: the source temperature the booster heat pumps draw from);
    * ``aandeel_basisvermogen`` -- capacity of the base source as a share of its peak load;
      ``None``: PBL's ``HoofdbronVermogens`` (0.3) for MT sources and hybrid heat pumps, 1.0
      otherwise;
    * ``opslag_uren`` -- thermal storage as hours of base-source capacity (0 = none);
    * ``lengte_transport_m`` -- transport pipe from the source; ``None``: parameter
      ``L_transport_standaard`` (no source, fill in per plan);
    * ``klimaatneutraal_gas`` -- boilers burn climate-neutral gas;
    * ``parameters`` -- this alternative's own values for engine parameters, as (name, value)
      pairs (e.g. ``(("Ki_eWP_B_i", 12000.0),)``); the rest comes from the parameter set.
    """

    code: str
    naam: str
    strategie: str
    doellabel: str | None
    gebouwsysteem: Gebouwsysteem
    bron: Bron
    net: Net | None = None
    aanvoertemperatuur: float | None = None
    nettemperatuur: float | None = None
    aandeel_basisvermogen: float | None = None
    opslag_uren: float = 0.0
    lengte_transport_m: float | None = None
    klimaatneutraal_gas: bool = False
    omschrijving: str = ""
    parameters: tuple[tuple[str, float], ...] = ()

    @property
    def is_referentie(self) -> bool:
        return self.gebouwsysteem is Gebouwsysteem.GASKETEL

    @property
    def heeft_net(self) -> bool:
        return self.net is not None

    @property
    def collectieve_warmtepomp(self) -> bool:
        """A WKO/TEO source lifted to the network temperature by a collective heat pump."""
        return self.gebouwsysteem is Gebouwsysteem.AFLEVERSET and self.bron in (Bron.WKO, Bron.TEO)

    @property
    def gebruikt_gas_in_gebouw(self) -> bool:
        return self.gebouwsysteem in (Gebouwsysteem.GASKETEL, Gebouwsysteem.HYBRIDE)

    def afgiftetemperatuur(self) -> float:
        if self.aanvoertemperatuur is not None:
            return self.aanvoertemperatuur
        return 35.0 if self.doellabel in ("A", "B") else 55.0

    def variant(
        self, *, parameters: Mapping[str, float] | None = None, **wijzigingen: object
    ) -> Alternatief:
        """A user-defined variant of this alternative, validated.

        ``parameters`` gives the variant its own values for engine parameters (merged with the
        ones this alternative already overrides).
        """
        if parameters is not None:
            eigen = {**dict(self.parameters), **parameters}
            wijzigingen["parameters"] = tuple(sorted(eigen.items()))
        nieuw = replace(self, **wijzigingen)  # type: ignore[arg-type]
        valideer_alternatief(nieuw)
        return nieuw


_BRONNEN_PER_SYSTEEM: dict[Gebouwsysteem, tuple[Bron, ...]] = {
    Gebouwsysteem.GASKETEL: (Bron.GAS,),
    Gebouwsysteem.WARMTEPOMP: (Bron.BUITENLUCHT, Bron.BODEM, Bron.WKO, Bron.TEO),
    Gebouwsysteem.HYBRIDE: (Bron.BUITENLUCHT, Bron.BODEM),
    Gebouwsysteem.AFLEVERSET: (Bron.RESTWARMTE, Bron.GEOTHERMIE, Bron.WKO, Bron.TEO),
}


def valideer_alternatief(a: Alternatief) -> None:
    """Raise :class:`InvoerFout` with Dutch messages when the alternative cannot be computed."""
    plaats = f"alternatief '{a.code or a.naam or '?'}'"
    problemen: list[Probleem] = []
    if not a.code.strip():
        problemen.append(Probleem(plaats, "geef het alternatief een code"))
    if a.strategie not in ("S1", "S2", "S3", "S4", "referentie"):
        problemen.append(
            Probleem(plaats, f"strategie '{a.strategie}' bestaat niet; kies S1, S2, S3 of S4")
        )
    if a.doellabel is not None and a.doellabel not in DOELLABELS:
        problemen.append(
            Probleem(plaats, f"doellabel '{a.doellabel}' kan niet; kies B, C, D of geen")
        )
    if a.bron not in _BRONNEN_PER_SYSTEEM[a.gebouwsysteem]:
        toegestaan = ", ".join(b.value for b in _BRONNEN_PER_SYSTEEM[a.gebouwsysteem])
        problemen.append(
            Probleem(
                plaats,
                f"bron '{a.bron.value}' past niet bij {a.gebouwsysteem.value}; "
                f"kies uit {toegestaan}",
            )
        )
    if a.gebouwsysteem is Gebouwsysteem.AFLEVERSET and a.net not in (Net.MT, Net.LT):
        problemen.append(Probleem(plaats, "een afleverset hoort bij een MT- of LT-warmtenet"))
    if (
        a.gebouwsysteem is Gebouwsysteem.WARMTEPOMP
        and a.bron in (Bron.WKO, Bron.TEO)
        and a.net is not Net.ZLT
    ):
        problemen.append(
            Probleem(plaats, "boosterwarmtepompen op een WKO- of TEO-bron horen bij een ZLT-net")
        )
    if a.gebouwsysteem in (Gebouwsysteem.GASKETEL, Gebouwsysteem.HYBRIDE) and a.net is not None:
        problemen.append(
            Probleem(plaats, f"een {a.gebouwsysteem.value} hoort niet bij een warmtenet")
        )
    if (
        a.gebouwsysteem is Gebouwsysteem.WARMTEPOMP
        and a.bron in (Bron.BUITENLUCHT, Bron.BODEM)
        and a.net
    ):
        problemen.append(
            Probleem(
                plaats, "een individuele lucht- of bodemwarmtepomp hoort niet bij een warmtenet"
            )
        )
    if a.aandeel_basisvermogen is not None and not 0 < a.aandeel_basisvermogen <= 1:
        problemen.append(
            Probleem(plaats, "het aandeel basisvermogen moet groter dan 0 en hoogstens 1 zijn")
        )
    if a.net is Net.ZLT and a.aandeel_basisvermogen not in (None, 1.0):
        problemen.append(
            Probleem(plaats, "een ZLT-net heeft geen piekketel: het aandeel basisvermogen is 1")
        )
    if a.opslag_uren < 0:
        problemen.append(Probleem(plaats, "de opslag kan niet negatief zijn"))
    if a.opslag_uren > 0 and a.gebouwsysteem is not Gebouwsysteem.AFLEVERSET:
        problemen.append(
            Probleem(plaats, "warmteopslag wordt alleen bij een MT- of LT-warmtenet gerekend")
        )
    if a.lengte_transport_m is not None and a.lengte_transport_m < 0:
        problemen.append(
            Probleem(plaats, "de lengte van de transportleiding kan niet negatief zijn")
        )
    for naam, waarde in (
        ("aanvoertemperatuur", a.aanvoertemperatuur),
        ("nettemperatuur", a.nettemperatuur),
    ):
        if waarde is not None and not 5 <= waarde <= 120:
            problemen.append(
                Probleem(plaats, f"{naam} {waarde} graden C ligt niet tussen 5 en 120")
            )
    if a.heeft_net and a.nettemperatuur is None:
        problemen.append(Probleem(plaats, "geef de temperatuur van het warmtenet"))
    bekend = {d.naam for d in parameter_definities()}
    for naam, _ in a.parameters:
        if naam not in bekend:
            problemen.append(Probleem(plaats, f"onbekende parameter '{naam}'"))
    controleer(problemen)
    if a.parameters:
        try:
            standaard_parameters().vervang(**dict(a.parameters))
        except InvoerFout as fout:
            controleer([Probleem(plaats, str(p)) for p in fout.problemen])


REFERENTIE = Alternatief(
    code="REF",
    naam="Referentie: HR-ketel op aardgas",
    strategie="referentie",
    doellabel=None,
    gebouwsysteem=Gebouwsysteem.GASKETEL,
    bron=Bron.GAS,
    omschrijving=(
        "Alles blijft zoals het is: elke woning en elk gebouw houdt een HR-ketel op aardgas."
    ),
)

STANDAARD_ALTERNATIEVEN: tuple[Alternatief, ...] = (
    Alternatief(
        code="S1a_B_LuchtWP",
        naam="All-electric met luchtwarmtepomp, schil naar label B",
        strategie="S1",
        doellabel="B",
        gebouwsysteem=Gebouwsysteem.WARMTEPOMP,
        bron=Bron.BUITENLUCHT,
        omschrijving=(
            "Elke woning en elk gebouw wordt geïsoleerd tot label B en krijgt een elektrische "
            "luchtwarmtepomp met lage-temperatuurafgifte (35 graden C). Het gasnet wordt "
            "verwijderd, het elektriciteitsnet verzwaard."
        ),
    ),
    Alternatief(
        code="S1b_B_BodemWP",
        naam="All-electric met bodemwarmtepomp, schil naar label B",
        strategie="S1",
        doellabel="B",
        gebouwsysteem=Gebouwsysteem.WARMTEPOMP,
        bron=Bron.BODEM,
        omschrijving=(
            "Als S1a, maar met een bodemwarmtepomp: een bodemlus levert de hele winter warmte van "
            "ongeveer 10 graden C, zodat de COP in de kou niet daalt."
        ),
    ),
    Alternatief(
        code="S2a_B_Restwarmte",
        naam="MT-warmtenet op restwarmte, schil naar label B",
        strategie="S2",
        doellabel="B",
        gebouwsysteem=Gebouwsysteem.AFLEVERSET,
        bron=Bron.RESTWARMTE,
        net=Net.MT,
        nettemperatuur=70.0,
        opslag_uren=4.0,
        omschrijving=(
            "Een warmtenet van 70 graden C of hoger op industriële restwarmte. De bron levert de "
            "basislast (30 procent van de piekvraag), een buffer van 4 uur vangt korte pieken op, "
            "een gasgestookte piekketel de rest. Woningen krijgen een afleverset; isolatie tot "
            "label B."
        ),
    ),
    Alternatief(
        code="S2f_D_Geothermie",
        naam="MT-warmtenet op geothermie, schil naar label D",
        strategie="S2",
        doellabel="D",
        gebouwsysteem=Gebouwsysteem.AFLEVERSET,
        bron=Bron.GEOTHERMIE,
        net=Net.MT,
        nettemperatuur=70.0,
        opslag_uren=4.0,
        omschrijving=(
            "Een warmtenet van 70 graden C of hoger op aardwarmte (geothermie) als basislast, met "
            "een buffer van 4 uur en een gasgestookte piekketel; isolatie tot label D."
        ),
    ),
    Alternatief(
        code="S3c_B_WKO15_70",
        naam="LT-warmtenet op WKO met collectieve warmtepomp (15 naar 70 graden C), label B",
        strategie="S3",
        doellabel="B",
        gebouwsysteem=Gebouwsysteem.AFLEVERSET,
        bron=Bron.WKO,
        net=Net.LT,
        nettemperatuur=70.0,
        omschrijving=(
            "Een warmte-koudeopslag (WKO) levert water van 15 graden C; een collectieve "
            "warmtepomp brengt het op 70 graden C voor het warmtenet. Woningen krijgen een "
            "afleverset; isolatie tot label B."
        ),
    ),
    Alternatief(
        code="S3e_B_TEO_15_15",
        naam="ZLT-warmtenet op TEO en WKO met boosterwarmtepompen, label B",
        strategie="S3",
        doellabel="B",
        gebouwsysteem=Gebouwsysteem.WARMTEPOMP,
        bron=Bron.TEO,
        net=Net.ZLT,
        nettemperatuur=15.0,
        omschrijving=(
            "Thermische energie uit oppervlaktewater (TEO) laadt 's zomers een WKO; een net van 15 "
            "graden C brengt die warmte naar de gebouwen, waar een boosterwarmtepomp ruimte "
            "(35 graden C) en tapwater (60 graden C) verwarmt. Isolatie tot label B."
        ),
    ),
    Alternatief(
        code="S4a_KG_B_hWP",
        naam="Hybride warmtepomp met klimaatneutraal gas, schil naar label B",
        strategie="S4",
        doellabel="B",
        gebouwsysteem=Gebouwsysteem.HYBRIDE,
        bron=Bron.BUITENLUCHT,
        aanvoertemperatuur=55.0,
        klimaatneutraal_gas=True,
        omschrijving=(
            "Een hybride luchtwarmtepomp (30 procent van de piekvraag voor ruimteverwarming) naast "
            "de bestaande ketel, die op klimaatneutraal gas de piek en het tapwater verzorgt. Het "
            "gasnet blijft; isolatie tot label B."
        ),
    ),
    Alternatief(
        code="S4b_KG_D_hWP",
        naam="Hybride warmtepomp met klimaatneutraal gas, schil naar label D",
        strategie="S4",
        doellabel="D",
        gebouwsysteem=Gebouwsysteem.HYBRIDE,
        bron=Bron.BUITENLUCHT,
        aanvoertemperatuur=55.0,
        klimaatneutraal_gas=True,
        omschrijving="Als S4a, maar met isolatie tot label D.",
    ),
)
