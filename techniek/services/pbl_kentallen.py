"""The first parameter set: PBL's key figures of the Startanalyse 2025, from ``techniek/data``.

:func:`pbl_kentallen_laden` reads the copied PBL files (see ``techniek/data/parameters/README.md``)
and stores them as a published parameter set. It is idempotent: when the set exists, nothing
happens. Units and sources are taken over verbatim; where PBL gives none, the data says so.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from techniek.models import Parameter, Parameterset, Parametertabel

DATA = Path(__file__).resolve().parent.parent / "data" / "parameters"

PBL_NAAM = "PBL Startanalyse 2025"
PBL_REPO = (
    "PBL Vesta MAIS, repository pbl-nl/model-vesta-public, branch ActualisatieStartanalyse2025, "
    "commit 98006a82 (GPL-3.0)"
)
NIET_OPGEGEVEN = "Eenheid niet opgegeven door PBL."

#: Readable names of the groups (the parts of PBL's file names).
GROEPEN: dict[str, str] = {
    "BC_Kentallen": "Gebouwinstallaties en business case",
    "Efficiency": "Efficiënties en verliezen",
    "H2_Kentallen": "Waterstof",
    "H2_Prijzen": "Waterstof: tarieven",
    "Infra": "Infrastructuur en nettarieven",
    "LT_warmtenetten": "LT-warmtenetten",
    "MT_warmtenetten": "MT-warmtenetten",
    "NMDA_Prijzen": "Warmtetarieven (niet-meer-dan-anders)",
    "Netbeheer": "Netbeheer: elektriciteits- en gasnet",
    "Onderhoud": "Onderhoud en administratie",
    "Vermogens": "Vermogens en gelijktijdigheid",
    "Aanvullend": "Aanvullend (niet in de PBL-kentallen)",
}


@dataclass(frozen=True)
class _Aanvulling:
    naam: str
    waarde: str
    eenheid: str
    bron: str
    omschrijving: str


#: What the engine needs that PBL's key-figure files do not hold, each with a public source.
AANVULLINGEN: tuple[_Aanvulling, ...] = (
    _Aanvulling(
        "Discontovoet_maatschappelijk",
        "2.25",
        "percent_yr",
        "Rapport Werkgroep discontovoet 2020: standaarddiscontovoet 2,25% per 1 januari 2021, "
        "door het kabinet overgenomen (rwseconomie.nl). Gelijk aan Discontovoet/mr "
        "('Maatschappelijke discontovoet') in PBL Vesta MAIS, Runs/DefaultSettings/Basis.dms.",
        "Maatschappelijke discontovoet voor het annuïseren van investeringen (nationale kosten).",
    ),
    _Aanvulling(
        "GasEnergie",
        "0.03165",
        "GJ_m3",
        "PBL Vesta MAIS, model/Kengetallen.dms, Constanten/GasEnergie (31,65 MJ/m3).",
        "Energie-inhoud van laagcalorisch aardgas.",
    ),
)

#: The energy price files: carrier (file part) -> table key and title.
DRAGERS: dict[str, tuple[str, str, str]] = {
    "Aardgas": ("energieprijzen_aardgas", "Energieprijzen aardgas", "m3"),
    "Elek": ("energieprijzen_elektriciteit", "Energieprijzen elektriciteit", "kWh"),
    "GroenElek": (
        "energieprijzen_groene_elektriciteit",
        "Energieprijzen groene elektriciteit",
        "kWh",
    ),
    "KlimaatNeutraalGas": (
        "energieprijzen_klimaatneutraal_gas",
        "Energieprijzen klimaatneutraal gas",
        "m3",
    ),
    "OverigeKosten": ("energieprijzen_overige_kosten", "Energieprijzen overige brandstoffen", ""),
}
SCENARIOS: dict[str, str] = {"": "basis", "GAlaag_": "laag", "GAhoog_": "hoog"}

_SECTOREN = {
    "KG": "kleingebruik",
    "KMG": "klein-middelgebruik",
    "MMG": "middel-middelgebruik",
    "GG": "grootgebruik",
    "GLAST": "glastuinbouw",
}
_COMPONENTEN = {
    "COM_EXCL_CO2": "commodityprijs zonder CO2",
    "CO2": "CO2-heffing",
    "DIS": "distributie",
    "TRANS": "transport",
    "NET": "netwerk",
    "SDE": "opslag duurzame energie (SDE)",
    "BEL_EL": "energiebelasting",
    "BTW": "btw",
}
_FUNCTIES = {
    "rv": "ruimteverwarming",
    "vent": "ventilatie",
    "ww": "warm tapwater",
    "e": "elektrische apparatuur",
    "k": "koude",
}


def _herkomst(pad: Path) -> str:
    return f"{PBL_REPO}; bestand {pad.relative_to(DATA).as_posix()}"


def _lees(pad: Path) -> list[list[str]]:
    tekst = pad.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


def _getal_of_tekst(waarde: str) -> float | str | None:
    waarde = waarde.strip()
    if waarde == "":
        return None
    try:
        getal = float(waarde)
    except ValueError:
        return waarde
    return getal if getal == getal and abs(getal) != float("inf") else waarde


def _decimaal(waarde: str) -> tuple[Decimal | None, str]:
    """A figure as PBL writes it: a number, or the text that stands in its place ("nvt")."""
    waarde = waarde.strip()
    try:
        getal = Decimal(waarde)
    except InvalidOperation:
        return None, waarde
    return (getal, "") if getal.is_finite() else (None, waarde)


# --- Scalar key figures -----------------------------------------------------------------------


def _parameters(parameterset: Parameterset) -> list[Parameter]:
    uit: list[Parameter] = []
    for pad in sorted((DATA / "kentallen").glob("*.csv")):
        groep = pad.stem.split("_", 1)[1]
        rijen = _lees(pad)
        kop = [k.strip() for k in rijen[0]]
        if kop[:5] != ["Naam", "Waarde", "Eenheid", "Bron", "Beschrijving"]:
            raise ValueError(f"{pad.name}: onverwachte kopregel {kop}")
        for volgorde, rij in enumerate(rijen[1:], start=1):
            if not any(c.strip() for c in rij):
                continue
            naam, waarde, eenheid, bron, omschrijving = (rij + [""] * 5)[:5]
            getal, tekst = _decimaal(waarde)
            uit.append(
                Parameter(
                    parameterset=parameterset,
                    sleutel=f"{groep}.{naam.strip()}",
                    naam=naam.strip(),
                    groep=groep,
                    waarde=getal,
                    waarde_tekst=tekst,
                    eenheid=eenheid.strip(),
                    bron=bron.strip(),
                    omschrijving=omschrijving.strip(),
                    herkomst=_herkomst(pad),
                    volgorde=volgorde,
                )
            )
    for volgorde, a in enumerate(AANVULLINGEN, start=1):
        uit.append(
            Parameter(
                parameterset=parameterset,
                sleutel=f"Aanvullend.{a.naam}",
                naam=a.naam,
                groep="Aanvullend",
                waarde=Decimal(a.waarde),
                eenheid=a.eenheid,
                bron=a.bron,
                omschrijving=a.omschrijving,
                herkomst="Aangevuld door het platform; zie de bron.",
                volgorde=volgorde,
            )
        )
    return uit


# --- Tables -----------------------------------------------------------------------------------


def _bag_kolom(naam: str, soort: str) -> tuple[str, str]:
    """Unit and meaning of a column of PBL's BAG key-figure tables, from its name."""
    teksten = {
        "type_str": ("", "Woningtype" if soort == "woningen" else "Gebruiksfunctie"),
        "bouwjaar_str": ("", "Bouwjaarklasse"),
        "Default_label": ("", "Energielabel dat PBL aanneemt als het label onbekend is"),
    }
    if naam in teksten:
        return teksten[naam]
    if m := re.fullmatch(r"Vrv_([A-Z])_(asl|opp)", naam):
        deel = "deel per aansluiting" if m[2] == "asl" else "deel per m² gebruiksoppervlak"
        eenheid = "GJ/jr per aansluiting" if m[2] == "asl" else "GJ/jr per m²"
        return eenheid, f"Warmtevraag ruimteverwarming bij label {m[1]}, {deel}"
    if m := re.fullmatch(r"V(vent|ww|e|k)_(asl|opp)", naam):
        deel = "deel per aansluiting" if m[2] == "asl" else "deel per m² gebruiksoppervlak"
        eenheid = "GJ/jr per aansluiting" if m[2] == "asl" else "GJ/jr per m²"
        return eenheid, f"Vraag {_FUNCTIES[m[1]]}, {deel}"
    if m := re.fullmatch(r"Ki_S([A-Z])([A-Z])_(min|max)_(asl|opp)", naam):
        deel = "deel per aansluiting" if m[4] == "asl" else "deel per m² gebruiksoppervlak"
        eenheid = "€ per aansluiting" if m[4] == "asl" else "€ per m²"
        grens = "ondergrens" if m[3] == "min" else "bovengrens"
        return eenheid, f"Investering schil van label {m[1]} naar {m[2]}, {grens}, {deel}"
    return "", NIET_OPGEGEVEN + " Betekenis niet toegelicht in het PBL-bestand."


def _tabel_uit_bestand(
    parameterset: Parameterset,
    pad: Path,
    *,
    sleutel: str,
    titel: str,
    omschrijving: str,
    sleutelkolommen: list[str],
    kolom_meta,
    volgorde: int,
) -> Parametertabel:
    rijen = _lees(pad)
    kop = [k.strip() for k in rijen[0]]
    kolommen = []
    for naam in kop:
        eenheid, betekenis = kolom_meta(naam)
        kolommen.append(
            {"naam": naam, "eenheid": eenheid, "bron": PBL_NAAM, "omschrijving": betekenis}
        )
    data = [
        [_getal_of_tekst(c) for c in (rij + [""] * len(kop))[: len(kop)]]
        for rij in rijen[1:]
        if any(c.strip() for c in rij)
    ]
    return Parametertabel(
        parameterset=parameterset,
        sleutel=sleutel,
        titel=titel,
        omschrijving=omschrijving,
        bron=f"{PBL_NAAM}: {pad.name}",
        herkomst=_herkomst(pad),
        sleutelkolommen=sleutelkolommen,
        kolommen=kolommen,
        rijen=data,
        volgorde=volgorde,
    )


def _typeinfo_kolom(naam: str) -> tuple[str, str]:
    vast = {
        "Type": ("", "Type opwekking"),
        "K_kW_min": ("Eur_kW", "Investering per kW, ondergrens"),
        "K_kW_max": ("Eur_kW", "Investering per kW, bovengrens"),
        "MWth_min": ("MWth", "Minimaal thermisch vermogen"),
        "JaarKosten": ("_yr", "Jaarlijkse onderhoudskosten als deel van de investering"),
    }
    if naam in vast:
        return vast[naam]
    stof, _, jaar = naam.partition("_")
    return "", f"{stof}-emissie in {jaar}. {NIET_OPGEGEVEN}"


def _prijs_kolom(naam: str, eenheid: str) -> tuple[str, str]:
    if naam == "Jaar":
        return "jaar", "Jaar"
    if naam == "scenario":
        return "", "Prijsscenario: basis, laag (GAlaag) of hoog (GAhoog)"
    if naam == "RAT_CO2_KWH":
        return f"kg_{eenheid}", f"CO2-emissiefactor: kg CO2 per {eenheid}"
    if naam in ("P_CO2", "P_CO2_KWH"):
        return "", f"{NIET_OPGEGEVEN} Niet gebruikt in EnergiePrijzen.dms."
    if m := re.fullmatch(r"(KG|KMG|MMG|GG|GLAST)_PC_(.+)", naam):
        return f"Eur_{eenheid}", f"{_SECTOREN[m[1]]}: {_COMPONENTEN.get(m[2], m[2])}"
    if m := re.fullmatch(r"(KG|KMG|MMG|GG|GLAST)_P", naam):
        return f"Eur_{eenheid}", f"{_SECTOREN[m[1]]}: totale prijs (som van de componenten)"
    overig = {
        "KGJ_BIOMASSA": ("Eur_GJ", "Prijs biomassa"),
        "KGJ_PELLETS": ("Eur_GJ", "Prijs pellets"),
        "KGJ_KOLEN_EXCL": ("Eur_GJ", "Prijs kolen zonder CO2"),
        "KGJ_KOLEN_CO2": ("Eur_GJ", "CO2-kosten kolen"),
        "EURKG_H2_B": ("Eur_kg", "Prijs blauwe waterstof"),
        "EURKG_H2_G": ("Eur_kg", "Prijs groene waterstof"),
        "R_groen": ("ratio", "Aandeel groene waterstof"),
        "R_blauw": ("ratio", "Aandeel blauwe waterstof"),
    }
    return overig.get(naam, ("", NIET_OPGEGEVEN))


def _energieprijzen(parameterset: Parameterset, start: int) -> list[Parametertabel]:
    tabellen = []
    for volgorde, (drager, (sleutel, titel, eenheid)) in enumerate(DRAGERS.items(), start=start):
        kop: list[str] | None = None
        rijen: list[list] = []
        bestanden = []
        for deel, scenario in SCENARIOS.items():
            pad = DATA / "energieprijzen" / f"20250108_Energieprijzen_{deel}{drager}.csv"
            bestanden.append(pad.name)
            inhoud = _lees(pad)
            if kop is None:
                kop = [k.strip() for k in inhoud[0]]
            elif [k.strip() for k in inhoud[0]] != kop:
                raise ValueError(f"{pad.name}: andere kolommen dan de andere scenario's")
            rijen += [
                [scenario, *(_getal_of_tekst(c) for c in rij)]
                for rij in inhoud[1:]
                if any(c.strip() for c in rij)
            ]
        assert kop is not None
        kolommen = []
        for naam in ["scenario", *kop]:
            eenheid_kolom, betekenis = _prijs_kolom(naam, eenheid)
            kolommen.append(
                {
                    "naam": naam,
                    "eenheid": eenheid_kolom,
                    "bron": PBL_NAAM,
                    "omschrijving": betekenis,
                }
            )
        tabellen.append(
            Parametertabel(
                parameterset=parameterset,
                sleutel=sleutel,
                titel=titel,
                omschrijving=(
                    "Prijzen per jaar en prijscomponent, in drie scenario's. Eenheden zoals "
                    "PBL ze inleest in model/stam/CalculationSchemes/EnergiePrijzen.dms."
                ),
                bron=f"{PBL_NAAM}: {', '.join(bestanden)}",
                herkomst=f"{PBL_REPO}; map energieprijzen",
                sleutelkolommen=["scenario", "Jaar"],
                kolommen=kolommen,
                rijen=rijen,
                volgorde=volgorde,
            )
        )
    return tabellen


def _emissiefactoren(prijzen: list[Parametertabel], volgorde: int, parameterset) -> Parametertabel:
    """The CO2 factor per carrier and year: PBL's ``RAT_CO2_KWH`` of the base scenario."""
    per_drager = {}
    kolommen = [{"naam": "Jaar", "eenheid": "jaar", "bron": PBL_NAAM, "omschrijving": "Jaar"}]
    for tabel in prijzen:
        namen = tabel.kolomnamen
        if "RAT_CO2_KWH" not in namen:
            continue
        i_jaar, i_co2 = namen.index("Jaar"), namen.index("RAT_CO2_KWH")
        drager = tabel.sleutel.removeprefix("energieprijzen_")
        per_drager[drager] = {
            int(rij[i_jaar]): rij[i_co2] for rij in tabel.rijen if rij[0] == "basis"
        }
        kolommen.append(
            {
                "naam": drager,
                "eenheid": tabel.kolommen[i_co2]["eenheid"],
                "bron": f"{PBL_NAAM}: {tabel.bron.split(': ', 1)[1].split(', ')[0]}, "
                "kolom RAT_CO2_KWH",
                "omschrijving": f"CO2-emissiefactor {tabel.titel.removeprefix('Energieprijzen ')}",
            }
        )
    jaren = sorted(set().union(*(d.keys() for d in per_drager.values())))
    return Parametertabel(
        parameterset=parameterset,
        sleutel="emissiefactoren",
        titel="CO2-emissiefactoren per energiedrager en jaar",
        omschrijving=(
            "De kolom RAT_CO2_KWH uit de energieprijzen van PBL (basisscenario), per drager naast "
            "elkaar gezet. Verder niets bewerkt."
        ),
        bron=f"{PBL_NAAM}: energieprijzen, kolom RAT_CO2_KWH",
        herkomst=f"{PBL_REPO}; map energieprijzen",
        sleutelkolommen=["Jaar"],
        kolommen=kolommen,
        rijen=[[jaar, *(d.get(jaar) for d in per_drager.values())] for jaar in jaren],
        volgorde=volgorde,
    )


def _tabellen(parameterset: Parameterset) -> list[Parametertabel]:
    tabellen = [
        _tabel_uit_bestand(
            parameterset,
            DATA / "20241112_Woningen_BAG.csv",
            sleutel="woningen_bag",
            titel="Kentallen woningen per woningtype en bouwjaarklasse",
            omschrijving=(
                "Warmtevraag per energielabel (deel per aansluiting + deel per m²), vraag voor "
                "ventilatie, tapwater, apparatuur en koude, en investeringen in de schil per "
                "labelsprong (onder- en bovengrens)."
            ),
            sleutelkolommen=["type_str", "bouwjaar_str"],
            kolom_meta=lambda naam: _bag_kolom(naam, "woningen"),
            volgorde=1,
        ),
        _tabel_uit_bestand(
            parameterset,
            DATA / "20241107_Utiliteiten_BAG.csv",
            sleutel="utiliteiten_bag",
            titel="Kentallen utiliteit per gebruiksfunctie en bouwjaarklasse",
            omschrijving="Als de kentallen voor woningen, voor utiliteitsgebouwen.",
            sleutelkolommen=["type_str", "bouwjaar_str"],
            kolom_meta=lambda naam: _bag_kolom(naam, "utiliteit"),
            volgorde=2,
        ),
        _tabel_uit_bestand(
            parameterset,
            DATA / "TypeInfo.csv",
            sleutel="typeinfo",
            titel="Typen warmteopwekking: kosten en emissies",
            omschrijving=(
                "Eenheden zoals PBL ze declareert in model/Kengetallen/WarmteBronnen.dms."
            ),
            sleutelkolommen=["Type"],
            kolom_meta=_typeinfo_kolom,
            volgorde=3,
        ),
    ]
    prijzen = _energieprijzen(parameterset, start=4)
    return [*tabellen, *prijzen, _emissiefactoren(prijzen, 4 + len(prijzen), parameterset)]


# --- The service ------------------------------------------------------------------------------


def pbl_kentallen_laden(*, user=None) -> tuple[Parameterset, bool]:
    """Store PBL's 2025 key figures as a published parameter set, once.

    Returns the set and whether it was created now. The set gets the next free version number
    (1 on a new installation).
    """
    with transaction.atomic():
        bestaand = Parameterset.objects.select_for_update().filter(naam=PBL_NAAM).first()
        if bestaand is not None:
            return bestaand, False
        hoogste = Parameterset.objects.order_by("-versie").values_list("versie", flat=True).first()
        door = user if getattr(user, "is_authenticated", False) else None
        parameterset = Parameterset.objects.create(
            naam=PBL_NAAM,
            versie=(hoogste or 0) + 1,
            omschrijving=(
                "De kentallen van PBL achter de Startanalyse aardgasvrije buurten 2025, "
                "ongewijzigd overgenomen, met twee aanvullingen met eigen bron (discontovoet, "
                "energie-inhoud aardgas)."
            ),
            aangemaakt_door=door,
        )
        Parameter.objects.bulk_create(_parameters(parameterset))
        Parametertabel.objects.bulk_create(_tabellen(parameterset))
        from techniek.services.parameters import vastgesteld_markeren

        vastgesteld_markeren(parameterset, door)
    parameterset.refresh_from_db()
    return parameterset, True
